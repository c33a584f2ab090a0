"""`kpi export`: every format read back with an independent reader carries the numbers of `kpi report --format json`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kpi.errors import KpiError
from kpi.export import CsvTable, Encoding, ExportFormat, export, render
from kpi.export.plain import UnencodableCell
from kpi.export.provenance import git_state, provenance
from kpi.export.table import evaluation
from kpi.judge.report import build_report
from kpi.plan.loader import read_plan
from kpi.views import report as formats
from kpi.views.labels import Lang

NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
NUMBERS = ("baseline", "target", "actual", "achievement", "progress", "expected", "pace")
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
FixturePlan = Callable[[str], Any]  # the fixture_plan fixture
# The hostile title and note of measure 2024-002 in the fixture plan "export" (tests/data/plans/export/).
HOSTILE_TITLE = '=HYPERLINK("http://evil.example/","click") <script>alert(1)</script> | a&b'
HOSTILE_NOTE = "+1 then @SUM(A1)\nsecond line | pipe"


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


def reference(root: Path, **filters: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """The indicators of `kpi report --format json`, by (measure id, indicator id)."""
    report = build_report(read_plan(root), year=2024, **filters)
    payload = json.loads(formats.to_json(report, Lang.JA))
    return {(m["id"], i["id"]): {**i, "grade": m["grade"]} for m in payload["measures"] for i in m["indicators"]}


def do_export(root: Path, fmt: ExportFormat, name: str, **options: Any) -> Path:
    out = root.parent / name
    export(read_plan(root), fmt, out, year=2024, lang=Lang.JA, now=NOW, **options)
    return out


# -- csv ---------------------------------------------------------------------------------------------------------


def read_csv_table(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))
    header = rows[0]
    table = []
    for row in rows[1:]:
        if not row:
            break
        table.append(dict(zip(header, row, strict=True)))
    return table


CSV_LABELS = {
    "baseline": "基準値",
    "target": "目標値",
    "actual": "最新実績",
    "achievement": "達成率",
    "progress": "進捗率",
    "expected": "期待進捗",
    "pace": "進捗ペース",
}


def test_csv_reads_back_with_the_report_numbers(plan_root: Path) -> None:
    ref = reference(plan_root)
    path = do_export(plan_root, ExportFormat.csv, "out.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv_table(path)
    assert len(rows) == len(ref)
    for row in rows:
        expected = ref[(row["ID"], row["指標ID"])]
        for key in NUMBERS:
            text = row[CSV_LABELS[key]]
            places = CSV_PLACES.get(key)
            want = expected[key] if places is None or expected[key] is None else round(expected[key], places)
            assert (float(text) if text else None) == want, (row["指標ID"], key)
        assert row["状況コード"] == expected["status"]
        assert row["遅れている指標"] == ("TRUE" if expected["lagging"] else "FALSE")


CSV_PLACES = {"achievement": 3, "progress": 3, "expected": 3, "pace": 2}  # ratios as the tables show them


def test_csv_summaries_and_provenance_are_tables_of_their_own(plan_root: Path) -> None:
    main = do_export(plan_root, ExportFormat.csv, "out.csv").read_text("utf-8-sig")
    assert "[柱別集計]" not in main and "作成日時" not in main
    for table, first in (
        (CsvTable.summary_by_pillar, "柱"),
        (CsvTable.summary_by_ministry, "府省庁"),
        (CsvTable.lagging, "No."),
        (CsvTable.missing, "府省庁"),
    ):
        out = plan_root.parent / f"{table.value}.csv"
        export(read_plan(plan_root), ExportFormat.csv, out, year=2024, lang=Lang.JA, now=NOW, table=table)
        rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
        assert rows[0][0] == first and len({len(r) for r in rows}) == 1, table
    out = plan_root.parent / "prov.csv"
    export(read_plan(plan_root), ExportFormat.csv, out, year=2024, lang=Lang.JA, now=NOW, table=CsvTable.provenance)
    text = out.read_text("utf-8-sig")
    assert "評価方法・閾値,線形（linear）、on_track 0.95 以上、behind 0.6 以上、exceed_margin 0.1" in text
    assert "作成日時,2025年6月1日 09:30（JST、UTC+09:00）" in text


def test_csv_neutralises_formulas(plan_root: Path) -> None:
    rows = read_csv_table(do_export(plan_root, ExportFormat.csv, "out.csv"))
    titles = {r["施策"] for r in rows}
    assert "'" + HOSTILE_TITLE in titles
    assert "'-居場所の数 (trend)" in {r["指標"] for r in rows}
    assert "'" + HOSTILE_NOTE + "；中間目標" not in {r["備考"] for r in rows}
    notes = [r["備考"] for r in rows if r["指標ID"] == "rate-down"]
    assert notes == ["'" + HOSTILE_NOTE]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            assert not (value.startswith("-") and not _is_number(value)), value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_cp932_writes_shift_jis(plan_root: Path) -> None:
    path = do_export(plan_root, ExportFormat.csv, "sjis.csv", encoding=Encoding.cp932)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = read_csv_table(path, "cp932")
    assert {r["施策"] for r in rows} >= {"孤独・孤立の実態把握", "相談支援体制の整備"}


def test_csv_cp932_names_the_cell_it_cannot_hold_and_writes_nothing(
    tmp_path: Path, make_plan: MakePlan, fixture_plan: FixturePlan
) -> None:
    measures = fixture_plan("export").measures
    measures["2024-001"] = measures["2024-001"].replace('title = "孤独・孤立の実態把握"', 'title = "𠮷野家の実態把握"')
    root = make_plan(tmp_path, measures, plan="export")
    out = tmp_path / "old.csv"
    out.write_text("previous export", encoding="utf-8")
    with pytest.raises(UnencodableCell) as caught:
        export(read_plan(root), ExportFormat.csv, out, year=2024, lang=Lang.JA, encoding=Encoding.cp932, now=NOW)
    assert str(caught.value) == (
        "old.csv: cell D2 (施策): '𠮷' (U+20BB7) cannot be written in cp932; change it in measures/2024-001.toml, "
        "or export with --encoding utf-8"
    )
    assert out.read_text("utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".old.csv")] == []


def test_encoding_applies_to_csv_and_rs_only(plan_root: Path) -> None:
    with pytest.raises(KpiError, match=r"^--encoding cp932 applies to csv and rs only; drop it for --format html$"):
        do_export(plan_root, ExportFormat.html, "x.html", encoding=Encoding.cp932)


# -- xlsx --------------------------------------------------------------------------------------------------------


def load_sheet_rows(path: Path) -> tuple[Any, list[str], list[dict[str, Any]]]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path)
    sheet = book["データ"]  # every column; the 評価表 sheet is the printed review table (tests/export/test_xlsx_print.py)
    header = [c.value for c in sheet[4]]
    rows = []
    for cells in sheet.iter_rows(min_row=5):
        values = [c.value for c in cells]
        if isinstance(values[1], int) and "【再掲】" not in str(values[3]):  # each indicator once
            rows.append(dict(zip(header, values, strict=True)))
    return book, header, rows


def test_xlsx_reads_back_with_the_report_numbers(plan_root: Path) -> None:
    ref = reference(plan_root)
    _, _, rows = load_sheet_rows(do_export(plan_root, ExportFormat.xlsx, "out.xlsx"))
    assert len(rows) == len(ref)
    by_name = {(r["No."], r["指標"]): r for r in rows}
    payload = json.loads(formats.to_json(build_report(read_plan(plan_root), year=2024), Lang.JA))
    for measure in payload["measures"]:
        for ind in measure["indicators"]:
            name = ind["name"] if not ind["name"].startswith("-") else "'" + ind["name"]
            row = by_name[(measure["number"], name)]
            for key in NUMBERS:
                # xlsxwriter writes 16 significant digits (Excel keeps 15): equal to that precision.
                want = ind[key]
                assert row[CSV_LABELS[key]] == (None if want is None else pytest.approx(want, rel=1e-15)), (ind["id"], key)
            assert row["状況"] == ind["status_label"]


def test_xlsx_layout_formats_and_print_setup(plan_root: Path) -> None:
    book, header, _ = load_sheet_rows(do_export(plan_root, ExportFormat.xlsx, "out.xlsx"))
    assert book.sheetnames == [
        "評価表",
        "データ",
        "柱別集計",
        "府省庁別集計",
        "遅れている指標",
        "未報告一覧（令和6年度）",
        "有識者会議等の意見と対応（令和6年度）",
        "作成情報",
    ]
    sheet = book["データ"]
    assert sheet.freeze_panes == "D5"  # 柱・No.・施策, also repeated on every printed page
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 8  # A3
    assert sheet.print_title_rows == "$4:$4"
    assert sheet["A5"].value == "(1)①"  # the heading is a column (the filter sorts: no merged rows)
    assert not sheet.merged_cells.ranges
    col = {name: index + 1 for index, name in enumerate(header)}
    data_row = next(r for r in sheet.iter_rows(min_row=5) if r[col["指標"] - 1].value == "調査の回答者数")
    assert data_row[col["達成率"] - 1].number_format == "0.0%"
    assert data_row[col["目標値"] - 1].number_format == "#,##0"
    assert data_row[col["目標年度"] - 1].number_format == '"令和8年度"'  # the number 2026, shown as the officers write it
    assert data_row[col["目標年度"] - 1].value == 2026
    status = data_row[col["状況"] - 1]
    assert status.value == "順調"
    assert status.fill.fgColor.rgb.upper().endswith("DBE9FF")
    assert _width(sheet, col["施策"]) >= 20  # Japanese titles are double width
    assert _width(sheet, col["No."]) < 10
    prov = dict((r[0].value, r[1].value) for r in book["作成情報"].iter_rows(min_row=3) if r[0].value)
    assert prov["評価年度"] == "令和6年度（2024）"
    assert prov["施策ファイルのコミット"] == "不明（git の管理外）"
    assert prov["作成日時"] == "2025年6月1日 09:30（JST、UTC+09:00）"


def _width(sheet: Any, index: int) -> float:
    """The width of column ``index`` (1-based); xlsxwriter writes equal neighbours as one <col min max> range."""
    for dim in sheet.column_dimensions.values():
        if dim.min is not None and dim.min <= index <= dim.max:
            return float(dim.width)
    raise AssertionError(f"no width set for column {index}")


def test_xlsx_text_is_never_a_formula(plan_root: Path) -> None:
    book, _, rows = load_sheet_rows(do_export(plan_root, ExportFormat.xlsx, "out.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value
    assert "'" + HOSTILE_TITLE in {r["施策"] for r in rows}


def test_xlsx_summary_sheets_count_the_table(plan_root: Path) -> None:
    book, _, rows = load_sheet_rows(do_export(plan_root, ExportFormat.xlsx, "out.xlsx"))
    sheet = book["柱別集計"]
    header = [c.value for c in sheet[3]]
    body = [dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=4)]
    total = body[-1]
    assert total["柱"] == "合計"
    assert total["指標数"] == len(rows)
    assert total["遅れている指標"] == sum(1 for r in rows if r["遅れている指標"] == "●")
    lag = book["遅れている指標"]
    assert [c.value for c in lag["E"][3:]] == ["後退", "遅れ", "遅れ", "やや遅れ", "やや遅れ"]


# -- html --------------------------------------------------------------------------------------------------------


class TableReader(HTMLParser):
    """Collects the evaluation rows (cells with class and data-v) and all visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict[str, Any]] = []
        self.row: dict[str, Any] | None = None
        self.cell: str | None = None
        self.text: list[str] = []
        self.scripts = 0
        self.svgs = 0
        self.external: list[str] = []
        self.in_style_or_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key):
                self.external.append(str(a[key]))
        if tag == "script":
            self.scripts += 1
        if tag in ("script", "style"):
            self.in_style_or_script = True
        if tag == "svg":
            self.svgs += 1
        if tag == "tr" and "row" in (a.get("class") or "").split():
            self.row = {"measure": a["data-measure"], "indicator": a["data-indicator"], "status": a["data-status"], "cells": {}}
            self.rows.append(self.row)
        if tag == "td" and self.row is not None:
            classes = (a.get("class") or "").split()
            self.cell = next((c for c in classes if c not in ("num", "st") and not c.startswith("st-")), "")
            self.row["cells"][self.cell] = {"v": a.get("data-v"), "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.in_style_or_script = False
        if tag == "td":
            self.cell = None
        if tag == "tr":
            self.row = None

    def handle_data(self, data: str) -> None:
        if not self.in_style_or_script:
            self.text.append(data)
        if self.row is not None and self.cell is not None:
            self.row["cells"][self.cell]["text"] += data


def read_html(path: Path) -> TableReader:
    reader = TableReader()
    reader.feed(path.read_text("utf-8"))
    return reader


def test_html_reads_back_with_the_report_numbers(plan_root: Path) -> None:
    ref = reference(plan_root)
    reader = read_html(do_export(plan_root, ExportFormat.html, "out.html"))
    assert len(reader.rows) == len(ref)
    for row in reader.rows:
        expected = ref[(row["measure"], row["indicator"])]
        for key in NUMBERS:
            raw = row["cells"][key]["v"]
            assert (float(raw) if raw else None) == expected[key], (row["indicator"], key)
        assert row["cells"]["status"]["text"] == expected["status_label"]  # a text label, not colour alone
        assert row["status"] == expected["status"]


def test_html_is_self_contained_with_a_chart_per_quantitative_indicator(plan_root: Path) -> None:
    path = do_export(plan_root, ExportFormat.html, "out.html")
    reader = read_html(path)
    text = path.read_text("utf-8")
    assert reader.external == []
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "").replace("http://evil.example/", "")
    assert reader.scripts == 1
    quantitative = sum(1 for m in read_plan(plan_root).measures for i in m.indicators if i.quantitative)
    assert reader.svgs == quantitative
    assert "@media print" in text and 'counter(page) " / " counter(pages)' in text  # A3 or A4, as printed
    assert "Content-Security-Policy" in text


