"""Open SDG's growth method (Statistics Canada), as used by sdg-build 2.4.

Pure functions of numbers: ``progress`` judges one series, ``aggregate`` one indicator.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from kpi.i18n import _
from kpi.model import Status

__all__ = ["OPEN_SDG_STATUS", "GrowthResult", "aggregate", "growth", "progress"]


@dataclass(frozen=True)
class GrowthResult:
    """Status, Open SDG's progress_value (R with a target, v without) and score in -5..5."""

    status: Status
    value: float | None
    score: float | None


OPEN_SDG_STATUS: Final[Mapping[str, Status]] = MappingProxyType(
    {
        "substantial_progress": Status.ON_TRACK,
        "moderate_progress": Status.BEHIND,
        "limited_progress": Status.FAR_BEHIND,
        "deterioration": Status.REGRESSING,
        "target_achieved": Status.ACHIEVED,
        "not_available": Status.PENDING,
    }
)

# sdg-build substitutes this for a zero target or baseline, which the growth ratio cannot use.
_ZERO_SUBSTITUTE: Final = 0.001
# Without a target: thresholds on the yearly growth v, scaled by the ceiling coefficient C.
_TREND_HIGH: Final = 0.015
_TREND_MED: Final = 0.005
_LIMIT_EXPONENT: Final = 4.44
# The with-target score lines are Open SDG's, fixed at its default 0.6 whatever `behind` says.
_SCORE_BREAK: Final = 0.6
_PENDING: Final = GrowthResult(Status.PENDING, None, None)


def band(value: float, on_track: float, behind: float) -> Status:
    """sdg-build's ladder: at or above ``on_track`` on track, then behind, far behind from 0, regressing below 0."""
    if value >= on_track:
        return Status.ON_TRACK
    if value >= behind:
        return Status.BEHIND
    return Status.FAR_BEHIND if value >= 0 else Status.REGRESSING


def growth(x: float, y: float, ty: float, tx: float) -> float:
    """Compound yearly growth from x (year tx) to y (year ty): (y / x) ** (1 / (ty - tx)) - 1.

    Raises ValueError where the power has no real value (x = 0, ty = tx, y / x < 0).
    """
    if x == 0 or ty == tx:
        raise ValueError(_("growth undefined for x = {x}, ty - tx = {span}", x=x, span=ty - tx))
    # math.pow, unlike **, refuses a negative base instead of returning a complex number.
    return math.pow(y / x, 1 / (ty - tx)) - 1


def progress(
    base_value: float,
    base_year: float,
    current_value: float,
    current_year: float,
    *,
    direction: int,
    target: float | None = None,
    target_year: float | None = None,
    limit: float | None = None,
    on_track: float = 0.95,
    behind: float = 0.60,
) -> GrowthResult:
    """Judge one series by Open SDG's growth method: R against a target, else v.

    ``direction`` is +1 (up) or -1 (down); a target met gives ACHIEVED with score 5.
    """
    if direction not in (1, -1):
        raise ValueError(_("direction must be 1 or -1, got {direction}", direction=direction))
    given = (base_value, base_year, current_value, current_year, target, target_year, limit)
    if not all(math.isfinite(x) for x in given if x is not None):
        raise ValueError(_("progress needs finite numbers, got {given}", given=given))
    # The sign comes from the baseline as given, before any substitution (as sdg-build does).
    sd = direction * (-1 if base_value < 0 else 1)
    if target is None:
        return _without_target(base_value, base_year, current_value, current_year, sd, limit)
    if target_year is None:
        raise ValueError(_("a target needs a target_year"))
    # sdg-build substitutes before deciding "met", so a zero target is judged as 0.001.
    goal = target or _ZERO_SUBSTITUTE
    met = current_value >= goal if direction > 0 else current_value <= goal
    r = _ratio(base_value, base_year, current_value, current_year, goal, target_year, sd)
    if met:
        # sdg-build reports R beside target_achieved when it can be computed (e.g. 2-c-1).
        return GrowthResult(Status.ACHIEVED, r if r is not None and math.isfinite(r) else None, 5.0)
    if r is None:
        return _PENDING
    if not math.isfinite(r):
        # Zero required growth (T = b) makes R ±inf, or nan when a also rounds to b. Their limits
        # give status and score (nan: a is no better than b, regressing as in the linear method);
        # the value is left out, as JSON cannot carry it.
        return GrowthResult(Status.ON_TRACK if r > 0 else Status.REGRESSING, None, 5.0 if r > 0 else -5.0)
    status = band(r, on_track, behind)
    score = min(7.1429 * r - 4.2857, 5.0) if r >= _SCORE_BREAK else max(4.1667 * r - 2.5, -5.0)
    return GrowthResult(status, r, score)


