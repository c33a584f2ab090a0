"""kpi's worksheets: xlsxwriter's, with a whole row written at once and every text kept text.

xlsxwriter turns each cell into XML through half a dozen calls (a cell tuple, a dimension check, attribute lists, three
escaping passes): about two thirds of writing the evaluation workbook of 100,000 measures, ~63 cells an indicator.
In constant_memory mode a row is final once the next one starts, so ``Sheet.put_row`` writes a row's cells as one
piece of XML, the same bytes xlsxwriter writes for them (tests/export/test_xlsx_rows.py compares the two).

It also keeps every text a text. xlsxwriter writes a string that starts with ``<r>`` and ends with ``</r>`` as it is,
taking it for rich text it made itself: a title such as ``<r></t></is></c></row></r>`` would break the sheet's XML
and Excel would refuse the workbook. ``put_row`` escapes every text, and ``write_string`` writes such a text as the
rich text of two runs in the cell's own font, so the cell shows exactly the text.

``put_row`` uses what xlsxwriter keeps of the sheet being written (the last row, the cells not yet written, the open
file, the row heights), which its public methods do not show. A ``Sheet`` checks that all of it is there when it
is made; should a later xlsxwriter keep it otherwise, or the workbook not be in constant_memory mode, ``put_row``
writes each cell through xlsxwriter's own methods instead: slower, the same workbook.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

__all__ = ["Book", "Cell", "Sheet"]

Cell = tuple[int, str | int | float | None, Format]
"""One cell of ``put_row``: its column, its value (a text, a number, or None for a blank cell) and its format."""

# What a text may hold that must be written otherwise: XML's & < >, control characters (Excel's _xHHHH_ escape), the
# two non-characters, and a literal _xHHHH_ (whose underscore is escaped). Most texts hold none of it.
_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_LONG = 32_767 // 2  # a text longer than this may be past Excel's limit in UTF-16 units: xlsxwriter cuts it
_NEEDED = ("previous_row", "table", "fh", "row_info", "comments", "default_row_height", "original_row_height")


def _control(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def _escaped(text: str) -> str:
    """``text`` as the XML of an inline string: Excel's escapes, then XML's (what xlsxwriter writes for a text)."""
    text = _CONTROL.sub(_control, _ESCAPE_OF_ESCAPE.sub(r"_x005F\1", text))
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Sheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no type information
    """A worksheet of a kpi workbook (``Book``)."""

    def __init__(self) -> None:
        super().__init__()
        self._xf: dict[Format, str] = {}  # format -> ' s="N"': its index, asked once per sheet
        self._columns: list[str] = []  # column number -> its letters
        self._pending: tuple[int, Sequence[Cell], float] | None = None  # the last row put, not yet written out
        self._can: bool | None = None  # constant_memory, and xlsxwriter keeps what put_row uses: known at the first row

    def write_string(self, *args: Any) -> int:
        """A text, always shown as written (see the module's docstring for ``<r>…</r>``): (row, col, string, format)
        or ("B3", string, format), as xlsxwriter's."""
        if args and isinstance(args[0], str):
            args = (*xl_cell_to_rowcol(args[0]), *args[1:])
        row, col, string, *rest = args
        style = rest[0] if rest else None
        if isinstance(string, str) and string.startswith("<r>") and string.endswith("</r>"):
            run = style if style is not None else Format()  # each run in the cell's own font
            result: int = self.write_rich_string(row, col, run, string[:1], run, string[1:], *rest)
            return result
        written: int = super().write_string(row, col, string, *rest)
        return written

    def put_row(self, row: int, cells: Sequence[Cell], height: float) -> None:
        """Row ``row``'s cells, in column order, and its height in points (as ``set_row``), all at once.

        Each value is a text (written as it is: make it safe and cut it first), an int or float, or None for a blank
        cell that shows its format. Nothing else should be written to the row afterwards (if it is, the row goes out
        through xlsxwriter's own methods, put_row's cells last)."""
        if self._can is None:
            self._can = bool(self.constant_memory) and all(hasattr(self, name) for name in _NEEDED)
        if (
            not self._can
            or not cells
            or row <= self.previous_row  # rows go out in order: xlsxwriter's own answer to one out of it
            or row in self.row_info
            or self.table.get(row)
            or int(height * 4.0 / 3.0 + 0.5) <= 0  # a height of 0 hides the row
            or self._check_dimensions(row, cells[0][0])  # beyond the sheet's last row or column
            or self._check_dimensions(row, cells[-1][0])
        ):
            self._slowly(row, cells, height)
            return
        self._write_single_row(row)  # the rows before are written out; this row is now the last one
        self._pending = (row, cells, height)

    def _write_single_row(self, current_row_num: int = 0) -> None:
        # xlsxwriter writes out its last row when a later one starts and when the workbook is closed: the row put_row
        # holds goes out then too, so formats are numbered in the same order as xlsxwriter's own (the same bytes).
        pending = self._pending
        if pending is not None:
            self._pending = None
            row = pending[0]
            xml = None if self.table.get(row) or row in self.row_info or row in self.comments else self._row_xml(*pending)
            if xml is None:
                self._slowly(*pending)  # joined with what else the row holds, or a value only xlsxwriter writes
            else:
                self.fh.write(xml)
        super()._write_single_row(current_row_num)

    def _slowly(self, row: int, cells: Sequence[Cell], height: float) -> None:
        """The cells through xlsxwriter's own methods: what ``put_row`` writes where it cannot write the XML itself."""
        for col, value, style in cells:
            if value is None:
                self.write_blank(row, col, None, style)
            elif isinstance(value, str):
                self.write_string(row, col, value, style)
            else:
                self.write_number(row, col, value, style)
        self.set_row(row, height)

    def _row_xml(self, row: int, cells: Sequence[Cell], height: float) -> str | None:
        """The row's XML as xlsxwriter writes it, or None for a value whose XML only xlsxwriter writes (a text that
        may be over Excel's length, a number that is not finite, a cell with no format, a type of its own)."""
        number = str(row + 1)
        pixels = int(height * 4.0 / 3.0 + 0.5)  # as set_row
        attributes = f'r="{number}"'
        if pixels != self.original_row_height or pixels != self.default_row_height:
            attributes += f' ht="{pixels * 0.75:.16g}" customHeight="1"'
        if self.excel_version == 2010:
            attributes += ' x14ac:dyDescent="0.25"'
        parts = [f"<row {attributes}>"]
        append = parts.append
        columns, xf, special = self._columns, self._xf, _SPECIAL.search
        while len(columns) <= cells[-1][0]:
            columns.append(xl_col_to_name(len(columns)))
        for col, value, style in cells:
            s = xf.get(style)
            if s is None:
                if style is None:
                    return None
                s = xf[style] = f' s="{style._get_xf_index()}"'
            kind = type(value)
            if kind is str:
                if len(value) > _LONG:  # type: ignore[arg-type]
                    return None
                text: str = _escaped(value) if special(value) else value  # type: ignore[arg-type,assignment]
                space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
                append(f'<c r="{columns[col]}{number}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif value is None:
                append(f'<c r="{columns[col]}{number}"{s}/>')
            elif kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
                append(f'<c r="{columns[col]}{number}"{s}><v>{value:.16G}</v></c>')
            else:
                return None
        append("</row>")
        return "".join(parts)


class Book(Workbook):  # type: ignore[misc]  # xlsxwriter has no type information
    """A kpi workbook: every sheet a ``Sheet``."""

    worksheet_class = Sheet

    def add_worksheet(self, name: str | None = None, worksheet_class: Any = None) -> Sheet:
        sheet: Sheet = super().add_worksheet(name, worksheet_class or Sheet)
        return sheet