def test_html_escapes_hostile_text(plan_root: Path) -> None:
    path = do_export(plan_root, ExportFormat.html, "out.html")
    raw = path.read_text("utf-8")
    assert "<script>alert(1)</script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    reader = read_html(path)
    assert HOSTILE_TITLE in "".join(reader.text)
    assert reader.scripts == 1


# -- md and json -------------------------------------------------------------------------------------------------


def test_markdown_tables_survive_pipes_and_newlines(plan_root: Path) -> None:
    text = do_export(plan_root, ExportFormat.md, "out.md").read_text("utf-8")
    table_lines = [line for line in text.splitlines() if line.startswith("|")]
    assert table_lines
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            if not blocks or not blocks[-1]:
                blocks.append([])
            blocks[-1].append(line)
        elif blocks and blocks[-1]:
            blocks.append([])
    for block in (b for b in blocks if b):
        widths = {_md_cells(line) for line in block}
        assert len(widths) == 1, block
    assert "\\| a&amp;b" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert "+1 then @SUM(A1)<br>second line \\| pipe" in text
    ref = reference(plan_root)
    assert formats.percent(ref[("2024-002", "rate-down")]["achievement"]) in text


def _md_cells(line: str) -> int:
    count, escaped = 0, False
    for ch in line:
        if ch == "\\" and not escaped:
            escaped = True
            continue
        if ch == "|" and not escaped:
            count += 1
        escaped = False
    return count


