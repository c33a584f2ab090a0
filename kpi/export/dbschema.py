"""The database's shape: every table and column with its description, the views, and the Datasette metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kpi.export.provenance import METHOD_NAMES
from kpi.fiscal import year_text
from kpi.i18n import N_, Lang, active, in_lang
from kpi.model import Plan

__all__ = ["FTS", "LAGGING_ORDER", "TABLES", "metadata", "views"]

LAGGING_ORDER = "CASE a.status WHEN 'regressing' THEN 0 WHEN 'far_behind' THEN 1 ELSE 2 END, a.pace, m.number, i.position"

# Every table: (description, primary key, foreign keys, columns as (name, type, description)).
TABLES: dict[str, tuple[str, object, list[tuple[str, str, str]], list[tuple[str, type, str]]]] = {
    "ministries": (
        N_("The ministries of the plan (kpi.toml [plan] ministries, then any other name a measure lists)."),
        "id",
        [],
        [
            ("id", int, N_("Row id")),
            ("name", str, N_("Ministry name as written in the plan")),
            ("position", int, N_("Order in kpi.toml's list (null when the name is not listed there)")),
        ],
    ),
    "measures": (
        N_("One row per measure file (施策), retired ones included."),
        "id",
        [("lead_ministry_id", "ministries", "id")],
        [
            ("id", str, N_("Stable id: the edition and number where the measure first appeared, e.g. 2024-008")),
            ("title", str, N_("Title (施策名)")),
            ("number", int, N_("Number in the current edition (null when not listed there)")),
            ("pillar", str, N_("Heading in the current edition: (1)② is 1-2")),
            ("current", int, N_("1 when listed in the current edition")),
            ("retired", int, N_("First edition that no longer lists the measure")),
            ("lead_ministry_id", int, N_("The lead ministry (first listed)")),
            ("ministries", str, N_("All ministries, lead first, joined with 、")),
            ("grade", int, N_("MIC grade 1–5 for the evaluation year (null: not assessable or qualitative only)")),
            ("grade_label", str, N_("The grade in words")),
            ("grade_incomplete", int, N_("1 when some judged indicators had no data or were pending")),
            ("path", str, N_("The measure file, relative to the plan root")),
            ("rs_ids", str, N_("行政事業レビュー budget project ids (予算事業ID), comma separated")),
        ],
    ),
    "measure_ministries": (
        N_("Which ministries own which measure."),
        ("measure_id", "ministry_id"),
        [("measure_id", "measures", "id"), ("ministry_id", "ministries", "id")],
        [
            ("measure_id", str, N_("The measure")),
            ("ministry_id", int, N_("A ministry that owns it")),
            ("position", int, N_("0 for the lead ministry, then in the order listed")),
        ],
    ),
    "editions": (
        N_("Where each measure stands in each edition of the plan."),
        ("measure_id", "edition"),
        [("measure_id", "measures", "id")],
        [
            ("measure_id", str, N_("The measure")),
            ("edition", int, N_("Plan edition (year)")),
            ("number", int, N_("Number in that edition")),
            ("pillar", str, N_("Heading in that edition: (1)② is 1-2")),
            ("also", str, N_("Headings where it is listed again (再掲), comma separated")),
        ],
    ),
    "indicators": (
        N_("Each measure's indicators with their current target; adopted_* are the values first adopted."),
        "id",
        [("measure_id", "measures", "id")],
        [
            ("id", int, N_("Row id")),
            ("measure_id", str, N_("The measure")),
            ("indicator_id", str, N_("Indicator id, unique within the measure")),
            ("position", int, N_("Order within the measure file")),
            ("name", str, N_("Indicator name (指標名)")),
            ("kind", str, N_("level, every_year, cumulative, trend or qualitative")),
            ("direction", str, N_("up (上向き) or down (下向き); null for qualitative")),
            ("unit", str, N_("Unit of the figures")),
            ("primary", int, N_("1 when the measure's grade is judged on it first")),
            ("target", float, N_("Current target value")),
            ("deadline", int, N_("Current target year")),
            ("adopted_target", float, N_("Target as first adopted (the first revision's old value), else the current one")),
            ("adopted_deadline", int, N_("Target year as first adopted, else the current one")),
            ("baseline", float, N_("Baseline value")),
            ("baseline_year", int, N_("Baseline year")),
            ("start", int, N_("First year that counts (cumulative, every_year)")),
            ("milestones", str, N_("Interim targets as JSON [{year, value}]")),
            ("limit", float, N_("Natural ceiling or floor (cagr method)")),
            ("year_basis", str, N_("fiscal (年度) or calendar (年)")),
            ("counting", str, N_("cumulative: yearly (kpi sums) or running_total (each figure is the total so far)")),
            ("source", str, N_("Where the figures come from")),
            ("stage", str, N_("Logic-model stage: activity, output, short_outcome, mid_outcome or long_outcome")),
        ],
    ),
    "actuals": (
        N_("Figures reported per year: a number, or a qualitative status."),
        ("indicator", "year"),
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("indicator", int, N_("The indicator (indicators.id)")),
            ("measure_id", str, N_("The measure")),
            ("year", int, N_("Fiscal (or calendar) year of the figure")),
            ("value", float, N_("The figure")),
            ("status", str, N_("Qualitative status: done, in_progress or not_started")),
            ("note", str, N_("Note (e.g. 速報値)")),
            ("source", str, N_("Source of this figure")),
        ],
    ),
    "revisions": (
        N_("Recorded changes of targets, deadlines, baselines and milestones, with their reasons."),
        "id",
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("id", int, N_("Row id")),
            ("indicator", int, N_("The indicator (indicators.id)")),
            ("measure_id", str, N_("The measure")),
            ("date", str, N_("Date of the change (ISO)")),
            (
                "field",
                str,
                N_(
                    "target, deadline, baseline, baseline_year, milestones, direction, kind, unit, year_basis, counting "
                    "or indicator"
                ),
            ),
            ("old", str, N_("Value before, as JSON")),
            ("new", str, N_("Value after, as JSON")),
            ("reason", str, N_("Why it changed")),
        ],
    ),
    "assessments": (
        N_("Every indicator judged for the evaluation year (docs/assessment.md)."),
        "indicator",
        [("indicator", "indicators", "id"), ("measure_id", "measures", "id")],
        [
            ("indicator", int, N_("The indicator (indicators.id)")),
            ("measure_id", str, N_("The measure")),
            ("year", int, N_("Evaluation year")),
            ("method", str, N_("linear or cagr")),
            ("status", str, N_("exceeded, achieved, on_track, behind, far_behind, regressing, pending, no_data, done, …")),
            ("status_label", str, N_("The status in words")),
            ("lagging", int, N_("1 for behind, far_behind and regressing")),
            ("overdue", int, N_("1 when the deadline has come and the latest figure misses the target (期限到来・未達成)")),
            ("stale", int, N_("1 when the status rests on a figure stale_after or more years old (古い実績)")),
            ("flags", str, N_("The flags in words, beside the status")),
            ("actual", float, N_("Latest figure at or before the year (cumulative: the running total)")),
            ("actual_year", int, N_("Year of that figure")),
            ("baseline", float, N_("Baseline used (inferred from the earliest figure when baseline_inferred)")),
            ("baseline_year", int, N_("Year of the baseline used")),
            ("baseline_inferred", int, N_("1 when the file gives no baseline")),
            ("target", float, N_("Target judged against")),
            ("deadline", int, N_("Target year")),
            ("achievement", float, N_("達成率: a/T (up) or T/a (down)")),
            ("progress", float, N_("進捗率: share of the gap from baseline to target closed")),
            ("expected", float, N_("Share of the straight path that time has covered")),
            ("pace", float, N_("progress / expected (cagr: the growth ratio)")),
            ("score", float, N_("Open SDG score (cagr method)")),
            ("note", str, N_("Note of a qualitative status")),
            ("needs_explanation", int, N_("1 when lagging or far exceeded and the measure's report gives no issues text")),
        ],
    ),
    "reports": (
        N_("Each measure's yearly report (施策の実施状況): what was done, issues and causes, next steps, budget."),
        ("measure_id", "year"),
        [("measure_id", "measures", "id")],
        [
            ("measure_id", str, N_("The measure")),
            ("year", int, N_("Fiscal year reported on")),
            ("done", str, N_("取組実績: what was done in the year")),
            ("issues", str, N_("課題・要因分析: why a figure lags or far exceeds its target")),
            ("next", str, N_("今後の取組方針: what the ministry will do next")),
            ("budget", float, N_("予算額 in millions of yen (百万円)")),
            ("budget_note", str, N_("What the budget covers")),
            ("contact", str, N_("The section that answered")),
            ("submitted", str, N_("When the ministry's answer arrived (ISO date)")),
        ],
    ),
    "comments": (
        N_("Comments of the 有識者会議 and other bodies on the yearly reports, with the ministries' answers."),
        "id",
        [("measure_id", "measures", "id")],
        [
            ("id", int, N_("Row id")),
            ("measure_id", str, N_("The measure")),
            ("year", int, N_("Fiscal year of the report commented on")),
            ("number", int, N_("1, 2 … within the year's report, as `kpi comment MEASURE YEAR N` names it")),
            ("commenter", str, N_("Who commented (the file's from key), e.g. 有識者会議")),
            ("text", str, N_("The comment")),
            ("response", str, N_("The ministry's answer (null until given)")),
            ("answered", int, N_("1 when there is an answer")),
        ],
    ),
}

FTS = {"measures": ["title"], "indicators": ["name"], "reports": ["done", "issues", "next"], "comments": ["text", "response"]}


def views(year: int) -> dict[str, tuple[str, str]]:
    """The views: name → (description, SQL). ``year`` is the evaluation year (an int, so safe to embed)."""
    return {
        "lagging": (
            N_("Indicators of current measures that are behind, far behind or regressing, worst first."),
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
            N_(
                "Indicators of current measures with no figure for {year} (after a deadline: only while no figure "
                "for the deadline or a later year is in), under each of their ministries."
            ),
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
            N_("Indicators whose target, deadline, baseline or milestones were revised, with the reasons."),
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


def queries(lang: Lang) -> dict[str, Any]:
    """Datasette canned queries."""
    return {
        "search": {
            "title": in_lang(lang, "Search measures and indicators"),
            "description": in_lang(
                lang,
                "Finds a word of any length, two characters included (孤独, 相談), in measure titles and indicator names; "
                "the search box of the measures and indicators tables needs three characters or more.",
            ),
            "sql": SEARCH_SQL.strip(),
        }
    }


def metadata(plan: Plan, path: Path, year: int, lang: Lang | None = None) -> dict[str, Any]:
    """Datasette metadata: title, source, and a description of every table, view and column, in ``lang`` (default:
    the run's language). Table and column names stay as they are (ASCII), so SQL reads the same in both."""
    lang = lang or active()
    shown_year = year_text(year, calendar=False, lang=lang)
    tables: dict[str, Any] = {
        name: {"description": in_lang(lang, description), "columns": {c: in_lang(lang, text) for c, _, text in columns}}
        for name, (description, _, _, columns) in TABLES.items()
    }
    for name in FTS:
        tables[name]["fts_table"] = f"{name}_fts"
    for name, (description, _) in views(year).items():
        tables[name] = {"description": in_lang(lang, description, year=shown_year)}
    method = plan.config.thresholds.method.value
    return {
        "title": in_lang(lang, "{plan} — KPI ({year})", plan=plan.config.name, year=shown_year),
        "description": in_lang(
            lang,
            "The measures, indicators, targets and reported figures of {plan} ({edition} edition), judged for {year} "
            "with the {method} method.",
            plan=plan.config.name,
            edition=plan.config.edition,
            year=shown_year,
            method=in_lang(lang, METHOD_NAMES.get(method, method)),
        ),
        "source": in_lang(lang, "{plan}: measure files of the plan repository (kpi)", plan=plan.config.name),
        "databases": {path.stem: {"tables": tables, "queries": queries(lang)}},
    }
