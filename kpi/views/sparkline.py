"""Sparklines: a row of block characters for a series of yearly figures (gaps for missing years)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from kpi.model import Indicator

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """``[1, 2, None, 4]`` -> ``▁▃ █``; a flat series is drawn at mid height; empty -> ""."""
    known = [v for v in values if v is not None and math.isfinite(v)]
    if not known:
        return ""
    lo, hi = min(known), max(known)
    out = []
    for value in values:
        if value is None or not math.isfinite(value):
            out.append(" ")
        elif hi == lo:
            out.append(BARS[len(BARS) // 2])
        else:
            out.append(BARS[round((value - lo) / (hi - lo) * (len(BARS) - 1))])
    return "".join(out)


def indicator_sparkline(indicator: Indicator, upto: int | None = None) -> tuple[str, int, int] | None:
    """The sparkline of an indicator's numeric actuals (one character per year, up to ``upto``),
    with its first and last year; None when fewer than two figures exist."""
    numeric = {a.year: a.value for a in indicator.actuals if a.value is not None and (upto is None or a.year <= upto)}
    if len(numeric) < 2:
        return None
    first, last = min(numeric), max(numeric)
    return sparkline([numeric.get(year) for year in range(first, last + 1)]), first, last
