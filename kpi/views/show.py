"""One measure in full, for `kpi show`: plain lines for people, a record for tools."""

from __future__ import annotations

from typing import Any

from kpi import fiscal
from kpi.judge.assess import Assessment
from kpi.judge.report import MeasureResult
from kpi.model import Actual, Counting, Kind, Plan, YearBasis
from kpi.text import actual_text, number, percent
from kpi.views.labels import COLUMNS, DIRECTION, Lang, grade_label, kind_label, status_with_flags
from kpi.views.narrative import report_lines, report_record, stage_label
from kpi.views.report import graded_on_primary, indicator_name, indicator_record, measure_record, year_text
from kpi.views.sparkline import indicator_sparkline


def _year(year: int, basis: YearBasis) -> str:
    return year_text(year, basis) if basis is YearBasis.CALENDAR else fiscal.format_year(year)


def _actual_text(actual: Actual, unit: str) -> str:
    value = actual_text(actual, unit)
    extras = [x for x in (actual.note, actual.source and f"source: {actual.source}") if x]
    return value + (f"  — {'; '.join(extras)}" if extras else "")


def show_lines(result: MeasureResult, plan: Plan, lang: Lang) -> list[str]:
    m = result.measure
    c = COLUMNS[lang]
    g = result.grade
    lines = [
        f"{m.id}  {m.title}",
        f"  {c['ministries']}: {'、'.join(m.ministries)}",
    ]
    placements = [f"{e.year}: No. {e.number:03d} ({e.pillar}{', ' + ', '.join(e.also) if e.also else ''})" for e in m.editions]
    lines.append(f"  {c['editions']}: " + "; ".join(placements) + (f"; retired {m.retired}" if m.retired else ""))
    for item in m.items:
        lines.append(f"  ・{item.title}【{'、'.join(item.ministries)}】")
    if m.rs_ids:
        lines.append(f"  {c['rs_ids']}: {', '.join(m.rs_ids)}")
    grade_text = grade_label(g.grade, g.qualitative_only, lang) + (" (incomplete)" if g.incomplete else "")
    lines.append(f"  {c['grade']} FY{result.assessments[0].year if result.assessments else ''}: {grade_text}")
    marked = graded_on_primary(result)
    for a in result.assessments:
        ind = a.indicator
        basis = ind.year_basis
        lines.append("")
        lines.append(f"  [{ind.id}] {indicator_name(ind, marked, lang)}")
        kind = kind_label(ind.kind, basis, lang)
        direction = f", {DIRECTION[lang][ind.direction]}" if ind.direction else ""
        lines.append(f"    {c['kind']}: {kind}{direction}" + (f", {c['unit']}: {ind.unit}" if ind.unit else ""))
        if ind.stage is not None:
            lines.append(f"    {c['stage']}: {stage_label(ind, lang)}")
        if ind.baseline is not None and ind.baseline_year is not None:
            lines.append(f"    {c['baseline']}: {number(ind.baseline)} ({_year(ind.baseline_year, basis)})")
        if ind.target is not None:
            when = f" ({_year(ind.deadline, basis)})" if ind.deadline else ""
            lines.append(f"    target: {number(ind.target)}{when}")
        for milestone in ind.milestones:
            lines.append(f"    milestone: {number(milestone.value)} ({_year(milestone.year, basis)})")
        if ind.start is not None:
            lines.append(f"    counts from: {_year(ind.start, basis)}")
        if ind.kind is Kind.CUMULATIVE:
            lines.append(counting_line(ind.counting, lang))
        for actual in ind.actuals:
            lines.append(f"    {_year(actual.year, basis)}: {_actual_text(actual, ind.unit)}")
        spark = indicator_sparkline(ind)
        if spark is not None:
            lines.append(f"    {'推移' if lang is Lang.JA else 'trend'}: {spark[0]}  ({spark[1]}–{spark[2]})")
        if ind.kind is Kind.CUMULATIVE and a.actual is not None:
            lines.append(total_line(a, lang))
        status = status_with_flags(a.status, a.flags, a.actual_year, basis, lang)
        figures = [
            f"{c['achievement']} {percent(a.achievement)}" if a.achievement is not None else "",
            f"{c['progress']} {percent(a.progress)}" if a.progress is not None else "",
            f"{c['expected']} {percent(a.expected)}" if a.expected is not None else "",
            f"{c['pace']} {a.pace:.2f}" if a.pace is not None else "",
            f"{c['score']} {a.score:.2f}" if a.score is not None else "",
        ]
        figures.append(c["needs_explanation"] if a.needs_explanation else "")
        lines.append(f"    → {status}" + "".join(f"; {f}" for f in figures if f))
        for revision in ind.revisions:
            lines.append(
                f"    {c['revisions']}: {revision.date} {revision.field} {revision.old} → {revision.new} ({revision.reason})"
            )
    for ind in m.indicators:
        if ind.removed:  # out of the plan by a revisions entry: not judged, but its record is shown
            reason = next((r.reason for r in reversed(ind.revisions) if r.field == "indicator"), "")
            word = "計画から外した指標" if lang is Lang.JA else "removed from the plan"
            lines += ["", f"  [{ind.id}] {ind.name} — {word} ({reason})"]
    return lines + report_lines(m, lang)


def counting_line(counting: Counting, lang: Lang) -> str:
    """How a cumulative indicator's figures are to be written, for `kpi show` and `kpi log`."""
    if counting is Counting.RUNNING_TOTAL:
        return (
            "    記入方法: 各年度の数値はそれまでの累計（最新の数値が合計）"
            if lang is Lang.JA
            else ("    counting: each figure is the running total so far (the latest is the total)")
        )
    return (
        "    記入方法: 各年度の数値はその年度の分（kpiが合計）"
        if lang is Lang.JA
        else ("    counting: each figure is that year's amount (kpi adds them up)")
    )


def total_line(a: Assessment, lang: Lang) -> str:
    """The total a cumulative indicator reaches at its latest figure."""
    unit = f" {a.indicator.unit}" if a.indicator.unit else ""
    when = _year(a.actual_year, a.indicator.year_basis) if a.actual_year is not None else ""
    word = "累計" if lang is Lang.JA else "total"
    return f"    {word}: {number(a.actual)}{unit} ({when})"


def show_record(result: MeasureResult, lang: Lang) -> dict[str, Any]:
    record = measure_record(result, lang)
    m = result.measure
    record["retired"] = m.retired
    record["editions"] = [{"year": e.year, "number": e.number, "pillar": e.pillar, "also": list(e.also)} for e in m.editions]
    record["items"] = [{"title": i.title, "ministries": list(i.ministries)} for i in m.items]
    record["reports"] = [report_record(r) for r in sorted(m.reports, key=lambda r: -r.year)]
    record["indicators"] = []
    for a in result.assessments:
        entry = indicator_record(a, lang)
        ind = a.indicator
        entry["milestones"] = [{"year": x.year, "value": x.value} for x in ind.milestones]
        entry["actuals"] = [
            {"year": x.year, "value": x.value, "status": x.status.value if x.status else None, "note": x.note, "source": x.source}
            for x in ind.actuals
        ]
        entry["revisions"] = [
            {"date": r.date.isoformat(), "field": r.field, "old": r.old, "new": r.new, "reason": r.reason} for r in ind.revisions
        ]
        record["indicators"].append(entry)
    return record
