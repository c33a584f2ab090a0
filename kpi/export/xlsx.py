"""The evaluation table as an Excel workbook (xlsxwriter): ready to print and take to the review meeting.

Sheets: the review table to print (A3 landscape at 10 pt, eleven columns), the full data (every column, one
row per indicator, autofilter), one sheet per summary, and the provenance. Numbers stay numbers with display
formats (%, thousands, 年度), status cells are styled by the status, and every sheet prints at 9 pt or more
(xlsxprint.py). Text is always written as a string (never a formula) and neutralised with ``safe_cell`` as in csv.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from kpi.export.reviewtable import REVIEW_COLUMNS, figures_text, review_headings
from kpi.export.sections import SECTION_FORMATS, SECTION_KEYS, Section, section
from kpi.export.table import Column, EvalRow, Evaluation, Fmt, Progress, evaluation_title, grade_text, shown_title
from kpi.export.xlsxcells import CELL_LIMIT as CELL_LIMIT  # the names other modules and tests know from here
from kpi.export.xlsxcells import LINE_HEIGHT, Styles, cell_value, created, forget_rows_before, lines_needed, shown_text
from kpi.export.xlsxcells import text_width as text_width
from kpi.export.xlsxprint import A3, MIN_SCALE, PAPERS, fill, header_text, print_setup
from kpi.i18n import in_lang
from kpi.model import YearBasis
from kpi.views.cells import safe_cell
from kpi.views.labels import Lang, year_label

if TYPE_CHECKING:
    from kpi.export.xlsxsheet import Book, Cell

HEADER_ROW = 3  # title, provenance line, blank, then the header


def _longest(header: list[str], rows: Iterable[list[str]]) -> list[int]:
    """The width of each column's longest text, the rows taken one at a time (a generator keeps one row in memory)."""
    longest = [0] * len(header)
    for row in rows:
        for index, text in enumerate(row[: len(header)]):
            if 2 * len(text) > longest[index]:  # else it cannot be wider
                width = text_width(text)
                if width > longest[index]:
                    longest[index] = width
    return longest


def _measured(rows: Iterable[EvalRow], cols: list[Column], longest: list[int]) -> Iterator[EvalRow]:
    """``rows`` passed on as they come, the width of each data-sheet column's longest text kept in ``longest``: the
    review sheet's pass over the rows also sizes the data sheet's columns, so no pass of its own makes the rows.

    A column whose longest text has reached its cap is measured no further (its width is the cap whatever follows),
    and a text no more than half as long as the longest is never measured (it cannot be wider)."""
    caps = [c.width for c in cols]
    measuring = [(index, c.key, c.fmt) for index, c in enumerate(cols)]
    for row in rows:
        values = row.values
        capped = False
        for index, key, fmt in measuring:
            value = values[key]
            if value is None:  # shown empty: never the longest
                continue
            text = value if type(value) is str else shown_text(value, fmt)
            if 2 * len(text) > longest[index]:
                width = text_width(text)
                if width > longest[index]:
                    longest[index] = width
                    capped = capped or width >= caps[index]
        if capped:
            measuring = [m for m in measuring if longest[m[0]] < caps[m[0]]]
        yield row


def _capped(header: list[str], longest: list[int], caps: list[int], heading: int) -> list[float]:
    """Column widths: the longest text of each column within the column's cap; a heading is given up to ``heading``
    units and wraps onto more lines beyond that."""
    return [
        float(min(max(longest[index], min(text_width(title), heading), 4), caps[index]) + 2) for index, title in enumerate(header)
    ]


def _data_sheet(book: Book, styles: Styles, ev: Evaluation, longest: list[int], progress: Progress | None) -> None:
    """Every column of the evaluation table (the yearly series, the ratios), one row per indicator, no merged rows:
    the sheet to sort, filter and compute on. Prints at 100% across A3 pages, 柱・No.・施策 on each. ``longest``: each
    column's longest text (``_measured``), which sizes the columns before the first row is written."""
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
    widths = _capped(header, longest, [c.width for c in cols], 12)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.set_row(HEADER_ROW, LINE_HEIGHT * max(lines_needed(h, w) for h, w in zip(header, widths, strict=True)))
    cells = [
        (index, c.key, c.fmt, c.key == "title", c.fmt is Fmt.STATUS, widths[index], max(widths[index] - 1, 1))
        for index, c in enumerate(cols)
    ]
    total = ev.listed_count if progress is not None else 0
    row_at = HEADER_ROW + 1
    style, held, put_row = styles.get, cell_value, sheet.put_row  # looked up once: called for millions of cells
    for done, row in enumerate(ev.each_row(), start=1):
        height = 1
        values = row.values
        put: list[Cell] = []
        for index, key, fmt, is_title, is_status, width, room in cells:
            value = values[key] if not is_title else shown_title(row, lang)
            put.append((index, held(value, lang), style(fmt, value, row.status if is_status else None)))
            if isinstance(value, str) and (2 * len(value) > room or "\n" in value):  # else one line (lines_needed)
                height = max(height, lines_needed(value, width))
        put_row(row_at, put, LINE_HEIGHT * height)
        forget_rows_before(sheet, row_at)
        row_at += 1
        if progress is not None:
            progress(done, total)
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


_SHOWN = ("figures", "title", "ministries", "grade_label", "status")  # the columns _value shows otherwise than as values


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


