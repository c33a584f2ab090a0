"""Small text helpers every layer uses: numbers as officers read them, a figure with its unit, a file's shown path."""

from __future__ import annotations

import math
import os
from pathlib import Path

from kpi.model import Actual

__all__ = ["actual_text", "finite", "number", "percent", "shown_path"]


def number(value: float | None) -> str:
    """``130000`` -> ``130,000``; ``84.30`` -> ``84.3``; None -> empty."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def finite(value: float | None) -> float | None:
    """The number, or None for undefined, NaN or infinite results (JSON, SQLite and spreadsheets have no NaN)."""
    if value is None or not math.isfinite(value):
        return None
    return value


def actual_text(actual: Actual, unit: str) -> str:
    """One recorded figure as a message shows it: ``120,000 人``, or the qualitative status (``done``)."""
    if actual.status is not None:
        return actual.status.value
    return f"{number(actual.value)} {unit}".rstrip()


def shown_path(path: Path, root: Path | None) -> str:
    """How kpi names a file: relative to the plan root, with forward slashes (``measures/2024-008.toml``)."""
    if root is None:
        return path.as_posix()
    text, base = str(path), str(root)
    if base == "." and not os.path.isabs(text):
        return text.replace(os.sep, "/")
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:  # the common case, without pathlib's cost
        return text[len(base) + 1 :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # a measures folder outside the plan root
        return Path(os.path.relpath(path, root)).as_posix()


def excerpt(text: str | None, limit: int = 40) -> str:
    """A report text on one line, cut to ``limit`` characters: 「…」 quoted in messages and diffs."""
    if not text:
        return ""
    flat = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
