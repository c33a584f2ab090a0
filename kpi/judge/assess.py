"""How far each indicator has come: the method of docs/assessment.md, as pure functions.

``judge`` works on plain numbers; ``assess_indicator`` picks the numbers out of an indicator for an
evaluation year according to its kind; ``grade`` turns indicator statuses into the MIC grade.
Nothing here reads files or prints.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import MISSING, dataclass
from dataclasses import fields as dataclass_fields

from kpi.judge import cagr
from kpi.judge.flags import flags_of
from kpi.model import Actual, Counting, Direction, Flag, Indicator, Kind, Method, QualStatus, Status, Thresholds

UNJUDGED = frozenset({Status.NO_DATA, Status.PENDING})
MET = frozenset({Status.ACHIEVED, Status.EXCEEDED})
DEFAULT = Thresholds()
# Tolerance for threshold comparisons, so that 110/100 counts as reaching 1 + 0.10 despite binary floats.
EPS = 1e-9
QUAL_STATUS = {
    QualStatus.DONE: Status.DONE,
    QualStatus.IN_PROGRESS: Status.IN_PROGRESS,
    QualStatus.NOT_STARTED: Status.NOT_STARTED,
}


@dataclass(frozen=True)
class Judgement:
    """The numbers behind a status (None where the method leaves them undefined)."""

    status: Status
    met: bool | None = None
    achievement: float | None = None
    progress: float | None = None
    expected: float | None = None
    pace: float | None = None
    score: float | None = None


_JUDGED = tuple(f.name for f in dataclass_fields(Judgement))  # the fields a judgement hands to its assessment


@dataclass(frozen=True, kw_only=True)
class Assessment(Judgement):
    """One indicator judged for one evaluation year: the judgement, and the figures it was made on."""

    indicator: Indicator
    year: int
    method: Method
    actual: float | None = None
    actual_year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    baseline_inferred: bool = False
    target: float | None = None
    deadline: int | None = None
    segment_target: float | None = None  # the milestone (or target) the pace is measured against
    segment_year: int | None = None
    note: str | None = None
    flags: tuple[Flag, ...] = ()  # remarks beside the status, in Flag's order
    needs_explanation: bool = False  # set per measure by kpi.judge.explain (it reads the measure's report)

    @property
    def lagging(self) -> bool:
        return self.status.lagging

    @property
    def overdue(self) -> bool:
        return Flag.OVERDUE in self.flags

    @property
    def stale(self) -> bool:
        return Flag.STALE in self.flags


def is_met(actual: float, target: float, direction: Direction) -> bool:
    return actual >= target if direction is Direction.UP else actual <= target


def achievement(actual: float, target: float, direction: Direction) -> float | None:
    """達成率, the RS convention: a / T upward, T / a downward (None when dividing by zero)."""
    if direction is Direction.UP:
        return actual / target if target != 0 else None
    return target / actual if actual != 0 else None


def expected_share(t: int, t0: int, t_target: int) -> float:
    """Share of the straight path from baseline to target that time has covered, clamped to [0, 1]."""
    if t >= t_target:
        return 1.0
    return min(max((t - t0) / (t_target - t0), 0.0), 1.0)


def met_status(a: float, target: float, direction: Direction, thresholds: Thresholds) -> Status:
    """Achieved, or exceeded when 達成率 reaches 1 + exceed_margin.

    Written as a bound on ``a`` so that a downward figure at or below zero, where T / a is undefined or
    negative, counts as exceeded: it is further below the target than any positive figure.
    """
    factor = 1 + thresholds.exceed_margin
    if target <= 0:
        exceeded = False
    elif direction is Direction.UP:
        exceeded = a / target >= factor - EPS
    else:
        exceeded = a <= 0 or target / a >= factor - EPS
    return Status.EXCEEDED if exceeded else Status.ACHIEVED


def pace_status(pace: float, thresholds: Thresholds) -> Status:
    if pace >= thresholds.on_track - EPS:
        return Status.ON_TRACK
    if pace >= thresholds.behind - EPS:
        return Status.BEHIND
    if pace >= 0:
        return Status.FAR_BEHIND
    return Status.REGRESSING


def judge(
    a: float,
    t: int,
    target: float,
    t_target: int,
    direction: Direction,
    b: float | None,
    t0: int | None,
    thresholds: Thresholds = DEFAULT,
    *,
    final_target: float | None = None,
) -> Judgement:
    """Judge actual ``a`` (year ``t``) against the path from ``b`` (``t0``) to ``target`` (``t_target``).

    ``final_target`` is the plan's last target when ``target`` is an intermediate milestone:
    achievement is always measured against it, and only it can make the status achieved.
    """
    final = target if final_target is None else final_target
    ach = achievement(a, final, direction)
    if is_met(a, final, direction):
        # Open SDG scores a met target 5, whatever the path.
        score = 5.0 if thresholds.method is Method.CAGR else None
        return Judgement(
            met_status(a, final, direction, thresholds), True, ach, *_path(a, t, target, t_target, b, t0), score=score
        )
    progress, expected, pace = _path(a, t, target, t_target, b, t0)
    if final_target is not None and is_met(a, target, direction):
        # An intermediate milestone met: on track, though the plan's target is not reached yet.
        return Judgement(Status.ON_TRACK, False, ach, progress, expected, pace)
    if b is not None and (target == b or (thresholds.method is Method.LINEAR and is_met(b, target, direction))):
        # Rule 3: the baseline already met the target (a target to hold it, last year's threshold met, a target
        # on the "wrong" side) and the figure misses it: a fall. Gap closure (a - b) / (T - b) would read it as
        # progress (b = 92, T = 90, a = 88 gives p = +2), so p stays undefined. cagr keeps sdg-build's rule.
        return Judgement(Status.REGRESSING, False, ach, None, expected, None)
    if pace is None:
        return Judgement(Status.PENDING, False, ach, progress, expected, None)
    if thresholds.method is Method.CAGR:
        assert b is not None and t0 is not None  # a pace needs a baseline
        growth = cagr.progress(
            b, t0, a, t, direction=direction.sign, target=target, target_year=t_target, on_track=thresholds.on_track,
            behind=thresholds.behind,
        )  # fmt: skip
        met = growth.status is Status.ACHIEVED
        status = met_status(a, target, direction, thresholds) if met else growth.status
        return Judgement(status, met, ach, progress, expected, growth.value, growth.score)
    return Judgement(pace_status(pace, thresholds), False, ach, progress, expected, pace)


def _path(
    a: float, t: int, target: float, t_target: int, b: float | None, t0: int | None
) -> tuple[float | None, float | None, float | None]:
    """(progress p, expected share e, pace r) of the linear method; None where undefined."""
    if b is None or t0 is None:
        return None, None, None
    # No time since the baseline (e.g. a baseline inferred from the only figure): nothing to measure yet.
    progress = (a - b) / (target - b) if target != b and t > t0 else None
    expected = expected_share(t, t0, t_target)
    pace = progress / expected if progress is not None and expected > 0 else None
    return progress, expected, pace


def assess_indicator(indicator: Indicator, year: int, thresholds: Thresholds = DEFAULT) -> Assessment:
    """Judge ``indicator`` for evaluation year ``year`` (figures after it are ignored), with its flags."""
    judged = _assess(indicator, year, thresholds)
    found = flags_of(indicator, year, judged.met, judged.actual_year, thresholds)
    if found:
        judged.__dict__["flags"] = found  # made just now by _assess, seen by no one yet: set, not copied
    return judged


def _assess(indicator: Indicator, year: int, thresholds: Thresholds) -> Assessment:
    base = _fresh(
        indicator=indicator,
        year=year,
        method=thresholds.method,
        status=Status.NO_DATA,
        target=indicator.target,
        deadline=indicator.deadline,
    )
    if indicator.kind is Kind.QUALITATIVE:
        return _qualitative(base, indicator, year)
    if indicator.kind is Kind.EVERY_YEAR:
        return _every_year(base, indicator, year, thresholds)
    observed = [x for x in indicator.actuals if x.year <= year and x.value is not None]
    if indicator.kind is Kind.CUMULATIVE:
        return _cumulative(base, indicator, observed, thresholds)
    if indicator.kind is Kind.TREND:
        return _trend(base, indicator, observed, thresholds)
    return _level(base, indicator, observed, thresholds)


def _with(base: Assessment, **changes: object) -> Assessment:
    """``dataclasses.replace(base, **changes)`` at a fifth of its cost (it runs once per indicator judged).

    Assessment is a frozen dataclass with no ``__post_init__`` and no slots: a copy of its fields is what
    ``replace`` would build, without re-running ``__init__`` field by field.
    """
    new = object.__new__(Assessment)
    new.__dict__.update(base.__dict__, **changes)
    return new


# Every field of an Assessment with its default, in field order (the fields without one are always given to _fresh).
_DEFAULTS = {f.name: None if f.default is MISSING else f.default for f in dataclass_fields(Assessment)}


def _fresh(**values: object) -> Assessment:
    """``Assessment(**values)`` for the required fields and some others, without its frozen ``__init__`` (run once
    per indicator judged): the fields not given take their defaults, as ``__init__`` would give them."""
    new = object.__new__(Assessment)
    new.__dict__.update(_DEFAULTS, **values)
    return new


with_changes = _with  # for kpi.judge.explain, which sets needs_explanation on a judged assessment


def _replace(base: Assessment, judgement: Judgement, **fields: object) -> Assessment:
    new = object.__new__(Assessment)
    values = new.__dict__
    values.update(base.__dict__)
    values.update(judgement.__dict__)  # a Judgement's fields, as they are (it has no slots)
    values.update(fields)
    return new


def _qualitative(base: Assessment, indicator: Indicator, year: int) -> Assessment:
    entry = indicator.actual_for(year)
    if entry is None or entry.status is None:
        return base
    return _with(base, status=QUAL_STATUS[entry.status], actual_year=year, note=entry.note)


def _value(actual: Actual) -> float:
    assert actual.value is not None
    return actual.value


def _level(base: Assessment, indicator: Indicator, observed: list[Actual], thresholds: Thresholds) -> Assessment:
    if not observed:
        return base
    latest = observed[-1]
    a, t = _value(latest), latest.year
    if indicator.baseline is not None and indicator.baseline_year is not None:
        b, t0, inferred = indicator.baseline, indicator.baseline_year, False
    else:
        b, t0, inferred = _value(observed[0]), observed[0].year, True
    return _along_milestones(base, indicator, a, t, b, t0, thresholds, baseline_inferred=inferred)


def _along_milestones(
    base: Assessment,
    indicator: Indicator,
    a: float,
    t: int,
    b: float,
    t0: int,
    thresholds: Thresholds,
    *,
    baseline_inferred: bool,
) -> Assessment:
    assert indicator.target is not None and indicator.deadline is not None and indicator.direction is not None
    # The active milestone is the first at or after t; its segment starts at the previous one (or the baseline).
    seg_b, seg_t0 = b, t0
    seg_target, seg_year = indicator.target, indicator.deadline
    for milestone in indicator.milestones:
        if milestone.year >= t:
            seg_target, seg_year = milestone.value, milestone.year
            break
        seg_b, seg_t0 = milestone.value, milestone.year
    final = indicator.target if (seg_target, seg_year) != (indicator.target, indicator.deadline) else None
    judgement = judge(a, t, seg_target, seg_year, indicator.direction, seg_b, seg_t0, thresholds, final_target=final)
    return _replace(
        base,
        judgement,
        actual=a,
        actual_year=t,
        baseline=b,
        baseline_year=t0,
        baseline_inferred=baseline_inferred,
        segment_target=seg_target,
        segment_year=seg_year,
    )


def _cumulative(base: Assessment, indicator: Indicator, observed: list[Actual], thresholds: Thresholds) -> Assessment:
    assert indicator.start is not None
    counted = [x for x in observed if x.year >= indicator.start]
    if not counted:
        return base
    # A running total is already the sum since start: the latest figure is the total (adding would count twice).
    running = indicator.counting is Counting.RUNNING_TOTAL
    total = _value(counted[-1]) if running else sum(_value(x) for x in counted)
    if not math.isfinite(total):  # figures near 1e308 add up beyond floating point: there is no total to judge
        return base
    return _along_milestones(
        base, indicator, total, counted[-1].year, 0, indicator.start - 1, thresholds, baseline_inferred=False
    )


def _every_year(base: Assessment, indicator: Indicator, year: int, thresholds: Thresholds) -> Assessment:
    assert indicator.target is not None and indicator.direction is not None
    entry = indicator.actual_for(year)
    if entry is None or entry.value is None or (indicator.start is not None and year < indicator.start):
        return base
    previous = indicator.actual_for(year - 1)
    b: float | None = previous.value if previous is not None else None
    if b is None and indicator.baseline_year == year - 1:
        b = indicator.baseline
    judgement = judge(entry.value, year, indicator.target, year, indicator.direction, b, year - 1, thresholds)
    return _replace(
        base,
        judgement,
        actual=entry.value,
        actual_year=year,
        baseline=b,
        baseline_year=year - 1 if b is not None else None,
        deadline=indicator.deadline,
        segment_target=indicator.target,
        segment_year=year,
    )


def _trend(base: Assessment, indicator: Indicator, observed: list[Actual], thresholds: Thresholds) -> Assessment:
    assert indicator.baseline is not None and indicator.baseline_year is not None and indicator.direction is not None
    b, t0 = indicator.baseline, indicator.baseline_year
    if not observed:
        return base
    later = [x for x in observed if x.year > t0]
    fields: dict[str, object] = {"baseline": b, "baseline_year": t0}
    if not later:
        # Only the baseline year itself is reported: nothing to compare yet.
        latest = observed[-1]
        return _replace(base, Judgement(Status.PENDING), actual=latest.value, actual_year=latest.year, **fields)
    latest = later[-1]
    a, t = _value(latest), latest.year
    fields.update(actual=a, actual_year=t)
    if thresholds.method is Method.CAGR:
        result = cagr.progress(b, t0, a, t, direction=indicator.direction.sign, limit=indicator.limit)
        return _replace(base, Judgement(result.status, pace=result.value, score=result.score), **fields)
    better = (a - b) * indicator.direction.sign
    status = Status.ACHIEVED if better > 0 else Status.FAR_BEHIND if better == 0 else Status.REGRESSING
    return _replace(base, Judgement(status, met=better > 0), **fields)


@dataclass(frozen=True)
class Grade:
    """The MIC grade (1–5, None for — ) of a measure, judged on its indicators' statuses."""

    grade: int | None
    incomplete: bool
    qualitative_only: bool


def grade(assessments: Sequence[Assessment]) -> Grade:
    """Grade ①–⑤ from the primary indicators (or all quantitative ones when none is primary)."""
    primary = [x for x in assessments if x.indicator.primary]
    pool = [x for x in (primary or assessments) if x.indicator.quantitative]
    if not pool:
        return Grade(None, False, True)
    judged = {x.status for x in pool if x.status not in UNJUDGED}
    incomplete = any(x.status in UNJUDGED for x in pool)
    if not judged:
        return Grade(None, incomplete, False)
    if Status.REGRESSING in judged:
        value = 5
    elif Status.FAR_BEHIND in judged:
        value = 4
    elif judged <= MET:
        value = 1 if Status.EXCEEDED in judged else 2
    else:
        value = 3
    return Grade(value, incomplete, False)
