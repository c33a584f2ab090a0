"""Plain text for a terminal: display widths, Japanese line breaking, and a simple table of wrapped columns.

Widths count East Asian wide and full-width characters as two columns. Lines break only where Japanese
typesetting allows (JIS X 4051's basics): never before 、。，．）」』】 and the like, never after （「『【,
and never inside a number, a year or a figure with its unit (``110,000 人``, ``(2024年度)``, ``73.3%``).
A no-break space (U+00A0) in a cell holds its two sides together and is written as a plain space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kpi.i18n import _
from kpi.text import terminal_safe

__all__ = ["NBSP", "Cell", "Widths", "clean", "grid", "grid_lines", "grid_twice", "pad", "width", "wrap"]

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


class _Widths(dict[str, int]):
    """Columns of each character met so far (a dict lookup in C once known; forgotten past 8,192 characters)."""

    def __missing__(self, ch: str) -> int:
        if len(self) >= 8192:
            self.clear()
        size = self[ch] = 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return size


_WIDTHS = _Widths()
_char_width = _WIDTHS.__getitem__


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


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


# Where a year token (YEAR) can begin: its opening bracket or era, F/C of FY/CY, or a digit (str.isdecimal is \d).
_YEAR_START = frozenset("(（令平昭FC")
# Kana and kanji that are each a token of their own, two columns wide, and never glue to their neighbours: the
# ranges below less those that begin a year (令平昭) or may not start a line (NO_START: small kana, ー, 々 …).
_NOT_PLAIN = frozenset("ぁぃぅぇぉっゃゅょゎゕゖゝゞァィゥェォッャュョヮヵヶヽヾ令平昭")


def _plain_end(text: str, j: int, n: int) -> int:
    """Where the run of plain kana and kanji from ``j`` ends."""
    while j < n:
        ch = text[j]
        if not ("\u4e00" <= ch <= "\u9fff" or "\u3041" <= ch <= "\u3096" or "\u30a1" <= ch <= "\u30fa") or ch in _NOT_PLAIN:
            break
        j += 1
    return j


def _tokens(text: str) -> list[tuple[str, str]]:
    """(token, the spaces before it) pairs: each token is a run no line break may enter."""
    return list(_measured(text)[0])


@lru_cache(maxsize=2048)
def _measured(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """``text``'s tokens (see _tokens) and the width of each, once per text (a table asks twice: its widths, its lines).

    No token holds a space, so a run between spaces (a chunk) is looked at for a no-break space where it starts and
    where such a look stopped at a （ (nowhere else can one be found that the look missed). A token joins the one
    before it when it starts with a NO_START character or follows a NO_END one or a no-break space."""
    merged: list[tuple[str, str]] = []
    space = ""
    i, n = 0, len(text)
    end = -1  # where the current chunk ends (its next space, or the end of the text)
    due = -1  # where the next look for a no-break space is due
    while i < n:
        ch = text[i]
        if ch == " ":
            space += " "
            i += 1
            continue
        run = 0
        if i > end:  # the first character of a chunk
            end = text.find(" ", i)
            end = n if end < 0 else end
            due = i
        if i == due:
            stop = end
            bracket = text.find("（", i + 1, end)  # 110,000 人（令和6年度）: the year may go to the next line
            if bracket > 0 and NBSP in text[i:bracket]:
                stop = bracket
            if NBSP in text[i:stop]:  # a chunk held together by no-break spaces: 実績 110,000 人
                token, j = text[i:stop], stop
                due = stop
            else:
                token, j, run = _token_at(text, i, ch, n)
        else:
            token, j, run = _token_at(text, i, ch, n)
        if merged and ((not space and (token[0] in NO_START or merged[-1][0][-1] in NO_END)) or merged[-1][0].endswith(NBSP)):
            merged[-1] = (merged[-1][0] + token, merged[-1][1])
        else:
            merged.append((token, space))
        space = ""
        i = j
        if run > j:  # after a wide character, a run of plain ones: each a token of its own
            plain = text[j:run]
            if token[-1] in NO_END:  # （相談 → （相 談
                merged[-1] = (merged[-1][0] + plain[0], merged[-1][1])
                plain = plain[1:]
            merged += [(each, "") for each in plain]
            i = run
    sizes = tuple(
        len(token) if token.isascii() else _char_width(token) if len(token) == 1 else sum(map(_char_width, token))
        for token, _ in merged
    )
    return tuple(merged), sizes


def _token_at(text: str, i: int, ch: str, n: int) -> tuple[str, int, int]:
    """The raw token at ``i`` (``ch``, not a space), where it ends, and where a run of plain characters after it
    ends (0: none looked for)."""
    year = YEAR.match(text, i) if ch in _YEAR_START or ch.isdecimal() else None
    if year:  # (令和6年度), 平成30年度, 2024年, (FY2024), a short aside like (年度): one token
        return year.group(), year.end(), 0
    if ch in WORD or _char_width(ch) != 2:
        j = i + 1
        while j < n and text[j] != " " and (text[j] in WORD or _char_width(text[j]) != 2):
            j += 1
        if text[j - 1].isdigit():  # a number keeps its unit: 2024年度, 10万人
            k = j
            while k < n and k - j < UNIT_GLUE and _is_wide(text[k]) and text[k] not in NO_END:
                k += 1
            j = k
        return text[i:j], j, 0
    return ch, i + 1, _plain_end(text, i + 1, n)


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
    line, size = "", 0  # the line so far and its width (widths add up: no need to measure a line again)
    tokens, sizes = _measured(text)
    for (token, spaced), wide in zip(tokens, sizes, strict=True):
        room = later if lines else limit
        if line:
            joined, joined_size = line + spaced + token, size + len(spaced) + wide
        else:
            joined, joined_size = token, wide
        if joined_size <= room:
            line, size = joined, joined_size
            continue
        if line:
            lines.append(line)
            room = later
        if wide > room:
            *full, line = _hard_split(token, room)
            lines.extend(full)
            size = width(line)
        else:
            line, size = token, wide
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
    return max(_measured(clean(text))[1], default=0)


class Widths:
    """A table's column widths measured a row at a time (rows made again to print them need not be kept)."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = columns
        self.natural = [width(c.header) for c in columns]
        # a flexible column is never narrower than its widest number, year or figure (nothing is cut inside one)
        self.floor = [c.least if c.flex else 0 for c in columns]

    def add(self, texts: Sequence[str]) -> None:
        """Measure a row's texts, one per column."""
        natural, floor = self.natural, self.floor
        for i, c in enumerate(self.columns):
            text = texts[i]
            natural[i] = max(natural[i], width(text))
            if c.flex:
                floor[i] = max(floor[i], longest_token(text))

    def sizes(self, total: int, gap: int = 2) -> list[int]:
        """Each column's width in a table ``total`` columns wide."""
        columns, natural, floor = self.columns, self.natural, self.floor
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


