"""``kpi log`` and ``kpi target``: record a year's figure, revise a target with a reason."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi.cli import options
from kpi.cli.app import app
from kpi.cli.render import print_lines


@app.command("log", context_settings={"ignore_unknown_options": True})
def log_command(
    measure: options.MeasureArg,
    indicator: options.IndicatorArg,
    year: Annotated[str, typer.Argument(help="Year of the figure: 2024, FY2024, R6, 令和6年度 …", show_default=False)],
    value: Annotated[
        str,
        typer.Argument(
            help="A number (1,234, １２３４, 45.2% when the unit is %), or done / in_progress / not_started "
            "(実施済 / 実施中 / 未着手) for a qualitative indicator.",
            show_default=False,
        ),
    ],
    note: Annotated[str | None, options.option("--note", help="Note kept with the figure (速報値, 推計 …).")] = None,
    source: Annotated[str | None, options.option("--source", help="Where the figure comes from.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a figure already recorded for YEAR.")] = False,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Record one year's figure of an indicator.

    Example: kpi log 8 search-site-access R6 120,000 --note 速報値

    Checks the whole measure before writing, never overwrites a recorded year without --force,
    and prints the indicator's new assessment. Running it again changes nothing.
    """
    from kpi.edit.log import log_figure
    from kpi.views.edit import log_lines

    result = log_figure(options.root_of(directory), measure, indicator, year, value, note=note, source=source, force=force)
    print_lines(log_lines(result, options.lang_of(lang)))


@app.command("target")
def target_command(
    measure: options.MeasureArg,
    indicator: options.IndicatorArg,
    reason: Annotated[
        str | None,
        options.option("--reason", help="Why the target changes (required; kept in the file)."),
    ] = None,
    target: options.TargetOption = None,
    deadline: options.DeadlineOption = None,
    baseline: options.BaselineOption = None,
    baseline_year: options.BaselineYearOption = None,
    milestone: Annotated[
        list[str] | None,
        options.option("--milestone", help="Interim target YEAR=VALUE (repeatable); YEAR= removes one."),
    ] = None,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Revise a target, deadline or baseline, with a reason.

    Example: kpi target 8 search-site-access --target 140,000 --deadline R9 --reason "2025年改定で上方修正"

    Each changed field is recorded as an [[indicators.revisions]] entry (date, field, old, new,
    reason) in the same write. A change that would make the measure invalid is refused.
    """
    from kpi.edit.target import TargetChange, revise_target
    from kpi.views.edit import target_lines

    change = TargetChange(target, deadline, baseline, baseline_year, tuple(milestone or ()))
    print_lines(
        target_lines(revise_target(options.root_of(directory), measure, indicator, change, reason), options.lang_of(lang))
    )
