"""``kpi missing`` and ``kpi lagging``: the secretariat's two chase lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from kpi.cli import options
from kpi.cli.app import app
from kpi.cli.render import console, escape, styled_status

if TYPE_CHECKING:
    from kpi.judge.review import LaggingItem, MissingReport
    from kpi.judge.unreported import UnreportedReport
    from kpi.views.labels import Lang


@app.command()
def missing(
    directory: options.DirOption = None,
    year: options.YearOption = None,
    ministry: options.MinistryOption = None,
    pillar: options.PillarOption = None,
    format: options.ListFormatOption = options.ListFormat.table,
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
        raise typer.BadParameter(f"FY{chosen} has not begun; give --year {current_fiscal_year()} or earlier", param_hint="--year")
    plan, broken = options.plan_for_review(directory, strict)
    report = build_report(plan, year=chosen, ministry=ministry, pillar=pillar)
    print_missing(find_missing(report), format, options.lang_of(lang), unreported(report))
    options.report_broken(broken)


@app.command()
def lagging(
    directory: options.DirOption = None,
    year: options.YearOption = None,
    method: options.MethodOption = None,
    ministry: options.MinistryOption = None,
    pillar: options.PillarOption = None,
    format: options.ListFormatOption = options.ListFormat.table,
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
    print_lagging(find_lagging(report), report.year, format, options.lang_of(lang))
    options.report_broken(broken)


def print_missing(result: MissingReport, form: options.ListFormat, lang: Lang, reports: UnreportedReport | None = None) -> None:
    from kpi.views import narrative
    from kpi.views import review as view

    if form is options.ListFormat.json:
        import json

        record = view.missing_record(result)
        if reports is not None:
            record["reports_missing"] = narrative.unreported_record(reports)
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    if form is options.ListFormat.csv:
        typer.echo(view.missing_csv(result), nl=False)
        if reports is not None:
            typer.echo(narrative.unreported_csv(reports), nl=False)
        return
    out = console()
    for group in result.groups:
        heading = view.missing_group_line(group.ministry, group.count, group.indicators, lang)
        out.print(f"[bold]{escape(heading)}[/]", highlight=False)
        for item in group.items:
            line = view.missing_item_line(
                item.number, item.result.measure.title, item.indicator, item.last_year, lang, item.reason
            )
            out.print(escape(line), highlight=False)
    out.print(escape(view.missing_heading(result, lang)), highlight=False)
    if reports is None:
        return
    out.print("", highlight=False)
    for report_group in reports.groups:
        out.print(f"[bold]{escape(narrative.unreported_group_line(report_group, lang))}[/]", highlight=False)
        for measure in report_group.results:
            out.print(escape(narrative.unreported_item_line(measure, lang)), highlight=False)
    out.print(escape(narrative.unreported_heading(reports, lang)), highlight=False)


def print_lagging(items: tuple[LaggingItem, ...], year: int, form: options.ListFormat, lang: Lang) -> None:
    from kpi.views import review as view
    from kpi.views.labels import COLUMNS, Lang

    if form is options.ListFormat.json:
        typer.echo(view.lagging_json(items, year, lang), nl=False)
        return
    if form is options.ListFormat.csv:
        typer.echo(view.lagging_csv(items, lang), nl=False)
        return
    from rich.table import Table

    table = Table(title=f"{'遅れている指標' if lang is Lang.JA else 'Lagging indicators'}  FY{year}", header_style="bold")
    for column in view.LAGGING_COLUMNS:
        table.add_column(
            COLUMNS[lang][column],
            overflow="fold",
            no_wrap=column in {"number", "status", "pace"},
            justify="right" if column in {"progress", "expected", "pace"} else "left",
        )
    status_at = view.LAGGING_COLUMNS.index("status")
    for item in items:
        cells = view.lagging_cells(item, lang)
        row = [escape(cells[c]) for c in view.LAGGING_COLUMNS]
        row[status_at] = styled_status(row[status_at], item.assessment.status)
        table.add_row(*row)
    out = console()
    out.print(table)
    out.print(f"{len(items)} {'件' if lang is Lang.JA else 'lagging'}", highlight=False)
