"""Layout-keeping edits of TOML text with tomlkit: change only the lines an edit needs.

Comments, blank lines, key order, quoting, inline tables, CRLF line ends and a UTF-8 BOM survive;
new values are written the way the measure files are written by hand (``{ value = 1, note = "…" }``).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kpi.i18n import _
from kpi.plan.tomlread import BOM

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.container import Container
    from tomlkit.items import AoT, InlineTable, Item, Table


@dataclass(frozen=True)
class TextForm:
    """How a file's text is laid out on disk, so a rewrite keeps it."""

    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        if self.crlf:
            # tomlkit keeps the CRLFs it read; only the lines it added end in a bare LF.
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return (BOM if self.bom else b"") + text.encode("utf-8")


def split_form(raw: bytes) -> tuple[TextForm, str]:
    """Bytes to (layout, text); the text keeps its own line ends. Raises UnicodeDecodeError."""
    bom = raw.startswith(BOM)
    text = raw[len(BOM) :].decode("utf-8") if bom else raw.decode("utf-8")
    lf = text.count("\n")
    crlf = text.count("\r\n")
    # Only a file written throughout with CRLF gets CRLF on new lines; a mixed one is left as it is.
    return TextForm(bom=bom, crlf=lf > 0 and crlf == lf), text


def parse(text: str) -> TOMLDocument:
    import tomlkit

    return tomlkit.parse(text)


def dumps(doc: TOMLDocument) -> str:
    import tomlkit

    return tomlkit.dumps(doc)


# -- values as TOML text -------------------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(text: str) -> str:
    """A TOML basic string; control characters (and DEL, which TOML forbids raw) are escaped."""
    return '"' + _escaped(text) + '"'


