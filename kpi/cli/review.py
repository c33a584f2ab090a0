"""``kpi missing`` and ``kpi lagging``: the secretariat's two chase lists."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kpi.cli import options
from kpi.cli.render import emit_lines, emit_pieces, screen_width, use_colour

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app

if TYPE_CHECKING:
    from kpi.judge.review import LaggingItem, MissingReport
    from kpi.judge.unreported import UnreportedReport
    from kpi.views.labels import Lang


@commands.command()
def missing(
    directory: options.DirOption = None,
    year: options.YearOption = None,
    ministry: options.MinistryOption = None,
    pillar: options.PillarOption = None,
    format: options.ListFormatOption = options.ListFormat.table,
    output: options.OutputOption = None,
    lang: options.LangOption = None,
    strict: options.StrictOption = False,
) -> None:
    """List indicators with no figure, and measures with no report, for a year.

    Example: kpi missing --year R6 --ministry 厚生労働省

    A measure of two ministries is listed under both; the counts say how many of each ministry's
    indicators lack a figure. Indicators whose start or baseline year is later are not expected.
    The second list: measures whose yearly report has no 取組実績 (kpi narrate … --done).
    """
    from kpi.fiscal import current_fiscal_year
    from kpi.judge.report import build_report
    from kpi.judge.review import missing as find_missing
    from kpi.judge.unreported import unreported

    chosen = options.year_of(year)
    if chosen is not None and chosen > current_fiscal_year():
        # Nothing can be logged for a year that has not begun, so nothing is missing for it yet.
        from kpi.fiscal import year_text
        from kpi.i18n import _

        shown = year_text(chosen, calendar=False, lang=options.lang_of(lang))
        problem = _("{year} has not begun; give --year {current} or earlier", year=shown, current=current_fiscal_year())
        raise typer.BadParameter(problem, param_hint="--year")
    plan, broken = options.plan_for_review(directory, strict)
    report = build_report(plan, year=chosen, ministry=ministry, pillar=pillar)
    print_missing(find_missing(report), format, options.lang_of(lang), unreported(report), output)
    options.report_broken(broken)


@commands.command()
def lagging(
    directory: options.DirOption = None,
    year: options.YearOption = None,
    method: options.MethodOption = None,
    ministry: options.MinistryOption = None,
    pillar: options.PillarOption = None,
    format: options.ListFormatOption = options.ListFormat.table,
    output: options.OutputOption = None,
    lang: options.LangOption = None,
    strict: options.StrictOption = False,
) -> None:
    """List the lagging indicators, worst first, with their pace.

    Example: kpi lagging --year R6

    Lagging is やや遅れ, 遅れ or 後退; 後退 comes first, then the slowest pace (進捗率 ÷ expected share).
    """
    from kpi.judge.report import build_report
    from kpi.judge.review import lagging as find_lagging

    plan, broken = options.plan_for_review(directory, strict)
    report = build_report(plan, year=options.year_of(year), method=method, ministry=ministry, pillar=pillar)
    print_lagging(find_lagging(report), report.year, format, options.lang_of(lang), output)
    options.report_broken(broken)


def print_missing(
    result: MissingReport,
    form: options.ListFormat,
    lang: Lang,
    reports: UnreportedReport | None = None,
    output: Path | None = None,
) -> None:
    from kpi.views import narrative
    from kpi.views import review as view

    if form is options.ListFormat.json:
        from kpi.views.jsontext import indented_pieces

        record = view.missing_record(result)
        if reports is not None:
            record["reports_missing"] = narrative.unreported_record(reports)
        emit_pieces(indented_pieces(record), output)
        return
    if form is options.ListFormat.csv:
        pieces = view.missing_csv(result)
        emit_pieces(
            itertools.chain(pieces, narrative.unreported_csv(reports)) if reports is not None else pieces, output, csv=True
        )
        return
    from kpi.views.screen import missing_lines

    colour = output is None and use_colour()
    width = screen_width()
    lines = missing_lines(result, lang, width, colour)
    if reports is not None:
        lines = itertools.chain(lines, _unreported_lines(reports, lang, width))
    emit_lines(lines, output)


def _unreported_lines(reports: UnreportedReport, lang: Lang, width: int) -> Iterator[str]:
    """`kpi missing`'s second list for a terminal, after a blank line, each line as it is made."""
    from kpi.views import narrative
    from kpi.views.plaintable import wrap

    yield ""
    for report_group in reports.groups:
        yield from wrap(narrative.unreported_group_line(report_group, lang), width)
        for measure in report_group.items:
            for line in wrap(narrative.unreported_item_line(measure, lang).strip(), width - 2):
                yield "  " + line
    yield from wrap(narrative.unreported_heading(reports, lang), width)


def print_lagging(
    items: tuple[LaggingItem, ...], year: int, form: options.ListFormat, lang: Lang, output: Path | None = None
) -> None:
    from kpi.views import review as view

    if form is options.ListFormat.json:
        emit_pieces(view.lagging_json(items, year, lang), output)
    elif form is options.ListFormat.csv:
        emit_pieces(view.lagging_csv(items, lang), output, csv=True)
    else:
        from kpi.views.screen import lagging_lines

        colour = output is None and use_colour()
        emit_lines(lagging_lines(items, year, lang, screen_width(), colour), output)
