"""JSON text in pieces: the very text of ``json.dumps(value, ensure_ascii=False, indent=2) + "\\n"``, where a list
given as an iterator is written an element at a time. A long list is then never whole in memory, nor its text:
each element is made, written and let go (``kpi missing`` and ``kpi lagging`` at 100,000 measures).

The elements are written here, not by ``json.dumps``: with ``indent`` it builds its encoder anew on every call, a
knot of functions that refer to each other which only the cyclic collector frees, and a kpi run turns that
collector off (kpi.cli.run.main): a call per element left 150 MB of dead encoders at 100,000 measures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C function json.dumps(ensure_ascii=False) writes a text with
from typing import Any

__all__ = ["indented_pieces"]


def indented_pieces(value: Any, parts_per_piece: int = 2000) -> Iterator[str]:
    """``value`` as indented JSON ending with a line break, in pieces of a few thousand parts each. Iterators in it
    (at any depth, inside dicts and other iterators) stand for lists; everything else is as ``json.dumps`` takes it."""
    buffer: list[str] = []
    for part in _parts(value, 0):
        buffer.append(part)
        if len(buffer) >= parts_per_piece:
            yield "".join(buffer)
            buffer = []
    buffer.append("\n")
    yield "".join(buffer)


def _streams(value: Any) -> bool:
    """Whether ``value`` holds an iterator to write an element at a time (else it is written whole)."""
    if isinstance(value, dict):
        return any(_streams(v) for v in value.values())
    return isinstance(value, Iterator) or (isinstance(value, list | tuple) and any(_streams(v) for v in value))


def _parts(value: Any, level: int) -> Iterator[str]:
    """The text of ``value`` nested ``level`` deep, as json.dumps with indent=2 writes it there."""
    if not _streams(value):
        yield _text(value, level)
        return
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        yield "{"  # not empty: it holds what streams
        for index, (key, item) in enumerate(value.items()):
            yield ("," if index else "") + inner + encode_basestring(key) + ": "
            yield from _parts(item, level + 1)
        yield "\n" + "  " * level + "}"
        return
    started = False
    for element in value:
        yield ("," if started else "[") + inner
        yield from _parts(element, level + 1)
        started = True
    yield "\n" + "  " * level + "]" if started else "[]"


def _text(value: Any, level: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` nested ``level`` deep: its checks in its order (a str
    before an int, True before an int, an int before a float), its words for None, booleans and floats."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        return "[" + inner + ("," + inner).join([_text(v, level + 1) for v in value]) + "\n" + "  " * level + "]"
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        items = [encode_basestring(k) + ": " + _text(v, level + 1) for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    # anything else (keys that are not texts, objects json cannot write): json.dumps's own text, or its TypeError
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)
