"""The terminal table's line breaking, made in one pass with runs of kana and kanji taken at once, breaks exactly
where the rules of kpi.views.plaintable say (a plain reading of them, character by character, below)."""

from __future__ import annotations

import random
import unicodedata

from kpi.views import plaintable
from kpi.views.plaintable import NBSP, NO_END, NO_START, WORD, YEAR, longest_token, width, wrap


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def is_wide(ch: str) -> bool:
    return char_width(ch) == 2 and ch not in WORD


def reference_tokens(text: str) -> list[tuple[str, str]]:
    """The rules one character at a time: a chunk with a no-break space (up to a （ after one), a year, a word or
    number (with up to three wide characters of unit after a digit) or one wide character is a token; NO_START and
    NO_END glue tokens."""
    raw: list[tuple[str, str]] = []
    space = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            space += " "
            i += 1
            continue
        end = text.find(" ", i)
        end = n if end < 0 else end
        bracket = text.find("（", i + 1, end)  # 110,000 人（令和6年度）: the held chunk may stop at a （
        if bracket > 0 and NBSP in text[i:bracket]:
            end = bracket
        year = YEAR.match(text, i)
        if NBSP in text[i:end]:
            raw.append((text[i:end], space))
            i = end
        elif year:
            raw.append((year.group(), space))
            i = year.end()
        elif not is_wide(ch):
            j = i
            while j < n and text[j] != " " and not is_wide(text[j]):
                j += 1
            if text[j - 1].isdigit():
                k = j
                while k < n and k - j < 3 and is_wide(text[k]) and text[k] not in NO_END:
                    k += 1
                j = k
            raw.append((text[i:j], space))
            i = j
        else:
            raw.append((ch, space))
            i += 1
        space = ""
    merged: list[tuple[str, str]] = []
    for token, spaced in raw:
        if merged and ((not spaced and (token[0] in NO_START or merged[-1][0][-1] in NO_END)) or merged[-1][0].endswith(NBSP)):
            merged[-1] = (merged[-1][0] + token, merged[-1][1])
        else:
            merged.append((token, spaced))
    return merged


PIECES = [
    *"あいう漢字、。（）「」『』【】 　  abcXYZ0123456789,.%-年度万人件か所ーっゃ…①ｱ０é\u0301\u200b",
    NBSP,
    "令和6年度", "110,000\u00a0人（令和6年度）", "実績\u00a01（",
    "平成三十年", "（令和2年度）", "(2024年度)", "FY2024", "110,000", "（仮称）", "(年度)", "相談窓口",
    "ぁぃァィーゝ々ヽゞヾヵヶゕ", "令", "平", "昭", "ヺ", "〇", "鿿", "ゖ", "𠀋", "１２３",
]  # fmt: skip


def test_tokens_follow_the_rules_on_varied_text() -> None:
    rnd = random.Random(17)
    for _ in range(3000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40)))
        assert plaintable._tokens(text) == reference_tokens(text), text
        expected = max((width(token) for token, _ in reference_tokens(plaintable.clean(text))), default=0)
        assert longest_token(text) == expected, text


def test_wrapped_lines_keep_every_character_and_fit() -> None:
    rnd = random.Random(1717)
    for _ in range(1000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 40))).replace("\u200b", "")
        for limit in (4, 9, 16):
            lines = wrap(text, limit)
            assert all(width(line) <= limit for line in lines), (text, lines)
            assert "".join(lines).replace(" ", "") == plaintable.clean(text).replace(NBSP, "").replace(" ", "")


def test_a_run_of_kana_and_kanji_holds_only_plain_wide_characters() -> None:
    plain = 0
    for code in range(0x3000, 0xA000):
        ch = chr(code)
        if plaintable._plain_end(ch, 0, 1) == 1:
            plain += 1
            assert char_width(ch) == 2 and width(ch) == 2
            assert ch not in WORD and ch not in NO_START and ch not in NO_END and ch != NBSP
            assert not ch.isdecimal() and not YEAR.match(ch + "和6年度") and not YEAR.match(ch + "成6年")
    assert plain > 20_000  # the kanji, and kana


def test_breaks_in_a_title() -> None:
    assert wrap("相談窓口（令和6年度）の利用者数、110,000 人", 16) == ["相談窓口", "（令和6年度）の", "利用者数、", "110,000 人"]
