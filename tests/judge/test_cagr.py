"""Tests for kpi.judge.cagr: the spec's formulas by hand, laws, and Statistics Canada's published outputs."""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.judge.cagr import OPEN_SDG_STATUS, GrowthResult, aggregate, growth, progress
from kpi.model import Status

REPO = Path(__file__).resolve().parents[2]
CASES_PATH = Path(os.environ.get("KPI_SHARED", REPO.parent / "shared")) / "reference" / "statcan-progress-cases.json"
MISSING_REASON = "../shared not found: statcan conformance cases not run"

C_HALF = 1 - 0.5**4.44  # ceiling coefficient for b = 50 under limit = 100


def approx(x: float) -> Any:
    return pytest.approx(x, rel=1e-12, abs=1e-12)


# --- growth -----------------------------------------------------------------------


def test_growth_is_compound_yearly_rate() -> None:
    assert growth(100, 121, 2022, 2020) == approx(0.1)
    assert growth(100, 81, 2022, 2020) == approx(-0.1)
    assert growth(100, 0, 2025, 2020) == -1.0


@pytest.mark.parametrize(
    ("x", "y", "ty", "tx"),
    [(0, 5, 2022, 2020), (5, 6, 2020, 2020), (-5, 6, 2022, 2020)],
    ids=["zero-base", "same-year", "opposite-signs"],
)
def test_growth_without_real_value_raises(x: float, y: float, ty: float, tx: float) -> None:
    with pytest.raises(ValueError):
        growth(x, y, ty, tx)


# --- with a target ----------------------------------------------------------------
# b = 100 (2020), T = 146.41 (2024): required growth 10 % a year.


@pytest.mark.parametrize(
    ("current", "r", "status", "score"),
    [
        (121.0, 1.0, Status.ON_TRACK, 7.1429 * 1.0 - 4.2857),
        (116.64, 0.8, Status.BEHIND, 7.1429 * 0.8 - 4.2857),
        (110.25, 0.5, Status.FAR_BEHIND, 4.1667 * 0.5 - 2.5),
        (90.25, -0.5, Status.REGRESSING, 4.1667 * -0.5 - 2.5),
        (144.0, 2.0, Status.ON_TRACK, 5.0),  # 7.1429·2 − 4.2857 clipped to 5
        (64.0, -2.0, Status.REGRESSING, -5.0),  # 4.1667·−2 − 2.5 clipped to −5
    ],
)
def test_with_target_up(current: float, r: float, status: Status, score: float) -> None:
    result = progress(100, 2020, current, 2022, direction=1, target=146.41, target_year=2024)
    assert result.status is status
    assert result.value == approx(r)
    assert result.score == approx(score)


def test_with_target_down() -> None:
    # b = 100, T = 81 two years on: −10 % a year needed; a = 95 after one year is −5 %.
    result = progress(100, 2020, 95, 2021, direction=-1, target=81, target_year=2022)
    assert result.status is Status.FAR_BEHIND
    assert result.value == approx(0.5)


def test_target_met_is_achieved_with_score_5_and_r_kept() -> None:
    result = progress(100, 2020, 150, 2022, direction=1, target=146.41, target_year=2024)
    assert result == GrowthResult(Status.ACHIEVED, approx((1.5**0.5 - 1) / 0.1), 5.0)
    # Meeting the target exactly counts as met (published 2-1-1, 3-4-1).
    assert progress(0.3, 2015, 0.2, 2024, direction=-1, target=0.2, target_year=2030).status is (Status.ACHIEVED)


def test_target_met_in_the_base_year_is_achieved_not_pending() -> None:
    result = progress(100, 2020, 160, 2020, direction=1, target=150, target_year=2024)
    assert result == GrowthResult(Status.ACHIEVED, None, 5.0)


def test_custom_thresholds_move_status_not_score() -> None:
    result = progress(
        100,
        2020,
        116.64,
        2022,
        direction=1,
        target=146.41,
        target_year=2024,
        on_track=0.8,
        behind=0.5,
    )
    assert result.status is Status.ON_TRACK
    assert result.score == approx(7.1429 * 0.8 - 4.2857)


