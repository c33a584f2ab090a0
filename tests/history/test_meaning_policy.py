"""The target policy on meaning (issue 11, item 10): direction, kind, unit, year_basis and counting need a
revisions entry; deleting an indicator or a measure file fails; the md summary counts every change it lists."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.errors import Severity
from kpi.history.policy import run_check
from kpi.judge.report import build_report
from kpi.plan.loader import read_plan

runner = CliRunner()


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


@pytest.fixture
def root(tmp_path: Path, make_plan) -> Path:  # type: ignore[no-untyped-def]
    plan = make_plan(tmp_path, plan="policy")
    git(plan, "init", "-q", "-b", "main")
    git(plan, "add", "-A")
    git(plan, "commit", "-q", "-m", "plan")
    return plan


def edit(root: Path, old: str, new: str, name: str = "2024-001") -> None:
    path = root / "measures" / f"{name}.toml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def revision(field: str, old: str, new: str) -> str:
    return f'\n[[indicators.revisions]]\ndate = 2025-06-01\nfield = "{field}"\nold = {old}\nnew = {new}\nreason = "見直し"\n'


CASES = [
    ("direction", 'direction = "up"', 'direction = "down"', '"up"', '"down"'),
    ("kind", 'kind = "cumulative"', 'kind = "level"', '"cumulative"', '"level"'),
    ("unit", 'unit = "回"', 'unit = "件"', '"回"', '"件"'),
    ("year_basis", 'unit = "回"', 'unit = "回"\nyear_basis = "calendar"', '"fiscal"', '"calendar"'),
    ("counting", 'unit = "回"', 'unit = "回"\ncounting = "running_total"', '"yearly"', '"running_total"'),
]


@pytest.mark.parametrize(("field", "old", "new", "was", "now"), CASES, ids=[c[0] for c in CASES])
def test_a_change_of_meaning_needs_a_revisions_entry(root: Path, field: str, old: str, new: str, was: str, now: str) -> None:
    edit(root, old, new)
    if field == "kind":  # a level indicator has no start
        edit(root, "start = 2024\n", "")
    problems = [p for p in run_check(root, against="main") if p.severity is Severity.ERROR]
    assert [p.key for p in problems] == [f"indicators[0].{field}"]
    assert f"{field} changed since main ({was} → {now}) with no matching revisions entry" in problems[0].message
    edit(root, "2024 = 150\n", "2024 = 150\n" + revision(field, was, now))
    assert [p for p in run_check(root, against="main") if p.severity is Severity.ERROR] == []


def test_deleting_an_indicator_fails_and_a_removed_entry_takes_it_out(root: Path) -> None:
    edit(root, '\n[[indicators]]\nid = "survey"\nname = "調査の実施"\nkind = "qualitative"\n', "")
    [problem] = run_check(root, against="main")
    assert problem.severity is Severity.ERROR and 'indicator "survey" was deleted since main' in problem.message
    git(root, "checkout", "--", ".")
    edit(root, 'kind = "qualitative"\n', 'kind = "qualitative"\n' + revision("indicator", '"active"', '"removed"'))
    assert run_check(root, against="main") == ()
    report = build_report(read_plan(root), year=2024)
    assert [a.indicator.id for a in report.measures[0].assessments] == ["visits"]
    shown = runner.invoke(app, ["show", "1", "--dir", str(root), "-y", "2024", "--lang", "ja"]).stdout
    assert "[survey] 調査の実施 — 計画から外した指標（見直し）" in shown


def test_deleting_a_measure_file_fails_and_retired_is_the_way_out(root: Path) -> None:
    (root / "measures" / "2024-002.toml").unlink()
    [problem] = run_check(root, against="main")
    assert (problem.path, problem.severity) == ("measures/2024-002.toml", Severity.ERROR)
    assert "a measure leaves the plan by retired = <edition>: restore the file and add retired = 2026" in problem.message
    git(root, "checkout", "--", ".")
    edit(root, 'ministries = ["内閣府"]\n', 'ministries = ["内閣府"]\nretired = 2026\n', name="2024-002")
    edit(root, '[editions.2025]\nnumber = 2\npillar = "1-1"\n', '[editions.2024]\nnumber = 2\npillar = "1-1"\n', name="2024-002")
    assert [p for p in run_check(root, against="main") if p.severity is Severity.ERROR] == []


def test_md_summary_counts_every_change_it_lists(root: Path) -> None:
    edit(root, 'title = "相談窓口の周知"', 'title = "相談窓口の周知と案内"')
    edit(root, 'name = "訪問数"', 'name = "サイト訪問数"')
    edit(root, 'unit = "回"', 'unit = "件"')
    edit(root, '\n[[indicators]]\nid = "survey"\nname = "調査の実施"\nkind = "qualitative"\n', "")
    result = runner.invoke(app, ["diff", "main", "--dir", str(root), "--format", "md", "--year", "2024"])
    assert result.exit_code == 0, result.output
    summary = result.stdout.splitlines()[2]
    assert summary == (
        "**1 indicator removed, 1 other target change, 1 target change without a revisions entry, 2 other changes**"
    )
    assert "title: " in result.stdout and "name: " in result.stdout and "unit: " in result.stdout
