"""The cache file in pieces (kpi.plan.cache.PIECE entries marshalled at a time, so that saving a plan of 100,000 files
does not build marshal's table of every object at once): a plan of several pieces comes back whole from the cache,
and a file whose pieces do not add up is ignored as a whole, never half read."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kpi.plan.cache
import kpi.plan.loader
from kpi.plan.cache import cache_dir
from kpi.plan.loader import load_plan

MakePlan = Callable[..., Path]


@pytest.fixture
def plan(make_plan: MakePlan, users_measure: Callable[..., str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)  # files written just now count as settled
    monkeypatch.setattr(kpi.plan.cache, "PIECE", 2)  # seven files: pieces of 2, 2, 2 and 1
    return make_plan(
        tmp_path, {f"2025-{n:03d}.toml": users_measure(f"2025-{n:03d}", n, 1000 + n, f"施策{n}") for n in range(1, 8)}
    )


def cache_file() -> Path:
    folder = cache_dir()
    assert folder is not None
    (file,) = folder.glob("plan-*.marshal")
    return file


def test_a_plan_of_several_pieces_comes_back_whole(plan: Path, parses: list[str]) -> None:
    first = load_plan(plan)
    assert len(parses) == 7
    header, entries = marshal.loads(cache_file().read_bytes())  # the first piece, and the sizes of the others
    assert len(entries) == 2 and len(header[-1]) == 3
    second = load_plan(plan)
    assert len(parses) == 7  # nothing parsed again: all seven from the cache
    assert second.plan.measures == first.plan.measures and len(second.plan.measures) == 7
    assert [m.path for m in second.plan.measures] == [m.path for m in first.plan.measures]


@pytest.mark.parametrize("cut", [1, 40])
def test_a_cache_file_cut_short_is_ignored_whole(plan: Path, parses: list[str], cut: int) -> None:
    first = load_plan(plan)
    file = cache_file()
    data = file.read_bytes()
    file.write_bytes(data[:-cut])
    os.chmod(file, 0o600)
    again = load_plan(plan)
    assert len(parses) == 14  # every file parsed again, none taken from a half-read cache
    assert again.plan.measures == first.plan.measures
