"""One CSV writer for every command (kpi.views.csvfile): a carriage return in a title cannot start a row or a formula.

The attack of issue 12 item 3: `kpi report --format csv` wrote ``\\n`` line ends and left a bare ``\\r`` unquoted,
so LibreOffice's CSV import started a new row there and ran ``=cmd|' /C calc'!A0`` as a formula. These tests open
every CSV kpi writes in LibreOffice (when it is installed; else Python's csv module, which splits rows the same
way for a quoted field) and look for a live formula.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.views.csvfile import BOM, Number, csv_cell, csv_text, neutralise

PAYLOAD = "=cmd|' /C calc'!A0"
TITLE = f"相談窓口の周知\r{PAYLOAD}"
INDICATOR = f"認知度\n{PAYLOAD}\r\n+1+1"

MEASURE = f"""\
id = "2024-001"
title = {TITLE!r}
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "reach"
name = {INDICATOR!r}
kind = "level"
direction = "up"
unit = "%"
baseline = 10
baseline_year = 2022
target = 50
deadline = 2026

[indicators.actuals]
2022 = 10
2023 = 11

[[indicators]]
id = "silent"
name = "-{PAYLOAD}"
kind = "level"
direction = "up"
unit = "件"
baseline = 10
baseline_year = 2022
target = 50
deadline = 2026
"""

runner = CliRunner()


def test_a_bare_cr_or_lf_is_quoted_and_every_line_neutralised() -> None:
    assert csv_cell("a\rb") == '"a\rb"'
    assert csv_cell("a\nb") == '"a\nb"'
    assert csv_cell('say "hi", then') == '"say ""hi"", then"'
    assert neutralise("ok\r=1+2\n-3\r\n@x") == "ok\r'=1+2\n'-3\r\n'@x"
    assert csv_cell(-3) == "-3" and csv_cell(Number("-3")) == "-3" and csv_cell("-3") == "'-3"
    assert csv_text([["a", None], [1.5, True]], bom=True) == BOM + "a,\r\n1.5,True\r\n"


def test_python_reads_the_cr_inside_one_quoted_cell() -> None:
    text = csv_text([["title", "n"], [TITLE, 1]], line_end="\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [["title", "n"], [f"相談窓口の周知\r'{PAYLOAD}", "1"]]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run does): no import check")
    return found


def _libreoffice_cells(path: Path, work: Path) -> list[list[tuple[object, str]]]:
    """The cells LibreOffice's default CSV import makes of ``path`` (converted to xlsx and read back with openpyxl)."""
    import openpyxl

    out = work / "converted"
    done = subprocess.run(
        [_soffice(), f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180, check=False, env={**os.environ, "HOME": str(work)},
    )  # fmt: skip
    converted = out / (path.stem + ".xlsx")
    assert converted.exists(), done.stdout + done.stderr
    sheet = openpyxl.load_workbook(converted).active
    assert sheet is not None
    return [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]


def _formulas(cells: list[list[tuple[object, str]]]) -> list[object]:
    return [value for row in cells for value, kind in row if kind == "f" or (isinstance(value, str) and value.startswith("="))]


def test_libreoffice_sees_the_attack_in_a_naive_csv(tmp_path: Path) -> None:
    # The control: Python's csv module with \n line ends (kpi before this fix) — LibreOffice runs the formula.
    naive = io.StringIO()
    csv.writer(naive, lineterminator="\n").writerow(["1", TITLE])
    path = tmp_path / "naive.csv"
    path.write_text(naive.getvalue(), encoding="utf-8")
    found = _formulas(_libreoffice_cells(path, tmp_path))
    assert len(found) == 1 and str(found[0]).startswith("=cmd")


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--format", "csv"],
        ["lagging", "--format", "csv"],
        ["missing", "--format", "csv", "--year", "2024"],
        ["export", "--format", "csv"],
        ["export", "--format", "rs"],
        ["export", "--format", "csv", "--table", "lagging"],
    ],
    ids=lambda a: " ".join(a),
)
def test_no_csv_kpi_writes_holds_a_live_formula(args: list[str], tmp_path: Path, make_plan: object) -> None:
    root = make_plan(tmp_path, {"2024-001.toml": MEASURE})  # type: ignore[operator]
    out = tmp_path / "out.csv"
    year = [] if "--year" in args else ["--year", "2023"]
    result = runner.invoke(app, [*args, *year, "--dir", str(root), "--output", str(out), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len({len(r) for r in rows if r}) == 1  # rectangular: a CR did not start a row
    assert not [c for r in rows for c in r if c.startswith(("=", "+", "@")) or c.startswith("-=")]
    if "missing" not in args and "lagging" not in args:
        assert any(TITLE.replace("\r", "\r'") in c for r in rows for c in r)
    cells = _libreoffice_cells(out, tmp_path)
    assert _formulas(cells) == []
    assert len({len(r) for r in cells}) == 1
