"""kpi.plan.tomlread: the Locator that finds the line of a key path, and how TOML syntax errors are reported."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from kpi.plan.tomlread import Locator, decode, display_key, parse, show_value

MEASURE = """\
# comment with [brackets] and key = value in it
id = "2024-008"
title = "支援情報検索サイトの運用"   # trailing comment
editions.2023.number = 7

[editions.2024]
number = 8

[[indicators]]
id = "a"
target = 1
milestones = [
  { year = 2025, value = 50 },  # first
  { year = 2027, value = 70 },
]

[indicators.actuals]
2023 = 98000
2024 = { value = 120000, note = "速報値" }

[[indicators]]
id = "b"
name = \"\"\"
fake = 1
[fake]
\"\"\"
ministries = ["内閣府",
  "デジタル庁"]

[indicators.actuals]
"R6" = 1
'lit' = 2
"a.b" = 3

[[indicators.revisions]]
date = 2025-06-01

[[indicators.revisions]]
date = 2025-07-01
"""


def test_the_sample_is_valid_toml() -> None:
    tomllib.loads(MEASURE)


def line(path: tuple[str | int, ...]) -> int | None:
    return Locator(MEASURE).line_of(path)


def test_top_level_and_dotted_keys() -> None:
    assert line(("id",)) == 2
    assert line(("title",)) == 3
    assert line(("editions", "2023", "number")) == 4
    assert line(("editions", "2023")) == 4


def test_tables_and_their_keys() -> None:
    assert line(("editions", "2024")) == 6
    assert line(("editions", "2024", "number")) == 7
    assert line(("editions",)) == 4  # first mention


def test_array_tables_are_numbered() -> None:
    assert line(("indicators", 0)) == 9
    assert line(("indicators", 0, "target")) == 11
    assert line(("indicators", 1)) == 21
    assert line(("indicators", 1, "id")) == 22


def test_actuals_belong_to_their_indicator() -> None:
    assert line(("indicators", 0, "actuals")) == 17
    assert line(("indicators", 0, "actuals", "2024")) == 19
    assert line(("indicators", 1, "actuals", "R6")) == 31
    assert line(("indicators", 1, "actuals", "lit")) == 32
    assert line(("indicators", 1, "actuals", "a.b")) == 33


def test_keys_inside_inline_tables_fall_back_to_their_line() -> None:
    assert line(("indicators", 0, "actuals", "2024", "note")) == 19
    assert line(("indicators", 0, "actuals", "2024", "value")) == 19


def test_array_elements_get_the_line_they_start_on() -> None:
    assert line(("indicators", 0, "milestones")) == 12
    assert line(("indicators", 0, "milestones", 0)) == 13
    assert line(("indicators", 0, "milestones", 1, "year")) == 14
    assert line(("indicators", 1, "ministries", 0)) == 27
    assert line(("indicators", 1, "ministries", 1)) == 28


def test_multiline_strings_hold_no_keys() -> None:
    assert line(("indicators", 1, "name")) == 23
    assert line(("indicators", 1, "fake")) == 21  # not line 24: falls back to the [[indicators]] header
    assert line(("fake",)) is None


def test_nested_array_tables() -> None:
    assert line(("indicators", 1, "revisions", 0, "date")) == 36
    assert line(("indicators", 1, "revisions", 1, "date")) == 39
    assert line(("indicators", 0, "revisions")) == 9  # indicators[0] has none: its header


def test_missing_paths_fall_back_or_give_none() -> None:
    assert line(("indicators", 0, "deadline")) == 9
    assert line(("retired",)) is None
    assert line(()) is None


def test_crlf_and_unicode_line_separators() -> None:
    assert Locator(MEASURE.replace("\n", "\r\n")).line_of(("indicators", 1, "revisions", 1, "date")) == 39
    # U+2028 inside a string is not a line break for TOML, so it must not shift the count.
    text = 'title = "a\u2028b"\nid = "x"\n'
    assert tomllib.loads(text)["id"] == "x"
    assert Locator(text).line_of(("id",)) == 2


def test_key_at_and_unclosed() -> None:
    locator = Locator(MEASURE)
    assert locator.key_at(19) == ("indicators", 0, "actuals", "2024")
    assert locator.key_at(14) == ("indicators", 0, "milestones")  # inside the multi-line list
    assert locator.key_at(5) == ()
    assert locator.unclosed_line is None
    broken = Locator('a = 1\nb = [1,\n2\nc = """x\n')
    assert (broken.unclosed_line, broken.unclosed_kind) == (2, "list")


