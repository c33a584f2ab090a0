"""The database's shape: every table and column with its description, the views, and the Datasette metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kpi.model import Plan

__all__ = ["FTS", "LAGGING_ORDER", "TABLES", "metadata", "views"]

LAGGING_ORDER = "CASE a.status WHEN 'regressing' THEN 0 WHEN 'far_behind' THEN 1 ELSE 2 END, a.pace, m.number, i.position"

# Every table: (description, primary key, foreign keys, columns as (name, type, description)).
TABLES: dict[str, tuple[str, object, list[tuple[str, str, str]], list[tuple[str, type, str]]]] = {
    "ministries": (
        "The ministries of the plan (kpi.toml [plan] ministries, then any other name a measure lists).",
        "id",
        [],
        [
            ("id", int, "Row id"),
            ("name", str, "Ministry name as written in the plan"),
            ("position", int, "Order in kpi.toml's list (null when the name is not listed there)"),
        ],
    ),
    "measures": (
        "One row per measure file (施策), retired ones included.",
        "id",
        [("lead_ministry_id", "ministries", "id")],
        [
            ("id", str, "Stable id: the edition and number where the measure first appeared, e.g. 2024-008"),
            ("title", str, "Title (施策名)"),
            ("number", int, "Number in the current edition (null when not listed there)"),
            ("pillar", str, "Heading in the current edition: (1)② is 1-2"),
            ("current", int, "1 when listed in the current edition"),
            ("retired", int, "First edition that no longer lists the measure"),
            ("lead_ministry_id", int, "The lead ministry (first listed)"),
            ("ministries", str, "All ministries, lead first, joined with 、"),
            ("grade", int, "MIC grade 1–5 for the evaluation year (null: not assessable or qualitative only)"),
            ("grade_label", str, "The grade in words"),
            ("grade_incomplete", int, "1 when some judged indicators had no data or were pending"),
            ("path", str, "The measure file, relative to the plan root"),
            ("rs_ids", str, "行政事業レビュー budget project ids (予算事業ID), comma separated"),
        ],
    ),
    "measure_ministries": (
        "Which ministries own which measure.",
        ("measure_id", "ministry_id"),
        [("measure_id", "measures", "id"), ("ministry_id", "ministries", "id")],
        [
            ("measure_id", str, "The measure"),
            ("ministry_id", int, "A ministry that owns it"),
            ("position", int, "0 for the lead ministry, then in the order listed"),
        ],
    ),
    "editions": (
        "Where each measure stands in each edition of the plan.",
        ("measure_id", "edition"),
        [("measure_id", "measures", "id")],
        [
            ("measure_id", str, "The measure"),
            ("edition", int, "Plan edition (year)"),
            ("number", int, "Number in that edition"),
            ("pillar", str, "Heading in that edition: (1)② is 1-2"),
            ("also", str, "Headings where it is listed again (再掲), comma separated"),
        ],
    ),
    "indicators": (
        "Each measure's indicators with their current target; adopted_* are the values first adopted.",
        "id",
        [("measure_id", "measures", "id")],
        [
            ("id", int, "Row id"),
            ("measure_id", str, "The measure"),
            ("indicator_id", str, "Indicator id, unique within the measure"),
            ("position", int, "Order within the measure file"),
            ("name", str, "Indicator name (指標名)"),
            ("kind", str, "level, every_year, cumulative, trend or qualitative"),
            ("direction", str, "up (上向き) or down (下向き); null for qualitative"),
            ("unit", str, "Unit of the figures"),
            ("primary", int, "1 when the measure's grade is judged on it first"),
            ("target", float, "Current target value"),
            ("deadline", int, "Current target year"),
            ("adopted_target", float, "Target as first adopted (the first revision's old value), else the current one"),
            ("adopted_deadline", int, "Target year as first adopted, else the current one"),
            ("baseline", float, "Baseline value"),
            ("baseline_year", int, "Baseline year"),
            ("start", int, "First year that counts (cumulative, every_year)"),
            ("milestones", str, "Interim targets as JSON [{year, value}]"),
            ("limit", float, "Natural ceiling or floor (cagr method)"),
            ("year_basis", str, "fiscal (年度) or calendar (年)"),
            ("counting", str, "cumulative: yearly (kpi sums) or running_total (each figure is the total so far)"),
            ("source", str, "Where the figures come from"),
            ("stage", str, "Logic-model stage: activity, output, short_outcome, mid_outcome or long_outcome"),
        ],
    ),
    "actuals": (
        "Figures reported per year: a number, or a qualitative status.",
        ("indicator", "year"),
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("indicator", int, "The indicator (indicators.id)"),
            ("measure_id", str, "The measure"),
            ("year", int, "Fiscal (or calendar) year of the figure"),
            ("value", float, "The figure"),
            ("status", str, "Qualitative status: done, in_progress or not_started"),
            ("note", str, "Note (e.g. 速報値)"),
            ("source", str, "Source of this figure"),
        ],
    ),
    "revisions": (
        "Recorded changes of targets, deadlines, baselines and milestones, with their reasons.",
        "id",
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("id", int, "Row id"),
            ("indicator", int, "The indicator (indicators.id)"),
            ("measure_id", str, "The measure"),
            ("date", str, "Date of the change (ISO)"),
            (
                "field",
                str,
                "target, deadline, baseline, baseline_year, milestones, direction, kind, unit, year_basis, counting or indicator",
            ),
            ("old", str, "Value before, as JSON"),
            ("new", str, "Value after, as JSON"),
            ("reason", str, "Why it changed"),
        ],
    ),
    "assessments": (
        "Every indicator judged for the evaluation year (docs/assessment.md).",
        "indicator",
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("indicator", int, "The indicator (indicators.id)"),
            ("measure_id", str, "The measure"),
            ("year", int, "Evaluation year"),
            ("method", str, "linear or cagr"),
            ("status", str, "exceeded, achieved, on_track, behind, far_behind, regressing, pending, no_data, done, …"),
            ("status_label", str, "The status in words"),
            ("lagging", int, "1 for behind, far_behind and regressing"),
            ("overdue", int, "1 when the deadline has come and the latest figure misses the target (期限到来・未達成)"),
            ("stale", int, "1 when the status rests on a figure stale_after or more years old (古い実績)"),
            ("flags", str, "The flags in words, beside the status"),
            ("actual", float, "Latest figure at or before the year (cumulative: the running total)"),
            ("actual_year", int, "Year of that figure"),
            ("baseline", float, "Baseline used (inferred from the earliest figure when baseline_inferred)"),
            ("baseline_year", int, "Year of the baseline used"),
            ("baseline_inferred", int, "1 when the file gives no baseline"),
            ("target", float, "Target judged against"),
            ("deadline", int, "Target year"),
            ("achievement", float, "達成率: a/T (up) or T/a (down)"),
            ("progress", float, "進捗率: share of the gap from baseline to target closed"),
            ("expected", float, "Share of the straight path that time has covered"),
            ("pace", float, "progress / expected (cagr: the growth ratio)"),
            ("score", float, "Open SDG score (cagr method)"),
            ("note", str, "Note of a qualitative status"),
            ("needs_explanation", int, "1 when lagging or far exceeded and the measure's report gives no issues text"),
        ],
    ),
    "reports": (
        "Each measure's yearly report (施策の実施状況): what was done, issues and causes, next steps, budget.",
        ("measure_id", "year"),
        [("measure_id", "measures", "id")],
        [
            ("measure_id", str, "The measure"),
            ("year", int, "Fiscal year reported on"),
            ("done", str, "取組実績: what was done in the year"),
            ("issues", str, "課題・要因分析: why a figure lags or far exceeds its target"),
            ("next", str, "今後の取組方針: what the ministry will do next"),
            ("budget", float, "予算額 in millions of yen (百万円)"),
            ("budget_note", str, "What the budget covers"),
            ("contact", str, "The section that answered"),
            ("submitted", str, "When the ministry's answer arrived (ISO date)"),
        ],
    ),
    "comments": (
        "Comments of the 有識者会議 and other bodies on the yearly reports, with the ministries' answers.",
        "id",
        [("measure_id", "measures", "id")],
        [
            ("id", int, "Row id"),
            ("measure_id", str, "The measure"),
            ("year", int, "Fiscal year of the report commented on"),
            ("number", int, "1, 2 … within the year's report, as `kpi comment MEASURE YEAR N` names it"),
            ("commenter", str, "Who commented (the file's from key), e.g. 有識者会議"),
            ("text", str, "The comment"),
            ("response", str, "The ministry's answer (null until given)"),
            ("answered", int, "1 when there is an answer"),
        ],
    ),
}

FTS = {"measures": ["title"], "indicators": ["name"], "reports": ["done", "issues", "next"], "comments": ["text", "response"]}


def views(year: int) -> dict[str, tuple[str, str]]:
    """The views: name → (description, SQL). ``year`` is the evaluation year (an int, so safe to embed)."""
    return {
        "lagging": (
            "Indicators of current measures that are behind, far behind or regressing, worst first.",
            f"""