def test_negative_baseline_with_target_uses_sign() -> None:
    # b = −100 → T = −81 (up, two years): |g(b, T)| = 0.1; a = −90.25 gives g = −0.05, s = −1.
    result = progress(-100, 2020, -90.25, 2022, direction=1, target=-81, target_year=2022)
    assert result.status is Status.FAR_BEHIND
    assert result.value == approx(0.5)


def test_zero_target_is_replaced_by_0001() -> None:
    result = progress(10, 2020, 0.0005, 2030, direction=-1, target=0, target_year=2030)
    assert result.status is Status.ACHIEVED  # 0.0005 ≤ 0.001
    missed = progress(10, 2020, 1, 2025, direction=-1, target=0, target_year=2030)
    required = abs((0.001 / 10) ** (1 / 10) - 1)
    assert missed.value == approx(-(0.1 ** (1 / 5) - 1) / required)


def test_target_equal_to_baseline() -> None:
    # Required growth 0: R is ±∞, reported by its limits without a value (as 7-1-1 shows null).
    assert progress(50, 2020, 40, 2022, direction=1, target=50, target_year=2026) == GrowthResult(Status.REGRESSING, None, -5.0)
    assert progress(50, 2020, 50, 2022, direction=1, target=50, target_year=2026) == GrowthResult(Status.ACHIEVED, None, 5.0)


def test_target_equal_to_baseline_with_actual_rounding_to_it() -> None:
    # a is one ulp below b = T: both growths round to 0, R = 0/0; not met, so regressing.
    b = 0.010000000000000002
    assert progress(b, 2000, 0.01, 2005, direction=1, target=b, target_year=2040) == GrowthResult(Status.REGRESSING, None, -5.0)


def test_target_of_other_sign_than_baseline_is_pending() -> None:
    # −10 → 0 (replaced by +0.001) has no real growth rate.
    result = progress(-10, 2020, -5, 2022, direction=1, target=0, target_year=2030)
    assert result == GrowthResult(Status.PENDING, None, None)


# --- without a target -------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "status", "score"),
    [
        (104.04, Status.ON_TRACK, 5.0),  # v = 0.02: 500·0.02 − 5
        (102.01, Status.BEHIND, 250 * 0.01 - 1.25),
        (100.6009, Status.FAR_BEHIND, 500 * 0.003 - 2.5),
        (100.0, Status.FAR_BEHIND, -2.5),
        (98.01, Status.REGRESSING, 125 * -0.01 - 2.5),
        (94.09, Status.REGRESSING, -5.0),  # v = −0.03: 125·−0.03 − 2.5 clipped
    ],
)
def test_without_target_up(current: float, status: Status, score: float) -> None:
    result = progress(100, 2020, current, 2022, direction=1)
    assert result.status is status
    assert result.score == approx(score)


def test_without_target_down_and_value() -> None:
    result = progress(100, 2020, 98.01, 2022, direction=-1)
    assert result.value == approx(0.01)
    assert result.status is Status.BEHIND


def test_limit_lowers_thresholds() -> None:
    current = 50 * 1.0145**2  # v = 0.0145: just under 0.015, above 0.015·C
    assert progress(50, 2020, current, 2022, direction=1).status is Status.BEHIND
    limited = progress(50, 2020, current, 2022, direction=1, limit=100)
    assert limited.status is Status.ON_TRACK
    assert limited.score == approx(min(500 * 0.0145 / C_HALF - 5, 5))
    behind = progress(50, 2020, 50 * 1.01**2, 2022, direction=1, limit=100)
    assert behind.status is Status.BEHIND
    assert behind.score == approx(250 * 0.01 / C_HALF - 1.25)


def test_limit_reached_c_zero() -> None:
    # b = limit: C = 0, so holding or rising is on track with score 5.
    assert progress(100, 2020, 100, 2022, direction=1, limit=100) == GrowthResult(Status.ON_TRACK, 0.0, 5.0)
    assert progress(100, 2020, 101, 2022, direction=1, limit=100).score == 5.0
    falling = progress(100, 2020, 99, 2022, direction=1, limit=100)
    v = 0.99**0.5 - 1
    assert falling == GrowthResult(Status.REGRESSING, approx(v), approx(125 * v - 2.5))


