"""Calendar-year indicators read 2024年 / CY2024 in every export, never 2024年度 / FY2024 (issue 11 item 4).

The five yearly columns are headed by the plan's year bases: 2024年度実績 when every indicator counts fiscal
years, 2024年実績 / CY2024 when every one counts calendar years, and 2024年（度）実績 / FY/CY2024 with a 年・年度
column (年度 / 暦年) on each row when the plan has both. The RS layout's header follows the same rule and a
calendar indicator's block reads 目標年, 2023年 (CY2023)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()

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

[indicators.actuals]
2023 = 120
"""

CALENDAR_EVERY = """\
id = "2024-003"
title = "毎年の目標の施策"
ministries = ["厚生労働省"]

[editions.2025]
number = 3
pillar = "1-1"

[[indicators]]
id = "calendar-every"
name = "暦年の割合"
kind = "every_year"
direction = "up"
unit = "%"
year_basis = "calendar"
target = 90
baseline = 80
baseline_year = 2020

[indicators.actuals]
2022 = 85
"""

FISCAL = """\
id = "2024-002"
title = "年度の施策"
ministries = ["総務省"]

[editions.2025]
number = 2
pillar = "1-1"

[[indicators]]
id = "fiscal-count"
name = "年度の件数"
kind = "level"
direction = "up"
unit = "件"
target = 200
deadline = 2030
baseline = 100
baseline_year = 2020

[indicators.actuals]
2024 = 150
"""

CALENDAR_ONLY = {"2024-001.toml": CALENDAR, "2024-003.toml": CALENDAR_EVERY}
MIXED = {**CALENDAR_ONLY, "2024-002.toml": FISCAL}