SELECT m.number, m.id AS measure_id, m.title, m.ministries, i.indicator_id, i.name AS indicator, i.unit,
       a.status, a.status_label, a.overdue, a.stale, a.flags,
       a.actual, a.actual_year, a.baseline, a.baseline_year, a.target, a.deadline,
       round(a.achievement, 3) AS achievement, round(a.progress, 3) AS progress, round(a.expected, 3) AS expected,
       round(a.pace, 2) AS pace
FROM assessments a JOIN indicators i ON i.id = a.indicator JOIN measures m ON m.id = a.measure_id
WHERE a.lagging = 1 AND m."current" = 1
ORDER BY {LAGGING_ORDER}""",
        ),
        "missing": (
            f"Indicators of current measures with no figure for FY{int(year)} (after a deadline: only while no figure "
            "for the deadline or a later year is in), under each of their ministries.",
            f"""
SELECT n.name AS ministry, m.number, m.id AS measure_id, m.title, i.indicator_id, i.name AS indicator, i.kind, i.unit,
       (SELECT max(x.year) FROM actuals x WHERE x.indicator = i.id AND x.year <= {int(year)}
        AND (x.value IS NOT NULL OR x.status IS NOT NULL)) AS last_year
FROM indicators i JOIN measures m ON m.id = i.measure_id
JOIN measure_ministries mm ON mm.measure_id = m.id JOIN ministries n ON n.id = mm.ministry_id
WHERE m."current" = 1
  AND (i.start IS NULL OR i.start <= {int(year)}) AND (i.baseline_year IS NULL OR i.baseline_year <= {int(year)})
  AND NOT (i.kind IN ('level', 'cumulative') AND i.deadline IS NOT NULL AND i.deadline < {int(year)}
           AND EXISTS (SELECT 1 FROM actuals x WHERE x.indicator = i.id AND x.year >= i.deadline AND x.year < {int(year)}
                       AND (x.value IS NOT NULL OR x.status IS NOT NULL)))
  AND NOT EXISTS (SELECT 1 FROM actuals x WHERE x.indicator = i.id AND x.year = {int(year)}
                  AND (x.value IS NOT NULL OR x.status IS NOT NULL))
