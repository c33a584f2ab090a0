"""`kpi missing`'s second list: the measures whose yearly report for the year has no 取組実績 (``done``) yet."""

from __future__ import annotations

from collections import Counter

from kpi.judge.report import MeasureResult, Report
from kpi.judge.review import ChaseList, MinistryGroup, chase_list

UnreportedGroup = MinistryGroup[MeasureResult]
UnreportedReport = ChaseList[MeasureResult]


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
    return chase_list(report.year, per_ministry, totals, missing, len(report.measures))
