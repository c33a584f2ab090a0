"""The HTML charts as headless Chromium draws them, for a plan with a far-away year.

One measure: figures in 万 and in 億, an every-year indicator, and two indicators with a figure decades before the
rest (one with a baseline, one without: there the plan starts at the first figure, and the axis used to run from
1990, squashing every later point into a few pixels). A measuring script added to a copy of the page (its hash in
the page's Content-Security-Policy) writes each chart's laid-out boxes into the DOM; --dump-dom returns them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
import subprocess
import zlib
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars"]  # fmt: skip

MEASURE = """
id = "2024-008"
title = "相談窓口の運営"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "calls"
name = "相談件数"
kind = "level"
direction = "up"
unit = "件"
target = 300000
deadline = 2027
baseline = 120000
baseline_year = 2022

[indicators.actuals]
1990 = 3000
2023 = 150000
2024 = 180000

[[indicators]]
id = "grants"
name = "交付額"
kind = "level"
direction = "up"
unit = "円"
target = 250000000
deadline = 2027
baseline = 120000000
baseline_year = 2022

[indicators.actuals]
2023 = 150000000
2024 = 170000000

[[indicators]]
id = "visits"
name = "訪問件数"
kind = "every_year"
direction = "up"
unit = "件"
target = 50000

[indicators.actuals]
2023 = 55000
2024 = 61000

[[indicators]]
id = "members"
name = "登録団体数"
kind = "level"
direction = "up"
unit = "団体"
target = 100
deadline = 2027

[indicators.actuals]
1990 = 5
2023 = 40
2024 = 50
"""

PROBE = r"""
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; }
  var out = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (svg) {
    function texts(selector) {
      return Array.prototype.map.call(svg.querySelectorAll(selector), function (t) {
        var s = getComputedStyle(t);
        return {text: t.textContent, box: box(t), size: parseFloat(s.fontSize), shown: s.visibility !== 'hidden' &&
                s.display !== 'none' && parseFloat(s.opacity) > 0};
      });
    }
    return {
      name: svg.getAttribute('aria-label'),
      svg: box(svg),
      points: Array.prototype.map.call(svg.querySelectorAll('circle.actual, circle.target, polygon.milestone'), box),
      ticks: texts('text.tick'),
      now: texts('text.now-label')
    };
  });
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def run_chromium(binary: str, args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture
def page(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    root = make_plan(tmp_path / "plan", {"2024-008.toml": MEASURE})
    out = tmp_path / "charts.html"
    result = runner.invoke(app, ["export", "--dir", str(root), "-y", "2024", "--lang", "ja", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + 0.5
        and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + 0.5
    )


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def test_charts_in_chromium_are_readable_with_a_far_away_year(page: Path, tmp_path: Path, chromium: str) -> None:
    text = page.read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(PROBE.encode("utf-8")).digest()).decode("ascii")
    text, count = re.subn(r"script-src ('sha256-[^']+')", rf"script-src \1 'sha256-{digest}'", text)
    assert count == 1
    probe = tmp_path / "probe.html"
    probe.write_text(text.replace("</body>", f"<script>{PROBE}</script></body>"), "utf-8")
    done = run_chromium(chromium, ["--window-size=1366,900", "--dump-dom", probe.as_uri()], tmp_path / "profile")
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    charts: list[dict[str, Any]] = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert len(charts) == 4
    for chart in charts:
        name, svg = chart["name"], chart["svg"]
        assert svg["w"] >= 200 and svg["h"] >= 80, name
        xs = sorted({round(p["x"] + p["w"] / 2) for p in chart["points"]})
        ys = [p["y"] + p["h"] / 2 for p in chart["points"]]
        assert len(xs) >= 2, name
        # the plotted points spread over the chart, one year far from the others squashes none of them
        assert xs[-1] - xs[0] >= svg["w"] * 0.4, (name, xs)
        assert min(b - a for a, b in pairwise(xs)) >= 12, (name, xs)
        assert max(ys) - min(ys) >= svg["h"] * 0.15, (name, ys)
        for label in chart["ticks"] + chart["now"]:
            box = label["box"]
            assert label["shown"] and box["w"] > 0 and box["h"] > 0 and _inside(box, svg), (name, label)
            assert label["size"] >= 9, (name, label)
        ticks = [t for t in chart["ticks"] if t not in chart["now"]]  # the axis labels (now-label is a tick too)
        for i, first in enumerate(ticks):
            for second in ticks[i + 1 :]:
                assert not _overlap(first["box"], second["box"]), (name, first["text"], second["text"])
        assert [n["text"] for n in chart["now"]] == ["令和6年度"], name  # the evaluation year, labelled
        for point in chart["points"]:
            assert not _overlap(chart["now"][0]["box"], point), (name, point)  # the label hides no point
    labels = {c["name"].split(":")[0]: [t["text"] for t in c["ticks"]] for c in charts}
    assert {"30万", "12万"} <= set(labels["相談件数"])
    assert {"2.5億", "1.2億"} <= set(labels["交付額"])
    assert "1990" not in labels["登録団体数"] and "≈" in labels["登録団体数"]  # the axis is broken after the gap
    assert "平成2年度 5 団体" in next(c["name"] for c in charts if c["name"].startswith("登録団体数"))  # still listed


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) scanlines of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    at, idat = 8, b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        if kind == b"IDAT":
            idat += data[at + 8 : at + 8 + length]
        at += 12 + length
    return width, height, zlib.decompress(idat)


def test_chart_screenshot_is_drawn(page: Path, tmp_path: Path, chromium: str) -> None:
    text = page.read_text("utf-8")
    start = text.index('<svg class="chart"')
    shot = tmp_path / "charts.png"
    # the page scrolled to the first chart: a fragment would need an id, so show only the table's charts at the top
    only = tmp_path / "only.html"
    only.write_text(text[: text.index("<body")] + "<body>" + text[start : text.rindex("</svg>") + 6] + "</body></html>", "utf-8")
    done = run_chromium(chromium, ["--window-size=800,400", f"--screenshot={shot}", only.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (800, 400)
    stride = len(rows) // height
    # a blank page filters to rows of zeros; drawn lines, points and labels leave non-zero bytes on many rows
    drawn = sum(1 for r in range(height) if any(rows[r * stride + 1 : (r + 1) * stride]))
    assert drawn >= 40, drawn
