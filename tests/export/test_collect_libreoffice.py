"""A `kpi collect` workbook opens in LibreOffice: headless soffice converts it to PDF (A4 landscape, every sheet).

LibreOffice is the second target after Excel. `.ci/run` installs it (libreoffice-calc-nogui) when it can;
where soffice is missing the test skips and says why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.export.collect import collect
from kpi.plan.loader import read_plan

MEASURE = """id = "2024-008"
title = "支援情報検索サイトの運用、自殺対策に係る広報の制作・実施業務"
ministries = ["厚生労働省", "内閣府"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "支援情報検索サイトのアクセス数（年間）"
kind = "level"
direction = "up"
unit = "回"
target = 130000
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2023 = 80000

[reports.2024]
done = "特設サイトを改修した。\\n相談窓口の案内を拡充した。"
"""


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "LibreOffice (soffice) is not installed: `apt-get install libreoffice-calc-nogui` (.ci/run does) to run this test"
    )


def test_workbook_converts_to_pdf_in_libreoffice(tmp_path: Path, make_plan: Callable[..., Path]) -> None:
    binary = soffice()
    root = make_plan(tmp_path, {"2024-008": MEASURE})
    [issued] = collect(read_plan(root), 2025, tmp_path / "out", ministries=("厚生労働省",), today=dt.date(2026, 6, 1))
    profile = tmp_path / "lo-profile"
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(issued.path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env=env,
    )
    pdf = tmp_path / "pdf" / "R7_厚生労働省.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", data)
    assert len(boxes) >= 3  # at least a page each for 記入方法, 指標 and 報告 (the hidden sheet prints nothing)
    assert all(round(float(w)) == 842 and round(float(h)) == 595 for w, h in boxes)  # A4 landscape, in points