ORDER BY count(*) OVER (PARTITION BY n.id) DESC, n.name, m.number, i.position""",
        ),
        "targets_changed": (
            "Indicators whose target, deadline, baseline or milestones were revised, with the reasons.",
            """
SELECT m.number, m.id AS measure_id, m.title, i.indicator_id, i.name AS indicator,
       i.adopted_target, i.target, i.adopted_deadline, i.deadline, count(r.id) AS revisions,
       group_concat(r.field || ': ' || r.old || ' → ' || r.new || ' (' || r.reason || ')', '; ') AS changes
FROM indicators i JOIN measures m ON m.id = i.measure_id JOIN revisions r ON r.indicator = i.id
GROUP BY i.id
ORDER BY m.number IS NULL, m.number, m.id, i.position""",
        ),
    }


# The full-text index is trigram (SQLite's only tokenizer for Japanese), so it finds words of three characters or
# more; this canned query finds any length (孤独, 相談) by substring, in measure titles and indicator names.
SEARCH_SQL = """
SELECT * FROM (
  SELECT m.number, m.id AS measure_id, m.title, NULL AS indicator_id, NULL AS indicator
  FROM measures m WHERE :q <> '' AND instr(m.title, :q) > 0
  UNION ALL
  SELECT m.number, m.id, m.title, i.indicator_id, i.name
  FROM indicators i JOIN measures m ON m.id = i.measure_id WHERE :q <> '' AND instr(i.name, :q) > 0
)
ORDER BY number IS NULL, number, measure_id, indicator_id"""


def queries() -> dict[str, Any]:
    """Datasette canned queries."""
    return {
        "search": {
            "title": "施策・指標の検索 (Search measures and indicators)",
            "description": (
                "Finds a word of any length, two characters included (孤独, 相談), in measure titles and indicator names; "
                "the search box of the measures and indicators tables needs three characters or more."
            ),
            "sql": SEARCH_SQL.strip(),
        }
    }


def metadata(plan: Plan, path: Path, year: int) -> dict[str, Any]:
    """Datasette metadata: title, source, and a description of every table, view and column."""
    tables: dict[str, Any] = {
        name: {"description": description, "columns": {c: text for c, _, text in columns}}
        for name, (description, _, _, columns) in TABLES.items()
    }
    for name in FTS:
        tables[name]["fts_table"] = f"{name}_fts"
    for name, (description, _) in views(year).items():
        tables[name] = {"description": description}
    return {
        "title": f"{plan.config.name} — KPI (FY{year})",
        "description": (
            f"The measures, indicators, targets and reported figures of {plan.config.name} "
            f"({plan.config.edition} edition), judged for FY{year} with the {plan.config.thresholds.method.value} method."
        ),
        "source": f"{plan.config.name}: measure files of the plan repository (kpi)",
        "databases": {path.stem: {"tables": tables, "queries": queries()}},
    }
