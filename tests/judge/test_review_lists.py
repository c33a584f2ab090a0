"""The review lists behind `kpi missing` and `kpi lagging` (kpi.judge.review), on the fixture plan "export".

Their command line is in tests/cli/test_review_cli.py, the sparkline of `kpi show` in tests/views/test_sparkline.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi.judge.report import build_report
from kpi.judge.review import lagging, missing
from kpi.plan.loader import read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
FixturePlan = Callable[[str], Any]  # the fixture_plan fixture


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


def test_missing_groups_by_every_ministry_with_counts(plan_root: Path) -> None:
    result = missing(build_report(read_plan(plan_root), year=2024))
    assert (result.year, result.missing, result.expected) == (2024, 4, 8)
    groups = {g.ministry: g for g in result.groups}
    assert result.groups[0].ministry == "厚生労働省"
    assert (groups["厚生労働省"].count, groups["厚生労働省"].total) == (3, 5)
    assert [i.indicator.id for i in groups["厚生労働省"].items] == ["trend-worse", "cumulative", "leave"]
    # A measure of two ministries is listed under both, but counted once in the total.
    assert [i.indicator.id for i in groups["内閣府"].items] == ["trend-worse"]
    assert groups["内閣府"].total == 4
    assert [(i.indicator.id, i.last_year) for i in groups["こども家庭庁"].items] == [("survey", 2023)]


def test_missing_skips_indicators_not_started_yet(tmp_path: Path, make_plan: MakePlan, fixture_plan: FixturePlan) -> None:
    measures = fixture_plan("export").measures
    measures["2024-003"] = (
        measures["2024-003"].replace("target = 90\n", "target = 90\nstart = 2025\n").replace("2023 = 88.0\n2024 = 89.0\n", "")
    )
    result = missing(build_report(read_plan(make_plan(tmp_path, measures, plan="export")), year=2024))
    ids = {i.indicator.id for g in result.groups for i in g.items}
    assert "every-year" not in ids
    assert result.expected == 7


def test_lagging_is_worst_first_with_pace(plan_root: Path) -> None:
    items = lagging(build_report(read_plan(plan_root), year=2024))
    shown = [(i.assessment.indicator.id, i.assessment.status.value, i.assessment.pace) for i in items]
    assert [s[:2] for s in shown] == [
        ("trend-worse", "regressing"),
        ("slow", "far_behind"),
        ("every-year", "far_behind"),
        ("cumulative", "behind"),
        ("leave", "behind"),
    ]
    paces = [p for _, _, p in shown[1:]]
    assert paces == pytest.approx([0.4, 0.5, 0.8, 0.8944444444444445])
