"""kpi db: the SQLite database, its views and metadata, read back by sqlite3 and by Datasette itself."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.errors import KpiError
from kpi.export.db import build_db
from kpi.judge.report import build_report
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest
TABLES = {"measures", "editions", "indicators", "actuals", "revisions", "assessments", "ministries", "measure_ministries"}


@pytest.fixture
def repo(tmp_path: Path, plan_repo: Callable[..., PlanRepo], revision: Callable[..., str]) -> PlanRepo:
    repo = plan_repo(tmp_path / "plan")
    path = repo.path("2024-001")
    repo.edit("2024-001", "target = 200", "target = 180")
    path.write_text(path.read_text("utf-8") + revision("target", "200", "180", "統計の見直し"), "utf-8")
    return repo


def rows(db: Path, sql: str, *params: object) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def test_tables_views_and_keys(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "out" / "plan.db"
    db.parent.mkdir()
    summary = build_db(read_plan(repo.root), db, year=2024)
    assert summary.metadata_path == tmp_path / "out" / "plan.metadata.json"
    names = {r["name"]: r["type"] for r in rows(db, "SELECT name, type FROM sqlite_master")}
    assert {n for n, t in names.items() if t == "table"} >= TABLES
    assert {n for n, t in names.items() if t == "view"} == {"lagging", "missing", "targets_changed"}
    assert {"measures_fts", "indicators_fts"} <= set(names)
    assert summary.rows["measures"] == 3 and summary.rows["indicators"] == 3 and summary.rows["actuals"] == 3
    # Foreign keys are declared and hold.
    with closing(sqlite3.connect(db)) as conn:
        fks = {(t, row[3], row[2]) for t in TABLES for row in conn.execute(f"PRAGMA foreign_key_list({t})")}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {
        ("measures", "lead_ministry_id", "ministries"),
        ("measure_ministries", "measure_id", "measures"),
        ("measure_ministries", "ministry_id", "ministries"),
        ("editions", "measure_id", "measures"),
        ("indicators", "measure_id", "measures"),
        ("actuals", "indicator", "indicators"),
        ("revisions", "indicator", "indicators"),
        ("assessments", "indicator", "indicators"),
    } <= fks
    # The ministries keep kpi.toml's order; the lead ministry comes first for a measure of two.
    assert [r["name"] for r in rows(db, "SELECT name FROM ministries ORDER BY id")] == ["内閣府", "総務省", "厚生労働省"]
    assert rows(
        db,
        "SELECT n.name FROM measure_ministries mm JOIN ministries n ON n.id = mm.ministry_id "
        "WHERE measure_id = '2024-001' ORDER BY mm.position",
    ) == [{"name": "内閣府"}, {"name": "総務省"}]


def test_rows_carry_the_plan(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "kpi.db"
    build_db(read_plan(repo.root), db, year=2024, lang=Lang.EN)
    [visits] = rows(db, "SELECT * FROM indicators WHERE indicator_id = 'visits'")
    assert (visits["target"], visits["adopted_target"], visits["deadline"], visits["adopted_deadline"]) == (180, 200, 2026, 2026)
    [survey] = rows(
        db, "SELECT a.year, a.status, a.note FROM actuals a JOIN indicators i ON i.id = a.indicator WHERE i.kind = 'qualitative'"
    )
    assert survey == {"year": 2024, "status": "done", "note": "公表済"}
    [rev] = rows(db, "SELECT date, field, old, new, reason FROM revisions")
    assert rev == {"date": "2025-06-01", "field": "target", "old": "200", "new": "180", "reason": "統計の見直し"}
    statuses = {r["measure_id"]: (r["status"], r["status_label"]) for r in rows(db, "SELECT * FROM assessments")}
    # 2024-001: b = 100, T = 180, a = 150: p = 0.625, e = 0.5 → on_track; 2024-002: r = 0.8 → behind.
    assert statuses == {"2024-001": ("on_track", "on track"), "2024-002": ("behind", "behind"), "2024-003": ("done", "done")}
    assert rows(db, "SELECT measure_id, indicator_id, adopted_target, target, revisions FROM targets_changed") == [
        {"measure_id": "2024-001", "indicator_id": "visits", "adopted_target": 200, "target": 180, "revisions": 1}
    ]
    assert [r["measure_id"] for r in rows(db, "SELECT measure_id FROM lagging")] == ["2024-002"]
    # FY2025 has no figure anywhere: every indicator is missing, once per ministry of its measure.
    summary = build_db(read_plan(repo.root), db, year=2025)
    assert summary.rows["missing"] == 3  # distinct indicators
    missing = rows(db, "SELECT ministry, measure_id FROM missing")
    assert missing == [
        {"ministry": "内閣府", "measure_id": "2024-001"},
        {"ministry": "内閣府", "measure_id": "2024-003"},
        {"ministry": "厚生労働省", "measure_id": "2024-002"},
        {"ministry": "総務省", "measure_id": "2024-001"},
    ]


def test_full_text_search(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "kpi.db"
    build_db(read_plan(repo.root), db, year=2024)
    found = rows(
        db, "SELECT m.id FROM measures_fts f JOIN measures m ON m.rowid = f.rowid WHERE measures_fts MATCH ?", '"相談窓口"'
    )
    assert found == [{"id": "2024-001"}]
    found = rows(
        db,
        "SELECT i.indicator_id FROM indicators_fts f JOIN indicators i ON i.rowid = f.rowid WHERE indicators_fts MATCH ?",
        '"全国調査"',
    )
    assert found == [{"indicator_id": "survey"}]


def test_rebuild_is_idempotent_and_replaces_whole(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "kpi.db"
    plan = read_plan(repo.root)
    build_db(plan, db, year=2024)
    first = db.read_bytes(), db.with_name("kpi.metadata.json").read_bytes()
    build_db(plan, db, year=2024)
    assert (db.read_bytes(), db.with_name("kpi.metadata.json").read_bytes()) == first
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "kpi.db",
        "kpi.metadata.json",
    ]  # no temp file left


def test_refuses_to_overwrite_what_is_not_a_database(repo: PlanRepo, tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes", "utf-8")
    with pytest.raises(KpiError) as info:
        build_db(read_plan(repo.root), notes)
    assert str(info.value) == f"{notes}: exists and is not a SQLite database; not overwriting it: remove it or give another name"
    assert notes.read_text("utf-8") == "my notes"
    with pytest.raises(KpiError, match="is a folder"):
        build_db(read_plan(repo.root), tmp_path)


def test_metadata_describes_every_column(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "kpi.db"
    build_db(read_plan(repo.root), db, year=2024)
    meta = json.loads((tmp_path / "kpi.metadata.json").read_text("utf-8"))
    assert meta["title"] == "テスト計画 — KPI (FY2024)"
    assert meta["source"].startswith("テスト計画")
    tables = meta["databases"]["kpi"]["tables"]
    for table in TABLES:
        columns = [r["name"] for r in rows(db, f"PRAGMA table_info({table})")]
        assert set(tables[table]["columns"]) == set(columns), table
        assert tables[table]["description"]
    assert {"lagging", "missing", "targets_changed"} <= set(tables)


def test_datasette_serves_the_database(repo: PlanRepo, tmp_path: Path, datasette_get: Callable[[Path, str], Any]) -> None:
    db = tmp_path / "kpi.db"
    build_db(read_plan(repo.root), db, year=2024)
    lagging = datasette_get(db, "/kpi/lagging.json?_shape=array")
    assert [(r["measure_id"], r["indicator_id"], r["status"]) for r in lagging] == [("2024-002", "isolated-rate", "behind")]
    found = datasette_get(db, "/kpi/measures.json?_search=相談窓口&_shape=array")
    assert [r["id"] for r in found] == ["2024-001"]
    meta = datasette_get(db, "/-/metadata.json")
    assert meta["title"] == "テスト計画 — KPI (FY2024)"
    # Read-only: Datasette refuses a write through its SQL endpoint.
    refused = subprocess.run(
        [sys.executable, "-m", "datasette", str(db), "--get", "/kpi.json?sql=DELETE+FROM+measures"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert len(rows(db, "SELECT id FROM measures")) == 3, refused.stdout


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025])
def test_shipped_plan_views_match_kpi_lagging_and_missing(
    tmp_path: Path, year: int, datasette_get: Callable[[Path, str], Any]
) -> None:
    plan = read_plan(REPO)
    db = tmp_path / "kpi.db"
    result = runner.invoke(app, ["db", str(db), "--dir", str(REPO), "--year", str(year)])
    assert result.exit_code == 0, result.output
    # The lagging view has the rows of `kpi lagging`, in its order (worst status, then slowest pace).
    listed = json.loads(runner.invoke(app, ["lagging", "--dir", str(REPO), "--year", str(year), "--format", "json"]).stdout)
    # the view shows numbers rounded as the tables do (pace to 2 places)
    expected = [
        (i["measure_id"], i["indicator_id"], i["status"], None if i["pace"] is None else round(i["pace"], 2))
        for i in listed["indicators"]
    ]
    view = [(r["measure_id"], r["indicator_id"], r["status"], r["pace"]) for r in rows(db, "SELECT * FROM lagging")]
    assert view == expected
    assert view, "the shipped plan has lagging indicators in these years"
    # … which are the lagging statuses of the report.
    report = build_report(plan, year=year, lagging=True)
    assert sorted(v[:3] for v in view) == sorted((r.measure.id, a.indicator.id, a.status.value) for r, a in report.assessments())
    # The missing view has the rows of `kpi missing`, ministry by ministry.
    missing = json.loads(runner.invoke(app, ["missing", "--dir", str(REPO), "--year", str(year), "--format", "json"]).stdout)
    expected_missing = [
        (g["ministry"], i["measure_id"], i["indicator_id"], i["last_year"]) for g in missing["ministries"] for i in g["items"]
    ]
    in_view = [(r["ministry"], r["measure_id"], r["indicator_id"], r["last_year"]) for r in rows(db, "SELECT * FROM missing")]
    assert in_view == expected_missing
    # Datasette serves the same view.
    served = datasette_get(db, "/kpi/lagging.json?_shape=array&_size=max")
    assert [(r["measure_id"], r["indicator_id"], r["status"], r["pace"]) for r in served] == view


# -- the command ------------------------------------------------------------------------------------------------


def test_cli_db(repo: PlanRepo, tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    result = runner.invoke(app, ["db", str(db), "--dir", str(repo.root), "--year", "R6"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{db}: 3 measures, 3 indicators, 3 figures, 1 lagging and 0 missing for FY2024\n"
    assert f"serve with: datasette {db} -m {tmp_path / 'plan.metadata.json'}" in result.stderr


def test_cli_db_error(repo: PlanRepo, tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", str(tmp_path / "no" / "kpi.db"), "--dir", str(repo.root)])
    assert result.exit_code == 1
    folder = tmp_path / "no"
    assert result.stderr == f"Error: {folder / 'kpi.db'}: folder {folder} does not exist; create it or give another path\n"


def test_cli_db_help() -> None:
    result = runner.invoke(app, ["db", "--help"])
    assert result.exit_code == 0
    assert "Build a SQLite database of the plan, ready for Datasette." in result.stdout


def test_two_character_words_are_found_and_views_are_rounded(tmp_path: Path, datasette_get: Callable[[Path, str], Any]) -> None:
    db = tmp_path / "kpi.db"
    assert runner.invoke(app, ["db", str(db), "--dir", str(REPO), "--year", "2023"]).exit_code == 0
    # the trigram index cannot find 孤独 or 相談 (two characters) …
    assert rows(db, "SELECT rowid FROM measures_fts WHERE measures_fts MATCH ?", '"孤独"') == []
    # … the canned query can, through Datasette, in titles and indicator names
    for word in ("孤独", "相談", "相談窓口"):
        found = datasette_get(db, f"/kpi/search.json?q={word}&_shape=array&_size=max")
        assert found and all(word in r["title"] or word in (r["indicator"] or "") for r in found), word
        titles = {r["title"] for r in rows(db, "SELECT title FROM measures WHERE instr(title, ?) > 0", word)}
        assert titles <= {r["title"] for r in found}
    assert datasette_get(db, "/kpi/search.json?q=&_shape=array") == []
    lagging = rows(db, "SELECT achievement, progress, expected, pace FROM lagging")
    assert lagging
    for row in lagging:
        achievement, progress, expected, pace = row["achievement"], row["progress"], row["expected"], row["pace"]
        for value, places in ((achievement, 3), (progress, 3), (expected, 3), (pace, 2)):
            assert value is None or value == round(value, places)
