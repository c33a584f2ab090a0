"""The evaluation csv is written a row at a time (kpi.export.plain.evaluation_csv): the same bytes as the csv made
from the whole evaluation table, the same error for a cell the encoding cannot hold, and nothing half-written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kpi.export import export, render
from kpi.export.plain import UnencodableCell, evaluation_csv, to_csv
from kpi.export.provenance import provenance
from kpi.export.table import evaluation
from kpi.judge.report import build_report
from kpi.model import Encoding, ExportFormat, Kind
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

ROOT = Path(__file__).resolve().parents[2]  # the shipped plan: 再掲 rows, qualitative and cumulative indicators

MEASURE = """\
id = "2024-001"
title = "相談窓口の整備 😀"
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "a"
name = "相談件数"
kind = "level"
direction = "up"
unit = "件"
baseline = 100
baseline_year = 2022
target = 200
deadline = 2026
actuals = { 2023 = 150 }
"""


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("encoding", [Encoding.utf8, Encoding.cp932])
@pytest.mark.parametrize("ministry", [None, "厚生労働省"])
def test_streamed_csv_is_the_whole_table_csv(tmp_path: Path, lang: Lang, encoding: Encoding, ministry: str | None) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023, ministry=ministry)
    ev = evaluation(report, provenance(plan, report), lang, root=plan.config.root)
    whole = render(ev, ExportFormat.csv, encoding=encoding, output=Path("x.csv"))
    assert whole == to_csv(ev, encoding.value, "x.csv")
    assert b"".join(evaluation_csv(report, lang, plan.config.root, encoding.value, "x.csv")) == whole
    out = tmp_path / "x.csv"
    result = export(plan, ExportFormat.csv, out, year=2023, lang=lang, ministry=ministry, encoding=encoding)
    assert out.read_bytes() == whole
    assert (result.size, result.rows) == (len(whole), len(ev.rows))
    assert any(row.repeat for row in ev.listed_rows) or ministry  # the shipped plan lists measures again (再掲)


def test_an_unencodable_cell_is_named_as_before_and_nothing_is_written(make_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path / "plan", {"2024-001.toml": MEASURE})
    plan = read_plan(root)
    report = build_report(plan, year=2023)
    ev = evaluation(report, provenance(plan, report), Lang.JA, root=plan.config.root)
    with pytest.raises(UnencodableCell) as whole:
        to_csv(ev, "cp932", "x.csv")
    out = tmp_path / "out" / "x.csv"
    out.parent.mkdir()
    with pytest.raises(UnencodableCell) as streamed:
        export(plan, ExportFormat.csv, out, year=2023, lang=Lang.JA, encoding=Encoding.cp932)
    assert str(streamed.value) == str(whole.value)
    assert "measures/2024-001.toml" in str(streamed.value)
    assert list(out.parent.iterdir()) == []  # no file, no temporary


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("encoding", [Encoding.utf8, Encoding.cp932])
def test_streamed_rs_csv_is_the_whole_rs_csv(tmp_path: Path, lang: Lang, encoding: Encoding) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    ev = evaluation(report, provenance(plan, report), lang, root=plan.config.root)
    whole = render(ev, ExportFormat.rs, encoding=encoding, output=Path("rs.csv"))
    out = tmp_path / "rs.csv"
    result = export(plan, ExportFormat.rs, out, year=2023, lang=lang, encoding=encoding)
    assert out.read_bytes() == whole
    assert whole.startswith(b"\xef\xbb\xbf") == (encoding is Encoding.utf8)
    assert (result.size, result.rows) == (len(whole), len(ev.rows))
    records = list(csv.reader(io.StringIO(whole.decode(encoding.value).removeprefix("\ufeff"))))
    qualitative = sum(row.assessment.indicator.kind is Kind.QUALITATIVE for row in ev.rows)
    assert len(records) == 1 + 4 * (len(ev.rows) - qualitative) + qualitative  # the header, four lines an indicator


def test_an_unencodable_rs_cell_is_named_and_nothing_is_written(make_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path / "plan", {"2024-001.toml": MEASURE})
    plan = read_plan(root)
    report = build_report(plan, year=2023)
    ev = evaluation(report, provenance(plan, report), Lang.JA, root=plan.config.root)
    with pytest.raises(UnencodableCell) as whole:
        render(ev, ExportFormat.rs, encoding=Encoding.cp932, output=Path("rs.csv"))
    out = tmp_path / "out" / "rs.csv"
    out.parent.mkdir()
    with pytest.raises(UnencodableCell) as streamed:
        export(plan, ExportFormat.rs, out, year=2023, lang=Lang.JA, encoding=Encoding.cp932)
    assert str(streamed.value) == str(whole.value)
    assert "rs.csv" in str(streamed.value) and "measures/2024-001.toml" in str(streamed.value)
    assert list(out.parent.iterdir()) == []  # no file, no temporary


@pytest.mark.parametrize("name", ["rs.csv", "rs.xlsx"])
def test_rs_refuses_print_as_before_it_was_streamed(tmp_path: Path, name: str) -> None:
    from kpi.export import ExportError

    out = tmp_path / name
    with pytest.raises(ExportError, match="--print applies to --format html only"):
        export(read_plan(ROOT), ExportFormat.rs, out, year=2023, printable=True)
    assert not out.exists()
