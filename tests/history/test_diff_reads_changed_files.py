"""`kpi diff` reads only the measure files that differ, and says what a comparison of the whole plans says.

Real git repositories in tmp_path: every case compares the changed-files-only result with the whole-plan one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi.history import gitrev
from kpi.history.diff import PlanDiff, compare, diff_plan
from kpi.judge.report import evaluation_year

PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py)


def _whole(root: Path, base: str | None, head: str | None, year: int) -> PlanDiff:
    repo = gitrev.open_repo(root)
    base_side, head_side = gitrev.sides(repo, base, head)
    old, new = gitrev.load_side(repo, base_side), gitrev.load_side(repo, head_side)
    return compare(old.plan, new.plan, evaluation_year(year), base_side, head_side)


def _changed(root: Path, base: str, head: str | None) -> set[str] | None:
    repo = gitrev.open_repo(root)
    base_side, head_side = gitrev.sides(repo, base, head)
    return gitrev.changed_measure_files(repo, base_side, head_side)


@pytest.mark.parametrize("subdir", ["", "plans/national"])
def test_changed_files_and_the_same_picture(
    tmp_path: Path, subdir: str, plan_repo: Callable[..., PlanRepo], fixture_plan: Callable[[str], Any]
) -> None:
    repo = plan_repo(tmp_path / "plan", subdir)
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-002", "target = 10", "target = 12")
    repo.git("mv", str(repo.path("2024-003")), str(repo.path("2025-003")))
    repo.edit("2025-003", 'id = "2024-003"', 'id = "2025-003"')
    head = repo.commit("lower a target, rename a measure")
    # In the working tree: one more file, one removed, one figure edited.
    repo.write(
        fixture_plan("git")
        .measures["2024-002"]
        .replace('id = "2024-002"', 'id = "2025-020"')
        .replace("number = 2", "number = 20")
    )
    repo.path("2024-001").unlink()
    repo.edit("2024-002", "target = 12", "target = 13")

    assert _changed(repo.root, base, head) == {"measures/2024-002.toml", "measures/2024-003.toml", "measures/2025-003.toml"}
    assert _changed(repo.root, base, None) == {
        "measures/2024-001.toml",
        "measures/2024-002.toml",
        "measures/2024-003.toml",
        "measures/2025-003.toml",
        "measures/2025-020.toml",
    }
    assert _changed(repo.root, head, None) == {"measures/2024-001.toml", "measures/2024-002.toml", "measures/2025-020.toml"}
    for one, other in [(base, head), (base, None), (head, None), (base, base)]:
        fast = diff_plan(repo.root, one, other, year=2024)
        assert fast == _whole(repo.root, one, other, 2024)
    assert diff_plan(repo.root, base, head, year=2024).measures  # the comparison found something to compare


def test_a_changed_kpi_toml_compares_the_whole_plans(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> None:
    repo = plan_repo(tmp_path / "plan")
    base = repo.git("rev-parse", "HEAD")
    config = repo.root / "kpi.toml"
    config.write_text(config.read_text("utf-8") + "on_track = 0.99\n", "utf-8")  # a stricter bar changes every status
    assert _changed(repo.root, base, None) is None
    assert diff_plan(repo.root, base, year=2024) == _whole(repo.root, base, None, 2024)


def test_only_the_changed_files_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan_repo: Callable[..., PlanRepo]
) -> None:
    from kpi.plan import loader

    repo = plan_repo(tmp_path / "plan")
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-002", "target = 10", "target = 12")
    parsed: list[str] = []
    real = loader.load_measure

    def counting(path: Path, shown: str, config: object) -> object:
        parsed.append(shown)
        return real(path, shown, config)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_measure", counting)
    monkeypatch.setenv("KPI_NO_CACHE", "1")
    result = diff_plan(repo.root, base, year=2024)
    assert [m.id for m in result.measures] == ["2024-002"]
    assert parsed == ["measures/2024-002.toml", "measures/2024-002.toml"]  # once from the base commit, once from disk
