"""``kpi diff``: what changed between two git revisions of the plan."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi.cli.app import app
from kpi.cli.options import DiffFormat, DirOption, YearOption, root_of, year_of


@app.command()
def diff(
    base: Annotated[
        str | None,
        typer.Argument(metavar="BASE", help="Older revision. Default: the merge base with the default branch."),
    ] = None,
    head: Annotated[
        str | None, typer.Argument(metavar="HEAD", help="Newer revision. Default: the working tree.", show_default=False)
    ] = None,
    directory: DirOption = None,
    year: YearOption = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text; md: a pull-request comment; json.")
    ] = DiffFormat.text,
) -> None:
    """Compare the plan at two git revisions, measure by measure.

    Example: kpi diff main --format md

    Lists measures added, removed, renamed or retired; targets, deadlines, baselines and milestones
    changed (old → new, whether ambition is lowered, the revision's reason); figures added or
    changed; and status changes, with the counts first.
    """
    from kpi.history.diff import diff_plan
    from kpi.views import diff as view

    result = diff_plan(root_of(directory), base, head, year=year_of(year))
    render = {DiffFormat.json: view.to_json, DiffFormat.md: view.to_markdown}.get(format, view.to_text)
    text = render(result)
    if format is not DiffFormat.json:  # json escapes control characters itself
        from kpi.text import terminal_safe

        text = terminal_safe(text)
    typer.echo(text, nl=False)
