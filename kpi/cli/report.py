"""``kpi report`` and ``kpi show``: the attainment table, and one measure in full."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli import options
from kpi.cli.render import console, echo, escape
from kpi.i18n import N_

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app

if TYPE_CHECKING:
    from kpi.judge.report import MeasureResult
    from kpi.model import Plan
    from kpi.views.labels import Lang


@commands.command()
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
    from kpi.cli.reporting import run_report

    run_report(
        directory=directory,
        year=year,
        edition=edition,
        method=method,
        ministry=ministry,
        pillar=pillar,
        lagging=lagging,
        format=format,
        output=output,
        lang=lang,
        strict=strict,
    )


@commands.command()
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


def print_show(result: MeasureResult, plan: Plan, form: options.TextFormat, lang: Lang) -> None:
    from kpi.views import show as view

    if form is options.TextFormat.json:
        import json

        echo(json.dumps(view.show_record(result, lang), ensure_ascii=False, indent=2))
        return
    out = console()
    for line in view.show_lines(result, plan, lang):
        out.print(escape(line), highlight=False, soft_wrap=True)  # a long name runs on; never broken after its id
