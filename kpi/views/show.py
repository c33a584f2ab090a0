"""One measure in full, for `kpi show`: plain lines for people, a record for tools."""

from __future__ import annotations

from typing import Any

from kpi.i18n import in_lang
from kpi.judge.assess import Assessment
from kpi.judge.report import MeasureResult
from kpi.model import Actual, Counting, Edition, Kind, Plan, YearBasis
from kpi.text import number, percent, pillar_text
from kpi.views.labels import (
    COLUMNS,
    DIRECTION,
    Lang,
    grade_label,
    kind_label,
    qual_label,
    status_with_flags,
    year_label,
)
from kpi.views.narrative import report_lines, report_record, stage_label
from kpi.views.report import graded_on_primary, indicator_name, indicator_record, measure_record, with_year
from kpi.views.screen import pace_text
from kpi.views.sparkline import indicator_sparkline


def _actual_text(actual: Actual, unit: str, lang: Lang) -> str:
    """``120,000 人  — 速報値; source: 調査A``; a qualitative figure as 実施済 / done."""
    value = qual_label(actual.status, lang) if actual.status is not None else f"{number(actual.value)} {unit}".rstrip()
    source = actual.source and in_lang(lang, "source: {source}", source=actual.source)
    extras = [x for x in (actual.note, source) if x]
    return value + (f"  — {_sep(lang).join(extras)}" if extras else "")


def _sep(lang: Lang) -> str:
    return "、" if lang is Lang.JA else "; "


def edition_text(edition: Edition, lang: Lang) -> str:
    """``2025: No. 008 (1)②, also (3)①`` / ``2025年版 No. 008（(1)②、再掲 (3)①）``."""
    heading = pillar_text(edition.pillar)
    if edition.also:
        also = ("、" if lang is Lang.JA else ", ").join(pillar_text(code) for code in edition.also)
        heading = in_lang(lang, "{heading}, also {also}", heading=heading, also=also)
    return in_lang(
        lang,
        "{edition}: No. {number} {heading}",
        edition=edition.year,
        number=f"{edition.number:03d}",
        heading=heading,
    )


def show_lines(result: MeasureResult, plan: Plan, lang: Lang) -> list[str]:
    m = result.measure
    c = COLUMNS[lang]
    g = result.grade
    sep = _sep(lang)
    lines = [
        f"{m.id}  {m.title}",
        f"  {c['ministries']}: {'、'.join(m.ministries)}",
    ]
    placements = [edition_text(e, lang) for e in m.editions]
    if m.retired:
        placements.append(in_lang(lang, "not listed from the {edition} edition on", edition=m.retired))
    lines.append(f"  {c['editions']}: " + sep.join(placements))
    for item in m.items:
        lines.append(f"  ・{item.title}【{'、'.join(item.ministries)}】")
    if m.rs_ids:
        lines.append(f"  {c['rs_ids']}: {', '.join(m.rs_ids)}")
    grade_text = grade_label(g.grade, g.qualitative_only, lang) + (in_lang(lang, " (incomplete)") if g.incomplete else "")
    when = year_label(result.assessments[0].year, YearBasis.FISCAL, lang) if result.assessments else ""
    lines.append("  " + in_lang(lang, "Grade for {year}: {grade}", year=when, grade=grade_text))
    marked = graded_on_primary(result)
    for a in result.assessments:
        lines += ["", *_indicator_lines(a, marked, lang)]
    for ind in m.indicators:
        if ind.removed:  # out of the plan by a revisions entry: not judged, but its record is shown
            reason = next((r.reason for r in reversed(ind.revisions) if r.field == "indicator"), "")
            lines += ["", f"  [{ind.id}] {ind.name} — " + in_lang(lang, "removed from the plan ({reason})", reason=reason)]
    return lines + report_lines(m, lang)


