"""A measure's yearly reports (v1.1) as records and lines: 取組実績, 課題・要因分析, 今後の取組方針, 予算額, comments."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kpi import fiscal
from kpi.i18n import in_lang
from kpi.judge.report import MeasureResult
from kpi.model import Comment, Indicator, Measure, Report
from kpi.text import number
from kpi.views.csvfile import csv_pieces
from kpi.views.labels import COLUMNS, STAGE, Lang

if TYPE_CHECKING:  # kpi report need not import the unreported list
    from kpi.judge.unreported import UnreportedGroup, UnreportedReport

# The report's text keys and the COLUMNS entry that names each.
TEXT_COLUMNS = {"done": "done", "issues": "issues", "next": "next_steps", "budget_note": "budget_note", "contact": "contact"}


def unanswered(lang: Lang) -> str:
    """What stands in place of the ministry's answer to a comment not answered yet: （未回答） / (no answer yet)."""
    return in_lang(lang, "(no answer yet)", ctx="comment")


class _ByLanguage(Mapping[Lang, str]):
    """A {language: text} table read from the catalog, for callers that index one (UNANSWERED[lang])."""

    def __getitem__(self, lang: Lang) -> str:
        return unanswered(Lang(lang))

    def __iter__(self) -> Iterator[Lang]:
        return iter(Lang)

    def __len__(self) -> int:
        return len(Lang)


UNANSWERED: Mapping[Lang, str] = _ByLanguage()


def comment_record(comment: Comment) -> dict[str, Any]:
    return {"from": comment.by, "text": comment.text, "response": comment.response or None, "answered": comment.answered}


def report_record(report: Report | None) -> dict[str, Any] | None:
    """The v1.1 table of one year as JSON (null when the measure has no report for the year)."""
    if report is None:
        return None
    return {
        "year": report.year,
        "done": report.done,
        "issues": report.issues,
        "next": report.next,
        "budget": report.budget,
        "budget_note": report.budget_note,
        "contact": report.contact,
        "submitted": report.submitted.isoformat() if report.submitted else None,
        "comments": [comment_record(c) for c in report.comments],
    }


# The evaluation table's columns that belong to the measure, not the indicator: tables for people show them once.
MEASURE_TEXT_KEYS = frozenset({"done", "issues", "next", "budget"})


def stage_label(indicator: Indicator, lang: Lang) -> str:
    return STAGE[lang][indicator.stage] if indicator.stage is not None else ""


def budget_text(report: Report | None) -> str:
    """``130.5`` (百万円), or empty when no budget is given."""
    return number(report.budget) if report is not None and report.budget is not None else ""


def report_lines(measure: Measure, lang: Lang, indent: str = "  ") -> list[str]:
    """Every year's report, newest first, with the comments and their answers (for `kpi show`)."""
    c = COLUMNS[lang]
    lines: list[str] = []
    for report in sorted(measure.reports, key=lambda r: -r.year):
        lines += ["", f"{indent}{year_label(report.year, lang)}"]
        for key in ("done", "issues", "next"):
            text = report.text(key)
            if text:
                lines += _block(f"{indent}  {c[TEXT_COLUMNS[key]]}: ", text)
        if report.budget is not None or report.budget_note:
            note = (
                "" if not report.budget_note else f"（{report.budget_note}）" if lang is Lang.JA else f" ({report.budget_note})"
            )
            lines.append(f"{indent}  {c['budget']}: {budget_text(report) or '—'}{note}")
        if report.contact:
            lines.append(f"{indent}  {c['contact']}: {report.contact}")
        if report.submitted is not None:
            lines.append(f"{indent}  {c['submitted']}: {report.submitted.isoformat()}")
        for index, comment in enumerate(report.comments, 1):
            heading = in_lang(lang, "Comment {number} ({by})", number=index, by=comment.by)
            lines += _block(f"{indent}  {heading}: ", comment.text)
            answer = comment.response if comment.answered else unanswered(lang)
            lines += _block(f"{indent}    → {c['response']}: ", answer or "")
    return lines


def _block(head: str, text: str) -> list[str]:
    """A text of several lines under its heading, later lines indented to line up."""
    first, *rest = text.split("\n")
    pad = " " * (len(head) - len(head.lstrip()) + 4)
    return [head + first, *(pad + line for line in rest)]


def year_label(year: int, lang: Lang) -> str:
    """令和6年度 / FY2024: a report's fiscal year as the glossary writes it."""
    return fiscal.year_text(year, calendar=False, lang=lang)


def unreported_record(result: UnreportedReport) -> dict[str, Any]:
    """`kpi missing --format json`'s ``reports_missing``: measures with no 取組実績 for the year, by ministry. Its
    lists are iterators, each element made as it is written (kpi.views.jsontext.indented_pieces)."""
    return {
        "missing": result.missing,
        "expected": result.expected,
        "ministries": (
            {
                "ministry": group.ministry,
                "missing": group.count,
                "measures": group.total,
                "items": (
                    {
                        "number": r.number,
                        "measure_id": r.measure.id,
                        "title": r.measure.title,
                        "ministries": list(r.measure.ministries),
                    }
                    for r in group.items
                ),
            }
            for group in result.groups
        ),
    }


def unreported_heading(result: UnreportedReport, lang: Lang) -> str:
    return in_lang(
        lang,
        "Measures with no report (what was done) for {year}: {missing} of {expected}",
        year=year_label(result.year, lang),
        missing=result.missing,
        expected=result.expected,
    )


def unreported_group_line(group: UnreportedGroup, lang: Lang) -> str:
    return in_lang(
        lang, "{ministry}  {count} of {measures} measures", ministry=group.ministry, count=group.count, measures=group.total
    )


def unreported_item_line(result: MeasureResult, lang: Lang) -> str:
    shown = f"{result.number:03d}" if result.number is not None else "---"
    return f"  {shown} {result.measure.title}"


def unreported_csv(result: UnreportedReport) -> Iterator[str]:
    """Rows after `kpi missing --format csv`'s indicator rows, in its columns (kpi.views.csvfile, the one CSV writer):
    a measure with no report has no indicator_id, indicator, year_basis, last_year or reason. In pieces, each row
    made as it is written."""
    rows = (
        [group.ministry, r.number, r.measure.id, r.measure.title, None, None, None, None, None]
        for group in result.groups
        for r in group.items
    )
    return csv_pieces(rows, line_end="\n")
