"""The words and the money in the exports: the evaluation table's report columns and comments section, the RS
layout's stage and budget, and the follow-up layout (`--layout followup`) in xlsx, md and html, read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kpi.export import ExportError, ExportFormat, Layout, export
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang

MakePlan = Callable[..., Path]  # the make_plan fixture of tests/conftest.py

NOW = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))

MEASURE = """\
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]
rs_ids = ["0123-4567"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
stage = "output"
target = 130000
deadline = 2026
baseline = 98000
baseline_year = 2022
source = "厚生労働省調べ"

[indicators.actuals]
2022 = 98000
2024 = 100000

[[indicators]]
id = "share"
name = "相談先を知っている人の割合"
kind = "trend"
direction = "up"
unit = "%"
stage = "short_outcome"
baseline = 40
baseline_year = 2022

[indicators.actuals]
2022 = 40
2024 = { value = 45, source = "世論調査" }

[reports.2024]
done = \"\"\"
サイトを改修した。
=SUM(A1)\"\"\"
next = "広報を強化する。"
budget = 130.5
budget_note = "当初予算"

[[reports.2024.comments]]
from = "有識者会議"
text = "周知を強化されたい。"
response = "SNS広告を開始する。"

[[reports.2024.comments]]
from = "推進会議"
text = "若年層への周知を。"
"""

OTHER = """\
id = "2024-009"
title = "相談窓口の周知"
ministries = ["内閣府"]

[editions.2025]
number = 9
pillar = "2-1"

[[indicators]]
id = "known"
name = "周知の状況"
kind = "qualitative"

[indicators.actuals]
2024 = "done"
"""


@pytest.fixture
def root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": MEASURE, "2024-009.toml": OTHER})


def do_export(root: Path, fmt: ExportFormat, name: str, **options: Any) -> Path:
    out = root.parent / name
    export(read_plan(root), fmt, out, year=2024, now=NOW, **{"lang": Lang.JA, **options})
    return out


def test_csv_rows_carry_the_report_stage_source_and_flag(root: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(do_export(root, ExportFormat.csv, "t.csv").read_text("utf-8-sig"))))
    access, share, known = rows[0], rows[1], rows[2]
    assert (access["指標ID"], access["段階"], access["出典"]) == ("access", "アウトプット", "厚生労働省調べ")
    # the one CSV writer neutralises a formula at the start of any line of a cell (a spreadsheet import may split it)
    assert access["取組実績"] == "サイトを改修した。\n'=SUM(A1)"
    assert (access["課題・要因分析"], access["今後の取組方針"], access["予算額（百万円）"]) == ("", "広報を強化する。", "130.5")
    assert (access["要因分析が必要"], share["要因分析が必要"]) == ("TRUE", "FALSE")
    assert (share["段階"], share["出典"], share["予算額（百万円）"]) == ("短期アウトカム", "世論調査", "130.5")
    assert (known["段階"], known["取組実績"], known["予算額（百万円）"]) == ("", "", "")


def test_json_rows_and_the_comments_section(root: Path) -> None:
    payload = json.loads(do_export(root, ExportFormat.json, "t.json").read_text("utf-8"))
    first = payload["rows"][0]
    assert (first["stage"], first["budget"], first["needs_explanation"], first["issues"]) == ("アウトプット", 130.5, True, None)
    comments = payload["summary"]["comments"]
    assert comments["header"] == ["府省庁", "No.", "施策", "番号", "意見の出所", "有識者会議等の意見", "対応"]
    assert comments["rows"] == [
        ["厚生労働省", 8, "支援情報検索サイトの運用", 1, "有識者会議", "周知を強化されたい。", "SNS広告を開始する。"],
        ["厚生労働省", 8, "支援情報検索サイトの運用", 2, "推進会議", "若年層への周知を。", "（未回答）"],
    ]


def test_xlsx_evaluation_has_the_columns_and_a_comments_sheet(root: Path) -> None:
    book = openpyxl.load_workbook(do_export(root, ExportFormat.xlsx, "t.xlsx"))
    sheet = book["データ"]  # every column (評価表 is the printed review table)
    header = [c.value for c in sheet[4]]
    for name in ("段階", "出典", "取組実績", "課題・要因分析", "今後の取組方針", "予算額（百万円）", "要因分析が必要"):
        assert name in header, name
    first = [c.value for c in sheet[5]]  # the heading is a column: no heading rows
    assert first[header.index("取組実績")] == "サイトを改修した。\n=SUM(A1)"
    assert first[header.index("予算額（百万円）")] == 130.5
    comments = book["有識者会議等の意見と対応（令和6年度）"]
    values = [[c.value for c in row] for row in comments.iter_rows()]
    assert ["厚生労働省", 8, "支援情報検索サイトの運用", 2, "推進会議", "若年層への周知を。", "（未回答）"] in values


def test_md_and_html_show_the_report_once_per_measure(root: Path) -> None:
    md = do_export(root, ExportFormat.md, "t.md").read_text("utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| 008 |")]
    assert "広報を強化する。" in rows[0] and "広報を強化する。" not in rows[1]
    assert "## 有識者会議等の意見と対応（令和6年度）" in md
    html = do_export(root, ExportFormat.html, "t.html").read_text("utf-8")
    assert html.count('<td class="next">広報を強化する。</td>') == 1 and '<td class="next"></td>' in html


def test_rs_layout_has_stage_and_budget(root: Path) -> None:
    rows = list(csv.reader(io.StringIO(do_export(root, ExportFormat.rs, "rs.csv").read_text("utf-8-sig"))))
    assert rows[0][-3:-1] == ["段階", "予算額（百万円）"]  # then 出典
    assert rows[1][-3:-1] == ["アウトプット", "130.5"] and rows[2][-3:-1] == ["", ""]
    assert rows[5][-3:-1] == ["短期アウトカム", "130.5"]
    book = openpyxl.load_workbook(do_export(root, ExportFormat.rs, "rs.xlsx"))
    sheet = book.active
    assert [c.value for c in sheet[4]][-3:] == ["段階", "予算額（百万円）", "出典"]
    assert [c.value for c in sheet[5]][-3:] == ["アウトプット", 130.5, "厚生労働省調べ"]


def test_followup_markdown(root: Path) -> None:
    md = do_export(root, ExportFormat.md, "f.md", layout=Layout.followup).read_text("utf-8")
    assert md.startswith("# 孤独・孤立対策重点計画 フォローアップ（令和6年度）\n")
    header = (
        "| 施策 | 担当府省庁 | 取組実績【予算額】 | 指標：実績値【目標値】・状況 | "
        + "評価（区分） | 課題・要因分析 | 今後の取組方針 |"
    )
    assert md.count(header) == 2  # one table per pillar
    row = next(line for line in md.splitlines() if line.startswith("| No.008"))
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
    assert cells[0] == "No.008 支援情報検索サイトの運用"
    assert cells[2] == "サイトを改修した。<br>=SUM(A1)<br>【予算額 130.5百万円（当初予算）】"
    assert cells[3] == (
        "〈アウトプット〉<br>・アクセス数：100,000回（令和6年度）【目標 130,000回（令和8年度）】 遅れ ※要因分析が必要<br>"
        "〈短期アウトカム〉<br>・相談先を知っている人の割合：45%（令和6年度） 目標達成"
    )
    assert (cells[5], cells[6]) == ("", "広報を強化する。")
    other = next(line for line in md.splitlines() if line.startswith("| No.009"))
    assert "（未提出）" in other and "・周知の状況 実施済" in other
    assert "| 厚生労働省 | 8 | 支援情報検索サイトの運用 | 2 | 推進会議 | 若年層への周知を。 | （未回答） |" in md


def test_followup_in_english(root: Path) -> None:
    md = do_export(root, ExportFormat.md, "f.md", layout=Layout.followup, lang=Lang.EN).read_text("utf-8")
    assert "follow-up FY2024" in md
    assert "\\[Budget JPY 130.5 million (当初予算)\\]" in md  # brackets escaped: markdown makes no link of them
    assert "・アクセス数: 100,000回 (FY2024) \\[target 130,000回 (FY2026)\\] far behind ※Explanation needed" in md


def test_followup_html_highlights_what_is_owed(root: Path) -> None:
    html = do_export(root, ExportFormat.html, "f.html", layout=Layout.followup).read_text("utf-8")
    assert "@page{size:A3 landscape" in html
    assert '<td class="issues owed">要因分析が必要</td>' in html
    assert '<td class="response unanswered">（未回答）</td>' in html
    assert '<span class="stage">〈短期アウトカム〉</span>' in html
    assert "<script" not in html


def test_followup_xlsx(root: Path) -> None:
    book = openpyxl.load_workbook(do_export(root, ExportFormat.xlsx, "f.xlsx", layout=Layout.followup))
    assert book.sheetnames == ["フォローアップ", "意見と対応"]
    sheet = book["フォローアップ"]
    assert [c.value for c in sheet[4]] == [
        "施策",
        "担当府省庁",
        "取組実績【予算額】",
        "指標：実績値【目標値】・状況",
        "評価（区分）",
        "課題・要因分析",
        "今後の取組方針",
    ]
    assert sheet["A5"].value == "(1)②"
    row = [c.value for c in sheet[6]]
    assert row[0] == "No.008 支援情報検索サイトの運用"
    assert row[2] == "サイトを改修した。\n=SUM(A1)\n【予算額 130.5百万円（当初予算）】"
    assert sheet["C6"].data_type == "s"  # text, never a formula
    assert row[5] == "要因分析が必要" and sheet["F6"].fill.fgColor.rgb.endswith("FFF4C2")
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 8
    assert sheet.print_title_rows == "$4:$4"
    comments = book["意見と対応"]
    last = [c.value for c in comments[6]]
    assert last[-1] == "（未回答）" and comments["G6"].fill.fgColor.rgb.endswith("FFE0E0")
    assert not comments["G5"].fill.fgColor.rgb.endswith("FFE0E0")


def test_followup_refuses_other_formats(root: Path) -> None:
    with pytest.raises(ExportError, match=r"^--layout followup is written as xlsx, md, html; choose one of them with --format$"):
        do_export(root, ExportFormat.csv, "f.csv", layout=Layout.followup)
    assert not (root.parent / "f.csv").exists()


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
def test_followup_is_written_as_its_rows_are_made(tmp_path: Path, lang: Lang) -> None:
    from kpi.export import followup as fu
    from kpi.export.provenance import provenance
    from kpi.judge.report import build_report

    plan = read_plan(Path(__file__).resolve().parents[2])  # the shipped plan: 143 measures under their headings
    report = build_report(plan, year=2024)
    follow = fu.followup(report, provenance(plan, report, now=NOW), lang)
    assert all(isinstance(result, type(report.measures[0])) for group in follow.placed for result in group.rows)
    assert sum(len(group.rows) for group in follow.placed) == len(report.measures) == len(follow.rows)
    pieces = list(fu.markdown_pieces(follow, rows=20))
    assert len(pieces) > 5 and "".join(pieces) == fu.to_markdown(follow)
    assert "".join(fu.html_pieces(follow, rows=20)) == fu.to_html(follow)
    for fmt, whole in ((ExportFormat.md, fu.to_markdown(follow)), (ExportFormat.html, fu.to_html(follow))):
        out = tmp_path / f"f.{fmt.value}"
        result = export(plan, fmt, out, year=2024, lang=lang, now=NOW, layout=Layout.followup)
        assert out.read_text("utf-8") == whole and result.rows == len(report.measures)
    out = tmp_path / "f.xlsx"
    export(plan, ExportFormat.xlsx, out, year=2024, lang=lang, now=NOW, layout=Layout.followup)
    book = openpyxl.load_workbook(out)
    titles = [row[0] for row in book.worksheets[0].iter_rows(min_row=5, values_only=True) if row[0]]
    assert sum(1 for t in titles if str(t).startswith("No.")) == len(report.measures)  # every measure, under a heading
