"""The HTML export rendered in headless Chromium: the table and the charts are laid out, sorting and filtering work.

The page is exported, then a copy gets one extra measuring script (allowed by adding its hash to the
page's Content-Security-Policy) that writes what the browser laid out into the DOM; Chromium's
--dump-dom returns it. A second extra script without a hash must be blocked by the policy.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi.export import ExportFormat, export
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1600,1200",
]


MEASURE = r"""
(function () {
  var out = {};
  function box(el) { var r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; }
  var table = document.getElementById('evaluation');
  out.ready = document.documentElement.getAttribute('data-ready');
  out.table = box(table);
  out.docWidth = document.documentElement.scrollWidth;
  out.rows = Array.prototype.map.call(table.querySelectorAll('tr.row'), function (r) { return box(r).h; });
  out.charts = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (s) {
    var b = box(s), cell = box(s.parentNode);
    return {w: b.w, h: b.h, inside: b.x >= cell.x - 0.5 && b.x + b.w <= cell.x + cell.w + 0.5 &&
                                     b.y >= cell.y - 0.5 && b.y + b.h <= cell.y + cell.h + 0.5,
            marks: s.querySelectorAll('circle.actual').length, plan: s.querySelectorAll('.plan').length};
  });
  out.headerCells = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return box(th).w; });
  var button = Array.prototype.filter.call(table.querySelectorAll('thead th button'), function (b) {
    return b.textContent === '\u9032\u6357\u7387';  // 進捗率
  })[0];
  var index = Array.prototype.indexOf.call(button.parentNode.parentNode.children, button.parentNode);
  button.click();
  out.sortedBody = Array.prototype.map.call(table.tBodies[table.tBodies.length - 1].querySelectorAll('tr.row'), function (r) {
    return r.children[index].getAttribute('data-v');
  });
  out.sortState = button.parentNode.getAttribute('aria-sort');
  var search = document.getElementById('filter-text');
  search.value = '\u76f8\u8ac7\u4ef6\u6570';  // 相談件数
  search.dispatchEvent(new Event('input'));
  out.filtered = Array.prototype.filter.call(table.querySelectorAll('tr.row'), function (r) { return !r.hidden; }).length;
  out.shownCount = document.getElementById('shown-count').textContent;
  search.value = '';
  search.dispatchEvent(new Event('input'));
  var status = document.getElementById('filter-status');
  status.value = 'far_behind';
  status.dispatchEvent(new Event('change'));
  out.statusFiltered = Array.prototype.filter.call(table.querySelectorAll('tr.row'), function (r) { return !r.hidden; })
    .map(function (r) { return r.getAttribute('data-status'); });
  out.blocked = document.documentElement.getAttribute('data-injected') === null;
  var pre = document.createElement('pre');
  pre.id = 'layout-report';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""
INJECTED = "document.documentElement.setAttribute('data-injected', '1');"


def instrumented(page: str) -> str:
    digest = base64.b64encode(hashlib.sha256(MEASURE.encode("utf-8")).digest()).decode("ascii")
    page, count = re.subn(r"script-src ('sha256-[^']+')", rf"script-src \1 'sha256-{digest}'", page)
    assert count == 1
    extra = f"<script>{INJECTED}</script><script>{MEASURE}</script>"
    return page.replace("</body>", extra + "</body>")


def run_chromium(binary: str, args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture
def page(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    root = make_plan(tmp_path, plan="export")
    out = tmp_path / "review.html"
    export(read_plan(root), ExportFormat.html, out, year=2024, lang=Lang.JA, now=NOW)
    return out


def test_chromium_lays_out_the_table_and_charts(page: Path, tmp_path: Path, chromium: str) -> None:
    probe = tmp_path / "probe.html"
    probe.write_text(instrumented(page.read_text("utf-8")), "utf-8")
    done = run_chromium(chromium, ["--dump-dom", probe.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="layout-report">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-2000:]
    report: dict[str, Any] = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert report["ready"] == "1"  # the page's own script ran
    assert report["blocked"] is True  # a script without the page's hash is refused by the CSP
    assert report["table"]["w"] > 800 and report["table"]["h"] > 300
    assert report["docWidth"] <= 1600 + 1  # no horizontal overflow at 1600 px
    assert len(report["rows"]) == 8 and all(h >= 20 for h in report["rows"])
    assert all(w > 20 for w in report["headerCells"])
    charts = report["charts"]
    assert len(charts) == 7  # every quantitative indicator
    for chart in charts:
        assert (round(chart["w"]), round(chart["h"])) == (240, 96)
        assert chart["inside"]
        assert chart["marks"] >= 1
    assert sum(c["plan"] for c in charts) >= 7
    assert report["sortState"] == "ascending"
    values = [float(v) for v in report["sortedBody"] if v]
    assert values == sorted(values) and len(values) == 3
    assert (report["filtered"], report["shownCount"]) == (1, "1")
    assert report["statusFiltered"] == ["far_behind", "far_behind"]


def test_chromium_screenshot_is_drawn(page: Path, tmp_path: Path, chromium: str) -> None:
    shot = tmp_path / "page.png"
    done = run_chromium(chromium, [f"--screenshot={shot}", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1600, 1200)
    assert len(data) > 20_000  # a page of text and charts, not a blank image
