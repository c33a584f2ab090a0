"""The evaluation table every export shares: one row per indicator, grouped by pillar, with its columns.

``evaluation()`` turns a report into an :class:`Evaluation` (rows, groups, summaries, provenance);
each exporter only lays it out. Values stay numbers here (floats, ints, None): formatting is the
exporter's business, so every format carries the same numbers as ``kpi report --format json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from kpi.export.pillars import Group, by_heading, heading
from kpi.export.provenance import Provenance
from kpi.fiscal import typed_year, year_text
from kpi.i18n import N_, in_lang
from kpi.judge import review
from kpi.judge.assess import Assessment
from kpi.judge.report import MeasureResult, Report
from kpi.model import CsvTable as CsvTable
from kpi.model import Flag, Kind, Status, YearBasis
from kpi.text import finite, pillar_text
from kpi.views.labels import (
    DIRECTION,
    GRADE_MARK,
    HEADINGS,
    Lang,
    flags_text,
    grade_label,
    kind_label,
    status_label,
    year_label,
)
from kpi.views.narrative import stage_label
from kpi.views.report import STATUS_ORDER, adopted_text, graded_on_primary, latest_source

RECENT_YEARS = 5  # the actuals of the evaluation year and the four before it


class Fmt(str, Enum):
    """How a column's values are written."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    PERCENT = "percent"
    RATIO = "ratio"
    YEAR = "year"
    STATUS = "status"
    BOOL = "bool"
    FIGURE = "figure"  # a yearly figure: a number, or a qualitative status label


@dataclass(frozen=True)
class Column:
    key: str  # the machine name (csv and json headers)
    fmt: Fmt
    width: int = 10  # display width in half-width characters (xlsx column width)
    human: bool = True  # shown in xlsx, html and md
    machine: bool = True  # written to csv and json
    heading: str | tuple[str, str] = ""  # a key of labels.HEADINGS (default: key), or (ja, en) for a year's column

    def header(self, lang: Lang) -> str:
        texts = self.heading if isinstance(self.heading, tuple) else HEADINGS[self.heading or self.key]
        return texts[0] if lang is Lang.JA else texts[1]


def _base_columns() -> list[Column]:
    return [
        Column("pillar", Fmt.TEXT, 7),
        Column("number", Fmt.INT, 5),
        Column("measure_id", Fmt.TEXT, 9, human=False, heading="id"),
        Column("title", Fmt.TEXT, 34),
        Column("ministries", Fmt.TEXT, 14),
        Column("indicator_id", Fmt.TEXT, 12, human=False),
        Column("indicator", Fmt.TEXT, 36),
        Column("primary", Fmt.BOOL, 5),  # the grade follows the marked indicators
        Column("stage", Fmt.TEXT, 10),
        Column("kind", Fmt.TEXT, 7),
        Column("direction", Fmt.TEXT, 8),
        Column("unit", Fmt.TEXT, 7),
        Column("baseline", Fmt.NUMBER, 11),
        Column("baseline_year", Fmt.YEAR, 8),
        Column("target", Fmt.NUMBER, 11, heading="target_value"),
        Column("deadline", Fmt.YEAR, 8),
    ]


def _tail_columns() -> list[Column]:
    return [
        Column("actual", Fmt.NUMBER, 11, heading="latest_actual"),
        Column("actual_year", Fmt.YEAR, 8),
        Column("achievement", Fmt.PERCENT, 8),
        Column("progress", Fmt.PERCENT, 8),
        Column("expected", Fmt.PERCENT, 8),
        Column("pace", Fmt.RATIO, 7),
        Column("status_code", Fmt.TEXT, 10, human=False),
        Column("status", Fmt.STATUS, 12),
        Column("flags", Fmt.TEXT, 14),  # beside the status: 期限到来・未達成, 古い実績（…）
        Column("grade", Fmt.INT, 5, human=False),
        Column("grade_label", Fmt.TEXT, 18),
        Column("lagging", Fmt.BOOL, 5),
        *(Column(f.value, Fmt.BOOL, 5, human=False, heading=(f.value, f.value)) for f in Flag),
        Column("year_basis", Fmt.TEXT, 8, human=False),
        Column("notes", Fmt.TEXT, 30),
        # v1.1: the reasons owed, where the figure came from, and the measure's report for the year (on each row).
        Column("needs_explanation", Fmt.BOOL, 8),
        Column("source", Fmt.TEXT, 24),
        Column("done", Fmt.TEXT, 40),
        Column("issues", Fmt.TEXT, 40),
        Column("next", Fmt.TEXT, 40, heading="next_steps"),
        Column("budget", Fmt.NUMBER, 12),
        Column("repeat", Fmt.BOOL, 5, human=False),
    ]


