"""The cache's plain data carries the v1.1 records whole: stage, figures not in yet (集計中), rs_ids, reports.

A measure read back from the cache must equal the measure parsed from its file; a field the plain form left out
would vanish silently on every run after the first (a report's `submitted` is what `kpi collect --status` reads).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kpi.plan.cache
from kpi.plan.loader import load_plan


def test_v11_records_come_back_whole_from_the_cache(
    tmp_path: Path, make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)  # the file just written counts as settled
    root = make_plan(tmp_path, plan="v11")
    first = load_plan(root).plan.measures[0]
    cached = list((Path(os.environ["XDG_CACHE_HOME"]) / "kpi").glob("plan-*"))
    assert cached, "the cache was not written"
    again = load_plan(root).plan.measures[0]
    assert dataclasses.replace(again, path=first.path) == first
    indicator = again.indicators[0]
    assert indicator.stage is not None and indicator.awaited_for(2025) is not None
    report = again.report(2025)
    assert report is not None and report.submitted is not None and report.comments[0].answered
    assert again.rs_ids == ("0001-01", "0002")
