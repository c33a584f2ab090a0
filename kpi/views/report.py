"""Turning a report into text: JSON and CSV for machines, Markdown and display rows for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kpi.history.policy import adopted_number, adopted_year
from kpi.i18n import active, in_lang
from kpi.judge.assess import Assessment, achievement
from kpi.judge.report import MeasureResult, Report
from kpi.model import Flag, Indicator, Kind, Status, YearBasis
from kpi.text import finite, number, percent
from kpi.views.cells import md_cell
from kpi.views.labels import (
    COLUMNS,
    DIRECTION,
    GRADE_MARK,
    PRIMARY,
    Lang,
    flag_label,
    grade_label,
    kind_label,
    method_label,
    status_label,
    status_with_flags,
    year_label,
)
from kpi.views.narrative import report_record
from kpi.views.reportcache import line_pieces

STATUS_ORDER = [
    Status.EXCEEDED,
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.FAR_BEHIND,
    Status.REGRESSING,
    Status.PENDING,
    Status.NO_DATA,
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
]


def with_year(value: float | None, year: int | None, basis: YearBasis, lang: Lang | None = None, unit: str = "") -> str:
    """``130,000 人 (FY2026)`` / ``130,000 人（令和8年度）``: the number and its unit, then the year (when there is one)."""
    if value is None:
        return ""
    text = f"{number(value)} {unit}".rstrip()
    if year is None:
        return text
    chosen = lang or active()
    return in_lang(chosen, "{value} ({year})", ctx="figure", value=text, year=year_label(year, basis, chosen))


def report_title(report: Report, lang: Lang) -> str:
    """``Plan — FY2025 (2025 edition, linear)`` / ``Plan　令和7年度（2025）の達成状況（2025年版、直線法）``."""
    return in_lang(
        lang,
        "{plan} — {year} ({edition} edition, {method})",
        plan=report.plan_name,
        year=year_label(report.year, YearBasis.FISCAL, lang, both=True),
        edition=report.edition,
        method=method_label(report.method, lang),
    )


def graded_on_primary(m: MeasureResult) -> bool:
    """Whether the measure's grade follows its primary indicators (some, not all, are marked primary = true)."""
    return any(a.indicator.primary for a in m.assessments)


def indicator_name(ind: Indicator, marked: bool, lang: Lang) -> str:
    """The indicator's name, with the primary mark when the measure's grade follows it."""
    return ind.name + PRIMARY[lang] if marked and ind.primary else ind.name


_FLAGS = tuple((flag.value, flag) for flag in Flag)
# json.dumps(record, ensure_ascii=False) without building an encoder for every record
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def flag_record(a: Assessment, lang: Lang) -> dict[str, Any]:
    """One boolean per flag (``overdue``, ``stale``) and their labels, as every machine format carries them."""
    basis = a.indicator.year_basis
    flags = a.flags
    return {
        **{value: flag in flags for value, flag in _FLAGS},
        "flag_labels": [flag_label(f, a.actual_year, basis, lang) for f in a.flags],
    }


def indicator_record(a: Assessment, lang: Lang) -> dict[str, Any]:
    ind = a.indicator
    return {
        "id": ind.id,
        "name": ind.name,
        "kind": ind.kind.value,
        "direction": ind.direction.value if ind.direction else None,
        "unit": ind.unit,
        "primary": ind.primary,
        "year_basis": ind.year_basis.value,
        "counting": ind.counting.value if ind.kind is Kind.CUMULATIVE else None,
        "baseline": finite(a.baseline),
        "baseline_year": a.baseline_year,
        "baseline_inferred": a.baseline_inferred,
        "target": finite(a.target),
        "deadline": a.deadline,
        **_adopted_record(a),
        "milestone": finite(a.segment_target) if ind.milestones else None,
        "milestone_year": a.segment_year if ind.milestones else None,
        "actual": finite(a.actual),
        "actual_year": a.actual_year,
        "achievement": finite(a.achievement),
        "progress": finite(a.progress),
        "expected": finite(a.expected),
        "pace": finite(a.pace),
        "score": finite(a.score),
        "status": a.status.value,
        "status_label": status_label(a.status, lang),
        "lagging": a.lagging,
        **flag_record(a, lang),
        "needs_explanation": a.needs_explanation,
        "stage": ind.stage.value if ind.stage else None,
        "note": a.note,
        "source": latest_source(a),
    }


def latest_source(a: Assessment) -> str | None:
    """Where the latest figure came from: its own source, else the indicator's."""
    entry = a.indicator.actual_for(a.actual_year) if a.actual_year is not None else None
    return (entry.source if entry is not None else None) or a.indicator.source


