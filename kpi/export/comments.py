"""The comments sheet/section: every 有識者会議 (or other) comment on the reports for the year, with its answer.

The secretariat chases the unanswered ones, so an empty answer reads （未回答） / (no answer yet) in every format, and
the layouts that can colour a cell (xlsx, html) highlight it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.judge.report import MeasureResult, Report
from kpi.model import Comment
from kpi.views.labels import Lang
from kpi.views.narrative import UNANSWERED


@dataclass(frozen=True)
class CommentRow:
    result: MeasureResult
    number: int  # 1-based within the year's report, as `kpi comment MEASURE YEAR N` names it
    comment: Comment


def comment_rows(report: Report) -> list[CommentRow]:
    """Every comment on the reports for the report's year, in the edition's order."""
    rows = []
    for result in report.measures:
        found = result.measure.report(report.year)
        for index, comment in enumerate(found.comments if found else (), 1):
            rows.append(CommentRow(result, index, comment))
    return rows


def comments_header(lang: Lang) -> tuple[str, ...]:
    if lang is Lang.JA:
        return ("府省庁", "No.", "施策", "番号", "意見の出所", "有識者会議等の意見", "対応")
    return ("Ministries", "No.", "Measure", "#", "From", "Comment", "Response")


def comment_cells(row: CommentRow, lang: Lang) -> tuple[object, ...]:
    c = row.comment
    return (
        "、".join(row.result.measure.ministries),
        row.result.number,
        row.result.measure.title,
        row.number,
        c.by,
        c.text,
        c.response if c.answered else UNANSWERED[lang],
    )


def comments_grid(report: Report, lang: Lang) -> tuple[str, tuple[str, ...], tuple[tuple[object, ...], ...]]:
    """The evaluation export's comments section: its title, header and rows."""
    ja = lang is Lang.JA
    title = f"有識者会議等の意見と対応（{report.year}年度）" if ja else f"Comments and responses FY{report.year}"
    return title, comments_header(lang), tuple(comment_cells(r, lang) for r in comment_rows(report))
