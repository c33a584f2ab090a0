"""kpi db: the reports and comments tables, stage/rs_ids/needs_explanation columns, full-text search over the report
texts, all described in the Datasette metadata — read back by sqlite3 and by Datasette itself."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from kpi.export.db import build_db
from kpi.plan.loader import read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture of tests/conftest.py

MEASURE = """\
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]
rs_ids = ["0123-4567", "0089"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
stage = "output"
target = 130000
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2022 = 98000
2024 = 100000

[reports.2023]
done = "検索サイトを開設した。"
budget = 80

[reports.2024]
done = "検索サイトを改修し、若年層向けの広報動画を制作した。"
next = "SNS広告を拡充する。"
budget = 130.5
submitted = 2025-06-15

[[reports.2024.comments]]
from = "有識者会議"
text = "若年層への周知を強化されたい。"

[[reports.2024.comments]]
from = "推進会議"
text = "効果検証を。"
response = "アクセス解析を行う。"
"""


def rows(db: Path, sql: str, *params: object) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def build(tmp_path: Path, make_plan: MakePlan) -> Path:
    root = make_plan(tmp_path, {"2024-008.toml": MEASURE})
    db = tmp_path / "kpi.db"
    build_db(read_plan(root), db, year=2024)
    return db


def test_reports_and_comments_tables(tmp_path: Path, make_plan: MakePlan) -> None:
    db = build(tmp_path, make_plan)
    assert rows(db, "SELECT measure_id, year, done, budget, submitted FROM reports ORDER BY year") == [
        {"measure_id": "2024-008", "year": 2023, "done": "検索サイトを開設した。", "budget": 80.0, "submitted": None},
        {
            "measure_id": "2024-008",
            "year": 2024,
            "done": "検索サイトを改修し、若年層向けの広報動画を制作した。",
            "budget": 130.5,
            "submitted": "2025-06-15",
        },
    ]
    assert rows(db, "SELECT year, number, commenter, response, answered FROM comments ORDER BY id") == [
        {"year": 2024, "number": 1, "commenter": "有識者会議", "response": None, "answered": 0},
        {"year": 2024, "number": 2, "commenter": "推進会議", "response": "アクセス解析を行う。", "answered": 1},
    ]
    assert rows(db, "SELECT stage FROM indicators") == [{"stage": "output"}]
    assert rows(db, "SELECT rs_ids FROM measures") == [{"rs_ids": "0123-4567, 0089"}]
    assert rows(db, "SELECT needs_explanation FROM assessments") == [{"needs_explanation": 1}]  # far behind, no issues
    with closing(sqlite3.connect(db)) as conn:
        keys = {(row[2], row[3]) for t in ("reports", "comments") for row in conn.execute(f"PRAGMA foreign_key_list({t})")}
    assert keys == {("measures", "measure_id")}


def test_full_text_search_over_report_texts_and_comments(tmp_path: Path, make_plan: MakePlan) -> None:
    db = build(tmp_path, make_plan)
    found = rows(
        db, "SELECT r.year FROM reports_fts f JOIN reports r ON r.rowid = f.rowid WHERE reports_fts MATCH ?", '"広報動画"'
    )
    assert found == [{"year": 2024}]
    found = rows(
        db,
        "SELECT c.number FROM comments_fts f JOIN comments c ON c.rowid = f.rowid WHERE comments_fts MATCH ?",
        '"アクセス解析"',
    )
    assert found == [{"number": 2}]


def test_datasette_searches_and_describes_them(tmp_path: Path, make_plan: MakePlan) -> None:
    db = build(tmp_path, make_plan)
    meta = json.loads((tmp_path / "kpi.metadata.json").read_text("utf-8"))
    tables = meta["databases"]["kpi"]["tables"]
    assert tables["reports"]["fts_table"] == "reports_fts" and tables["comments"]["fts_table"] == "comments_fts"
    assert set(tables["reports"]["columns"]) == {r["name"] for r in rows(db, "PRAGMA table_info(reports)")}
    assert set(tables["comments"]["columns"]) == {r["name"] for r in rows(db, "PRAGMA table_info(comments)")}
    assert "stage" in tables["indicators"]["columns"] and "needs_explanation" in tables["assessments"]["columns"]
    done = subprocess.run(
        [sys.executable, "-m", "datasette", str(db), "-m", str(tmp_path / "kpi.metadata.json"), "--get",
         "/kpi/reports.json?_search=SNS広告&_shape=array"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [r["year"] for r in json.loads(done.stdout)] == [2024]
