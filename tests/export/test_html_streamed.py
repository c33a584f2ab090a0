"""The html page and the printable paper are written as they are made (kpi.export.html.html_pieces and
kpi.export.htmlprint.print_pieces over rows made again one at a time, straight into the file): the same bytes as
the page made from the whole evaluation table by render(), and nothing half-written when it fails midway."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kpi.export import export, render
from kpi.export.html import html_pieces, to_html
from kpi.export.htmlprint import print_pieces, to_print_html
from kpi.export.provenance import provenance
from kpi.export.table import evaluation
from kpi.judge.report import build_report
from kpi.model import ExportFormat
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

ROOT = Path(__file__).resolve().parents[2]  # the shipped plan: 再掲 rows, lagging and missing indicators
FIXTURE = ROOT / "tests" / "data" / "plans" / "languages"  # four measures: one listed again, lagging and missing ones
NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


class Stop(Exception):
    """Raised by a progress callback to stop an export midway."""


def _whole_and_streamed(tmp_path: Path, root: Path, lang: Lang, ministry: str | None, printable: bool) -> tuple[bytes, bytes]:
    plan = read_plan(root)
    report = build_report(plan, year=2023, ministry=ministry)
    filters = (("ministry", ministry),) if ministry else ()
    ev = evaluation(report, provenance(plan, report, now=NOW, filters=filters), lang, root=plan.config.root)
    whole = render(ev, ExportFormat.html, printable=printable)
    out = tmp_path / "page.html"
    seen: list[tuple[int, int]] = []
    result = export(
        plan,
        ExportFormat.html,
        out,
        year=2023,
        lang=lang,
        ministry=ministry,
        now=NOW,
        printable=printable,
        progress=lambda *done: seen.append(done),
    )
    assert (result.size, result.rows) == (len(whole), len(ev.rows))
    listed = len(ev.listed_rows)
    assert seen == [(done, listed) for done in range(1, listed + 1)]  # once a row, 再掲 rows too
    assert ev.lagging and any(group.items for group in ev.missing.groups)  # both lists are written
    assert any(row.repeat for row in ev.listed_rows)  # and rows listed again (再掲)
    return whole, out.read_bytes()


@pytest.mark.parametrize("printable", [False, True], ids=["page", "print"])
@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("ministry", [None, "厚生労働省"])
def test_streamed_page_is_the_whole_table_page(tmp_path: Path, lang: Lang, ministry: str | None, printable: bool) -> None:
    whole, streamed = _whole_and_streamed(tmp_path, ROOT, lang, ministry, printable)
    assert streamed == whole, "the streamed page differs from render()'s"
    page = streamed.decode("utf-8")
    again = "【再掲】" if lang is Lang.JA else "[listed again]"
    assert again in page  # the shipped plan's 再掲 rows are in the page written, with or without --ministry
    assert ('id="follow-up"' in page) == printable and ('id="evaluation"' in page) != printable


@pytest.mark.parametrize("printable", [False, True], ids=["page", "print"])
@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_streamed_page_of_a_fixture_plan_is_the_whole_table_page(tmp_path: Path, lang: Lang, printable: bool) -> None:
    whole, streamed = _whole_and_streamed(tmp_path, FIXTURE, lang, None, printable)
    assert streamed == whole
    assert streamed.decode("utf-8").count('data-section="lagging"') == 1


def test_pieces_joined_are_the_page_kept_or_remade() -> None:
    plan = read_plan(ROOT)
    report = build_report(plan, year=2023)
    prov = provenance(plan, report, now=NOW)
    kept = evaluation(report, prov, Lang.JA, root=plan.config.root)
    again = evaluation(report, prov, Lang.JA, root=plan.config.root, keep=False)
    assert again.groups == () and kept.groups != ()
    page = to_html(kept)
    assert "".join(html_pieces(again)) == page == "".join(html_pieces(kept))
    assert "".join(print_pieces(again)) == to_print_html(kept)
    pieces = list(html_pieces(again))
    assert len(pieces) > len(again.rows) and max(map(len, pieces)) < len(page) // 20  # a row at a time, not whole


@pytest.mark.parametrize("printable", [False, True], ids=["page", "print"])
def test_an_error_midway_leaves_no_file_and_the_old_file_whole(tmp_path: Path, printable: bool) -> None:
    plan = read_plan(ROOT)

    def stop_at_ten(done: int, total: int) -> None:
        if done == 10:
            raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "page.html"
    with pytest.raises(Stop):
        export(plan, ExportFormat.html, out, year=2023, lang=Lang.JA, now=NOW, printable=printable, progress=stop_at_ten)
    assert list(folder.iterdir()) == []  # no file, no temporary
    out.write_text("old page", encoding="utf-8")
    with pytest.raises(Stop):
        export(plan, ExportFormat.html, out, year=2023, lang=Lang.EN, now=NOW, printable=printable, progress=stop_at_ten)
    assert list(folder.iterdir()) == [out] and out.read_text(encoding="utf-8") == "old page"
