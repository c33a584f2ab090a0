"""The cells of kpi's workbooks (xlsxwriter): text widths and row heights, cached cell formats, one value written.

Shared by the evaluation workbook (xlsx.py), the RS layout (rs.py) and the follow-up layout (followup_xlsx.py). Each
helper is called once per cell of sheets that can hold a row per indicator of 100,000 measures, so each keeps its
common case short.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import TYPE_CHECKING, Any

from kpi.export.table import Fmt
from kpi.fiscal import CalendarYear, year_text
from kpi.i18n import in_lang
from kpi.model import Status
from kpi.views.cells import safe_cell
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import Lang

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

_YEAR = Fmt.YEAR
LINE_HEIGHT = 17.0  # points per line of 10pt Yu Gothic (its line spacing is tall)


class _Extra(dict[str, int]):
    """character -> 1 if full-width (it takes a second column), else 0; looked up once per character ever seen."""

    def __missing__(self, ch: str) -> int:
        more = self[ch] = 1 if unicodedata.east_asian_width(ch) in "WF" else 0
        return more


_EXTRA = _Extra()
_extra_of = _EXTRA.__getitem__


def text_width(text: str) -> int:
    """Display width: full-width (CJK) characters count two columns."""
    if text.isascii():  # no ASCII character is full-width
        return len(text)
    return len(text) + sum(map(_extra_of, text))


def lines_needed(text: str, width: float) -> int:
    if not text:
        return 1
    room = max(width - 1, 1)
    if "\n" not in text:
        if 2 * len(text) <= room:  # fits on one line even if every character is full-width
            return 1
        return max(1, math.ceil(text_width(text) / room))
    return sum(max(1, math.ceil(text_width(part) / room)) for part in text.split("\n"))


class Styles:
    """Cached cell formats of one workbook: one Format per distinct look, however many cells wear it."""

    def __init__(self, book: Workbook, lang: Lang) -> None:
        self.book = book
        self.lang = lang
        self._cache: dict[tuple[Any, ...], Format] = {}
        self._by_value: dict[tuple[Any, ...], Format] = {}  # the same formats, found from what decides them
        base = {
            "font_name": "Yu Gothic" if lang is Lang.JA else "Calibri",
            "font_size": 10,
            "valign": "top",
            "border": 1,
            "border_color": "#BFC5CC",
        }
        self.base = base
        self.title = book.add_format({"bold": True, "font_size": 14, "font_name": base["font_name"]})
        self.note = book.add_format({"font_size": 10, "font_color": "#444444", "font_name": base["font_name"]})
        self.header = book.add_format(
            {**base, "bold": True, "bg_color": "#2F3B4C", "font_color": "#FFFFFF", "text_wrap": True, "valign": "vcenter"}
        )
        self.group = book.add_format({**base, "bold": True, "bg_color": "#E6E9EE", "font_size": 11})

    def get(self, fmt: Fmt, value: object, status: Status | None = None) -> Format:
        # The number format depends on the value's type, on a float being whole, and on a year's value (令和6年度).
        kind = type(value)
        key = (fmt, kind, value if fmt is _YEAR else kind is float and value.is_integer(), status)  # type: ignore[attr-defined]
        style = self._by_value.get(key)
        if style is None:
            style = self._by_value[key] = self._made(fmt, value, status)
        return style

    def _made(self, fmt: Fmt, value: object, status: Status | None) -> Format:
        number_format = ""
        if fmt is Fmt.PERCENT:
            number_format = "0.0%"
        elif fmt is Fmt.RATIO:
            number_format = "0.00"
        elif fmt is Fmt.YEAR:
            number_format = year_format(value, self.lang)
        elif fmt is Fmt.INT:
            number_format = "000"
        elif isinstance(value, float) and not value.is_integer():
            number_format = "#,##0.0##"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            number_format = "#,##0"
        key = (fmt, number_format, status)
        if key not in self._cache:
            props: dict[str, Any] = dict(self.base)
            if number_format:
                props["num_format"] = number_format
            if fmt in (Fmt.TEXT, Fmt.FIGURE) and not number_format:
                props["text_wrap"] = True
            if fmt is Fmt.BOOL:
                props["align"] = "center"
            if status is not None:
                colours = STATUS_COLOURS[status]
                props.update(bg_color=colours.background, bold=True, left=5, left_color=colours.ink)
            self._cache[key] = self.book.add_format(props)
        return self._cache[key]


def created(when: dt.datetime) -> dt.datetime:
    """A workbook's creation time as xlsxwriter takes it: naive, in UTC (it writes it with a Z). Excel shows it in
    the reader's own time zone, so an officer in Tokyo sees the JST time."""
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def year_format(value: object, lang: Lang) -> str:
    """A year cell's display format: the cell keeps the year as a number (it sorts, filters and computes) and shows
    令和6年度 (a fiscal year in Japanese, the era name written out as the format's text), 2024年, FY2024 or CY2024."""
    calendar = isinstance(value, CalendarYear)
    if lang is Lang.EN:
        return '"CY"0' if calendar else '"FY"0'
    if calendar or not isinstance(value, int) or isinstance(value, bool):
        return '0"年"' if calendar else '0"年度"'
    return '"' + year_text(value, calendar=False, lang=lang) + '"'


