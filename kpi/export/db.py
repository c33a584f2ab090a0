"""The whole plan as a SQLite database (sqlite-utils), with a Datasette metadata file beside it.

Tables: measures, editions, indicators, actuals, revisions, assessments (one evaluation year), ministries,
measure_ministries, and the yearly reports and their comments; foreign keys between them; full-text search on
measure titles, indicator names, report texts and comments; views lagging, missing and targets_changed. The
database is built in a temporary file in the same folder and renamed over PATH, so a rebuild gives the same
database and never a half-written one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi.errors import KpiError
from kpi.export.dbschema import FTS, TABLES, metadata, views
from kpi.fiscal import year_text
from kpi.history.policy import adopted_number, adopted_year
from kpi.i18n import _, active, in_lang
from kpi.judge.report import MeasureResult, assess_measure, evaluation_year, thresholds_for
from kpi.model import Actual, Indicator, Method, Plan
from kpi.safefile import atomic_write, output_target, replacing
from kpi.text import finite, shown_path
from kpi.views.labels import Lang, flags_text, grade_label, status_label

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DbSummary:
    path: Path
    metadata_path: Path
    year: int
    rows: dict[str, int]

    def text(self, lang: Lang | None = None) -> str:
        """What `kpi db` prints: the counts written, for the evaluation year."""
        lang = lang or active()
        rows = self.rows
        return in_lang(
            lang,
            "{path}: {measures} measures, {indicators} indicators, {figures} figures, {lagging} lagging and {missing} missing "
            "for {year}",
            path=self.path,
            measures=rows["measures"],
            indicators=rows["indicators"],
            figures=rows["actuals"],
            lagging=rows["lagging"],
            missing=rows["missing"],
            year=year_text(self.year, calendar=False, lang=lang),
        )

    def serve_text(self, lang: Lang | None = None) -> str:
        """Where the Datasette metadata went and how to serve the database with it."""
        return in_lang(
            lang or active(),
            "metadata: {metadata}; serve with: datasette {path} -m {metadata}",
            metadata=self.metadata_path,
            path=self.path,
        )


def metadata_path_for(path: Path) -> Path:
    """``kpi.db`` → ``kpi.metadata.json`` beside it."""
    return path.with_name(path.stem + ".metadata.json")


def build_db(
    plan: Plan, path: Path, *, year: int | None = None, method: Method | None = None, lang: Lang | None = None
) -> DbSummary:
    """Write the plan to the SQLite file ``path`` (replacing it whole) and the Datasette metadata beside it.

    ``lang`` (default: the run's language) is that of the labels in the tables and of the metadata's title,
    descriptions and column descriptions; table and column names stay ASCII."""
    lang = lang or active()
    target, meta = _check_target(path), metadata_path_for(path)
    meta_target = output_target(meta)
    judged = evaluation_year(year)
    thresholds = thresholds_for(plan, method)
    results = [assess_measure(m, judged, thresholds, plan.config.edition) for m in plan.measures]
    try:
        with replacing(target) as scratch:
            scratch.unlink()  # sqlite-utils creates the database file itself
            rows = _write(scratch, plan, results, judged, lang)
        shown = metadata(plan, path, judged, lang)
        atomic_write(meta_target, (json.dumps(shown, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except (OSError, sqlite3.Error) as exc:  # a read-only folder, a full disk: the old database stays as it was
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise KpiError(
            _("{path}: cannot write the database ({reason}); free some space or give a writable path", path=path, reason=reason)
        ) from None
    return DbSummary(path, meta, judged, rows)


def _check_target(path: Path) -> Path:
    """The file to replace for ``path`` (a symlink followed only within its folder); refuses anything but a database."""
    if path.is_dir():
        raise KpiError(_("{path}: is a folder; give a database file name like kpi.db", path=path))
    if not path.parent.is_dir():
        raise KpiError(_("{path}: folder {folder} does not exist; create it or give another path", path=path, folder=path.parent))
    target = output_target(path)
    if target.exists() and target.stat().st_size:
        with target.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise KpiError(
                    _(
                        "{path}: exists and is not a SQLite database; not overwriting it: remove it or give another name",
                        path=path,
                    )
                )
    return target


def _write(path: Path, plan: Plan, results: list[MeasureResult], year: int, lang: Lang) -> dict[str, int]:
    import sqlite_utils

    db = sqlite_utils.Database(path)
    # A new file built beside the old one: `replacing` syncs it once and renames it over, so SQLite need keep no
    # rollback journal and sync nothing at each commit (a failed build is thrown away whole).
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
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
                "path": shown_path(m.path, self.plan.config.root),
                "rs_ids": ", ".join(m.rs_ids) or None,
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
                "counting": i.counting.value,
                "source": i.source,
                "stage": i.stage.value if i.stage else None,
            }

    def actuals(self) -> Iterator[dict[str, Any]]:
        for row_id, measure_id, _position, i in self._indicators():
            for a in i.actuals:
                yield _actual(row_id, measure_id, a)

    def revisions(self) -> Iterator[dict[str, Any]]:
        count = 0
        for row_id, measure_id, _position, i in self._indicators():
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
                    "overdue": a.overdue,
                    "stale": a.stale,
                    "flags": flags_text(a.flags, a.actual_year, a.indicator.year_basis, self.lang),
                    "actual": a.actual,
                    "actual_year": a.actual_year,
                    "baseline": a.baseline,
                    "baseline_year": a.baseline_year,
                    "baseline_inferred": a.baseline_inferred,
                    "target": a.target,
                    "deadline": a.deadline,
                    "achievement": finite(a.achievement),
                    "progress": finite(a.progress),
                    "expected": finite(a.expected),
                    "pace": finite(a.pace),
                    "score": finite(a.score),
                    "note": a.note,
                    "needs_explanation": a.needs_explanation,
                }

    def reports(self) -> Iterator[dict[str, Any]]:
        for r in self.results:
            for report in r.measure.reports:
                yield {
                    "measure_id": r.measure.id,
                    "year": report.year,
                    **{key: report.text(key) for key in ("done", "issues", "next")},
                    "budget": report.budget,
                    "budget_note": report.budget_note,
                    "contact": report.contact,
                    "submitted": report.submitted.isoformat() if report.submitted else None,
                }

    def comments(self) -> Iterator[dict[str, Any]]:
        count = 0
        for r in self.results:
            for report in r.measure.reports:
                for number, c in enumerate(report.comments, 1):
                    count += 1
                    response = c.response if c.answered else None
                    where = {"id": count, "measure_id": r.measure.id, "year": report.year, "number": number}
                    yield where | {"commenter": c.by, "text": c.text, "response": response, "answered": c.answered}


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
