"""kpi's worksheets (kpi.export.xlsxsheet): a row put at once is the row xlsxwriter writes cell by cell, byte for
byte, and a text that looks like xlsxwriter's own rich text (``<r>…</r>``) stays a text that Excel, openpyxl and
LibreOffice read back as written."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from xlsxwriter import Workbook

from kpi.export import export
from kpi.export.xlsxcells import cell_value
from kpi.export.xlsxsheet import Book, Sheet
from kpi.fiscal import CalendarYear
from kpi.model import ExportFormat
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
CREATED = dt.datetime(2026, 12, 1, 9, 0)
RICH_LOOKING = "<r>x</t></is></c></row></sheetData></worksheet></r>"  # would end the sheet's XML if written as it is

Value = str | int | float | None
Rows = Sequence[tuple[int, Sequence[tuple[int, Value]], float]]  # (row, [(col, value)], height in points)


def not_rich_looking(text: str) -> bool:
    return not (text.startswith("<r>") and text.endswith("</r>"))


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def by_kpi(rows: Rows, before: Callable[[Any], None] | None = None, options: dict[str, bool] = OPTIONS) -> bytes:
    buffer = io.BytesIO()
    book = Book(buffer, options)
    book.set_properties({"created": CREATED})
    styles = [book.add_format({"bold": True}), book.add_format({"num_format": "0.0%"}), book.add_format({"italic": True})]
    sheet = book.add_worksheet("rows")
    assert isinstance(sheet, Sheet)
    if before:
        before(sheet)
    for row, cells, height in rows:
        sheet.put_row(row, [(col, value, styles[col % 3]) for col, value in cells], height)
    book.close()
    return buffer.getvalue()


def by_xlsxwriter(rows: Rows, before: Callable[[Any], None] | None = None, options: dict[str, bool] = OPTIONS) -> bytes:
    """The same rows through xlsxwriter's own methods, a cell at a time."""
    buffer = io.BytesIO()
    book = Workbook(buffer, options)
    book.set_properties({"created": CREATED})
    styles = [book.add_format({"bold": True}), book.add_format({"num_format": "0.0%"}), book.add_format({"italic": True})]
    sheet = book.add_worksheet("rows")
    if before:
        before(sheet)
    for row, cells, height in rows:
        for col, value in cells:
            style = styles[col % 3]
            if value is None:
                sheet.write_blank(row, col, None, style)
            elif isinstance(value, str):
                sheet.write_string(row, col, value, style)
            else:
                sheet.write_number(row, col, value, style)
        sheet.set_row(row, height)
    book.close()
    return buffer.getvalue()


def assert_same_workbook(rows: Rows, before: Callable[[Any], None] | None = None) -> None:
    ours, theirs = members(by_kpi(rows, before)), members(by_xlsxwriter(rows, before))
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], f"{name} differs"


TEXTS = [
    "施策の実施状況",
    "a & b < c > d \"quoted\" 'single'",
    " leading space",
    "trailing space ",
    "\u3000全角スペースで始まる",
    "tab\tinside",
    "\tleading tab",
    "line one\nline two\n",
    "carriage\r\nreturn",
    "control \x00\x01\x08\x0b\x0c\x1b\x1f characters",
    "\x1c starts with a separator",
    "literal _x0041_ and _X00a0_ and _x12_",
    "non-characters \ufffe \uffff",
    "",
    "emoji 🎉 and 𠮷",
    "<r>",
    "ends with </r>",
]  # and not RICH_LOOKING, which xlsxwriter breaks the sheet with (the tests at the end)
NUMBERS: list[Value] = [0, 1, -7, 123456789, 2**53 + 1, 10**20, 0.1, -0.0, 1e-20, 1e300, 2.5, 1 / 3]


def test_a_row_put_at_once_is_xlsxwriters_row_byte_for_byte() -> None:
    values: list[Value] = [*TEXTS, *NUMBERS, None, True, False, CalendarYear(2024)]
    rows = [(4 + n, list(enumerate(values[n : n + 9])), 17.0 * (1 + n % 3)) for n in range(len(values))]
    assert_same_workbook(rows)


@pytest.mark.parametrize("height", [15.0, 17.0, 16.9, 12.75, 409.0, 0.0, 0.2])
def test_row_heights_as_set_row_writes_them(height: float) -> None:
    assert_same_workbook([(1, [(0, "a")], height), (2, [(0, 1)], height)])


def test_columns_past_z_and_gaps_between_cells() -> None:
    far = [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
    assert_same_workbook([(3, far, 17.0), (4, [(2, 2.0), (40, "far")], 34.0)])


def test_long_texts_are_cut_where_excel_cuts_them() -> None:
    # Past half of Excel's 32,767 UTF-16 units a row goes out through xlsxwriter, which cuts what is too long.
    assert_same_workbook(
        [(1, [(0, "長" * 20_000), (1, "x")], 17.0), (2, [(0, "🎉" * 17_000)], 17.0), (3, [(0, "a" * 32_767)], 17.0)]
    )


def test_rows_out_of_order_first_row_and_cells_written_beside_a_put_row() -> None:
    def header(sheet: Any) -> None:
        sheet.write_string(0, 0, "title")
        sheet.set_row(2, 30)

    rows = [(0, [(1, "row 0 again")], 17.0), (2, [(0, "row with its own set_row")], 17.0), (5, [(0, "five")], 17.0)]
    assert_same_workbook(rows, header)
    # a row written after it was put, and an earlier row put late: still xlsxwriter's answer, and a readable workbook
    buffer = io.BytesIO()
    book = Book(buffer, OPTIONS)
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True})
    sheet.put_row(3, [(0, "put", bold), (2, 1.5, bold)], 17.0)
    sheet.write_string(3, 1, "beside", bold)
    sheet.put_row(2, [(0, "too late", bold)], 17.0)  # already past: xlsxwriter drops it, as it drops any such write
    sheet.put_row(6, [(0, "later", bold)], 17.0)
    book.close()
    cells = list(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(values_only=True))
    assert cells[3] == ("put", "beside", 1.5) and cells[6][0] == "later"  # rows counted from 0
    assert all("too late" not in row for row in cells)


