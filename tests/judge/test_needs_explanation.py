"""needs_explanation (assessment.md v1.1): lagging, or exceeded with achievement ≥ 1.2, and no issues text for E."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.judge.explain import FAR_EXCEEDED, asks_for_reasons
from kpi.judge.report import assess_measure
from kpi.model import Actual, Direction, Indicator, Kind, Measure, QualStatus, Report, Thresholds


def level(actual: float, *, target: float = 100, direction: Direction = Direction.UP) -> Indicator:
    return Indicator(
        id="x",
        name="x",
        kind=Kind.LEVEL,
        direction=direction,
        target=target,
        deadline=2026,
        baseline=50 if direction is Direction.UP else 150,
        baseline_year=2022,
        actuals=(Actual(2024, value=actual),),
    )


def measure(indicator: Indicator, *reports: Report) -> Measure:
    return Measure("2024-001", "t", ("内閣府",), (), (indicator,), Path("m.toml"), reports=reports)


@pytest.mark.parametrize(
    ("indicator", "needed"),
    [
        (level(60), True),  # far behind
        (level(70), True),  # behind: p = 0.4, e = 0.5, r = 0.8
        (level(76), False),  # on track
        (level(100), False),  # achieved
        (level(115), False),  # exceeded, achievement 1.15 < 1.2
        (level(120), True),  # exceeded, achievement exactly 1.2
        (level(130), True),
        (level(100 / 1.2, target=100, direction=Direction.DOWN), True),  # down: T / a = 1.2
        (level(40), True),  # regressing (below the baseline)
    ],
)
def test_the_rule(indicator: Indicator, needed: bool) -> None:
    result = assess_measure(measure(indicator), 2024, Thresholds(), 2025)
    assert result.assessments[0].needs_explanation is needed
    assert asks_for_reasons(result.assessments[0]) is needed


def test_issues_text_for_the_year_answers_it_and_only_that_year() -> None:
    ind = level(60)
    assert (
        not assess_measure(measure(ind, Report(2024, issues="予算執行の遅れ")), 2024, Thresholds(), 2025)
        .assessments[0]
        .needs_explanation
    )
    assert assess_measure(measure(ind, Report(2023, issues="前年度")), 2024, Thresholds(), 2025).assessments[0].needs_explanation
    assert (
        assess_measure(measure(ind, Report(2024, issues="  ", done="x")), 2024, Thresholds(), 2025)
        .assessments[0]
        .needs_explanation
    )


def test_missing_evidence_and_qualitative_need_none() -> None:
    qualitative = Indicator(id="q", name="q", kind=Kind.QUALITATIVE, actuals=(Actual(2024, status=QualStatus.NOT_STARTED),))
    assert not assess_measure(measure(qualitative), 2024, Thresholds(), 2025).assessments[0].needs_explanation
    assert not assess_measure(measure(level(60)), 2023, Thresholds(), 2025).assessments[0].needs_explanation  # no_data
    assert FAR_EXCEEDED == 1.2
