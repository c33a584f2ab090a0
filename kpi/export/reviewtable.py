"""The review table's columns and its figures cell, shared by the workbook's 評価表 sheet and the printed paper.

Eleven columns instead of twenty-seven: baseline, latest figure and target in one cell, one line each, with their
units and years (``基準 100 人（2022年度）``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.export.table import Fmt
from kpi.judge.assess import Assessment
from kpi.model import YearBasis
from kpi.text import number
from kpi.views.labels import Lang, status_label, year_label


@dataclass(frozen=True)
class ReviewColumn:
    key: str
    ja: str
    en: str
    width: int
    fmt: Fmt = Fmt.TEXT


REVIEW_COLUMNS = (
    ReviewColumn("pillar", "柱", "Pillar", 6),
    ReviewColumn("number", "No.", "No.", 4, Fmt.INT),
    ReviewColumn("title", "施策", "Measure", 22),
    ReviewColumn("ministries", "府省庁", "Ministries", 10),
    ReviewColumn("indicator", "指標", "Indicator", 22),
    ReviewColumn("figures", "基準値・実績値・目標値（年度）", "Baseline, latest, target (year)", 26),
    ReviewColumn("achievement", "達成率", "Achievement", 7, Fmt.PERCENT),
    ReviewColumn("progress", "進捗率", "Progress", 7, Fmt.PERCENT),
    ReviewColumn("status", "状況", "Status", 10, Fmt.STATUS),
    ReviewColumn("grade_label", "区分（施策）", "Grade (measure)", 12),
    ReviewColumn("notes", "備考", "Notes", 20),
)


def figures_heading(bases: frozenset[YearBasis], lang: Lang) -> str:
    """基準値・実績値・目標値（年度）, （年） when every indicator counts calendar years, （年・年度） when both occur."""
    if lang is Lang.EN:
        return "Baseline, latest, target (year)"
    word = "年・年度" if len(bases) > 1 else ("年" if YearBasis.CALENDAR in bases else "年度")
    return f"基準値・実績値・目標値（{word}）"


def _figure(label: str, value: float | None, unit: str, year: int | None, basis: YearBasis, lang: Lang) -> str:
    if value is None:
        return ""
    shown = year_label(year, basis, lang)
    spaced = unit if unit.startswith(("%", "％")) or not unit else f" {unit}"
    text = f"{label} {number(value)}{spaced}"
    if not shown:
        return text
    return f"{text}（{shown}）" if lang is Lang.JA else f"{text} ({shown})"


def figures_text(a: Assessment, lang: Lang) -> str:
    """基準 100 人（2022年度） / 実績 125 人（2023年度） / 目標 200 人（2026年度）, one per line."""
    ind = a.indicator
    ja = lang is Lang.JA
    basis = ind.year_basis
    lines = [
        _figure("基準" if ja else "Baseline", a.baseline, ind.unit, a.baseline_year, basis, lang),
        _figure("実績" if ja else "Latest", a.actual, ind.unit, a.actual_year, basis, lang),
        _figure("目標" if ja else "Target", a.target, ind.unit, a.deadline, basis, lang),
    ]
    if not ind.quantitative:
        year = a.actual_year
        entry = ind.actual_for(year) if year is not None else None
        if entry is not None and entry.status is not None:
            lines[1] = f"{'実績' if ja else 'Latest'} {status_label(a.status, lang)}"
    return "\n".join(line for line in lines if line)
