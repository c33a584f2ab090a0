"""``kpi diff``: what changed between two git revisions of the plan."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi.cli import options
from kpi.i18n import N_

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app


@commands.command()
def diff(
    base: Annotated[
        str | None,
        typer.Argument(metavar=N_("BASE"), help=N_("Older revision. Default: the merge base with the default branch.")),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(metavar=N_("HEAD"), help=N_("Newer revision. Default: the working tree."), show_default=False),
    ] = None,
    directory: options.DirOption = None,
    year: options.YearOption = None,
    format: options.DiffFormatOption = options.DiffFormat.text,
    lang: options.LangOption = None,
) -> None:
    """Compare the plan at two git revisions, measure by measure.

    Example: kpi diff main --format md

    Lists measures added, removed, renamed or retired; targets, deadlines, baselines and milestones
    changed (old → new, whether ambition is lowered, the revision's reason); figures added or
    changed; and status changes, with the counts first.
    """
    from kpi.history.diff import diff_plan
    from kpi.i18n import speaking
    from kpi.views import diff as view

    result = diff_plan(options.root_of(directory), base, head, year=options.year_of(year))
    render = {options.DiffFormat.json: view.to_json, options.DiffFormat.md: view.to_markdown}.get(format, view.to_text)
    with speaking(options.lang_of(lang)):
        text = render(result)
    if format is not options.DiffFormat.json:  # json escapes control characters itself
        from kpi.text import terminal_safe

        text = terminal_safe(text)
    typer.echo(text, nl=False)