def test_negative_baseline_without_target_uses_sign() -> None:
    # −100 → −81 is up by 10 % a year in magnitude terms: v = s·d·g = −1·1·−0.1.
    assert progress(-100, 2020, -81, 2022, direction=1).value == approx(0.1)
    worse = progress(-100, 2020, -102.01, 2022, direction=1)
    assert worse.value == approx(-0.01)
    assert worse.score == approx(125 * -0.01 - 2.5)
    assert progress(-100, 2020, -102.01, 2022, direction=-1).status is Status.BEHIND


def test_zero_baseline_is_replaced_by_0001() -> None:
    # 0.001 → 0.004 over two years doubles each year: v = 1.
    assert progress(0, 2020, 0.004, 2022, direction=1).value == approx(1.0)


@pytest.mark.parametrize(
    ("base_year", "current", "current_year"),
    [(2020, 110, 2020), (2020, 110, 2020.5), (2022, 110, 2020), (2020, -5, 2022)],
    ids=["same-year", "half-year", "base-after-current", "opposite-signs"],
)
def test_pending(base_year: float, current: float, current_year: float) -> None:
    assert progress(100, base_year, current, current_year, direction=1) == GrowthResult(Status.PENDING, None, None)
    with_target = progress(100, base_year, current, current_year, direction=1, target=200, target_year=2030)
    assert with_target == GrowthResult(Status.PENDING, None, None)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"direction": 0},
        {"direction": 1, "target": 5.0},
        {"direction": 1, "limit": math.nan},
    ],
    ids=["direction-0", "target-without-year", "nan"],
)
def test_bad_arguments_raise(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        progress(1, 2020, 2, 2022, **kwargs)


# --- laws -------------------------------------------------------------------------

values = st.floats(min_value=0.01, max_value=1e6)
years = st.integers(min_value=1, max_value=30)


@given(b=values, a=values, n=years)
def test_direction_flips_v(b: float, a: float, n: int) -> None:
    up = progress(b, 2000, a, 2000 + n, direction=1).value
    down = progress(b, 2000, a, 2000 + n, direction=-1).value
    assert up is not None and down is not None
    assert up == -down


@given(b=values, a=values, t=values, n=years, d=st.sampled_from([1, -1]))
def test_score_stays_in_range(b: float, a: float, t: float, n: int, d: int) -> None:
    for result in (
        progress(b, 2000, a, 2000 + n, direction=d, target=t, target_year=2030),
        progress(b, 2000, a, 2000 + n, direction=d, limit=t),
    ):
        assert result.score is not None and -5 <= result.score <= 5


@given(b=values, a1=values, a2=values, t=values, n=years)
def test_status_monotone_in_actual(b: float, a1: float, a2: float, t: float, n: int) -> None:
    lo, hi = sorted((a1, a2))
    worse = progress(b, 2000, lo, 2000 + n, direction=1, target=t, target_year=2040)
    better = progress(b, 2000, hi, 2000 + n, direction=1, target=t, target_year=2040)
    assert worse.status.rank is not None and better.status.rank is not None
    assert worse.status.rank <= better.status.rank


# --- aggregate --------------------------------------------------------------------


def g(status: Status, score: float | None) -> GrowthResult:
    return GrowthResult(status, None, score)


def test_growth_beyond_float_range_keeps_the_order_of_figures() -> None:
    """A baseline near zero makes both growth rates overflow; a better figure must still judge better."""
    tiny = 2.2250738585e-313
    better = progress(tiny, 2020, 1.0, 2021, direction=1, target=2.0, target_year=2022)
    same = progress(tiny, 2020, tiny, 2021, direction=1, target=2.0, target_year=2022)
    assert (better.status, better.score) == (Status.ON_TRACK, 5.0)
    assert better.value is not None and math.isfinite(better.value)
    assert same.status is Status.FAR_BEHIND
    slower = progress(tiny, 2020, 1.0, 2021, direction=1, target=1e300, target_year=2021.5)
    expected = math.exp(-math.log(tiny) - (math.log(1e300) - math.log(tiny)) / 1.5)
    assert slower.status is Status.FAR_BEHIND
    assert slower.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("members", "status", "score"),
    [
        ([], Status.PENDING, None),
        ([g(Status.PENDING, None)], Status.PENDING, None),
        ([g(Status.ON_TRACK, 5.0), g(Status.BEHIND, 0.0)], Status.ON_TRACK, 2.5),
        ([g(Status.BEHIND, 1.0), g(Status.FAR_BEHIND, -1.0)], Status.BEHIND, 0.0),
        ([g(Status.FAR_BEHIND, -2.5)], Status.FAR_BEHIND, -2.5),
        ([g(Status.REGRESSING, -2.6)], Status.REGRESSING, -2.6),
        ([g(Status.ACHIEVED, 5.0), g(Status.ON_TRACK, 4.0)], Status.ON_TRACK, 4.5),
        ([g(Status.ACHIEVED, 5.0), g(Status.EXCEEDED, 5.0)], Status.ACHIEVED, 5.0),
        ([g(Status.ACHIEVED, 5.0), g(Status.PENDING, None)], Status.ACHIEVED, 5.0),
    ],
    ids=[
        "empty",
        "unscored",
        "band-2.5",
        "band-0",
        "band-minus-2.5",
        "below-minus-2.5",
        "not-all-achieved",
        "exceeded-counts-as-achieved",
        "unscored-left-out",
    ],
)
def test_aggregate(members: list[GrowthResult], status: Status, score: float | None) -> None:
    result = aggregate(members)
    assert result.status is status
    assert result.score == (None if score is None else approx(score))
    assert result.value is None


