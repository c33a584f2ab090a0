"""What `kpi log`, `kpi target`, `kpi new`, `kpi narrate` and `kpi comment` print, in Japanese and in English.

Each test runs the real command (typer's CliRunner) with ``--lang ja`` and ``--lang en`` and pins the lines an
officer reads: refusals, warnings, the "recorded" lines with the new assessment, `kpi new`'s questions. Statuses of
qualitative indicators read 実施済 / 実施中 / 未着手 (done / in progress / not started); years read 令和6年度 / FY2024,
and 2024年 / CY2024 for an indicator counted in calendar years.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kpi.cli.new
from kpi.cli import app
from kpi.fiscal import year_text
from kpi.i18n import Lang
from kpi.judge.report import evaluation_year

runner = CliRunner()
MakePlan = Callable[..., Path]
FILE = "measures/2024-008.toml"


@pytest.fixture
def root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="edit-messages")


def run(root: Path, lang: str, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--dir", str(root), "--lang", lang], input=input)


def measure_bytes(root: Path) -> bytes:
    return (root / FILE).read_bytes()


# -- kpi log ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "ja",
            f"エラー: {FILE}:21: indicators[0].actuals.2024: すでに「120,000 回」と記録されています。"
            "「125,000 回」に置き換えるには --force を付けてください。",
        ),
        (
            "en",
            f"Error: {FILE}:21: indicators[0].actuals.2024: already recorded as 120,000 回; "
            "pass --force to replace it with 125,000 回",
        ),
    ],
)
def test_log_refuses_to_overwrite_without_force(root: Path, lang: str, message: str) -> None:
    before = measure_bytes(root)
    result = run(root, lang, "log", "8", "access", "R6", "125,000")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert measure_bytes(root) == before


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "ja",
            f"エラー: {FILE}:21: indicators[0].actuals.2024: 「12万人」は数値ではありません。"
            "120000、12万、1万2000 のように数字で書いてください。",
        ),
        (
            "en",
            f"Error: {FILE}:21: indicators[0].actuals.2024: '12万人' is not a number; write digits like 120000, 12万 or 1万2000",
        ),
    ],
)
def test_log_names_a_bad_value_in_the_officers_language(root: Path, lang: str, message: str) -> None:
    result = run(root, lang, "log", "8", "access", "2024", "12万人", "--force")  # 人 is not the unit (回)
    assert (result.exit_code, result.stderr) == (1, message + "\n")


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("ja", [f"記録しました: 2024-008 survey 令和6年度 = 実施済（{FILE}）", "  令和6年度 状況: 実施済"]),
        ("en", [f"Logged: 2024-008 survey FY2024 = done  ({FILE})", "  FY2024 Status: done"]),
    ],
)
def test_log_a_qualitative_status(root: Path, lang: str, lines: list[str]) -> None:
    answer = "実施済" if lang == "ja" else "done"
    result = run(root, lang, "log", "8", "survey", "R6", answer)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == lines
    assert tomllib.loads(measure_bytes(root).decode())["indicators"][1]["actuals"]["2024"] == {"status": "done"}


@pytest.mark.parametrize(
    ("lang", "refusal", "replaced"),
    [
        (
            "ja",
            f"エラー: {FILE}:29: indicators[1].actuals.2023: すでに「実施中」と記録されています。"
            "「未着手」に置き換えるには --force を付けてください。",
            [f"更新しました: 2024-008 survey 令和5年度: 実施中 → 未着手（{FILE}）", "  令和5年度 状況: 未着手"],
        ),
        (
            "en",
            f"Error: {FILE}:29: indicators[1].actuals.2023: already recorded as in progress; "
            "pass --force to replace it with not started",
            [f"Replaced: 2024-008 survey FY2023: in progress → not started  ({FILE})", "  FY2023 Status: not started"],
        ),
    ],
)
def test_statuses_read_as_words_in_refusals_and_replacements(root: Path, lang: str, refusal: str, replaced: list[str]) -> None:
    result = run(root, lang, "log", "8", "survey", "2023", "not_started")
    assert (result.exit_code, result.stderr) == (1, refusal + "\n")
    result = run(root, lang, "log", "8", "survey", "2023", "未着手", "--force")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == replaced


@pytest.mark.parametrize(
    ("lang", "lines", "future"),
    [
        (
            "ja",
            [f"記録しました: 2024-008 visitors 2024年 = 3,000 人（{FILE}）", "  2024年 状況: "],
            f"エラー: {FILE}:43: indicators[2].actuals.2199: 2199年はまだ始まっていません。",
        ),
        (
            "en",
            [f"Logged: 2024-008 visitors CY2024 = 3,000 人  ({FILE})", "  CY2024 Status: "],
            f"Error: {FILE}:43: indicators[2].actuals.2199: CY2199 has not begun yet; ",
        ),
    ],
)
def test_calendar_years_read_as_calendar_years(root: Path, lang: str, lines: list[str], future: str) -> None:
    result = run(root, lang, "log", "8", "visitors", "2024", "3000")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == lines[0] and out[1].startswith(lines[1])
    result = run(root, lang, "log", "8", "visitors", "2199", "3000")
    assert result.exit_code == 1 and result.stderr.startswith(future)


@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        (
            "ja",
            "警告: 「0.5」は小数の割合のようですが、単位は%です。50%のつもりなら、--force を付けて 50 と記録し直してください。",
        ),
        ("en", "warning: '0.5' looks like a fraction, but the unit is %; if you meant 50 %, log 50 again with --force"),
    ],
)
def test_a_likely_slip_is_recorded_with_a_warning(
    tmp_path: Path, make_plan: MakePlan, fixture_plan: Callable[[str], Any], lang: str, warning: str
) -> None:
    share = fixture_plan("edit-messages").measures["2024-008"]
    share = share.replace('unit = "回"', 'unit = "%"').replace("target = 130000", "target = 60").replace("98000", "40")
    root = make_plan(tmp_path, {"2024-008.toml": share.replace("2024 = 120000", "2023 = 45")}, plan="edit-messages")
    result = run(root, lang, "log", "8", "access", "2024", "0.5")
    assert result.exit_code == 0, result.output
    assert result.stderr == warning + "\n"


# -- kpi target ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "lines", "reason"),
    [
        (
            "ja",
            [
                f"目標を変更しました: 2024-008 access（{FILE}）",
                "  目標値: 130,000 → 140,000",
                "  目標年度: 令和8年度 → 令和9年度",
                "  中間目標: なし → 令和7年度: 125,000",
            ],
            "  理由: 2025年改定（{d.year}年{d.month}月{d.day}日）",
        ),
        (
            "en",
            [
                f"Revised: 2024-008 access  ({FILE})",
                "  target: 130,000 → 140,000",
                "  deadline: FY2026 → FY2027",
                "  milestones: none → [FY2025: 125,000]",
            ],
            "  reason: 2025年改定 ({d})",
        ),
    ],
)
def test_target_says_what_changed(root: Path, lang: str, lines: list[str], reason: str) -> None:
    options = ["--target", "140,000", "--deadline", "R9", "--milestone", "R7=125000", "--reason", "2025年改定"]
    result = run(root, lang, "target", "8", "access", *options)
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    day = tomllib.loads(measure_bytes(root).decode())["indicators"][0]["revisions"][0]["date"]
    assert out[:5] == [*lines, reason.format(d=day)]
    year = year_text(evaluation_year(None), calendar=False, lang=Lang(lang))
    assert out[5].startswith(f"  {year} {'状況' if lang == 'ja' else 'Status'}: ")
    again = run(root, lang, "target", "8", "access", *options)
    nothing = "変更はありません（ファイルは変更していません）" if lang == "ja" else "Nothing to change (file unchanged)"
    assert again.stdout.splitlines()[0] == f"{nothing}: 2024-008 access"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "ja",
            "エラー: --reason が必要です。目標を変更する理由を書いてください（[[indicators.revisions]] に残ります）。"
            "何も変更していません。",
        ),
        (
            "en",
            "Error: --reason is required: say why the target changes (it is kept in [[indicators.revisions]]); "
            "nothing was changed",
        ),
    ],
)
def test_target_without_a_reason_is_refused(root: Path, lang: str, message: str) -> None:
    result = run(root, lang, "target", "8", "access", "--target", "140000")
    assert (result.exit_code, result.stderr) == (1, message + "\n")


# -- kpi new ---------------------------------------------------------------------------------------------------------

ANSWERS = [
    "見守り活動の推進",  # title
    "厚労省",  # not a ministry of the plan: asked again
    "厚生労働省、内閣府",
    "",  # number: the next free one (9)
    "(3)①",  # not a heading of the plan: asked again
    "(2)①",
    "",  # id: 2025-009
    "visits",
    "訪問件数",
    "levle",  # a typo: asked again
    "累計",  # the officers' word for cumulative
    "件",
    "上向き",  # the officers' word for up
    "500",
    "R8",
    "2024",
]
QUESTIONS = {
    "ja": [
        "施策名: 見守り活動の推進",
        "担当府省庁（主担当を先頭に、「、」で区切って。次の中から: 内閣府、厚生労働省）: 厚労省",
        "担当府省庁（主担当を先頭に、「、」で区切って。次の中から: 内閣府、厚生労働省）: 厚生労働省、内閣府",
        "施策番号（2025年版の No.） [9]: ",
        "柱（見出し。(1)② または 1-2 の形で）: (3)①",
        "柱（見出し。(1)② または 1-2 の形で）: (2)①",
        "施策ID [2025-009]: ",
        "指標ID（英小文字・数字・-）: visits",
        "指標名: 訪問件数",
        "指標の種類（水準・毎年度・累計・増減・定性 と書いても構いません） "
        "(level / every_year / cumulative / trend / qualitative): levle",
        "指標の種類（水準・毎年度・累計・増減・定性 と書いても構いません） "
        "(level / every_year / cumulative / trend / qualitative): 累計",
        "単位（なければ空欄のまま）: 件",
        "改善の方向（上向き・下向き と書いても構いません） (up / down): 上向き",
        "目標値: 500",
        "目標年度（2026、R8 などの年度）: R8",
        "累計を数え始める年度（2026、R8 などの年度）: 2024",
        "作成しました: measures/2025-009.toml（2025-009）",
        "  次に: kpi check で確かめてから、kpi log 2025-009 visits <年度> <値> で実績を記録してください",
    ],
    "en": [
        "Title (施策名): 見守り活動の推進",
        "Ministries, lead first (府省庁; comma-separated, from: 内閣府, 厚生労働省): 厚労省",
        "Ministries, lead first (府省庁; comma-separated, from: 内閣府, 厚生労働省): 厚生労働省、内閣府",
        "Number in the 2025 edition [9]: ",
        "Heading, (1)② as 1-2 (柱): (3)①",
        "Heading, (1)② as 1-2 (柱): (2)①",
        "Measure id [2025-009]: ",
        "Indicator id (a-z, 0-9, -): visits",
        "Indicator name (指標名): 訪問件数",
        "Kind (level / every_year / cumulative / trend / qualitative): levle",
        "Kind (level / every_year / cumulative / trend / qualitative): 累計",
        "Unit (単位; empty for none): 件",
        "Direction (which way is better) (up / down): 上向き",
        "Target value: 500",
        "Deadline (a year: 2026, R8 …): R8",
        "First year that counts (a year: 2026, R8 …): 2024",
        "Created: measures/2025-009.toml  (2025-009)",
        "  next: kpi check; kpi log 2025-009 visits <year> <value>",
    ],
}
ASKED_AGAIN = {
    "ja": [
        "この計画の府省庁ではありません: 厚労省",
        "2025年版には見出し (3)① がありません。次のいずれかにしてください: (1)、(1)②、(2)、(2)①",
        "次のいずれかを選んでください: level、every_year、cumulative、trend、qualitative",
    ],
    "en": [
        "Not a ministry of this plan: 厚労省",
        "The 2025 edition has no heading 3-1; use one of: 1, 1-2, 2, 2-1",
        "Choose one of: level, every_year, cumulative, trend, qualitative",
    ],
}

# The new file's second comment line says how to record figures, in the language of the run.
FILE_COMMENT = {
    "ja": "# `kpi log 2025-009 visits <年度> <値>` で記録します。書式: docs/measure-file.md",
    "en": "# `kpi log 2025-009 visits <year> <value>`; format: docs/measure-file.md.",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_asks_its_questions(root: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi.cli.new, "_interactive", lambda: True)
    result = run(root, lang, "new", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == QUESTIONS[lang]
    assert result.stderr.splitlines() == ASKED_AGAIN[lang]
    text = (root / "measures" / "2025-009.toml").read_text("utf-8")
    assert text.splitlines()[1] == FILE_COMMENT[lang]
    written = tomllib.loads(text)
    indicator = written["indicators"][0]
    assert (written["editions"]["2025"]["pillar"], indicator["kind"], indicator["direction"]) == ("2-1", "cumulative", "up")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "ja",
            "エラー: --ministry が必要です（kpi new が質問するのは端末で実行したときだけです）。"
            "--ministry 値 の形で指定してください。",
        ),
        ("en", "Error: --ministry is required (kpi new asks only in a terminal); pass --ministry VALUE"),
    ],
)
def test_new_without_a_terminal_names_the_missing_option(root: Path, lang: str, message: str) -> None:
    result = run(root, lang, "new", "--title", "x")
    assert (result.exit_code, result.stderr) == (1, message + "\n")


# -- kpi narrate, kpi comment ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "recorded", "again", "not_begun"),
    [
        (
            "ja",
            [
                f"記録しました: 2024-008 令和6年度の実施状況（{FILE}）",
                "  取組実績: 「サイトを改修した」",
                "  予算額（百万円）: 130.5",
            ],
            "記録済みです（ファイルは変更していません）: 2024-008 令和6年度の実施状況",
            "エラー: 令和81年度はまだ始まっていません。",
        ),
        (
            "en",
            [
                f"Recorded: 2024-008 FY2024 report  ({FILE})",
                "  What was done: 「サイトを改修した」",
                "  Budget (JPY million): 130.5",
            ],
            "Already recorded (file unchanged): 2024-008 FY2024 report",
            "Error: FY2099 has not begun yet; ",
        ),
    ],
)
def test_narrate_says_what_it_recorded(root: Path, lang: str, recorded: list[str], again: str, not_begun: str) -> None:
    options = ["--done", "サイトを改修した", "--budget", "130.5"]
    result = run(root, lang, "narrate", "8", "R6", *options)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == recorded
    assert run(root, lang, "narrate", "8", "R6", *options).stdout == again + "\n"
    result = run(root, lang, "narrate", "8", "2099", *options)
    assert result.exit_code == 1 and result.stderr.startswith(not_begun)


@pytest.mark.parametrize(
    ("lang", "added", "answered", "missing"),
    [
        (
            "ja",
            [f"意見を追加しました: 2024-008 令和6年度 意見1（有識者会議）（{FILE}）", "  「周知を強化されたい」"],
            [f"対応を記録しました: 2024-008 令和6年度 意見1（有識者会議）（{FILE}）", "  対応: 「SNS広告を開始する」"],
            "令和6年度の意見2はありません。この年度の意見は意見1だけです（`kpi show` で確かめられます）。",
        ),
        (
            "en",
            [f"Comment added: 2024-008 FY2024 #1 (有識者会議)  ({FILE})", "  「周知を強化されたい」"],
            [f"Response recorded: 2024-008 FY2024 #1 (有識者会議)  ({FILE})", "  Response: 「SNS広告を開始する」"],
            "there is no comment 2 for FY2024; the report has comment 1 only (see `kpi show`)",
        ),
    ],
)
def test_comment_says_what_it_recorded(root: Path, lang: str, added: list[str], answered: list[str], missing: str) -> None:
    result = run(root, lang, "comment", "8", "R6", "--from", "有識者会議", "周知を強化されたい")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == added
    result = run(root, lang, "comment", "8", "R6", "1", "--response", "SNS広告を開始する")
    assert result.stdout.splitlines() == answered
    result = run(root, lang, "comment", "8", "R6", "2", "--response", "x")
    assert result.exit_code == 1 and result.stderr.endswith(missing + "\n")


@pytest.mark.parametrize(
    ("lang", "first_line", "refusal"),
    [
        (
            "ja",
            "# それぞれの文章を === の行の下に書いてください。# で始まる行は除かれます。保存して閉じると記録します。",
            "エラー: 編集した文章に「=== next: …」の行がありません。=== の行は元のまま残してください（何も記録していません）。",
        ),
        (
            "en",
            "# Write each text below its === line; lines starting with # are dropped. Save and close to record.",
            "Error: the edited text has no '=== next: …' line; keep the === lines as they were (nothing was recorded)",
        ),
    ],
)
def test_narrate_edit_form_speaks_the_officers_language(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, first_line: str, refusal: str
) -> None:
    # The editor keeps the form's first line where the test can read it, and drops the "=== next" marker.
    seen = tmp_path / "seen.txt"
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        f"open({str(seen)!r}, 'w', encoding='utf-8').write(text.splitlines()[0])\n"
        "open(path, 'w', encoding='utf-8').write(text.split('=== next')[0] + '周知した')\n",
        "utf-8",
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    monkeypatch.delenv("VISUAL", raising=False)
    before = measure_bytes(root)
    result = run(root, lang, "narrate", "8", "R6", "--edit")
    assert seen.read_text("utf-8") == first_line
    assert (result.exit_code, result.stderr) == (1, refusal + "\n")
    assert measure_bytes(root) == before
