"""`kpi diff` shows changed report texts (short excerpts, old → new), budgets and comments; the target policy asks
no revisions entry for them. On a real git repository in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.history.diff import diff_plan
from kpi.history.policy import run_check

runner = CliRunner()

LONG = "相談窓口の周知のため、全国の自治体と連携したキャンペーンを年間を通じて実施した。あわせて若者向けの動画も制作した。"


@pytest.fixture
def repo(tmp_path: Path, plan_repo: Any) -> Any:
    plan = plan_repo(tmp_path / "plan")
    path = plan.path("2024-001")
    path.write_text(
        path.read_text("utf-8") + f'\n[reports.2024]\ndone = "{LONG}"\nbudget = 100\n\n[[reports.2024.comments]]\n'
        'from = "有識者会議"\ntext = "周知を強化されたい。"\n',
        "utf-8",
    )
    plan.commit("reports")
    return plan


def test_report_changes_are_listed_with_excerpts(repo: Any) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", f'done = "{LONG}"', 'done = "キャンペーンを実施した。"\nissues = "地方での認知度が低い。"')
    repo.edit("2024-001", "budget = 100", "budget = 120.5")
    repo.edit("2024-001", 'text = "周知を強化されたい。"', 'text = "周知を強化されたい。"\nresponse = "SNS広告を始める。"')
    result = diff_plan(repo.root, base, year=2024)
    [measure] = result.measures
    assert [(c.field, c.governed) for c in measure.fields] == [
        ("reports.2024.done", False),
        ("reports.2024.issues", False),
        ("reports.2024.budget", False),
        ("reports.2024.comments[1].response", False),
    ]
    assert result.summary() == "1 yearly report changed"
    code = runner.invoke(app, ["diff", base, "--year", "2024", "--dir", str(repo.root)])
    assert code.exit_code == 0
    lines = code.stdout.splitlines()
    excerpt = "「相談窓口の周知のため、全国の自治体と連携したキャンペーンを年間を通じて実施した…」"
    assert f"  reports.2024.done: {excerpt} → 「キャンペーンを実施した。」" in lines
    assert "  reports.2024.issues: — → 「地方での認知度が低い。」" in lines
    assert "  reports.2024.budget: 100 → 120.5" in lines
    assert "  reports.2024.comments[1].response: — → 「SNS広告を始める。」" in lines
    data = json.loads(runner.invoke(app, ["diff", base, "--year", "2024", "--format", "json", "--dir", str(repo.root)]).stdout)
    assert data["counts"]["reports_changed"] == 1
    assert data["measures"][0]["fields"][0]["new"] == "キャンペーンを実施した。"
    assert run_check(repo.root, against=base) == ()  # no revisions entry needed


def test_a_new_report_year_and_a_new_comment(repo: Any) -> None:
    base = repo.git("rev-parse", "HEAD")
    path = repo.path("2024-001")
    path.write_text(
        path.read_text("utf-8") + '\n[[reports.2024.comments]]\nfrom = "推進会議"\ntext = "若年層にも"\n\n'
        "[reports.2025]\nsubmitted = 2026-06-15\n",
        "utf-8",
    )
    [measure] = diff_plan(repo.root, base, year=2024).measures
    first = measure.fields[0]
    assert (first.field, first.old, first.new) == ("reports.2024.comments[2]", None, "推進会議: 若年層にも")
    md = runner.invoke(app, ["diff", base, "--year", "2024", "--format", "md", "--dir", str(repo.root)]).stdout
    assert "**2 yearly reports changed**" in md
    assert "- reports.2025.submitted: — → 2026-06-15" in md
