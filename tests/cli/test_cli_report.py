"""`kpi report`, `kpi show` and the app's shared options, through the command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()

KPI_TOML = """\
[plan]
name = "テスト計画"
edition = 2025
"""

LEVEL = """\
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]

[editions.2024]
number = 8
pillar = "1-2"

[editions.2025]
number = 8
pillar = "1-2"
also = ["1-3"]

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
target = 200
deadline = 2026
baseline = 100
baseline_year = 2022

[indicators.actuals]
2024 = 120
"""

QUALITATIVE = """\
id = "2025-014"
title = "新しい施策"
ministries = ["内閣府", "総務省"]

[editions.2025]
number = 14
pillar = "2-1"

[[indicators]]
id = "implementation"
name = "実施"
kind = "qualitative"

[indicators.actuals]
2024 = { status = "done", note = "全国で実施" }
"""


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    (tmp_path / "kpi.toml").write_text(KPI_TOML, encoding="utf-8")
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures" / "2024-008.toml").write_text(LEVEL, encoding="utf-8")
    (tmp_path / "measures" / "2025-014.toml").write_text(QUALITATIVE, encoding="utf-8")
    return tmp_path


def run(*args: str) -> object:
    return runner.invoke(app, list(args))


def report_json(plan_dir: Path, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_report_json_has_the_documented_keys(plan_dir: Path) -> None:
    data = report_json(plan_dir, "--year", "R6")
    assert data["year"] == 2024
    assert data["summary"] == {"far_behind": 1, "done": 1}
    measures = data["measures"]
    assert isinstance(measures, list)
    first = measures[0]
    for key in ("id", "number", "title", "ministries", "pillar", "grade", "incomplete"):
        assert key in first
    assert (first["id"], first["number"], first["grade"], first["grade_label"]) == ("2024-008", 8, 4, "limited progress")
    indicator = first["indicators"][0]
    for key in (
        "id",
        "name",
        "kind",
        "direction",
        "unit",
        "baseline",
        "baseline_year",
        "baseline_inferred",
        "target",
        "deadline",
        "actual",
        "actual_year",
        "achievement",
        "progress",
        "expected",
        "pace",
        "score",
        "status",
        "lagging",
    ):
        assert key in indicator
    assert indicator["achievement"] == 0.6
    assert indicator["progress"] == pytest.approx(0.2)
    assert indicator["score"] is None
    assert indicator["lagging"] is True
    qualitative = measures[1]
    assert qualitative["grade"] is None
    assert qualitative["indicators"][0]["status"] == "done"


def test_report_year_forms_agree(plan_dir: Path) -> None:
    assert report_json(plan_dir, "--year", "令和６年度") == report_json(plan_dir, "--year", "FY2024")


def test_report_labels_in_japanese(plan_dir: Path) -> None:
    data = report_json(plan_dir, "--year", "2024", "--lang", "ja")
    first = data["measures"][0]  # type: ignore[index]
    assert first["grade_label"] == "進展が大きくない"
    assert first["indicators"][0]["status_label"] == "遅れ"


def test_report_lang_from_environment(plan_dir: Path) -> None:
    result = runner.invoke(
        app, ["report", "--dir", str(plan_dir), "--year", "2024"], env={"KPI_LANG": "", "LANG": "ja_JP.UTF-8", "LC_ALL": ""}
    )
    assert result.exit_code == 0
    assert "遅れ" in result.stdout
    assert "指標 2件" in result.stdout


def test_report_filters(plan_dir: Path) -> None:
    assert [m["id"] for m in report_json(plan_dir, "--ministry", "総務")["measures"]] == ["2025-014"]  # type: ignore[index]
    assert [m["id"] for m in report_json(plan_dir, "--pillar", "1")["measures"]] == ["2024-008"]  # type: ignore[index]
    assert [m["id"] for m in report_json(plan_dir, "--pillar", "1-3")["measures"]] == ["2024-008"]  # type: ignore[index]
    assert [m["id"] for m in report_json(plan_dir, "--lagging", "--year", "2024")["measures"]] == ["2024-008"]  # type: ignore[index]


def test_report_unknown_ministry_is_one_line(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--ministry", "財務省"])
    assert result.exit_code == 1
    assert result.stderr == "Error: no measure lists a ministry matching '財務省'; try one of: 厚生労働省, 内閣府, 総務省\n"


def test_report_bad_year_is_one_line(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--year", "next year"])
    assert result.exit_code == 1
    assert result.stderr == 'Error: \'next year\' is not a year; use a year like 2024, "FY2024", "R6" or "令和6年度"\n'


def test_report_edition_2024_lists_only_its_measures(plan_dir: Path) -> None:
    data = report_json(plan_dir, "--edition", "2024")
    assert [m["id"] for m in data["measures"]] == ["2024-008"]  # type: ignore[index]


def test_report_method_cagr_gives_scores(plan_dir: Path) -> None:
    data = report_json(plan_dir, "--year", "2024", "--method", "cagr")
    indicator = data["measures"][0]["indicators"][0]  # type: ignore[index]
    assert data["method"] == "cagr"
    assert isinstance(indicator["score"], float)
    assert indicator["status"] == "far_behind"


def test_report_csv(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--year", "2024", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["measure_id"] for r in rows] == ["2024-008", "2025-014"]
    assert rows[0]["achievement"] == "0.6"
    assert rows[1]["ministries"] == "内閣府、総務省"


def test_report_markdown(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--year", "2024", "--format", "md", "--lang", "ja"])
    lines = result.stdout.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 4  # header, rule, two indicators
    assert "| 008 | 支援情報検索サイトの運用 |" in table[2]
    assert "60.0%" in table[2] and "遅れ" in table[2] and "④" in table[2]


def test_report_table_shows_summary(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--dir", str(plan_dir), "--year", "2024", "--lang", "en"])
    assert result.exit_code == 0
    assert "2 indicators in 2 measures: far behind 1, done 1; lagging 1" in result.stdout


def test_kpi_dir_environment(plan_dir: Path) -> None:
    result = runner.invoke(app, ["report", "--format", "json"], env={"KPI_DIR": str(plan_dir)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plan"] == "テスト計画"


def test_report_walks_up_to_find_kpi_toml(plan_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plan_dir / "measures")
    monkeypatch.delenv("KPI_DIR", raising=False)
    result = runner.invoke(app, ["report", "--format", "json"])
    assert result.exit_code == 0, result.output


def test_show_by_number_and_by_id(plan_dir: Path) -> None:
    by_number = runner.invoke(app, ["show", "8", "--dir", str(plan_dir), "--year", "2024", "--lang", "en"])
    by_id = runner.invoke(app, ["show", "2024-008", "--dir", str(plan_dir), "--year", "2024", "--lang", "en"])
    assert by_number.exit_code == 0, by_number.output
    assert by_number.stdout == by_id.stdout
    text = by_number.stdout
    assert "2024-008  支援情報検索サイトの運用" in text
    assert "2024: No. 008 (1)②; 2025: No. 008 (1)②, also (1)③" in text
    assert "FY2024: 120 回" in text
    assert "→ far behind; Achievement 60.0%; Progress 20.0%; Expected 50.0%\n      pace 0.40 (progress ÷ expected)" in text


def test_show_json(plan_dir: Path) -> None:
    result = runner.invoke(app, ["show", "14", "--dir", str(plan_dir), "--year", "2024", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["editions"] == [{"year": 2025, "number": 14, "pillar": "2-1", "also": []}]
    assert data["indicators"][0]["actuals"] == [
        {"year": 2024, "value": None, "status": "done", "note": "全国で実施", "source": None}
    ]


@pytest.mark.parametrize("measure", ["99", "../../etc/passwd", "2024-999"])
def test_show_unknown_measure(plan_dir: Path, measure: str) -> None:
    result = runner.invoke(app, ["show", measure, "--dir", str(plan_dir)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: no such measure: {measure!r}; give an id like 2024-008 or a number in the 2025 edition (see `kpi report`)\n"
    )


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("kpi ")
    helped = runner.invoke(app, ["report", "--help"])
    assert helped.exit_code == 0
    assert "Example: kpi report --year R6" in helped.stdout
    usage = runner.invoke(app, ["report", "--format", "xml"])
    assert usage.exit_code == 2


def test_python_dash_m_kpi(plan_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kpi", "report", "--dir", str(plan_dir), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["edition"] == 2025
