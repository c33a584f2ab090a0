"""`kpi missing` and `kpi lagging` as records (json, csv) and display rows; the lists come from kpi.judge.review."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from kpi.i18n import in_lang
from kpi.judge.review import LaggingItem, MissingReport
from kpi.model import Indicator, YearBasis
from kpi.text import finite
from kpi.views.csvfile import csv_pieces, ratio
from kpi.views.jsontext import indented_pieces
from kpi.views.labels import Lang, status_label, year_label
from kpi.views.report import flag_record


def missing_record(report: MissingReport) -> dict[str, Any]:
    """`kpi missing --format json`'s first list. Its lists are iterators, each element made as it is written
    (kpi.views.jsontext.indented_pieces): at 100,000 measures the list is never whole in memory."""
    return {
        "year": report.year,
        "missing": report.missing,
        "expected": report.expected,
        "ministries": (
            {
                "ministry": group.ministry,
                "missing": group.count,
                "indicators": group.total,
                "items": (
                    {
                        "number": item.number,
                        "measure_id": item.result.measure.id,
                        "title": item.result.measure.title,
                        "ministries": list(item.result.measure.ministries),
                        "indicator_id": item.indicator.id,
                        "indicator": item.indicator.name,
                        "year_basis": item.indicator.year_basis.value,
                        "last_year": item.last_year,
                        "reason": item.reason,
                    }
                    for item in group.items
                ),
            }
            for group in report.groups
        ),
    }


MISSING_CSV = ["ministry", "number", "measure_id", "title", "indicator_id", "indicator", "year_basis", "last_year", "reason"]


def missing_csv(report: MissingReport) -> Iterator[str]:
    """`kpi missing --format csv`'s first list, in pieces made as they are written (kpi.views.csvfile.csv_pieces)."""
    rows: Iterator[list[object]] = (
        [
            group.ministry,
            item.number,
            item.result.measure.id,
            item.result.measure.title,
            item.indicator.id,
            item.indicator.name,
            item.indicator.year_basis.value,
            item.last_year,
            item.reason,
        ]
        for group in report.groups
        for item in group.items
    )
    return csv_pieces(itertools.chain([MISSING_CSV], rows), line_end="\n")


def missing_heading(report: MissingReport, lang: Lang) -> str:
    """``Indicators with no figure for FY2024: 3 of 12`` / ``令和6年度の実績が未報告の指標: 3指標（報告対象 12指標中）``."""
    compiling = len({(i.result.measure.id, i.indicator.id) for g in report.groups for i in g.items if i.reason})
    year = year_label(report.year, YearBasis.FISCAL, lang)
    if compiling:
        return in_lang(
            lang,
            "Indicators with no figure for {year}: {missing} of {expected}; {compiling} being compiled",
            year=year,
            missing=report.missing,
            expected=report.expected,
            compiling=compiling,
        )
    return in_lang(
        lang,
        "Indicators with no figure for {year}: {missing} of {expected}",
        year=year,
        missing=report.missing,
        expected=report.expected,
    )


def missing_group_line(ministry: str, count: int, indicators: int, lang: Lang) -> str:
    """``厚生労働省  未報告 3指標（5指標中）`` / ``厚生労働省  3 of 5 indicators``."""
    return in_lang(lang, "{ministry}  {count} of {indicators} indicators", ministry=ministry, count=count, indicators=indicators)


def reason_label(reason: str, lang: Lang) -> str:
    """A missing figure's reason as officers read it: 集計中 / Being compiled (the glossary's words)."""
    if reason == "集計中":
        return in_lang(lang, "Being compiled", ctx="reason")
    return reason


def last_figure_text(last_year: int | None, indicator: Indicator, lang: Lang, reason: str | None = None) -> str:
    """Why an indicator is listed as missing: its reason (集計中), else the year of its latest figure, else none yet."""
    if reason:  # 集計中: being compiled, not forgotten
        return reason_label(reason, lang)
    if not last_year:
        return in_lang(lang, "never reported")
    return in_lang(lang, "last {year}", year=year_label(last_year, indicator.year_basis, lang))


def missing_item_line(
    number_: int | None, title: str, indicator: Indicator, last_year: int | None, lang: Lang, reason: str | None = None
) -> str:
    """``  008 title — [indicator-id] name (last FY2023)``: the id is what `kpi log` takes."""
    shown = f"{number_:03d}" if number_ is not None else "---"
    when = last_figure_text(last_year, indicator, lang, reason)
    return f"  {shown} {title} — [{indicator.id}] {indicator.name}" + in_lang(lang, " ({when})", ctx="missing", when=when)


def lagging_record(item: LaggingItem, lang: Lang) -> dict[str, Any]:
    a = item.assessment
    return {
        "number": item.result.number,
        "measure_id": item.result.measure.id,
        "title": item.result.measure.title,
        "ministries": list(item.result.measure.ministries),
        "indicator_id": a.indicator.id,
        "indicator": a.indicator.name,
        "unit": a.indicator.unit,
        "year_basis": a.indicator.year_basis.value,
        "status": a.status.value,
        "status_label": status_label(a.status, lang),
        **flag_record(a, lang),
        "actual": finite(a.actual),
        "actual_year": a.actual_year,
        "target": finite(a.target),
        "deadline": a.deadline,
        "achievement": finite(a.achievement),
        "progress": finite(a.progress),
        "expected": finite(a.expected),
        "pace": finite(a.pace),
    }


def lagging_json(items: tuple[LaggingItem, ...], year: int, lang: Lang) -> Iterator[str]:
    """`kpi lagging --format json` in pieces, each record made as it is written (kpi.views.jsontext)."""
    payload = {"year": year, "count": len(items), "indicators": (lagging_record(i, lang) for i in items)}
    return indented_pieces(payload)


LAGGING_CSV = [
    "number",
    "measure_id",
    "title",
    "ministries",
    "indicator_id",
    "indicator",
    "unit",
    "year_basis",
    "status",
    "status_label",
    "overdue",
    "stale",
    "actual",
    "actual_year",
    "target",
    "deadline",
    "achievement",
    "progress",
    "expected",
    "pace",
]


def lagging_csv(items: tuple[LaggingItem, ...], lang: Lang) -> Iterator[str]:
    """`kpi lagging --format csv` in pieces, each row made as it is written (kpi.views.csvfile.csv_pieces)."""
    return csv_pieces(itertools.chain([LAGGING_CSV], (_lagging_row(item, lang) for item in items)), line_end="\n")


def _lagging_row(item: LaggingItem, lang: Lang) -> list[object]:
    record = lagging_record(item, lang)
    record["ministries"] = "、".join(record["ministries"])
    for key in ("achievement", "progress", "expected"):
        record[key] = ratio(record[key])
    record["pace"] = ratio(record["pace"], 2)
    return [record[k] for k in LAGGING_CSV]
