"""The summaries every export shares, as plain grids: by pillar, by ministry, the lagging and missing lists, the comments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kpi.export.comments import comments_grid
from kpi.export.table import Evaluation, Fmt
from kpi.fiscal import typed_year
from kpi.judge import review
from kpi.model import YearBasis
from kpi.text import finite
from kpi.views.labels import GRADE_MARK, Lang, flags_text, status_label


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
    ja = ev.lang is Lang.JA
    grades = [f"{GRADE_MARK[g]}" for g in (1, 2, 3, 4, 5)] + ["評価不能" if ja else "not assessable"]
    return (
        first,
        "施策数" if ja else "Measures",
        "指標数" if ja else "Indicators",
        *[status_label(s, ev.lang) for s in ev.statuses],
        "遅れ計" if ja else "Lagging",
        "未報告(当年度)" if ja else "Missing this year",
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


def sections(ev: Evaluation) -> list[Section]:
    """The summary sections: by pillar, by ministry, the lagging list, the missing list."""
    ja = ev.lang is Lang.JA
    total_label = "合計" if ja else "Total"
    # each heading with the measures listed again under it (再掲) and how many; the total counts each indicator once
    listed = review.by_heading_listed(ev.report)
    pillar_rows = [(*_tally_row(ev, ev.heading(t.key), t), n) for t, n in listed]
    pillar_rows.append((*_tally_row(ev, total_label, ev.total), None))
    ministry_rows = [_tally_row(ev, t.key, t) for t in ev.by_ministry]
    year_word = YEAR_WORD[ev.bases & {YearBasis.FISCAL, YearBasis.CALENDAR}]  # 年度, 年, or 年（度） over both
    lag_header = (
        (
            "No.",
            "施策",
            "府省庁",
            "指標",
            "状況",
            "進捗率",
            "期待進捗",
            "ペース",
            "最新実績",
            "実績" + year_word,
            "目標値",
            "目標" + year_word,
            "注意",
        )
        if ja
        else (
            "No.",
            "Measure",
            "Ministries",
            "Indicator",
            "Status",
            "Progress",
            "Expected",
            "Pace",
            "Latest",
            "Year",
            "Target",
            "Deadline",
            "Flags",
        )
    )
    lag_rows = [
        (
            item.result.number,
            item.result.measure.title,
            "、".join(item.result.measure.ministries),
            item.assessment.indicator.name,
            status_label(item.assessment.status, ev.lang),
            finite(item.assessment.progress),
            finite(item.assessment.expected),
            finite(item.assessment.pace),
            finite(item.assessment.actual),
            typed_year(item.assessment.actual_year, item.assessment.indicator.year_basis is YearBasis.CALENDAR),
            finite(item.assessment.target),
            typed_year(item.assessment.deadline, item.assessment.indicator.year_basis is YearBasis.CALENDAR),
            flags_text(item.assessment.flags, item.assessment.actual_year, item.assessment.indicator.year_basis, ev.lang),
        )
        for item in ev.lagging
    ]
    miss_header = (
        ("府省庁", "No.", "施策", "指標", "最後の報告" + year_word)
        if ja
        else ("Ministry", "No.", "Measure", "Indicator", "Last reported")
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
    year = ev.report.year
    return [
        Section(
            "by_pillar",
            "柱別集計" if ja else "By pillar",
            (*_tally_header(ev, "柱" if ja else "Pillar"), "うち再掲(施策)" if ja else "Of which listed again"),
            tuple(pillar_rows),
        ),
        Section(
            "by_ministry",
            "府省庁別集計" if ja else "By ministry",
            _tally_header(ev, "府省庁" if ja else "Ministry"),
            tuple(ministry_rows),
        ),
        Section(
            "lagging",
            "遅れ一覧" if ja else "Lagging",
            lag_header,
            tuple(lag_rows),
            tuple(item.result.measure.path for item in ev.lagging),
        ),
        Section(
            "missing",
            f"未報告一覧（{year}年度）" if ja else f"Missing FY{year}",
            miss_header,
            tuple(miss_rows),
            tuple(item.result.measure.path for group in ev.missing.groups for item in group.items),
        ),
        Section("comments", *comments_grid(ev.report, ev.lang)),
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


# How the year columns of the lagging and missing lists are headed, by the year bases of the plan's rows.
YEAR_WORD = {
    frozenset(): "年度",
    frozenset({YearBasis.FISCAL}): "年度",
    frozenset({YearBasis.CALENDAR}): "年",
    frozenset({YearBasis.FISCAL, YearBasis.CALENDAR}): "年（度）",
}
