"""``kpi report`` and ``kpi show``: the attainment table, and one measure in full."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli import options
from kpi.cli.app import app
from kpi.cli.render import console, escape, styled_status

if TYPE_CHECKING:
    from kpi.judge.report import MeasureResult, Report
    from kpi.model import Plan
    from kpi.views.labels import Lang


@app.command()
def report(
    directory: options.DirOption = None,
    year: options.YearOption = None,
    edition: options.EditionOption = None,
    method: options.MethodOption = None,
    ministry: Annotated[
        str | None, typer.Option("--ministry", "-m", help="Only measures of this ministry (part of the name is enough).")
    ] = None,
    pillar: Annotated[
        str | None, typer.Option("--pillar", "-p", help="Only measures under this heading: 1, or 1-2 for (1)②.")
    ] = None,
    lagging: Annotated[bool, typer.Option("--lagging", help="Only lagging indicators (やや遅れ, 遅れ, 後退).")] = False,
    format: Annotated[
        options.ReportFormat, typer.Option("--format", "-f", help="table for people; json, csv, md for tools.")
    ] = options.ReportFormat.table,
    lang: options.LangOption = None,
) -> None:
    """Show attainment of every measure for a fiscal year.

    Example: kpi report --year R6 --ministry 厚生労働省

    One row per indicator: baseline, target, latest figure, 達成率 (achievement), 進捗率 (gap
    closed), status and the measure's MIC grade (①–⑤), then counts by status.
    """
    from kpi.judge.report import build_report
    from kpi.plan.loader import read_plan

    plan = read_plan(options.root_of(directory))
    result = build_report(
        plan, year=options.year_of(year), edition=edition, method=method, ministry=ministry, pillar=pillar, lagging=lagging
    )
    print_report(result, format, options.lang_of(lang))


@app.command()
def show(
    measure: options.MeasureArg,
    directory: options.DirOption = None,
    year: options.YearOption = None,
    method: options.MethodOption = None,
    format: Annotated[
        options.TextFormat, typer.Option("--format", "-f", help="text for people; json for tools.")
    ] = options.TextFormat.text,
    lang: options.LangOption = None,
) -> None:
    """Show one measure: figures, status, revisions.

    Example: kpi show 8
    """
    from kpi.judge.report import show_measure
    from kpi.plan.loader import read_plan

    plan = read_plan(options.root_of(directory))
    result = show_measure(plan, measure, year=options.year_of(year), method=method)
    print_show(result, plan, format, options.lang_of(lang))


def print_report(result: Report, form: options.ReportFormat, lang: Lang) -> None:
    from kpi.views import report as view

    if form is options.ReportFormat.json:
        for piece in view.json_pieces(result, lang):  # written as it is made: a large report is never whole in memory
            typer.echo(piece, nl=False)
    elif form is options.ReportFormat.csv:
        typer.echo(view.to_csv(result, lang), nl=False)
    elif form is options.ReportFormat.md:
        typer.echo(view.to_markdown(result, lang), nl=False)
    else:
        from rich.table import Table

        from kpi.views.labels import COLUMNS

        out = console()
        # Narrow terminals drop the columns a reader can best do without (--format md/csv keep all).
        dropped = set()
        if out.width < 150:
            dropped |= {"ministries"}
        if out.width < 110:
            dropped |= {"baseline", "progress"}
        columns = [c for c in view.TABLE_COLUMNS if c not in dropped]
        title = f"{result.plan_name}  FY{result.year}  ({result.edition}, {result.method.value})"
        table = Table(title=escape(title), show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(COLUMNS[lang][column], overflow="fold", no_wrap=column in {"number", "grade", "status"})
        status_at = columns.index("status")
        for row in view.display_rows(result, lang):
            cells = [escape(row.cells[c]) for c in columns]
            cells[status_at] = styled_status(cells[status_at], row.status)
            table.add_row(*cells)
        out.print(table)
        out.print(view.summary_line(result, lang))


def print_show(result: MeasureResult, plan: Plan, form: options.TextFormat, lang: Lang) -> None:
    from kpi.views import show as view

    if form is options.TextFormat.json:
        import json

        typer.echo(json.dumps(view.show_record(result, lang), ensure_ascii=False, indent=2))
        return
    out = console()
    for line in view.show_lines(result, plan, lang):
        out.print(escape(line), highlight=False)
