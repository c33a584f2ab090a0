"""`kpi db` in Japanese and in English (issue 15): the Datasette metadata as Datasette itself serves it — title,
descriptions of the database, tables, views and columns — the labels in the tables, and the summary it prints.
Table and column names stay ASCII in both, so the SQL reads the same."""

from __future__ import annotations

import ast
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from kpi.export.db import DbSummary, build_db
from kpi.i18n import Lang, speaking
from kpi.plan.loader import read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

META = {
    Lang.JA: {
        "title": "テスト計画 — 成果指標（令和5年度）",
        "description": "テスト計画（2025年版）の施策・成果指標・目標・報告された実績。"
        "令和5年度について線形（linear）の方法で評価したもの。",
        "source": "テスト計画: 計画リポジトリの施策ファイル（kpi）",
        "measures": "施策ファイル一つにつき一行（掲載が終わった施策を含む）。",
        "number": "施策番号（現行版での番号。現行版に掲載がなければ null）",
        "status_label": "状況",
        "missing": "現行の施策の指標のうち、令和5年度の実績が未報告のもの"
        "（目標年度を過ぎた指標は、目標年度以降の実績がない間だけ）。担当府省庁ごと。",
        "search": "施策・指標の検索",
        "done": "実施済",
    },
    Lang.EN: {
        "title": "テスト計画 — KPI (FY2023)",
        "description": "The measures, indicators, targets and reported figures of テスト計画 (2025 edition), judged for FY2023 "
        "with the linear method.",
        "source": "テスト計画: measure files of the plan repository (kpi)",
        "measures": "One row per measure file (施策), retired ones included.",
        "number": "Number in the current edition (null when not listed there)",
        "status_label": "The status in words",
        "missing": "Indicators of current measures with no figure for FY2023 (after a deadline: only while no figure for the "
        "deadline or a later year is in), under each of their ministries.",
        "search": "Search measures and indicators",
        "done": "done",
    },
}


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_datasette_serves_the_metadata_in_the_language(
    tmp_path: Path, make_plan: MakePlan, lang: Lang, datasette_get: Callable[[Path, str], Any]
) -> None:
    root = make_plan(tmp_path, plan="export")
    db = tmp_path / "kpi.db"
    with speaking(lang):  # as `kpi db --lang …` runs it: the run's language, no argument
        build_db(read_plan(root), db, year=2023)
    want = META[lang]
    meta = datasette_get(db, "/-/metadata.json")
    assert (meta["title"], meta["description"], meta["source"]) == (want["title"], want["description"], want["source"])
    tables = meta["databases"]["kpi"]["tables"]
    assert tables["measures"]["description"] == want["measures"]
    assert tables["measures"]["columns"]["number"] == want["number"]
    assert tables["assessments"]["columns"]["status_label"] == want["status_label"]
    assert tables["missing"]["description"] == want["missing"]
    assert meta["databases"]["kpi"]["queries"]["search"]["title"] == want["search"]
    # the names stay ASCII: the same SQL in both languages, and the labels in the rows follow the language
    served = datasette_get(db, "/kpi.json?sql=select+status_label+from+assessments+where+measure_id='2024-004'&_shape=array")
    assert served == [{"status_label": want["done"]}]
    with closing(sqlite3.connect(db)) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(assessments)")]
    assert all(c.isascii() for c in columns) and "status_label" in columns


def test_every_description_is_in_japanese(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="export")
    db = tmp_path / "kpi.db"
    build_db(read_plan(root), db, year=2023, lang=Lang.JA)
    meta = json.loads(db.with_name("kpi.metadata.json").read_text("utf-8"))
    texts = [meta["title"], meta["description"]]
    for table in meta["databases"]["kpi"]["tables"].values():
        texts += [table["description"], *table.get("columns", {}).values()]
    kana = [t for t in texts if not any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert kana == []


def test_db_summary_in_both_languages() -> None:
    rows = {"measures": 143, "indicators": 182, "actuals": 640, "lagging": 7, "missing": 12}
    summary = DbSummary(Path("kpi.db"), Path("kpi.metadata.json"), 2025, rows)
    assert summary.text(Lang.JA) == (
        "kpi.db: 施策 143件、指標 182件、実績 640件を書き込みました。令和7年度の遅れている指標 7件、未報告 12指標。"
    )
    assert summary.text(Lang.EN) == "kpi.db: 143 measures, 182 indicators, 640 figures, 7 lagging and 12 missing for FY2025"
    assert summary.serve_text(Lang.JA) == ("メタデータ: kpi.metadata.json。公開するには: datasette kpi.db -m kpi.metadata.json")
    assert summary.serve_text(Lang.EN) == "metadata: kpi.metadata.json; serve with: datasette kpi.db -m kpi.metadata.json"


def test_the_export_catalogs_share_no_id_with_ja_py() -> None:
    """ja_export.py and ja_db.py are spread into ja.py's JA (``**EXPORT, **DATABASE``): an id in two of them would
    silently take one translation, which the duplicate check of a single dict literal cannot see."""
    folder = Path(__file__).resolve().parents[2] / "kpi" / "i18n"

    def ids(name: str) -> list[str]:
        tree = ast.parse((folder / name).read_text("utf-8"))
        return [
            k.value for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys if isinstance(k, ast.Constant)
        ]

    every = ids("ja.py") + ids("ja_export.py") + ids("ja_db.py")
    assert sorted({i for i in every if every.count(i) > 1}) == []