def aggregate(members: Sequence[GrowthResult]) -> GrowthResult:
    """One indicator from its series: mean of the scored members' scores, banded like a score.

    ACHIEVED only when every scored member met its target; PENDING when none is scored.
    """
    scores = [m.score for m in members if m.score is not None]
    if not scores:
        return _PENDING
    mean = math.fsum(scores) / len(scores)
    # The caller may have upgraded a member to EXCEEDED; that still counts as met.
    met = all(m.status in (Status.ACHIEVED, Status.EXCEEDED) for m in members if m.score is not None)
    if met:
        status = Status.ACHIEVED
    elif mean >= 2.5:
        status = Status.ON_TRACK
    elif mean >= 0:
        status = Status.BEHIND
    elif mean >= -2.5:
        status = Status.FAR_BEHIND
    else:
        status = Status.REGRESSING
    return GrowthResult(status, None, mean)


def _observed(base: float, base_year: float, current: float, current_year: float) -> float | None:
    """Observed growth from baseline to current, or None where sdg-build reports not_available."""
    if current_year - base_year < 1:
        return None
    base = base or _ZERO_SUBSTITUTE
    # sdg-build refuses a baseline and current of opposite signs rather than compute a complex root.
    if (base > 0 and current < 0) or (base < 0 and current > 0):
        return None
    return growth(base, current, current_year, base_year)


def _ratio(
    base: float,
    base_year: float,
    current: float,
    current_year: float,
    goal: float,
    target_year: float,
    sd: int,
) -> float | None:
    """R = s·d·g(b, a) / |g(b, T)|, possibly ±inf or nan when g(b, T) = 0; None if undefined."""
    observed = _observed(base, base_year, current, current_year)
    base = base or _ZERO_SUBSTITUTE
    # A target of the other sign than the baseline has no real growth rate (** would give a complex
    # number, numpy nan) and one due in the base year none at all: not computable, as in sdg-build.
    if observed is None or goal / base < 0 or target_year == base_year:
        return None
    required = abs(growth(base, goal, target_year, base_year))
    if math.isinf(observed) and math.isinf(required):
        # Both growths overflow (a baseline near zero, e.g. 1e-313): inf / inf would be nan. Their ratio is
        # still exp(log-growth difference), as the "- 1" of each growth is negligible at that size.
        log_observed = (math.log(abs(current)) - math.log(abs(base))) / (current_year - base_year)
        log_required = (math.log(abs(goal)) - math.log(abs(base))) / (target_year - base_year)
        return sd * math.exp(min(log_observed - log_required, 709.0))
    numerator = sd * observed
    if required == 0:
        # Mirrors numpy's x / 0: published as null beside target_achieved when b = T = a (7-1-1).
        return math.nan if numerator == 0 else math.copysign(math.inf, numerator)
    return numerator / required


def _coefficient(base: float, limit: float | None) -> float:
    """Ceiling (or floor) coefficient C: 1 far from the limit, 0 at it."""
    if limit is None:
        return 1.0
    # sdg-build's general form; for 0 <= b < limit it is the documented 1 - (b / limit) ** 4.44.
    b, lim = abs(base), abs(limit)
    if b >= 2 * lim:
        return 1.0
    if b <= lim:
        return 1 - math.pow(b / lim, _LIMIT_EXPONENT)
    return 1 - math.pow((2 * lim - b) / lim, _LIMIT_EXPONENT)


def _without_target(
    base: float,
    base_year: float,
    current: float,
    current_year: float,
    sd: int,
    limit: float | None,
) -> GrowthResult:
    """v = s·d·g(b, a), judged on thresholds reduced near a natural limit."""
    observed = _observed(base, base_year, current, current_year)
    if observed is None:
        return _PENDING
    v = sd * observed
    # C uses the baseline before the 0.001 substitution, as sdg-build computes it first.
    c = _coefficient(base, limit)
    high, med = _TREND_HIGH * c, _TREND_MED * c
    status = band(v, high, med)
    if v < 0:
        score = max(125 * v - 2.5, -5.0)
    elif c == 0:
        # Holding a baseline that sits on the limit is the best possible outcome.
        score = 5.0
    elif v >= high:
        score = min(500 * v / c - 5, 5.0)
    elif v >= med:
        score = 250 * v / c - 1.25
    else:
        score = 500 * v / c - 2.5
    return GrowthResult(status, v, score)
