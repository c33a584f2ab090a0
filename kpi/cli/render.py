"""What the commands share for writing to the terminal: the rich console, markup escaping, plain lines."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console


__all__ = ["console", "emit", "escape", "print_lines", "screen_width", "use_colour"]


def escape(text: str) -> str:
    """Make file content safe for rich markup (a title may contain [brackets])."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False)


def screen_width() -> int:
    """The terminal's width in columns (COLUMNS when set); 80 when not a terminal."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def use_colour() -> bool:
    """ANSI colours only when standard output is a terminal (and NO_COLOR is not set)."""
    import os
    import sys

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def emit(text: str, output: Path | None, *, csv: bool = False) -> None:
    """``text`` to standard output, or to the file ``output`` (replaced whole; csv starts with a BOM for Excel)."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from kpi.export import write_atomic
    from kpi.views.csvfile import BOM

    data = ((BOM if csv else "") + text).encode("utf-8")
    write_atomic(output, data)
    typer.echo(f"Wrote {output} ({len(data):,} bytes)", err=True)


def print_lines(lines: Sequence[str]) -> None:
    for line in lines:
        typer.echo(line)
