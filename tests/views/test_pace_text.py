"""The pace beside a lagging status, said with what it is (kpi.views.screen.pace_text), never a bare number: the
share of the pace needed (linear, cagr with a target) or the yearly growth (cagr without one), in both languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kpi.i18n import Lang
from kpi.judge.assess import assess_indicator
from kpi.model import Actual, Direction, Indicator, Kind, Method, QualStatus, Status, Thresholds
from kpi.views.screen import pace_text


def level(actual: float) -> Indicator:
    """Baseline 50 (FY2022), target 100 (FY2026): by FY2024 half the way (e = 0.5) should be covered."""
    return Indicator(
        id="x",
        name="x",
        kind=Kind.LEVEL,
        direction=Direction.UP,
        target=100,
        deadline=2026,
        baseline=50,
        baseline_year=2022,
        actuals=(Actual(2024, value=actual),),
    )


@pytest.mark.parametrize(
    ("actual", "status", "english", "japanese"),
    [
        # p = 20 / 50 = 0.4 of the way, e = 0.5 expected: r = 0.8
        (70, Status.BEHIND, "pace 0.80 (progress ÷ expected)", "進捗ペース 0.80（進捗率÷期待進捗）"),
        # the figure fell 10 below the baseline: p = -0.2, r = -0.4
        (40, Status.REGRESSING, "pace -0.40 (progress ÷ expected)", "進捗ペース -0.40（進捗率÷期待進捗）"),
    ],
)
def test_linear_pace_is_progress_over_expected(actual: float, status: Status, english: str, japanese: str) -> None:
    a = assess_indicator(level(actual), 2024)
    assert a.status is status
    assert pace_text(a, Lang.EN) == english
    assert pace_text(a, Lang.JA) == japanese


def test_cagr_without_a_target_is_the_yearly_growth() -> None:
    trend = Indicator(
        id="x",
        name="x",
        kind=Kind.TREND,
        direction=Direction.UP,
        baseline=100,
        baseline_year=2022,
        actuals=(Actual(2024, value=121),),  # 1.1 × 1.1: +10% a year
    )
    a = assess_indicator(trend, 2024, Thresholds(method=Method.CAGR))
    assert a.pace == pytest.approx(0.1)
    assert pace_text(a, Lang.EN) == "yearly growth in the better direction: +10.0%"
    assert pace_text(a, Lang.JA) == "改善の方向への年平均の伸び: +10.0%"


def test_no_pace_is_said_so() -> None:
    unreported = assess_indicator(replace(level(100), actuals=()), 2024)
    done = assess_indicator(
        Indicator(id="q", name="q", kind=Kind.QUALITATIVE, actuals=(Actual(2024, status=QualStatus.DONE),)), 2024
    )
    assert unreported.status is Status.NO_DATA
    assert done.pace is None
    for a in (unreported, done):
        assert pace_text(a, Lang.EN) == "pace —"
        assert pace_text(a, Lang.JA) == "進捗ペース －"
