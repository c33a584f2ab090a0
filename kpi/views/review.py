"""`kpi missing` and `kpi lagging` as records (json, csv) and display rows; the lists come from kpi.judge.review."""

from __future__ import annotations

import json
from typing import Any

from kpi.judge.review import LaggingItem, MissingReport
from kpi.model import Indicator
from kpi.text import finite
from kpi.views.csvfile import csv_text, ratio
from kpi.views.labels import Lang, status_label, year_label
from kpi.views.report import flag_record


def missing_record(report: MissingReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "missing": report.missing,
        "expected": report.expected,
        "ministries": [
            {
                "ministry": group.ministry,
                "missing": group.count,
                "indicators": group.total,
                "items": [
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
                ],
            }
            for group in report.groups
        ],
    }


def missing_json(report: MissingReport) -> str:
    return json.dumps(missing_record(report), ensure_ascii=False, indent=2) + "\n"


def missing_csv(report: MissingReport) -> str:
    rows: list[list[object]] = [
        ["ministry", "number", "measure_id", "title", "indicator_id", "indicator", "year_basis", "last_year", "reason"]
    ]
    for group in report.groups:
        for item in group.items:
            row: list[object] = [
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
            rows.append(row)
    return csv_text(rows, line_end="\n")


def missing_heading(report: MissingReport, lang: Lang) -> str:
    compiling = len({(i.result.measure.id, i.indicator.id) for g in report.groups for i in g.items if i.reason})
    if lang is Lang.JA:
        among = f"、うち集計中 {compiling}件" if compiling else ""
        return f"{report.year}年度の実績が未報告の指標: {report.missing}件（報告対象 {report.expected}件{among}）"
    among = f"; {compiling} being compiled" if compiling else ""
    return f"Indicators with no figure for FY{report.year}: {report.missing} of {report.expected}{among}"


def missing_group_line(ministry: str, count: int, indicators: int, lang: Lang) -> str:
    if lang is Lang.JA:
        return f"{ministry}  {count}件 / {indicators}指標"
    return f"{ministry}  {count} of {indicators} indicators"


REASON_WORDS = {"集計中": "Being compiled"}  # the glossary's words for a reason a figure is missing


def reason_label(reason: str, lang: Lang) -> str:
    """A missing figure's reason as officers read it: 集計中 / Being compiled."""
    return reason if lang is Lang.JA else REASON_WORDS.get(reason, reason)


def missing_item_line(
    number_: int | None, title: str, indicator: Indicator, last_year: int | None, lang: Lang, reason: str | None = None
) -> str:
    """``  008 title — [indicator-id] name (last 2023年度)``: the id is what `kpi log` takes."""
    shown = f"{number_:03d}" if number_ is not None else "---"
    if reason:
        return f"  {shown} {title} — [{indicator.id}] {indicator.name} ({reason_label(reason, lang)})"
    when = year_label(last_year, indicator.year_basis, lang)
    last = (
        (f"最終報告 {when}" if lang is Lang.JA else f"last {when}")
        if last_year
        else ("報告なし" if lang is Lang.JA else "never reported")
    )
    return f"  {shown} {title} — [{indicator.id}] {indicator.name} ({last})"


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


def lagging_json(items: tuple[LaggingItem, ...], year: int, lang: Lang) -> str:
    payload = {"year": year, "count": len(items), "indicators": [lagging_record(i, lang) for i in items]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


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


def lagging_csv(items: tuple[LaggingItem, ...], lang: Lang) -> str:
    rows: list[list[object]] = [list(LAGGING_CSV)]
    for item in items:
        record = lagging_record(item, lang)
        record["ministries"] = "、".join(record["ministries"])
        for key in ("achievement", "progress", "expected"):
            record[key] = ratio(record[key])
        record["pace"] = ratio(record["pace"], 2)
        rows.append([record[k] for k in LAGGING_CSV])
    return csv_text(rows, line_end="\n")