def export(root: Path, fmt: str, name: str, lang: str = "ja") -> Path:
    out = root.parent / name
    result = runner.invoke(app, ["export", "--dir", str(root), "-y", "2024", "-f", fmt, "-o", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    return out


def sheet_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    ws = book[sheet] if sheet else book.active
    return [[c.value for c in row] for row in ws.iter_rows()]


def header_and_body(grid: list[list[object]], marker: str) -> tuple[list[object], list[dict[object, object]]]:
    at = next(i for i, r in enumerate(grid) if marker in r)
    header = grid[at]
    return header, [dict(zip(header, r, strict=True)) for r in grid[at + 1 :] if r[header.index(marker)]]


def test_calendar_only_plan_heads_the_yearly_columns_by_calendar_year(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, CALENDAR_ONLY)
    header, body = header_and_body(sheet_rows(export(root, "xlsx", "cal.xlsx"), "データ"), "指標")
    yearly = [h for h in header if isinstance(h, str) and h.endswith("実績") and h[:4].isdigit()]
    assert yearly == ["2020年実績", "2021年実績", "2022年実績", "2023年実績", "2024年実績"]
    assert "年・年度" not in header  # one basis: the headings say it
    assert {"基準年", "目標年", "実績年"} <= set(header) and "目標年度" not in header
    assert next(r for r in body if r["指標"] == "暦年の件数")["2023年実績"] == 120
    en_header, _ = header_and_body(sheet_rows(export(root, "xlsx", "cal-en.xlsx", "en"), "Data"), "Indicator")
    assert "CY2023" in en_header and not any(str(h).startswith("FY20") for h in en_header)
    rows = list(csv.reader(io.StringIO(export(root, "csv", "cal.csv").read_text("utf-8-sig"))))
    assert "2023年実績" in rows[0] and not any("年度実績" in h for h in rows[0])


def test_mixed_plan_has_a_basis_column_and_neutral_headings(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)
    header, body = header_and_body(sheet_rows(export(root, "xlsx", "mix.xlsx"), "データ"), "指標")
    assert "2023年（度）実績" in header and "2023年度実績" not in header and "2023年実績" not in header
    assert header.index("年・年度") == header.index("2020年（度）実績") - 1  # read just before the years
    assert {"基準年（度）", "目標年（度）", "実績年（度）"} <= set(header) and "目標年度" not in header
    basis = {r["指標"]: r["年・年度"] for r in body}
    assert basis == {"暦年の件数": "暦年", "暦年の割合": "暦年", "年度の件数": "年度"}
    assert next(r for r in body if r["指標"] == "暦年の割合")["種類"] == "毎年"  # not 毎年度
    en_header, en_body = header_and_body(sheet_rows(export(root, "xlsx", "mix-en.xlsx", "en"), "Data"), "Indicator")
    assert "FY/CY2023" in en_header and "FY2023" not in en_header
    assert {r["Indicator"]: r["FY/CY"] for r in en_body}["暦年の件数"] == "CY"
    rows = list(csv.DictReader(io.StringIO(export(root, "csv", "mix.csv").read_text("utf-8-sig"))))
    calendar = next(r for r in rows if r["指標"] == "暦年の件数")
    assert calendar["2023年（度）実績"] == "120" and calendar["年・年度"] == "calendar"
    assert not any(k.endswith("年度実績") for k in rows[0])
    payload = json.loads(export(root, "json", "mix.json").read_text("utf-8"))
    record = next(r for r in payload["rows"] if r["indicator_id"] == "calendar-count")
    assert record["year_basis"] == "calendar" and record["recent_actuals"]["2023"] == 120
    assert record["deadline"] == 2023


def test_md_and_html_print_calendar_years_as_calendar_years(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)
    md = export(root, "md", "mix.md").read_text("utf-8")
    assert "| 120（2023年） |" in md and "| 2022年 |" in md  # the row and the 未報告一覧
    assert "2023年度" not in md and "令和5年度" not in md
    assert "| 最新実績 | 実績年（度） | 目標値 | 目標年（度） |" in md and "| 最後の報告年（度） |" in md
    html = export(root, "html", "mix.html").read_text("utf-8")
    assert "120 件（2023年）" in html and "200 件（2023年）" in html  # the 遅れ一覧: latest and target
    assert "120 件（2023年度）" not in html and "200 件（2023年度）" not in html
    assert "毎年度の目標" not in html
    missing = html[html.index('data-section="missing"') :]
    assert "2022年" in missing and "2022年度" not in missing  # the 暦年の割合's last figure
    assert "最後の報告年（度）" in missing and "最後の報告年度" not in missing
    en = export(root, "html", "mix-en.html", "en").read_text("utf-8")
    assert "120 件 (CY2023)" in en and "(FY2023)" not in en and "CY2022" in en


def test_rs_layout_labels_a_calendar_indicator_block_in_calendar_years(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)
    rows = list(csv.reader(io.StringIO(export(root, "rs", "mix-rs.csv").read_text("utf-8-sig"))))
    assert rows[0][8:13] == ["2020年（度）", "2021年（度）", "2022年（度）", "2023年（度）", "2024年（度）"]
    calendar = next(i for i, r in enumerate(rows) if r[3] == "暦年の件数")
    assert rows[calendar][6] == "目標年"
    assert rows[calendar][7:14] == ["2019年", "2020年", "2021年", "2022年", "2023年", "2024年", "2023年"]
    every = next(i for i, r in enumerate(rows) if r[3] == "暦年の割合")
    assert rows[every][13] == "毎年"
    fiscal = next(i for i, r in enumerate(rows) if r[3] == "年度の件数")
    assert rows[fiscal][6] == "目標年度" and rows[fiscal][12] == "令和6年度"
    assert not any("年度" in cell for r in rows[calendar : calendar + 4] + rows[every : every + 4] for cell in r[6:14])
    book = sheet_rows(export(root, "rs", "mix-rs.xlsx"))
    assert [book[3][8], book[3][12]] == ["2020年（度）", "2024年（度）"]
    en = list(csv.reader(io.StringIO(export(root, "rs", "mix-rs-en.csv", "en").read_text("utf-8-sig"))))
    assert en[0][8] == "FY/CY2020"
    at = next(i for i, r in enumerate(en) if r[3] == "暦年の件数")
    assert en[at][7:14] == ["CY2019", "CY2020", "CY2021", "CY2022", "CY2023", "CY2024", "CY2023"]
    at = next(i for i, r in enumerate(en) if r[3] == "年度の件数")
    assert en[at][12] == "FY2024"  # was 令和6年度 in English too
    only = make_plan(tmp_path / "cal", CALENDAR_ONLY)
    cal = list(csv.reader(io.StringIO(export(only, "rs", "cal-rs.csv").read_text("utf-8-sig"))))
    assert cal[0][8:13] == ["2020年", "2021年", "2022年", "2023年", "2024年"]


def test_collect_workbook_gives_calendar_years(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)
    out = tmp_path / "collect-out"
    result = runner.invoke(app, ["collect", "--dir", str(root), "-y", "2025", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = next(p for p in out.glob("*.xlsx") if "内閣府" in p.name)
    sheets = openpyxl.load_workbook(book).worksheets
    cells = [str(c.value) for ws in sheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert "100（2019年）" in cells and "200（2023年）" in cells and "120（2023年）" in cells
    assert not any("2019年度" in c or "2023年度" in c for c in cells)


def test_diff_names_a_calendar_indicators_years_cy(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)

    def git(*args: str) -> None:
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t"}
        env |= {"GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "plan")
    path = root / "measures" / "2024-001.toml"
    path.write_text(path.read_text("utf-8").replace("2023 = 120", "2023 = 120\n2024 = 130"), "utf-8")
    result = runner.invoke(app, ["diff", "HEAD", "--dir", str(root), "-y", "2024"])
    assert result.exit_code in (0, 1), result.output
    assert "CY2024: 130 件 (new)" in result.stdout and "FY2024: 130" not in result.stdout


def test_review_sheet_and_terminal_headings_name_both_bases(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    mixed = make_plan(tmp_path / "mixed", MIXED)
    review = sheet_rows(export(mixed, "xlsx", "mix.xlsx"), "評価表")
    assert "基準値・実績値・目標値（年・年度）" in review[3]
    assert "基準 100 件（2019年）\n実績 120 件（2023年）\n目標 200 件（2023年）" in [c for r in review for c in r]
    only = make_plan(tmp_path / "cal", CALENDAR_ONLY)
    assert "基準値・実績値・目標値（年）" in sheet_rows(export(only, "xlsx", "cal.xlsx"), "評価表")[3]
    args = ["report", "--dir", str(mixed), "-y", "2024", "--lang", "ja"]
    result = runner.invoke(app, args, env={"COLUMNS": "140", "NO_COLOR": ""})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("No."))
    assert "目標値（年・年度）" in header and "実績値（年・年度）" in header
    assert "90%（毎年）" in result.stdout and "毎年度" not in result.stdout  # the calendar every-year target


def test_show_names_a_calendar_every_year_target_maitoshi(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, MIXED)
    result = runner.invoke(app, ["show", "2024-003", "--dir", str(root), "-y", "2024", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "種類: 毎年、" in result.stdout and "毎年度" not in result.stdout
