"""The target policy (`kpi check --against`, PATHS) and the adopted target in reports, on real git repositories."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kpi.cli import app
from kpi.errors import KpiError, Severity
from kpi.history.policy import adopted, normalize, run_check
from kpi.plan.loader import read_plan

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest


@pytest.fixture
def repo(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> PlanRepo:
    return plan_repo(tmp_path / "plan")


def append(repo: PlanRepo, measure_id: str, text: str) -> None:
    path = repo.path(measure_id)
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def messages(problems: tuple[object, ...]) -> list[str]:
    return [str(p) for p in problems]


def test_unchanged_plan_passes(repo: PlanRepo) -> None:
    assert run_check(repo.root, against="main") == ()


def test_target_changed_without_revision_fails(repo: PlanRepo) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    assert messages(run_check(repo.root, against="main")) == [
        "measures/2024-001.toml:20: indicators[0].target: target changed since main (200 → 180) with no matching revisions "
        'entry; add [[indicators.revisions]] with date, field = "target", old = 200, new = 180 and reason = "..."'
    ]


def test_target_changed_with_revision_passes(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    append(repo, "2024-001", revision("target", "200", "180"))
    assert run_check(repo.root, against="main") == ()


@pytest.mark.parametrize(
    ("old", "new", "entry"),
    [
        # The entry's old value is not the value at main.
        ("target = 200", "target = 180", ("target", "190", "180")),
        # The entry names another field.
        ("target = 200", "target = 180", ("deadline", "200", "180")),
        # The entry's new value is not the value now.
        ("deadline = 2026", "deadline = 2028", ("deadline", "2026", "2027")),
    ],
)
def test_a_revision_that_does_not_match_fails(
    repo: PlanRepo, revision: Callable[..., str], old: str, new: str, entry: tuple[str, str, str]
) -> None:
    repo.edit("2024-001", old, new)
    append(repo, "2024-001", revision(*entry))
    [problem] = run_check(repo.root, against="main")
    assert "with no matching revisions entry" in problem.message


def test_a_revision_already_at_rev_does_not_explain_a_new_change(repo: PlanRepo, revision: Callable[..., str]) -> None:
    append(repo, "2024-001", revision("target", "200", "180"))
    repo.commit("an entry (the target itself unchanged, by mistake)")
    repo.edit("2024-001", "target = 200", "target = 180")
    [problem] = run_check(repo.root, against="HEAD")
    assert problem.key == "indicators[0].target"


def test_two_steps_and_every_target_field(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 160")
    repo.edit("2024-001", "deadline = 2026", "deadline = 2027")
    repo.edit("2024-001", "baseline = 100\nbaseline_year = 2022", "baseline = 90\nbaseline_year = 2021")
    repo.edit("2024-001", 'source = "内閣府調べ"', 'source = "内閣府調べ"\nmilestones = [{ year = 2025, value = 150 }]')
    assert {p.key for p in run_check(repo.root, against="main")} == {
        "indicators[0].target",
        "indicators[0].deadline",
        "indicators[0].baseline",
        "indicators[0].baseline_year",
        "indicators[0].milestones",
    }
    append(repo, "2024-001", revision("target", "200", "180", date="2025-06-01"))
    append(repo, "2024-001", revision("target", "180", "160", date="2025-07-01"))
    append(repo, "2024-001", revision("deadline", '"R8"', "2027"))
    append(repo, "2024-001", revision("baseline", "100", "90") + revision("baseline_year", "2022", "2021"))
    append(repo, "2024-001", revision("milestones", "[]", "[{ year = 2025, value = 150 }]"))
    assert run_check(repo.root, against="main") == ()


def test_a_baseline_set_where_there_was_none(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-002", "baseline = 20\nbaseline_year = 2022", "")
    repo.commit("no baseline yet")
    repo.edit("2024-002", "target = 10", "target = 10\nbaseline = 20\nbaseline_year = 2022")
    assert {p.key for p in run_check(repo.root, against="HEAD")} == {"indicators[0].baseline", "indicators[0].baseline_year"}
    append(repo, "2024-002", revision("baseline", '"none"', "20") + revision("baseline_year", '"none"', "2022"))
    assert run_check(repo.root, against="HEAD") == ()


def test_removing_a_past_revision_fails(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    append(repo, "2024-001", revision("target", "200", "180"))
    repo.commit("lower the target with a reason")
    repo.edit("2024-001", 'reason = "2025年改定で見直し"', 'reason = "書き換えた理由"')
    [problem] = run_check(repo.root, against="HEAD")
    assert str(problem) == (
        "measures/2024-001.toml:29: indicators[0].revisions: the target revision of 2025-06-01 at HEAD was removed or edited; "
        "revisions are the record of past changes: restore it and add a new entry instead"
    )


def test_renamed_measure_is_still_held_to_its_target(repo: PlanRepo) -> None:
    repo.git("mv", str(repo.path("2024-002")), str(repo.path("2025-010")))
    repo.edit("2025-010", 'id = "2024-002"', 'id = "2025-010"')
    repo.edit("2025-010", "target = 10", "target = 12")
    [problem] = run_check(repo.root, against="main")
    assert (problem.path, problem.key) == ("measures/2025-010.toml", "indicators[0].target")


def test_deleted_indicator_is_an_error(repo: PlanRepo) -> None:
    # v1.1: an indicator leaves the plan by a revisions entry field = "indicator", new = "removed".
    repo.edit("2024-003", 'id = "survey"', 'id = "survey-2025"')
    [problem] = run_check(repo.root, against="main")
    assert problem.severity is Severity.ERROR
    assert problem.message.startswith('indicator "survey" was deleted since main; its target would leave the plan')


def test_paths_restrict_what_is_reported(repo: PlanRepo) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    repo.edit("2024-002", 'unit = "%"', "unit = 5")
    both = run_check(repo.root, against="main")
    assert {p.path for p in both} == {"measures/2024-001.toml", "measures/2024-002.toml"}
    only = run_check(repo.root, against="main", paths=[Path("measures/2024-001.toml")], cwd=repo.root)
    assert {p.path for p in only} == {"measures/2024-001.toml"}
    folder = run_check(repo.root, paths=[Path("measures")], cwd=repo.root)
    assert {p.path for p in folder} == {"measures/2024-002.toml"}
    assert run_check(repo.root, paths=[Path("kpi.toml")], cwd=repo.root) == ()


def test_paths_must_exist_inside_the_plan(repo: PlanRepo, tmp_path: Path) -> None:
    with pytest.raises(KpiError) as info:
        run_check(repo.root, paths=[Path("measures/nope.toml")], cwd=repo.root)
    assert str(info.value) == "measures/nope.toml: no such file; give measure files of the plan (paths from the current folder)"
    outside = tmp_path / "elsewhere.toml"
    outside.write_text("", "utf-8")
    with pytest.raises(KpiError, match="not in the plan folder"):
        run_check(repo.root, paths=[outside], cwd=repo.root)


def test_normalize_and_adopted(repo: PlanRepo, revision: Callable[..., str]) -> None:
    assert normalize("deadline", "令和8年度") == 2026
    assert normalize("target", "none") is None
    assert normalize("milestones", [[2025, 50]]) == ((2025, 50.0),)
    assert repr(normalize("target", "many")) == "<unreadable>"
    repo.edit("2024-001", "target = 200", "target = 160")
    repo.edit("2024-001", "deadline = 2026", "deadline = 2027")
    append(repo, "2024-001", revision("target", "180", "160", date="2025-07-01"))
    append(repo, "2024-001", revision("target", "200", "180", date="2025-06-01"))
    append(repo, "2024-001", revision("deadline", "2026", "2027"))
    indicator = next(m for m in read_plan(repo.root).measures if m.id == "2024-001").indicators[0]
    assert adopted(indicator, "target") == 200.0  # the earliest revision by date, whatever the listing order
    assert adopted(indicator, "deadline") == 2026
    assert adopted(indicator, "baseline") == 100.0  # never revised: the current value


# -- the command ------------------------------------------------------------------------------------------------


def test_cli_check_against_fails_then_passes(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    result = runner.invoke(app, ["check", "--against", "main", "--dir", str(repo.root)])
    assert result.exit_code == 1
    assert result.stdout.startswith("measures/2024-001.toml:20: indicators[0].target: target changed since main (200 → 180)")
    assert result.stderr == "1 error(s), 0 warning(s)\n"
    append(repo, "2024-001", revision("target", "200", "180"))
    result = runner.invoke(app, ["check", "--against", "main", "--dir", str(repo.root)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "All files are valid.\n"


def test_cli_check_against_bad_revision(repo: PlanRepo) -> None:
    result = runner.invoke(app, ["check", "--against", "v9", "--dir", str(repo.root)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: 'v9' is not a commit in {repo.root.resolve()}; give a branch, tag or commit id (see git log --oneline)\n"
    )


def test_cli_check_paths(repo: PlanRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.edit("2024-002", 'unit = "%"', "unit = 5")
    monkeypatch.chdir(repo.root)
    assert runner.invoke(app, ["check", "measures/2024-001.toml"]).exit_code == 0
    result = runner.invoke(app, ["check", "measures/2024-002.toml", "measures/2024-001.toml"])
    assert result.exit_code == 1
    assert result.stdout.startswith("measures/2024-002.toml:")


def test_cli_check_help_names_the_new_options() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "--against" in result.stdout and "PATHS" in result.stdout


def test_pre_commit_hook_runs_kpi_check_on_measure_files(repo: PlanRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "kpi-check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("measures/2024-001.toml") and files.search("plans/x/measures/sub/2024-001.toml")
    assert files.search("kpi.toml") and not files.search("README.md") and not files.search("pyproject.toml")
    # pre-commit appends the changed files to the entry and runs it from the repository top.
    command = hook["entry"].split()
    assert command[0] == "kpi"
    repo.edit("2024-002", 'unit = "%"', "unit = 5")
    monkeypatch.chdir(repo.top)
    assert runner.invoke(app, [*command[1:], *hook.get("args", []), "measures/2024-001.toml"]).exit_code == 0
    assert runner.invoke(app, [*command[1:], *hook.get("args", []), "measures/2024-002.toml"]).exit_code == 1


def test_kpi_target_writes_entries_the_policy_accepts(repo: PlanRepo) -> None:
    where = ["--dir", str(repo.root)]
    for args in (
        ["target", "2024-001", "visits", "--target", "180", "--deadline", "R9", "--milestone", "2025=150", "--reason", "見直し"],
        ["target", "2024-002", "isolated-rate", "--baseline", "21", "--baseline-year", "2023", "--reason", "基準の更新"],
    ):
        result = runner.invoke(app, [*args, *where])
        assert result.exit_code == 0, result.output
    assert run_check(repo.root, against="main") == ()
    # Undo the target by hand, keeping the entry: the policy notices.
    repo.edit("2024-001", "target = 180", "target = 170")
    assert [p.key for p in run_check(repo.root, against="main")] == ["indicators[0].target"]


def workflow_commands() -> dict[str, list[str]]:
    """The kpi commands the example CI workflow runs, by subcommand."""
    steps = yaml.safe_load((REPO / "examples" / "kpi-pull-request.yml").read_text("utf-8"))["jobs"]["review"]["steps"]
    found = {}
    for step in steps:
        for match in re.finditer(r"\bkpi (diff|check)\b[^>&|]*", step.get("run", "")):
            found[match.group(1)] = shlex.split(match.group(0))
    return found


def test_the_example_workflow_on_pull_requests(
    repo: PlanRepo, revision: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = workflow_commands()
    assert commands == {
        "diff": ["kpi", "diff", "$BASE", "HEAD", "--format", "md"],
        "check": ["kpi", "check", "--against", "$BASE"],
    }

    def run(name: str, *extra: str) -> tuple[int, str]:
        result = runner.invoke(app, [*(a.replace("$BASE", "main") for a in commands[name][1:]), *extra])
        return result.exit_code, result.stdout

    monkeypatch.chdir(repo.root)
    # A pull request that lowers a target without a reason, and adds a figure: it fails.
    repo.git("checkout", "-q", "-b", "lower-target")
    repo.edit("2024-001", "target = 200", "target = 180")
    repo.edit("2024-002", "2024 = 16", "2024 = 16\n2023 = 18")
    repo.commit("lower the target, add a figure")
    code, out = run("check")
    assert code == 1 and "indicators[0].target: target changed since main (200 → 180)" in out
    # The same pull request with the reason recorded: it passes, and the comment says exactly what changed.
    append(repo, "2024-001", revision("target", "200", "180", "2025年改定で目標を見直し"))
    repo.commit("record the reason")
    assert run("check") == (0, "")
    code, comment = run("diff", "--year", "2024")
    assert code == 0
    assert comment.splitlines()[2] == "**1 figure added, 1 target lowered**"
    assert "### No. 1 2024-001 相談窓口の周知 \\[changed\\]" in comment
    assert "  - target: 200 → 180 (**lowers ambition**); reason: 2025年改定で目標を見直し" in comment
    assert "  - FY2023: 18 % (new)" in comment
    assert "no revisions entry" not in comment


# -- the adopted target in reports ------------------------------------------------------------------------------


def test_report_shows_the_adopted_target(repo: PlanRepo, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    append(repo, "2024-001", revision("target", "200", "180"))
    result = runner.invoke(app, ["report", "--dir", str(repo.root), "--year", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    by_id = {m["id"]: m["indicators"][0] for m in json.loads(result.stdout)["measures"]}
    visits = by_id["2024-001"]
    assert (visits["target"], visits["adopted_target"], visits["deadline"], visits["adopted_deadline"]) == (180, 200, 2026, 2026)
    assert visits["achievement"] == pytest.approx(150 / 180)
    assert visits["adopted_achievement"] == pytest.approx(150 / 200)
    rate = by_id["2024-002"]
    assert (rate["target"], rate["adopted_target"]) == (10, 10)  # never revised: the same
    md = runner.invoke(app, ["report", "--dir", str(repo.root), "--year", "2024", "--format", "md", "--lang", "en"]).stdout
    assert "| 180 (FY2026) (adopted 200 (FY2026)) |" in md
    assert "| 10 (FY2026) |" in md
    ja = runner.invoke(app, ["report", "--dir", str(repo.root), "--year", "2024", "--format", "md", "--lang", "ja"]).stdout
    assert "180（令和8年度）（当初 200（令和8年度））" in ja
    csv_text = runner.invoke(app, ["report", "--dir", str(repo.root), "--year", "2024", "--format", "csv"]).stdout
    header, first = csv_text.splitlines()[:2]
    assert header.endswith(",adopted_target,adopted_deadline")
    assert first.endswith(",200,2026")


def test_exports_note_the_adopted_target(repo: PlanRepo, tmp_path: Path, revision: Callable[..., str]) -> None:
    repo.edit("2024-001", "target = 200", "target = 180")
    repo.edit("2024-001", "deadline = 2026", "deadline = 2027")
    append(repo, "2024-001", revision("target", "200", "180") + revision("deadline", "2026", "2027"))
    out = tmp_path / "table.json"
    for lang, note in (("en", "adopted target 200 (FY2026)"), ("ja", "当初目標 200（令和8年度）")):
        args = ["export", "--format", "json", "--output", str(out), "--dir", str(repo.root), "--year", "2024", "--lang", lang]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        notes = {r["measure_id"]: r["notes"] for r in json.loads(out.read_text("utf-8"))["rows"]}
        assert notes["2024-001"] == note
        assert "200" not in notes["2024-002"]
