"""The evaluation table as an Excel workbook (xlsxwriter): ready to print and take to the review meeting.

Sheets: the review table to print (A3 landscape at 10 pt, eleven columns), the full data (every column, one
row per indicator, autofilter), one sheet per summary, and the provenance. Numbers stay numbers with display
formats (%, thousands, 年度), status cells are styled by the status, and every sheet prints at 9 pt or more
(xlsxprint.py). Text is always written as a string (never a formula) and neutralised with ``safe_cell`` as in csv.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kpi.export.reviewtable import REVIEW_COLUMNS, figures_text, review_headings
from kpi.export.sections import SECTION_FORMATS, Section, sections
from kpi.export.table import Column, EvalRow, Evaluation, Fmt, Progress, evaluation_title, grade_text, shown_title
from kpi.export.xlsxprint import A3, MIN_SCALE, PAPERS, fill, header_text, print_setup
from kpi.fiscal import CalendarYear, year_text
from kpi.i18n import in_lang
from kpi.model import Status, YearBasis
from kpi.views.cells import safe_cell
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import Lang, year_label

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

LINE_HEIGHT = 17.0  # points per line of 10pt Yu Gothic (its line spacing is tall)
HEADER_ROW = 3  # title, provenance line, blank, then the header


_EXTRA: dict[str, int] = {}  # character -> 1 if full-width (it takes a second column), else 0


def text_width(text: str) -> int:
    """Display width: full-width (CJK) characters count two columns."""
    if text.isascii():  # no ASCII character is full-width
        return len(text)
    width = len(text)
    extra = _EXTRA
    for ch in text:
        more = extra.get(ch)
        if more is None:
            more = extra[ch] = 1 if unicodedata.east_asian_width(ch) in "WF" else 0
        width += more
    return width


def lines_needed(text: str, width: float) -> int:
    if not text:
        return 1
    return sum(max(1, math.ceil(text_width(part) / max(width - 1, 1))) for part in text.split("\n"))


class Styles:
    """Cached cell formats of one workbook."""

    def __init__(self, book: Workbook, lang: Lang) -> None:
        self.book = book
        self.lang = lang
        self._cache: dict[tuple[Any, ...], Format] = {}
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


def year_format(value: object, lang: Lang) -> str:
    """A year cell's display format: the cell keeps the year as a number (it sorts, filters and computes) and shows
    令和6年度 (a fiscal year in Japanese, the era name written out as the format's text), 2024年, FY2024 or CY2024."""
    calendar = isinstance(value, CalendarYear)
    if lang is Lang.EN:
        return '"CY"0' if calendar else '"FY"0'
    if calendar or not isinstance(value, int) or isinstance(value, bool):
        return '0"年"' if calendar else '0"年度"'
    return '"' + year_text(value, calendar=False, lang=lang) + '"'


def _write(sheet: Worksheet, row: int, col: int, value: object, style: Format, lang: Lang) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, style)
    elif isinstance(value, bool):
        sheet.write_string(row, col, in_lang(lang, "yes", ctx="mark") if value else "", style)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, style)
    else:
        sheet.write_string(row, col, cell_text(str(safe_cell(str(value))), lang), style)


CELL_LIMIT = 32_767  # characters an Excel cell holds; xlsxwriter would cut a longer text without a word


def cell_text(text: str, lang: Lang) -> str:
    """``text``, or as much of it as a cell holds with a note saying it was cut and where the whole text is."""
    if len(text) <= CELL_LIMIT:
        return text
    note = in_lang(
        lang, "… (cut: {count} characters, more than a cell holds; the whole text is in the measure file)", count=f"{len(text):,}"
    )
    return text[: CELL_LIMIT - len(note)] + note


def _shown_text(value: object, fmt: Fmt) -> str:
    if value is None or isinstance(value, bool):
        return "●" if value else ""
    if fmt is Fmt.PERCENT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _widths(header: list[str], rows: Iterable[list[str]], caps: list[int], heading: int = 12) -> list[float]:
    """Column widths: the longest text of each column (rows taken one at a time), within the column's cap; a
    heading is given up to ``heading`` units and wraps onto more lines beyond that."""
    return _capped(header, _longest(header, rows), caps, heading)


def _longest(header: list[str], rows: Iterable[list[str]]) -> list[int]:
    """The width of each column's longest text, the rows taken one at a time (a generator keeps one row in memory)."""
    longest = [0] * len(header)
    for row in rows:
        for index, text in enumerate(row[: len(header)]):
            width = text_width(text)
            if width > longest[index]:
                longest[index] = width
    return longest


def _capped(header: list[str], longest: list[int], caps: list[int], heading: int) -> list[float]:
    return [
        float(min(max(longest[index], min(text_width(title), heading), 4), caps[index]) + 2) for index, title in enumerate(header)
    ]


