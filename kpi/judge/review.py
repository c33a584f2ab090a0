"""The yearly review lists: missing figures by ministry, lagging indicators worst first, counts per group.

Everything works on a :class:`kpi.judge.report.Report`, so the filters of ``build_report`` (ministry, pillar,
edition) apply to every list the same way. Nothing here reads files or prints.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kpi.judge.assess import Assessment
from kpi.judge.flags import DEADLINE_KINDS
from kpi.judge.report import MeasureResult, Report
from kpi.model import Indicator, Status

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class MissingItem:
    """An indicator that has no figure (or no qualitative status) for the review year."""

    result: MeasureResult
    indicator: Indicator
    last_year: int | None  # the latest year that has a figure, if any
    reason: str | None = None  # why the figure is not in yet ({ missing = "集計中" }): not 未報告

    @property
    def number(self) -> int | None:
        return self.result.number


@dataclass(frozen=True)
class MinistryGroup(Generic[Item]):
    """What one ministry has not sent for the year (indicators' figures, measures' reports), and how many of those
    it has in all."""

    ministry: str
    items: tuple[Item, ...]
    total: int

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class ChaseList(Generic[Item]):
    """A chase list of `kpi missing`: the year's missing indicators (or reports) under each ministry."""

    year: int
    groups: tuple[MinistryGroup[Item], ...]  # most missing first, then by name
    missing: int  # distinct items (a measure of two ministries is listed under both)
    expected: int  # items that should be in for the year


def chase_list(year: int, found: dict[str, list[Item]], totals: Counter[str], missing: int, expected: int) -> ChaseList[Item]:
    """The chase list of ``found`` (ministry → its missing items); ``totals`` counts each ministry's items in all."""
    groups = [MinistryGroup(name, tuple(items), totals[name]) for name, items in found.items()]
    groups.sort(key=lambda g: (-g.count, g.ministry))
    return ChaseList(year, tuple(groups), missing, expected)


MissingReport = ChaseList[MissingItem]


def expects_figure(indicator: Indicator, year: int) -> bool:
    """Whether an indicator should have a figure for ``year`` (assessment.md v1.1, "what counts as missing").

    Not before its start or baseline year. After the deadline of a level or cumulative target, only while no
    figure exists for the deadline or a later year: the final figure is in, the indicator is not chased again.
    """
    if indicator.start is not None and year < indicator.start:
        return False
    if indicator.baseline_year is not None and year < indicator.baseline_year:
        return False
    if indicator.kind in DEADLINE_KINDS and indicator.deadline is not None and year > indicator.deadline:
        return not any(has_figure(indicator, y) for y in range(indicator.deadline, year))
    return True


def has_figure(indicator: Indicator, year: int) -> bool:
    entry = indicator.actual_for(year)
    return entry is not None and (entry.value is not None or entry.status is not None)


def _last_year(indicator: Indicator, year: int) -> int | None:
    years = [a.year for a in indicator.actuals if a.year <= year and (a.value is not None or a.status is not None)]
    return max(years) if years else None


def missing(report: Report) -> MissingReport:
    """Indicators with no figure for the report's year, grouped by each ministry named on the measure.

    Groups come most-missing first (then by name); within a group, in the edition's order.
    """
    year = report.year
    per_ministry: dict[str, list[MissingItem]] = {}
    totals: Counter[str] = Counter()
    expected = 0
    seen: set[tuple[str, str]] = set()
    for result in report.measures:
        for indicator in result.measure.active_indicators:
            if not expects_figure(indicator, year):
                continue
            expected += 1
            for ministry in result.measure.ministries:
                totals[ministry] += 1
            if has_figure(indicator, year):
                continue
            seen.add((result.measure.id, indicator.id))
            awaited = indicator.awaited_for(year)
            item = MissingItem(result, indicator, _last_year(indicator, year), awaited.reason if awaited else None)
            for ministry in result.measure.ministries:
                per_ministry.setdefault(ministry, []).append(item)
    return chase_list(year, per_ministry, totals, len(seen), expected)


