"""The evaluation workbook is written as its rows are made (kpi.export.xlsx.write_xlsx over Evaluation.each_row, the
long summary lists made again when read, straight into the output file): the same bytes as the workbook made from
the whole evaluation table, with xlsxwriter keeping nothing of the rows it has written."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from kpi.export import export, render
from kpi.export.provenance import provenance
from kpi.export.sections import SECTION_KEYS, Remade, section, sections
from kpi.export.table import evaluation
from kpi.export.xlsx import write_xlsx
from kpi.export.xlsxcells import LINE_HEIGHT, forget_rows_before
from kpi.judge.report import build_report
from kpi.model import ExportFormat
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[2]  # the shipped plan: 再掲 rows, lagging and missing indicators, comments
NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("ministry", [None, "厚生労働省"])
def test_streamed_workbook_is_the_whole_table_workbook(tmp_path: Path, lang: Lang, ministry: str | None) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023, ministry=ministry)
    filters = (("ministry", ministry),) if ministry else ()
    ev = evaluation(report, provenance(plan, report, now=NOW, filters=filters), lang, root=plan.config.root)
    whole = render(ev, ExportFormat.xlsx)
    out = tmp_path / "review.xlsx"
    seen: list[tuple[int, int]] = []
    progress = lambda done, total: seen.append((done, total))  # noqa: E731
    result = export(plan, ExportFormat.xlsx, out, year=2023, lang=lang, ministry=ministry, now=NOW, progress=progress)
    assert out.read_bytes() == whole, "the streamed workbook differs"
    assert (result.size, result.rows) == (len(whole), len(ev.rows))
    assert seen[-1] == (len(ev.listed_rows), len(ev.listed_rows))
    assert any(row.repeat for row in ev.listed_rows) or ministry  # 再掲 rows are among those written
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:2] == (["評価表", "データ"] if lang is Lang.JA else ["Evaluation", "Data"])
    book.close()


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_streamed_rs_workbook_is_the_whole_table_rs_workbook(tmp_path: Path, lang: Lang) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    ev = evaluation(report, provenance(plan, report, now=NOW), lang, root=plan.config.root)
    out = tmp_path / "rs.xlsx"
    whole = render(ev, ExportFormat.rs, output=out)
    seen: list[tuple[int, int]] = []
    result = export(plan, ExportFormat.rs, out, year=2023, lang=lang, now=NOW, progress=lambda *done: seen.append(done))
    assert out.read_bytes() == whole, "the streamed rs workbook differs"
    indicators = sum(len(m.assessments) for m in report.measures)
    assert (result.size, result.rows) == (len(whole), indicators)
    assert seen[-1] == (indicators, indicators) and len(seen) == indicators  # once per indicator, 再掲 rows not again
    book = openpyxl.load_workbook(out, read_only=True)
    numbers = [row[0] for row in book.worksheets[0].iter_rows(min_row=5, values_only=True) if row[0] is not None]
    book.close()
    assert len(numbers) == indicators


def test_rows_made_again_are_the_rows_kept() -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    kept = evaluation(report, provenance(plan, report, now=NOW), Lang.JA)
    again = evaluation(report, provenance(plan, report, now=NOW), Lang.JA, keep=False)
    assert again.groups == () and again.streamed
    assert [(r.result.measure.id, r.assessment.indicator.id, r.first, r.repeat, r.values) for r in again.each_row()] == [
        (r.result.measure.id, r.assessment.indicator.id, r.first, r.repeat, r.values) for r in kept.listed_rows
    ]
    assert again.listed_count == len(kept.listed_rows) > len(kept.rows) == len(again.rows)
    assert again.bases == kept.bases
    for key, whole in zip(SECTION_KEYS, sections(kept), strict=True):
        remade = section(again, key, remade=True)
        assert (remade.key, remade.title, remade.header) == (whole.key, whole.title, whole.header)
        assert list(remade.rows) == list(remade.rows) == list(whole.rows) and len(remade.rows) == len(whole.rows)
    assert isinstance(section(again, "lagging", remade=True).rows, Remade)
    assert len(section(kept, "lagging").rows) > 0 and len(section(kept, "missing").rows) > 0


def _rows_workbook(path: Path, forget: bool) -> Worksheet:
    from xlsxwriter import Workbook

    book = Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    for row in range(50):
        sheet.write_string(row, 0, f"row {row}")
        sheet.set_row(row, LINE_HEIGHT * (1 + row % 3))
        if forget:
            forget_rows_before(sheet, row)
    book.close()
    return sheet


def test_written_rows_are_forgotten_and_the_workbook_is_the_same(tmp_path: Path) -> None:
    kept = _rows_workbook(tmp_path / "kept.xlsx", forget=False)
    forgot = _rows_workbook(tmp_path / "forgot.xlsx", forget=True)
    assert len(kept.row_info) == len(kept.row_sizes) == 50
    assert sorted(forgot.row_info) == sorted(forgot.row_sizes) == [49]  # only the row written out at close
    assert (tmp_path / "forgot.xlsx").read_bytes() == (tmp_path / "kept.xlsx").read_bytes()
    read = openpyxl.load_workbook(tmp_path / "forgot.xlsx").active
    assert read is not None
    heights = [read.row_dimensions[row + 1].height for row in range(50)]
    assert heights[:3] == [17.25, 33.75, 51.0] and len(set(heights)) == 3  # xlsxwriter rounds to whole pixels


def test_a_workbook_that_cannot_be_written_raises_the_os_error() -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    ev = evaluation(report, provenance(plan, report, now=NOW), Lang.JA, keep=False)
    with open("/dev/full", "wb", buffering=0) as full, pytest.raises(OSError) as caught:  # no space left on the device
        write_xlsx(ev, full)
    assert caught.value.errno == errno.ENOSPC  # raised as it came, and xlsxwriter's zip writer ended without a word