def _data_sheet(book: Workbook, styles: Styles, ev: Evaluation, progress: Progress | None) -> None:
    """Every column of the evaluation table (the yearly series, the ratios), one row per indicator, no merged rows:
    the sheet to sort, filter and compute on. Prints at 100% across A3 pages, 柱・No.・施策 on each."""
    lang = ev.lang
    cols: list[Column] = ev.human_columns()
    sheet = book.add_worksheet(in_lang(lang, "Data", ctx="sheet"))
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    title = in_lang(lang, "{plan} evaluation data {year}", plan=ev.report.plan_name, year=year)
    sheet.write_string(0, 0, str(safe_cell(title)), styles.title)
    sheet.write_string(1, 0, str(safe_cell(ev.provenance.line(lang))), styles.note)
    header = [c.header(lang) for c in cols]
    for index, text in enumerate(header):
        sheet.write_string(HEADER_ROW, index, text, styles.header)
    rows = ev.listed_rows
    texts = ([_shown_text(r.values[c.key], c.fmt) for c in cols] for r in rows)  # one row's texts at a time
    widths = _widths(header, texts, [c.width for c in cols])
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.set_row(HEADER_ROW, LINE_HEIGHT * max(lines_needed(h, w) for h, w in zip(header, widths, strict=True)))
    row_at = HEADER_ROW + 1
    for done, row in enumerate(rows, start=1):
        height = 1
        for index, column in enumerate(cols):
            value = row.values[column.key] if column.key != "title" else shown_title(row, lang)
            status = row.status if column.fmt is Fmt.STATUS else None
            _write(sheet, row_at, index, value, styles.get(column.fmt, value, status), lang)
            if isinstance(value, str):
                height = max(height, lines_needed(value, widths[index]))
        sheet.set_row(row_at, LINE_HEIGHT * height)
        row_at += 1
        if progress is not None:
            progress(done, len(rows))
    sheet.freeze_panes(HEADER_ROW + 1, 3)
    sheet.autofilter(HEADER_ROW, 0, max(row_at - 1, HEADER_ROW), len(cols) - 1)
    # far wider than A3: printed at 100% across pages, 柱・No.・施策 repeated on each
    shown = in_lang(lang, "evaluation data {year}", year=year)
    print_setup(sheet, HEADER_ROW, shown, ev.report.plan_name, widths, keys=3)


# -- the review table: the sheet that goes before the 推進会議 --------------------------------------------------
# Eleven columns instead of twenty-seven: the heading (柱) as a column, not merged rows, so the autofilter sorts;
# baseline, latest figure and target in one cell with units and years; 達成率 and 進捗率 as %; the status styled by
# the status. The columns fit one A3 width at 100% (no shrinking: 10 pt prints as 10 pt); a spreadsheet row never
# splits across pages; the header row repeats; 柱・No.・施策 stay frozen; each page has the plan, year and page number.

# Column-width units that fit the printable width of A3 landscape at 100%: Excel draws a unit about 5.3 pt wide
# (Calibri's digit), LibreOffice about 7.4 pt (its substitute for Yu Gothic): 150 units fit both.
PRINT_WIDTH = 150


def _value(row: EvalRow, key: str, lang: Lang) -> object:
    if key == "figures":
        return figures_text(row.assessment, lang)
    if key == "title":
        return shown_title(row, lang) if row.first or row.repeat else ""
    if key == "ministries":
        return row.values[key] if row.first else ""
    if key == "grade_label":
        return grade_text(row.result, lang) if row.first else ""
    if key == "status" and row.values.get("flags"):  # 遅れ［期限到来・未達成］: the flags beside the status
        return in_lang(lang, "{status} [{flags}]", status=row.values[key], flags=row.values["flags"])
    return row.values[key]


def review_sheet(book: Workbook, styles: Styles, ev: Evaluation) -> None:
    lang = ev.lang
    sheet = book.add_worksheet(in_lang(lang, "Evaluation", ctx="sheet"))
    title = evaluation_title(ev)
    sheet.write_string(0, 0, str(safe_cell(title)), styles.title)
    sheet.write_string(1, 0, str(safe_cell(ev.provenance.line(lang))), styles.note)
    for index, (column, heading) in enumerate(zip(REVIEW_COLUMNS, review_headings(ev.bases, lang), strict=True)):
        sheet.set_column(index, index, column.width)
        sheet.write_string(HEADER_ROW, index, heading, styles.header)
    sheet.set_row(HEADER_ROW, LINE_HEIGHT * 2)
    row_at = HEADER_ROW + 1
    for row in ev.listed_rows:
        height = 1
        for index, column in enumerate(REVIEW_COLUMNS):
            value = _value(row, column.key, lang)
            status = row.status if column.fmt is Fmt.STATUS else None
            fmt = Fmt.TEXT if column.key == "pillar" else column.fmt
            _write(sheet, row_at, index, value, styles.get(fmt, value, status), lang)
            if isinstance(value, str):
                height = max(height, lines_needed(value, column.width))
        sheet.set_row(row_at, LINE_HEIGHT * height)
        row_at += 1
    sheet.freeze_panes(HEADER_ROW + 1, 3)
    sheet.autofilter(HEADER_ROW, 0, max(row_at - 1, HEADER_ROW), len(REVIEW_COLUMNS) - 1)
    sheet.set_landscape()
    sheet.set_paper(A3)
    sheet.fit_to_pages(1, 0)  # a safety net only: the columns already fit at 100%, so this never shrinks the text
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f"&L{header_text(title)}&R&D")
    sheet.set_footer(f"&L{header_text(ev.report.plan_name)}&C&P / &N")


