"""Headings (pillars) of the plan: ``1-2`` is shown as ``(1)②`` with the heading's words when known.

The words come from kpi.toml's ``[headings.<edition>]`` tables; a code with no words there shows alone.
"""

from __future__ import annotations

from collections.abc import Mapping

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def pillar_code(code: str | None) -> str:
    """``1-2`` -> ``(1)②``; ``3`` -> ``(3)``; None or empty -> empty."""
    if not code:
        return ""
    parts = code.split("-")
    text = f"({parts[0]})"
    for part in parts[1:]:
        index = int(part) - 1 if part.isdigit() else -1
        text += CIRCLED[index] if 0 <= index < len(CIRCLED) else f"-{part}"
    return text


def heading(code: str | None, words_by_code: Mapping[str, str]) -> str:
    """``(1)② 支援情報が網羅された…`` when kpi.toml gives the heading's words, else ``(1)②``."""
    words = words_by_code.get(code or "")
    shown = pillar_code(code)
    return f"{shown} {words}" if words else shown
