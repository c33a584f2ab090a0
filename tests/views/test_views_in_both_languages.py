"""`kpi report`, `show`, `lagging`, `missing` and `diff` read in the officers' Japanese with --lang ja, and in English
with --lang en: years as 令和6年度 / FY2024, statuses as the plan and MIC write them, headings as (1)②."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path, make_plan: Callable[..., Path]) -> Path:
    return make_plan(tmp_path, plan="languages")


def kpi(*args: str, columns: int = 100) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest


def test_report_in_japanese_and_english(root: Path) -> None:
    ja = kpi("report", "--dir", str(root), "-y", "2024", "--lang", "ja").splitlines()
    assert ja[0] == "テスト計画　令和6年度（2024）の達成状況（2025年版、直線法）"
    assert "    遅れ  実績 120 回（令和6年度）  目標 200 回（令和8年度）  達成率 60.0%" in ja
    assert "    目標達成  実績 102 件（令和6年度）  目標 100 件（令和6年度）  達成率 102.0%" in ja
    assert "    実施済" in ja  # a qualitative figure: never "done"
    assert "指標 4件（施策 4件）: 目標達成 1件、やや遅れ 1件、遅れ 1件、実施済 1件　遅れている指標 2件" in ja
    assert "区分（施策）: ② 目標達成、③ 相当程度進展あり、④ 進展が大きくない" in ja
    assert not any("遅れ計" in line or "FY" in line or "2024年度" in line for line in ja)
    en = kpi("report", "--dir", str(root), "-y", "2024", "--lang", "en").splitlines()
    assert en[0] == "テスト計画 — FY2024 (2025 edition, linear)"
    assert "    far behind  latest 120 回 (FY2024)  target 200 回 (FY2026)  achievement 60.0%" in en
    assert "    done" in en
    assert "4 indicators in 4 measures: achieved 1, behind 1, far behind 1, done 1; lagging 2" in en
    assert "Grade (measure): ② achieved, ③ substantial progress, ④ limited progress" in en


def test_report_table_and_markdown_headings(root: Path) -> None:
    wide = kpi("report", "--dir", str(root), "-y", "2024", "--lang", "ja", columns=130).splitlines()
    assert wide[1].split() == ["No.", "施策", "指標", "基準値", "目標値", "実績値", "達成率", "進捗率", "状況", "区分"]
    assert wide[2].split() == ["（年度）", "（年度）"]  # 目標値（年度）, wrapped under its word
    md = kpi("report", "--dir", str(root), "-y", "2024", "-f", "md", "--lang", "ja").splitlines()
    assert md[0] == "# テスト計画　令和6年度（2024）の達成状況（2025年版、直線法）"
    assert md[2] == "| No. | 施策 | 府省庁 | 指標 | 基準値 | 目標値（年度） | 実績値（年度） | 達成率 | 進捗率 | 状況 | 区分 |"
    assert (
        "| 008 | 支援情報検索サイトの運用 | 厚生労働省 | アクセス数 | 100（令和4年度） | 200（令和8年度） "
        "| 120 回（令和6年度） | 60.0% | 20.0% | 遅れ（要因分析が必要） | ④ |"
    ) in md
    md_en = kpi("report", "--dir", str(root), "-y", "2024", "-f", "md", "--lang", "en").splitlines()
    assert md_en[0] == "# テスト計画 — FY2024 (2025 edition, linear)"
    assert "| 020 | 全国調査の実施 | 内閣府 | 全国調査の実施・公表 |  |  |  |  |  | done |  |" in md_en


def test_show_8_in_japanese_and_english(root: Path) -> None:
    ja = kpi("show", "8", "--dir", str(root), "-y", "2024", "--lang", "ja")
    assert ja.splitlines() == [
        "2024-008  支援情報検索サイトの運用",
        "  府省庁: 厚生労働省",
        "  掲載: 2024年版 No. 008（(1)②）、2025年版 No. 008（(1)②、再掲 (3)①）",
        "  区分（令和6年度）: 進展が大きくない",
        "",
        "  [access] アクセス数",
        "    種類: 水準、改善の方向: 上向き、単位: 回",
        "    基準値: 100（令和4年度）",
        "    目標値: 200（令和8年度）",
        "    令和5年度: 110 回",
        "    令和6年度: 120 回  — 出典: 厚労省調べ",
        "    推移: ▁█（2023～2024）",
        "    → 遅れ、達成率 60.0%、進捗率 20.0%、期待進捗 50.0%",
        "      進捗ペース 0.40（進捗率÷期待進捗）、要因分析が必要",
    ]
    en = kpi("show", "8", "--dir", str(root), "-y", "2024", "--lang", "en")
    assert en.splitlines() == [
        "2024-008  支援情報検索サイトの運用",
        "  Ministries: 厚生労働省",
        "  Editions: 2024: No. 008 (1)②; 2025: No. 008 (1)②, also (3)①",
        "  Grade for FY2024: limited progress",
        "",
        "  [access] アクセス数",
        "    Kind: level; Direction: up; Unit: 回",
        "    Baseline: 100 (FY2022)",
        "    Target: 200 (FY2026)",
        "    FY2023: 110 回",
        "    FY2024: 120 回  — source: 厚労省調べ",
        "    trend: ▁█  (2023–2024)",
        "    → far behind; Achievement 60.0%; Progress 20.0%; Expected 50.0%",
        "      pace 0.40 (progress ÷ expected); Explanation needed",
    ]


def test_show_prints_qualitative_figures_and_the_incomplete_grade_in_words(root: Path) -> None:
    ja = kpi("show", "20", "--dir", str(root), "-y", "2024", "--lang", "ja").splitlines()
    assert "    令和6年度: 実施済" in ja and "    → 実施済" in ja and "  区分（令和6年度）: 定性" in ja
    assert not any("done" in line for line in ja)
    en = kpi("show", "20", "--dir", str(root), "-y", "2024", "--lang", "en").splitlines()
    assert "    FY2024: done" in en and "  Grade for FY2024: qualitative" in en


def test_lagging_in_japanese_and_english(root: Path) -> None:
    ja = kpi("lagging", "--dir", str(root), "-y", "2024", "--lang", "ja").splitlines()
    assert ja[0] == "遅れている指標　令和6年度"
    assert "    遅れ  実績 120 回（令和6年度）  目標 200 回（令和8年度）  進捗率 20.0%  期待進捗 50.0%" in ja
    assert "    進捗ペース 0.40（進捗率÷期待進捗）" in ja  # never a bare ペース 0.40
    assert ja[-1] == "遅れている指標 2件"
    wide = kpi("lagging", "--dir", str(root), "-y", "2024", "--lang", "ja", columns=130).splitlines()
    assert wide[1].split()[-3:] == ["進捗率", "期待進捗", "進捗ペース"]
    assert "進捗ペース = 進捗率 ÷ 期待進捗" in wide  # the table's pace column says what it is
    assert "Pace = progress ÷ expected" in kpi("lagging", "--dir", str(root), "-y", "2024", "--lang", "en", columns=130)
    en = kpi("lagging", "--dir", str(root), "-y", "2024", "--lang", "en").splitlines()
    assert en[0] == "Lagging indicators  FY2024"
    assert "    behind  latest 200 か所 (FY2023)  target 500 か所 (FY2027)  progress 25.0%  expected 33.3%" in en
    assert "    pace 0.75 (progress ÷ expected)" in en
    assert en[-1] == "2 lagging indicators"


def test_missing_in_japanese_and_english(root: Path) -> None:
    ja = kpi("missing", "--dir", str(root), "-y", "2024", "--lang", "ja").splitlines()
    assert ja[:3] == [
        "厚生労働省  未報告 1指標（2指標中）",
        "  030 居場所づくり — [places] 居場所の数（直近の実績: 令和5年度）",
        "令和6年度の実績が未報告の指標: 1指標（報告対象 4指標中）",
    ]
    en = kpi("missing", "--dir", str(root), "-y", "2024", "--lang", "en").splitlines()
    assert en[:3] == [
        "厚生労働省  1 of 2 indicators",
        "  030 居場所づくり — [places] 居場所の数 (last FY2023)",
        "Indicators with no figure for FY2024: 1 of 4",
    ]


@pytest.fixture
def changed(tmp_path: Path, plan_repo: Callable[..., PlanRepo], revision: Callable[..., str]) -> PlanRepo:
    """The git fixture plan after a lowered target (explained), a later deadline (not), figures and a new heading."""
    repo = plan_repo(tmp_path / "plan")
    repo.git("tag", "v1")
    repo.edit("2024-001", "target = 200", "target = 180")
    repo.path("2024-001").write_text(repo.path("2024-001").read_text("utf-8") + revision("target", "200", "180"), "utf-8")
    repo.edit("2024-002", "deadline = 2026", "deadline = 2027")
    repo.edit("2024-002", "2024 = 16", "2024 = 16\n2025 = 14")
    done = '2024 = { status = "done", note = "公表済" }'
    repo.edit("2024-003", done, '2023 = { status = "in_progress" }\n' + done)
    repo.edit("2024-003", 'pillar = "2-1"', 'pillar = "2-2"')
    return repo


def test_diff_text_in_japanese_and_english(changed: PlanRepo) -> None:
    args = ["diff", "v1", "--dir", str(changed.root), "--year", "2024"]
    ja = kpi("--lang", "ja", *args).splitlines()
    assert ja[0].endswith(" → 作業中のファイル、令和6年度の達成状況で比較")
    assert ja[1] == (
        "実績の追加 2件、目標の引下げ 2件、revisions の記録がない目標の変更 1件、その他の変更 1件、状況の変化 1件、"
        "遅れを脱した施策 1件"
    )
    assert "    target: 200 → 180（目標の引下げ）、理由: 2025年改定で見直し" in ja
    assert "    deadline: 令和8年度 → 令和9年度（目標の引下げ）、revisions の記録なし" in ja
    assert "    令和7年度: 14 %（追加）" in ja and "    状況: やや遅れ → 順調" in ja
    assert "    令和5年度: 実施中（追加）" in ja
    assert (
        "  editions: 2024年版 No. 003（(2)①）、2025年版 No. 003（(2)①） → 2024年版 No. 003（(2)②）、2025年版 No. 003（(2)①）"
        in ja
    )
    en = kpi("--lang", "en", *args).splitlines()
    assert en[0].endswith(" → working tree, judged for FY2024")
    assert en[1].startswith("2 figures added, 2 targets lowered, 1 target change without a revisions entry")
    assert "    deadline: FY2026 → FY2027 (lowers ambition); NO revisions entry" in en
    assert "    FY2023: in progress (new)" in en and "    status: behind → on track" in en
    assert "  editions: 2024: No. 003 (2)①; 2025: No. 003 (2)① → 2024: No. 003 (2)②; 2025: No. 003 (2)①" in en


def test_diff_pull_request_comment_in_japanese_and_english(changed: PlanRepo) -> None:
    args = ["diff", "v1", "--dir", str(changed.root), "--year", "2024", "--format", "md"]
    ja = kpi("--lang", "ja", *args).splitlines()
    assert ja[0] == "## kpi diff"
    assert ja[4].endswith(" → `作業中のファイル`、状況は令和6年度で判定しています。")
    assert ja[6] == (
        "> **警告:** 目標の変更 1件に対応する revisions の記録がありません。"
        "それぞれに記録（field、old、new、reason）を加えるまで `kpi check --against` は失敗します。"
    )
    assert "### No. 2 2024-002 孤立している人の割合の減少 \\[変更\\]" in ja
    assert "  - deadline: 令和8年度 → 令和9年度（**目標の引下げ**）、**revisions の記録なし**" in ja
    en = kpi("--lang", "en", *args).splitlines()
    assert en[6].startswith("> **Warning:** 1 target change(s) have no matching revisions entry;")
    assert "### No. 2 2024-002 孤立している人の割合の減少 \\[changed\\]" in en
    assert "  - deadline: FY2026 → FY2027 (**lowers ambition**); **no revisions entry**" in en


def test_diff_refusals_speak_the_officers_language(changed: PlanRepo) -> None:
    result = runner.invoke(app, ["--lang", "ja", "diff", "nope", "--dir", str(changed.root)])
    assert result.exit_code == 1
    assert (
        "「nope」は" in result.output
        and "コミットではありません。ブランチ名、タグ、コミットIDを指定してください" in result.output
    )
    result = runner.invoke(app, ["--lang", "en", "diff", "nope", "--dir", str(changed.root)])
    assert "'nope' is not a commit in " in result.output


def test_diff_names_the_merge_base_in_the_officers_language(changed: PlanRepo) -> None:
    ja = kpi("--lang", "ja", "diff", "--dir", str(changed.root), "--year", "2024").splitlines()
    assert ja[0].startswith("main との分岐点 (") and ja[0].endswith(") → 作業中のファイル、令和6年度の達成状況で比較")
    en = kpi("--lang", "en", "diff", "--dir", str(changed.root), "--year", "2024").splitlines()
    assert en[0].startswith("merge base with main (") and en[0].endswith(") → working tree, judged for FY2024")
