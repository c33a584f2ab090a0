"""The typer app with every command: help pages and click's errors in the run's language, a kpi error as one line.

Each command module declares its commands on a typer app of its own; ``app`` gathers them below. The entry point
(kpi.cli.run) comes here for everything but a plainly written ``kpi report`` and ``kpi --version``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo

from kpi.cli import check, collect, edit, export, history, narrate, new, report, review
from kpi.cli.status import ExitStatus, failure_text, version_line
from kpi.cli.values import LANG_HELP
from kpi.i18n import N_, Lang, _, active

__all__ = ["LANG_HELP", "ExitStatus", "app", "invoked"]


class KpiHelpFormatter(typer.Context.formatter_class):  # type: ignore[valid-type,misc]
    """click's help layout with its own words (Usage:, Options, [default: …], <path>) in the active language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for piece in USAGE_PIECES:
            args = args.replace(piece, _(piece))
        super().write_usage(prog, args, _(prefix if prefix is not None else "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_text(self, text: str) -> None:
        if active() is not Lang.JA or "\b" in text:
            super().write_text(text)
            return
        from kpi.views.plaintable import wrap

        indent = " " * self.current_indent
        paragraphs = [" ".join(part.split("\n")) for part in text.split("\n\n") if part.strip()]
        wrapped = ("\n".join(indent + line for line in wrap(part, self.width - self.current_indent)) for part in paragraphs)
        self.write("\n\n".join(wrapped) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        shown = [(_TYPE.sub(_type_word, term), _extras(_(text))) for term, text in rows]
        if active() is not Lang.JA:
            super().write_dl(shown, col_max, col_spacing)
            return
        # Japanese takes two columns a character: click counts characters, so its columns would not line up.
        from kpi.views.plaintable import pad, width, wrap

        first_col = min(max((width(term) for term, _text in shown), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in shown:
            if not text:
                self.write(f"{indent}{term}\n")
                continue
            if width(term) <= first_col - col_spacing:
                self.write(indent + pad(term, first_col))
            else:
                self.write(f"{indent}{term}\n{indent}{' ' * first_col}")
            text = _SHOWN_EXTRA.sub(lambda extra: extra.group(0).replace(" ", "\u00a0"), text)  # [既定値: x], one line
            lines = wrap(text, max(self.width - first_col - 2, 10))
            self.write("\n".join([lines[0], *(f"{indent}{' ' * first_col}{line}" for line in lines[1:])]) + "\n")


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

    def get_usage(self) -> str:
        """The usage line (shown before an error, whose message names arguments as the usage line does)."""
        help_in_language(self.command)
        return str(super().get_usage())


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
# The placeholders of a usage line, and the value types typer shows beside an option (``--note <str>``).
USAGE_PIECES = (N_("COMMAND [ARGS]..."), N_("[OPTIONS]"))
TYPE_WORDS = (N_("<str>"), N_("<int>"), N_("<path>"), N_("<list[str]>"), N_("<list[Path]>"))
_TYPE = re.compile(r"<[A-Za-z\[\]]+>")
_SHOWN_EXTRA = re.compile(r"\[[^\[\]]*\]$")
_EXTRA = re.compile(r"\[(default: |required)([^\]]*)\]$")


def _type_word(match: re.Match[str]) -> str:
    return _(match.group(0))


def _extras(text: str) -> str:
    """``[default: x]`` and ``[required]`` at the end of an option's help, in the active language."""
    match = _EXTRA.search(text)
    if match is None:
        return text
    word = match.group(1)
    said = f"{_('default')}: " if word == "default: " else _("required")
    return f"{text[: match.start()]}[{said}{match.group(2)}]"


def translated(command: Any) -> Any:
    """``command`` with kpi's help layout; its texts are put in the active language when help, a usage line or an
    error is shown (a run that shows none need not load the catalog)."""
    command.context_class = KpiContext
    return command


def help_in_language(command: Any) -> None:
    """``command``'s help texts and argument names (written as catalog ids) in the active language; once per command."""
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
        if param.metavar:  # an argument's name in the usage line and its errors: MEASURE → 施策
            param.metavar = _(param.metavar)
    command._kpi_translated = True


class KpiGroup(TyperGroup):
    """Turns a kpi error into one line and exit 1, and Ctrl-C into exit 130; speaks the run's language."""

    context_class = KpiContext

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """The run's language is decided before anything prints: ``--lang`` anywhere, then KPI_LANG, the locale.

        click's own errors (an unknown option, a missing argument, a wrong value) are shown here, in that
        language: click runs without its standalone handling and this does what it would, in the catalog's words.
        """
        import sys

        from kpi.i18n import choose, speaking

        with speaking(choose(list(args) if args is not None else sys.argv[1:])):
            translated(self)
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, False, **extra)
            try:
                status = super().main(args, prog_name, complete_var, False, **extra)
            except typer.TyperException as exc:  # click's errors derive from typer's
                show_error(exc)
                sys.exit(getattr(exc, "exit_code", ExitStatus.ERROR))
            except typer.Abort:
                typer.echo(_("Aborted!"), err=True)
                sys.exit(ExitStatus.ERROR)
            sys.exit(status if isinstance(status, int) else ExitStatus.OK)

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        command = super().get_command(ctx, cmd_name)
        return None if command is None else translated(command)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from kpi.errors import KpiError

        try:
            return super().invoke(ctx)
        except KpiError as exc:
            typer.echo(failure_text(exc), err=True)
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


# click's error messages as templates: each {field} matches any text, and a {message} is itself looked up again.
CLICK_ERRORS = (
    N_("No such option: {name} (Possible options: {options})"),
    N_("No such option: {name}"),
    N_("No such command {name}. Did you mean {matches}?"),
    N_("No such command {name}."),
    N_("Missing command."),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing option {name}. Choose from:\n\t{choices}"),
    N_("Invalid value for {name}: {message}"),
    N_("Invalid value: {message}"),
    N_("Value error, {value} is not one of {choices}."),
    N_("{value} is not one of {choices}."),
    N_("Input should be a valid integer, unable to parse string as an integer"),
    N_("Option {name} requires an argument."),
    N_("Option {name} does not take a value."),
    N_("Got unexpected extra argument(s) ({arguments})"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)), re.DOTALL)


_CLICK_PATTERNS: list[tuple[str, re.Pattern[str]]] = []


def said(message: str) -> str:
    """One of click's messages in the active language (a message of kpi's own is already in it)."""
    if not _CLICK_PATTERNS:
        _CLICK_PATTERNS.extend((template, _pattern(template)) for template in CLICK_ERRORS)
    for template, pattern in _CLICK_PATTERNS:
        match = pattern.fullmatch(message)
        if match is not None:
            fields = match.groupdict()
            if "message" in fields:
                fields["message"] = said(fields["message"])
            return _(template, **fields)
    return message


def show_error(exc: typer.TyperException) -> None:
    """What click shows for its error — the usage line, where to find help, the message — in the active language."""
    ctx = getattr(exc, "ctx", None)
    if getattr(exc, "exit_code", None) == ExitStatus.USAGE and isinstance(ctx, typer.Context):
        if exc.format_message() == ctx.get_help():  # no arguments at all: the help page is the answer
            typer.echo(exc.format_message(), err=True, color=ctx.color)
            return
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.", command=ctx.command_path, option=ctx.help_option_names[0])
            hint += "\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
    typer.echo(_("Error: {message}", message=said(exc.format_message())), err=True)


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
# Each command module declares its commands on a typer app of its own; the order here is the order --help lists.
for _module in (check, collect, edit, export, history, narrate, new, report, review):
    app.registered_commands.extend(_module.commands.registered_commands)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=N_("Print the version and exit."))
    ] = False,
    lang: Annotated[Lang | None, typer.Option("--lang", metavar="<ja|en>", help=LANG_HELP, show_default=False)] = None,
) -> None:
    """Track the measures of 孤独・孤立対策重点計画."""


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
