"""What ``kpi report`` does once its options are read: typer's command and the quick way (kpi.cli.run) both call it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kpi.cli.render import emit_lines, emit_pieces, screen_width, use_colour
from kpi.cli.values import ReportFormat, lang_of, plan_for_review, report_broken, year_of

if TYPE_CHECKING:
    from kpi.i18n import Lang
    from kpi.judge.report import Report
    from kpi.model import Method

__all__ = ["print_report", "run_report"]


def run_report(
    *,
    directory: Path | None = None,
    year: str | None = None,
    edition: int | None = None,
    method: Method | None = None,
    ministry: str | None = None,
    pillar: str | None = None,
    lagging: bool = False,
    format: ReportFormat = ReportFormat.table,
    output: Path | None = None,
    lang: Lang | None = None,
    strict: bool = False,
) -> None:
    """Read the plan, judge it for the year and print the table (or json, csv, md); the files left out after it."""
    from kpi.judge.report import build_report

    plan, broken = plan_for_review(directory, strict)
    result = build_report(
        plan, year=year_of(year), edition=edition, method=method, ministry=ministry, pillar=pillar, lagging=lagging
    )
    print_report(result, format, lang_of(lang), output)
    report_broken(broken)


def print_report(result: Report, form: ReportFormat, lang: Lang, output: Path | None = None) -> None:
    """The report in ``form`` to standard output or into ``output``, each piece written as it is made: at 100,000
    measures no format's whole text (nor a table's rows) is ever in memory."""
    if form is ReportFormat.json:
        from kpi.views.report import json_pieces

        emit_pieces(json_pieces(result, lang), output)
    elif form is ReportFormat.csv:
        from kpi.views.reportcsv import csv_pieces

        emit_pieces(csv_pieces(result, lang), output, csv=True)
    elif form is ReportFormat.md:
        from kpi.views.report import markdown_pieces

        emit_pieces(markdown_pieces(result, lang), output)
    else:
        from kpi.views.screen import report_lines

        colour = output is None and use_colour()
        emit_lines(report_lines(result, lang, screen_width(), colour), output)