# -- generated documents: the Locator agrees with where each key was written --------------------------------

NAMES = st.sampled_from(["id", "name", "target", "deadline", "unit", "2024", "R6", "a.b", "値"])
VALUES = st.sampled_from(
    ['"x"', "1", "2.5", "true", "[1, 2]", '{ value = 1, note = "n" }', '"""\nk = 1\n"""', "[\n  1,\n  2,\n]"]
)


@given(st.lists(st.dictionaries(NAMES, VALUES, min_size=1, max_size=5), min_size=1, max_size=4), st.booleans())
def test_every_key_is_found_on_its_line(tables: list[dict[str, str]], crlf: bool) -> None:
    lines: list[str] = ['id = "m"']
    expected: dict[tuple[str | int, ...], int] = {("id",): 1}
    for index, table in enumerate(tables):
        lines += ["", "# a comment", "[[indicators]]"]
        expected[("indicators", index)] = len(lines)
        for key, value in table.items():
            written = key if key.isascii() and key.replace("_", "").isalnum() else f'"{key}"'
            first, *rest = value.split("\n")
            lines.append(f"{written} = {first}")
            expected[("indicators", index, key)] = len(lines)
            lines += rest
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    data = tomllib.loads(text)
    assert len(data["indicators"]) == len(tables)
    locator = Locator(text)
    for path, number in expected.items():
        assert locator.line_of(path) == number, (path, text)


# -- syntax errors, encodings and values in messages -----------------------------------------------------------


def test_syntax_error_names_line_key_and_fix() -> None:
    _, problem = parse('id = "x"\ntarget = 120,000\n', "m.toml")
    assert str(problem) == (
        "m.toml:2: target: invalid TOML: expected newline or end of document after a statement at column 13; "
        "one key = value per line; write numbers without commas or units (120000)"
    )


def test_table_declared_twice() -> None:
    _, problem = parse("[editions.2024]\nnumber = 1\n[editions.2024]\nnumber = 2\n", "m.toml")
    assert str(problem) == (
        "m.toml:3: editions.2024: invalid TOML: cannot declare ('editions', '2024') twice at column 15; "
        "a [table] header appears twice; merge the two tables into one"
    )


def test_unterminated_multiline_text_points_at_its_start() -> None:
    _, problem = parse('id = "x"\nnote = """start\nmore\n', "m.toml")
    assert str(problem) == (
        "m.toml:2: note: invalid TOML: the text opened on this line is never closed "
        '(unterminated string at the end of the file); close it with """'
    )


def test_decode_accepts_bom_and_rejects_other_encodings() -> None:
    assert decode(b"\xef\xbb\xbfid = 1\n", "m.toml") == ("id = 1\n", None)
    text, problem = decode('id = "x"\n\ntitle = "孤独"\n'.encode("shift_jis"), "m.toml")
    assert text is None
    fix = "re-save it with the encoding UTF-8 in your editor"
    assert str(problem) == f"m.toml:3: the file is not UTF-8 (it looks like Shift_JIS); {fix}"
    _, problem = decode(b"id = 1\n\xff\xfe\n", "m.toml")
    assert str(problem) == f"m.toml:2: the file is not UTF-8 (byte 0xff is not UTF-8); {fix}"


def test_display_key_quotes_what_toml_would_quote() -> None:
    assert display_key(("indicators", 0, "deadline")) == "indicators[0].deadline"
    assert display_key(("indicators", 0, "actuals", "R 6")) == 'indicators[0].actuals."R 6"'
    assert display_key(("editions", "2024\n")) == 'editions."2024\\n"'


def test_show_value_writes_toml() -> None:
    import datetime as dt

    assert [show_value(v) for v in ("next", True, 1, 2.5, float("nan"), float("-inf"), None)] == [
        '"next"',
        "true",
        "1",
        "2.5",
        "nan",
        "-inf",
        "nothing",
    ]
    assert show_value([1, "a"]) == '[1, "a"]'
    assert show_value({"value": 1}) == "{ value = 1 }"
    assert show_value(dt.date(2025, 6, 1)) == "2025-06-01"
    assert show_value("x" * 100) == '"' + "x" * 38 + "…"