@dataclass(frozen=True, slots=True)
class LaggingItem:
    result: MeasureResult
    assessment: Assessment


def _severity(item: LaggingItem) -> tuple[float, float, int]:
    a = item.assessment
    rank = a.status.rank if a.status.rank is not None else 99
    # Within a status the slowest pace first; an undefined pace (a worse-than-baseline trend) leads its status.
    pace = a.pace if a.pace is not None and math.isfinite(a.pace) else -math.inf
    return rank, pace, item.result.number or 0


def lagging(report: Report) -> tuple[LaggingItem, ...]:
    """The lagging indicators (やや遅れ, 遅れ, 後退), worst first: by status, then by pace."""
    items = [LaggingItem(r, a) for r, a in report.assessments() if a.lagging]
    return tuple(sorted(items, key=_severity))


@dataclass(frozen=True)
class Tally:
    """Counts of one group (a pillar or a ministry): indicator statuses and measure grades."""

    key: str
    measures: int
    indicators: int
    statuses: Counter[Status]
    grades: Counter[int | None]  # None: not assessable; qualitative-only measures are not counted
    lagging: int
    missing: int


def _tally(key: str, results: Iterable[MeasureResult], year: int) -> Tally:
    chosen = list(results)
    statuses: Counter[Status] = Counter(a.status for r in chosen for a in r.assessments)
    grades: Counter[int | None] = Counter(r.grade.grade for r in chosen if not r.grade.qualitative_only)
    missing_count = sum(
        1 for r in chosen for i in r.measure.active_indicators if expects_figure(i, year) and not has_figure(i, year)
    )
    return Tally(
        key=key,
        measures=len(chosen),
        indicators=sum(statuses.values()),
        statuses=statuses,
        grades=grades,
        lagging=sum(n for s, n in statuses.items() if s.lagging),
        missing=missing_count,
    )


def _grouped(report: Report, keys: Callable[[MeasureResult], Iterable[str]]) -> tuple[Tally, ...]:
    order: dict[str, list[MeasureResult]] = {}
    for result in report.measures:
        for key in keys(result):
            order.setdefault(key, []).append(result)
    return tuple(_tally(key, results, report.year) for key, results in order.items())


def by_pillar(report: Report) -> tuple[Tally, ...]:
    """One tally per heading (the measure's own pillar, not 再掲 ones), in the edition's order."""
    return _grouped(report, lambda r: [r.pillar or ""])


def by_heading_listed(report: Report) -> tuple[tuple[Tally, int], ...]:
    """One tally per heading with the measures listed again under it (再掲) counted there too, and how many of them
    are 再掲; headings in the plan's order. The totals of a report count each measure once (``total``)."""
    tallies = _grouped(report, lambda r: [r.pillar or "", *(r.edition.also if r.edition else ())])
    again: Counter[str] = Counter(h for r in report.measures if r.edition for h in r.edition.also if h != r.pillar)
    return tuple((t, again[t.key]) for t in sorted(tallies, key=lambda t: heading_order(t.key)))


def heading_order(code: str) -> tuple[int, ...]:
    """``4-3`` -> (4, 3): headings sort as the plan prints them ((1)②, (1)⑩, (2)①)."""
    return tuple(int(part) if part.isdigit() else 999 for part in code.split("-")) if code else (999,)


def by_top_pillar(report: Report) -> tuple[Tally, ...]:
    """One tally per top-level heading ((1)–(4)), in the edition's order."""
    return _grouped(report, lambda r: [(r.pillar or "").split("-")[0]])


def by_ministry(report: Report) -> tuple[Tally, ...]:
    """One tally per ministry named on a measure (co-owned measures count for each), largest first."""
    tallies = _grouped(report, lambda r: r.measure.ministries)
    return tuple(sorted(tallies, key=lambda t: (-t.indicators, t.key)))


def total(report: Report) -> Tally:
    return _tally("", report.measures, report.year)
