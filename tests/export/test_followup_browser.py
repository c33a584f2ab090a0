"""The follow-up page (`kpi export --layout followup --format html`) in headless Chromium: it lays out one row per
measure, and prints on A3 landscape."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.export import ExportFormat, Layout, export
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--disable-sync"]
A3_LANDSCAPE = (1190.55, 841.89)  # points

REPORT = """
[reports.2024]
done = \"\"\"
広報を実施した。
<script>alert(1)</script>\"\"\"
budget = 12

[[reports.2024.comments]]
from = "有識者会議"
text = "周知を。"
"""


def run(binary: str, args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def page(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    root = make_plan(tmp_path, plan="export")
    first = sorted((root / "measures").glob("*.toml"))[0]
    first.write_text(first.read_text("utf-8") + REPORT, "utf-8")
    out = tmp_path / "followup.html"
    export(read_plan(root), ExportFormat.html, out, year=2024, lang=Lang.JA, now=NOW, layout=Layout.followup)
    return out


def test_chromium_lays_out_one_row_per_measure(page: Path, tmp_path: Path, chromium: str) -> None:
    done = run(chromium, ["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr
    dom = done.stdout
    measures = len(list((page.parent / "plan" / "measures").glob("*.toml")))
    assert len(re.findall(r'<tr data-measure="', dom)) == measures
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "<script>alert" not in dom
    assert '<td class="response unanswered">（未回答）</td>' in dom


def test_chromium_prints_it_on_a3_landscape(page: Path, tmp_path: Path, chromium: str) -> None:
    pdf = tmp_path / "followup.pdf"
    done = run(chromium, ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], tmp_path / "profile")
    assert pdf.is_file(), done.stderr
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf.read_bytes())
    assert boxes
    for width, height in boxes:
        assert float(width) == pytest.approx(A3_LANDSCAPE[0], abs=1.5)
        assert float(height) == pytest.approx(A3_LANDSCAPE[1], abs=1.5)
