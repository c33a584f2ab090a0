"""What ``kpi report`` does once its options are read: typer's command and the quick way (kpi.cli.run) both call it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kpi.cli.render import echo, emit, screen_width, use_colour
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
    from kpi.views import report as view

    if form is ReportFormat.json:
        if output is None:
            for piece in view.json_pieces(result, lang):  # written as it is made: a large report is never whole in memory
                echo(piece, nl=False)
        else:
            emit("".join(view.json_pieces(result, lang)), output)
    elif form is ReportFormat.csv:
        emit(view.to_csv(result, lang), output, csv=True)
    elif form is ReportFormat.md:
        emit(view.to_markdown(result, lang), output)
    else:
        from kpi.views.screen import report_lines

        colour = output is None and use_colour()
        emit("\n".join(report_lines(result, lang, screen_width(), colour)) + "\n", output)
