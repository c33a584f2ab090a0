"""How a run of ``kpi`` starts and ends: the entry point, the error line, and the quick way through a plain report.

typer takes about as long to build a command line as kpi takes to read, judge and print the whole national plan.
A ``kpi report`` whose options are all plainly written needs none of it: this module reads them, with the names
and values typer's declaration in kpi/cli/report.py gives them, and calls the same function (kpi.cli.reporting).
Everything else goes to typer: ``--help``, an option not in :data:`REPORT_OPTIONS`, a value typer would have to
coerce or refuse (``--edition +2025``, ``--format xml``), ``--``, any other command. So help texts and usage errors
are always typer's own, and tests/cli/test_quick_report.py runs both ways and compares every byte.

Nothing here imports typer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi.cli.render import echo
from kpi.cli.status import ExitStatus, failure_text, version_line

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["REPORT_OPTIONS", "main", "report_call"]


def main() -> None:
    """Entry point of the `kpi` command."""
    import gc

    # A run builds a plan of many small objects that all live until it ends, and makes next to no cyclic garbage
    # (reference counting frees the rest): the cyclic collector would only scan the plan again and again, a third
    # of a 20,000-measure report. benchmarks/run.py measures the peak memory this leaves.
    gc.disable()
    args = sys.argv[1:]
    if args == ["--version"]:
        echo(version_line())
        return
    call = report_call(args)
    if call is not None:
        run_quickly(args, call)
        return
    from kpi.cli.typer_app import invoked

    invoked(args)()


# kpi report's options as typer declares them in kpi/cli/report.py: each name, the parameter it sets and how its
# value is read. tests/cli/test_quick_report.py holds this table equal to typer's declaration.
REPORT_OPTIONS: dict[str, tuple[str, str]] = {
    "--dir": ("directory", "path"),
    "-d": ("directory", "path"),
    "--year": ("year", "text"),
    "-y": ("year", "text"),
    "--edition": ("edition", "number"),
    "--method": ("method", "method"),
    "--ministry": ("ministry", "text"),
    "-m": ("ministry", "text"),
    "--pillar": ("pillar", "text"),
    "-p": ("pillar", "text"),
    "--lagging": ("lagging", "flag"),
    "--format": ("format", "format"),
    "-f": ("format", "format"),
    "--output": ("output", "path"),
    "-o": ("output", "path"),
    "--lang": ("lang", "lang"),
    "--strict": ("strict", "flag"),
}


def _choice(kind: str) -> Callable[[str], Any]:
    if kind == "method":
        from kpi.model import Method

        return Method
    if kind == "format":
        from kpi.cli.values import ReportFormat

        return ReportFormat
    from kpi.i18n import Lang

    return Lang


def _value(kind: str, text: str) -> object:
    """``text`` as typer gives it to the command, or None where typer's own reading is needed (it may refuse it)."""
    if text == "" or text.startswith("-"):
        return None
    if kind == "text":
        return text
    if kind == "path":
        return Path(text)
    if kind == "number":
        return int(text) if text.isascii() and text.isdigit() else None
    choices = _choice(kind)
    try:
        return choices(text)  # by value, case and all, as typer's choice of an enum
    except ValueError:
        return None


def report_call(args: list[str]) -> dict[str, object] | None:
    """The keyword arguments of a plainly written ``kpi report`` (``--lang`` may stand before it), else None."""
    at = 0
    while at < len(args) and args[at] != "report":  # before the command: --lang alone
        if args[at] == "--lang" and at + 1 < len(args) and _value("lang", args[at + 1]) is not None:
            at += 2
        elif args[at].startswith("--lang=") and _value("lang", args[at][len("--lang=") :]) is not None:
            at += 1
        else:
            return None
    if at == len(args):
        return None
    call: dict[str, object] = {}
    rest = iter(args[at + 1 :])
    for arg in rest:
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = REPORT_OPTIONS.get(name)
        if spec is None:  # an argument, --, --help, an unknown or joined short option: typer says what it is
            return None
        parameter, kind = spec
        if kind == "flag":
            if eq:
                return None
            call[parameter] = True
            continue
        text = inline if eq else next(rest, None)
        value = None if text is None else _value(kind, text)
        if value is None:
            return None
        call[parameter] = value  # given twice, the last counts (as in click)
    return call


def run_quickly(args: list[str], call: dict[str, object]) -> None:
    """``kpi report`` with ``call``'s options, ended as typer's app ends a run (kpi.cli.typer_app.KpiGroup)."""
    from kpi.cli.reporting import run_report
    from kpi.errors import KpiError
    from kpi.i18n import _, choose, speaking

    with speaking(choose(args)):
        try:
            run_report(**call)  # type: ignore[arg-type]
        except KpiError as exc:
            echo(failure_text(exc), err=True)
            raise SystemExit(ExitStatus.ERROR) from None
        except KeyboardInterrupt:
            echo(_("Interrupted."), err=True)
            raise SystemExit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (kpi report | head): nothing more to say, and nothing flushed at exit either.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(ExitStatus.ERROR) from None