def year_heading(year: int, bases: frozenset[YearBasis]) -> tuple[str, str]:
    """A yearly column's heading: 令和6年度 / FY2024, 2024年 / CY2024, or 2024年（度） / FY/CY2024 when the rows mix both."""
    if YearBasis.CALENDAR in bases and len(bases) > 1:
        return in_lang(Lang.JA, "FY/CY{year}", year=year), in_lang(Lang.EN, "FY/CY{year}", year=year)
    calendar = YearBasis.CALENDAR in bases
    return year_text(year, calendar=calendar, lang=Lang.JA), year_text(year, calendar=calendar, lang=Lang.EN)


def columns(year: int, bases: frozenset[YearBasis] = frozenset({YearBasis.FISCAL})) -> list[Column]:
    """Every column of the evaluation table for evaluation year ``year``.

    ``bases`` are the year bases of the rows: the five yearly columns are headed by them, and when both occur a
    ``basis`` column (年度 / 暦年) before them says which each row's years are — a calendar-year indicator's
    figures never stand under a heading that says 年度 alone."""
    recent = []
    for y in range(year - RECENT_YEARS + 1, year + 1):
        ja, en = year_heading(y, bases)
        recent.append(Column(f"fy{y}", Fmt.FIGURE, 10, heading=(in_lang(Lang.JA, "{year} figures", year=ja), en)))
    basis_heading = (in_lang(Lang.JA, "FY/CY", ctx="column"), in_lang(Lang.EN, "FY/CY", ctx="column"))
    basis = [Column("basis", Fmt.TEXT, 6, machine=False, heading=basis_heading)] if len(bases) > 1 else []
    every = [*_base_columns(), *basis, *recent, *_tail_columns()]
    if YearBasis.CALENDAR not in bases:
        return every
    both = 1 if len(bases) > 1 else 0  # 目標年 over calendar years only; 目標年（度） over both
    return [
        replace(c, heading=(in_lang(Lang.JA, YEAR_HEADS[c.key][both]), HEADINGS[c.key][1])) if c.key in YEAR_HEADS else c
        for c in every
    ]


def report_columns(report: Report) -> list[Column]:
    """The columns of ``report``'s evaluation table: its year, headed by the year bases of its rows."""
    return columns(report.year, frozenset(a.indicator.year_basis for r in report.measures for a in r.assessments))


# The year columns' headings (基準年度 …) where calendar years occur: over calendar years only, over both.
YEAR_HEADS = {
    "baseline_year": (N_("Baseline calendar year"), N_("Baseline year (fiscal or calendar)")),
    "deadline": (N_("Target calendar year"), N_("Target year (fiscal or calendar)")),
    "actual_year": (N_("Calendar year of the figure"), N_("Year of the figure (fiscal or calendar)")),
}


def basis_text(basis: YearBasis, lang: Lang) -> str:
    """年度 / 暦年 (FY / CY): which years a row's yearly figures are."""
    if basis is YearBasis.CALENDAR:
        return in_lang(lang, "CY", ctx="basis")
    return in_lang(lang, "FY", ctx="basis")


