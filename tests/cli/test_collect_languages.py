"""`kpi collect` and `kpi import` in Japanese and in English: real workbooks (openpyxl) returned with bad cells,
the exact lines each language prints, the --status table, the help pages, and the workbook's own Japanese.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kpi.cli import app
from kpi.edit.imported import year_of
from kpi.edit.importing import import_files
from kpi.edit.log import log_figure
from kpi.edit.officer import CellError
from kpi.edit.workbook import WorkbookRefused
from kpi.export.collect import collect
from kpi.i18n import N_, Lang, speaking
from kpi.plan.loader import read_plan

TODAY = dt.date(2026, 6, 20)  # FY2026: the FY2025 figures are being collected
runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    plan = make_plan(tmp_path, plan="collect-languages")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "plan"]):
        subprocess.run(["git", *args], cwd=plan, env=env, check=True, capture_output=True)
    return plan


def issue(root: Path, year: int = 2025) -> Path:
    [issued] = collect(read_plan(root), year, root.parent / "out", ministries=("厚生労働省",), today=TODAY)
    return issued.path


def returned(sent: Path, cells: Mapping[tuple[str, str], object], name: str = "R7_厚生労働省.xlsx") -> Path:
    """The workbook as an officer sends it back: ``cells`` {(sheet, "L5"): value} typed in, saved under ``name``."""
    book = load_workbook(sent)
    for (sheet, ref), value in cells.items():
        book[sheet][ref].value = value
    out = sent.parent.parent / "back" / name
    out.parent.mkdir(exist_ok=True)
    book.save(out)
    return out


def kpi(root: Path, *args: str, lang: str) -> Any:
    return runner.invoke(app, [*args, "--dir", str(root), "--lang", lang], env={"COLUMNS": "200"})


def first_lines(root: Path, *args: str) -> dict[str, str]:
    """The first line that `kpi <args>` prints on stderr, run in Japanese and then in English."""
    return {lang: kpi(root, *args, lang=lang).stderr.splitlines()[0] for lang in ("ja", "en")}


def files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "measures").glob("*.toml"))}


BAD = {
    ("指標", "L5"): "たくさん",
    ("指標", "L6"): "やった",
    ("報告", "G5"): "=1+1",
    ("報告", "L5"): -5,
}


def test_bad_cells_print_one_line_each_in_the_chosen_language(root: Path) -> None:
    back = returned(issue(root), BAD)
    before = files(root)
    ja = kpi(root, "import", str(back), lang="ja")
    assert ja.exit_code == 1 and ja.stdout == ""
    assert ja.stderr.splitlines() == [
        "R7_厚生労働省.xlsx: 指標!L5: 「たくさん」は数値ではありません。1234、1,234、12万 のように数字で記入するか、"
        "未確定なら「集計中」と記入してください。",
        "R7_厚生労働省.xlsx: 指標!L6: 「やった」は選択肢にありません。"
        "一覧から「実施済」「実施中」「未着手」「集計中」のいずれかを選んでください。",
        "R7_厚生労働省.xlsx: 報告!G5: 数式（=1+1）は使えません。計算結果の値を直接入力してください。",
        "R7_厚生労働省.xlsx: 報告!L5: 予算額（-5）が負の値です。百万円単位で 0 以上の数値を記入してください。",
        "R7_厚生労働省.xlsx: 問題が4件あるため、このファイルからは何も書き込んでいません。",
    ]
    en = kpi(root, "import", str(back), lang="en")
    assert en.exit_code == 1 and en.stdout == ""
    assert en.stderr.splitlines() == [
        "R7_厚生労働省.xlsx: 指標!L5: 'たくさん' is not a number; write digits like 1234, 1,234 or 12万, "
        "or 集計中 while it is being compiled",
        "R7_厚生労働省.xlsx: 指標!L6: 'やった' is not one of the choices; choose 実施済 (Done), 実施中 (In progress), "
        "未着手 (Not started) or 集計中 (Being compiled) from the list",
        "R7_厚生労働省.xlsx: 報告!G5: a formula (=1+1) is not accepted; type the value itself",
        "R7_厚生労働省.xlsx: 報告!L5: the budget (-5) is below zero; write it in millions of yen (百万円) as 0 or more",
        "R7_厚生労働省.xlsx: 4 problem(s); nothing from this file was written",
    ]
    assert files(root) == before


def test_a_changed_structure_refuses_the_whole_workbook_in_the_chosen_language(root: Path) -> None:
    back = returned(issue(root), {("指標", "F5"): "別の指標名"})
    ja = kpi(root, "import", str(back), lang="ja")
    assert ja.exit_code == 1 and ja.stderr.splitlines() == [
        "R7_厚生労働省.xlsx: 指標!F5: 入力欄でないセルが変更されています（元は「アクセス数」）。元に戻してください。",
        "R7_厚生労働省.xlsx: 問題が1件あるため、このファイルからは何も書き込んでいません。",
    ]
    en = kpi(root, "import", str(back), lang="en")
    assert en.exit_code == 1 and en.stderr.splitlines()[0] == (
        "R7_厚生労働省.xlsx: 指標!F5: a locked cell was changed (it was 'アクセス数'); put it back"
    )


def test_a_late_workbook_names_the_years_as_each_language_writes_them(root: Path) -> None:
    old = returned(issue(root, 2024), {}, name="R6_厚生労働省.xlsx")
    issue(root)  # the current collection is FY2025
    said = first_lines(root, "import", str(old))
    assert said["ja"] == (
        "R6_厚生労働省.xlsx: 令和6年度のブックです。現在の照会は令和7年度です。今回のブックに記入してもらうか、"
        "遅れて届いた回答であれば --year R6 を付けて取り込んでください。"
    )
    assert said["en"] == (
        "R6_厚生労働省.xlsx: a FY2024 workbook; the current collection is FY2025: "
        "use this year's, or pass --year R6 for a late answer"
    )


def test_dry_run_and_import_lines_in_both_languages(root: Path) -> None:
    good = {("指標", "L5"): "１２万", ("指標", "L6"): "実施中", ("報告", "I5"): "周知が不足した。"}
    back = returned(issue(root), good)
    en = kpi(root, "import", str(back), "--dry-run", lang="en")
    assert en.exit_code == 0, en.output
    assert en.stdout.splitlines() == [
        "R7_厚生労働省.xlsx: 3 change(s); nothing written (--dry-run)",
        "  2024-008 支援情報検索サイトの運用",
        "    access: — → 120,000 回  [指標!L5]",
        "    publicity: — → In progress  [指標!L6]",
        "    Issues and causes: — → 周知が不足した。  [報告!I5]",
    ]
    ja = kpi(root, "import", str(back), lang="ja")
    assert ja.exit_code == 0, ja.output
    assert ja.stdout.splitlines() == [
        "R7_厚生労働省.xlsx: 3件の変更を記録しました。",
        "  2024-008 支援情報検索サイトの運用",
        "    access: — → 120,000 回  [指標!L5]",
        "    publicity: — → 実施中  [指標!L6]",
        "    課題・要因分析: — → 周知が不足した。  [報告!I5]",
    ]
    again = kpi(root, "import", str(back), lang="ja")
    assert again.stdout.splitlines() == ["R7_厚生労働省.xlsx: 変更はありません。"]


def test_a_conflict_names_both_figures_in_each_language(root: Path) -> None:
    back = returned(issue(root), {("指標", "L6"): "実施中"})
    log_figure(root, "2024-008", "publicity", "2025", "done", today=TODAY)  # the plan moves on after issue
    said = first_lines(root, "import", str(back))
    assert said["ja"] == (
        "R7_厚生労働省.xlsx: 指標!L6: ブックの発行後に計画側の値が — から 実施済 に変わっており、ブックの 実施中 と"
        "食い違います。確認のうえ、--force を付けて上書きするか、ブックを直してください。"
    )
    assert said["en"] == (
        "R7_厚生労働省.xlsx: 指標!L6: the plan's value changed from — to Done after the workbook was issued and "
        "differs from the workbook's In progress; check it, then pass --force to overwrite or correct the workbook"
    )
    forced = kpi(root, "import", str(back), "--force", lang="en")
    assert "    publicity: Done → In progress  [指標!L6] (overwritten with --force)" in forced.stdout.splitlines()


def test_a_csv_without_its_headings_is_refused_in_each_language(root: Path, tmp_path: Path) -> None:
    issue(root)
    bad = tmp_path / "figures.csv"
    bad.write_text("施策ID,実績値\n2024-008,5\n", "utf-8")
    said = first_lines(root, "import", str(bad))
    assert said["ja"] == (
        "figures.csv: 1行目に見出し「指標ID」「備考」「出典」がありません。"
        "指標シートと同じ見出し「施策ID」「指標ID」「実績値」「備考」「出典」を付けてください。"
    )
    assert said["en"] == (
        "figures.csv: row 1 lacks the heading(s) 指標ID, 備考, 出典; "
        "give the CSV the indicator sheet's headings 施策ID, 指標ID, 実績値, 備考, 出典"
    )


def test_collect_and_its_status_in_both_languages(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "照会"
    ja = kpi(root, "collect", "--year", "R7", "--output", str(out), lang="ja")
    assert ja.exit_code == 0, ja.output
    shown = ja.stdout.splitlines()
    assert (
        shown[-1]
        == "令和7年度の照会ブックを1府省庁分作成しました。発行記録は collect/FY2025.toml です（git にコミットしてください）。"
    )
    assert shown[0].endswith("R7_厚生労働省.xlsx  （1施策・3指標）")
    en = kpi(root, "collect", "--year", "R7", "--output", str(out), lang="en")
    assert en.stdout.splitlines()[-1] == (
        "Wrote 1 workbook(s) for FY2025; the record of issue is collect/FY2025.toml (commit it to git)"
    )
    assert en.stdout.splitlines()[0].endswith("R7_厚生労働省.xlsx  (measures: 1, indicators: 3)")
    record = (root / "collect" / "FY2025.toml").read_text("utf-8").splitlines()
    assert record[:5] == [  # both languages whoever ran it: the file changes only when the record does
        "# kpi collect で発行した令和7年度の照会ブックの記録です。kpi import は返送されたブックをこの記録と照合し、",
        "# kpi collect --status はこれをもとに回答状況を示します。git で管理してください。",
        "# Workbooks issued by `kpi collect` for FY2025: `kpi import` checks returned ones against this record",
        "# and `kpi collect --status` lists who has answered. Keep it in git.",
        "year = 2025",
    ]

    status = kpi(root, "collect", "--status", lang="ja")
    assert status.exit_code == 0, status.output
    lines = [line.strip() for line in status.stdout.splitlines()]
    assert lines[0] == "令和7年度の照会: ブックの発行・回答の状況"
    assert [c.strip() for c in lines[2].strip("┃").split("┃")] == [
        "府省庁", "発行日", "回答日", "施策数", "回答済施策", "照会指標数", "未報告", "集計中",
    ]  # fmt: skip
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.strip("│").split("│")] for line in lines if "│" in line}
    assert rows["内閣府"] == ["内閣府", "未発行", "未回答", "0", "0", "0", "0", "0"]
    assert rows["厚生労働省"][2:] == ["未回答", "1", "0", "3", "3", "0"]
    english = kpi(root, "collect", "--status", lang="en")
    lines = [line.strip() for line in english.stdout.splitlines()]
    assert lines[0] == "Collection (照会) for FY2025: workbooks issued and answered"
    assert "│ 内閣府     │ not issued │ not returned │" in english.stdout
    as_json = json.loads(kpi(root, "collect", "--status", "--format", "json", lang="ja").stdout)
    assert as_json["ministries"][0] == {
        "ministry": "内閣府", "issued": None, "returned": None, "measures": 0,
        "answered": 0, "indicators": 0, "missing": 0, "compiling": 0,
    }  # fmt: skip


def test_help_pages_in_both_languages(root: Path) -> None:
    ja = kpi(root, "collect", "--help", lang="ja")
    assert "府省庁ごとに照会ブック（.xlsx）を1つずつ作成します。" in ja.stdout
    assert "照会ブックを書き出すフォルダー。" in ja.stdout and "Folder for the workbooks" not in ja.stdout
    en = kpi(root, "collect", "--help", lang="en")
    assert "Write one 照会 workbook (.xlsx) per ministry" in en.stdout and "Folder for the workbooks." in en.stdout
    ja = kpi(root, "import", "--help", lang="ja")
    assert "返送された照会ブックをセルごとに確認し、施策ファイルに記録します。" in ja.stdout
    assert "変更点を表示するだけで、何も書き込みません。" in ja.stdout
    en = kpi(root, "import", "--help", lang="en")
    assert "Check returned 照会 workbooks cell by cell" in en.stdout and "Print what would change; write nothing." in en.stdout


def test_errors_of_collect_in_both_languages(root: Path, tmp_path: Path) -> None:
    due = kpi(root, "collect", "--year", "R7", "--output", str(tmp_path), "--due", "6月末", lang="ja")
    assert due.exit_code == 1
    assert due.stderr.strip() == "エラー: --due「6月末」は日付ではありません。2026-06-30 の形で指定してください。"
    none = kpi(root, "collect", "--year", "R7", "--output", str(tmp_path), "--ministry", "文部", lang="ja")
    assert none.stderr.strip() == (
        "エラー: --ministry「文部」に当てはまる府省庁が0件あります。次のいずれか一つを指定してください: 内閣府、厚生労働省"
    )
    future = kpi(root, "collect", "--year", "R20", "--output", str(tmp_path), lang="en")
    assert future.exit_code == 1 and future.stderr.startswith("Error: FY2038 has not begun yet; collect figures for FY")


def test_the_workbook_reads_as_officers_write(root: Path) -> None:
    book = load_workbook(issue(root))
    ind = book["指標"]
    assert ind["A1"].value == "令和7年度 実績値の照会（厚生労働省）"
    assert [ind.cell(5, c).value for c in (8, 9)] == ["98,000（令和4年度）", "130,000（令和8年度）"]
    assert [ind.cell(7, c).value for c in (6, 8, 9)] == ["自殺者数（2025年の値）", "21,000（2022年）", "15,000（2026年）"]
    choices = [v for v in ind.data_validations.dataValidation if v.type == "list"]
    assert [v.formula1 for v in choices] == ['"実施済,実施中,未着手,集計中"'] and "L6" in str(choices[0].sqref)
    assert [c.value for c in book["報告"][4]][7:11] == [
        "（参考）前年度の課題・要因分析", "課題・要因分析", "（参考）前年度の今後の取組方針", "今後の取組方針",
    ]  # fmt: skip
    guide = [row[0] for row in book["記入方法"].iter_rows(values_only=True)]
    assert guide[0] == "孤独・孤立対策重点計画 令和7年度 実績等の照会（厚生労働省）"
    assert "・定性的な指標は、一覧から「実施済」「実施中」「未着手」のいずれかを選んでください。" in guide
    assert "■ 回答期限: 事務局からの依頼文のとおり" in guide


def test_a_workbook_issued_with_the_earlier_headings_still_imports(root: Path) -> None:
    """Workbooks sent out before 課題・要因 became 課題・要因分析 (and 今後の取組, 今後の取組方針) come back in."""
    sent = issue(root)
    book = load_workbook(sent)
    report, meta = book["報告"], book["_kpi"]
    earlier = {"（参考）前年度の課題・要因分析": "（参考）前年度の課題・要因", "課題・要因分析": "課題・要因"}
    earlier |= {"（参考）前年度の今後の取組方針": "（参考）前年度の今後の取組", "今後の取組方針": "今後の取組"}
    for cell in report[4]:
        cell.value = earlier.get(cell.value, cell.value)
    header = json.loads(meta["B1"].value)
    header["columns"]["報告"] = [earlier.get(label, label) for label in header["columns"]["報告"]]
    meta["B1"].value = json.dumps(header, ensure_ascii=False)
    report["I5"].value = "周知が不足した。"
    report["K5"].value = "広報を強化する。"
    old = sent.with_name("old.xlsx")
    book.save(old)
    [done] = import_files(root, [old], today=TODAY)
    assert done.ok and done.written, [p.text(Lang.EN) for p in done.problems]
    measure = next(m for m in read_plan(root).measures if m.id == "2024-008")
    assert measure.report(2025) is not None
    assert (measure.report(2025).issues, measure.report(2025).next) == ("周知が不足した。", "広報を強化する。")  # type: ignore[union-attr]


def test_a_two_language_message_takes_both_from_the_catalog() -> None:
    cell = CellError(N_("a formula ({value}) is not accepted; type the value itself"), value="=1+1")
    assert cell.ja == "数式（=1+1）は使えません。計算結果の値を直接入力してください。"
    assert cell.en == "a formula (=1+1) is not accepted; type the value itself"
    with speaking(Lang.JA):
        assert str(cell) == cell.ja
    with speaking(Lang.EN):
        assert str(cell) == cell.en
    late = WorkbookRefused(
        N_("a {year} workbook; the current collection is {current}: use this year's, or pass --year {era} for a late answer"),
        year=year_of(2024),
        current=year_of(2025),
        era="R6",
    )
    assert late.ja.startswith("令和6年度のブックです。現在の照会は令和7年度です。")
    assert late.en.startswith("a FY2024 workbook; the current collection is FY2025:")


def test_a_csv_row_naming_no_measure_or_indicator_in_each_language(root: Path, tmp_path: Path) -> None:
    issue(root)
    rows = tmp_path / "figures.csv"
    rows.write_text("施策ID,指標ID,実績値,備考,出典\n2099-001,access,5,,\n2024-008,visits,5,,\n", "utf-8")
    ja = kpi(root, "import", str(rows), lang="ja")
    assert ja.stderr.splitlines() == [
        "figures.csv: A2: 「2099-001」は計画にない施策IDです。この行の施策IDを確認してください。",
        "figures.csv: B3: 「visits」は施策 2024-008 にない指標IDです。この行の指標IDを確認してください。",
        "figures.csv: 問題が2件あるため、このファイルからは何も書き込んでいません。",
    ]
    en = kpi(root, "import", str(rows), lang="en")
    assert en.stderr.splitlines()[:2] == [
        "figures.csv: A2: '2099-001' is not a measure id of the plan (施策ID); check the row",
        "figures.csv: B3: 'visits' is not an indicator id of 2024-008 (指標ID); check the row",
    ]


def test_a_failed_write_says_in_japanese_that_everything_was_put_back(root: Path) -> None:
    back = returned(issue(root), {("指標", "L5"): "12万", ("報告", "G5"): "拡充した。"})
    path = root / "measures" / "2024-008.toml"
    path.write_text(
        path.read_text("utf-8").replace('ministries = ["厚生労働省"]\n', 'ministries = ["厚生労働省"]\nreports = {}\n'), "utf-8"
    )
    before = files(root)
    ja = kpi(root, "import", str(back), lang="ja")
    assert ja.exit_code == 1 and files(root) == before
    line = ja.stderr.strip()
    assert line.startswith("エラー: R7_厚生労働省.xlsx: reports: ")
    assert line.endswith("（このファイルからの書き込みはすべて元に戻しました。直してから取り込み直してください。）")
