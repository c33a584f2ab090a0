"""The Markdown and JSON exports are written as they are made (kpi.export.plain.markdown_pieces,
kpi.export.plainjson.json_pieces over rows made again one at a time): the same bytes as the texts the whole
evaluation table made before — the functions below are those texts, as they were written — and nothing
half-written when the writing fails midway."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kpi.cli import app
from kpi.export import export, render
from kpi.export.plain import MD_COLUMNS, _md_row, _md_value, markdown_pieces, section_text
from kpi.export.plainjson import json_pieces
from kpi.export.provenance import provenance
from kpi.export.sections import sections
from kpi.export.table import Evaluation, evaluation, evaluation_title, shown_title
from kpi.i18n import in_lang
from kpi.judge.report import build_report
from kpi.model import ExportFormat
from kpi.plan.loader import read_plan
from kpi.views.cells import md_cell
from kpi.views.jsontext import _text as _indented  # the JSON text of one value, nested
from kpi.views.labels import Lang

ROOT = Path(__file__).resolve().parents[2]  # the shipped plan: 再掲 rows, lagging and missing indicators, comments
NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


# -- the texts as the whole table made them before they were streamed ------------------------------------------


def whole_markdown(ev: Evaluation) -> str:
    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        return [_md_row(header), "|" + "---|" * len(header), *(_md_row(r) for r in rows)]

    by_key = {c.key: c for c in ev.columns}
    cols = [by_key[k] for k in MD_COLUMNS]
    lines = [f"# {md_cell(evaluation_title(ev))}", ""]
    lines += [f"- {md_cell(k)}: {md_cell(v)}" for k, v in ev.provenance.items(ev.lang)]
    for group in ev.groups:
        lines += ["", f"## {md_cell(group.heading) or '—'}", ""]
        rows = [
            [_md_value(c, row.values, ev.lang, row.first) if c.key != "title" else shown_title(row, ev.lang) for c in cols]
            for row in group.rows
        ]
        lines += table([c.header(ev.lang) for c in cols], rows)
    for section in sections(ev):
        lines += ["", f"## {md_cell(section.title)}", ""]
        rows = section_text(section, ev.lang)
        lines += table(list(section.header), rows) if rows else [in_lang(ev.lang, "(none)", ctx="list")]
    return "\n".join(lines) + "\n"


def whole_payload(ev: Evaluation) -> dict[str, object]:
    cols = ev.machine_columns()
    rows = []
    for group in ev.groups:
        for row in group.rows:
            record = {c.key: row.values[c.key] for c in cols if not c.key.startswith("fy")}
            record["pillar"] = group.pillar
            record["recent_actuals"] = {c.key[2:]: row.values[c.key] for c in cols if c.key.startswith("fy")}
            rows.append(record)
    summary = {s.key: {"title": s.title, "header": list(s.header), "rows": [list(r) for r in s.rows]} for s in sections(ev)}
    return {
        "provenance": ev.provenance.record(),
        "headings": {g.pillar: g.heading for g in ev.groups},
        "rows": rows,
        "summary": summary,
    }


def whole_json(ev: Evaluation) -> str:
    return json.dumps(whole_payload(ev), ensure_ascii=False, indent=2) + "\n"


WHOLE = {ExportFormat.md: whole_markdown, ExportFormat.json: whole_json}


def _filters(ministry: str | None, pillar: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in (("ministry", ministry), ("pillar", pillar)) if v)


# -- the shipped plan ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [ExportFormat.md, ExportFormat.json])
@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize(("ministry", "pillar"), [(None, None), ("厚生労働省", None), (None, "4"), (None, "1-1")])
def test_streamed_text_is_the_whole_table_text(
    tmp_path: Path, fmt: ExportFormat, lang: Lang, ministry: str | None, pillar: str | None
) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023, ministry=ministry, pillar=pillar)
    prov = provenance(plan, report, now=NOW, filters=_filters(ministry, pillar))
    ev = evaluation(report, prov, lang, root=plan.config.root)
    before = WHOLE[fmt](ev).encode("utf-8")
    assert render(ev, fmt) == before
    out = tmp_path / f"review.{fmt.value}"
    result = export(plan, fmt, out, year=2023, lang=lang, ministry=ministry, pillar=pillar, now=NOW)
    assert out.read_bytes() == before, f"the streamed {fmt.value} differs"
    assert (result.size, result.rows) == (len(before), len(ev.rows))
    if fmt is ExportFormat.json:
        assert json.loads(out.read_text("utf-8")) == whole_payload(ev)
    if (ministry, pillar) == (None, None):  # 再掲 rows, lagging and missing indicators are among those written
        assert any(row.repeat for row in ev.listed_rows)
        assert all(len(s.rows) for s in sections(ev)[2:4])


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_pieces_of_any_size_join_into_the_text(lang: Lang) -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    prov = provenance(plan, report, now=NOW)
    kept = evaluation(report, prov, lang, root=plan.config.root)
    again = evaluation(report, prov, lang, root=plan.config.root, keep=False)
    for size in (1, 2, 7, 500, 10**6):
        md = list(markdown_pieces(again, size))
        assert "".join(md) == whole_markdown(kept)
        data = list(json_pieces(again, size))
        assert "".join(data) == whole_json(kept)
        if size <= 7:  # a piece holds a few rows: the text is never made whole
            assert len(md) > len(kept.listed_rows) // size and len(data) > len(kept.listed_rows) // size
            assert max(map(len, data)) < len(whole_json(kept)) // 20


# -- a fixture plan: every kind of indicator, hostile text, a measure listed again, an empty comments list ----------


@pytest.fixture
def export_plan(make_plan, fixture_plan, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    measures = dict(fixture_plan("export").measures)
    measures["2024-001"] = measures["2024-001"].replace('pillar = "1-1"\n', 'pillar = "1-1"\nalso = ["2-1", "1-2"]\n', 1)
    root: Path = make_plan(tmp_path / "fixture", measures, plan="export")
    return root


JST = dt.timezone(dt.timedelta(hours=9))


def _generated(text: str, fmt: str) -> dt.datetime:
    """When the run wrote ``text``, as its provenance says (to the second in JSON, to the minute in Markdown)."""
    if fmt == "json":
        return dt.datetime.fromisoformat(json.loads(text)["provenance"]["generated"])
    line = next(line for line in text.splitlines() if "JST" in line)
    found = re.search(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D+(\d{1,2}):(\d{2})", line)
    assert found is not None, line
    year, month, day, hour, minute = map(int, found.groups())
    return dt.datetime(year, month, day, hour, minute, tzinfo=JST)


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_cli_writes_the_whole_table_text_of_a_fixture_plan(export_plan: Path, tmp_path: Path, lang: Lang, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    result = CliRunner().invoke(app, ["export", "-d", str(export_plan), "-y", "2024", "--lang", lang.value, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    plan = read_plan(export_plan)
    report = build_report(plan, year=2024)
    ev = evaluation(report, provenance(plan, report, now=_generated(text, fmt)), lang, root=plan.config.root)
    assert out.read_bytes() == WHOLE[ExportFormat(fmt)](ev).encode("utf-8")
    size = f"{len(out.read_bytes()):,}"
    assert (f"（{fmt}、8指標、{size}バイト）" if lang is Lang.JA else f" ({fmt}, 8 indicators, {size} bytes)") in result.output
    again = [row for row in ev.listed_rows if row.repeat]
    assert len(again) == 2 * len(report.measures[0].assessments) > 0  # 2024-001's rows listed again under two headings
    counts = {s.key: len(s.rows) for s in sections(ev)}
    assert counts["lagging"] and counts["missing"] and counts["comments"] == 0  # an empty section: (none), []


@pytest.mark.parametrize("name", ["r.json", "r.md"])
def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary(export_plan: Path, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / name
    old.write_bytes(b"the file of the run before\n")
    limit = 2048  # the bytes a file may grow to: the text is longer

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # Python ignores SIGXFSZ: the write raises EFBIG

    env = {**os.environ, "KPI_NO_CACHE": "1", "PYTHONDONTWRITEBYTECODE": "1", "KPI_LANG": "en"}
    args = [sys.executable, "-m", "kpi", "export", "-d", str(export_plan), "-y", "2024", "-o", str(old)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, preexec_fn=small_files, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"Error: {old}: cannot write the file (File too large); choose another --output\n"
    assert old.read_bytes() == b"the file of the run before\n"
    assert [p.name for p in folder.iterdir()] == [name]  # no temporary left beside it
    whole = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    assert whole.returncode == 0, whole.stderr
    assert old.stat().st_size > 2 * limit  # the limit fell midway through the text


# -- the JSON text of one value, written without json's indenting encoder -----------------------------------------

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@given(VALUES, st.integers(min_value=0, max_value=4))
def test_a_value_is_written_as_json_writes_it_nested(value: object, depth: int) -> None:
    assert _indented(value, depth) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def test_values_json_writes_its_own_way_are_written_as_json_writes_them() -> None:
    for value in (math.nan, -math.inf, {1: "a", "b": [()]}, ("t", 1.5, -0.0, 10**30), '改行\n「」"\\\x00\u2028😀'):
        assert _indented(value, 1) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