def test_json_rows_equal_the_report(plan_root: Path) -> None:
    ref = reference(plan_root)
    payload = json.loads(do_export(plan_root, ExportFormat.json, "out.json").read_text("utf-8"))
    assert payload["provenance"]["year"] == 2024
    assert payload["provenance"]["generated"] == "2025-06-01T09:30:00+09:00"
    assert payload["provenance"]["thresholds"] == {"on_track": 0.95, "behind": 0.6, "exceed_margin": 0.1}
    assert len(payload["rows"]) == len(ref)
    for row in payload["rows"]:
        expected = ref[(row["measure_id"], row["indicator_id"])]
        assert {k: row[k] for k in NUMBERS} == {k: expected[k] for k in NUMBERS}
        assert row["grade"] == expected["grade"]
    assert [r["pillar"] for r in payload["rows"]] == ["1-1", "1-1", "1-2", "1-2", "2-1", "2-1", "2-1", "2-1"]
    assert payload["rows"][0]["recent_actuals"] == {"2020": None, "2021": None, "2022": 100, "2023": 125, "2024": 150}
    assert set(payload["summary"]) == {"by_pillar", "by_ministry", "lagging", "missing", "comments"}


# -- rs ----------------------------------------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def test_rs_layout_uses_the_sheets_labels_and_gives_achievement_only_where_there_is_a_target(plan_root: Path) -> None:
    ref = reference(plan_root)
    plan = read_plan(plan_root)
    path = do_export(plan_root, ExportFormat.rs, "rs.csv")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    header = rows[0]
    assert header[:8] == ["No.", "施策名", "府省庁", "成果指標", "単位", "改善の方向", "項目", "基準値"]
    assert header[8:] == [
        "令和2年度",
        "令和3年度",
        "令和4年度",
        "令和5年度",
        "令和6年度",
        "目標値",
        "段階",
        "予算額（百万円）",
        "出典",
    ]
    assert len({len(r) for r in rows}) == 1  # one rectangle: no provenance lines under it
    body = rows[1:]
    qualitative = sum(1 for m in plan.measures for i in m.indicators if not i.quantitative)
    assert len(body) == 4 * (len(ref) - qualitative) + qualitative
    assert [r[6] for r in body[:4]] == ["目標年度", "目標値", "成果実績", "達成度"]
    assert "実績値" not in {r[6] for r in body} and "達成率" not in {r[6] for r in body}
    first = body[0:4]
    assert first[0][:6] == ["1", "孤独・孤立の実態把握", "内閣府", "調査の回答者数", "人", "上向き"]
    assert first[0][7:14] == ["令和4年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度", "令和8年度"]
    assert first[1][13] == "200"
    assert first[2][7:13] == ["100", "", "", "100", "125", "150"]
    assert first[3][13] == _percent(ref[("2024-001", "survey-reach")]["achievement"])
    assert first[3][8:13] == ["", "", "", "", ""]  # no 目標値 in those years, so no 達成度
    down = body[8:12]
    assert down[0][5] == "下向き"
    assert down[3][13] == _percent(ref[("2024-002", "rate-down")]["achievement"])
    solo = [r for r in body if r[6] == "成果実績" and r[0]]  # a qualitative indicator: its one row opens the block
    assert len(solo) == qualitative


