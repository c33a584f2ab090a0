"""The summaries every export shares, as plain grids: by pillar, by ministry, the lagging and missing lists, the comments."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
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
    rows: Collection[tuple[object, ...]]  # a tuple, or Remade: made again on each read
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


SECTION_KEYS = ("by_pillar", "by_ministry", "lagging", "missing", "comments")


def sections(ev: Evaluation) -> list[Section]:
    """The summary sections: by pillar, by ministry, the lagging list, the missing list, the comments."""
    return [section(ev, key) for key in SECTION_KEYS]


def section(ev: Evaluation, key: str, *, remade: bool = False) -> Section:
    """The summary section ``key`` (one of SECTION_KEYS). ``remade``: the long lists' rows (lagging, missing) are not
    kept but made again each time they are read, and their files left out (a large plan's workbook reads them twice
    and names no file): at 100,000 measures the lagging list alone would hold tens of MB."""
    lang = ev.lang
    if key == "by_pillar":
        total_label = in_lang(lang, "Total", ctx="export")
        # each heading with the measures listed again under it (再掲) and how many; the total counts each indicator once
        listed = review.by_heading_listed(ev.report)
        pillar_rows = [(*_tally_row(ev, ev.heading(t.key), t), n) for t, n in listed]
        pillar_rows.append((*_tally_row(ev, total_label, ev.total), None))
        header = (*_tally_header(ev, in_lang(lang, "Pillar", ctx="export")), in_lang(lang, "Of which listed again"))
        return Section(key, in_lang(lang, "By pillar", ctx="export"), header, tuple(pillar_rows))
    if key == "by_ministry":
        ministry_rows = tuple(_tally_row(ev, t.key, t) for t in ev.by_ministry)
        header = _tally_header(ev, in_lang(lang, "Ministry", ctx="export"))
        return Section(key, in_lang(lang, "By ministry", ctx="export"), header, ministry_rows)
    if key == "lagging":
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
        title = in_lang(lang, "Lagging indicators")
        if remade:
            return Section(key, title, lag_header, Remade(lambda: _lagging_rows(ev), len(ev.lagging)))
        files = tuple(item.result.measure.path for item in ev.lagging)
        return Section(key, title, lag_header, tuple(_lagging_rows(ev)), files)
    if key == "missing":
        word = year_word(ev)
        miss_header = (
            in_lang(lang, "Ministry", ctx="export"),
            *headings(lang, "number", "title", "indicator"),
            in_lang(lang, LAST_REPORTED[word]) if lang is Lang.JA else in_lang(lang, LAST_REPORTED[0]),
        )
        year = year_label(ev.report.year, YearBasis.FISCAL, lang)
        title = in_lang(lang, "Not reported for {year}", year=year)
        if remade:
            count = sum(len(group.items) for group in ev.missing.groups)
            return Section(key, title, miss_header, Remade(lambda: _missing_rows(ev), count))
        files = tuple(item.result.measure.path for group in ev.missing.groups for item in group.items)
        return Section(key, title, miss_header, tuple(_missing_rows(ev)), files)
    return Section("comments", *comments_grid(ev.report, lang))


def _lagging_rows(ev: Evaluation) -> Iterator[tuple[object, ...]]:
    lang = ev.lang
    for item in ev.lagging:
        a = item.assessment
        calendar = a.indicator.year_basis is YearBasis.CALENDAR
        yield (
            item.result.number,
            item.result.measure.title,
            "、".join(item.result.measure.ministries),
            a.indicator.name,
            status_label(a.status, lang),
            finite(a.progress),
            finite(a.expected),
            finite(a.pace),
            finite(a.actual),
            typed_year(a.actual_year, calendar),
            finite(a.target),
            typed_year(a.deadline, calendar),
            flags_text(a.flags, a.actual_year, a.indicator.year_basis, lang),
        )


def _missing_rows(ev: Evaluation) -> Iterator[tuple[object, ...]]:
    for group in ev.missing.groups:
        for item in group.items:
            yield (
                group.ministry,
                item.number,
                item.result.measure.title,
                f"[{item.indicator.id}] {item.indicator.name}",
                typed_year(item.last_year, item.indicator.year_basis is YearBasis.CALENDAR),
            )


class Remade(Collection[tuple[object, ...]]):
    """Rows made again by ``make`` each time they are read, never kept: ``count`` of them."""

    def __init__(self, make: Callable[[], Iterator[tuple[object, ...]]], count: int) -> None:
        self._make = make
        self._count = count

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        return self._make()

    def __len__(self) -> int:
        return self._count

    def __contains__(self, row: object) -> bool:
        return any(row == own for own in self)


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
