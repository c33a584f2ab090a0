"""The follow-up page (`kpi export --layout followup --format html`) in headless Chromium: it lays out one row per
measure, and prints on A3 landscape."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
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


def chromium() -> str:
    for name in (os.environ.get("KPI_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    pytest.skip("no chromium binary found: install Debian's chromium (`apt-get install chromium`; .ci/run does) to run this test")


def run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def page(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    root = make_plan(tmp_path, plan="export")
    first = sorted((root / "measures").glob("*.toml"))[0]
    first.write_text(first.read_text("utf-8") + REPORT, "utf-8")
    out = tmp_path / "followup.html"
    export(read_plan(root), ExportFormat.html, out, year=2024, lang=Lang.JA, now=NOW, layout=Layout.followup)
    return out


def test_chromium_lays_out_one_row_per_measure(page: Path, tmp_path: Path) -> None:
    done = run(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr
    dom = done.stdout
    measures = len(list((page.parent / "plan" / "measures").glob("*.toml")))
    assert len(re.findall(r'<tr data-measure="', dom)) == measures
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "<script>alert" not in dom
    assert '<td class="response unanswered">（未回答）</td>' in dom


def test_chromium_prints_it_on_a3_landscape(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "followup.pdf"
    done = run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], tmp_path / "profile")
    assert pdf.is_file(), done.stderr
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf.read_bytes())
    assert boxes
    for width, height in boxes:
        assert float(width) == pytest.approx(A3_LANDSCAPE[0], abs=1.5)
        assert float(height) == pytest.approx(A3_LANDSCAPE[1], abs=1.5)
