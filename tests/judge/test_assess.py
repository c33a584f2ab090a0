"""The assessment method: worked examples of the method page, every kind, the MIC grade, and laws."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kpi.judge.assess import Assessment, assess_indicator, grade, judge
from kpi.model import Actual, Direction, Indicator, Kind, Method, Milestone, QualStatus, Status, Thresholds

UP, DOWN = Direction.UP, Direction.DOWN


def level(target: float, deadline: int, actuals: dict[int, float], direction: Direction = UP, **kw: object) -> Indicator:
    return Indicator(
        id="x",
        name="x",
        kind=kw.pop("kind", Kind.LEVEL),
        direction=direction,
        target=target,
        deadline=deadline,  # type: ignore[arg-type]
        actuals=tuple(Actual(y, value=v) for y, v in sorted(actuals.items())),
        **kw,  # type: ignore[arg-type]
    )


def trend(baseline: float, year: int, actuals: dict[int, float], direction: Direction = UP) -> Indicator:
    return Indicator(
        id="t",
        name="t",
        kind=Kind.TREND,
        direction=direction,
        baseline=baseline,
        baseline_year=year,
        actuals=tuple(Actual(y, value=v) for y, v in sorted(actuals.items())),
    )


# -- the worked examples of the method page ----------------------------------------------------------------------


def test_level_up_on_the_path() -> None:
    a = assess_indicator(level(200, 2026, {2024: 150}, baseline=100, baseline_year=2022), 2024)
    assert (a.achievement, a.progress, a.expected, a.pace) == (0.75, 0.5, 0.5, 1.0)
    assert a.status is Status.ON_TRACK
    assert not a.lagging


def test_level_up_slow() -> None:
    a = assess_indicator(level(200, 2026, {2024: 120}, baseline=100, baseline_year=2022), 2024)
    assert a.progress == pytest.approx(0.2)
    assert a.pace == pytest.approx(0.4)
    assert a.status is Status.FAR_BEHIND
    assert a.lagging


def test_level_down_met_but_not_exceeded() -> None:
    a = assess_indicator(level(18.6, 2024, {2024: 17.0}, DOWN, baseline=20.0, baseline_year=2022), 2024)
    assert a.achievement == pytest.approx(1.094, abs=5e-4)
    assert a.status is Status.ACHIEVED


def test_no_baseline_one_actual_is_pending() -> None:
    a = assess_indicator(level(130000, 2026, {2024: 120000}), 2024)
    assert a.achievement == pytest.approx(0.923, abs=5e-4)
    assert a.progress is None
    assert a.baseline_inferred
    assert a.status is Status.PENDING
    assert not a.lagging


def test_cumulative() -> None:
    ind = level(3000, 2024, {2019: 400, 2020: 400, 2021: 400, 2022: 400}, kind=Kind.CUMULATIVE, start=2019)
    a = assess_indicator(ind, 2024)
    assert a.actual == 1600
    assert (a.baseline, a.baseline_year) == (0, 2018)
    assert a.expected == pytest.approx(4 / 6)
    assert a.progress == pytest.approx(0.533, abs=5e-4)
    assert a.pace == pytest.approx(0.8)
    assert a.status is Status.BEHIND


def test_every_year() -> None:
    ind = level(90, 2026, {2023: 88.0, 2024: 89.0}, kind=Kind.EVERY_YEAR)
    a = assess_indicator(ind, 2024)
    assert a.progress == pytest.approx(0.5)
    assert a.expected == 1
    assert a.status is Status.FAR_BEHIND


# -- more of each kind -----------------------------------------------------------------------------------------


def test_no_actual_is_no_data_and_later_figures_are_ignored() -> None:
    ind = level(200, 2026, {2025: 190}, baseline=100, baseline_year=2022)
    assert assess_indicator(ind, 2024).status is Status.NO_DATA
    assert assess_indicator(ind, 2025).status is Status.ON_TRACK


def test_exceeded_at_exactly_the_margin() -> None:
    assert assess_indicator(level(100, 2026, {2024: 110}, baseline=50, baseline_year=2022), 2024).status is Status.EXCEEDED
    assert assess_indicator(level(100, 2026, {2024: 109}, baseline=50, baseline_year=2022), 2024).status is Status.ACHIEVED


def test_margin_comes_from_thresholds() -> None:
    ind = level(100, 2026, {2024: 105}, baseline=50, baseline_year=2022)
    assert assess_indicator(ind, 2024, Thresholds(exceed_margin=0.05)).status is Status.EXCEEDED


def test_down_target_zero_actual_zero() -> None:
    a = assess_indicator(level(0, 2026, {2024: 0}, DOWN, baseline=5, baseline_year=2022), 2024)
    assert a.achievement is None
    assert a.met
    assert a.status is Status.ACHIEVED


def test_down_actual_zero_below_a_positive_target_is_exceeded() -> None:
    """T / a is undefined at a = 0 (reported as null), but zero is as far below the target as a figure goes."""
    a = assess_indicator(level(10, 2026, {2024: 0}, DOWN, baseline=20, baseline_year=2022), 2024)
    assert a.achievement is None
    assert a.status is Status.EXCEEDED


def test_hold_the_baseline() -> None:
    ind = level(100, 2026, {2024: 90}, baseline=100, baseline_year=2022)
    a = assess_indicator(ind, 2024)
    assert a.progress is None
    assert a.status is Status.REGRESSING
    assert assess_indicator(replace(ind, actuals=(Actual(2024, 100),)), 2024).status is Status.ACHIEVED


def test_actual_in_the_baseline_year_is_pending() -> None:
    a = assess_indicator(level(200, 2026, {2022: 100}, baseline=100, baseline_year=2022), 2022)
    assert a.expected == 0
    assert a.status is Status.PENDING


def test_after_the_deadline_expected_is_one() -> None:
    a = assess_indicator(level(200, 2024, {2025: 150}, baseline=100, baseline_year=2022), 2025)
    assert a.expected == 1
    assert a.pace == pytest.approx(0.5)
    assert a.status is Status.FAR_BEHIND


def test_regressing_when_moving_away() -> None:
    a = assess_indicator(level(200, 2026, {2024: 90}, baseline=100, baseline_year=2022), 2024)
    assert a.status is Status.REGRESSING


def test_inferred_baseline_from_the_earliest_actual() -> None:
    a = assess_indicator(level(200, 2026, {2022: 100, 2024: 150}), 2024)
    assert (a.baseline, a.baseline_year, a.baseline_inferred) == (100, 2022, True)
    assert a.status is Status.ON_TRACK


MILESTONES = (Milestone(2025, 50),)


def test_milestone_segment_from_the_baseline() -> None:
    ind = level(85, 2030, {2024: 40.5}, baseline=17.13, baseline_year=2022, milestones=MILESTONES)
    a = assess_indicator(ind, 2024)
    assert (a.segment_target, a.segment_year) == (50, 2025)
    assert a.progress == pytest.approx((40.5 - 17.13) / (50 - 17.13))
    assert a.expected == pytest.approx(2 / 3)
    assert a.status is Status.ON_TRACK
    assert a.achievement == pytest.approx(40.5 / 85)


def test_meeting_an_intermediate_milestone_is_on_track_not_achieved() -> None:
    ind = level(85, 2030, {2025: 55}, baseline=17.13, baseline_year=2022, milestones=MILESTONES)
    a = assess_indicator(ind, 2025)
    assert a.status is Status.ON_TRACK
    assert a.met is False


def test_after_a_milestone_the_segment_starts_there() -> None:
    ind = level(85, 2030, {2026: 55}, baseline=17.13, baseline_year=2022, milestones=MILESTONES)
    a = assess_indicator(ind, 2026)
    assert (a.segment_target, a.segment_year) == (85, 2030)
    assert a.progress == pytest.approx((55 - 50) / (85 - 50))
    assert a.expected == pytest.approx(1 / 5)
    assert a.pace == pytest.approx(5 / 35 / 0.2)
    assert a.status is Status.BEHIND


def test_final_target_met_is_achieved_even_before_the_milestone() -> None:
    ind = level(85, 2030, {2024: 90}, baseline=17.13, baseline_year=2022, milestones=MILESTONES)
    assert assess_indicator(ind, 2024).status is Status.ACHIEVED


def test_every_year_needs_the_years_own_figure() -> None:
    ind = level(90, 2026, {2023: 95.0}, kind=Kind.EVERY_YEAR)
    assert assess_indicator(ind, 2024).status is Status.NO_DATA
    assert assess_indicator(ind, 2023).status is Status.EXCEEDED or assess_indicator(ind, 2023).status is Status.ACHIEVED


def test_every_year_without_previous_figure_is_pending_unless_met() -> None:
    assert assess_indicator(level(90, 2026, {2024: 85.0}, kind=Kind.EVERY_YEAR), 2024).status is Status.PENDING
    assert assess_indicator(level(90, 2026, {2024: 91.0}, kind=Kind.EVERY_YEAR), 2024).status is Status.ACHIEVED


def test_every_year_uses_the_stated_baseline_as_the_previous_year() -> None:
    ind = level(90, 2026, {2023: 88.0}, kind=Kind.EVERY_YEAR, baseline=84.3, baseline_year=2022)
    a = assess_indicator(ind, 2023)
    assert (a.baseline, a.baseline_year) == (84.3, 2022)
    assert a.progress == pytest.approx((88 - 84.3) / (90 - 84.3))


def test_cumulative_ignores_years_before_start() -> None:
    ind = level(1000, 2024, {2018: 900, 2019: 500}, kind=Kind.CUMULATIVE, start=2019)
    assert assess_indicator(ind, 2019).actual == 500
    assert assess_indicator(ind, 2018).status is Status.NO_DATA


@pytest.mark.parametrize(
    ("direction", "actual", "status"),
    [
        (UP, 190000, Status.ACHIEVED),
        (UP, 184831, Status.FAR_BEHIND),
        (UP, 180000, Status.REGRESSING),
        (DOWN, 180000, Status.ACHIEVED),
        (DOWN, 190000, Status.REGRESSING),
    ],
)
def test_trend(direction: Direction, actual: float, status: Status) -> None:
    a = assess_indicator(trend(184831, 2022, {2023: actual}, direction), 2023)
    assert a.status is status
    assert a.achievement is None and a.progress is None


def test_trend_with_only_the_baseline_year_is_pending_and_without_figures_no_data() -> None:
    assert assess_indicator(trend(100, 2022, {2022: 100}), 2024).status is Status.PENDING
    assert assess_indicator(trend(100, 2022, {}), 2024).status is Status.NO_DATA


def test_qualitative() -> None:
    ind = Indicator(
        id="q",
        name="q",
        kind=Kind.QUALITATIVE,
        actuals=(Actual(2024, status=QualStatus.IN_PROGRESS, note="準備中"), Actual(2025, status=QualStatus.DONE)),
    )
    a = assess_indicator(ind, 2024)
    assert (a.status, a.note) == (Status.IN_PROGRESS, "準備中")
    assert assess_indicator(ind, 2025).status is Status.DONE
    assert assess_indicator(ind, 2026).status is Status.NO_DATA
    assert not assess_indicator(ind, 2026).lagging


# -- the MIC grade --------------------------------------------------------------------------------------------


def _a(status: Status, *, primary: bool = False, kind: Kind = Kind.LEVEL) -> Assessment:
    return Assessment(
        indicator=Indicator(id="i", name="i", kind=kind, primary=primary), year=2024, method=Method.LINEAR, status=status
    )


S = Status


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([S.EXCEEDED, S.ACHIEVED], 1),
        ([S.ACHIEVED, S.ACHIEVED], 2),
        ([S.ACHIEVED, S.ON_TRACK], 3),
        ([S.BEHIND], 3),
        ([S.EXCEEDED, S.BEHIND], 3),
        ([S.ON_TRACK, S.FAR_BEHIND], 4),
        ([S.FAR_BEHIND, S.REGRESSING], 5),
        ([S.EXCEEDED, S.REGRESSING], 5),
    ],
)
def test_grade(statuses: list[Status], expected: int) -> None:
    result = grade([_a(s) for s in statuses])
    assert result.grade == expected
    assert not result.incomplete


def test_grade_leaves_out_missing_evidence_and_says_incomplete() -> None:
    result = grade([_a(S.ACHIEVED), _a(S.NO_DATA), _a(S.PENDING)])
    assert (result.grade, result.incomplete) == (2, True)
    assert grade([_a(S.NO_DATA)]) == grade([_a(S.PENDING)])
    assert grade([_a(S.NO_DATA)]).grade is None


def test_grade_uses_primary_indicators_when_marked() -> None:
    result = grade([_a(S.ACHIEVED, primary=True), _a(S.REGRESSING)])
    assert result.grade == 2


def test_grade_of_a_qualitative_only_measure() -> None:
    result = grade([_a(S.DONE, kind=Kind.QUALITATIVE)])
    assert (result.grade, result.qualitative_only) == (None, True)


def test_grade_ignores_qualitative_beside_quantitative() -> None:
    assert grade([_a(S.NOT_STARTED, kind=Kind.QUALITATIVE), _a(S.ON_TRACK)]).grade == 3


# -- laws ---------------------------------------------------------------------------------------------------

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=2000, max_value=2040)


def _merge_met(status: Status) -> Status:
    return Status.ACHIEVED if status is Status.EXCEEDED else status


@given(values, values, values, years, st.integers(0, 10), st.integers(1, 10))
def test_mirroring_direction_and_values_keeps_the_status(b: float, target: float, a: float, t0: int, dt: int, span: int) -> None:
    """Negating every value and flipping the direction judges the same path the same way.

    Exceeded and achieved are merged: the 達成率 ratio (a/T up, T/a down) is not symmetric under negation.
    """
    up = judge(a, t0 + dt, target, t0 + span, UP, b, t0)
    down = judge(-a, t0 + dt, -target, t0 + span, DOWN, -b, t0)
    assert _merge_met(up.status) is _merge_met(down.status)
    assert up.progress == down.progress
    assert up.pace == down.pace


@given(st.floats(min_value=0.01, max_value=1e6), st.floats(min_value=0.01, max_value=1e6))
def test_down_achievement_mirrors_up_with_reciprocals(a: float, target: float) -> None:
    down = judge(a, 2024, target, 2026, DOWN, None, None)
    up = judge(1 / a, 2024, 1 / target, 2026, UP, None, None)
    assert down.achievement == pytest.approx(up.achievement)
    assert down.met == up.met


@given(
    st.floats(min_value=-1e5, max_value=1e5),
    st.floats(min_value=1, max_value=1e5),
    st.floats(min_value=-2e5, max_value=2e5),
    st.floats(min_value=-2e5, max_value=2e5),
    st.integers(1, 6),
    st.integers(0, 10),
    st.sampled_from([Method.LINEAR, Method.CAGR]),
)
def test_status_never_gets_worse_as_the_actual_improves(
    b: float, gap: float, a1: float, a2: float, dt: int, span: int, method: Method
) -> None:
    """For a target on the right side of the baseline, a better figure never gets a worse status."""
    assume(a1 != a2)
    if method is Method.CAGR:
        assume(b > 0 and a1 > 0 and a2 > 0)
    low, high = sorted((a1, a2))
    th = Thresholds(method=method)
    t0 = 2020
    for direction, better, worse, target in ((UP, high, low, b + gap), (DOWN, low, high, b - gap)):
        if method is Method.CAGR and target <= 0:
            continue
        good = judge(better, t0 + dt, target, t0 + span + 1, direction, b, t0, th).status
        bad = judge(worse, t0 + dt, target, t0 + span + 1, direction, b, t0, th).status
        assert good.rank is not None and bad.rank is not None
        assert good.rank >= bad.rank, (direction, better, worse, good, bad)


@given(
    st.floats(min_value=-1e5, max_value=1e5), st.floats(min_value=-1e5, max_value=1e5), st.floats(min_value=-1e5, max_value=1e5)
)
def test_trend_status_never_gets_worse_as_the_actual_improves(b: float, a1: float, a2: float) -> None:
    low, high = sorted((a1, a2))
    for direction, better, worse in ((UP, high, low), (DOWN, low, high)):
        good = assess_indicator(trend(b, 2022, {2024: better}, direction), 2024).status
        bad = assess_indicator(trend(b, 2022, {2024: worse}, direction), 2024).status
        assert good.rank is not None and bad.rank is not None
        assert good.rank >= bad.rank
