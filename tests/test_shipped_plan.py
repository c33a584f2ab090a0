"""The shipped plan: 孤独・孤立対策重点計画, 2025 edition, as data in measures/."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.model import Kind, Plan
from kpi.plan.loader import load_plan

ROOT = Path(__file__).resolve().parents[1]
MINISTRIES = {
    "内閣官房",
    "内閣府",
    "金融庁",
    "消費者庁",
    "総務省",
    "法務省",
    "外務省",
    "財務省",
    "文部科学省",
    "厚生労働省",
    "農林水産省",
    "経済産業省",
    "国土交通省",
    "環境省",
    "防衛省",
    "警察庁",
    "こども家庭庁",
    "復興庁",
    "デジタル庁",
    "人事院",
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    result = load_plan(ROOT)
    assert [str(p) for p in result.problems] == []
    return result.plan


def test_143_current_measures_numbered_once_each(plan: Plan) -> None:
    current = plan.current()
    assert len(current) == 143
    numbers = [m.edition(2025).number for m in current]  # type: ignore[union-attr]
    assert numbers == list(range(1, 144))


def test_2024_edition_numbers_each_used_once(plan: Plan) -> None:
    numbers = sorted(e.number for m in plan.measures for e in m.editions if e.year == 2024)
    assert numbers == list(range(1, 142))


def test_retired_measures_are_only_in_2024(plan: Plan) -> None:
    retired = [m for m in plan.measures if m.retired is not None]
    assert retired
    for measure in retired:
        assert measure.retired == 2025
        assert [e.year for e in measure.editions] == [2024]


def test_ids_name_the_first_edition(plan: Plan) -> None:
    for measure in plan.measures:
        first = measure.editions[0]
        assert measure.id == f"{first.year}-{first.number:03d}", measure.path.name


def test_every_ministry_is_one_of_the_twenty(plan: Plan) -> None:
    named = Counter(name for m in plan.measures for name in m.ministries)
    assert set(named) == MINISTRIES


def test_measure_130_records_its_four_items(plan: Plan) -> None:
    measure = next(m for m in plan.current() if m.edition(2025).number == 130)  # type: ignore[union-attr]
    assert len(measure.items) == 4
    assert {n for item in measure.items for n in item.ministries} <= set(measure.ministries)


def test_every_measure_has_an_indicator_and_targets_carry_numbers(plan: Plan) -> None:
    quantitative = 0
    for measure in plan.measures:
        assert measure.indicators, measure.id
        for indicator in measure.indicators:
            if indicator.kind in {Kind.LEVEL, Kind.EVERY_YEAR, Kind.CUMULATIVE}:
                assert indicator.target is not None
                quantitative += 1
            if indicator.kind is Kind.TREND:
                assert indicator.baseline is not None and indicator.baseline_year is not None
    assert quantitative >= 40


def test_check_is_clean_and_report_shows_every_measure() -> None:
    runner = CliRunner()
    checked = runner.invoke(app, ["check", "--dir", str(ROOT)])
    assert checked.exit_code == 0, checked.output
    reported = runner.invoke(app, ["report", "--dir", str(ROOT), "--year", "2024", "--format", "json"])
    assert reported.exit_code == 0, reported.output
    data = json.loads(reported.stdout)
    assert [m["number"] for m in data["measures"]] == list(range(1, 144))
    judged = [i for m in data["measures"] for i in m["indicators"] if i["status"] not in {"no_data", "pending"}]
    # The plan's own figures already judge some indicators.
    assert len(judged) >= 5