@pytest.mark.parametrize("workbook", [Book, Workbook])
def test_a_number_that_is_not_finite_is_refused_as_xlsxwriter_refuses_it(tmp_path: Path, workbook: type[Any]) -> None:
    # kpi never writes one (kpi check refuses nan and inf); put_row refuses it at the latest when the row goes out
    book = workbook(io.BytesIO(), {**OPTIONS, "tmpdir": str(tmp_path)})
    sheet = book.add_worksheet()
    style = book.add_format({"bold": True})
    with pytest.raises(TypeError, match="NAN/INF"):
        if isinstance(sheet, Sheet):
            sheet.put_row(1, [(0, float("nan"), style)], 17.0)
        else:
            sheet.write_number(1, 0, float("inf"), style)
        book.close()
    for each in book.worksheets():
        each._opt_close()  # the row files xlsxwriter left open when it stopped


def test_outside_constant_memory_the_cells_go_through_xlsxwriter() -> None:
    options = {**OPTIONS, "constant_memory": False}
    rows: Rows = [(1, [(0, "shared"), (1, 2)], 17.0), (2, [(0, "shared"), (1, None)], 34.0)]
    ours, theirs = members(by_kpi(rows, options=options)), members(by_xlsxwriter(rows, options=options))
    assert ours == theirs
    assert b"<sst" in ours["xl/sharedStrings.xml"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.text(st.characters(blacklist_categories=["Cs"]), max_size=40).filter(not_rich_looking),
                st.integers(min_value=-(10**18), max_value=10**18),
                st.floats(allow_nan=False, allow_infinity=False),
                st.none(),
            ),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=5,
    )
)
@example([["<r>a", "<r>", "_x0000_\x00", " ", "\x85", "\u2028x\u2028"]])
def test_any_values_are_written_as_xlsxwriter_writes_them(values: list[list[Value]]) -> None:
    rows = [(2 + n, list(enumerate(cells)), 17.0 * (1 + n % 2)) for n, cells in enumerate(values)]
    assert_same_workbook(rows)


# -- a text that looks like rich text -----------------------------------------------------------------------------


@pytest.mark.parametrize("constant_memory", [True, False])
def test_rich_looking_text_stays_the_text_as_written(constant_memory: bool) -> None:
    buffer = io.BytesIO()
    book = Book(buffer, {**OPTIONS, "constant_memory": constant_memory})
    style = book.add_format({"font_name": "Yu Gothic", "font_size": 10, "bold": True})
    sheet = book.add_worksheet()
    sheet.write_string(0, 0, RICH_LOOKING, style)
    sheet.write_string("B1", "<r></r>", style)
    sheet.write_string(1, 0, RICH_LOOKING)  # no format: still the text
    sheet.put_row(2, [(0, RICH_LOOKING, style), (1, "<r>ok</r>", style)], 17.0)
    book.close()
    cells = list(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(values_only=True))
    assert cells == [(RICH_LOOKING, "<r></r>"), (RICH_LOOKING, None), (RICH_LOOKING, "<r>ok</r>")]


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed: `apt-get install libreoffice-calc-nogui` (.ci/run does)")
    return found


def first_sheet_in_libreoffice(workbook: Path, tmp_path: Path) -> list[list[str]]:
    """The first sheet of ``workbook`` as LibreOffice reads it (converted to UTF-8 csv, headless)."""
    out = tmp_path / "csv"
    done = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = out / (workbook.stem + ".csv")
    assert done.returncode == 0 and converted.is_file(), done.stdout + done.stderr
    return list(csv.reader(io.StringIO(converted.read_text("utf-8"))))


@pytest.mark.parametrize("fmt", [ExportFormat.xlsx, ExportFormat.rs])
def test_a_measure_title_like_rich_text_is_read_back_by_openpyxl_and_libreoffice(
    tmp_path: Path, make_plan: Callable[..., Path], users_measure: Callable[..., str], fmt: ExportFormat
) -> None:
    title = RICH_LOOKING.replace("x", "相談窓口")
    root = make_plan(tmp_path, {"2025-001": users_measure(title=title.replace("\\", "\\\\").replace('"', '\\"'))})
    out = tmp_path / f"out-{fmt.value}.xlsx"
    export(read_plan(root), fmt, out, year=2024, lang=Lang.JA)
    book = openpyxl.load_workbook(out)  # a broken sheet's XML fails here
    seen = [value for sheet in book for row in sheet.iter_rows(values_only=True) for value in row]
    assert title in seen
    assert any(title in cell for row in first_sheet_in_libreoffice(out, tmp_path) for cell in row)


def test_cell_value_is_what_a_cell_holds() -> None:
    assert cell_value("=1+1", Lang.JA) == "'=1+1"
    assert cell_value("", Lang.JA) is None and cell_value(None, Lang.EN) is None
    assert cell_value(True, Lang.JA) == "●" and cell_value(False, Lang.JA) == ""
    year = cell_value(CalendarYear(2024), Lang.JA)
    assert year == 2024 and type(year) is int
    assert cell_value(2.5, Lang.EN) == 2.5 and cell_value(7, Lang.EN) == 7