def review_sheet(book: Book, styles: Styles, ev: Evaluation, rows: Iterable[EvalRow] | None = None) -> None:
    """The review table of ``rows`` (default: the evaluation's rows as listed), written as they come."""
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
    cells = [
        (
            index,
            c.key,
            Fmt.TEXT if c.key == "pillar" else c.fmt,
            c.fmt is Fmt.STATUS,
            c.width,
            max(c.width - 1, 1),
            c.key not in _SHOWN,  # the row's value as it is
        )
        for index, c in enumerate(REVIEW_COLUMNS)
    ]
    style, held = styles.get, cell_value
    for row in ev.each_row() if rows is None else rows:
        height = 1
        values = row.values
        put: list[Cell] = []
        for index, key, fmt, is_status, width, room, plain in cells:
            value = values[key] if plain else _value(row, key, lang)
            put.append((index, held(value, lang), style(fmt, value, row.status if is_status else None)))
            if isinstance(value, str) and (2 * len(value) > room or "\n" in value):  # else one line (lines_needed)
                height = max(height, lines_needed(value, width))
        sheet.put_row(row_at, put, LINE_HEIGHT * height)
        forget_rows_before(sheet, row_at)
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


def _section_sheet(book: Book, styles: Styles, ev: Evaluation, section: Section) -> None:
    lang = ev.lang
    sheet = book.add_worksheet(_sheet_name(section.title))
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    shown = section.title if year in section.title else f"{section.title}  {year}"
    sheet.write_string(0, 0, str(safe_cell(shown)), styles.title)
    header = list(section.header)
    formats = SECTION_FORMATS.get(section.key, {})
    for index, text in enumerate(header):
        sheet.write_string(2, index, text, styles.header)
    texts = ([shown_text(v, formats.get(i, Fmt.TEXT)) for i, v in enumerate(values)] for values in section.rows)
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
    style = styles.get
    for offset, values in enumerate(section.rows):
        height = 1
        put: list[Cell] = []
        for index, value in enumerate(values):
            fmt = formats.get(index, Fmt.TEXT if isinstance(value, str) else Fmt.NUMBER)
            put.append((index, cell_value(value, lang), style(fmt, value)))
            if isinstance(value, str):
                height = max(height, lines_needed(value, widths[index]))
        sheet.put_row(3 + offset, put, LINE_HEIGHT * height)
        forget_rows_before(sheet, 3 + offset)
    if not section.rows:
        sheet.write_string(3, 0, in_lang(lang, "None", ctx="list"), styles.note)
    sheet.freeze_panes(3, 1)
    # the smallest paper that holds the columns at 10 pt: the missing list, a narrow reminder list, goes on A4
    keys = 2 if section.key in ("lagging", "missing") else 1  # No.・施策 / 府省庁・No., or the heading, on every page
    print_setup(sheet, 2, shown, ev.report.plan_name, widths, keys)


def _provenance_sheet(book: Book, styles: Styles, ev: Evaluation) -> None:
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


def _sheet_name(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, "_")
    return title[:31]


def to_xlsx(ev: Evaluation, progress: Progress | None = None) -> bytes:
    """The workbook as bytes."""
    buffer = io.BytesIO()
    write_xlsx(ev, buffer, progress)
    return buffer.getvalue()


def write_xlsx(ev: Evaluation, target: IO[bytes], progress: Progress | None = None) -> None:
    """The workbook, written into ``target`` (an open file: a large plan's workbook is never whole in memory).

    The rows are written as they are made (``Evaluation.each_row``): one pass writes the review sheet and sizes the
    data sheet's columns, a second writes the data sheet. Raises OSError when ``target`` cannot be written."""
    from kpi.export.xlsxsheet import Book

    # constant_memory: each row goes to a temporary file as soon as the next one starts (rows are written in order),
    # so 20,000 measures take tens of MB instead of hundreds.
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    output = Guarded(target)
    book = Book(output, options)
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
    cols = ev.human_columns()
    longest = [0] * len(cols)
    review_sheet(book, styles, ev, _measured(ev.each_row(), cols, longest))
    _data_sheet(book, styles, ev, longest, progress)
    for key in SECTION_KEYS:  # one at a time, the long lists made as they are written
        _section_sheet(book, styles, ev, section(ev, key, remade=True))
    _provenance_sheet(book, styles, ev)
    book.close()
    if output.error is not None:
        raise output.error


class Guarded:
    """``target`` as xlsxwriter's zip writer sees it: the first error writing it is kept (write_xlsx raises it once
    xlsxwriter is done) and what comes after is dropped, so the zip writer finishes cleanly rather than failing again,
    unseen, when it is collected after the file is closed (``Exception ignored in ZipFile.__del__``)."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.error: OSError | None = None
        self._at = self._end = target.tell()

    def write(self, data: bytes) -> int:
        if self.error is None:
            try:
                self.target.write(data)
            except OSError as exc:
                self.error = exc
        self._at += len(data)
        self._end = max(self._end, self._at)
        return len(data)

    def tell(self) -> int:
        return self._at

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._at = offset if whence == io.SEEK_SET else self._at + offset if whence == io.SEEK_CUR else self._end + offset
        if self.error is None:
            try:
                self.target.seek(self._at)
            except OSError as exc:
                self.error = exc
        return self._at

    def flush(self) -> None:
        if self.error is None:
            try:
                self.target.flush()
            except OSError as exc:
                self.error = exc
