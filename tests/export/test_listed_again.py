"""再掲: a measure listed again under another heading (``also``) shows there, marked, and is counted once."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from kpi.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _export(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--dir", str(ROOT), "-y", "2023", "--lang", "ja", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def test_headings_reached_only_by_also_appear_with_their_rows_marked(tmp_path: Path) -> None:
    payload = json.loads(_export(tmp_path, "r.json").read_text("utf-8"))
    by_pillar: dict[str, list[dict[str, object]]] = {}
    for row in payload["rows"]:
        by_pillar.setdefault(str(row["pillar"]), []).append(row)
    # (4)③ and (4)④ hold only measures listed again (No. 140 among them)
    for code in ("4-3", "4-4"):
        assert by_pillar[code] and all(r["repeat"] for r in by_pillar[code])
        assert "2024-140" in {r["measure_id"] for r in by_pillar[code]}
    assert list(payload["headings"]).index("4-3") < list(payload["headings"]).index("4-4")
    own = [r for r in payload["rows"] if not r["repeat"]]
    assert len({(r["measure_id"], r["indicator_id"]) for r in own}) == len(own)  # each indicator once under its own
    summary = payload["summary"]["by_pillar"]
    header, rows = summary["header"], summary["rows"]
    assert header[-1] == "うち再掲（施策）"
    labels = [str(r[0]) for r in rows]
    assert any(label.startswith("(4)③") for label in labels) and any(label.startswith("(4)④") for label in labels)
    total = rows[-1]
    assert total[0] == "合計" and total[2] == len(own)  # the total counts each indicator once
    assert sum(int(r[2]) for r in rows[:-1]) > total[2]  # the heading rows include the 再掲 ones


def test_csv_and_markdown_mark_the_rows(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "r.csv").read_text("utf-8-sig"), newline="")))
    again = [r for r in rows if r["再掲"] == "TRUE"]
    assert again and {r["柱"] for r in again} >= {"(4)③", "(4)④"}
    md = _export(tmp_path, "r.md").read_text("utf-8")
    assert "【再掲】" in md.split("## (4)③", 1)[1].split("\n## ", 1)[0]
