"""`kpi missing` and `kpi lagging` as records (json, csv) and display rows; the lists come from kpi.judge.review."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from kpi.judge.review import LaggingItem, MissingReport
from kpi.text import finite, number, percent
from kpi.views.cells import safe_cell
from kpi.views.labels import Lang, status_label


def missing_record(report: MissingReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "missing": report.missing,
        "expected": report.expected,
        "ministries": [
            {
                "ministry": group.ministry,
                "missing": group.count,
                "indicators": group.indicators,
                "items": [
                    {
                        "number": item.number,
                        "measure_id": item.result.measure.id,
                        "title": item.result.measure.title,
                        "ministries": list(item.result.measure.ministries),
                        "indicator_id": item.indicator.id,
                        "indicator": item.indicator.name,
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ministry", "number", "measure_id", "title", "indicator_id", "indicator", "last_year", "reason"])
    for group in report.groups:
        for item in group.items:
            row = [
                group.ministry,
                item.number,
                item.result.measure.id,
                item.result.measure.title,
                item.indicator.id,
                item.indicator.name,
                item.last_year,
                item.reason,
            ]
            writer.writerow([safe_cell("" if v is None else v) for v in row])
    return out.getvalue()


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
    number_: int | None, title: str, indicator: str, last_year: int | None, lang: Lang, reason: str | None = None
) -> str:
    if reason:
        shown = f"{number_:03d}" if number_ is not None else "---"
        return f"  {shown} {title} — {indicator} ({reason_label(reason, lang)})"
    last = (
        (f"最終報告 FY{last_year}" if lang is Lang.JA else f"last FY{last_year}")
        if last_year
        else ("報告なし" if lang is Lang.JA else "never reported")
    )
    shown = f"{number_:03d}" if number_ is not None else "---"
    return f"  {shown} {title} — {indicator} ({last})"


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
        "status": a.status.value,
        "status_label": status_label(a.status, lang),
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
    "status",
    "status_label",
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LAGGING_CSV)
    for item in items:
        record = lagging_record(item, lang)
        record["ministries"] = "、".join(record["ministries"])
        writer.writerow([safe_cell("" if record[k] is None else record[k]) for k in LAGGING_CSV])
    return out.getvalue()


LAGGING_COLUMNS = ["number", "title", "indicator", "status", "actual", "target", "progress", "expected", "pace"]


def lagging_cells(item: LaggingItem, lang: Lang) -> dict[str, str]:
    """Display cells of one lagging indicator (``pace`` as ``0.40``; progress and expected as %)."""
    a = item.assessment
    unit = f" {a.indicator.unit}" if a.indicator.unit else ""
    actual = f"{number(a.actual)}{unit} (FY{a.actual_year})" if a.actual is not None else ""
    target = ""
    if a.target is not None:
        target = f"{number(a.target)}{unit}" + (f" (FY{a.deadline})" if a.deadline else "")
    return {
        "number": f"{item.result.number:03d}" if item.result.number is not None else "",
        "title": item.result.measure.title,
        "indicator": a.indicator.name,
        "status": status_label(a.status, lang),
        "actual": actual,
        "target": target,
        "progress": percent(finite(a.progress)),
        "expected": percent(finite(a.expected)),
        "pace": f"{a.pace:.2f}" if finite(a.pace) is not None else "—",
    }
