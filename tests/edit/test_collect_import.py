"""The 照会 round trip: `kpi collect` writes workbooks, officers fill them (openpyxl here), `kpi import` checks and records.

Every hostile workbook is refused with the sheet and cell (or one line for the whole file) and leaves every
measure file byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from kpi.cli import app
from kpi.edit.importing import import_files
from kpi.edit.issued import read_record
from kpi.edit.log import log_figure
from kpi.export.collect import collect
from kpi.plan.loader import read_plan

TODAY = dt.date(2026, 6, 20)  # FY2026: the FY2025 figures are being collected
runner = CliRunner()

KPI_TOML = """[plan]
name = "孤独・孤立対策重点計画"
edition = 2025
measures = "measures"
ministries = ["内閣府", "総務省", "厚生労働省"]
"""

SITE = """id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
target = 130000
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2023 = 100000

[[indicators]]
id = "aware"
name = "認知度"
kind = "level"
direction = "up"
unit = "%"
target = 66.7
deadline = 2026

[[indicators]]
id = "visits"
name = "特設サイト訪問数"
kind = "level"
direction = "up"
unit = "回"
target = 1300000
deadline = 2026

[reports.2024]
done = "BEFORE"
""".replace("BEFORE", "前年度の取組。" * 15)  # a long text: the hidden sheet keeps its digest

SHARED = """id = "2024-001"
title = "相談窓口の周知"
ministries = ["内閣府", "厚生労働省"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "publicity"
name = "周知の実施"
kind = "qualitative"
"""

SOUMU = """id = "2024-002"
title = "地域の居場所づくり"
ministries = ["総務省"]

[editions.2025]
number = 2
pillar = "1-1"

[[indicators]]
id = "places"
name = "居場所の数"
kind = "level"
direction = "up"
unit = "か所"
target = 500
deadline = 2026
"""


def git(root: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    root = make_plan(tmp_path, {"2024-008": SITE, "2024-001": SHARED, "2024-002": SOUMU}, kpi_toml=KPI_TOML)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "plan")
    return root


def issue(root: Path, ministry: str = "厚生労働省", year: int = 2025) -> Path:
    out = collect(read_plan(root), year, root.parent / "out", ministries=(ministry,), today=TODAY)
    return out[0].path


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "measures").glob("*.toml"))}


def row_of(ws: Any, measure: str, indicator: str | None = None) -> int:
    for row in range(5, ws.max_row + 1):
        if ws.cell(row, 2).value == measure and (indicator is None or ws.cell(row, 5).value == indicator):
            return int(row)
    raise AssertionError(f"no row for {measure} {indicator}")


LONG = "相談窓口の案内を拡充し、\n特設サイトを改修した。\n" * 20


def fill(path: Path, target: Path | None = None, change: Callable[[Any], None] | None = None) -> Path:
    """Fill a workbook as an officer would (full-width digits, 12万, 集計中, 実施済, long text) and save it."""
    book = load_workbook(path)
    ws, rep = book["指標"], book["報告"]
    ws.cell(row_of(ws, "2024-008", "access"), 12).value = "１２万"
    ws.cell(row_of(ws, "2024-008", "access"), 13).value = "速報値"
    ws.cell(row_of(ws, "2024-008", "aware"), 12).value = "45.2%"
    ws.cell(row_of(ws, "2024-008", "visits"), 12).value = "集計中"
    ws.cell(row_of(ws, "2024-001", "publicity"), 12).value = "実施済"
    rep.cell(row_of(rep, "2024-008"), 7).value = LONG
    rep.cell(row_of(rep, "2024-008"), 12).value = "1,234.5"
    rep.cell(row_of(rep, "2024-008"), 13).value = "社会・援護局総務課"
    if change is not None:
        change(book)
    out = target or path
    book.save(out)
    raw = getattr(book, "kpi_raw", None)
    if raw is not None:
        _patch(out, *raw)
    return out


def kpi(root: Path, *args: str, lang: str = "ja") -> Any:
    return runner.invoke(app, [*args, "--dir", str(root), "--lang", lang])


def test_round_trip_records_exactly_what_was_typed(plan_root: Path) -> None:
    sent = issue(plan_root)
    assert sent.name == "R7_厚生労働省.xlsx"
    book = load_workbook(sent)
    assert book.sheetnames == ["記入方法", "指標", "報告", "_kpi"]
    assert book["_kpi"].sheet_state == "veryHidden" and book["指標"].protection.sheet
    headers = [c.value for c in book["指標"][4]]
    assert {"施策ID", "指標ID", "実績値", "備考", "出典"} <= set(headers)
    assert {"施策ID", "取組実績", "課題・要因分析", "今後の取組方針", "予算額（百万円）"} <= {c.value for c in book["報告"][4]}
    assert [book["指標"].cell(r, 2).value for r in range(5, 9)] == ["2024-001", "2024-008", "2024-008", "2024-008"]
    assert "2024-002" not in {book["指標"].cell(r, 2).value for r in range(5, 10)}  # 総務省's measure is not asked
    with zipfile.ZipFile(sent) as z:
        assert b'lockStructure="1"' in z.read("xl/workbook.xml")
    fill(sent)
    git(plan_root, "add", "-A")
    git(plan_root, "commit", "-qm", "issued")

    [done] = import_files(plan_root, [sent], today=TODAY)
    assert done.ok and done.written, done.problems
    plan = read_plan(plan_root)
    site = next(m for m in plan.measures if m.id == "2024-008")
    access = site.indicator("access")
    assert access is not None and access.actual_for(2025) is not None
    assert access.actual_for(2025).value == 120000 and access.actual_for(2025).note == "速報値"  # type: ignore[union-attr]
    assert access.actual_for(2025).source == "R7_厚生労働省.xlsx"  # type: ignore[union-attr]
    assert site.indicator("aware").actual_for(2025).value == 45.2  # type: ignore[union-attr]
    visits = site.indicator("visits")
    assert visits is not None and visits.actual_for(2025) is None and visits.awaited_for(2025).reason == "集計中"  # type: ignore[union-attr]
    shared = next(m for m in plan.measures if m.id == "2024-001")
    assert shared.indicator("publicity").actual_for(2025).status.value == "done"  # type: ignore[union-attr]
    report = site.report(2025)
    assert report is not None and report.done == LONG.strip() and report.budget == 1234.5
    assert report.contact == "社会・援護局総務課" and report.submitted == TODAY
    assert read_record(plan_root, 2025)["厚生労働省"].returned == TODAY

    numstat = git(plan_root, "diff", "--numstat", "--", "measures")
    assert numstat and all(line.split("\t")[1] == "0" for line in numstat.splitlines())  # only added lines

    shown = json.loads(kpi(plan_root, "report", "--year", "R7", "--format", "json").stdout)
    assert "120000" in json.dumps(shown) or "120000.0" in json.dumps(shown)
    missing = kpi(plan_root, "missing", "--year", "R7")
    assert "特設サイト訪問数（集計中）" in missing.stdout and "うち集計中 1指標" in missing.stdout
    listed = json.loads(kpi(plan_root, "missing", "--year", "R7", "--format", "json").stdout)
    reasons = {(i["indicator_id"], i["reason"]) for g in listed["ministries"] for i in g["items"]}
    assert ("visits", "集計中") in reasons and ("places", None) in reasons
    assert "(Being compiled)" in kpi(plan_root, "missing", "--year", "R7", lang="en").stdout

    before = snapshot(plan_root)
    [again] = import_files(plan_root, [sent], today=TODAY + dt.timedelta(days=1))
    assert again.ok and not again.figures and not again.texts and snapshot(plan_root) == before

    status = json.loads(kpi(plan_root, "collect", "--status", "--year", "R7", "--format", "json").stdout)
    mhlw = next(r for r in status["ministries"] if r["ministry"] == "厚生労働省")
    assert mhlw["returned"] == TODAY.isoformat() and mhlw["compiling"] == 1 and mhlw["missing"] == 0
    soumu = next(r for r in status["ministries"] if r["ministry"] == "総務省")
    assert soumu["issued"] is None and soumu["missing"] == 1


def test_dry_run_prints_per_measure_and_writes_nothing(plan_root: Path) -> None:
    sent = fill(issue(plan_root))
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(sent), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "2024-008 支援情報検索サイトの運用" in result.stdout
    assert "access: — → 120,000 回  [指標!L6]" in result.stdout
    assert "--dry-run" in result.stdout and snapshot(plan_root) == before


def _set(sheet: str, measure: str, indicator: str | None, col: int, value: object, string: bool = False) -> Callable[[Any], None]:
    def change(book: Any) -> None:
        ws = book[sheet]
        cell = ws.cell(row_of(ws, measure, indicator), col)
        cell.value = value
        if string:
            cell.data_type = "s"

    return change


def _raw(part: str, ref: str, inner: str, kind: str) -> Callable[[Any], None]:
    """A cell only a hand-edited file holds (openpyxl writes neither NaN nor a bare CR): patched into the saved XML."""

    def change(book: Any) -> None:
        book.kpi_raw = (part, ref, f'<c r="{ref}" t="{kind}">{inner}</c>')

    return change


def _patch(path: Path, part: str, ref: str, cell: str) -> None:
    data = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                text = content.decode("utf-8")
                text, count = re.subn(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)', cell, text, count=1)
                assert count == 1, ref
                content = text.encode("utf-8")
            dst.writestr(info, content)


def _delete_row(book: Any) -> None:
    book["指標"].delete_rows(5)


def _swap_rows(book: Any) -> None:
    ws = book["指標"]
    for col in range(1, 15):
        a, b = ws.cell(5, col), ws.cell(6, col)
        a.value, b.value = b.value, a.value


def _rename(book: Any) -> None:
    book["報告"].title = "報告書"


def _move_column(book: Any) -> None:
    ws = book["指標"]
    ws.cell(4, 12).value, ws.cell(4, 13).value = ws.cell(4, 13).value, ws.cell(4, 12).value


def _extra_row(book: Any) -> None:
    book["指標"].cell(9, 12).value = 5


HOSTILE: dict[str, tuple[Callable[[Any], None], str]] = {
    "formula": (_set("指標", "2024-008", "access", 12, "=1+1"), "指標!L6: "),
    "hyperlink-string": (_set("指標", "2024-008", "access", 13, '=HYPERLINK("http://x","y")', string=True), "指標!M6: "),
    "hyperlink-formula": (_set("報告", "2024-008", None, 7, '=HYPERLINK("http://x","y")'), "報告!G6: "),
    "carriage-return": (_raw("xl/worksheets/sheet3.xml", "I6", "<is><t>原因&#13;分析</t></is>", "inlineStr"), "報告!I6: "),
    "too-long": (_set("報告", "2024-008", None, 11, "あ" * 40_000), "報告!K6: "),
    "nan": (_raw("xl/worksheets/sheet2.xml", "L7", "<v>NaN</v>", "n"), "指標!L7: "),
    "inf": (_raw("xl/worksheets/sheet2.xml", "L7", "<v>1E999</v>", "n"), "指標!L7: "),
    "date": (_set("指標", "2024-008", "access", 12, dt.datetime(2025, 4, 1)), "指標!L6: "),
    "not-a-number": (_set("指標", "2024-008", "access", 12, "たくさん"), "指標!L6: 「たくさん」は数値ではありません"),
    "bad-status": (_set("指標", "2024-001", "publicity", 12, "やった"), "指標!L5: "),
    "negative-budget": (_set("報告", "2024-008", None, 12, -5), "報告!L6: "),
    "locked-column": (
        _set("指標", "2024-008", "access", 6, "別の指標名"),
        "指標!F6: 入力欄でないセルが変更されています（元は「アクセス数」）",
    ),
    "locked-long-text": (
        _set("報告", "2024-008", None, 6, "前年度の取組" * 30),
        "報告!F6: 入力欄でないセルが変更されています（元は「…」）",
    ),
    "deleted-row": (_delete_row, "指標!B5: 行が削除・移動されています"),
    "moved-rows": (_swap_rows, "指標!B5: 行が削除・移動されています"),
    "renamed-sheet": (_rename, "シート「報告」がありません"),
    "moved-column": (_move_column, "指標!L4: "),
    "added-row": (_extra_row, "指標!L9: "),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_cells_are_refused_with_the_cell_and_nothing_is_written(plan_root: Path, name: str) -> None:
    change, expected = HOSTILE[name]
    sent = fill(issue(plan_root), change=change)
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(sent))
    assert result.exit_code == 1, result.output
    assert f"R7_厚生労働省.xlsx: {expected}" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert "何も書き込んでいません" in result.stderr
    assert snapshot(plan_root) == before


def test_one_line_per_bad_cell(plan_root: Path) -> None:
    def two(book: Any) -> None:
        _set("指標", "2024-008", "access", 12, "たくさん")(book)
        _set("報告", "2024-008", None, 7, "=1+1")(book)

    sent = fill(issue(plan_root), change=two)
    result = kpi(plan_root, "import", str(sent), lang="en")
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[1] for line in lines[:2]] == ["指標!L6", "報告!G6"]
    assert "is not a number" in lines[0] and "nothing from this file was written" in lines[-1]


def _whole_file(plan_root: Path, tmp_path: Path, name: str) -> Path:
    sent = fill(issue(plan_root))
    if name == "corrupt-zip":
        bad = tmp_path / "R7_厚生労働省.xlsx"
        bad.write_bytes(sent.read_bytes()[:2000])
        return bad
    if name == "xlsm":
        macro = tmp_path / "R7_厚生労働省.xlsm"
        macro.write_bytes(sent.read_bytes())
        return macro
    if name in ("macro-inside", "bomb"):
        out = tmp_path / "R7_厚生労働省.xlsx"
        with zipfile.ZipFile(sent) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename != "xl/sharedStrings.xml":
                    dst.writestr(info, src.read(info.filename))
            if name == "bomb":  # 30 MB of shared strings in a few kB
                huge = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                dst.writestr("xl/sharedStrings.xml", huge + b"A" * 30_000_000 + b"</t></si></sst>")
            if name == "macro-inside":
                dst.writestr("xl/vbaProject.bin", b"\x00" * 100)
        return out
    if name == "not-from-collect":
        plain = tmp_path / "R7_厚生労働省.xlsx"
        book = Workbook()
        book.active.append(["施策ID", "指標ID", "実績値", "備考", "出典"])
        book.save(plain)
        return plain
    if name == "other-ministry":
        renamed = tmp_path / "R7_総務省.xlsx"
        issue(plan_root, "総務省")
        renamed.write_bytes(sent.read_bytes())
        return renamed
    if name == "other-year":
        old = issue(plan_root, year=2024)
        issue(plan_root)  # the current collection is FY2025
        return old
    raise AssertionError(name)


WHOLE = {
    "corrupt-zip": "ファイルが壊れているか",
    "xlsm": ".xlsm 形式は受け付けません",
    "macro-inside": "マクロを含むブック",
    "bomb": "xl/sharedStrings.xml",
    "not-from-collect": "kpi collect で作成したブックではありません",
    "other-ministry": "ファイル名は総務省ですが、中身は厚生労働省のブックです",
    "other-year": "令和6年度のブックです。現在の照会は令和7年度です",
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_whole_workbook_refusals_are_one_line(plan_root: Path, tmp_path: Path, name: str) -> None:
    path = _whole_file(plan_root, tmp_path, name)
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path.name}: ") and WHOLE[name] in first, result.stderr
    assert snapshot(plan_root) == before


def test_another_plan_is_refused(plan_root: Path, tmp_path: Path, make_plan: Callable[..., Path]) -> None:
    sent = fill(issue(plan_root))
    other = make_plan(tmp_path / "other", {"2024-008": SITE}, kpi_toml=KPI_TOML.replace("孤独・孤立対策重点計画", "別の計画"))
    result = kpi(other, "import", str(sent))
    assert result.exit_code == 1 and "別の計画（孤独・孤立対策重点計画）のブックです" in result.stderr


def test_conflict_is_refused_unless_forced(plan_root: Path) -> None:
    sent = fill(issue(plan_root))
    log_figure(plan_root, "2024-008", "access", "2025", "125000", today=TODAY)  # the plan moves on after issue
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(sent))
    assert result.exit_code == 1 and snapshot(plan_root) == before
    assert "指標!L6: ブックの発行後に計画側の値が — から 125,000 回 に変わっており" in result.stderr
    forced = kpi(plan_root, "import", str(sent), "--force")
    assert forced.exit_code == 0, forced.output
    assert "access: 125,000 回 → 120,000 回  [指標!L6] （--force で上書き）" in forced.stdout
    access = next(m for m in read_plan(plan_root).measures if m.id == "2024-008").indicator("access")
    assert access is not None and access.actual_for(2025).value == 120000  # type: ignore[union-attr]


def test_csv_is_a_second_way_in(plan_root: Path, tmp_path: Path) -> None:
    issue(plan_root)
    good = tmp_path / "figures.csv"
    good.write_text(
        '施策ID,指標ID,実績値,備考,出典\n2024-008,access,"１２３,４５６",確定値,\n2024-002,places,集計中,,\n', "utf-8"
    )
    result = kpi(plan_root, "import", str(good))
    assert result.exit_code == 0, result.output
    plan = read_plan(plan_root)
    site = next(m for m in plan.measures if m.id == "2024-008")
    assert site.indicator("access").actual_for(2025).value == 123456  # type: ignore[union-attr]
    assert site.indicator("access").actual_for(2025).source == "figures.csv"  # type: ignore[union-attr]
    places = next(m for m in plan.measures if m.id == "2024-002").indicator("places")
    assert places is not None and places.awaited_for(2025) is not None

    bad = tmp_path / "bad.csv"
    bad.write_bytes("施策ID,指標ID,実績値,備考,出典\r\n2024-008,aware,=1+1,,\r\n".encode("cp932"))
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(bad))
    assert result.exit_code == 1 and "bad.csv: C2: 数式" in result.stderr and snapshot(plan_root) == before


def test_failed_write_puts_back_what_the_workbook_changed(plan_root: Path) -> None:
    """A file the report path cannot edit (reports as an inline table) fails late: the earlier writes are undone."""
    shared = plan_root / "measures" / "2024-001.toml"
    shared.write_text(
        SHARED.replace('ministries = ["内閣府", "厚生労働省"]\n', 'ministries = ["内閣府", "厚生労働省"]\nreports = {}\n'),
        "utf-8",
    )
    sent = fill(issue(plan_root))
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(sent), lang="en")
    assert result.exit_code == 1 and "nothing from this file was kept" in result.stderr, result.output
    assert snapshot(plan_root) == before


def test_collect_command_writes_and_records(plan_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "照会"
    done = kpi(plan_root, "collect", "--year", "R7", "--output", str(out), "--ministry", "厚生", "--due", "2026-06-30")
    assert done.exit_code == 0, done.output
    assert [p.name for p in out.iterdir()] == ["R7_厚生労働省.xlsx"] and "collect/FY2025.toml" in done.stdout
    guide = [row[0] for row in load_workbook(out / "R7_厚生労働省.xlsx")["記入方法"].iter_rows(values_only=True)]
    assert "■ 回答期限: 2026年6月30日" in guide and any("集計中" in str(line) for line in guide)
    record = read_record(plan_root, 2025)["厚生労働省"]
    assert record.file == "R7_厚生労働省.xlsx" and record.due == dt.date(2026, 6, 30) and record.returned is None
    assert len(record.commit) == 40  # the commit the workbook was issued from

    bad = kpi(plan_root, "collect", "--year", "R7", "--output", str(out), "--due", "6月末", lang="en")
    assert bad.exit_code == 1 and bad.stderr.strip() == "Error: --due '6月末' is not a date; write it as 2026-06-30"
    unknown = kpi(plan_root, "collect", "--year", "R7", "--output", str(out), "--ministry", "省", lang="en")
    assert unknown.exit_code == 1 and "--ministry '省' names 2 ministries" in unknown.stderr
    csv_status = kpi(plan_root, "collect", "--status", "--format", "csv").stdout.splitlines()
    assert csv_status[0] == "ministry,issued,returned,measures,answered,indicators,missing,compiling"
    assert csv_status[3].startswith("厚生労働省,") and ",2,0,4,4,0" in csv_status[3]


def test_a_late_answer_to_an_earlier_year_comes_in_with_year(plan_root: Path) -> None:
    old = fill(issue(plan_root, year=2024))
    issue(plan_root)  # the current collection is FY2025
    assert kpi(plan_root, "import", str(old)).exit_code == 1
    late = kpi(plan_root, "import", str(old), "--year", "R6")
    assert late.exit_code == 0, late.output
    access = next(m for m in read_plan(plan_root).measures if m.id == "2024-008").indicator("access")
    assert access is not None and access.actual_for(2024).value == 120000  # type: ignore[union-attr]


def test_long_texts_already_in_the_plan_round_trip_and_conflict(plan_root: Path) -> None:
    """A long 取組実績 already in the plan: untouched, no change; edited, a change; edited after the plan moved, a conflict."""
    path = plan_root / "measures" / "2024-008.toml"
    path.write_text(path.read_text("utf-8") + '\n[reports.2025]\ndone = "' + "今年度の取組。" * 40 + '"\n', "utf-8")
    sent = issue(plan_root)
    before = snapshot(plan_root)
    [untouched] = import_files(plan_root, [sent], dry_run=True, today=TODAY)
    assert untouched.ok and not untouched.texts and snapshot(plan_root) == before
    edited = fill(sent, sent.with_name("edited.xlsx"), _set("報告", "2024-008", None, 7, "書き直した取組"))
    [checked] = import_files(plan_root, [edited], dry_run=True, today=TODAY)
    assert checked.ok and [(t.field, t.new) for t in checked.texts if t.field == "done"] == [("done", "書き直した取組")]
    path.write_text(path.read_text("utf-8").replace("今年度の取組。今年度", "事務局が直した。今年度", 1), "utf-8")
    result = kpi(plan_root, "import", str(edited))
    assert result.exit_code == 1 and "報告!G6: ブックの発行後に計画側の値が … から 事務局が直した。" in result.stderr


def test_a_workbook_the_plan_has_no_record_of_is_refused(plan_root: Path) -> None:
    sent = fill(issue(plan_root))
    (plan_root / "collect" / "FY2025.toml").unlink()  # e.g. issued from a clone whose record was never committed
    result = kpi(plan_root, "import", str(sent), lang="en")
    assert result.exit_code == 1
    assert "no record of issuing a FY2025 workbook to 厚生労働省 (collect/FY2025.toml)" in result.stderr.splitlines()[0]


def test_every_record_of_a_long_workbook_is_read(plan_root: Path) -> None:
    # A ministry of thousands of measures has tens of thousands of records in the hidden sheet; a cap of 20,000 rows
    # dropped the last ones, and their rows were refused as values outside the table. Here the records sit past row
    # 20,000 of the hidden sheet (blank rows before them), as the last ones of such a workbook do.
    def push_down(book: Any) -> None:
        book["_kpi"].insert_rows(2, 20_000)

    sent = fill(issue(plan_root), change=push_down)
    assert load_workbook(sent, read_only=True)["_kpi"].max_row > 20_000
    before = snapshot(plan_root)
    result = kpi(plan_root, "import", str(sent), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "access: — → 120,000 回  [指標!L6]" in result.stdout and snapshot(plan_root) == before