# --- Statistics Canada's published outputs ----------------------------------------


def _load_cases() -> list[dict[str, Any]]:
    if not CASES_PATH.is_file():
        return []
    cases: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))
    return cases


CASES = _load_cases()
SERIES = {(r["source"], r["series"]): r for r in CASES if not r.get("aggregate")}


def _case_id(index: int, record: dict[str, Any]) -> str:
    name = f"{record['indicator']}-aggregate" if record.get("aggregate") else record["series"]
    return re.sub(r"[^\w.-]+", "_", f"{index:03d}-{record['source']}-{name}")[:90]


def _params(aggregates: bool) -> list[Any]:
    if not CASES:
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING_REASON))]
    return [
        pytest.param(record, id=_case_id(i, record))
        for i, record in enumerate(CASES)
        if bool(record.get("aggregate")) is aggregates
    ]


def _series_result(record: dict[str, Any]) -> GrowthResult:
    if record["base_value"] is None or record["current_value"] is None:
        # No figures at all: the caller never calls progress() then and reports the series
        # as pending itself, which is what this stands in for.
        return GrowthResult(Status.PENDING, None, None)
    return progress(
        record["base_value"],
        record["base_year"],
        record["current_value"],
        record["current_year"],
        direction=record["direction"],
        target=record["target"],
        target_year=record["target_year"],
        limit=record["limit"],
    )


def _assert_close(got: float | None, expected: float | None, rel: float, abs: float) -> None:
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, rel=rel, abs=abs)


@pytest.mark.parametrize("record", _params(aggregates=False))
def test_statcan_series(record: dict[str, Any]) -> None:
    result = _series_result(record)
    assert result.status is OPEN_SDG_STATUS[record["status"]]
    _assert_close(result.value, record["progress_value"], rel=1e-9, abs=0.0)
    _assert_close(result.score, record["score"], rel=0.0, abs=1e-6)


@pytest.mark.parametrize("record", _params(aggregates=True))
def test_statcan_aggregate(record: dict[str, Any]) -> None:
    members = [SERIES.get((record["source"], name)) for name in record["members"]]
    if all(m is not None for m in members):
        result = aggregate([_series_result(m) for m in members if m is not None])
    else:
        # Some members were not published with their components, so only the banding of the
        # published mean can be checked: one member carrying that mean stands in for them all.
        achieved = record["progress_status"] == "target_achieved"
        stand_in = Status.ACHIEVED if achieved else Status.ON_TRACK
        result = aggregate([GrowthResult(stand_in, None, record["score"])])
    assert result.status is OPEN_SDG_STATUS[record["progress_status"]]
    _assert_close(result.score, record["score"], rel=0.0, abs=1e-6)
