"""The typer app, its exit codes and the entry point; the commands register on ``app`` from their own modules."""

from __future__ import annotations

from enum import IntEnum
from typing import Annotated

import typer
from typer.core import TyperGroup

from kpi import __version__

__all__ = ["ExitStatus", "app", "main"]


class ExitStatus(IntEnum):
    """kpi's exit codes, decided here and nowhere else."""

    OK = 0
    ERROR = 1  # a KpiError: one line on stderr, no traceback; also `kpi check` finding an error
    USAGE = 2  # bad options or arguments (click's own code)
    INTERRUPTED = 130  # Ctrl-C


class KpiGroup(TyperGroup):
    """Turns a kpi error into one line and exit 1, and Ctrl-C into exit 130."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from kpi.errors import KpiError

        try:
            return super().invoke(ctx)
        except KpiError as exc:
            from kpi.text import terminal_safe

            typer.echo(f"Error: {terminal_safe(str(exc))}", err=True)
            ctx.exit(ExitStatus.ERROR)
        except KeyboardInterrupt:
            typer.echo("Interrupted.", err=True)
            ctx.exit(ExitStatus.INTERRUPTED)


app = typer.Typer(
    name="kpi",
    cls=KpiGroup,
    help=(
        "Track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment.\n\n"
        "Each measure is a TOML file under measures/; the plan root holds kpi.toml. "
        "Start with `kpi report` (the attainment table) or `kpi check` (validate every file)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Track the measures of 孤独・孤立対策重点計画."""


def main() -> None:
    """Entry point of the `kpi` command."""
    import gc

    # A run builds a plan of many small objects that all live until it ends, and makes next to no cyclic garbage
    # (reference counting frees the rest): the cyclic collector would only scan the plan again and again, a third
    # of a 20,000-measure report. benchmarks/run.py measures the peak memory this leaves.
    gc.disable()
    app()
