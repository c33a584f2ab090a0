"""The JSON export: the rows as data, with the summaries and the provenance, written a few hundred rows at a time."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring

from kpi.export.plain import PIECE_ROWS, keyed_rows, listed_headings, summaries
from kpi.export.table import Evaluation

_JSON = json.JSONEncoder(ensure_ascii=False, indent=2).encode  # what json.dumps(value, ensure_ascii=False, indent=2) gives


def _nested(value: object, depth: int) -> str:
    """``value``'s JSON text as it reads ``depth`` levels down a larger indented document (a JSON text holds no
    newline but those of its indentation: a newline in a string is written \\n)."""
    return _JSON(value).replace("\n", "\n" + "  " * depth)


def _indented(value: object, depth: int) -> str:
    """``_nested(value, depth)``, written here for the rows' plain values (dicts of text keys, lists, text, numbers,
    booleans, None). json's indenting encoder is made of Python closures that refer to each other: each call leaves
    a reference cycle that only the cyclic collector frees, and a run keeps it off (kpi.cli.run.main) — 600 MB of
    them at 100,000 rows. What this does not know (other keys or values) goes to json itself."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and abs(value) != math.inf:
        return float.__repr__(value)
    pad = "\n" + "  " * (depth + 1)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[" + pad + ("," + pad).join(_indented(v, depth + 1) for v in value) + "\n" + "  " * depth + "]"
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        if not value:
            return "{}"
        members = (encode_basestring(k) + ": " + _indented(v, depth + 1) for k, v in value.items())
        return "{" + pad + ("," + pad).join(members) + "\n" + "  " * depth + "}"
    return _nested(value, depth)


def _open(value: dict[str, object], depth: int) -> str:
    """``value``'s JSON text ``depth`` levels down, left open after its last member, an empty list, for the list's
    items to follow: ``{"a": 1, "rows": [`` (indented)."""
    return _nested(value, depth).removesuffix("[]\n" + "  " * depth + "}")


def _items(items: Iterable[object], depth: int) -> Iterator[str]:
    """The JSON text of the list of ``items``, ``depth`` levels down, an item at a time (``[]`` when none)."""
    inner = "\n" + "  " * (depth + 1)
    before = "[" + inner
    for item in items:
        yield before + _indented(item, depth + 1)
        before = "," + inner
    yield "[]" if before.startswith("[") else "\n" + "  " * depth + "]"


def json_pieces(ev: Evaluation, rows_per_piece: int = PIECE_ROWS) -> Iterator[str]:
    """The rows as data, with the summaries and the provenance: ``json.dumps(payload, ensure_ascii=False,
    indent=2) + "\\n"`` of {provenance, headings, rows, summary}, made and given a few hundred rows at a time."""
    cols = ev.machine_columns()
    fields = [c.key for c in cols if not c.key.startswith("fy")]
    years = [c.key for c in cols if c.key.startswith("fy")]

    def records() -> Iterator[dict[str, object]]:
        for key, row in keyed_rows(ev):
            record = {k: row.values[k] for k in fields}
            record["pillar"] = key  # the heading's code, where the columns hold its text
            record["recent_actuals"] = {k[2:]: row.values[k] for k in years}
            yield record

    def pieces() -> Iterator[str]:
        yield _open({"provenance": ev.provenance.record(), "headings": listed_headings(ev), "rows": []}, 0)
        yield from _items(records(), 1)
        yield ',\n  "summary": '
        before = "{"
        for summary in summaries(ev):
            yield before + "\n    " + _JSON(summary.key) + ": "
            yield _open({"title": summary.title, "header": list(summary.header), "rows": []}, 2)
            yield from _items((list(values) for values in summary.rows), 3)
            yield "\n    }"
            before = ","
        yield "{}" if before == "{" else "\n  }"
        yield "\n}\n"

    parts: list[str] = []
    for piece in pieces():
        parts.append(piece)
        if len(parts) >= rows_per_piece:
            yield "".join(parts)
            parts = []
    yield "".join(parts)


def to_json(ev: Evaluation) -> str:
    """The rows as data, with the summaries and the provenance: ``json_pieces`` joined."""
    return "".join(json_pieces(ev))
