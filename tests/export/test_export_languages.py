"""Every export in Japanese and in English (issue 15): the cover, titles, headings, statuses, years and the
generation time (JST, with its offset) of real files read back — openpyxl for the workbook, the text of csv, md,
json and html, Chromium for the page — and the summaries `kpi export` and `kpi db` print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from kpi.export import Encoding, ExportFormat, ExportResult, export, format_for
from kpi.export.provenance import JST, generated_iso, generated_text, in_jst
from kpi.i18n import Lang, speaking
from kpi.model import Layout
from kpi.plan.loader import read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
# 01:15 UTC on 2 December 2026 is 10:15 the same day in Tokyo (and still 1 December in the Americas).
INSTANT = dt.datetime(2026, 12, 2, 1, 15, tzinfo=dt.UTC)

PROVENANCE = {
    Lang.JA: [
        ("計画", "テスト計画"),
        ("版", "2025年版"),
        ("評価年度", "令和5年度（2023）"),
        ("評価方法・閾値", "線形（linear）、on_track 0.95 以上、behind 0.6 以上、exceed_margin 0.1"),
        ("施策ファイルのコミット", "不明（git の管理外）"),
        ("作成日時", "2026年12月2日 10:15（JST、UTC+09:00）"),
        ("作成ツール", "kpi 0.1.0"),
    ],
    Lang.EN: [
        ("Plan", "テスト計画"),
        ("Edition", "2025 edition"),
        ("Evaluation year", "FY2023"),
        ("Method and thresholds", "linear (on_track >= 0.95, behind >= 0.6, exceed_margin 0.1)"),
        ("Measures commit", "unknown (not in a git repository)"),
        ("Generated", "2026-12-02 10:15 JST (+09:00)"),
        ("Tool", "kpi 0.1.0"),
    ],
}


@pytest.fixture
def root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


def write(root: Path, fmt: ExportFormat, name: str, lang: Lang, **options: object) -> Path:
    out = root.parent / name
    export(read_plan(root), fmt, out, year=2023, lang=lang, now=INSTANT, **options)  # type: ignore[arg-type]
    return out


def test_generation_time_is_japans_with_its_offset() -> None:
    assert in_jst(INSTANT) == dt.datetime(2026, 12, 2, 10, 15, tzinfo=JST)
    assert generated_text(INSTANT, Lang.JA) == "2026年12月2日 10:15（JST、UTC+09:00）"
    assert generated_text(INSTANT, Lang.EN) == "2026-12-02 10:15 JST (+09:00)"
    assert generated_iso(INSTANT) == "2026-12-02T10:15:00+09:00"
    evening = dt.datetime(2026, 12, 2, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # New York, 3 Dec in Tokyo
    assert generated_text(evening, Lang.JA) == "2026年12月3日 10:00（JST、UTC+09:00）"


def test_pyproject_brings_a_time_zone_database_to_windows() -> None:
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8")
    assert '"tzdata; sys_platform == \\"win32\\""' in text


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_workbook_sheets_titles_headings_and_cover(root: Path, lang: Lang) -> None:
    book = openpyxl.load_workbook(write(root, ExportFormat.xlsx, "x.xlsx", lang))
    ja = lang is Lang.JA
    assert book.sheetnames == (
        [
            "評価表",
            "データ",
            "柱別集計",
            "府省庁別集計",
            "遅れている指標",
            "未報告一覧（令和5年度）",
            "有識者会議等の意見と対応（令和5年度）",
            "作成情報",
        ]
        if ja
        else [
            "Evaluation",
            "Data",
            "By pillar",
            "By ministry",
            "Lagging indicators",
            "Not reported for FY2023",
            "Comments and responses (FY2023)",
            "Provenance",
        ]
    )
    review = book.worksheets[0]
    assert review["A1"].value == ("テスト計画 評価表 令和5年度" if ja else "テスト計画 evaluation FY2023")
    assert [c.value for c in review[4]] == (
        [
            "柱",
            "No.",
            "施策",
            "府省庁",
            "指標",
            "基準値・実績値・目標値（年度）",
            "達成率",
            "進捗率",
            "状況",
            "区分（施策）",
            "備考",
        ]
        if ja
        else [
            "Pillar",
            "No.",
            "Measure",
            "Ministries",
            "Indicator",
            "Baseline, latest, target (year)",
            "Achievement",
            "Progress",
            "Status",
            "Grade (measure)",
            "Notes",
        ]
    )
    survey = next(r for r in review.iter_rows(min_row=5, values_only=True) if r[4] == "全国調査を実施・公表")
    assert survey[5] == ("実績 実施済" if ja else "Latest done")  # the qualitative status, as officers write it
    assert survey[8] == ("実施済" if ja else "done")
    reach = next(r for r in review.iter_rows(min_row=5, values_only=True) if r[4] == "調査の回答者数")
    assert reach[5] == (
        "基準 100 人（令和4年度）\n実績 125 人（令和5年度）\n目標 200 人（令和8年度）"
        if ja
        else "Baseline 100 人 (FY2022)\nLatest 125 人 (FY2023)\nTarget 200 人 (FY2026)"
    )
    data = book.worksheets[1]
    assert data["A1"].value == ("テスト計画 評価データ 令和5年度" if ja else "テスト計画 evaluation data FY2023")
    header = [c.value for c in data[4]]
    years = ["令和元年度実績", "令和2年度実績", "令和3年度実績", "令和4年度実績", "令和5年度実績"]
    assert header[14:19] == (years if ja else ["FY2019", "FY2020", "FY2021", "FY2022", "FY2023"])
    deadline = next(r for r in data.iter_rows(min_row=5) if r[4].value == "調査の回答者数")[13]
    assert header[13] == ("目標年度" if ja else "Deadline")
    assert (deadline.value, deadline.number_format) == (2026, '"令和8年度"' if ja else '"FY"0')  # a number, shown as written
    lag = book.worksheets[4]
    assert lag["A1"].value == ("遅れている指標  令和5年度" if ja else "Lagging indicators  FY2023")
    assert [c.value for c in lag[3]] == (
        [
            "No.",
            "施策",
            "府省庁",
            "指標",
            "状況",
            "進捗率",
            "期待進捗",
            "ペース",
            "最新実績",
            "実績年度",
            "目標値",
            "目標年度",
            "注意",
        ]
        if ja
        else [
            *("No.", "Measure", "Ministries", "Indicator", "Status", "Progress", "Expected", "Pace", "Latest", "Year"),
            *("Target", "Deadline", "Flags"),
        ]
    )
    pillars = book.worksheets[2]
    assert [c.value for c in pillars[3]][:3] == (["柱", "施策数", "指標数"] if ja else ["Pillar", "Measures", "Indicators"])
    assert ("遅れている指標" if ja else "Lagging") in [c.value for c in pillars[3]]
    assert "遅れ計" not in [c.value for c in pillars[3]]  # read like the status 遅れ
    cover = book.worksheets[-1]
    assert cover["A1"].value == ("作成情報" if ja else "Provenance")
    assert [(r[0], r[1]) for r in cover.iter_rows(min_row=3, values_only=True)] == PROVENANCE[lang]
    assert book.properties.title == review["A1"].value
    assert book.properties.created == dt.datetime(2026, 12, 2, 1, 15)  # stored in UTC, as the format wants


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_markdown_title_provenance_and_headings(root: Path, lang: Lang) -> None:
    text = write(root, ExportFormat.md, "x.md", lang).read_text("utf-8")
    lines = text.splitlines()
    ja = lang is Lang.JA
    assert lines[0] == ("# テスト計画 評価表 令和5年度" if ja else "# テスト計画 evaluation FY2023")
    shown = [f"- {k}: {v}" for k, v in PROVENANCE[lang]]
    if not ja:  # markdown escapes the comparison signs
        shown[3] = "- Method and thresholds: linear (on_track &gt;= 0.95, behind &gt;= 0.6, exceed_margin 0.1)"
    assert lines[2:9] == shown
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[-5:] == (
        [
            "## 柱別集計",
            "## 府省庁別集計",
            "## 遅れている指標",
            "## 未報告一覧（令和5年度）",
            "## 有識者会議等の意見と対応（令和5年度）",
        ]
        if ja
        else [
            *("## By pillar", "## By ministry", "## Lagging indicators", "## Not reported for FY2023"),
            "## Comments and responses (FY2023)",
        ]
    )
    survey = next(line for line in lines if "全国調査を実施・公表" in line)
    assert f"| {'実施済' if ja else 'done'} |" in survey
    assert ("| 125（令和5年度） |" if ja else "| 125 (FY2023) |") in text
    assert ("（なし）" if ja else "(none)") in lines  # no comments on the year's reports


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_csv_header_and_json_provenance(root: Path, lang: Lang) -> None:
    rows = list(csv.reader(io.StringIO(write(root, ExportFormat.csv, "x.csv", lang).read_text("utf-8-sig"), newline="")))
    ja = lang is Lang.JA
    assert rows[0][:4] == (["柱", "No.", "ID", "施策"] if ja else ["Pillar", "No.", "ID", "Measure"])
    recent = [h for h in rows[0] if h.endswith("年度実績") or h.startswith("FY20")]
    assert recent == (
        ["令和元年度実績", "令和2年度実績", "令和3年度実績", "令和4年度実績", "令和5年度実績"]
        if ja
        else ["FY2019", "FY2020", "FY2021", "FY2022", "FY2023"]
    )
    survey = next(dict(zip(rows[0], r, strict=True)) for r in rows[1:] if "全国調査を実施・公表" in r)
    assert survey["状況" if ja else "Status"] == ("実施済" if ja else "done")
    assert survey["令和5年度実績" if ja else "FY2023"] == ("実施済" if ja else "done")
    payload = json.loads(write(root, ExportFormat.json, "x.json", lang).read_text("utf-8"))
    assert payload["provenance"]["generated"] == "2026-12-02T10:15:00+09:00"  # machine format: ISO 8601, JST
    assert payload["summary"]["missing"]["title"] == ("未報告一覧（令和5年度）" if ja else "Not reported for FY2023")


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_rs_layout_labels(root: Path, lang: Lang) -> None:
    rows = list(csv.reader(io.StringIO(write(root, ExportFormat.rs, "rs.csv", lang).read_text("utf-8-sig"), newline="")))
    ja = lang is Lang.JA
    assert rows[0] == (
        [
            *("No.", "施策名", "府省庁", "成果指標", "単位", "改善の方向", "項目", "基準値"),
            *("令和元年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "目標値", "段階", "予算額（百万円）", "出典"),
        ]
        if ja
        else [
            *("No.", "Measure", "Ministries", "Indicator", "Unit", "Direction", "Row", "Baseline"),
            *("FY2019", "FY2020", "FY2021", "FY2022", "FY2023", "Target", "Stage", "Budget (JPY million)", "Source"),
        ]
    )
    assert [r[6] for r in rows[1:5]] == (
        ["目標年度", "目標値", "成果実績", "達成度"]
        if ja
        else ["Target year", "Target value", "Figure reported", "Achievement rate"]
    )
    assert rows[1][7:14] == (
        ["令和4年度", "令和元年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和8年度"]
        if ja
        else ["FY2022", "FY2019", "FY2020", "FY2021", "FY2022", "FY2023", "FY2026"]
    )
    assert rows[4][13] == "62.5%"  # the 達成度 row is written as percentages in both languages (125 / 200)
    survey = next(r for r in rows if r[3] == "全国調査を実施・公表")
    assert survey[6] == ("成果実績" if ja else "Figure reported") and survey[12] == ("実施済" if ja else "done")


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_followup_title_and_headings(root: Path, lang: Lang) -> None:
    text = write(root, ExportFormat.md, "f.md", lang, layout=Layout.followup).read_text("utf-8")
    lines = text.splitlines()
    ja = lang is Lang.JA
    assert lines[0] == ("# テスト計画 フォローアップ（令和5年度）" if ja else "# テスト計画 follow-up FY2023")
    assert (
        "| 施策 | 担当府省庁 | 取組実績【予算額】 | 指標：実績値【目標値】・状況 | 評価（区分） "
        "| 課題・要因分析 | 今後の取組方針 |"
        if ja
        else "| Measure | Ministries | What was done \\[budget\\] | Indicator: latest figure \\[target\\], status | Grade "
        "| Issues and causes | Next steps |"
    ) in lines
    assert (
        "・調査の回答者数：125人（令和5年度）【目標 200人（令和8年度）】 順調"
        if ja
        else "・調査の回答者数: 125人 (FY2023) \\[target 200人 (FY2026)\\] on track"
    ) in text
    assert ("・全国調査を実施・公表 実施済" if ja else "・全国調査を実施・公表 done") in text
    assert ("（未提出）" if ja else "(not submitted)") in text


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_html_page_in_chromium(root: Path, lang: Lang, tmp_path: Path, chromium: str) -> None:
    page = write(root, ExportFormat.html, "x.html", lang)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    done = subprocess.run(
        [chromium, *flags, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    dom = done.stdout
    assert 'data-ready="1"' in dom, done.stderr[-2000:]  # the page's script ran: the controls work
    ja = lang is Lang.JA
    assert f'<html lang="{lang.value}"' in dom
    assert ("<h1>テスト計画 評価表 令和5年度</h1>" if ja else "<h1>テスト計画 evaluation FY2023</h1>") in dom
    assert (
        "<dt>作成日時</dt><dd>2026年12月2日 10:15（JST、UTC+09:00）</dd>"
        if ja
        else "<dt>Generated</dt><dd>2026-12-02 10:15 JST (+09:00)</dd>"
    ) in dom
    assert ("<label>絞り込み " if ja else "<label>Filter ") in dom
    assert ('<option value="">すべて</option>' if ja else '<option value="">all</option>') in dom
    assert ('<h2 id="lagging">遅れている指標</h2>' if ja else '<h2 id="lagging">Lagging indicators</h2>') in dom
    assert ('data-status="done">実施済</td>' if ja else 'data-status="done">done</td>') in dom
    assert ('<text class="tick now-label"' in dom) and ((">令和5年度</text>" if ja else ">FY2023</text>") in dom)


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_print_paper_cover(root: Path, lang: Lang) -> None:
    text = write(root, ExportFormat.html, "p.html", lang, printable=True).read_text("utf-8")
    ja = lang is Lang.JA
    cover = text.split('<div class="cover">', 1)[1].split("</div>", 1)[0]
    sub = "成果指標の進捗状況　令和5年度" if ja else "Progress of the outcome indicators FY2023"
    items = "".join(f"<dt>{k}</dt><dd>{v.replace('>', '&gt;')}</dd>" for k, v in PROVENANCE[lang])
    assert cover == f'<h1>テスト計画</h1><p class="sub">{sub}</p><dl class="prov">{items}</dl>'
    assert ("<h2>フォローアップ表</h2>" if ja else "<h2>Follow-up table</h2>") in text


def test_export_summary_in_both_languages() -> None:
    result = ExportResult(Path("review.xlsx"), ExportFormat.xlsx, 182, 52310)
    assert result.summary(Lang.JA) == "review.xlsx を書き出しました（xlsx、182指標、52,310バイト）。"
    assert result.summary(Lang.EN) == "Wrote review.xlsx (xlsx, 182 indicators, 52,310 bytes)"
    follow = ExportResult(Path("f.md"), ExportFormat.md, 64, 1200, Layout.followup)
    assert follow.summary(Lang.JA) == "f.md を書き出しました（md、64施策、1,200バイト）。"
    with speaking(Lang.JA):  # the run's language when none is given
        assert follow.summary() == "f.md を書き出しました（md、64施策、1,200バイト）。"


def test_export_errors_in_both_languages() -> None:
    with speaking(Lang.JA), pytest.raises(Exception) as caught:
        format_for(Path("review.txt"), None)
    assert str(caught.value) == (
        "review.txt: ファイル名から形式が分かりません。--format を指定するか、名前の末尾を "
        ".csv, .htm, .html, .json, .md, .xlsx のいずれかにしてください。"
    )
    with pytest.raises(Exception) as caught:
        format_for(Path("review.txt"), None)
    assert str(caught.value) == (
        "review.txt: cannot tell the format from the name; give --format, or end it in .csv, .htm, .html, .json, .md, .xlsx"
    )


def test_the_cli_writes_the_export_in_the_locales_language(root: Path) -> None:
    """`kpi export` with a Japanese locale and no --lang writes Japanese; KPI_LANG=en or --lang en writes English."""
    from typer.testing import CliRunner

    from kpi.cli import app

    runner = CliRunner()
    base = ["export", "--dir", str(root), "--year", "2023"]
    ja = root.parent / "ja.md"
    done = runner.invoke(app, [*base, "-o", str(ja)], env={"LANG": "ja_JP.UTF-8"})
    assert done.exit_code == 0, done.output
    assert ja.read_text("utf-8").splitlines()[0] == "# テスト計画 評価表 令和5年度"
    en = root.parent / "en.md"
    done = runner.invoke(app, [*base, "-o", str(en)], env={"LANG": "ja_JP.UTF-8", "KPI_LANG": "en"})
    assert done.exit_code == 0, done.output
    assert en.read_text("utf-8").splitlines()[0] == "# テスト計画 evaluation FY2023"
    db = root.parent / "kpi.db"
    done = runner.invoke(app, ["db", "--dir", str(root), "--year", "2023", "--lang", "ja", str(db)])
    assert done.exit_code == 0, done.output
    meta = json.loads(db.with_name("kpi.metadata.json").read_text("utf-8"))
    assert meta["title"] == "テスト計画 — 成果指標（令和5年度）"


def test_errors_of_the_files_in_japanese(root: Path, tmp_path: Path) -> None:
    from kpi.errors import KpiError
    from kpi.export.db import build_db
    from kpi.export.plain import UnencodableCell

    with speaking(Lang.JA), pytest.raises(KpiError) as caught:
        build_db(read_plan(root), tmp_path, year=2023)
    assert str(caught.value) == f"{tmp_path}: フォルダーです。kpi.db のようなデータベースのファイル名を指定してください。"
    (root / "measures" / "2024-004.toml").write_text(
        (root / "measures" / "2024-004.toml").read_text("utf-8").replace("全国調査の実施・公表", "全国調査の実施・公表😀"),
        "utf-8",
    )
    with speaking(Lang.JA), pytest.raises(UnencodableCell) as unencodable:
        export(read_plan(root), ExportFormat.csv, tmp_path / "x.csv", year=2023, lang=Lang.JA, encoding=Encoding.cp932)
    assert str(unencodable.value) == (
        "x.csv: セル D9（施策）にある '😀'（U+1F600）は cp932 で書けません。measures/2024-004.toml で直すか、"
        "--encoding utf-8 で書き出してください。"
    )


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_the_provenance_line_under_each_title_is_set_in_its_language(root: Path, lang: Lang) -> None:
    """Items apart by a full-width space in Japanese, by "; " in English (never an ideographic space in English)."""
    book = openpyxl.load_workbook(write(root, ExportFormat.xlsx, "p.xlsx", lang))
    for name in book.sheetnames[:2]:
        line = str(book[name]["A2"].value)
        if lang is Lang.JA:
            assert line.startswith("版: 2025年版　評価年度: 令和5年度（2023）　"), line
        else:
            assert line.startswith("Edition: 2025 edition; Evaluation year: FY2023; "), line
            assert "　" not in line
