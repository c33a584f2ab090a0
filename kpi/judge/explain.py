"""``needs_explanation`` (assessment.md v1.1): the indicators whose yearly report owes the reasons.

The review asks a ministry why a target was missed and why one was far exceeded (MIC practice); the reasons go in
the measure's report for the evaluation year, under ``issues``. This flag never changes a status or a grade.
"""

from __future__ import annotations

from collections.abc import Sequence

from kpi.judge.assess import EPS, Assessment, with_changes
from kpi.model import Measure, Status

FAR_EXCEEDED = 1.2  # achievement at or above which an exceeded target also needs its reasons


def asks_for_reasons(a: Assessment) -> bool:
    """Lagging, or exceeded with achievement ≥ 1.2: the figure itself calls for an explanation."""
    if a.status.lagging:
        return True
    return a.status is Status.EXCEEDED and a.achievement is not None and a.achievement >= FAR_EXCEEDED - EPS


def has_reasons(measure: Measure, year: int) -> bool:
    """Whether the measure's report for ``year`` has ``issues`` text."""
    report = measure.report(year)
    return report is not None and bool(report.issues and report.issues.strip())


def with_explanations(measure: Measure, assessments: Sequence[Assessment]) -> tuple[Assessment, ...]:
    """The assessments with ``needs_explanation`` set from the measure's report for their year."""
    out = []
    for a in assessments:
        needs = asks_for_reasons(a) and not has_reasons(measure, a.year)
        out.append(with_changes(a, needs_explanation=True) if needs else a)
    return tuple(out)
