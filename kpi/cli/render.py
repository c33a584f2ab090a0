"""What the commands share for writing to the terminal: the rich console, markup escaping, plain lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from kpi.model import Status

__all__ = ["console", "escape", "print_lines", "styled_status"]


def escape(text: str) -> str:
    """Make file content safe for rich markup (a title may contain [brackets]) and for the terminal (no escapes)."""
    from rich.markup import escape as rich_escape

    from kpi.text import terminal_safe

    return rich_escape(terminal_safe(shortened(text)))


TERMINAL_LIMIT = 4_000  # characters of one text shown in the terminal (a 10 MB title took rich minutes to wrap)


def shortened(text: str) -> str:
    """``text``, or its start and a note of its length when longer than a terminal is any use for."""
    if len(text) <= TERMINAL_LIMIT:
        return text
    return f"{text[:TERMINAL_LIMIT]}… (+{len(text) - TERMINAL_LIMIT:,} characters; see the file)"


def styled_status(text: str, status: Status) -> str:
    """The (already escaped) status word in its colour."""
    from kpi.views.colours import STATUS_COLOURS

    return f"[{STATUS_COLOURS[status].terminal}]{text}[/]"


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False)


def print_lines(lines: Sequence[str], *, err: bool = False) -> None:
    """Plain lines, with any control character from a plan file shown as an escape, never acted on."""
    from kpi.text import terminal_safe

    for line in lines:
        typer.echo(terminal_safe(shortened(line)), err=err)
