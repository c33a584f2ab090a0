"""The review's hard cases of assessment.md v1.1: baseline already at the target, running totals, the flags."""

from __future__ import annotations

import pytest

from kpi.judge.assess import assess_indicator, grade
from kpi.model import Actual, Counting, Direction, Flag, Indicator, Kind, Method, Status, Thresholds

UP, DOWN = Direction.UP, Direction.DOWN


def figures(values: dict[int, float]) -> tuple[Actual, ...]:
    return tuple(Actual(y, value=v) for y, v in sorted(values.items()))


# -- 1. baseline already at the target (rule 3) ---------------------------------------------------------------


def test_every_year_threshold_met_then_missed_is_regressing() -> None:
    ind = Indicator("x", "x", Kind.EVERY_YEAR, UP, target=90, actuals=figures({2024: 92.0, 2025: 88.0}))
    a = assess_indicator(ind, 2025)
    assert a.status is Status.REGRESSING
    assert a.progress is None
    assert a.lagging


def test_every_year_down_threshold_met_then_missed_is_regressing() -> None:
    ind = Indicator("x", "x", Kind.EVERY_YEAR, DOWN, target=10, actuals=figures({2024: 8.0, 2025: 12.0}))
    a = assess_indicator(ind, 2025)
    assert (a.status, a.progress) == (Status.REGRESSING, None)


def test_every_year_worked_example_still_measures_the_gap() -> None:
    ind = Indicator("x", "x", Kind.EVERY_YEAR, UP, target=90, actuals=figures({2023: 88.0, 2024: 89.0}))
    a = assess_indicator(ind, 2024)
    assert a.progress == pytest.approx(0.5)
    assert a.status is Status.FAR_BEHIND


def test_target_below_an_up_baseline_falling_is_regressing() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=70, deadline=2027, baseline=72, baseline_year=2022, actuals=figures({2025: 60})
    )
    a = assess_indicator(ind, 2025)
    assert a.status is Status.REGRESSING
    assert (a.progress, a.pace) == (None, None)
    assert grade([a]).grade == 5


def test_target_above_a_down_baseline_rising_is_regressing() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, DOWN, target=30, deadline=2027, baseline=28, baseline_year=2022, actuals=figures({2025: 40})
    )
    a = assess_indicator(ind, 2025)
    assert (a.status, a.progress) == (Status.REGRESSING, None)


def test_wrong_side_target_still_met_is_achieved() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=70, deadline=2027, baseline=72, baseline_year=2022, actuals=figures({2025: 71})
    )
    assert assess_indicator(ind, 2025).status is Status.ACHIEVED


def test_rule_3_is_not_applied_by_cagr() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=70, deadline=2027, baseline=72, baseline_year=2022, actuals=figures({2025: 60})
    )
    a = assess_indicator(ind, 2025, Thresholds(method=Method.CAGR))
    assert a.pace is not None  # sdg-build's ratio, as the statcan records pin it


# -- 2. running totals --------------------------------------------------------------------------------------------


def running(counting: Counting) -> Indicator:
    return Indicator(
        "x", "x（令和6年度からの累計）", Kind.CUMULATIVE, UP, target=300_000, deadline=2027, start=2024,
        counting=counting, actuals=figures({2024: 50_000, 2025: 110_000}),
    )  # fmt: skip


def test_running_total_takes_the_latest_figure() -> None:
    a = assess_indicator(running(Counting.RUNNING_TOTAL), 2025)
    assert a.actual == 110_000
    assert a.achievement == pytest.approx(0.367, abs=1e-3)


def test_yearly_counting_still_adds_the_years() -> None:
    a = assess_indicator(running(Counting.YEARLY), 2025)
    assert a.actual == 160_000


# -- 3. flags --------------------------------------------------------------------------------------------------


def test_overdue_worked_example() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=200, deadline=2024, baseline=100, baseline_year=2020, actuals=figures({2024: 150})
    )
    a = assess_indicator(ind, 2025)
    assert (a.expected, a.progress, a.pace) == (1.0, 0.5, 0.5)
    assert a.status is Status.FAR_BEHIND
    assert a.flags == (Flag.OVERDUE,)
    assert a.overdue and not a.stale


def test_not_overdue_before_the_deadline_or_when_met() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=200, deadline=2026, baseline=100, baseline_year=2020, actuals=figures({2024: 150})
    )
    assert not assess_indicator(ind, 2025).overdue
    met = Indicator(
        "x", "x", Kind.LEVEL, UP, target=200, deadline=2024, baseline=100, baseline_year=2020, actuals=figures({2024: 210})
    )
    assert not assess_indicator(met, 2025).overdue


def test_stale_after_three_years_by_default_and_as_configured() -> None:
    ind = Indicator(
        "x", "x", Kind.LEVEL, UP, target=200, deadline=2030, baseline=100, baseline_year=2019, actuals=figures({2021: 150})
    )
    assert assess_indicator(ind, 2023).flags == ()
    a = assess_indicator(ind, 2024)
    assert a.flags == (Flag.STALE,)
    assert a.status is assess_indicator(ind, 2023).status is Status.ON_TRACK  # the flag never changes it
    assert assess_indicator(ind, 2023, Thresholds(stale_after=2)).stale


def test_flags_never_change_status_or_grade() -> None:
    ind = Indicator(
        "x",
        "x",
        Kind.LEVEL,
        UP,
        target=200,
        deadline=2024,
        baseline=100,
        baseline_year=2020,
        actuals=figures({2020: 100, 2021: 150}),
    )
    flagged = assess_indicator(ind, 2025)
    assert set(flagged.flags) == {Flag.OVERDUE, Flag.STALE}
    unflagged = assess_indicator(ind, 2025, Thresholds(stale_after=50))
    assert flagged.status is unflagged.status
    assert grade([flagged]) == grade([unflagged])
