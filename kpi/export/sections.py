"""The summaries every export shares, as plain grids: by pillar, by ministry, the lagging and missing lists, the comments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kpi.export.comments import comments_grid
from kpi.export.table import Evaluation, Fmt
from kpi.fiscal import typed_year
from kpi.i18n import N_, in_lang
from kpi.judge import review
from kpi.model import YearBasis
from kpi.text import finite
from kpi.views.labels import COLUMNS, GRADE_MARK, Lang, flags_text, headings, status_label, year_label


@dataclass(frozen=True)
class Section:
    """A titled grid of plain values: one summary sheet or section."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    files: tuple[Path | None, ...] = ()  # per row, the measure file its text came from (for error messages)

    def file(self, index: int) -> Path | None:
        return self.files[index] if index < len(self.files) else None


def _tally_header(ev: Evaluation, first: str) -> tuple[str, ...]:
    lang = ev.lang
    grades = [f"{GRADE_MARK[g]}" for g in (1, 2, 3, 4, 5)] + [in_lang(lang, "not assessable", ctx="grade")]
    return (
        first,
        in_lang(lang, "Measures", ctx="count"),
        in_lang(lang, "Indicators", ctx="count"),
        *[status_label(s, lang) for s in ev.statuses],
        in_lang(lang, "Lagging", ctx="count"),
        in_lang(lang, "Missing this year", ctx="count"),
        *grades,
    )


def _tally_row(ev: Evaluation, label: str, t: review.Tally) -> tuple[object, ...]:
    return (
        label,
        t.measures,
        t.indicators,
        *[t.statuses[s] for s in ev.statuses],
        t.lagging,
        t.missing,
        *[t.grades[g] for g in (1, 2, 3, 4, 5, None)],
    )


def year_word(ev: Evaluation) -> int:
    """Which of the year columns' headings apply: 0 over fiscal years (年度), 1 over calendar years (年), 2 over both."""
    bases = ev.bases & {YearBasis.FISCAL, YearBasis.CALENDAR}
    return 2 if len(bases) > 1 else 1 if YearBasis.CALENDAR in bases else 0


# The lagging and missing lists' year columns, headed by the year bases of the plan's rows: fiscal, calendar, both.
LATEST_YEAR = (N_("Year of the figure"), N_("Calendar year of the figure"), N_("Year of the figure (fiscal or calendar)"))
DEADLINE = (N_("Target year"), N_("Target calendar year"), N_("Target year (fiscal or calendar)"))
LAST_REPORTED = (N_("Last reported"), N_("Last reported (calendar year)"), N_("Last reported (fiscal or calendar year)"))


def sections(ev: Evaluation) -> list[Section]:
    """The summary sections: by pillar, by ministry, the lagging list, the missing list."""
    lang = ev.lang
    total_label = in_lang(lang, "Total", ctx="export")
    # each heading with the measures listed again under it (再掲) and how many; the total counts each indicator once
    listed = review.by_heading_listed(ev.report)
    pillar_rows = [(*_tally_row(ev, ev.heading(t.key), t), n) for t, n in listed]
    pillar_rows.append((*_tally_row(ev, total_label, ev.total), None))
    ministry_rows = [_tally_row(ev, t.key, t) for t in ev.by_ministry]
    word = year_word(ev)
    lag_header = (
        *headings(lang, "number", "title", "ministries", "indicator", "status", "progress", "expected"),
        in_lang(lang, "Pace", ctx="export"),
        in_lang(lang, "Latest", ctx="export"),
        in_lang(lang, LATEST_YEAR[word]) if lang is Lang.JA else COLUMNS[lang]["year"],
        COLUMNS[lang]["target_value"],
        in_lang(lang, DEADLINE[word]) if lang is Lang.JA else COLUMNS[lang]["deadline"],
        COLUMNS[lang]["flags"],
    )
    lag_rows = [
        (
            item.result.number,
            item.result.measure.title,
            "、".join(item.result.measure.ministries),
            item.assessment.indicator.name,
            status_label(item.assessment.status, lang),
            finite(item.assessment.progress),
            finite(item.assessment.expected),
            finite(item.assessment.pace),
            finite(item.assessment.actual),
            typed_year(item.assessment.actual_year, item.assessment.indicator.year_basis is YearBasis.CALENDAR),
            finite(item.assessment.target),
            typed_year(item.assessment.deadline, item.assessment.indicator.year_basis is YearBasis.CALENDAR),
            flags_text(item.assessment.flags, item.assessment.actual_year, item.assessment.indicator.year_basis, lang),
        )
        for item in ev.lagging
    ]
    miss_header = (
        in_lang(lang, "Ministry", ctx="export"),
        *headings(lang, "number", "title", "indicator"),
        in_lang(lang, LAST_REPORTED[word]) if lang is Lang.JA else in_lang(lang, LAST_REPORTED[0]),
    )
    miss_rows = [
        (
            group.ministry,
            item.number,
            item.result.measure.title,
            f"[{item.indicator.id}] {item.indicator.name}",
            typed_year(item.last_year, item.indicator.year_basis is YearBasis.CALENDAR),
        )
        for group in ev.missing.groups
        for item in group.items
    ]
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    return [
        Section(
            "by_pillar",
            in_lang(lang, "By pillar", ctx="export"),
            (*_tally_header(ev, in_lang(lang, "Pillar", ctx="export")), in_lang(lang, "Of which listed again")),
            tuple(pillar_rows),
        ),
        Section(
            "by_ministry",
            in_lang(lang, "By ministry", ctx="export"),
            _tally_header(ev, in_lang(lang, "Ministry", ctx="export")),
            tuple(ministry_rows),
        ),
        Section(
            "lagging",
            in_lang(lang, "Lagging indicators"),
            lag_header,
            tuple(lag_rows),
            tuple(item.result.measure.path for item in ev.lagging),
        ),
        Section(
            "missing",
            in_lang(lang, "Not reported for {year}", year=year),
            miss_header,
            tuple(miss_rows),
            tuple(item.result.measure.path for group in ev.missing.groups for item in group.items),
        ),
        Section("comments", *comments_grid(ev.report, lang)),
    ]


SECTION_FORMATS: dict[str, dict[int, Fmt]] = {
    # column index -> format, for the numeric columns of the lagging list
    "lagging": {
        0: Fmt.INT,
        5: Fmt.PERCENT,
        6: Fmt.PERCENT,
        7: Fmt.RATIO,
        8: Fmt.NUMBER,
        9: Fmt.YEAR,
        10: Fmt.NUMBER,
        11: Fmt.YEAR,
    },
    "missing": {1: Fmt.INT, 4: Fmt.YEAR},
    "comments": {1: Fmt.INT},
}
