"""Every sheet of the workbook prints legibly: the whole workbook converted to PDF by LibreOffice, page by page.

The review sheet has its own test (test_xlsx_print.py); this one covers all of them: the summaries, the lists,
the comments, the provenance and the wide データ sheet. Each page's text is set at 9 pt or more (the summaries
used to be fitted to one width at 7-8.7 pt, the データ sheet at about 4.3 pt), each page's header names the plan
and its footer numbers the page; no row is taller than the page it prints on (a spreadsheet row splits only
then), and the データ sheet prints across pages at 100% with 柱・No.・施策 repeated instead of being shrunk.
The page texts are read through the fonts' ToUnicode maps of LibreOffice's uncompressed PDF objects.
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
PLAN = "孤独・孤立対策重点計画"
runner = CliRunner()
PAPER_HEIGHT = {(8, "landscape"): 297.0, (9, "landscape"): 210.0, (9, "portrait"): 297.0}  # mm


class Pdf:
    def __init__(self, data: bytes) -> None:
        self.objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
        self._maps: dict[int, dict[int, str]] = {}

    def stream(self, number: int) -> bytes:
        found = re.search(rb"stream\r?\n(.*?)endstream", self.objects[number], re.S)
        assert found is not None
        return zlib.decompress(found.group(1))

    def pages(self) -> list[int]:
        """Page objects in reading order (the page tree walked from its root)."""
        root = next(n for n, body in self.objects.items() if re.search(rb"/Type\s*/Pages\b", body) and b"/Parent" not in body)
        out: list[int] = []

        def walk(number: int) -> None:
            body = self.objects[number]
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            if re.search(rb"/Type\s*/Pages\b", body) and kids:
                for kid in re.findall(rb"(\d+) 0 R", kids.group(1)):
                    walk(int(kid))
            else:
                out.append(number)

        walk(root)
        return out

    def _unicode(self, font: int) -> dict[int, str]:
        if font not in self._maps:
            table: dict[int, str] = {}
            found = re.search(rb"/ToUnicode\s*(\d+) 0 R", self.objects[font])
            cmap = self.stream(int(found.group(1))) if found else b""
            for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
            for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
                for first, last, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    for step, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                        table[code] = chr(int(text, 16) + step)
            self._maps[font] = table
        return self._maps[font]

    def page(self, number: int) -> tuple[float, list[float], str, str]:
        """A page's height, the font sizes of its text, and the text of its header and its footer."""
        body = self.objects[number]
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", body)
        contents = re.search(rb"/Contents\s*(\d+) 0 R", body)
        resources = re.search(rb"/Resources\s*(\d+) 0 R", body)
        assert box is not None and contents is not None and resources is not None
        fonts_at = self.objects[int(resources.group(1))]
        inner = re.search(rb"/Font\s*(\d+) 0 R", fonts_at)
        if inner:
            fonts_at = self.objects[int(inner.group(1))]
        fonts = {name.decode(): int(ref) for name, ref in re.findall(rb"/(F\d+)\s*(\d+) 0 R", fonts_at)}
        height = float(box.group(2))
        text = self.stream(int(contents.group(1)))
        sizes = [float(s) for s in re.findall(rb"/F\d+ ([\d.]+) Tf", text)]
        header, footer = [], []
        for block in re.findall(rb"BT(.*?)ET", text, re.S):
            at = re.search(rb"[\d.]+ ([\d.]+) Td", block)
            if not at:
                continue
            shown, table = "", {}
            for font, codes in re.findall(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)>", block):
                if font:  # a run may switch fonts (a subset holds at most 256 glyphs)
                    table = self._unicode(fonts[font.decode()])
                else:
                    shown += "".join(table.get(int(codes[i : i + 2], 16), "?") for i in range(0, len(codes), 2))
            y = float(at.group(1))
            if y > height - 45:
                header.append(shown)
            elif y < 45:
                footer.append(shown)
        return height, sizes, "".join(header), "".join(footer)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx-sheets") / "review.xlsx"
    result = runner.invoke(app, ["export", "--dir", str(ROOT), "-y", "2023", "--lang", "ja", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_every_sheet_is_set_up_to_print_without_shrinking(workbook: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert PLAN in sheet.oddHeader.left.text, sheet.title
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text, sheet.title
        assert sheet.print_title_rows, sheet.title  # the header row on every page
        scale = int(setup.scale or 100)
        fitted = sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
        if sheet.title != "評価表":  # (its columns fit A3 at 100%; its fit is a safety net, checked on paper below)
            assert not fitted and scale >= 92, (sheet.title, fitted, scale)  # 10 pt prints at 9.2 pt or more
        paper = (int(setup.paperSize), str(setup.orientation))
        room = (PAPER_HEIGHT[paper] / 25.4 - sheet.page_margins.top - sheet.page_margins.bottom) * 72 * 100 / scale
        tallest = max((d.height or 0 for d in sheet.row_dimensions.values()), default=0)
        assert tallest < room * 0.8, (sheet.title, tallest, room)  # no row taller than a page: rows never split
    data = book["データ"]
    assert data.print_title_cols == "$A:$C" and [c.value for c in data[4]][:3] == ["柱", "No.", "施策"]
    assert data.freeze_panes == "D5"


def test_libreoffice_prints_every_sheet_at_9pt_with_numbered_pages(workbook: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run does): no print check")
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(workbook)],
        capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    pdf_path = tmp_path / "review.pdf"
    assert pdf_path.exists(), done.stdout + done.stderr
    pdf = Pdf(pdf_path.read_bytes())
    pages = [pdf.page(n) for n in pdf.pages()]
    total = len(pages)
    headers = []
    for index, (_, sizes, header, footer) in enumerate(pages, start=1):
        assert sizes and min(sizes) >= 9, (index, header, sorted(set(sizes))[:3])
        assert header.startswith(PLAN), (index, header)
        assert footer == f"{PLAN}{index} / {total}", (index, footer)
        headers.append(header)
    for title in ("評価表", "評価データ", "柱別集計", "府省庁別集計", "遅れている指標", "未報告一覧", "作成情報"):
        assert any(f"{PLAN} {title}" in h for h in headers), title  # every sheet printed, under its own header
    data_pages = sum(1 for h in headers if "評価データ" in h)
    assert data_pages >= 4  # across pages at 100%, not one page wide at 4 pt
    summary_pages = sum(1 for h in headers if "柱別集計" in h or "府省庁別集計" in h)
    assert summary_pages == 2  # each summary on one page, at ≥ 9 pt