def _section_sheet(book: Workbook, styles: Styles, ev: Evaluation, section: Section) -> None:
    lang = ev.lang
    sheet = book.add_worksheet(_sheet_name(section.title))
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    shown = section.title if year in section.title else f"{section.title}  {year}"
    sheet.write_string(0, 0, str(safe_cell(shown)), styles.title)
    header = list(section.header)
    formats = SECTION_FORMATS.get(section.key, {})
    for index, text in enumerate(header):
        sheet.write_string(2, index, text, styles.header)
    texts = ([_shown_text(v, formats.get(i, Fmt.TEXT)) for i, v in enumerate(values)] for values in section.rows)
    longest = _longest(header, texts)  # once: the caps below change the widths, not the texts
    wraps = [formats.get(i, Fmt.TEXT) is Fmt.TEXT for i in range(len(header))]
    for cap in (30, 24, 20, 16):  # text columns narrower (wrapping onto more lines) until the sheet fits A3 at ≥ 9 pt
        caps = [cap if t else 12 for t in wraps]
        widths = _capped(header, longest, caps, heading=6)
        if sum(widths) * MIN_SCALE <= PAPERS[-1][2] * 100:
            break
    widths = fill(widths, _capped(header, longest, [c * 3 for c in caps], heading=6))
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.set_row(2, LINE_HEIGHT * max(lines_needed(h, w) for h, w in zip(header, widths, strict=True)))
    for offset, values in enumerate(section.rows):
        height = 1
        for index, value in enumerate(values):
            fmt = formats.get(index, Fmt.TEXT if isinstance(value, str) else Fmt.NUMBER)
            _write(sheet, 3 + offset, index, value, styles.get(fmt, value), lang)
            if isinstance(value, str):
                height = max(height, lines_needed(value, widths[index]))
        sheet.set_row(3 + offset, LINE_HEIGHT * height)
    if not section.rows:
        sheet.write_string(3, 0, in_lang(lang, "None", ctx="list"), styles.note)
    sheet.freeze_panes(3, 1)
    # the smallest paper that holds the columns at 10 pt: the missing list, a narrow reminder list, goes on A4
    keys = 2 if section.key in ("lagging", "missing") else 1  # No.・施策 / 府省庁・No., or the heading, on every page
    print_setup(sheet, 2, shown, ev.report.plan_name, widths, keys)


def _provenance_sheet(book: Workbook, styles: Styles, ev: Evaluation) -> None:
    name = in_lang(ev.lang, "Provenance", ctx="sheet")
    sheet = book.add_worksheet(name)
    sheet.write_string(0, 0, name, styles.title)
    items = ev.provenance.items(ev.lang)
    style = styles.get(Fmt.TEXT, "")
    for offset, (key, value) in enumerate(items):
        sheet.write_string(2 + offset, 0, key, styles.header)
        sheet.write_string(2 + offset, 1, str(safe_cell(value)), style)
    widths = [float(max(text_width(k) for k, _ in items) + 2), float(min(max(text_width(v) for _, v in items) + 2, 90))]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    print_setup(sheet, 2, name, ev.report.plan_name, widths)


def created(when: dt.datetime) -> dt.datetime:
    """A workbook's creation time as xlsxwriter takes it: naive, in UTC (it writes it with a Z). Excel shows it in
    the reader's own time zone, so an officer in Tokyo sees the JST time."""
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def _sheet_name(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, "_")
    return title[:31]


def to_xlsx(ev: Evaluation, progress: Progress | None = None) -> bytes:
    """The workbook as bytes."""
    from xlsxwriter import Workbook

    buffer = io.BytesIO()
    # constant_memory: each row goes to a temporary file as soon as the next one starts (rows are written in order),
    # so 20,000 measures take tens of MB instead of hundreds.
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    book = Workbook(buffer, options)
    prov = ev.provenance
    book.set_properties(
        {
            "title": evaluation_title(ev),
            "subject": in_lang(ev.lang, "evaluation table"),
            "comments": "; ".join(f"{k}: {v}" for k, v in prov.items(ev.lang)),
            "created": created(prov.generated),
        }
    )
    styles = Styles(book, ev.lang)
    review_sheet(book, styles, ev)
    _data_sheet(book, styles, ev, progress)
    for section in sections(ev):
        _section_sheet(book, styles, ev, section)
    _provenance_sheet(book, styles, ev)
    book.close()
    return buffer.getvalue()
