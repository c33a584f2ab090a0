"""The writer of a `kpi collect` workbook (xlsxwriter): its formats, protected sheets, the hidden issue sheet, the lock.

What goes in the sheets is kpi.export.collect's; the layout's names (sheets, the headings the import finds columns
by) are kpi.edit.issued's.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import TYPE_CHECKING, Any

from kpi.edit import issued as layout
from kpi.text import column_letter
from kpi.views.cells import safe_cell

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

A4 = 9
HEADER = 3  # 0-based row of the header: title, guidance, the year over the input columns, then the header
WIDTHS = {"No.": 5, "施策ID": 10, "施策名": 30, "担当": 6, "指標ID": 14, "指標名": 34, "単位": 7, "状況": 12}


class Book:
    """One workbook being written, and the record of its rows for the hidden sheet."""

    def __init__(self, buffer: io.BytesIO) -> None:
        from kpi.export.xlsxsheet import Book

        # constant_memory: a row goes to a temporary file once the next one starts (each sheet is written in row order),
        # so a ministry of thousands of measures takes a few MB while its workbook is made, not hundreds.
        self.book = Book(buffer, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
        base = {"font_name": "Yu Gothic", "font_size": 10, "valign": "top", "text_wrap": True, "border": 1}
        self.locked = self.book.add_format({**base, "bg_color": "#F2F2F2", "border_color": "#BFBFBF"})
        self.input = self.book.add_format({**base, "locked": False, "bg_color": "#FFF9DB", "border_color": "#BFBFBF"})
        self.explain = self.book.add_format({**base, "locked": False, "bg_color": "#FCE4D6", "border_color": "#C65911"})
        self.header = self.book.add_format({**base, "bold": True, "bg_color": "#2F3B4C", "font_color": "#FFFFFF"})
        self.title = self.book.add_format({"font_name": "Yu Gothic", "bold": True, "font_size": 14})
        self.note = self.book.add_format({"font_name": "Yu Gothic", "font_size": 10, "text_wrap": True, "valign": "top"})
        self.rows: list[str] = []  # each row's record for the hidden sheet, as JSON

    def sheet(self, name: str, columns: list[str], title: str, guidance: str, asked: str, first_input: int) -> Worksheet:
        ws = self.book.add_worksheet(name)
        ws.write_string(0, 0, title, self.title)
        ws.write_string(1, 0, guidance, self.note)
        ws.write_string(2, first_input, asked, self.title)
        for col, label in enumerate(columns):
            ws.write_string(HEADER, col, label, self.header)
            width = WIDTHS.get(label, 40 if label in layout.REPORT_KEYS.values() or "参考" in label else 14)
            ws.set_column(col, col, width)
        ws.freeze_panes(HEADER + 1, 3)
        ws.set_landscape()
        ws.set_paper(A4)
        ws.repeat_rows(HEADER)
        ws.fit_to_pages(1, 0)
        ws.protect("", {"format_columns": True, "format_rows": True, "select_locked_cells": True})
        return ws

    def row(self, ws: Worksheet, sheet: str, row: int, ids: tuple[str, str | None], cells: list[Any], inputs: set[int]) -> None:
        locked: dict[str, Any] = {}
        given: dict[str, Any] = {}
        for col, value in enumerate(cells):
            fmt = self.input if col in inputs else self.locked
            # Input cells hold what the plan says, as the officer will see and return it (a string cell never runs);
            # locked cells are neutralised like every export's.
            text = value[: layout.MAX_CELL] if isinstance(value, str) else value
            shown = text if col in inputs else safe_cell(text)
            if isinstance(shown, bool) or shown is None or shown == "":
                ws.write_blank(row, col, None, fmt)
                shown = None
            elif isinstance(shown, int | float):
                ws.write_number(row, col, shown, fmt)
            else:
                ws.write_string(row, col, str(shown), fmt)
            (given if col in inputs else locked)[column_letter(col)] = layout.fingerprint(shown)
        entry = {"sheet": sheet, "row": row + 1, "m": ids[0], "i": ids[1], "locked": locked, "inputs": given}
        self.rows.append(json.dumps(entry, ensure_ascii=False))  # kept as its text: a dict of dicts weighs several times more

    def finish(self, meta: dict[str, Any], columns: dict[str, list[str]]) -> None:
        ws = self.book.add_worksheet(layout.META_SHEET)
        ws.write_string(0, 0, "kpi")
        ws.write_string(0, 1, json.dumps(meta | {"header": HEADER + 1, "columns": columns}, ensure_ascii=False))
        for index, entry in enumerate(self.rows, start=1):
            ws.write_string(index, 0, entry)
        ws.protect("")
        ws.very_hidden()
        self.book.close()


_WORKBOOK_PR = re.compile(rb"(<workbookPr[^>]*/>)")


def lock_structure(data: bytes) -> bytes:
    """Add <workbookProtection lockStructure="1"/> (xlsxwriter has no call for it): sheets cannot be renamed or shown."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                content = _WORKBOOK_PR.sub(rb'\1<workbookProtection lockStructure="1"/>', content, count=1)
            target.writestr(info, content)
    return out.getvalue()
