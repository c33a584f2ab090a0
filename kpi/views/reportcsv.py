"""``kpi report --format csv``: one row per indicator, made a few hundred measures at a time (kpi.views.csvfile:
quoted, neutralised line by line; ratios rounded as the table shows them)."""

from __future__ import annotations

from collections.abc import Iterator

from kpi.judge.report import Report
from kpi.model import Flag
from kpi.views.csvfile import csv_text, ratio
from kpi.views.labels import Lang
from kpi.views.report import measure_record

__all__ = ["CSV_COLUMNS", "csv_pieces", "to_csv"]

CSV_COLUMNS = [
    "number",
    "measure_id",
    "title",
    "ministries",
    "pillar",
    "grade",
    "grade_label",
    "incomplete",
    "indicator_id",
    "indicator",
    "primary",
    "kind",
    "direction",
    "unit",
    "year_basis",
    "baseline",
    "baseline_year",
    "target",
    "deadline",
    "actual",
    "actual_year",
    "achievement",
    "progress",
    "expected",
    "pace",
    "score",
    "status",
    "status_label",
    "lagging",
    *(flag.value for flag in Flag),
    "flags",
    "source",
    "needs_explanation",
    "stage",
    "adopted_target",
    "adopted_deadline",
]


CSV_RATIOS = {"achievement": 3, "progress": 3, "expected": 3, "pace": 2, "score": 3}  # places, as the table shows them


def to_csv(report: Report, lang: Lang) -> str:
    """One row per indicator: the header row, then each measure's indicators."""
    return "".join(csv_pieces(report, lang))


def csv_pieces(report: Report, lang: Lang, measures_per_piece: int = 500) -> Iterator[str]:
    """``to_csv``'s text in pieces: the header row, then the rows of a few hundred measures at a time (a large
    report's csv is never whole in memory)."""
    yield csv_text([CSV_COLUMNS], line_end="\n")
    measures = report.measures
    for start in range(0, len(measures), measures_per_piece):
        rows: list[list[object]] = []
        for m in measures[start : start + measures_per_piece]:
            record = measure_record(m, lang)
            for ind in record["indicators"]:
                row = {
                    **{k: record[k] for k in ("number", "title", "pillar", "grade", "grade_label", "incomplete")},
                    "measure_id": record["id"],
                    "ministries": "、".join(record["ministries"]),
                    "indicator_id": ind["id"],
                    "indicator": ind["name"],
                    "flags": "、".join(ind["flag_labels"]) if lang is Lang.JA else "; ".join(ind["flag_labels"]),
                    **{k: ind[k] for k in CSV_COLUMNS if k in ind and k not in ("name",)},
                }
                for key, places in CSV_RATIOS.items():
                    row[key] = ratio(row[key], places)
                rows.append([row[c] for c in CSV_COLUMNS])
        yield csv_text(rows, line_end="\n")
