"""The flags beside a status (assessment.md v1.1): remarks that never change the status or the grade.

Each flag is one rule on a finished assessment; a new flag is one more rule here and one more label row in
``kpi.views.labels.FLAG``.
"""

from __future__ import annotations

from kpi.model import Flag, Indicator, Kind, Thresholds

# Kinds whose deadline is the year of one final target (every_year's threshold is each year's own).
DEADLINE_KINDS = frozenset({Kind.LEVEL, Kind.CUMULATIVE})


def flags_of(ind: Indicator, year: int, met: bool | None, actual_year: int | None, thresholds: Thresholds) -> tuple[Flag, ...]:
    """The flags of ``ind`` judged for evaluation year ``year`` (E), its latest figure of ``actual_year`` (t).

    overdue: the deadline has come (E >= tT) and the latest figure misses the target;
    stale: the status rests on a figure ``stale_after`` or more years older than E."""
    out: list[Flag] = []
    if ind.kind in DEADLINE_KINDS and met is False and ind.deadline is not None and year >= ind.deadline:
        out.append(Flag.OVERDUE)
    if actual_year is not None and year - actual_year >= thresholds.stale_after:
        out.append(Flag.STALE)
    return tuple(out)
