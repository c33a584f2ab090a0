"""The comments sheet/section: every 有識者会議 (or other) comment on the reports for the year, with its answer.

The secretariat chases the unanswered ones, so an empty answer reads （未回答） / (no answer yet) in every format, and
the layouts that can colour a cell (xlsx, html) highlight it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.i18n import in_lang
from kpi.judge.report import MeasureResult, Report
from kpi.model import Comment
from kpi.views.labels import Lang, headings, year_label
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
    return (
        *headings(lang, "ministries", "number", "title"),
        in_lang(lang, "#", ctx="comment"),
        in_lang(lang, "From", ctx="comment"),
        in_lang(lang, "Comment", ctx="comment"),
        in_lang(lang, "Response", ctx="comment"),
    )


def comments_title(year: int, lang: Lang) -> str:
    """有識者会議等の意見と対応（令和6年度） / Comments and responses (FY2024)."""
    return in_lang(lang, "Comments and responses ({year})", year=year_label(year, None, lang))


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
    title = comments_title(report.year, lang)
    return title, comments_header(lang), tuple(comment_cells(r, lang) for r in comment_rows(report))
