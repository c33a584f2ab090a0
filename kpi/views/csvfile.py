"""The one CSV writer of kpi: every report, list and export goes through ``csv_text``.

Spreadsheets split a row at any carriage return or line feed that is not inside quotes, and run a cell
that starts with ``= + - @`` as a formula, also at the start of each line of a cell. So:

- a field is quoted when it holds a comma, a quote, a CR or an LF (Python's csv module, with ``\\n`` line
  ends, leaves a bare CR unquoted: LibreOffice then starts a new row there);
- text is neutralised line by line (``safe_cell`` on every line of a cell), so no line of it is a formula;
- numbers are written as numbers (``Number`` marks text that is already a number's rendering).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kpi.views.cells import FORMULA_START

__all__ = ["BOM", "Number", "csv_cell", "csv_pieces", "csv_text", "ratio"]

BOM = "\ufeff"
_NEEDS_QUOTES = re.compile(r'[",\r\n]')
_LINE_START = re.compile(r"(\r\n|\r|\n)")


class Number(str):
    """A cell's text that is a number (or a boolean word) rendered already: written as is, never neutralised."""

    __slots__ = ()


def neutralise(text: str) -> str:
    """``safe_cell`` on every line of ``text``: a quote mark before each line that starts like a formula."""
    if not text:
        return text
    if text.startswith(FORMULA_START):  # also a cell that starts with a tab or a line break
        text = "'" + text
    parts = _LINE_START.split(text)
    # parts alternates text, line break, text, ...: the texts are at even indexes
    for index in range(0, len(parts), 2):
        if parts[index].startswith(FORMULA_START):
            parts[index] = "'" + parts[index]
    return "".join(parts)


def csv_cell(value: object) -> str:
    """One field as written: None empty, numbers as they are, text neutralised, quoted when it must be."""
    if value is None:
        text = ""
    elif isinstance(value, Number | int):  # bool is an int: True / False
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = neutralise(str(value))
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(rows: Iterable[Iterable[object]], *, line_end: str = "\r\n", bom: bool = False) -> str:
    """The rows as CSV text (RFC 4180: CRLF line ends by default), with a byte-order mark when ``bom``."""
    lines = [",".join(csv_cell(cell) for cell in row) for row in rows]
    text = line_end.join(lines) + (line_end if lines else "")
    return BOM + text if bom else text


def csv_pieces(rows: Iterable[Iterable[object]], *, line_end: str = "\r\n", rows_per_piece: int = 2000) -> Iterator[str]:
    """``csv_text`` of the rows (no BOM) in pieces of a few thousand rows, each made as the rows come: the rows and
    the text of a long list are never whole in memory."""
    chunk: list[Iterable[object]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= rows_per_piece:
            yield csv_text(chunk, line_end=line_end)
            chunk = []
    if chunk:
        yield csv_text(chunk, line_end=line_end)


def ratio(value: float | None, places: int = 3) -> float | None:
    """A ratio rounded as people read it (0.367 is 36.7%), so a spreadsheet does not show 0.36666666666666664."""
    return None if value is None else round(value, places)
