"""What the commands share for writing to the terminal: echo, the rich console, markup escaping, plain lines.

Nothing here imports typer: a plain ``kpi report`` writes through it before typer is loaded (kpi.cli.run).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


__all__ = ["console", "echo", "emit", "escape", "plain_streams", "print_lines", "print_warnings", "screen_width", "use_colour"]


def plain_streams() -> bool:
    """Standard output and error are ordinary text streams: not Windows, not an encoding misread as ASCII.

    There ``echo`` below writes what click's echo would; elsewhere click's own ways apply (a Windows console's
    colours, an ASCII-configured stream written as UTF-8), so ``echo`` hands the text to it.
    """
    if sys.platform == "win32":
        return False
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        try:
            if encoding is None or codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """``text`` on standard output (``err``: standard error), flushed; colour codes kept only for a terminal.

    The same bytes as typer's echo, without loading typer for it (a plain ``kpi report`` never needs typer).
    """
    if not plain_streams():
        import typer

        typer.echo(text, err=err, nl=nl)
        return
    stream = sys.stderr if err else sys.stdout
    if nl:
        text += "\n"
    if "\x1b" in text and not _isatty(stream):
        import re

        text = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)  # colour codes are for a terminal: not in a file or pipe
    stream.write(text)
    stream.flush()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except Exception:
        return False


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
    from kpi.i18n import _

    rest = f"{len(text) - TERMINAL_LIMIT:,}"
    return text[:TERMINAL_LIMIT] + _("… (+{count} characters; see the file)", count=rest)


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

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def emit(text: str, output: Path | None, *, csv: bool = False) -> None:
    """``text`` to standard output, or to the file ``output`` (replaced whole; csv starts with a BOM for Excel)."""
    emit_pieces((text,), output, csv=csv)


def emit_pieces(pieces: Iterable[str], output: Path | None, *, csv: bool = False) -> None:
    """``emit`` of the pieces joined, each written as it comes: a large output is never whole in memory. A piece made
    after a file could not be written is not made; an error while making them leaves ``output`` as it was."""
    if output is None:
        for piece in pieces:
            echo(piece, nl=False)
        return
    from kpi.export import write_pieces
    from kpi.views.csvfile import BOM

    encoded = (piece.encode("utf-8") for piece in itertools.chain([BOM] if csv else [], pieces))
    size = write_pieces(output, encoded)
    from kpi.i18n import _

    echo(_("Wrote {path} ({size} bytes)", path=output, size=f"{size:,}"), err=True)


def emit_lines(lines: Iterable[str], output: Path | None, *, per_piece: int = 1000) -> None:
    """``emit`` of the lines, each ended by a newline, written ``per_piece`` at a time as they are made."""

    def pieces() -> Iterator[str]:
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if len(chunk) == per_piece:
                chunk.append("")
                yield "\n".join(chunk)
                chunk = []
        if chunk:
            chunk.append("")
            yield "\n".join(chunk)

    emit_pieces(pieces(), output)


def print_lines(lines: Sequence[str], *, err: bool = False) -> None:
    """Plain lines, with any control character from a plan file shown as an escape, never acted on."""
    from kpi.text import terminal_safe

    for line in lines:
        echo(terminal_safe(shortened(line)), err=err)


def print_warnings(lines: Sequence[str]) -> None:
    """Diagnostics beside the data: on stderr."""
    print_lines(lines, err=True)