def _extremes(columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> list[list[Cell]]:
    """Two rows that size the columns as all of ``rows`` do: in each column the widest text, and (in a flexible one)
    the text with the widest run no line break may enter; none for no rows. Only they are kept, not the rows."""
    count = len(columns)
    wide, widest = [-1] * count, [""] * count
    run, longest = [-1] * count, [""] * count
    fixed = [i for i, c in enumerate(columns) if not c.flex]
    flexible = [i for i, c in enumerate(columns) if c.flex]
    looked: list[set[str]] = [set() for _ in columns]
    seen = False
    for row in rows:
        seen = True
        for i in fixed:
            text = row[i].text
            size = len(text) if text.isascii() else width(text)
            if size > wide[i]:
                wide[i], widest[i] = size, text
        for i in flexible:
            text = row[i].text
            size = len(text) if text.isascii() else width(text)
            if size > wide[i]:
                wide[i], widest[i] = size, text
            if text in looked[i]:
                continue
            cleaned = clean(text)
            # no run is wider than the whole text: a text no wider than the widest run so far is not looked into
            if (size if cleaned is text else width(cleaned)) > run[i]:
                longest_run = max(_measured(cleaned)[1], default=0)
                if longest_run > run[i]:
                    run[i], longest[i] = longest_run, text
                if len(looked[i]) >= 4096:  # the column's recent texts: its figures and labels come again and again
                    looked[i].clear()
                looked[i].add(text)
    if not seen:
        return []
    return [[Cell(text) for text in widest], [Cell(text) for text in longest]]


def grid(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], total: int, colour: bool, gap: int = 2) -> list[str]:
    """Header, rule and rows, each cell wrapped to its column; colours only when ``colour``."""
    measured = Widths(columns)
    for row in rows:
        measured.add([cell.text for cell in row])
    return list(grid_lines(columns, rows, measured.sizes(total, gap), colour, gap))


def grid_twice(
    columns: Sequence[Column], rows: Callable[[], Iterable[Sequence[Cell]]], total: int, colour: bool, gap: int = 2
) -> Iterator[str]:
    """``grid``'s lines as they are made: ``rows()`` gives the rows twice, first to size the columns (only the two rows
    ``_extremes`` picks are kept), then to print them, so a table of any length is never whole in memory."""
    measured = Widths(columns)
    for row in _extremes(columns, rows()):
        measured.add([cell.text for cell in row])
    yield from grid_lines(columns, rows(), measured.sizes(total, gap), colour, gap)


def grid_lines(
    columns: Sequence[Column], rows: Iterable[Sequence[Cell]], sizes: list[int], colour: bool, gap: int = 2
) -> Iterator[str]:
    """``grid``'s lines with the column widths known (``Widths``), each row's lines as the row comes."""
    sep = " " * gap
    header_cells = [wrap(c.header, s) for c, s in zip(columns, sizes, strict=True)]
    yield from _lines(header_cells, sizes, columns, [""] * len(columns), sep, colour)
    yield sep.join("─" * s for s in sizes)
    for row in rows:
        cells = [
            wrap(cell.text, s) if columns[i].flex else [clean(cell.text).replace(NBSP, " ")]
            for i, (cell, s) in enumerate(zip(row, sizes, strict=True))
        ]
        yield from _lines(cells, sizes, columns, [cell.colour for cell in row], sep, colour)


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