@dataclass(frozen=True)
class EvalRow:
    """One indicator of one measure, with every column's value."""

    result: MeasureResult
    assessment: Assessment
    first: bool  # the first indicator of its measure
    values: dict[str, object]
    repeat: bool = False  # listed again (再掲) under a heading of its ``also``: shown there, never counted twice

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass(frozen=True)
class Evaluation:
    report: Report
    provenance: Provenance
    lang: Lang
    columns: tuple[Column, ...]
    groups: tuple[Group[EvalRow], ...]  # empty when ``streamed``
    by_pillar: tuple[review.Tally, ...]
    by_ministry: tuple[review.Tally, ...]
    total: review.Tally
    lagging: tuple[review.LaggingItem, ...]
    missing: review.MissingReport
    root: Path | None = None  # the plan folder, to name measure files relative to it
    streamed: bool = False  # the rows are not kept: each_row() makes them again, one at a time, on each pass

    def each_row(self) -> Iterator[EvalRow]:
        """The rows as the plan lists them (each heading's own, then its 再掲 rows), one at a time."""
        if not self.streamed:
            yield from (row for group in self.groups for row in group.rows)
            return
        for _key, result, index, repeat, values in listed_values(self.report, self.lang):
            yield EvalRow(result, result.assessments[index], index == 0, values, repeat)

    @property
    def rows(self) -> list[EvalRow]:
        """Every indicator once, under its own heading (no 再掲 rows): what totals count."""
        return [row for row in self.each_row() if not row.repeat]

    @property
    def listed_rows(self) -> list[EvalRow]:
        """The rows as the plan lists them: each heading's own, then its 再掲 rows."""
        return list(self.each_row())

    @property
    def listed_count(self) -> int:
        """How many rows each_row() gives, counted without making them."""
        return sum(len(placed) for _key, placed in placement(self.report))

    @property
    def bases(self) -> frozenset[YearBasis]:
        """The year bases of the rows (年度, 暦年 or both): how yearly columns are headed."""
        return frozenset(a.indicator.year_basis for r in self.report.measures for a in r.assessments)

    def human_columns(self) -> list[Column]:
        return [c for c in self.columns if c.human]

    def machine_columns(self) -> list[Column]:
        return [c for c in self.columns if c.machine]

    def heading(self, pillar: str | None) -> str:
        return heading(pillar, self.report.headings)

    @property
    def statuses(self) -> list[Status]:
        """The statuses that occur, in the order reports list them."""
        present = self.total.statuses
        return [s for s in STATUS_ORDER if present[s]]


def shown_title(row: EvalRow, lang: Lang) -> str:
    """The measure's title as people read it in a heading's rows: ``【再掲】…`` under a heading of its ``also``."""
    title = str(row.values["title"])
    return in_lang(lang, "[listed again] {title}", title=title) if row.repeat else title


def evaluation_title(ev: Evaluation) -> str:
    """孤独・孤立対策重点計画 評価表 令和6年度 / … evaluation FY2024: the workbook's, the page's and the paper's title."""
    year = year_label(ev.report.year, YearBasis.FISCAL, ev.lang)
    return in_lang(ev.lang, "{plan} evaluation {year}", plan=ev.report.plan_name, year=year)


def grade_text(result: MeasureResult, lang: Lang) -> str:
    g = result.grade
    label = grade_label(g.grade, g.qualitative_only, lang)
    text = label if g.qualitative_only else f"{GRADE_MARK[g.grade]} {label}"
    if g.incomplete:
        text = in_lang(lang, "{grade} (incomplete)", grade=text)
    return text


def _figure(result: Assessment, year: int, lang: Lang) -> float | str | None:
    entry = result.indicator.actual_for(year)
    if entry is None:
        return None
    if entry.status is not None:
        from kpi.judge.assess import QUAL_STATUS

        return status_label(QUAL_STATUS[entry.status], lang)
    return entry.value


def _notes(a: Assessment, lang: Lang) -> str:
    parts: list[str] = []
    year = a.actual_year if a.actual_year is not None else a.year
    entry = a.indicator.actual_for(year)
    if entry is not None and entry.note:
        parts.append(entry.note)
    if a.baseline_inferred:
        parts.append(in_lang(lang, "baseline taken from the first actual"))
    basis = a.indicator.year_basis
    calendar = basis is YearBasis.CALENDAR
    if a.indicator.kind is Kind.CUMULATIVE and a.indicator.start is not None:
        parts.append(in_lang(lang, "total since {year}", year=year_label(a.indicator.start, basis, lang)))
    if a.indicator.kind is Kind.EVERY_YEAR:
        parts.append(in_lang(lang, "yearly target", ctx="calendar") if calendar else in_lang(lang, "yearly target"))
    if a.segment_target is not None and a.indicator.milestones and a.segment_year != a.deadline:
        when = year_label(a.segment_year, basis, lang)
        parts.append(in_lang(lang, "milestone {value} ({year})", value=f"{a.segment_target:g}", year=when))
    adopted = adopted_text(a.indicator)
    if adopted:
        parts.append(in_lang(lang, "adopted target {target}", target=adopted))
    return in_lang(lang, "; ", ctx="notes").join(parts)


