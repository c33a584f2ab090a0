"""The cache file holds its entries in chunks (small pickling memos at 100,000 files) and needs its end mark."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import kpi.plan.cache
import kpi.plan.loader
from kpi.plan.cache import MeasureCache
from kpi.plan.loader import load_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

MEASURE = """\
id = "{id}"
title = "施策{n}"
ministries = ["内閣府"]

[editions.2025]
number = {n}
pillar = "1-1"

[[indicators]]
id = "users"
name = "利用者数"
kind = "level"
direction = "up"
unit = "人"
target = 2000
deadline = 2027

[indicators.actuals]
2024 = {n}00
"""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []
    real = kpi.plan.loader.load_measure

    def counting(path: Path, shown: str, config: kpi.plan.loader.PlanConfig) -> tuple[object, list[object]]:
        seen.append(shown)
        return real(path, shown, config)  # type: ignore[return-value]

    monkeypatch.setattr(kpi.plan.loader, "load_measure", counting)
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)  # files just written count as settled
    monkeypatch.setattr(kpi.plan.cache, "CHUNK", 2)  # seven files: four chunks
    yield seen


def test_many_chunks_come_back_whole(tmp_path: Path, make_plan: MakePlan, parses: list[str]) -> None:
    root = make_plan(tmp_path, {f"2025-{n:03d}.toml": MEASURE.format(id=f"2025-{n:03d}", n=n) for n in range(1, 8)})
    first = load_plan(root)
    assert len(parses) == 7
    parses.clear()
    again = load_plan(root)
    assert parses == []  # every entry came back from the four chunks
    assert again.plan.measures == first.plan.measures


def test_a_file_cut_after_a_chunk_is_not_used(tmp_path: Path, make_plan: MakePlan, parses: list[str]) -> None:
    root = make_plan(tmp_path, {f"2025-{n:03d}.toml": MEASURE.format(id=f"2025-{n:03d}", n=n) for n in range(1, 8)})
    load_plan(root)
    file = MeasureCache.open(root, root / "kpi.toml").file
    assert file is not None
    whole = file.read_bytes()
    # Cut the file just before its end mark (a whole number of chunks): not a cache to trust.
    end_mark = len(whole) - whole[::-1].index(b"\x80"[::-1]) - 1
    file.write_bytes(whole[:end_mark])
    parses.clear()
    load_plan(root)
    assert len(parses) == 7