def test_rs_as_workbook(plan_root: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(do_export(plan_root, ExportFormat.rs, "rs.xlsx"))
    sheet = book.active
    assert [c.value for c in sheet[4]][6] == "項目"
    assert [c.value for c in sheet[4]][16] == "出典"
    labels = [sheet.cell(row=r, column=7).value for r in range(5, 9)]
    assert labels == ["目標年度", "目標値", "成果実績", "達成度"]
    assert sheet.cell(row=8, column=14).number_format == "0.0%"
    assert sheet.page_setup.orientation == "landscape"


# -- provenance, filters, progress --------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_provenance_names_the_commit_and_a_modified_tree(
    plan_root: Path, fixture_plan: FixturePlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(plan_root.parent))
    assert git_state(plan_root, [plan_root / "measures"]).text(Lang.EN) == "unknown (not in a git repository)"
    _git(plan_root, "init", "-q")
    _git(plan_root, "add", ".")
    _git(plan_root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "plan")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=plan_root, capture_output=True, text=True, check=True).stdout.strip()
    state = git_state(plan_root, [plan_root / "measures"])
    assert (state.commit, state.modified) == (head, False)
    (plan_root / "measures" / "2024-004.toml").write_text(fixture_plan("export").measures["2024-004"] + "\n# edited\n", "utf-8")
    payload = json.loads(do_export(plan_root, ExportFormat.json, "out.json").read_text("utf-8"))
    assert payload["provenance"]["commit"] == head
    assert payload["provenance"]["modified"] is True
    md = do_export(plan_root, ExportFormat.md, "out.md").read_text("utf-8")
    assert f"- 施策ファイルのコミット: {head[:12]}（コミットしていない変更あり）" in md
    assert state.text(Lang.EN) == head[:12]