def write_cell(sheet: Worksheet, row: int, col: int, value: object, style: Format, lang: Lang) -> None:
    """One value into a cell: a number as a number, a boolean as 「●」 or empty, text as text (never a formula)."""
    shown = cell_value(value, lang)
    if shown is None:
        sheet.write_blank(row, col, None, style)
    elif type(shown) is str:
        sheet.write_string(row, col, shown, style)
    else:
        sheet.write_number(row, col, shown, style)


def cell_value(value: object, lang: Lang) -> str | int | float | None:
    """What a cell holds for ``value``: a number as a plain int or float, a boolean as 「●」 or an empty text, text
    made safe (never a formula) and cut to what a cell holds, or None for a blank cell (None, an empty text)."""
    kind = type(value)
    if kind is str:  # the common case first, then as the order below says
        return cell_text(str(safe_cell(value)), lang) if value else None
    if value is None:
        return None
    if kind is bool:
        return _yes(lang) if value else ""
    if kind is int or kind is float:
        return value  # type: ignore[return-value]
    if isinstance(value, int):  # a CalendarYear: still a year number in the cell
        return int(value)
    if isinstance(value, float):
        return float(value)
    if value == "":
        return None
    return cell_text(str(safe_cell(str(value))), lang)


_YES: dict[Lang, str] = {}


def _yes(lang: Lang) -> str:
    """What a true boolean cell shows (●), looked up once per language."""
    text = _YES.get(lang)
    if text is None:
        text = _YES[lang] = in_lang(lang, "yes", ctx="mark")
    return text


CELL_LIMIT = 32_767  # characters an Excel cell holds; xlsxwriter would cut a longer text without a word


def cell_text(text: str, lang: Lang) -> str:
    """``text``, or as much of it as a cell holds with a note saying it was cut and where the whole text is."""
    if len(text) <= CELL_LIMIT:
        return text
    note = in_lang(
        lang, "… (cut: {count} characters, more than a cell holds; the whole text is in the measure file)", count=f"{len(text):,}"
    )
    return text[: CELL_LIMIT - len(note)] + note


def shown_text(value: object, fmt: Fmt) -> str:
    """A value as a cell shows it, near enough to size its column."""
    if value is None or isinstance(value, bool):
        return "●" if value else ""
    if fmt is Fmt.PERCENT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def forget_rows_before(sheet: Worksheet, row: int) -> None:
    """Drop what xlsxwriter keeps of row ``row - 1``, already written out to its temporary file.

    In constant_memory mode a row goes to disk as soon as the next row starts, but xlsxwriter keeps each row's
    set_row() height twice for the life of the workbook (an unslotted object for writing the row, a list for placing
    pictures and comments): ~250 bytes a row, ~70 MB for the two sheets of a row per indicator at 100,000 measures.
    Only rows already written are dropped, only in constant_memory mode, and only from workbooks that place no picture,
    chart or comment (kpi's): nothing reads them again. Should xlsxwriter keep them otherwise one day, this does
    nothing and the workbook is the same."""
    if not getattr(sheet, "constant_memory", False) or getattr(sheet, "previous_row", -1) < row:
        return
    for kept in (getattr(sheet, "row_info", None), getattr(sheet, "row_sizes", None)):
        if isinstance(kept, dict):
            kept.pop(row - 1, None)
