"""The workbook's review table prints: read back with openpyxl, and converted to PDF by LibreOffice.

The 評価表 sheet must print on A3 landscape with body text at 9 pt or more (it used to fit 27 columns onto
one A3 width, so text printed at about 5.5 pt), page numbers and the plan's name and year in the header and
footer, the heading as a column (the autofilter spans no merged rows), 施策 frozen, statuses styled by status.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

ROOT = Path(__file__).resolve().parents[2]
A3_LANDSCAPE = (1190.55, 841.89)  # points
runner = CliRunner()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "review.xlsx"
    result = runner.invoke(app, ["export", "--dir", str(ROOT), "-y", "2023", "--lang", "ja", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_review_sheet_layout_read_back_with_openpyxl(workbook: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames[:2] == ["評価表", "データ"]
    sheet = book["評価表"]
    header = [c.value for c in sheet[4]]
    assert header[:6] == ["柱", "No.", "施策", "府省庁", "指標", "基準値・実績値・目標値（年・年度）"]
    assert len(header) <= 12  # fewer, wider columns; the yearly series is on the data sheet
    data_header = [c.value for c in book["データ"][4]]
    assert "2023年（度）実績" not in header and "2023年（度）実績" in data_header  # the plan has both year bases
    assert "年・年度" in data_header
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert sum(widths.values()) <= 160  # fits one A3 width at 100% in Excel and LibreOffice
    assert int(sheet.page_setup.paperSize) == 8 and sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$4:$4"
    assert "孤独・孤立対策重点計画" in sheet.oddHeader.left.text and "令和5年度" in sheet.oddHeader.left.text
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert sheet.freeze_panes == "D5"  # 柱, No., 施策 stay visible
    assert not sheet.merged_cells.ranges
    assert sheet.auto_filter.ref.startswith("A4:")
    rows = list(sheet.iter_rows(min_row=5))
    assert all(cell.font.sz >= 10 for row in rows for cell in row)
    col = {name: i for i, name in enumerate(header)}
    sample = next(r for r in rows if r[col["達成率"]].value is not None)
    assert sample[col["達成率"]].number_format == "0.0%"
    assert "\n" in str(sample[col["基準値・実績値・目標値（年・年度）"]].value)  # 基準 / 実績 / 目標, one line each
    assert re.search(r"（(令和\d+年度|\d{4}年)）", str(sample[col["基準値・実績値・目標値（年・年度）"]].value))
    fills = {r[col["状況"]].value: r[col["状況"]].fill.fgColor.rgb for r in rows}
    assert fills["目標達成"] != fills["未報告"]  # styled by status
    assert any(str(r[col["施策"]].value).startswith("【再掲】") for r in rows)
    missing = book[next(n for n in book.sheetnames if n.startswith("未報告一覧"))]
    assert int(missing.page_setup.paperSize) == 9  # A4 (landscape: its columns at 10 pt), not nine A3 pages


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run does): no print check")
    return found


def _pages(pdf: bytes) -> list[tuple[tuple[float, float], list[float]]]:
    """Each page's size and the font sizes its text is set in (LibreOffice writes plain, uncompressed objects)."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S)}
    pages = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page\b(?!s)", body):
            continue
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", body)
        contents = re.search(rb"/Contents\s*(\d+) 0 R", body)
        assert box is not None and contents is not None
        stream = re.search(rb"stream\r?\n(.*?)endstream", objects[int(contents.group(1))], re.S)
        assert stream is not None
        text = zlib.decompress(stream.group(1))
        sizes = [float(s) for s in re.findall(rb"/F\d+ ([\d.]+) Tf", text)]
        pages.append(((float(box.group(1)), float(box.group(2))), sizes))
    return pages


def test_libreoffice_prints_the_review_table_at_9pt_on_a3(workbook: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    for name in book.sheetnames[1:]:
        del book[name]
    only = tmp_path / "review-only.xlsx"
    book.save(only)
    done = subprocess.run(
        [_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(only)],
        capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    pdf = tmp_path / "review-only.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    pages = _pages(pdf.read_bytes())
    rows = sum(1 for _ in book["評価表"].iter_rows(min_row=5))
    assert 0 < len(pages) <= rows / 8  # no page of overflowing columns, no near-empty pages
    for size, fonts in pages:
        assert size == pytest.approx(A3_LANDSCAPE, abs=1)
        assert fonts and min(fonts) >= 9, fonts  # body text at 9 pt or more once printed
    fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z0-9-]+)", pdf.read_bytes()))
    assert any(b"CJK" in f for f in fonts), fonts  # Japanese laid out in a Japanese font (fonts-noto-cjk)