def _escaped(text: str, keep: str = "") -> str:
    """``text`` escaped for a TOML basic string, but for the characters in ``keep`` (newline and tab in a block)."""
    out = []
    for char in text:
        if char in keep:
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def toml_text(value: object) -> str:
    """``value`` as TOML source, in the style of the hand-written files."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(_("{value} cannot be written as a figure", value=value))
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_text(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {toml_text(v)}" for k, v in value.items()) + " }"
    raise TypeError(_("cannot write {type} as TOML", type=type(value).__name__))


def text_block(text: str) -> str:
    """Free text as TOML: one line as a basic string, several lines as a multi-line string that reads like the text."""
    if "\n" not in text:
        return toml_string(text)
    return '"""\n' + _escaped(text, keep="\n\t") + '"""'


def _key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else toml_string(key)


def item(value: object) -> Item:
    """A tomlkit item that renders exactly as ``toml_text(value)``."""
    return parse(f"x = {toml_text(value)}\n")["x"]  # type: ignore[no-any-return]


def inline_text(current: InlineTable, changes: dict[str, object]) -> str:
    """``current`` as TOML text with keys set from ``changes``; other keys keep their place and writing."""
    return _inline({k: toml_text(v) for k, v in changes.items()}, current)


def inline_with(current: InlineTable, changes: dict[str, str]) -> Item:
    """``current`` with keys set to the TOML texts in ``changes``, as an item."""
    return parse(f"x = {_inline(changes, current)}\n")["x"]  # type: ignore[no-any-return]


def _inline(texts: dict[str, str], current: InlineTable) -> str:
    parts: list[str] = []
    for key, value in current.value.body:
        if key is None:
            continue
        text = texts.get(key.key, value.as_string().strip())
        parts.append(f"{key.as_string().strip()} = {text}")
    parts.extend(f"{_key(k)} = {v}" for k, v in texts.items() if k not in current)
    return "{ " + ", ".join(parts) + " }" if parts else "{}"


def new_table(texts: dict[str, str]) -> Table:
    """A new table whose keys are set to the given TOML texts."""
    from tomlkit import table

    out = table()
    for key, text in texts.items():
        out.append(key, parse(f"x = {text}\n")["x"])
    return out


def table_entry(values: dict[str, object]) -> Table:
    """A table with one ``key = value`` line per entry (for an [[array]] element)."""
    lines = "".join(f"{_key(k)} = {toml_text(v)}\n" for k, v in values.items())
    return parse(f"[[x]]\n{lines}")["x"][0]  # type: ignore[no-any-return]


# -- placing keys and tables ---------------------------------------------------------------------------------------


def set_key(table: Table, key: str, value: object) -> None:
    """Set ``key`` (replacing its value in place, comment kept) or add it after the last plain key."""
    set_key_text(table, key, toml_text(value))


def set_key_text(table: Table, key: str, text: str) -> None:
    """``set_key`` with the value given as TOML text (e.g. a ``text_block``)."""
    from tomlkit.items import AoT, Table

    new = parse(f"x = {text}\n")["x"]
    if key in table:
        table[key] = new
        return
    body = table.value.body
    # New keys go after the last plain key: before any blank line and [sub.table] that follow it.
    position = 0
    for index, (name, existing) in enumerate(body):
        if isinstance(existing, Table | AoT):
            break
        if name is not None:
            position = index + 1
    insert_key(table.value, position, key, new)


def year_key_position(container: Container, year: int) -> int:
    """Where a new year key goes in an actuals table: after the last earlier year, else before the first later one."""
    from tomlkit.items import Comment, Whitespace

    body = container.body
    after = None
    before = None
    for index, (key, _item) in enumerate(body):
        if key is None or not key.key.isdigit():
            continue
        if int(key.key) < year:
            after = index
        elif before is None:
            before = index
    if after is not None:
        return after + 1
    if before is not None:
        return before
    # No year yet: after the last comment or key, before the blank line(s) that close the table.
    last = -1
    for index, (key, value) in enumerate(body):
        if key is not None or isinstance(value, Comment) or not isinstance(value, Whitespace):
            last = index
    return last + 1


def insert_key(container: Container, position: int, key: str, value: Item) -> None:
    if position >= len(container.body):
        container.append(key, value)
    else:
        container._insert_at(position, key, value)


def _newlines_at_end(body: list[tuple[Any, Item]]) -> int:
    """How many line ends the text of these items closes with: 0 (no newline at all), 1, or 2 (a blank line)."""
    from tomlkit.items import AoT, Table, Whitespace

    if not body:
        return 1  # right after a table header
    last = body[-1][1]
    if isinstance(last, Whitespace):
        # whitespace items follow a finished line, so a newline in one makes a blank line
        return 2 if "\n" in last.as_string() else _newlines_at_end(body[:-1])
    if isinstance(last, AoT):
        return _newlines_at_end(last[-1].value.body) if len(last) else 1
    if isinstance(last, Table):
        return _newlines_at_end(last.value.body)
    trail = last.trivia.trail.replace("\r\n", "\n")
    return min(len(trail) - len(trail.rstrip("\n")), 2)


def _space(table: Table, before: int) -> None:
    """Give a new table a blank line above it, and one below it when the file separates its tables so."""
    from tomlkit import ws

    if before >= 2:
        table.append(None, ws("\n"))
    table.trivia.indent = "\n" * (2 - before)


def insert_table(parent: Table, key: str, table: Table, *, before: str | None = None) -> None:
    """Add ``[parent.key]`` inside ``parent`` (before sub-table ``before`` if present), spaced like its neighbours."""
    container = parent.value
    body = container.body
    position = len(body)
    if before is not None:
        for index, (name, _item) in enumerate(body):
            if name is not None and name.key == before:
                position = index
                break
    newlines = _newlines_at_end(body[:position])
    insert_key(container, position, key, table)
    _space(table, newlines)


def append_entry(parent: Table, key: str, entry: Table) -> None:
    """Append ``entry`` to the array of tables ``[[parent.key]]``, creating it at the end of ``parent`` if needed."""
    from tomlkit import aot
    from tomlkit.items import AoT

    existing = parent.get(key)
    if isinstance(existing, AoT) and len(existing):
        newlines = _newlines_at_end(existing[-1].value.body)
        existing.append(entry)
    else:
        newlines = _newlines_at_end(parent.value.body)
        array: AoT = aot()
        array.append(entry)
        parent.append(key, array)
    _space(entry, newlines)
