"""The review table's columns and its figures cell, shared by the workbook's 評価表 sheet and the printed paper.

Eleven columns instead of twenty-seven: baseline, latest figure and target in one cell, one line each, with their
units and years (``基準 100 人（令和4年度）``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.export.table import Fmt
from kpi.i18n import in_lang
from kpi.judge.assess import Assessment
from kpi.model import YearBasis
from kpi.text import number
from kpi.views.labels import COLUMNS, Lang, status_label, year_label


@dataclass(frozen=True)
class ReviewColumn:
    key: str
    width: int
    fmt: Fmt = Fmt.TEXT


REVIEW_COLUMNS = (
    ReviewColumn("pillar", 6),
    ReviewColumn("number", 4, Fmt.INT),
    ReviewColumn("title", 22),
    ReviewColumn("ministries", 10),
    ReviewColumn("indicator", 22),
    ReviewColumn("figures", 26),
    ReviewColumn("achievement", 7, Fmt.PERCENT),
    ReviewColumn("progress", 7, Fmt.PERCENT),
    ReviewColumn("status", 10, Fmt.STATUS),
    ReviewColumn("grade_label", 12),
    ReviewColumn("notes", 20),
)


def review_headings(bases: frozenset[YearBasis], lang: Lang) -> list[str]:
    """The review table's headings, in REVIEW_COLUMNS' order."""
    shown = {**COLUMNS[lang], "figures": figures_heading(bases, lang)}
    return [shown[column.key] for column in REVIEW_COLUMNS]


def figures_heading(bases: frozenset[YearBasis], lang: Lang) -> str:
    """基準値・実績値・目標値（年度）, （年） when every indicator counts calendar years, （年・年度） when both occur."""
    if len(bases) > 1:
        return in_lang(lang, "Baseline, latest, target (fiscal or calendar year)")
    if YearBasis.CALENDAR in bases:
        return in_lang(lang, "Baseline, latest, target (calendar year)")
    return in_lang(lang, "Baseline, latest, target (year)")


def figure_text(value: float | None, unit: str, year: int | None, basis: YearBasis, lang: Lang, *, spaced: bool = True) -> str:
    """``125 人（令和5年度）`` / ``125 people (FY2023)``; empty without a figure. ``spaced`` puts a space before a unit
    that is a word (not before ``%``); the follow-up table writes ``125人`` as the MIC form does."""
    if value is None:
        return ""
    gap = " " if spaced and unit and not unit.startswith(("%", "％")) else ""
    figure = f"{number(value)}{gap}{unit}"
    if year is None:
        return figure
    return in_lang(lang, "{figure} ({year})", figure=figure, year=year_label(year, basis, lang))


def _figure(label: str, value: float | None, unit: str, year: int | None, basis: YearBasis, lang: Lang) -> str:
    figure = figure_text(value, unit, year, basis, lang)
    return f"{label} {figure}" if figure else ""


def figures_text(a: Assessment, lang: Lang) -> str:
    """基準 100 人（令和4年度） / 実績 125 人（令和5年度） / 目標 200 人（令和8年度）, one per line."""
    ind = a.indicator
    basis = ind.year_basis
    lines = [
        _figure(in_lang(lang, "Baseline", ctx="figure"), a.baseline, ind.unit, a.baseline_year, basis, lang),
        _figure(in_lang(lang, "Latest", ctx="figure"), a.actual, ind.unit, a.actual_year, basis, lang),
        _figure(in_lang(lang, "Target", ctx="figure"), a.target, ind.unit, a.deadline, basis, lang),
    ]
    if not ind.quantitative:
        year = a.actual_year
        entry = ind.actual_for(year) if year is not None else None
        if entry is not None and entry.status is not None:
            lines[1] = f"{in_lang(lang, 'Latest', ctx='figure')} {status_label(a.status, lang)}"
    return "\n".join(line for line in lines if line)