def row_values(result: MeasureResult, a: Assessment, lang: Lang, year: int) -> dict[str, object]:
    ind = a.indicator
    calendar = ind.year_basis is YearBasis.CALENDAR
    values: dict[str, object] = {
        "pillar": pillar_text(result.pillar),
        "number": result.number,
        "repeat": False,
        "measure_id": result.measure.id,
        "title": result.measure.title,
        "ministries": "、".join(result.measure.ministries),
        "indicator_id": ind.id,
        "indicator": ind.name,
        "stage": stage_label(ind, lang),
        "kind": kind_label(ind.kind, ind.year_basis, lang),
        "direction": DIRECTION[lang][ind.direction] if ind.direction else "",
        "unit": ind.unit,
        "baseline": finite(a.baseline),
        "baseline_year": typed_year(a.baseline_year, calendar),
        "target": finite(a.target),
        "deadline": typed_year(a.deadline, calendar),
    }
    values["basis"] = basis_text(ind.year_basis, lang)
    for y in range(year - RECENT_YEARS + 1, year + 1):
        values[f"fy{y}"] = _figure(a, y, lang)
    values.update(
        actual=finite(a.actual),
        actual_year=typed_year(a.actual_year, calendar),
        achievement=finite(a.achievement),
        progress=finite(a.progress),
        expected=finite(a.expected),
        pace=finite(a.pace),
        status_code=a.status.value,
        status=status_label(a.status, lang),
        grade=result.grade.grade,
        grade_label=grade_text(result, lang),
        lagging=a.lagging,
        flags=flags_text(a.flags, a.actual_year, ind.year_basis, lang),
        **{f.value: f in a.flags for f in Flag},
        year_basis=ind.year_basis.value,
        primary=ind.primary and graded_on_primary(result),
        notes=_notes(a, lang),
        needs_explanation=a.needs_explanation,
        source=latest_source(a) or "",
    )
    report = result.report
    values.update({key: report.text(key) if report else None for key in ("done", "issues", "next")})
    values["budget"] = finite(report.budget) if report else None
    return values


Progress = Callable[[int, int], None]


def placement(report: Report) -> list[tuple[str, list[tuple[MeasureResult, int, bool]]]]:
    """The headings in the edition's order, each with its rows as (measure, indicator index, 再掲): the heading's
    own rows in report order, then the rows listed again under it (a measure's ``also``)."""
    groups: dict[str, list[tuple[MeasureResult, int, bool]]] = {}
    again: dict[str, list[tuple[MeasureResult, int, bool]]] = {}
    for result in report.measures:
        key = result.pillar or ""
        also = [h for h in (result.edition.also if result.edition else ()) if h != key]
        for index in range(len(result.assessments)):
            groups.setdefault(key, []).append((result, index, False))
            for heading_code in also:
                again.setdefault(heading_code, []).append((result, index, True))
    for heading_code, rows in again.items():
        groups.setdefault(heading_code, []).extend(rows)
    return sorted(groups.items(), key=lambda item: review.heading_order(item[0]))


def listed_values(report: Report, lang: Lang) -> Iterator[tuple[str, MeasureResult, int, bool, dict[str, object]]]:
    """Every row of the table in the order it is listed, its values made only when it comes (a large plan's table
    is never whole in memory): (heading code, measure, indicator index, 再掲, values)."""
    for key, placed in placement(report):
        for result, index, repeat in placed:
            values = row_values(result, result.assessments[index], lang, report.year)
            if repeat:
                values.update(repeat=True, pillar=pillar_text(key))
            yield key, result, index, repeat, values


def evaluation(report: Report, provenance: Provenance, lang: Lang, root: Path | None = None, *, keep: bool = True) -> Evaluation:
    """The evaluation table of ``report``: rows grouped by heading in the edition's order, and the summaries. With
    ``keep=False`` the rows are made again on each pass (``each_row``): a large plan's table is never whole in memory."""
    rows = (
        (key, EvalRow(result, result.assessments[index], index == 0, values, repeat))
        for key, result, index, repeat, values in listed_values(report, lang)
    )
    return Evaluation(
        report=report,
        provenance=provenance,
        lang=lang,
        columns=tuple(report_columns(report)),
        groups=by_heading(rows, report.headings) if keep else (),
        by_pillar=review.by_pillar(report),
        by_ministry=review.by_ministry(report),
        total=review.total(report),
        lagging=review.lagging(report),
        missing=review.missing(report),
        root=root,
        streamed=not keep,
    )
