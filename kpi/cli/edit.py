"""``kpi log`` and ``kpi target``: record a year's figure, revise a target with a reason."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi.cli import options
from kpi.cli.render import print_lines
from kpi.i18n import N_

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app

FIGURE = N_("[INDICATOR] YEAR VALUE")


@commands.command("log", context_settings={"ignore_unknown_options": True})
def log_command(
    measure: options.MeasureArg,
    figure: Annotated[
        list[str],
        typer.Argument(
            metavar=FIGURE,
            help=N_(
                "Indicator id (may be left out when the measure has one indicator), the year (2024, FY2024, R6, "
                "令和6年度 …) and the value: a number (1,234, １２３４, 12万, 約12万, 45.2% when the unit is %), or done / "
                "in_progress / not_started (実施済 / 実施中 / 未着手) for a qualitative indicator. With --delete, no value."
            ),
            show_default=False,
        ),
    ],
    note: Annotated[str | None, options.option("--note", help=N_("Note kept with the figure (速報値, 推計 …)."))] = None,
    source: Annotated[str | None, options.option("--source", help=N_("Where the figure comes from."))] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=N_("Replace a figure already recorded for YEAR (a note or source not given is dropped).")),
    ] = False,
    delete: Annotated[bool, typer.Option("--delete", help=N_("Remove the entry for YEAR instead of recording one."))] = False,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Record one year's figure of an indicator.

    Example: kpi log 8 search-site-access R6 120,000 --note 速報値

    Checks the whole measure before writing, never overwrites a recorded year without --force,
    and prints the indicator's new assessment. Running it again changes nothing.
    """
    from kpi.cli.render import print_warnings
    from kpi.edit.log import delete_figure, log_figure
    from kpi.edit.values import split_log_args
    from kpi.errors import KpiError
    from kpi.views.edit import log_lines, warning_lines

    try:
        indicator, year, value = split_log_args(figure, delete=delete)
    except KpiError as exc:
        from kpi.i18n import _

        raise typer.BadParameter(str(exc), param_hint=_(FIGURE)) from None
    root = options.root_of(directory)
    if delete:
        result = delete_figure(root, measure, indicator, year)
    else:
        result = log_figure(root, measure, indicator, year, value, note=note, source=source, force=force)
    shown = options.lang_of(lang)
    print_lines(log_lines(result, shown))
    print_warnings(warning_lines(result, shown))


@commands.command("target")
def target_command(
    measure: options.MeasureArg,
    indicator: options.IndicatorArg,
    reason: Annotated[
        str | None,
        options.option("--reason", help=N_("Why the target changes (required; kept in the file).")),
    ] = None,
    target: options.TargetOption = None,
    deadline: options.DeadlineOption = None,
    baseline: options.BaselineOption = None,
    baseline_year: options.BaselineYearOption = None,
    milestone: Annotated[
        list[str] | None,
        options.option("--milestone", help=N_("Interim target YEAR=VALUE (repeatable); YEAR= removes one.")),
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
