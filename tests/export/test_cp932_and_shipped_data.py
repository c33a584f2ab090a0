"""cp932 exports (issue 11, item 12) and the shipped data's fixes (item 13)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.model import Counting, Kind
from kpi.plan.loader import read_plan
from kpi.views import labels

runner = CliRunner()
SHIPPED = Path(__file__).resolve().parents[2]


def test_the_shipped_plan_exports_as_cp932(tmp_path: Path) -> None:
    out = tmp_path / "review.csv"
    args = ["export", "--dir", str(SHIPPED), "-y", "2024", "-f", "csv", "--encoding", "cp932", "-o", str(out), "--lang", "ja"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("cp932"))))
    header = rows[0]
    assert "出典" in header and "注意" in header
    grades = {r[header.index("区分（施策）")] for r in rows[1:] if len(r) == len(header)}
    assert any(g.startswith("－") for g in grades)  # kpi's own "no grade" mark, cp932-safe


def test_every_label_kpi_writes_is_cp932_safe() -> None:
    texts: list[str] = []
    for table in (labels.STATUS, labels.GRADE, labels.DIRECTION, labels.KIND, labels.COLUMNS, labels.FLAG):
        for lang in labels.Lang:
            texts += [str(v) for v in table[lang].values()]  # type: ignore[attr-defined]
    texts += [str(v) for v in labels.GRADE_MARK.values()] + list(labels.PRIMARY.values()) + [labels.NO_VALUE]
    for text in texts:
        text.encode("cp932")  # raises on a character Shift_JIS cannot hold


def test_an_unencodable_character_names_the_file_it_came_from(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    good = (SHIPPED / "measures" / "2024-006.toml").read_text("utf-8")
    bad = (SHIPPED / "measures" / "2024-023.toml").read_text("utf-8").replace('title = "', 'title = "–', 1)
    root = make_plan(tmp_path, {"2024-006.toml": good, "2024-023.toml": bad})
    out = tmp_path / "x.csv"
    result = runner.invoke(app, ["export", "--dir", str(root), "-y", "2024", "-f", "csv", "--encoding", "cp932", "-o", str(out)])
    assert result.exit_code == 1
    assert "change it in measures/2024-023.toml" in result.stderr
    assert "2024-006" not in result.stderr


# -- item 13: the shipped data --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    return {m.id: m for m in read_plan(SHIPPED).measures}


def test_dementia_cafes_have_no_invented_year(shipped) -> None:  # type: ignore[no-untyped-def]
    (ind,) = shipped["2024-070"].indicators
    assert (ind.kind, ind.deadline, ind.target, ind.baseline, ind.baseline_year) == (Kind.TREND, None, None, 89.8, 2022)


def test_no_8_targets_with_no_year_do_not_borrow_one(shipped) -> None:  # type: ignore[no-untyped-def]
    by_id = {i.id: i for i in shipped["2024-008"].indicators}
    assert (by_id["campaign-awareness"].kind, by_id["campaign-awareness"].deadline) == (Kind.EVERY_YEAR, None)
    assert (by_id["mamorouyo-access"].kind, by_id["mamorouyo-access"].deadline) == (Kind.EVERY_YEAR, None)
    assert (by_id["search-site-access"].kind, by_id["search-site-access"].deadline) == (Kind.LEVEL, 2026)


def test_notes_hold_no_research_notes(shipped) -> None:  # type: ignore[no-untyped-def]
    for measure in shipped.values():
        for ind in measure.indicators:
            for actual in ind.actuals:
                note = actual.note or ""
                assert "published-actuals" not in note and ".txt:" not in note and not note.startswith("secondary"), (
                    measure.id,
                    actual.year,
                )


def test_indicators_named_as_running_totals_count_that_way(shipped) -> None:  # type: ignore[no-untyped-def]
    named = [i for m in shipped.values() for i in m.indicators if i.kind is Kind.CUMULATIVE and "累計" in i.name]
    assert named and all(i.counting is Counting.RUNNING_TOTAL for i in named)


def test_measures_readme_counts_the_titles() -> None:
    text = (SHIPPED / "measures" / "README.md").read_text("utf-8")
    assert "131 titles\nare identical, 8 more changed slightly" in text
