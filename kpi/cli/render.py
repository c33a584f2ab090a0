"""What the commands share for writing to the terminal: the rich console, markup escaping, plain lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from kpi.model import Status

__all__ = ["console", "escape", "print_lines", "print_warnings", "styled_status"]


def escape(text: str) -> str:
    """Make file content safe for rich markup (a title may contain [brackets])."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def styled_status(text: str, status: Status) -> str:
    """The (already escaped) status word in its colour."""
    from kpi.views.colours import STATUS_COLOURS

    return f"[{STATUS_COLOURS[status].terminal}]{text}[/]"


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False)


def print_lines(lines: Sequence[str]) -> None:
    for line in lines:
        typer.echo(line)


def print_warnings(lines: Sequence[str]) -> None:
    """Diagnostics beside the data: on stderr."""
    for line in lines:
        typer.echo(line, err=True)