def _adopted_record(a: Assessment) -> dict[str, Any]:
    """The target and deadline the plan adopted (before any revision), and attainment against them."""
    ind = a.indicator
    target, deadline = adopted_number(ind, "target"), adopted_year(ind, "deadline")
    ach = achievement(a.actual, target, ind.direction) if None not in (a.actual, target, ind.direction) else None  # type: ignore[arg-type]
    return {"adopted_target": finite(target), "adopted_deadline": deadline, "adopted_achievement": finite(ach)}


def measure_record(m: MeasureResult, lang: Lang) -> dict[str, Any]:
    return {
        "id": m.measure.id,
        "number": m.number,
        "title": m.measure.title,
        "ministries": list(m.measure.ministries),
        "pillar": m.pillar,
        "grade": m.grade.grade,
        "grade_label": grade_label(m.grade.grade, m.grade.qualitative_only, lang),
        "incomplete": m.grade.incomplete,
        "rs_ids": list(m.measure.rs_ids),
        "report": report_record(m.report),
        "indicators": [indicator_record(a, lang) for a in m.assessments],
    }


def summary(report: Report) -> dict[str, int]:
    counts = report.status_counts()
    return {s.value: counts[s] for s in STATUS_ORDER if counts[s]}


def to_json(report: Report, lang: Lang) -> str:
    """The report as JSON: settings and counts indented, then one line per measure.

    One line per measure keeps a diff readable and lets json's C encoder do the work (indent=2 runs in pure
    Python: seconds for 20,000 measures)."""
    return "".join(json_pieces(report, lang))


def json_pieces(report: Report, lang: Lang, measures_per_piece: int = 500) -> Iterator[str]:
    """``to_json``'s text in pieces of a few hundred measures each, to write out as they come (a large report's
    text is never whole in memory)."""
    t = report.thresholds
    head = {
        "plan": report.plan_name,
        "edition": report.edition,
        "year": report.year,
        "method": report.method.value,
        "thresholds": {"on_track": t.on_track, "behind": t.behind, "exceed_margin": t.exceed_margin},
        "summary": summary(report),
    }
    parts = [json.dumps(head, ensure_ascii=False, indent=2)[: -len("\n}")], ',\n  "measures": [']
    index = 0
    # Each measure's line is made here, or read back from the run before when its file has not changed.
    for lines in line_pieces(report, lang, lambda result: _ENCODE(measure_record(result, lang)), measures_per_piece):
        for text in lines:
            parts.append(",\n    " if index else "\n    ")
            parts.append(text)
            index += 1
        if len(lines) == measures_per_piece:
            yield "".join(parts)
            parts = []
    parts.append("\n  ]\n}\n" if report.measures else "]\n}\n")
    yield "".join(parts)


@dataclass(frozen=True)
class Row:
    """One display row: cells keyed by column name, and the status that colours it."""

    cells: dict[str, str]
    status: Status


TABLE_COLUMNS = "number title ministries indicator baseline target actual achievement progress status grade".split()  # noqa: SIM905 (one line: the keys in order)


def display_rows(report: Report, lang: Lang) -> list[Row]:
    return list(each_display_row(report.measures, lang))


def each_display_row(measures: Iterable[MeasureResult], lang: Lang) -> Iterator[Row]:
    """The display rows of ``measures``, one per indicator, as they are made."""
    for m in measures:
        marked = graded_on_primary(m)
        for index, a in enumerate(m.assessments):
            ind, basis = a.indicator, a.indicator.year_basis
            first = index == 0
            actual = with_year(a.actual, a.actual_year, basis, lang, ind.unit) if a.actual is not None else ""
            cells = {
                "number": f"{m.number:03d}" if first and m.number is not None else "",
                "title": m.measure.title if first else "",
                "ministries": "、".join(m.measure.ministries) if first else "",
                "indicator": indicator_name(ind, marked, lang),
                "baseline": with_year(a.baseline, a.baseline_year, basis, lang) + ("*" if a.baseline_inferred else ""),
                "target": _target_text(a, lang),
                "actual": actual,
                "achievement": percent(a.achievement),
                "progress": percent(a.progress),
                "status": status_with_flags(a.status, a.flags, a.actual_year, basis, lang)
                + (_explain_mark(lang) if a.needs_explanation else ""),
                "grade": (GRADE_MARK[m.grade.grade] if not m.grade.qualitative_only else "") if first else "",
            }
            yield Row(cells, a.status)


