"""`--output` on report, lagging and missing; `kpi export -o` inferring the format from the file name."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.mark.parametrize("command", ["report", "lagging", "missing"])
def test_csv_output_file_starts_with_a_bom_and_is_rectangular(command: str, tmp_path: Path) -> None:
    out = tmp_path / f"{command}.csv"
    result = runner.invoke(app, [command, "--dir", str(ROOT), "-y", "2023", "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) > 1 and len({len(r) for r in rows}) == 1
    piped = runner.invoke(app, [command, "--dir", str(ROOT), "-y", "2023", "-f", "csv"])
    assert not piped.stdout.startswith("\ufeff")  # standard output stays as it was


def test_report_csv_rounds_ratios_as_the_table_shows_them() -> None:
    result = runner.invoke(app, ["report", "--dir", str(ROOT), "-y", "2023", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    for row in rows:
        for key in ("achievement", "progress", "expected"):
            assert len(row[key].partition(".")[2]) <= 3, row[key]
        assert len(row["pace"].partition(".")[2]) <= 2


def test_table_and_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["report", "--dir", str(ROOT), "-y", "2023", "-o", str(out)], env={"COLUMNS": "80"})
    assert result.exit_code == 0 and "\x1b[" not in out.read_text("utf-8")
    out = tmp_path / "lagging.json"
    assert runner.invoke(app, ["lagging", "--dir", str(ROOT), "-y", "2023", "-f", "json", "-o", str(out)]).exit_code == 0
    assert "indicators" in json.loads(out.read_text("utf-8"))


@pytest.mark.parametrize(("name", "magic"), [("review.xlsx", b"PK"), ("review.csv", b"\xef\xbb\xbf"), ("r.html", b"<!DOCTYPE")])
def test_export_infers_the_format_from_the_name(name: str, magic: bytes, tmp_path: Path) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--dir", str(ROOT), "-y", "2023", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_export_refuses_a_format_the_name_contradicts(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["export", "--dir", str(ROOT), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: r.xlsx: --format csv would write csv into a .xlsx file; drop --format (the name says xlsx) or name the file *.csv"
    )
    assert not out.exists()
    unknown = runner.invoke(app, ["export", "--dir", str(ROOT), "-o", str(tmp_path / "r.dat")])
    assert unknown.exit_code == 1 and "cannot tell the format from the name; give --format" in unknown.output
    table = runner.invoke(app, ["export", "--dir", str(ROOT), "-o", str(tmp_path / "r.md"), "--table", "lagging"])
    assert table.exit_code == 1 and "--table lagging applies to --format csv only" in table.output
