"""The database's shape: every table and column with its description, the views, and the Datasette metadata."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from kpi.export.provenance import METHOD_NAMES
from kpi.fiscal import year_text
from kpi.i18n import N_, Lang, active, in_lang
from kpi.model import Plan

__all__ = ["FTS", "LAGGING_ORDER", "TABLES", "metadata", "views"]

LAGGING_ORDER = "CASE a.status WHEN 'regressing' THEN 0 WHEN 'far_behind' THEN 1 ELSE 2 END, a.pace, m.number, i.position"

# SQLite's column types as sqlite-utils takes them (Python types).
_TYPES: dict[str, type] = {"integer": int, "text": str, "real": float}


def _tables() -> dict[str, tuple[str, object, list[tuple[str, str, str]], list[tuple[str, type, str]]]]:
    """Every table of kpi/schema/database.toml: (description, primary key, foreign keys, columns as (name, type,
    description)), in the file's order."""
    data = tomllib.loads((Path(__file__).parents[1] / "schema" / "database.toml").read_text("utf-8"))
    return {
        name: (
            table["description"],
            table["key"] if isinstance(table["key"], str) else tuple(table["key"]),
            [(column, other, key) for column, other, key in table["foreign_keys"]],
            [(column, _TYPES[kind], text) for column, kind, text in table["columns"]],
        )
        for name, table in data.items()
    }


TABLES = _tables()

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