def _indicator_lines(a: Assessment, marked: bool, lang: Lang) -> list[str]:
    """One indicator in full: what it is, its target and figures, its status with the figures behind it."""
    c = COLUMNS[lang]
    ind = a.indicator
    basis = ind.year_basis
    lines = [f"  [{ind.id}] {indicator_name(ind, marked, lang)}"]
    about = [f"{c['kind']}: {kind_label(ind.kind, basis, lang)}"]
    if ind.direction:
        about.append(f"{c['direction']}: {DIRECTION[lang][ind.direction]}")
    if ind.unit:
        about.append(f"{c['unit']}: {ind.unit}")
    lines.append("    " + _sep(lang).join(about))
    if ind.stage is not None:
        lines.append(f"    {c['stage']}: {stage_label(ind, lang)}")
    if ind.baseline is not None and ind.baseline_year is not None:
        lines.append(f"    {c['baseline']}: {with_year(ind.baseline, ind.baseline_year, basis, lang)}")
    if ind.target is not None:
        lines.append(f"    {c['target_value']}: {with_year(ind.target, ind.deadline, basis, lang)}")
    for milestone in ind.milestones:
        lines.append("    " + in_lang(lang, "milestone: {value}", value=with_year(milestone.value, milestone.year, basis, lang)))
    if ind.start is not None:
        lines.append("    " + in_lang(lang, "counts from: {year}", year=year_label(ind.start, basis, lang)))
    if ind.kind is Kind.CUMULATIVE:
        lines.append(counting_line(ind.counting, lang))
    for actual in ind.actuals:
        lines.append(f"    {year_label(actual.year, basis, lang)}: {_actual_text(actual, ind.unit, lang)}")
    spark = indicator_sparkline(ind)
    if spark is not None:
        lines.append("    " + in_lang(lang, "trend: {chart}  ({low}–{high})", chart=spark[0], low=spark[1], high=spark[2]))
    if ind.kind is Kind.CUMULATIVE and a.actual is not None:
        lines.append(total_line(a, lang))
    status = status_with_flags(a.status, a.flags, a.actual_year, basis, lang)
    figures = [
        f"{c['achievement']} {percent(a.achievement)}" if a.achievement is not None else "",
        f"{c['progress']} {percent(a.progress)}" if a.progress is not None else "",
        f"{c['expected']} {percent(a.expected)}" if a.expected is not None else "",
    ]
    lines.append(f"    → {status}" + "".join(f"{_sep(lang)}{f}" for f in figures if f))
    behind = [  # the pace on a line of its own: it says what it is, and a terminal does not cut it from its number
        pace_text(a, lang) if a.pace is not None else "",
        f"{c['score']} {a.score:.2f}" if a.score is not None else "",
        c["needs_explanation"] if a.needs_explanation else "",
    ]
    if any(behind):
        lines.append("      " + _sep(lang).join(f for f in behind if f))
    for revision in ind.revisions:
        change = in_lang(
            lang,
            "{date} {field} {old} → {new} ({reason})",
            date=revision.date,
            field=revision.field,
            old=revision.old,
            new=revision.new,
            reason=revision.reason,
        )
        lines.append(f"    {c['revisions']}: {change}")
    return lines


def counting_line(counting: Counting, lang: Lang) -> str:
    """How a cumulative indicator's figures are to be written, for `kpi show` and `kpi log`."""
    if counting is Counting.RUNNING_TOTAL:
        return "    " + in_lang(lang, "counting: each figure is the running total so far (the latest is the total)")
    return "    " + in_lang(lang, "counting: each figure is that year's amount (kpi adds them up)")


def total_line(a: Assessment, lang: Lang) -> str:
    """The total a cumulative indicator reaches at its latest figure."""
    unit = f" {a.indicator.unit}" if a.indicator.unit else ""
    when = year_label(a.actual_year, a.indicator.year_basis, lang)
    return "    " + in_lang(lang, "total: {value} ({year})", value=f"{number(a.actual)}{unit}", year=when)


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
