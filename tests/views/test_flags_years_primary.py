"""Flags beside the status, calendar-year labels and the primary mark, in every output (items 3–5 of issue 11)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()

# A calendar-year indicator, lagging and overdue (deadline CY2023 missed), and a measure graded on its primary one.
CALENDAR = """\
id = "2024-001"
title = "暦年の施策"
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "calendar-count"
name = "暦年の件数"
kind = "level"
direction = "up"
unit = "件"
year_basis = "calendar"
target = 200
deadline = 2023
baseline = 100
baseline_year = 2019
source = "内閣府調べ"

[indicators.actuals]
2023 = 120
"""

PRIMARY = """\
id = "2024-002"
title = "主指標のある施策"
ministries = ["総務省"]

[editions.2025]
number = 2
pillar = "1-1"

[[indicators]]
id = "main"
name = "主な指標"
kind = "level"
direction = "up"
primary = true
target = 200
deadline = 2030
baseline = 100
baseline_year = 2020

[indicators.actuals]
2024 = 150

[[indicators]]
id = "side"
name = "副次の指標"
kind = "level"
direction = "up"
target = 200
deadline = 2030
baseline = 100
baseline_year = 2020

[indicators.actuals]
2020 = 100
2021 = 90
"""


CALENDAR_TREND = """\
id = "2024-003"
title = "暦年の調査"
ministries = ["内閣府"]

[editions.2025]
number = 3
pillar = "1-1"

[[indicators]]
id = "calendar-survey"
name = "暦年の調査結果"
kind = "trend"
direction = "down"
year_basis = "calendar"
baseline = 10
baseline_year = 2019

[indicators.actuals]
2022 = 9
"""


@pytest.fixture
def root(tmp_path: Path, make_plan) -> Path:  # type: ignore[no-untyped-def]
    return make_plan(tmp_path, {"2024-001.toml": CALENDAR, "2024-002.toml": PRIMARY, "2024-003.toml": CALENDAR_TREND})


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_carries_the_flags_year_basis_and_primary(root: Path) -> None:
    payload = json.loads(run("report", "--dir", str(root), "-y", "2024", "-f", "json", "--lang", "ja"))
    calendar = payload["measures"][0]["indicators"][0]
    assert (calendar["overdue"], calendar["stale"], calendar["year_basis"]) == (True, False, "calendar")
    assert calendar["flag_labels"] == ["期限到来・未達成"]
    side = payload["measures"][1]["indicators"][1]
    assert (side["stale"], side["overdue"], side["primary"]) == (True, False, False)
    assert side["flag_labels"] == ["古い実績（令和3年度）"]
    assert payload["measures"][1]["indicators"][0]["primary"] is True


def test_report_table_shows_flags_beside_the_status_and_marks_primary(root: Path) -> None:
    out = run("report", "--dir", str(root), "-y", "2024", "-f", "md", "--lang", "ja")
    assert "［期限到来・未達成］" in out
    assert "古い実績（令和3年度）" in out
    assert "主な指標（主指標）" in out
    assert "副次の指標（主指標）" not in out
    assert "120 件（2023年）" in out and "| 目標値（年・年度） |" in out
    en = run("report", "--dir", str(root), "-y", "2024", "-f", "md", "--lang", "en")
    assert "deadline passed, not met" in en and "old figure (FY2021)" in en and "主な指標 (primary)" in en


def test_report_csv_has_flag_columns_and_year_basis(root: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("report", "--dir", str(root), "-y", "2024", "-f", "csv", "--lang", "en"))))
    assert (rows[0]["year_basis"], rows[0]["overdue"], rows[0]["stale"]) == ("calendar", "True", "False")
    assert rows[2]["flags"] == "old figure (FY2021)"
    assert (rows[1]["primary"], rows[2]["primary"]) == ("True", "False")


def test_lagging_and_missing_say_cy_for_calendar_years(root: Path) -> None:
    ja = run("lagging", "--dir", str(root), "-y", "2024", "--lang", "ja")
    assert "120 件（2023年）" in ja and "2023年度" not in ja
    en = run("lagging", "--dir", str(root), "-y", "2024", "--lang", "en")
    assert "(CY2023)" in en and "FY2023" not in en
    lag = json.loads(run("lagging", "--dir", str(root), "-y", "2024", "-f", "json"))
    first = next(i for i in lag["indicators"] if i["indicator_id"] == "calendar-count")
    assert (first["year_basis"], first["overdue"]) == ("calendar", True)
    missing = run("missing", "--dir", str(root), "-y", "2024", "--lang", "en")
    assert "[calendar-survey]" in missing and "last CY2022" in missing
    assert "[calendar-count]" not in missing  # its deadline's figure (CY2023) is in
    rows = list(csv.DictReader(io.StringIO(run("missing", "--dir", str(root), "-y", "2024", "-f", "csv"))))
    assert {r["indicator_id"]: r["year_basis"] for r in rows}["calendar-survey"] == "calendar"


def test_exports_show_flags_primary_source_and_calendar_years(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    run("export", "--dir", str(root), "-y", "2024", "-f", "xlsx", "-o", str(out), "--lang", "ja")
    sheet = openpyxl.load_workbook(out)["データ"]  # every column (the first sheet is the printed review table)
    grid = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, r in enumerate(grid) if "指標" in r)
    header = grid[header_at]
    body = [dict(zip(header, r, strict=True)) for r in grid[header_at + 1 :] if r[header.index("指標")]]
    calendar = next(r for r in body if r["指標"] == "暦年の件数")
    assert calendar["注意"] == "期限到来・未達成"
    assert calendar["出典"] == "内閣府調べ"
    assert calendar["年・年度"] == "暦年" and "2023年（度）実績" in header  # the plan mixes both: a basis column
    row = next(r for r in sheet.iter_rows() if r[header.index("指標")].value == "暦年の件数")
    assert row[header.index("実績年（度）")].number_format == '0"年"'
    assert {r["指標"]: r["主指標"] for r in body if r["指標"] in ("主な指標", "副次の指標")} == {
        "主な指標": "●",
        "副次の指標": "",
    }
    md = tmp_path / "out.md"
    run("export", "--dir", str(root), "-y", "2024", "-f", "md", "-o", str(md), "--lang", "en")
    text = md.read_text("utf-8")
    assert "120 (CY2023)" in text and "deadline passed, not met" in text and "Source" in text
    html = tmp_path / "out.html"
    run("export", "--dir", str(root), "-y", "2024", "-f", "html", "-o", str(html), "--lang", "ja")
    page = html.read_text("utf-8")
    assert "2023年</span>" in page and "期限到来・未達成" in page and "出典" in page
    assert "実績 2023年 120 件" in page and "2023年度" not in page.split("暦年の件数", 1)[1].split("</svg>", 1)[0]
