"""The whole plan as a SQLite database (sqlite-utils), with a Datasette metadata file beside it.

Tables: measures, editions, indicators, actuals, revisions, assessments (one evaluation year), ministries
and measure_ministries; foreign keys between them; full-text search on measure titles and indicator
names; views lagging, missing and targets_changed. The database is built in a temporary file in the
same folder and renamed over PATH, so a rebuild gives the same database and never a half-written one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi.errors import KpiError
from kpi.history.policy import adopted_number, adopted_year
from kpi.judge.report import MeasureResult, assess_measure, evaluation_year, thresholds_for
from kpi.model import Actual, Indicator, Method, Plan
from kpi.views.labels import Lang, grade_label, status_label

SQLITE_HEADER = b"SQLite format 3\x00"
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
            ("source", str, "Where the figures come from"),
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
            ("field", str, "target, deadline, baseline, baseline_year or milestones"),
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
        ],
    ),
}

FTS = {"measures": ["title"], "indicators": ["name"]}


def views(year: int) -> dict[str, tuple[str, str]]:
    """The views: name → (description, SQL). ``year`` is the evaluation year (an int, so safe to embed)."""
    return {
        "lagging": (
            "Indicators of current measures that are behind, far behind or regressing, worst first.",
            f"""
SELECT m.number, m.id AS measure_id, m.title, m.ministries, i.indicator_id, i.name AS indicator, i.unit,
       a.status, a.status_label, a.actual, a.actual_year, a.baseline, a.baseline_year, a.target, a.deadline,
       a.achievement, a.progress, a.expected, a.pace
FROM assessments a JOIN indicators i ON i.id = a.indicator JOIN measures m ON m.id = a.measure_id
WHERE a.lagging = 1 AND m."current" = 1
ORDER BY {LAGGING_ORDER}""",
        ),
        "missing": (
            f"Indicators of current measures with no figure for FY{int(year)}, under each of their ministries.",
            f"""
SELECT n.name AS ministry, m.number, m.id AS measure_id, m.title, i.indicator_id, i.name AS indicator, i.kind, i.unit,
       (SELECT max(x.year) FROM actuals x WHERE x.indicator = i.id AND x.year <= {int(year)}
        AND (x.value IS NOT NULL OR x.status IS NOT NULL)) AS last_year
FROM indicators i JOIN measures m ON m.id = i.measure_id
JOIN measure_ministries mm ON mm.measure_id = m.id JOIN ministries n ON n.id = mm.ministry_id
WHERE m."current" = 1
  AND (i.start IS NULL OR i.start <= {int(year)}) AND (i.baseline_year IS NULL OR i.baseline_year <= {int(year)})
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


@dataclass(frozen=True)
class DbSummary:
    path: Path
    metadata_path: Path
    year: int
    rows: dict[str, int]


def metadata_path_for(path: Path) -> Path:
    """``kpi.db`` → ``kpi.metadata.json`` beside it."""
    return path.with_name(path.stem + ".metadata.json")


def build_db(plan: Plan, path: Path, *, year: int | None = None, method: Method | None = None, lang: Lang = Lang.JA) -> DbSummary:
    """Write the plan to the SQLite file ``path`` (replacing it whole) and the Datasette metadata beside it."""
    _check_target(path)
    judged = evaluation_year(year)
    thresholds = thresholds_for(plan, method)
    results = [assess_measure(m, judged, thresholds, plan.config.edition) for m in plan.measures]
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        rows = _write(Path(scratch), plan, results, judged, lang)
        os.replace(scratch, path)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)
    meta = metadata_path_for(path)
    _write_text(meta, json.dumps(metadata(plan, path, judged), ensure_ascii=False, indent=2) + "\n")
    return DbSummary(path, meta, judged, rows)


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise KpiError(f"{path}: is a folder; give a database file name like kpi.db")
    if not path.parent.is_dir():
        raise KpiError(f"{path}: folder {path.parent} does not exist; create it or give another path")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise KpiError(f"{path}: exists and is not a SQLite database; not overwriting it: remove it or give another name")


def _write_text(path: Path, text: str) -> None:
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(scratch, path)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def _write(path: Path, plan: Plan, results: list[MeasureResult], year: int, lang: Lang) -> dict[str, int]:
    import sqlite_utils

    db = sqlite_utils.Database(path)
    try:
        for name, (_, pk, fks, columns) in TABLES.items():
            db.table(name).create({c: t for c, t, _ in columns}, pk=pk, foreign_keys=fks)
        data = _Rows(plan, results, year, lang)
        for name in TABLES:
            db.table(name).insert_all(getattr(data, name)())
        db.table("indicators").create_index(["measure_id", "indicator_id"], unique=True)
        for name, searched in FTS.items():
            db.table(name).enable_fts(searched, tokenize="trigram")
        for name, (_, sql) in views(year).items():
            db.create_view(name, sql.strip())
        rows = {name: db[name].count for name in [*TABLES, *views(year)]}
        # A measure of two ministries is listed under both: count each missing indicator once.
        rows["missing"] = db.execute("SELECT count(*) FROM (SELECT DISTINCT measure_id, indicator_id FROM missing)").fetchone()[0]
    finally:
        db.close()
    return rows


