"""A small inline SVG chart per quantitative indicator: the planned path, milestones, actuals, deadline.

Pure string building: every text from a measure file is escaped, and the chart needs no script, font
download or stylesheet beyond the page's own.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from kpi.i18n import in_lang
from kpi.judge.assess import Assessment
from kpi.model import Kind, YearBasis
from kpi.text import number
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import Lang, status_label, year_label

WIDTH = 240
HEIGHT = 96
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 10, 20


@dataclass(frozen=True)
class Point:
    year: int
    value: float


def _actual_points(a: Assessment) -> list[Point]:
    ind = a.indicator
    shown = [x for x in ind.actuals if x.value is not None and x.year <= a.year]
    if ind.kind is Kind.CUMULATIVE and ind.start is not None:
        total, points = 0.0, []
        for x in shown:
            if x.year >= ind.start:
                total += x.value or 0.0
                points.append(Point(x.year, total))
        return points
    return [Point(x.year, x.value) for x in shown if x.value is not None]


def _plan_points(a: Assessment) -> list[Point]:
    ind = a.indicator
    if ind.kind is Kind.EVERY_YEAR or ind.target is None or ind.deadline is None:
        return []
    start: Point | None = None
    if ind.kind is Kind.CUMULATIVE and ind.start is not None:
        start = Point(ind.start - 1, 0.0)
    elif a.baseline is not None and a.baseline_year is not None:
        start = Point(a.baseline_year, a.baseline)
    steps = [Point(m.year, m.value) for m in ind.milestones] + [Point(ind.deadline, ind.target)]
    return ([start] if start else []) + steps


def svg_chart(a: Assessment, lang: Lang) -> str:
    """An inline ``<svg>`` for a quantitative indicator, or "" for a qualitative one or one with nothing to draw."""
    ind = a.indicator
    if not ind.quantitative:
        return ""
    # A running total can overflow to inf: such a point has no place on the chart.
    actuals = [p for p in _actual_points(a) if math.isfinite(p.value)]
    plan = [p for p in _plan_points(a) if math.isfinite(p.value)]
    listed = actuals  # the title lists every figure, those left off a broken axis too
    # The axis starts at the baseline (or the plan's start): a single far-away early figure would squash the rest.
    start = plan[0].year if plan else a.baseline_year
    if start is not None:
        actuals = [p for p in actuals if p.year >= start]
    # No baseline: the plan starts at the first figure, which may be decades before the rest. Break the axis after
    # such a gap, so one far-away year does not squash every other point into a few pixels.
    cut = _axis_start(sorted({p.year for p in actuals + plan} | {a.year} | ({ind.deadline} if ind.deadline else set())))
    if cut is not None:
        actuals = [p for p in actuals if p.year >= cut]
        plan = _plan_from(plan, cut)
    threshold = ind.target if ind.kind is Kind.EVERY_YEAR else None
    trend_base = a.baseline if ind.kind is Kind.TREND else None
    values = [p.value for p in actuals + plan] + [v for v in (threshold, trend_base) if v is not None and math.isfinite(v)]
    years = [p.year for p in actuals + plan] + [a.year] + ([ind.deadline] if ind.deadline else [])
    if not values or (not actuals and not plan):
        return ""
    data_lo, data_hi = min(values), max(values)
    scale = max(abs(data_lo), abs(data_hi)) or 1.0  # drawn in units of the largest figure: near 1e308, hi - lo overflows
    lo, hi = data_lo / scale, data_hi / scale
    if lo == hi:
        lo, hi = lo - (abs(lo) or 1) * 0.1, hi + (abs(hi) or 1) * 0.1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    y0, y1 = min(years), max(years)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    w, h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return round(LEFT + (year - y0) / (y1 - y0) * w, 1)

    def y(value: float) -> float:
        return round(TOP + (hi - value / scale) / (hi - lo) * h, 1)

    colour = STATUS_COLOURS[a.status].ink
    label = status_label(a.status, lang)
    unit = f" {ind.unit}" if ind.unit else ""

    def fy(year: int) -> str:  # 令和6年度 / 2024年 (FY2024 / CY2024): a calendar-year indicator never reads 年度
        return year_label(year, ind.year_basis, lang)

    sep = in_lang(lang, "; ", ctx="notes")
    figures = in_lang(lang, ", ", ctx="join").join(f"{fy(p.year)} {number(p.value)}{unit}" for p in listed)
    title = in_lang(lang, "{name}: actuals {figures}", name=ind.name, figures=figures)
    if ind.target is not None:
        target = f"{number(ind.target)}{unit}"
        if ind.deadline:
            target = in_lang(lang, "{figure} ({year})", figure=target, year=fy(ind.deadline))
        title += sep + in_lang(lang, "target {target}", target=target)
    title += sep + label
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{TOP + h}" x2="{LEFT + w}" y2="{TOP + h}" />',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + h}" />',
        f'<text class="tick" x="{LEFT - 3}" y="{y(data_hi) + 3}" text-anchor="end">{escape(_short(data_hi, lang))}</text>',
        f'<text class="tick" x="{LEFT + (11 if cut is not None else 0)}" y="{HEIGHT - 6}" text-anchor="start">{y0}</text>',
        f'<text class="tick" x="{LEFT + w}" y="{HEIGHT - 6}" text-anchor="end">{y1}</text>',
    ]
    if cut is not None:  # the axis is broken: earlier years (in the title) are left out
        parts.append(f'<text class="tick axis-break" x="{LEFT}" y="{HEIGHT - 6}" text-anchor="start">≈</text>')
    if data_lo != data_hi:
        parts.append(
            f'<text class="tick" x="{LEFT - 3}" y="{y(data_lo) + 3}" text-anchor="end">{escape(_short(data_lo, lang))}</text>'
        )
    if ind.deadline is not None and ind.kind is not Kind.EVERY_YEAR:
        parts.append(
            f'<line class="deadline" x1="{x(ind.deadline)}" y1="{TOP}" x2="{x(ind.deadline)}" y2="{TOP + h}"><title>'
            f"{escape(in_lang(lang, 'deadline {year}', year=fy(ind.deadline)))}</title></line>"
        )
    parts.append(f'<line class="now" x1="{x(a.year)}" y1="{TOP}" x2="{x(a.year)}" y2="{TOP + h}" />')
    now_label = year_label(a.year, YearBasis.FISCAL, lang)
    marks = [(x(p.year), y(p.value)) for p in actuals + plan]
    at, base, anchor = _label_place(x(a.year), text_units(now_label) * 5.2, marks, TOP + 7, TOP + h - 3, LEFT + w * 0.7)
    parts.append(f'<text class="tick now-label" x="{at}" y="{base}" text-anchor="{anchor}">{now_label}</text>')
    if plan:
        path = " ".join(f"{x(p.year)},{y(p.value)}" for p in plan)
        parts.append(f'<polyline class="plan" points="{path}" />')
        for p in plan[1:-1]:
            parts.append(
                _diamond(
                    x(p.year),
                    y(p.value),
                    in_lang(lang, "milestone {year}: {value}", year=fy(p.year), value=number(p.value) + unit),
                )
            )
        end = plan[-1]
        tip = in_lang(lang, "target {year}: {value}", year=fy(end.year), value=number(end.value) + unit)
        parts.append(f'<circle class="target" cx="{x(end.year)}" cy="{y(end.value)}" r="4"><title>{escape(tip)}</title></circle>')
    if threshold is not None:
        calendar = ind.year_basis is YearBasis.CALENDAR
        yearly = in_lang(lang, "yearly target", ctx="calendar") if calendar else in_lang(lang, "yearly target")
        parts.append(
            f'<line class="plan" x1="{LEFT}" y1="{y(threshold)}" x2="{LEFT + w}" y2="{y(threshold)}"><title>'
            f"{yearly} {escape(number(threshold) + unit)}</title></line>"
        )
    if trend_base is not None:
        parts.append(
            f'<line class="plan" x1="{LEFT}" y1="{y(trend_base)}" x2="{LEFT + w}" y2="{y(trend_base)}"><title>'
            f"{escape(in_lang(lang, 'baseline {value}', value=number(trend_base) + unit))}</title></line>"
        )
    if len(actuals) > 1:
        path = " ".join(f"{x(p.year)},{y(p.value)}" for p in actuals)
        parts.append(f'<polyline class="actual" points="{path}" style="stroke:{colour}" />')
    for p in actuals:
        parts.append(
            f'<circle class="actual" cx="{x(p.year)}" cy="{y(p.value)}" r="2.8" style="fill:{colour}"><title>'
            f"{fy(p.year)}: {escape(number(p.value) + unit)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def text_units(text: str) -> int:
    """Width in half-width characters (a full-width one counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _label_place(
    line: float, width: float, marks: list[tuple[float, float]], top: float, bottom: float, right: float
) -> tuple[float, float, str]:
    """Where the evaluation year's label goes beside its line: at the top or the bottom of the plot, on the side with
    room, wherever it covers no plotted point (x, baseline, anchor); the top corner if every place covers one."""
    sides = ["end", "start"] if line > right else ["start", "end"]
    places = [(base, anchor) for base in (top, bottom) for anchor in sides]
    for base, anchor in places:
        left = line - 2 - width if anchor == "end" else line + 2
        if not any(left - 4 < mx < left + width + 4 and base - 12 < my < base + 4 for mx, my in marks):
            return round(line + (-2 if anchor == "end" else 2), 1), base, anchor
    base, anchor = places[0]
    return round(line + (-2 if anchor == "end" else 2), 1), base, anchor


GAP = 5  # years: a wider gap before the rest of the chart breaks the axis


def _axis_start(years: list[int]) -> int | None:
    """The year after the last gap of more than GAP years that is wider than the span after it, or None."""
    cut = None
    for before, year in pairwise(years):
        if year - before > max(GAP, years[-1] - year):
            cut = year
    return cut


def _plan_from(plan: list[Point], cut: int) -> list[Point]:
    """The planned path from year ``cut`` on: its value there read off the line it was on."""
    later = [p for p in plan if p.year >= cut]
    earlier = [p for p in plan if p.year < cut]
    if not earlier or not later or later[0].year == cut:
        return later
    a, b = earlier[-1], later[0]
    return [Point(cut, a.value + (b.value - a.value) * (cut - a.year) / (b.year - a.year)), *later]


def _diamond(cx: float, cy: float, text: str) -> str:
    d = 4
    points = f"{cx},{cy - d} {cx + d},{cy} {cx},{cy + d} {cx - d},{cy}"
    return f'<polygon class="milestone" points="{points}"><title>{escape(text)}</title></polygon>'


def _short(value: float, lang: Lang = Lang.EN) -> str:
    """Axis labels: 18.6, 3,000; in Japanese 18.5万, 1.3億; in English 185k, 1.3M."""
    size = abs(value)
    if lang is Lang.JA and size >= 1e4:
        return f"{value / 1e8:.3g}億" if size >= 1e8 else f"{value / 1e4:.3g}万"
    if size >= 1e6:
        return f"{value / 1e6:.3g}M"
    if size >= 1e4:
        return f"{value / 1e3:.3g}k"
    if size >= 1 or size == 0:
        return number(round(value, 2))
    return f"{value:.2g}"
