"""Reading a returned workbook (openpyxl, read-only) or CSV into plain cells, refusing what is not safe to open.

Before openpyxl sees a file, the zip is checked: not a zip or damaged, macros (``.xlsm``, vbaProject.bin),
too many parts, parts that expand far beyond their size (an "xlsx bomb", e.g. huge shared strings). Each
refusal is one line (``WorkbookRefused``), its message in both languages from the catalog. The cells come back with whether they
hold a formula and their number format; what they mean is kpi.edit.officer's and kpi.edit.importing's job.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpi.edit.issued import META_SHEET
from kpi.errors import TwoLanguages
from kpi.i18n import N_

MAX_FILE = 20 * 1024 * 1024  # a returned workbook of 20 ministries' rows is well under 1 MB
MAX_PART = 50 * 1024 * 1024  # one part, expanded
MAX_TOTAL = 100 * 1024 * 1024  # all parts, expanded
MAX_RATIO = 100  # expansion of a part larger than 1 MB
MAX_PARTS = 500
EXTRA_ROWS = 200  # rows read past the issued ones, to find values typed outside the table
EXTRA_COLS = 10
EXCEL_ROWS = 1_048_576  # the most rows a sheet holds


class WorkbookRefused(TwoLanguages):
    """The whole file is refused: one line, both languages."""


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any
    formula: bool = False
    number_format: str = "General"


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (1-based row, 0-based column)

    def get(self, row: int, col: int) -> Cell:
        return self.cells.get((row, col), Cell(None))


@dataclass
class Book:
    sheets: dict[str, Sheet]
    meta: dict[str, Any] | None  # None: no hidden sheet (not made by kpi collect)
    rows: list[dict[str, Any]]


def check_zip(path: Path) -> None:
    """Refuse, before parsing, what must not be opened: not an .xlsx, damaged, macros, a decompression bomb."""
    if path.suffix.lower() in {".xlsm", ".xlsb", ".xls"}:
        raise WorkbookRefused(
            N_("{suffix} files are not accepted (macros or the old format); save it as an Excel Workbook (*.xlsx)"),
            suffix=path.suffix,
        )
    size = path.stat().st_size
    if size > MAX_FILE:
        raise WorkbookRefused(N_("the file is too large ({size:,} bytes); fill in the workbook that was sent"), size=size)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise WorkbookRefused(
            N_("the file is damaged or not an Excel workbook (.xlsx) ({reason}); ask for it to be saved and sent again"),
            reason=exc,
        ) from None
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise WorkbookRefused(N_("a workbook with macros is not accepted; save it as an Excel Workbook (*.xlsx)"))
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(N_("not an Excel workbook (.xlsx); save it as an Excel Workbook (*.xlsx)"))
    total = 0
    for info in infos:
        total += info.file_size
        bomb = info.file_size > MAX_PART or (
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        )
        if bomb or total > MAX_TOTAL or len(infos) > MAX_PARTS:
            raise WorkbookRefused(
                N_(
                    "{part} inside the workbook expands to {size:,} bytes; refused without opening it: "
                    "ask for the workbook that was sent, filled in"
                ),
                part=info.filename,
                size=info.file_size,
            )


def read_xlsx(path: Path, extents: dict[str, tuple[int, int]] | None = None) -> Book:
    """The cells of every sheet the hidden sheet lists (or of all sheets), read-only; formulas are seen as formulas."""
    check_zip(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged part
        raise WorkbookRefused(
            N_("cannot read the workbook ({reason}); open it in Excel and save it again"), reason=type(exc).__name__
        ) from None
    try:
        meta, rows = _meta(book)
        limits = _limits(meta, rows)
        sheets = {}
        for name in book.sheetnames:
            if name in limits:
                try:
                    sheets[name] = _sheet(book[name], name, *limits[name])
                except Exception as exc:  # a value openpyxl cannot convert, e.g. <v>NaN</v> in a number cell
                    raise _unreadable(path, getattr(book[name], "_worksheet_path", ""), name, exc) from None
        return Book(sheets, meta, rows)
    finally:
        book.close()


_CELL = re.compile(r"<c\b([^>]*)>(.*?)</c>", re.S)
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?")


def _unreadable(path: Path, part: str, name: str, exc: Exception) -> WorkbookRefused:
    """The first number cell of the sheet whose stored value is not a number, named; else the sheet."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(part.lstrip("/")).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        xml = ""
    for attrs, inner in _CELL.findall(xml):
        ref = re.search(r'\br="([A-Z]+[0-9]+)"', attrs)
        kind = re.search(r'\bt="(\w+)"', attrs)
        value = re.search(r"<v>([^<]*)</v>", inner)
        if ref and value and (kind is None or kind.group(1) == "n") and not _NUMBER.fullmatch(value.group(1).strip()):
            shown = value.group(1)[:20]
            return WorkbookRefused(
                N_("{sheet}!{cell}: {value!r} is stored as a number but is not one; type the number again"),
                sheet=name,
                cell=ref.group(1),
                value=shown,
            )
    return WorkbookRefused(
        N_("cannot read the sheet {sheet!r} ({reason}); open it in Excel and save it again"),
        sheet=name,
        reason=type(exc).__name__,
    )


def _meta(book: Any) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    if META_SHEET not in book.sheetnames:
        return None, []
    # Every row Excel can hold: a ministry's workbook of tens of thousands of rows has a record for each (a cap of
    # 20,000 dropped the last ones, and their rows were refused as "outside the input area"). The file's size and its
    # sheets' unpacked size are limited before this is read.
    values = [row[0] for row in book[META_SHEET].iter_rows(max_col=2, max_row=EXCEL_ROWS, values_only=True) if row]
    first = next(book[META_SHEET].iter_rows(max_row=1, max_col=2, values_only=True), (None, None))
    try:
        meta = json.loads(first[1]) if first[0] == "kpi" and isinstance(first[1], str) else None
        rows = [json.loads(v) for v in values[1:] if isinstance(v, str)]
    except (json.JSONDecodeError, TypeError, IndexError):
        return None, []
    if not isinstance(meta, dict) or not all(isinstance(r, dict) for r in rows):
        return None, []
    return meta, rows


def _limits(meta: dict[str, Any] | None, rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    if meta is None:
        return {}
    out = {}
    columns = meta.get("columns", {})
    for name, labels in columns.items() if isinstance(columns, dict) else ():
        last = max([int(r.get("row", 0)) for r in rows if r.get("sheet") == name] + [int(meta.get("header", 1))])
        out[str(name)] = (last + EXTRA_ROWS, len(labels) + EXTRA_COLS)
    return out


def _sheet(ws: Any, name: str, max_row: int, max_col: int) -> Sheet:
    sheet = Sheet(name)
    for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            number_format = getattr(cell, "number_format", "General") or "General"
            formula = getattr(cell, "data_type", "") == "f"
            sheet.cells[(cell.row, cell.column - 1)] = Cell(value, formula, number_format)
    return sheet


def read_csv(path: Path) -> list[list[str]]:
    """The rows of a CSV (UTF-8 with or without BOM, or Shift_JIS as Excel saves it); every value text."""
    size = path.stat().st_size
    if size > MAX_FILE:
        raise WorkbookRefused(N_("the CSV is too large ({size:,} bytes); send only the indicator sheet's rows"), size=size)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise WorkbookRefused(N_("cannot tell the file's encoding; save it as CSV UTF-8"))
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise WorkbookRefused(N_("cannot read it as CSV ({reason}); save it from Excel as CSV again"), reason=exc) from None