def _explain_mark(lang: Lang) -> str:
    """The needs_explanation flag beside a status: （要因分析が必要） / (Explanation needed)."""
    return in_lang(lang, " ({label})", label=COLUMNS[lang]["needs_explanation"])


def aim_text(ind: Indicator, lang: Lang) -> str | None:
    """What a target without a number aims at (増加 / 減少), "" for none; None when the target has a number."""
    if ind.target is not None:
        return None
    if ind.direction is None:
        return ""
    if ind.direction.value == "up":
        return in_lang(lang, "increase", ctx="aim")
    return in_lang(lang, "decrease", ctx="aim")


def every_year_text(ind: Indicator, lang: Lang) -> str:
    """毎年 (a calendar-year indicator) or 毎年度; every year."""
    return kind_label(Kind.EVERY_YEAR, ind.year_basis, lang)


def _target_text(a: Assessment, lang: Lang) -> str:
    ind = a.indicator
    if (aim := aim_text(ind, lang)) is not None:
        return aim
    text = with_year(ind.target, ind.deadline, ind.year_basis, lang)
    if ind.kind is Kind.EVERY_YEAR:
        text = in_lang(lang, "{value} ({year})", ctx="figure", value=number(ind.target), year=every_year_text(ind, lang))
    adopted = adopted_text(ind, lang)
    if adopted:
        text += in_lang(lang, " (adopted {adopted})", adopted=adopted)
    return text


def adopted_text(ind: Indicator, lang: Lang | None = None) -> str:
    """The target and deadline the plan adopted, as ``200 (FY2026)``, when a revision changed them; else empty."""
    target, deadline = adopted_number(ind, "target"), adopted_year(ind, "deadline")
    if (target, deadline) == (ind.target, ind.deadline):
        return ""
    chosen = lang or active()
    if target is not None:
        return with_year(target, deadline, ind.year_basis, chosen)
    return year_label(deadline, ind.year_basis, chosen)


def headers(lang: Lang, columns: list[str], calendar: bool = False) -> list[str]:
    """The column headings; 目標値（年・年度） when some indicator counts calendar years (its cells read 2024年)."""
    heads = dict(COLUMNS[lang])
    if calendar:
        heads.update(
            target=in_lang(lang, "Target (year)", ctx="column, calendar years"),
            actual=in_lang(lang, "Latest (year)", ctx="column, calendar years"),
        )
    return [heads[c] for c in columns]


def any_calendar(report: Report) -> bool:
    """Whether some indicator of the report counts calendar years (the headings then say 年・年度)."""
    return any(a.indicator.year_basis is YearBasis.CALENDAR for _m, a in report.assessments())


def to_markdown(report: Report, lang: Lang) -> str:
    return "".join(markdown_pieces(report, lang))


def markdown_pieces(report: Report, lang: Lang, measures_per_piece: int = 500) -> Iterator[str]:
    """``to_markdown``'s text in pieces of a few hundred measures each, to write out as they come."""
    lines = [
        f"# {md_cell(report_title(report, lang))}",
        "",
        "| " + " | ".join(headers(lang, TABLE_COLUMNS, any_calendar(report))) + " |",
        "|" + "---|" * len(TABLE_COLUMNS),
    ]
    measures = report.measures
    for start in range(0, len(measures), measures_per_piece):
        for row in each_display_row(measures[start : start + measures_per_piece], lang):
            lines.append("| " + " | ".join(md_cell(row.cells[c]) for c in TABLE_COLUMNS) + " |")
        yield "\n".join(lines) + "\n"
        lines = []
    lines += ["", summary_line(report, lang)]
    yield "\n".join(lines) + "\n"


def summary_line(report: Report, lang: Lang) -> str:
    """``12 indicators in 5 measures: achieved 3, …; lagging 4`` / ``指標 12件（施策 5件）: 目標達成 3件、…``."""
    counts = report.status_counts()
    parts = [in_lang(lang, "{status} {count}", status=status_label(s, lang), count=counts[s]) for s in STATUS_ORDER if counts[s]]
    lagging = sum(counts[s] for s in counts if s.lagging)
    return in_lang(
        lang,
        "{total} indicators in {measures} measures: {counts}; lagging {lagging}",
        total=sum(counts.values()),
        measures=len(report.measures),
        counts=("、" if lang is Lang.JA else ", ").join(parts),
        lagging=lagging,
    )


def direction_text(a: Assessment, lang: Lang) -> str:
    return DIRECTION[lang][a.indicator.direction] if a.indicator.direction else ""
