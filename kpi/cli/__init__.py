"""The `kpi` command line: parse options, call one function of the `kpi` library, render the result.

``main`` (kpi.cli.run) is the entry point and imports no typer; ``app``, the typer app with every command
(kpi.cli.typer_app), is loaded when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpi.cli.run import main
from kpi.cli.status import ExitStatus

if TYPE_CHECKING:
    from kpi.cli.typer_app import app

__all__ = ["ExitStatus", "app", "main"]


def __getattr__(name: str) -> object:
    if name == "app":
        from kpi.cli.typer_app import app

        return app
    from kpi.i18n import _

    raise AttributeError(_("module {module} has no attribute {name!r}", module=__name__, name=name))