class _Rows:
    """The records of each table, in a fixed order so that a rebuild writes the same database."""

    def __init__(self, plan: Plan, results: list[MeasureResult], year: int, lang: Lang) -> None:
        self.plan, self.results, self.year, self.lang = plan, results, year, lang
        names = list(plan.config.ministries)
        names += sorted({n for m in plan.measures for n in m.ministries} - set(names))
        self.ministry_ids = {name: index + 1 for index, name in enumerate(names)}
        listed = {name: index for index, name in enumerate(plan.config.ministries)}
        self.ministry_rows = [{"id": i, "name": n, "position": listed.get(n)} for n, i in self.ministry_ids.items()]
        self.indicator_ids: dict[tuple[str, str], int] = {}
        for result in results:
            for indicator in result.measure.indicators:
                self.indicator_ids[(result.measure.id, indicator.id)] = len(self.indicator_ids) + 1

    def ministries(self) -> list[dict[str, Any]]:
        return self.ministry_rows

    def measures(self) -> Iterator[dict[str, Any]]:
        edition = self.plan.config.edition
        for r in self.results:
            m, placed = r.measure, r.measure.edition(edition)
            yield {
                "id": m.id,
                "title": m.title,
                "number": placed.number if placed else None,
                "pillar": placed.pillar if placed else None,
                "current": placed is not None,
                "retired": m.retired,
                "lead_ministry_id": self.ministry_ids[m.ministries[0]] if m.ministries else None,
                "ministries": "、".join(m.ministries),
                "grade": r.grade.grade,
                "grade_label": grade_label(r.grade.grade, r.grade.qualitative_only, self.lang),
                "grade_incomplete": r.grade.incomplete,
                "path": _relative(m.path, self.plan.config.root),
            }

    def measure_ministries(self) -> Iterator[dict[str, Any]]:
        for r in self.results:
            for position, name in enumerate(dict.fromkeys(r.measure.ministries)):
                yield {"measure_id": r.measure.id, "ministry_id": self.ministry_ids[name], "position": position}

    def editions(self) -> Iterator[dict[str, Any]]:
        for r in self.results:
            for e in r.measure.editions:
                also = ", ".join(e.also)
                yield {"measure_id": r.measure.id, "edition": e.year, "number": e.number, "pillar": e.pillar, "also": also}

    def _indicators(self) -> Iterator[tuple[int, str, int, Indicator]]:
        for r in self.results:
            for position, indicator in enumerate(r.measure.indicators):
                yield self.indicator_ids[(r.measure.id, indicator.id)], r.measure.id, position, indicator

    def indicators(self) -> Iterator[dict[str, Any]]:
        for row_id, measure_id, position, i in self._indicators():
            yield {
                "id": row_id,
                "measure_id": measure_id,
                "indicator_id": i.id,
                "position": position,
                "name": i.name,
                "kind": i.kind.value,
                "direction": i.direction.value if i.direction else None,
                "unit": i.unit,
                "primary": i.primary,
                "target": i.target,
                "deadline": i.deadline,
                "adopted_target": adopted_number(i, "target"),
                "adopted_deadline": adopted_year(i, "deadline"),
                "baseline": i.baseline,
                "baseline_year": i.baseline_year,
                "start": i.start,
                "milestones": json.dumps([{"year": x.year, "value": x.value} for x in i.milestones]) if i.milestones else None,
                "limit": i.limit,
                "year_basis": i.year_basis.value,
                "source": i.source,
            }

    def actuals(self) -> Iterator[dict[str, Any]]:
        for row_id, measure_id, _, i in self._indicators():
            for a in i.actuals:
                yield _actual(row_id, measure_id, a)

    def revisions(self) -> Iterator[dict[str, Any]]:
        count = 0
        for row_id, measure_id, _, i in self._indicators():
            for rev in i.revisions:
                count += 1
                yield {
                    "id": count,
                    "indicator": row_id,
                    "measure_id": measure_id,
                    "date": rev.date.isoformat(),
                    "field": rev.field,
                    "old": _json(rev.old),
                    "new": _json(rev.new),
                    "reason": rev.reason,
                }

    def assessments(self) -> Iterator[dict[str, Any]]:
        for r in self.results:
            for a in r.assessments:
                yield {
                    "indicator": self.indicator_ids[(r.measure.id, a.indicator.id)],
                    "measure_id": r.measure.id,
                    "year": a.year,
                    "method": a.method.value,
                    "status": a.status.value,
                    "status_label": status_label(a.status, self.lang),
                    "lagging": a.lagging,
                    "actual": a.actual,
                    "actual_year": a.actual_year,
                    "baseline": a.baseline,
                    "baseline_year": a.baseline_year,
                    "baseline_inferred": a.baseline_inferred,
                    "target": a.target,
                    "deadline": a.deadline,
                    "achievement": _finite(a.achievement),
                    "progress": _finite(a.progress),
                    "expected": _finite(a.expected),
                    "pace": _finite(a.pace),
                    "score": _finite(a.score),
                    "note": a.note,
                }


def _actual(indicator: int, measure_id: str, a: Actual) -> dict[str, Any]:
    return {
        "indicator": indicator,
        "measure_id": measure_id,
        "year": a.year,
        "value": a.value,
        "status": a.status.value if a.status else None,
        "note": a.note,
        "source": a.source,
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _finite(value: float | None) -> float | None:
    return value if value is not None and value == value and abs(value) != float("inf") else None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


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
        "databases": {path.stem: {"tables": tables}},
    }
