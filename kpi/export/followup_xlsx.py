"""The follow-up layout as an Excel workbook: one sheet of measures (a heading row per pillar), one of the comments.

Printed on A3 landscape, one page wide, the header repeated; an issues cell left empty where an indicator needs its
reasons is filled and says so, and an unanswered comment is highlighted, so both can be chased.
"""

from __future__ import annotations

import io
from typing import IO, TYPE_CHECKING, Any

from kpi.export.comments import comment_cells, comments_header
from kpi.export.followup import KEYS, Followup, headers
from kpi.export.xlsxcells import LINE_HEIGHT, created, forget_rows_before, lines_needed
from kpi.export.xlsxprint import A3
from kpi.i18n import in_lang
from kpi.views.cells import safe_cell
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import COLUMNS, Lang

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

WIDTHS = {"measure": 28, "ministries": 12, "done": 40, "indicators": 50, "grade": 16, "issues": 36, "next": 36}
COMMENT_WIDTHS = (14, 6, 30, 5, 12, 50, 50)
OWED = "#FFF4C2"  # an issues cell the review still waits for
UNANSWERED = "#FFE0E0"
HEADER_ROW = 3


def _print_setup(sheet: Worksheet, title: str) -> None:
    sheet.set_landscape()
    sheet.set_paper(A3)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f"&L{title.replace('&', '&&')[:200]}&R&D")
    sheet.set_footer("&C&P / &N")


def _text(sheet: Worksheet, row: int, col: int, text: str, style: Format) -> None:
    if text:
        sheet.write_string(row, col, str(safe_cell(text)), style)
    else:
        sheet.write_blank(row, col, None, style)


def to_followup_xlsx(f: Followup) -> bytes:
    """The follow-up workbook as bytes."""
    buffer = io.BytesIO()
    write_followup_xlsx(f, buffer)
    return buffer.getvalue()


def write_followup_xlsx(f: Followup, target: IO[bytes]) -> None:
    """The follow-up workbook, written into ``target`` as its rows are made (constant_memory: a row goes to a
    temporary file once the next one starts, so a large plan's workbook is never whole in memory)."""
    from kpi.export.xlsx import Guarded
    from kpi.export.xlsxsheet import Book

    output = Guarded(target)
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    book = Book(output, options)
    ja = f.lang is Lang.JA
    font = "Yu Gothic" if ja else "Calibri"
    base: dict[str, Any] = {"font_name": font, "font_size": 10, "valign": "top", "border": 1, "border_color": "#9AA3AD"}
    cell = book.add_format({**base, "text_wrap": True})
    owed = book.add_format({**base, "text_wrap": True, "bg_color": OWED, "bold": True})
    unanswered = book.add_format({**base, "text_wrap": True, "bg_color": UNANSWERED, "bold": True})
    header = book.add_format({**base, "bold": True, "bg_color": "#2F3B4C", "font_color": "#FFFFFF", "text_wrap": True})
    group = book.add_format({**base, "bold": True, "bg_color": "#E6E9EE", "font_size": 11})
    title_style = book.add_format({"bold": True, "font_size": 14, "font_name": font})
    note = book.add_format({"font_size": 9, "font_color": "#444444", "font_name": font})
    book.set_properties({"title": f.title(), "created": created(f.provenance.generated)})
    worst: dict[str, Format] = {}

    sheet = book.add_worksheet(in_lang(f.lang, "Follow-up", ctx="sheet"))
    sheet.write_string(0, 0, str(safe_cell(f.title())), title_style)
    sheet.write_string(1, 0, str(safe_cell(f.provenance.line(f.lang))), note)
    for index, (key, heading) in enumerate(zip(KEYS, headers(f.lang), strict=True)):
        sheet.set_column(index, index, WIDTHS[key])
        sheet.write_string(HEADER_ROW, index, heading, header)
    row_at = HEADER_ROW + 1
    for grp in f.placed:
        sheet.merge_range(row_at, 0, row_at, len(KEYS) - 1, str(safe_cell(grp.heading or "—")), group)
        row_at += 1
        for row in f.rows_of(grp):
            height = 1
            for index, key in enumerate(KEYS):
                text, style = row.cells[key], cell
                if key == "issues" and row.needs_explanation and not text:
                    text, style = COLUMNS[f.lang]["needs_explanation"], owed
                elif key == "grade" and row.worst is not None:
                    colours = STATUS_COLOURS[row.worst]
                    if row.worst not in worst:
                        worst[row.worst] = book.add_format(
                            {**base, "text_wrap": True, "left": 5, "left_color": colours.ink, "bg_color": colours.background}
                        )
                    style = worst[row.worst]
                _text(sheet, row_at, index, text, style)
                height = max(height, lines_needed(text, WIDTHS[key]))
            sheet.set_row(row_at, LINE_HEIGHT * min(height, 40))
            forget_rows_before(sheet, row_at)
            row_at += 1
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    _print_setup(sheet, f.title())

    from kpi.export.followup import comments_title

    comments = book.add_worksheet(in_lang(f.lang, "Comments", ctx="sheet"))
    comments.write_string(0, 0, str(safe_cell(comments_title(f))), title_style)
    for index, (text, width) in enumerate(zip(comments_header(f.lang), COMMENT_WIDTHS, strict=True)):
        comments.set_column(index, index, width)
        comments.write_string(HEADER_ROW, index, text, header)
    for offset, comment in enumerate(f.comments, HEADER_ROW + 1):
        values = comment_cells(comment, f.lang)
        height = 1
        for index, value in enumerate(values):
            style = unanswered if index == len(values) - 1 and not comment.comment.answered else cell
            if isinstance(value, int):
                comments.write_number(offset, index, value, style)
            else:
                _text(comments, offset, index, "" if value is None else str(value), style)
                height = max(height, lines_needed("" if value is None else str(value), COMMENT_WIDTHS[index]))
        comments.set_row(offset, LINE_HEIGHT * min(height, 40))
    _print_setup(comments, comments_title(f))
    book.close()
    if output.error is not None:
        raise output.error
