"""What a loaded measure carries for the caches above the plan (``Measure.stamp``), and the names the loader gives files.

A stamp says "this measure is what its file holds, unchanged and settled": kpi.views.reportcache reads a measure's
kept line back only under it. So a measure gets one only through the cache, only for a settled file, and the seal
differs whenever the file or its place does.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kpi.plan.cache
from kpi.plan.config import load_config
from kpi.plan.loader import _listed, load_plan, measure_files
from kpi.text import shown_path

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
Text = Callable[..., str]  # the users_measure fixture (tests/conftest.py): the text of a measure


def seals(root: Path) -> dict[str, bytes | None]:
    return {m.id: (m.stamp[1] if m.stamp else None) for m in load_plan(root).plan.measures}  # type: ignore[misc]


def test_settled_files_are_stamped_from_the_first_load_on(
    tmp_path: Path, make_plan: MakePlan, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)
    root = make_plan(tmp_path, {"2025-001": users_measure(), "sub/2025-002": users_measure("2025-002", 2)})
    first = seals(root)
    assert first == seals(root)  # parsed, then read back: the same seals
    assert all(first.values())
    assert first["2025-002"].endswith(b"measures/sub/2025-002.toml")  # type: ignore[union-attr]
    plan = load_plan(root).plan
    assert plan.measures[0].stamp is not None
    assert plan.measures[0].stamp[0] is plan.measures[1].stamp[0]  # type: ignore[index]  # one load, one cache
    assert dataclasses.replace(plan.measures[0], title="x").stamp is None
    assert plan.measures[0] == dataclasses.replace(plan.measures[0])  # the stamp is not part of what a measure is


def test_a_changed_or_moved_file_gets_another_seal(
    tmp_path: Path, make_plan: MakePlan, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    before = seals(root)
    (root / "measures" / "2025-001.toml").write_text(users_measure(value=1500), "utf-8")
    (root / "measures" / "sub").mkdir()
    os.replace(root / "measures" / "2025-002.toml", root / "measures" / "sub" / "2025-002.toml")
    after = seals(root)
    assert after["2025-001"] != before["2025-001"] and after["2025-002"] != before["2025-002"]


def test_no_stamp_for_a_file_just_written_nor_without_the_cache(
    tmp_path: Path, make_plan: MakePlan, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    assert seals(root) == {"2025-001": None}  # written a moment ago: within the racy window
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)
    monkeypatch.setenv("KPI_NO_CACHE", "1")
    assert seals(root) == {"2025-001": None}
    assert all(m.stamp is None for m in load_plan(root, cache=False).plan.measures)


@pytest.mark.parametrize("measures", ["measures", ".", "measures/a"])
def test_the_walk_names_files_as_shown_path_does(measures: str, tmp_path: Path, make_plan: MakePlan, users_measure: Text) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "a/b/2025-002": users_measure("2025-002", 2)})
    config = root / "kpi.toml"
    config.write_text(config.read_text("utf-8").replace('measures = "measures"', f'measures = "{measures}"'), "utf-8")
    loaded, problems = load_config(root)
    assert problems == [] and loaded.measures_dir == measures
    listed = _listed(loaded, root)
    assert listed == [(path, shown_path(path, root)) for path in measure_files(loaded)]
    assert [shown for _, shown in listed][-1] == "measures/a/b/2025-002.toml"
