"""Plain text for a terminal: display widths, Japanese line breaking, and a simple table of wrapped columns.

Widths count East Asian wide and full-width characters as two columns. Lines break only where Japanese
typesetting allows (JIS X 4051's basics): never before 、。，．）」』】 and the like, never after （「『【,
and never inside a number, a year or a figure with its unit (``110,000 人``, ``(2024年度)``, ``73.3%``).
A no-break space (U+00A0) in a cell holds its two sides together and is written as a plain space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kpi.i18n import _
from kpi.text import terminal_safe

__all__ = ["NBSP", "Cell", "clean", "grid", "pad", "width", "wrap"]

NBSP = "\u00a0"
# Characters a line must not start with (closing brackets, punctuation, small kana, the long-vowel mark …)
NO_START = frozenset(
    "、。，．,.・：；:;？！?!）)]｝}」』】〕〉》〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥％%"
)
# … and must not end with (opening brackets)
NO_END = frozenset("（([｛{「『【〔〈《〘〖")
# Word characters of a number, a year or a Latin word: kept together on one line.
WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.%+-−/:~_'#&*０１２３４５６７８９")
YEAR = re.compile(r"[(（]?(?:(?:令和|平成|昭和)(?:\d+|元)年度?|\d{4}年度?|[FC]Y\d{4})[)）]?|[(（][^()（）\s]{1,4}[)）]")
UNIT_GLUE = 3  # up to this many wide characters right after a number stay with it (年度, 万人, 件, か所)


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


LIMIT = 4_000  # characters of one text shown in a terminal (a 10 MB title would take minutes to wrap)


def clean(text: str) -> str:
    """File text made harmless for a terminal (kpi.text.terminal_safe: control characters shown as ``\\x1b``, never
    acted on), line breaks and tabs as spaces (a cell is wrapped anew), and cut at ``LIMIT`` characters with a note."""
    if len(text) > LIMIT:
        text = text[:LIMIT] + _("… (+{count} characters; see the file)", count=f"{len(text) - LIMIT:,}")
    if text.isprintable():
        return text
    return terminal_safe(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def _is_wide(ch: str) -> bool:
    return _char_width(ch) == 2 and ch not in WORD


def _tokens(text: str) -> list[tuple[str, str]]:
    """(token, the spaces before it) pairs: each token is a run no line break may enter."""
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
        bracket = text.find("（", i + 1, end)  # 110,000 人（令和6年度）: the year may go to the next line
        if bracket > 0 and NBSP in text[i:bracket]:
            end = bracket
        if NBSP in text[i:end]:  # a chunk held together by no-break spaces: 実績 110,000 人
            raw.append((text[i:end], space))
            space = ""
            i = end
            continue
        year = YEAR.match(text, i)
        if year:  # (令和6年度), 平成30年度, 2024年, (FY2024), a short aside like (年度): one token
            raw.append((year.group(), space))
            space = ""
            i = year.end()
            continue
        if ch in WORD or ch == NBSP or not _is_wide(ch):
            j = i
            while j < n and text[j] != " " and (text[j] in WORD or text[j] == NBSP or not _is_wide(text[j])):
                j += 1
            if text[j - 1].isdigit():  # a number keeps its unit: 2024年度, 10万人
                k = j
                while k < n and k - j < UNIT_GLUE and _is_wide(text[k]) and text[k] not in NO_END:
                    k += 1
                j = k
            raw.append((text[i:j], space))
        else:
            raw.append((ch, space))
            j = i + 1
        space = ""
        i = j
    merged: list[tuple[str, str]] = []
    for token, spaced in raw:
        glued = merged and not spaced and (token[0] in NO_START or merged[-1][0][-1] in NO_END)
        if glued or (merged and merged[-1][0].endswith(NBSP)):
            merged[-1] = (merged[-1][0] + token, merged[-1][1])
        else:
            merged.append((token, spaced))
    return merged


def _hard_split(token: str, limit: int) -> list[str]:
    """A token wider than a whole line, cut by characters (the only break kpi ever makes inside a run)."""
    parts, line = [], ""
    for ch in token:
        if line and width(line + ch) > limit:
            parts.append(line)
            line = ""
        line += ch
    return [*parts, line] if line else parts


def wrap(text: str, limit: int, rest: int | None = None) -> list[str]:
    """``text`` in lines of at most ``limit`` columns (``rest`` for the lines after the first), broken where
    Japanese and English allow."""
    text = clean(text)
    if width(text) <= limit:
        return [text.replace(NBSP, " ")]
    later = limit if rest is None else rest
    lines: list[str] = []
    line = ""
    for token, spaced in _tokens(text):
        room = later if lines else limit
        joined = line + (spaced if line else "") + token
        if width(joined) <= room:
            line = joined
            continue
        if line:
            lines.append(line)
            room = later
        if width(token) > room:
            *full, line = _hard_split(token, room)
            lines.extend(full)
        else:
            line = token
    if line or not lines:
        lines.append(line)
    return [item.replace(NBSP, " ") for item in lines]


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, and an SGR colour code for the whole cell (empty for none)."""

    text: str
    colour: str = ""


