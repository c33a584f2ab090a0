"""``kpi check``: validate kpi.toml and every measure file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli import options
from kpi.cli.status import ExitStatus
from kpi.i18n import N_, _

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app

if TYPE_CHECKING:
    from kpi.errors import Problem


@commands.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("PATHS"), help=N_("Only report problems in these files (the whole plan is still loaded).")),
    ] = None,
    directory: options.DirOption = None,
    format: options.CheckFormatOption = options.TextFormat.text,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar=N_("REV"),
            help=N_("Also fail on targets changed since git revision REV with no revisions entry."),
        ),
    ] = None,
    year: options.YearOption = None,
    lang: options.LangOption = None,
) -> None:
    """Validate kpi.toml and every measure file; list every problem.

    Example: kpi check --dir path/to/plan

    Prints one line per problem as path:line: key: message, warnings included, and exits 1 if any
    error was found (warnings alone exit 0). With --against main, a target, deadline, baseline or
    milestone that differs from main without a new [[indicators.revisions]] entry is an error.
    Without --against, each indicator that is lagging or far exceeded in the evaluation year
    (--year) while its measure's report has no issues text (課題・要因分析) is a warning.
    """
    from kpi.errors import Severity
    from kpi.history.policy import run_check
    from kpi.i18n import speaking

    problems = run_check(options.root_of(directory), against=against, paths=paths or (), year=options.year_of(year))
    with speaking(options.lang_of(lang)):
        print_check(problems, format)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(ExitStatus.ERROR)


def print_check(problems: Sequence[Problem], form: options.TextFormat) -> None:
    import json

    from kpi.cli.render import print_lines
    from kpi.errors import Severity
    from kpi.text import utf8_text

    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    if form is options.TextFormat.json:
        records = [
            {
                "path": utf8_text(p.path),
                "line": p.line,
                "key": p.key,
                "severity": p.severity.value,
                "message": utf8_text(p.message),
            }
            for p in problems
        ]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    print_lines([str(problem) for problem in problems])
    warnings = len(problems) - errors
    if errors or warnings:
        typer.echo(_("{errors} error(s), {warnings} warning(s)", errors=errors, warnings=warnings), err=True)
    else:
        typer.echo(_("All files are valid."), err=True)
