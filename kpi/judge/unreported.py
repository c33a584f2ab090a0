"""`kpi missing`'s second list: the measures whose yearly report for the year has no 取組実績 (``done``) yet."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kpi.judge.report import MeasureResult, Report


@dataclass(frozen=True)
class UnreportedGroup:
    """One ministry's measures with no report for the year, and how many measures it has in all."""

    ministry: str
    results: tuple[MeasureResult, ...]
    measures: int

    @property
    def count(self) -> int:
        return len(self.results)


@dataclass(frozen=True)
class UnreportedReport:
    year: int
    groups: tuple[UnreportedGroup, ...]
    missing: int  # distinct measures (a measure of two ministries is listed under both)
    expected: int  # measures listed in the edition (after the filters)


def has_report(result: MeasureResult, year: int) -> bool:
    report = result.measure.report(year)
    return report is not None and bool(report.done and report.done.strip())


def unreported(report: Report) -> UnreportedReport:
    """Measures with no ``done`` text for the report's year, under each ministry they name; most missing first."""
    per_ministry: dict[str, list[MeasureResult]] = {}
    totals: Counter[str] = Counter()
    missing = 0
    for result in report.measures:
        totals.update(result.measure.ministries)
        if has_report(result, report.year):
            continue
        missing += 1
        for ministry in result.measure.ministries:
            per_ministry.setdefault(ministry, []).append(result)
    groups = [UnreportedGroup(name, tuple(results), totals[name]) for name, results in per_ministry.items()]
    groups.sort(key=lambda g: (-g.count, g.ministry))
    return UnreportedReport(report.year, tuple(groups), missing, len(report.measures))
