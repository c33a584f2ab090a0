"""``kpi report`` and ``kpi show``: the attainment table, and one measure in full."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli import options
from kpi.cli.app import app
from kpi.cli.render import console, emit, escape, screen_width, use_colour
from kpi.i18n import N_

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
    ministry: Annotated[str | None, typer.Option("--ministry", "-m", help=options.MINISTRY_HELP)] = None,
    pillar: Annotated[str | None, typer.Option("--pillar", "-p", help=options.PILLAR_HELP)] = None,
    lagging: Annotated[bool, typer.Option("--lagging", help=N_("Only lagging indicators (やや遅れ, 遅れ, 後退)."))] = False,
    format: options.ReportFormatOption = options.ReportFormat.table,
    output: options.OutputOption = None,
    lang: options.LangOption = None,
    strict: options.StrictOption = False,
) -> None:
    """Show attainment of every measure for a fiscal year.

    Example: kpi report --year R6 --ministry 厚生労働省

    One row per indicator: baseline, target, latest figure, 達成率 (achievement), 進捗率 (gap
    closed), status and the measure's MIC grade (①–⑤), then counts by status.
    """
    from kpi.judge.report import build_report

    plan, broken = options.plan_for_review(directory, strict)
    result = build_report(
        plan, year=options.year_of(year), edition=edition, method=method, ministry=ministry, pillar=pillar, lagging=lagging
    )
    print_report(result, format, options.lang_of(lang), output)
    options.report_broken(broken)


@app.command()
def show(
    measure: options.MeasureArg,
    directory: options.DirOption = None,
    year: options.YearOption = None,
    method: options.MethodOption = None,
    format: options.ShowFormatOption = options.TextFormat.text,
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


def print_report(result: Report, form: options.ReportFormat, lang: Lang, output: Path | None = None) -> None:
    from kpi.views import report as view

    if form is options.ReportFormat.json:
        if output is None:
            for piece in view.json_pieces(result, lang):  # written as it is made: a large report is never whole in memory
                typer.echo(piece, nl=False)
        else:
            emit("".join(view.json_pieces(result, lang)), output)
    elif form is options.ReportFormat.csv:
        emit(view.to_csv(result, lang), output, csv=True)
    elif form is options.ReportFormat.md:
        emit(view.to_markdown(result, lang), output)
    else:
        from kpi.views.screen import report_lines

        colour = output is None and use_colour()
        emit("\n".join(report_lines(result, lang, screen_width(), colour)) + "\n", output)


def print_show(result: MeasureResult, plan: Plan, form: options.TextFormat, lang: Lang) -> None:
    from kpi.views import show as view

    if form is options.TextFormat.json:
        import json

        typer.echo(json.dumps(view.show_record(result, lang), ensure_ascii=False, indent=2))
        return
    out = console()
    for line in view.show_lines(result, plan, lang):
        out.print(escape(line), highlight=False, soft_wrap=True)  # a long name runs on; never broken after its id
