"""`kpi narrate`, `kpi comment`, and the reports in `kpi show`, `kpi report --format json`, `kpi check` and
`kpi missing`, through the real CLI (typer's CliRunner) on a plan in tmp_path."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

MakePlan = Callable[..., Path]  # the make_plan fixture of tests/conftest.py

runner = CliRunner()

MEASURE = """\
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省", "こども家庭庁"]
rs_ids = ["0123-4567"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
stage = "output"
target = 130000
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2022 = 98000
2024 = 100000
"""

OTHER = """\
id = "2024-009"
title = "相談窓口の周知"
ministries = ["内閣府"]

[editions.2025]
number = 9
pillar = "1-2"

[[indicators]]
id = "known"
name = "周知の状況"
kind = "qualitative"

[indicators.actuals]
2024 = "done"
"""


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KPI_DIR", raising=False)
    monkeypatch.delenv("KPI_LANG", raising=False)


@pytest.fixture
def root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": MEASURE, "2024-009.toml": OTHER})


def kpi(root: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--dir", str(root)], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def measure_text(root: Path) -> str:
    return (root / "measures" / "2024-008.toml").read_text("utf-8")


def test_narrate_records_then_says_nothing_changed(root: Path) -> None:
    code, out, _ = kpi(root, "narrate", "8", "R6", "--done", "サイトを改修した", "--budget", "130.5", "--lang", "ja")
    assert code == 0
    assert out.splitlines() == [
        "記録しました: 2024-008 令和6年度の実施状況（measures/2024-008.toml）",
        "  取組実績: 「サイトを改修した」",
        "  予算額（百万円）: 130.5",
    ]
    before = measure_text(root)
    assert before.endswith('\n[reports.2024]\ndone = "サイトを改修した"\nbudget = 130.5\n')
    code, out, _ = kpi(root, "narrate", "8", "R6", "--done", "サイトを改修した", "--budget", "130.5", "--lang", "en")
    assert (code, out) == (0, "Already recorded (file unchanged): 2024-008 FY2024 report\n")
    assert measure_text(root) == before


def test_narrate_replacing_text_prints_old_and_new(root: Path) -> None:
    kpi(root, "narrate", "8", "2024", "--issues", "周知不足")
    code, out, _ = kpi(root, "narrate", "8", "2024", "--issues", "広報の時期が遅れた", "--lang", "en")
    assert code == 0
    assert out.splitlines()[1] == "  Issues and causes: 「周知不足」 → 「広報の時期が遅れた」"


def test_narrate_reads_standard_input(root: Path) -> None:
    code, _, _ = kpi(root, "narrate", "8", "R6", "--next", "-", input="一行目\r\n二行目\r\n")
    assert code == 0
    assert 'next = """\n一行目\n二行目"""\n' in measure_text(root)


def test_narrate_edit_opens_the_editor(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kpi(root, "narrate", "8", "R6", "--done", "旧い文")
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        "assert '旧い文' in text, text\n"
        "text = text.replace('旧い文', '新しい文\\n二行目').replace('=== issues: 課題・要因分析 / Issues and causes ===\\n',"
        " '=== issues: 課題・要因分析 / Issues and causes ===\\n# a comment line\\n担い手不足\\n')\n"
        "open(path, 'w', encoding='utf-8').write(text)\n",
        "utf-8",
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    monkeypatch.delenv("VISUAL", raising=False)
    code, out, err = kpi(root, "narrate", "8", "R6", "--edit", "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[1:] == ["  What was done: 「旧い文」 → 「新しい文 二行目」", "  Issues and causes: 「担い手不足」"]
    assert '[reports.2024]\ndone = """\n新しい文\n二行目"""\nissues = "担い手不足"\n' in measure_text(root)


def test_narrate_usage_errors(root: Path) -> None:
    code, _, err = kpi(root, "narrate", "8", "R6")
    assert code == 2
    assert err == "Error: nothing to record; give --done, --issues, --next, --budget, --budget-note, --contact or --edit\n"
    code, _, err = kpi(root, "narrate", "8", "R6", "--done", "-", "--issues", "-")
    assert code == 2 and "only one option can read standard input" in err


def test_narrate_bad_input_is_one_line_and_writes_nothing(root: Path) -> None:
    code, out, err = kpi(root, "narrate", "8", "R6", "--budget", "-5")
    assert (code, out) == (1, "")
    assert err == (
        "Error: measures/2024-008.toml: reports.2024.budget: '-5' is not a budget; "
        "write the year's budget in 百万円 as a number ≥ 0, e.g. 130.5\n"
    )
    code, _, err = kpi(root, "narrate", "8", "R6", "--done", "ベル\x07")
    assert code == 1 and "contains the control character U+0007" in err
    assert measure_text(root) == MEASURE


def test_narrate_help() -> None:
    result = runner.invoke(app, ["narrate", "--help"])
    assert result.exit_code == 0
    assert "Record a measure's yearly report (words and budget)." in result.stdout and "--budget-note" in result.stdout


def test_comment_add_and_answer(root: Path) -> None:
    code, out, _ = kpi(root, "comment", "8", "R6", "--from", "有識者会議", "周知を強化されたい", "--lang", "ja")
    assert code == 0
    assert out.splitlines() == [
        "意見を追加しました: 2024-008 令和6年度 意見1（有識者会議）（measures/2024-008.toml）",
        "  「周知を強化されたい」",
    ]
    code, out, _ = kpi(root, "comment", "8", "R6", "--from", "有識者会議", "周知を強化されたい", "--lang", "en")
    assert out == "The same comment is already recorded (file unchanged): 2024-008 FY2024 #1 (有識者会議)\n"
    code, out, _ = kpi(root, "comment", "8", "R6", "1", "--response", "SNS広告を開始する", "--lang", "en")
    assert out.splitlines() == [
        "Response recorded: 2024-008 FY2024 #1 (有識者会議)  (measures/2024-008.toml)",
        "  Response: 「SNS広告を開始する」",
    ]
    assert measure_text(root).endswith(
        '2024 = 100000\n\n[[reports.2024.comments]]\nfrom = "有識者会議"\n'
        'text = "周知を強化されたい"\nresponse = "SNS広告を開始する"\n'
    )


def test_comment_usage_errors(root: Path) -> None:
    assert kpi(root, "comment", "8", "R6", "周知を強化されたい")[0] == 2
    code, _, err = kpi(root, "comment", "8", "R6", "one", "--response", "x")
    assert code == 2 and "'one' is not a comment number" in err
    code, _, err = kpi(root, "comment", "8", "R6", "2", "--response", "x")
    assert code == 1 and "there is no comment 2 for FY2024" in err


def test_show_lists_every_report_newest_first_with_comments(root: Path) -> None:
    kpi(root, "narrate", "8", "R5", "--done", "前年度の取組")
    kpi(root, "narrate", "8", "R6", "--done", "今年度の取組", "--budget", "12", "--budget-note", "当初予算")
    kpi(root, "comment", "8", "R6", "--from", "推進会議", "意見")
    code, out, _ = kpi(root, "show", "8", "--year", "2024", "--lang", "ja")
    assert code == 0
    assert "  予算事業ID: 0123-4567" in out and "    段階: アウトプット" in out
    assert "要因分析が必要" in out
    assert out.splitlines()[-8:] == [
        "  令和6年度",
        "    取組実績: 今年度の取組",
        "    予算額（百万円）: 12（当初予算）",
        "    意見1（推進会議）: 意見",
        "      → 対応: （未回答）",
        "",
        "  令和5年度",
        "    取組実績: 前年度の取組",
    ]
    code, out, _ = kpi(root, "show", "8", "--year", "2024", "--format", "json")
    record = json.loads(out)
    assert [r["year"] for r in record["reports"]] == [2024, 2023]
    assert record["reports"][0]["comments"] == [{"from": "推進会議", "text": "意見", "response": None, "answered": False}]


def test_report_json_has_the_report_and_the_flags(root: Path) -> None:
    kpi(root, "narrate", "8", "R6", "--done", "取組", "--budget", "12")
    code, out, _ = kpi(root, "report", "--year", "2024", "--format", "json")
    assert code == 0
    measures = {m["id"]: m for m in json.loads(out)["measures"]}
    first = measures["2024-008"]
    assert first["rs_ids"] == ["0123-4567"]
    assert first["report"] == {
        "year": 2024,
        "done": "取組",
        "issues": None,
        "next": None,
        "budget": 12,
        "budget_note": None,
        "contact": None,
        "submitted": None,
        "comments": [],
    }
    indicator = first["indicators"][0]
    assert (indicator["stage"], indicator["status"], indicator["needs_explanation"]) == ("output", "far_behind", True)
    assert measures["2024-009"]["report"] is None and measures["2024-009"]["indicators"][0]["stage"] is None
    kpi(root, "narrate", "8", "R6", "--issues", "予算の執行が遅れた")
    again = json.loads(kpi(root, "report", "--year", "2024", "--format", "json")[1])
    assert again["measures"][0]["indicators"][0]["needs_explanation"] is False


def test_check_reminds_of_missing_reasons_until_they_are_written(root: Path) -> None:
    code, out, err = kpi(root, "check", "--year", "R6")
    assert code == 0
    assert out == (
        'measures/2024-008.toml: warning: reports.2024.issues: indicator "access" (アクセス数) is far behind (遅れ) in '
        'FY2024 and the report gives no reasons; write them (課題・要因分析): kpi narrate 8 2024 --issues "..."\n'
    )
    assert err == "0 error(s), 1 warning(s)\n"
    kpi(root, "narrate", "8", "R6", "--issues", "予算の執行が遅れた")
    assert kpi(root, "check", "--year", "R6")[1:] == ("", "All files are valid.\n")


def test_missing_lists_measures_without_a_report(root: Path) -> None:
    kpi(root, "narrate", "9", "R6", "--done", "周知した")
    code, out, _ = kpi(root, "missing", "--year", "R6", "--lang", "ja")
    assert code == 0
    assert out.splitlines()[-6:] == [
        "",
        "こども家庭庁  未提出 1件（1施策中）",
        "  008 支援情報検索サイトの運用",
        "厚生労働省  未提出 1件（1施策中）",
        "  008 支援情報検索サイトの運用",
        "令和6年度の実施状況（取組実績）が未提出の施策: 1件（2施策中）",
    ]
    record = json.loads(kpi(root, "missing", "--year", "R6", "--format", "json")[1])
    assert record["reports_missing"]["missing"] == 1
    assert [g["ministry"] for g in record["reports_missing"]["ministries"]] == ["こども家庭庁", "厚生労働省"]
    rows = kpi(root, "missing", "--year", "R6", "--format", "csv")[1].splitlines()
    assert rows[-1] == "厚生労働省,8,2024-008,支援情報検索サイトの運用,,,,,"  # as wide as the indicator rows
    assert len({row.count(",") for row in rows}) == 1


def test_report_tables_mark_the_owed_explanation(root: Path) -> None:
    md = kpi(root, "report", "--year", "2024", "--format", "md", "--lang", "en")[1]
    assert "| far behind (Explanation needed) |" in md
    md = kpi(root, "report", "--year", "2024", "--format", "md", "--lang", "ja")[1]
    assert "| 遅れ（要因分析が必要） |" in md
    rows = kpi(root, "report", "--year", "2024", "--format", "csv")[1].splitlines()
    header = rows[0].split(",")
    first = dict(zip(header, rows[1].split(","), strict=True))
    assert (first["needs_explanation"], first["stage"]) == ("True", "output")
