"""`kpi check`'s reminders for the evaluation year: indicators whose measure's report owes the reasons.

assessment.md v1.1 ``needs_explanation``: a lagging indicator, or one exceeded with achievement ≥ 1.2, whose measure
has no ``issues`` text in ``[reports.<year>]``. Each is a warning (exit 0) naming the measure and what to write.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kpi import fiscal
from kpi.errors import Problem, Severity
from kpi.i18n import N_, _, active
from kpi.judge.assess import Assessment
from kpi.judge.report import assess_measure
from kpi.model import Plan, Status
from kpi.plan.tomlread import Locator
from kpi.text import percent, shown_path

WHY = {
    Status.BEHIND: N_("is behind (やや遅れ)"),
    Status.FAR_BEHIND: N_("is far behind (遅れ)"),
    Status.REGRESSING: N_("is regressing (後退)"),
    Status.EXCEEDED: N_("far exceeded its target (目標超過達成)"),
}


def explanations_due(plan: Plan, year: int, root: Path) -> Iterator[Problem]:
    """One warning per indicator of a current measure that needs an explanation for ``year``."""
    for measure in plan.current():
        result = assess_measure(measure, year, plan.config.thresholds, plan.config.edition)
        due = [a for a in result.assessments if a.needs_explanation]
        if not due:
            continue
        shown = shown_path(measure.path, root)
        line = _report_line(measure.path, year) if measure.report(year) is not None else None
        number = result.number if result.number is not None else measure.id
        for a in due:
            yield Problem(shown, f"reports.{year}.issues", _message(a, number, year), line, Severity.WARNING)


def _message(a: Assessment, number: int | str, year: int) -> str:
    ind = a.indicator
    why = _(WHY[a.status]) if a.status in WHY else a.status.value
    if a.status is Status.EXCEEDED and a.achievement is not None:
        why = _("{why}, achievement {achievement}", why=why, achievement=percent(a.achievement))
    return _(
        'indicator "{id}" ({name}) {why} in {year} and the report gives no reasons; '
        'write them (課題・要因分析): kpi narrate {number} {fy} --issues "..."',
        id=ind.id,
        name=ind.name,
        why=why,
        year=fiscal.year_text(year, calendar=False, lang=active()),
        number=number,
        fy=year,
    )


def _report_line(path: Path, year: int) -> int | None:
    try:
        return Locator(path.read_text("utf-8-sig")).line_of(("reports", str(year)))
    except (OSError, UnicodeDecodeError):
        return None