@dataclass(frozen=True)
class Column:
    header: str
    flex: int = 0  # 0: as wide as its widest cell (never wrapped); n: shares the room left, n parts of it
    right: bool = False
    least: int = 8  # a flexible column's narrowest width


def longest_token(text: str) -> int:
    """The widest run of ``text`` that no line break may enter."""
    return max((width(token) for token, _ in _tokens(clean(text))), default=0)


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], total: int, gap: int) -> list[int]:
    natural = [max([width(c.header), *(width(r[i].text) for r in rows)]) for i, c in enumerate(columns)]
    # a flexible column is never narrower than its widest number, year or figure (nothing is cut inside one)
    floor = [max([c.least, *(longest_token(r[i].text) for r in rows)]) if c.flex else 0 for i, c in enumerate(columns)]
    fixed = sum(n for n, c in zip(natural, columns, strict=True) if not c.flex)
    room = total - fixed - gap * (len(columns) - 1)
    parts = sum(c.flex for c in columns)
    sizes = []
    for n, c, least in zip(natural, columns, floor, strict=True):
        sizes.append(n if not c.flex else min(n, max(least, room * c.flex // max(parts, 1))))
    spare = total - sum(sizes) - gap * (len(columns) - 1)
    while spare < 0:  # too wide: narrow the widest flexible column that can give room
        shrinkable = [i for i, c in enumerate(columns) if c.flex and sizes[i] > floor[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: sizes[i])
        sizes[widest] -= 1
        spare += 1
    for i, c in enumerate(columns):  # room a flexible column does not need goes to the others
        if c.flex and spare > 0 and sizes[i] < natural[i]:
            extra = min(spare, natural[i] - sizes[i])
            sizes[i] += extra
            spare -= extra
    return sizes


def grid(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], total: int, colour: bool, gap: int = 2) -> list[str]:
    """Header, rule and rows, each cell wrapped to its column; colours only when ``colour``."""
    sizes = _widths(columns, rows, total, gap)
    sep = " " * gap
    header_cells = [wrap(c.header, s) for c, s in zip(columns, sizes, strict=True)]
    out = _lines(header_cells, sizes, columns, [""] * len(columns), sep, colour)
    out.append(sep.join("─" * s for s in sizes))
    for row in rows:
        cells = [
            wrap(cell.text, s) if columns[i].flex else [clean(cell.text).replace(NBSP, " ")]
            for i, (cell, s) in enumerate(zip(row, sizes, strict=True))
        ]
        out += _lines(cells, sizes, columns, [cell.colour for cell in row], sep, colour)
    return out


def _lines(
    cells: list[list[str]], sizes: list[int], columns: Sequence[Column], colours: list[str], sep: str, colour: bool
) -> list[str]:
    height = max(len(c) for c in cells)
    lines = []
    for index in range(height):
        parts = []
        for cell, size, column, code in zip(cells, sizes, columns, colours, strict=True):
            text = pad(cell[index] if index < len(cell) else "", size, column.right)
            parts.append(f"\x1b[{code}m{text}\x1b[0m" if colour and code and text.strip() else text)
        lines.append(sep.join(parts).rstrip())
    return lines
