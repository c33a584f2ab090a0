"""Headings (pillars) of the plan: ``1-2`` is shown as ``(1)②`` with the heading's words when known.

The words come from kpi.toml's ``[headings.<edition>]`` tables; a code with no words there shows alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from kpi.text import pillar_text

Row = TypeVar("Row")


def heading(code: str | None, words_by_code: Mapping[str, str]) -> str:
    """``(1)② 支援情報が網羅された…`` when kpi.toml gives the heading's words, else ``(1)②``."""
    words = words_by_code.get(code or "")
    shown = pillar_text(code)
    return f"{shown} {words}" if words else shown


@dataclass(frozen=True)
class Group(Generic[Row]):
    """The rows under one heading of the current edition (an evaluation table's indicators, a follow-up's measures)."""

    pillar: str
    heading: str
    rows: tuple[Row, ...]


def by_heading(keyed: Iterable[tuple[str, Row]], words_by_code: Mapping[str, str]) -> tuple[Group[Row], ...]:
    """The rows, given with their heading's code, under their headings in the order the headings first come."""
    groups: dict[str, list[Row]] = {}
    for code, row in keyed:
        groups.setdefault(code, []).append(row)
    return tuple(Group(code, heading(code, words_by_code), tuple(rows)) for code, rows in groups.items())
