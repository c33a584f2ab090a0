"""The whole shipped plan read back from the cache is the plan parsed afresh: every figure (numbers, qualitative
notes, sources), milestone, revision and report, and each measure's path, as the loader made them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.plan.cache import MeasureCache
from kpi.plan.loader import load_plan

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_plan_comes_back_whole_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KPI_NO_CACHE", raising=False)
    fresh = load_plan(ROOT, cache=False)
    load_plan(ROOT)  # writes the cache (the shipped files are older than the racy window)
    cache = MeasureCache.open(ROOT, ROOT / "kpi.toml")
    assert cache.file is not None and cache.file.is_file()
    cached = load_plan(ROOT)
    assert cached.plan.measures == fresh.plan.measures
    assert [m.path for m in cached.plan.measures] == [m.path for m in fresh.plan.measures]
    assert cached.problems == fresh.problems
    figures = [a for m in cached.plan.measures for i in m.indicators for a in i.actuals]
    assert any(a.note for a in figures) and any(a.source for a in figures)  # the figure's own fields, not only numbers
