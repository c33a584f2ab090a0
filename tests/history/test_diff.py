"""kpi diff and git access, on real git repositories made in tmp_path (the renderings: tests/views/test_diff.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.history import gitrev
from kpi.history.diff import LOWERS, RAISES, ambition, diff_plan
from kpi.model import Direction, Kind, Status
from kpi.views import diff as diffformat

runner = CliRunner()
PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest


@pytest.fixture
def repo(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> PlanRepo:
    return plan_repo(tmp_path / "plan")


# -- git access -------------------------------------------------------------------------------------------------


def test_resolve_rejects_a_revision_that_is_not_a_commit(repo: PlanRepo) -> None:
    found = gitrev.open_repo(repo.root)
    with pytest.raises(gitrev.GitError) as info:
        gitrev.resolve(found, "no-such-branch")
    assert str(info.value) == (
        f"'no-such-branch' is not a commit in {found.top}; give a branch, tag or commit id (see git log --oneline)"
    )
    # A tree or blob id is an object, but not a commit.
    tree = repo.git("rev-parse", "HEAD^{tree}")
    with pytest.raises(gitrev.GitError, match="is not a commit"):
        gitrev.resolve(found, tree)
    # Something that looks like an option never reaches git as one.
    with pytest.raises(gitrev.GitError, match="'--output=x' is not a commit"):
        gitrev.resolve(found, "--output=x")


def test_outside_a_repository_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(gitrev.GitError) as info:
        gitrev.open_repo(tmp_path)
    assert str(info.value) == f"{tmp_path}: not in a git repository; run kpi inside a clone of the plan repository (or git init)"


def test_load_at_reads_the_plan_as_committed(repo: PlanRepo) -> None:
    first = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "target = 200", "target = 300")
    repo.commit("raise the target")
    found = gitrev.open_repo(repo.root)
    old = gitrev.load_at(found, first)
    assert not old.errors
    measure = next(m for m in old.plan.measures if m.id == "2024-001")
    assert measure.indicators[0].target == 200
    # Paths point into the plan root, as the working tree's do.
    assert measure.path == repo.root / "measures" / "2024-001.toml"
    assert old.plan.config.root == repo.root


def test_plan_in_a_subfolder_of_the_repository(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> None:
    repo = plan_repo(tmp_path / "top", subdir="plans/kodoku")
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "2024 = 150", "2024 = 150\n2025 = 190")
    result = diff_plan(repo.root, base, year=2025)
    assert result.summary() == "1 figure added"
    assert result.head.commit is None


def test_default_base_is_the_merge_base_with_main(repo: PlanRepo) -> None:
    fork = repo.git("rev-parse", "HEAD")
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit("2024-002", "2024 = 16", "2024 = 16\n2025 = 14")
    repo.commit("figure for 2025")
    repo.git("checkout", "-q", "main")
    repo.edit("2024-001", "2024 = 150", "2024 = 150\n2025 = 160")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    result = diff_plan(repo.root, year=2025)
    assert result.base.commit == fork
    assert result.base.label == "merge-base(main)"
    # Only the feature branch's change shows, not what main did since the fork.
    assert [m.id for m in result.measures] == ["2024-002"]


def test_working_tree_is_the_default_head(repo: PlanRepo) -> None:
    repo.edit("2024-001", "2024 = 150", "2024 = 155")
    result = diff_plan(repo.root, year=2024)
    [measure] = result.measures
    [change] = measure.indicators[0].actuals
    assert (change.year, change.old, change.new, change.change) == (2024, 150, 155, "changed")


# -- what the diff finds ----------------------------------------------------------------------------------------


def test_target_lowered_without_a_revision(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "target = 200", "target = 180")
    head = repo.commit("lower the target")
    result = diff_plan(repo.root, base, head, year=2024)
    [measure] = result.measures
    assert (measure.id, measure.change, measure.number) == ("2024-001", "changed", 1)
    [change] = measure.indicators[0].fields
    assert (change.field, change.old, change.new, change.effect) == ("target", 200.0, 180.0, LOWERS)
    assert change.governed and not change.explained and change.reason is None
    assert result.counts()["targets_lowered"] == 1
    assert result.counts()["unexplained"] == 1


def test_target_lowered_with_a_revision_carries_its_reason(repo: PlanRepo, revision: Callable[..., str]) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "target = 200", "target = 180")
    path = repo.path("2024-001")
    path.write_text(path.read_text("utf-8") + revision("target", "200", "180", "統計の見直し"), "utf-8")
    result = diff_plan(repo.root, base, year=2024)
    change = result.measures[0].indicators[0].fields[0]
    assert change.reason == "統計の見直し"
    assert change.explained
    assert result.counts()["unexplained"] == 0


def test_figures_statuses_and_lagging(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    # 2024-001: a new figure for 2025; 2024-002: the 2024 figure corrected so the status falls.
    repo.edit("2024-001", "2024 = 150", "2024 = 150\n2025 = 175")
    repo.edit("2024-002", "2024 = 16", "2024 = 19")
    result = diff_plan(repo.root, base, year=2024)
    by_id = {m.id: m for m in result.measures}
    visits = by_id["2024-001"].indicators[0]
    assert [(a.year, a.change) for a in visits.actuals] == [(2025, "added")]
    assert visits.old_status is visits.new_status is Status.ON_TRACK  # FY2024 judged: the 2025 figure does not count
    rate = by_id["2024-002"].indicators[0]
    # b = 20, T = 10, a = 19: p = 0.1, e = 0.5, r = 0.2 → far_behind (was 0.8 → behind).
    assert (rate.old_status, rate.new_status) == (Status.BEHIND, Status.FAR_BEHIND)
    assert by_id["2024-002"].was_lagging and by_id["2024-002"].now_lagging
    counts = result.counts()
    assert (counts["figures_added"], counts["figures_changed"], counts["status_changes"], counts["now_lagging"]) == (1, 1, 1, 0)
    assert result.summary() == "1 figure added, 1 figure changed, 1 status changed"


def test_measure_now_lagging_is_counted(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "2024 = 150", "2024 = 110")  # p = 0.1, r = 0.2 → far_behind
    result = diff_plan(repo.root, base, year=2024)
    [measure] = result.measures
    assert not measure.was_lagging and measure.now_lagging
    assert result.summary() == "1 figure changed, 1 status changed, 1 measure now lagging"


def test_rename_retire_add_remove(repo: PlanRepo, fixture_plan: Callable[[str], Any]) -> None:
    base = repo.git("rev-parse", "HEAD")
    # Rename 2024-002 to 2025-010 (file and id) and lower its target in the same commit.
    old = repo.path("2024-002")
    repo.git("mv", str(old), str(repo.path("2025-010")))
    repo.edit("2025-010", 'id = "2024-002"', 'id = "2025-010"')
    repo.edit("2025-010", "target = 10", "target = 12")
    # Retire 2024-003 and add a new measure.
    repo.edit("2024-003", 'ministries = ["内閣府"]', 'ministries = ["内閣府"]\nretired = 2026')
    repo.write(
        fixture_plan("git")
        .measures["2024-002"]
        .replace('id = "2024-002"', 'id = "2025-020"')
        .replace("number = 2", "number = 20")
        .replace("孤立している人の割合の減少", "新しい施策")
    )
    head = repo.commit("rename, retire, add")
    # And remove one in the working tree.
    repo.path("2024-001").unlink()
    result = diff_plan(repo.root, base, year=2024)
    changes = {m.id: (m.change, m.old_id) for m in result.measures}
    assert changes == {
        "2024-001": ("removed", None),
        "2025-010": ("renamed", "2024-002"),
        "2024-003": ("retired", None),
        "2025-020": ("added", None),
    }
    renamed = next(m for m in result.measures if m.id == "2025-010")
    [target] = renamed.indicators[0].fields
    assert (target.field, target.old, target.new, target.effect) == ("target", 10.0, 12.0, LOWERS)  # down: higher is easier
    counts = result.counts()
    assert {k: v for k, v in counts.items() if v} == {
        "measures_added": 1,
        "measures_removed": 1,
        "measures_retired": 1,
        "measures_renamed": 1,
        "figures_added": 1,
        "figures_removed": 1,
        "targets_lowered": 1,
        "unexplained": 1,
        # The renamed measure's easier target puts it on track; the added one is behind.
        "status_changes": 1,
        "no_longer_lagging": 1,
        "now_lagging": 1,
    }
    # Comparing two commits gives the same picture without the working-tree removal.
    committed = diff_plan(repo.root, base, head, year=2024)
    assert {m.id for m in committed.measures} == {"2025-010", "2024-003", "2025-020"}


def test_a_file_that_does_not_load_is_left_out_and_named(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-002", "target = 10", 'target = "ten"')
    result = diff_plan(repo.root, base)
    assert result.measures == ()
    assert result.unreadable == ("measures/2024-002.toml (working tree)",)
    assert "not compared: measures/2024-002.toml (working tree) does not load (run kpi check)" in diffformat.to_text(result)


@pytest.mark.parametrize(
    ("name", "old", "new", "direction", "kind", "effect"),
    [
        ("target", 200.0, 180.0, Direction.UP, Kind.LEVEL, LOWERS),
        ("target", 200.0, 220.0, Direction.UP, Kind.LEVEL, RAISES),
        ("target", 10.0, 12.0, Direction.DOWN, Kind.LEVEL, LOWERS),
        ("target", 10.0, 8.0, Direction.DOWN, Kind.LEVEL, RAISES),
        ("deadline", 2026, 2028, Direction.UP, Kind.LEVEL, LOWERS),
        ("deadline", 2026, 2025, Direction.DOWN, Kind.LEVEL, RAISES),
        ("baseline", 100.0, 120.0, Direction.UP, Kind.TREND, RAISES),
        ("baseline", 100.0, 120.0, Direction.DOWN, Kind.TREND, LOWERS),
        ("baseline", 100.0, 120.0, Direction.UP, Kind.LEVEL, ""),
        ("baseline_year", 2022, 2023, Direction.UP, Kind.LEVEL, ""),
        ("milestones", ((2025, 50.0),), ((2025, 40.0),), Direction.UP, Kind.LEVEL, LOWERS),
        ("milestones", ((2025, 50.0),), (), Direction.UP, Kind.LEVEL, LOWERS),
        ("milestones", ((2025, 50.0),), ((2025, 50.0), (2027, 70.0)), Direction.UP, Kind.LEVEL, RAISES),
        ("target", 200.0, 180.0, None, Kind.LEVEL, ""),
    ],
)
def test_ambition(name: str, old: object, new: object, direction: Direction | None, kind: Kind, effect: str) -> None:
    assert ambition(name, old, new, direction, kind) == effect


# -- the command ------------------------------------------------------------------------------------------------


def test_cli_diff_md(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "2024 = 150", "2024 = 150\n2025 = 170")
    repo.git("tag", "v1", base)
    result = runner.invoke(app, ["diff", "v1", "--dir", str(repo.root), "--format", "md", "--year", "R6"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2] == "**1 figure added**"
    assert f"`v1 ({base[:12]})` → `working tree`, statuses judged for FY2024." in result.stdout


def test_cli_diff_bad_revision(repo: PlanRepo) -> None:
    result = runner.invoke(app, ["diff", "nope", "--dir", str(repo.root)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: 'nope' is not a commit in {repo.root.resolve()}; give a branch, tag or commit id (see git log --oneline)\n"
    )


def test_cli_diff_help() -> None:
    result = runner.invoke(app, ["diff", "--help"])
    assert result.exit_code == 0
    assert "Compare the plan at two git revisions" in result.stdout
    assert "Example: kpi diff main --format md" in result.stdout
