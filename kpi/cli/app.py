"""The typer app, its exit codes and the entry point; the commands register on ``app`` from their own modules."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from enum import IntEnum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo

from kpi import __version__
from kpi.i18n import N_, Lang, _

__all__ = ["ExitStatus", "app", "invoked", "main"]


class ExitStatus(IntEnum):
    """kpi's exit codes, decided here and nowhere else."""

    OK = 0
    ERROR = 1  # a KpiError: one line on stderr, no traceback; also `kpi check` finding an error
    USAGE = 2  # bad options or arguments (click's own code)
    INTERRUPTED = 130  # Ctrl-C


class KpiHelpFormatter(typer.Context.formatter_class):  # type: ignore[valid-type,misc]
    """click's help layout with its own words (Usage:, Options, [default: …]) in the active language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _(prefix if prefix is not None else "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _extras(_(text))) for term, text in rows], col_max, col_spacing)


class KpiContext(typer.Context):
    formatter_class = KpiHelpFormatter

    def get_help(self) -> str:
        """The help page, its texts put in the active language first (a group lists its commands' short help)."""
        help_in_language(self.command)
        group = self.command
        if isinstance(group, TyperGroup):
            for name in group.list_commands(self):
                command = group.get_command(self, name)
                if command is not None:
                    help_in_language(command)
        return str(super().get_help())


# click's and typer's own words in a help page; the catalog holds them like kpi's (they print through _ above).
CLICK_WORDS = (
    N_("Usage: "),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("default"),
    N_("required"),
)
_EXTRA = re.compile(r"\[(default: |required)([^\]]*)\]$")


def _extras(text: str) -> str:
    """``[default: x]`` and ``[required]`` at the end of an option's help, in the active language."""
    match = _EXTRA.search(text)
    if match is None:
        return text
    word = match.group(1)
    said = f"{_('default')}: " if word == "default: " else _("required")
    return f"{text[: match.start()]}[{said}{match.group(2)}]"


def translated(command: Any) -> Any:
    """``command`` with kpi's help layout; its help texts are put in the active language when help is shown (a run
    that shows none need not load the catalog)."""
    command.context_class = KpiContext
    return command


def help_in_language(command: Any) -> None:
    """``command``'s help texts (written as catalog ids) in the active language; once per command object."""
    if getattr(command, "_kpi_translated", False):
        return
    for name in ("help", "short_help", "epilog"):
        text = getattr(command, name, None)
        if text:
            setattr(command, name, _(text))
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = _(text)
    command._kpi_translated = True


class KpiGroup(TyperGroup):
    """Turns a kpi error into one line and exit 1, and Ctrl-C into exit 130; speaks the run's language."""

    context_class = KpiContext

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        """The run's language is decided before anything prints: ``--lang`` anywhere, then KPI_LANG, the locale."""
        import sys

        from kpi.i18n import choose, speaking

        with speaking(choose(list(args) if args is not None else sys.argv[1:])):
            translated(self)
            return super().main(args, *rest, **options)

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        command = super().get_command(ctx, cmd_name)
        return None if command is None else translated(command)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from kpi.errors import KpiError

        try:
            return super().invoke(ctx)
        except KpiError as exc:
            from kpi.text import terminal_safe

            typer.echo(_("Error: {message}", message=terminal_safe(str(exc))), err=True)
            ctx.exit(ExitStatus.ERROR)
        except KeyboardInterrupt:
            typer.echo(_("Interrupted."), err=True)
            ctx.exit(ExitStatus.INTERRUPTED)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        from kpi.cli.coerce import fast_coercion

        fast_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> tuple[str | None, Any, list[str]]:  # type: ignore[override]
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            from kpi.cli.coerce import fast_coercion

            fast_coercion(command.get_params(ctx))  # the invoked command's options, coerced without pydantic
        return name, command, rest


app = typer.Typer(
    name="kpi",
    cls=KpiGroup,
    help=N_(
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
        bool, typer.Option("--version", callback=_version, is_eager=True, help=N_("Print the version and exit."))
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            metavar="<ja|en>",
            help=N_("Language of messages, help and labels. Default: KPI_LANG, else ja when the locale is Japanese."),
        ),
    ] = None,
) -> None:
    """Track the measures of 孤独・孤立対策重点計画."""


def main() -> None:
    """Entry point of the `kpi` command."""
    import gc

    # A run builds a plan of many small objects that all live until it ends, and makes next to no cyclic garbage
    # (reference counting frees the rest): the cyclic collector would only scan the plan again and again, a third
    # of a 20,000-measure report. benchmarks/run.py measures the peak memory this leaves.
    gc.disable()
    import sys

    invoked(sys.argv[1:])()


def invoked(args: list[str]) -> typer.Typer:
    """The app with only the commands this run can invoke: typer builds the options of the commands it holds.

    ``kpi report …`` needs only ``report``; ``kpi --version`` none. ``kpi``, ``kpi --help``, an unknown command
    (for typer's "did you mean") and anything unusual get the whole app, so every output is the same.
    """
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if "--help" in args[: args.index(name) if name else len(args)] or not args or "--" in args:
        return app
    only = [info for info in app.registered_commands if command_name(info) == name]
    if name is not None and not only:
        return app
    view = copy.copy(app)
    view.registered_commands = only
    return view


def command_name(info: CommandInfo) -> str:
    """The name typer gives a command: its own, else its function's with - for _."""
    assert info.callback is not None
    return info.name or info.callback.__name__.lower().replace("_", "-")