def test_provenance_is_unknown_without_git(plan_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    state = git_state(plan_root, [plan_root / "measures"])
    assert (state.commit, state.modified, state.text(Lang.JA)) == ("unknown", None, "不明（git の管理外）")


def test_filters_appear_in_rows_and_provenance(plan_root: Path) -> None:
    payload = json.loads(do_export(plan_root, ExportFormat.json, "out.json", ministry="厚生労働省").read_text("utf-8"))
    assert {r["measure_id"] for r in payload["rows"]} == {"2024-002", "2024-003"}
    assert payload["provenance"]["filters"] == {"ministry": "厚生労働省"}
    payload = json.loads(do_export(plan_root, ExportFormat.json, "out.json", pillar="2").read_text("utf-8"))
    assert {r["pillar"] for r in payload["rows"]} == {"2-1"}


def test_progress_reaches_every_row(plan_root: Path) -> None:
    seen: list[tuple[int, int]] = []
    plan = read_plan(plan_root)
    report = build_report(plan, year=2024)
    ev = evaluation(report, provenance(plan, report, now=NOW), Lang.JA)
    for fmt in (ExportFormat.xlsx, ExportFormat.html, ExportFormat.rs):
        seen.clear()
        render(ev, fmt, output=plan_root / "out.xlsx", progress=lambda done, total: seen.append((done, total)))
        assert seen[-1] == (8, 8)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_output_folder_must_exist(plan_root: Path) -> None:
    missing_dir = plan_root.parent / "nowhere" / "x.xlsx"
    with pytest.raises(KpiError) as caught:
        export(read_plan(plan_root), ExportFormat.xlsx, missing_dir, year=2024)
    assert str(caught.value) == (
        f"{missing_dir}: folder {missing_dir.parent} does not exist; create it first or choose another --output"
    )


def test_english_labels(plan_root: Path) -> None:
    out = plan_root.parent / "en.csv"
    export(read_plan(plan_root), ExportFormat.csv, out, year=2024, lang=Lang.EN, now=NOW)
    rows = read_csv_table(out)
    assert {r["Status"] for r in rows} >= {"on track", "far behind", "regressing"}
    export(read_plan(plan_root), ExportFormat.csv, out, year=2024, lang=Lang.EN, now=NOW, table=CsvTable.summary_by_pillar)
    assert out.read_text("utf-8-sig").startswith("Pillar,Measures,Indicators,")


# -- hostile text, any text --------------------------------------------------------------------------------------


def _plan_with(title: str, note: str, root: Path) -> Any:
    from kpi.model import Actual, Direction, Edition, Indicator, Kind, Measure, Plan, PlanConfig

    indicator = Indicator(
        id="x",
        name=title,
        kind=Kind.LEVEL,
        direction=Direction.UP,
        unit="件",
        target=10,
        deadline=2026,
        actuals=(Actual(2023, 1.0), Actual(2024, 2.0, note=note)),
    )
    measure = Measure(
        id="m-1",
        title=title,
        ministries=("内閣府",),
        editions=(Edition(2025, 1, "1-1"),),
        indicators=(indicator,),
        path=root / "measures" / "m-1.toml",
    )
    return Plan(PlanConfig(root=root), (measure,))


TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, note=TEXT)
@example(title="\n=", note="")  # a formula on the second line (found by hypothesis)
@example(title="\r-1\r\n+2", note="")
def test_any_title_or_note_stays_text_in_html_md_and_csv(tmp_path: Path, title: str, note: str) -> None:
    plan = _plan_with(title, note, tmp_path)
    report = build_report(plan, year=2024)
    ev = evaluation(report, provenance(plan, report, now=NOW), Lang.JA, root=tmp_path)
    page = render(ev, ExportFormat.html).decode("utf-8")
    reader = TableReader()
    reader.feed(page)
    assert reader.scripts == 1
    assert len(reader.rows) == 1
    cells = reader.rows[0]["cells"]
    assert _lf(cells["title"]["text"]) == _lf(title)  # browsers read CR and CRLF as LF
    assert _lf(cells["notes"]["text"]).startswith(_lf(note))
    md = render(ev, ExportFormat.md).decode("utf-8")
    section = md.split("\n## ")[1]  # the first pillar's table
    table = [line for line in section.split("\n") if line.startswith("|")]
    assert len(table) == 3 and {_md_cells(line) for line in table} == {21}
    rows = list(csv.reader(io.StringIO(render(ev, ExportFormat.csv).decode("utf-8-sig"), newline="")))
    header = rows[0]
    row = dict(zip(header, rows[1], strict=True))
    cell = row["施策"]
    if not any(brk in title for brk in "\r\n"):
        assert cell == (("'" + title) if title.startswith(("=", "+", "-", "@", "\t", "\r")) else title)
    # Every line of a cell is neutralised (kpi.views.csvfile): none starts like a formula, and only quote marks were added.
    assert not any(line.startswith(("=", "+", "-", "@")) for line in re.split(r"\r\n|\r|\n", cell))
    assert cell.replace("'", "") == title.replace("'", "")


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
