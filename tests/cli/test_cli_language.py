"""The command line in the officer's language: every help page, click's own errors, `kpi check`'s summary, and how
the language of a run is chosen (--lang, then KPI_LANG, then LC_ALL, LC_MESSAGES, LANG) in a real `python -m kpi`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.cli.typer_app import command_name

DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

runner = CliRunner()

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Each command's first help line, in Japanese and in English.
FIRST_LINES = {
    "": (
        "孤独・孤立対策重点計画の施策を追跡します: 目標、各年度の実績、達成状況。",
        "Track the measures of 孤独・孤立対策重点計画",
    ),
    "check": ("kpi.toml と施策ファイルをすべて検証し、問題をすべて示します。", "Validate kpi.toml and every measure file"),
    "log": ("指標の1年度分の実績値を記録します。", "Record one year's figure of an indicator."),
    "target": ("目標値・目標年度・基準値を、理由を添えて改定します。", "Revise a target, deadline or baseline, with a reason."),
    "export": ("年度の評価表をファイルに書き出します。", "Write the yearly evaluation table to a file."),
    "db": ("計画を SQLite データベースにまとめます", "Build a SQLite database of the plan, ready for Datasette."),
    "diff": ("計画を2つの git リビジョンで比べ、施策ごとに違いを示します。", "Compare the plan at two git revisions"),
    "narrate": ("施策の年度の報告（取組実績などの記述と予算額）を記録します。", "Record a measure's yearly report"),
    "comment": ("年度の報告に意見を加えるか、意見への対応を記録します。", "Add a comment on a yearly report, or answer one."),
    "new": ("`kpi check` を通る新しい施策ファイルを作ります。", "Create a new measure file that passes `kpi check`."),
    "report": ("年度の全施策の達成状況を表示します。", "Show attainment of every measure for a fiscal year."),
    "show": ("一つの施策の実績値・状況・改定履歴を表示します。", "Show one measure: figures, status, revisions."),
    "missing": ("年度の実績値が未報告の指標と、報告のない施策を一覧にします。", "List indicators with no figure"),
    "lagging": ("遅れている指標を、遅れの大きい順にペースとともに一覧にします。", "List the lagging indicators, worst first"),
    "collect": ("府省庁ごとに照会ブック（.xlsx）を1つずつ作成します。", "Write one 照会 workbook (.xlsx) per ministry"),
    "import": ("返送された照会ブックをセルごとに確認し、施策ファイルに記録します。", "Check returned 照会 workbooks"),
}
# Words left in English on purpose inside Japanese help: git's own terms, glossed in parentheses.
GIT_TERMS = ("merge base", "working tree")


def help_page(command: str, lang: str) -> str:
    result = runner.invoke(app, ["--lang", lang, *([command] if command else []), "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def description(page: str) -> str:
    """The first line of the help text under the usage line."""
    return next(line.strip() for line in page.splitlines()[1:] if line.strip())


def rows(page: str, heading: str) -> list[tuple[str, str]]:
    """The entries of one section (options, arguments, commands): (term, help) with the help's lines joined."""
    lines = page.split(f"\n{heading}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    entries: list[tuple[str, str]] = []
    for line in lines:
        if re.match(r"  \S", line):
            term, _, text = line.strip().partition("  ")
            entries.append((term, text.strip()))
        elif entries:
            term, text = entries[-1]
            entries[-1] = (term, f"{text} {line.strip()}".strip())
    return entries


def english_prose(line: str) -> str | None:
    """Two English words in a row, once options, values, commands, file names and paths are taken out."""
    if line.strip().startswith("例:"):
        return None
    text = line
    for term in GIT_TERMS:
        text = text.replace(term, "")
    text = re.sub(r"`[^`]*`|<[^<>]*>|\[\[[^\]]*\]\]|python -m kpi|kpi [a-z]+", "¦", text)
    text = re.sub(r"(?<!\w)--?[A-Za-z][\w-]*|\S*[./:$]\S*", "¦", text)
    found = re.search(r"\b[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}\b", text)
    return None if found is None else found.group(0)


def test_every_command_has_its_help_lines_here() -> None:
    commands = {command_name(info) for info in app.registered_commands}
    assert commands == set(FIRST_LINES) - {""}


def test_every_command_takes_lang() -> None:
    import typer

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    for name in [*group.list_commands(ctx), None]:  # type: ignore[attr-defined]
        command = group if name is None else group.get_command(ctx, name)  # type: ignore[attr-defined]
        assert any("--lang" in param.opts for param in command.params), name


@pytest.mark.parametrize("command", sorted(FIRST_LINES))
def test_help_in_japanese_has_no_english_prose(command: str) -> None:
    page = help_page(command, "ja")
    assert page.startswith(f"使い方: kpi {command}".rstrip() + " [オプション]")
    assert description(page).startswith(FIRST_LINES[command][0])
    left = {line: prose for line in page.splitlines() if (prose := english_prose(line))}
    assert not left, left
    options = rows(page, "オプション:")
    assert ("--help", "このヘルプを表示して終了します。") in options
    assert all(JAPANESE.search(text) for _term, text in options), options
    if "\n引数:\n" in page:
        assert all(JAPANESE.search(text) for _term, text in rows(page, "引数:"))
    for english in ("Usage", "Options", "Arguments", "default:", "required", "<str>", "<path>", "<int>", "Example"):
        assert english not in page


@pytest.mark.parametrize("command", sorted(FIRST_LINES))
def test_help_in_english(command: str) -> None:
    page = help_page(command, "en")
    assert page.startswith(f"Usage: kpi {command}".rstrip() + " [OPTIONS]")
    assert description(page).startswith(FIRST_LINES[command][1])
    options = rows(page, "Options:")
    assert ("--help", "Show this message and exit.") in options
    for japanese in ("使い方", "オプション", "引数", "既定値", "必須", "例:", "このヘルプ"):
        assert japanese not in page
    if command:
        assert "Example: kpi " in page


def test_help_in_japanese_names_arguments_and_value_types_in_japanese() -> None:
    page = help_page("log", "ja")
    assert page.startswith("使い方: kpi log [オプション] {施策} {[指標] 年度 値}...\n")
    assert "  施策 <文字列>" in page
    assert "[必須]" in page
    assert "  -d, --dir <パス>" in page
    assert help_page("", "ja").startswith("使い方: kpi [オプション] コマンド [引数]...\n")
    assert "[既定値: text]" in help_page("check", "ja")


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_japanese_help_lines_up_and_fits_the_screen() -> None:
    """Japanese takes two columns a character: the help column starts at one column, and no line passes 80."""
    page = help_page("check", "ja")
    section = page.split("\nオプション:\n", 1)[1].splitlines()
    starts = {columns(m.group(1)) for line in section if (m := re.match(r"(  \S.*?  +)\S", line))}
    assert len(starts) == 1, starts
    continued = {columns(m.group(1)) for line in section if (m := re.match(r"( {3,})\S", line))}
    assert continued == starts
    assert max(columns(line) for line in page.splitlines()) <= 80


def test_help_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    result = runner.invoke(app, ["report", "--help"])
    assert description(result.stdout) == FIRST_LINES["report"][0]
    monkeypatch.setenv("KPI_LANG", "en")
    result = runner.invoke(app, ["report", "--help"])
    assert description(result.stdout) == FIRST_LINES["report"][1]


# -- kpi check's summary ---------------------------------------------------------------------------------------------

BROKEN = ("bad-pillar", "not-utf8", "target-wrong-side", "unknown-key", "year-key-era")


def valid_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (DATA / "valid").glob("*.toml")}


@pytest.mark.parametrize(
    ("where", "summary"),
    [
        (["--lang", "ja"], "すべてのファイルに問題はありません。\n"),
        (["--lang", "en"], "All files are valid.\n"),
        (["--lang=ja"], "すべてのファイルに問題はありません。\n"),
    ],
)
def test_check_all_clear(tmp_path: Path, make_plan: MakePlan, where: list[str], summary: str) -> None:
    root = make_plan(tmp_path, valid_files())
    result = runner.invoke(app, ["check", "--year", "2019", "--dir", str(root), *where])
    assert result.exit_code == 0
    assert result.stderr == summary


@pytest.mark.parametrize(("lang", "summary"), [("ja", "エラー 3件、警告 2件\n"), ("en", "3 error(s), 2 warning(s)\n")])
def test_check_counts_errors_and_warnings(tmp_path: Path, make_plan: MakePlan, lang: str, summary: str) -> None:
    files = valid_files()
    files.update({f"{name}.toml": (DATA / "invalid" / f"{name}.toml").read_bytes() for name in BROKEN})
    result = runner.invoke(app, ["--lang", lang, "check", "--dir", str(make_plan(tmp_path, files))])
    assert result.exit_code == 1
    assert result.stderr == summary
    assert len(result.stdout.splitlines()) == 5


def test_diff_takes_lang(tmp_path: Path, plan_repo: Callable[..., Any]) -> None:
    repo = plan_repo(tmp_path / "plan")
    for lang in ("ja", "en"):
        result = runner.invoke(app, ["diff", "main", "--dir", str(repo.root), "--lang", lang])
        assert result.exit_code == 0, result.output


# -- click's errors ---------------------------------------------------------------------------------------------------

USAGE_ERRORS = [
    (
        ["report", "--formt", "x"],
        "Usage: kpi report [OPTIONS]\nTry 'kpi report --help' for help.\n\n"
        "Error: No such option: --formt (Possible options: --format)\n",
        "使い方: kpi report [オプション]\n使い方は 'kpi report --help' で確認できます。\n\n"
        "エラー: --formt というオプションはありません（候補: --format）。\n",
    ),
    (
        ["show"],
        "Usage: kpi show [OPTIONS] {MEASURE}\nTry 'kpi show --help' for help.\n\nError: Missing argument 'MEASURE'.\n",
        "使い方: kpi show [オプション] {施策}\n使い方は 'kpi show --help' で確認できます。\n\n"
        "エラー: 引数 '施策' を指定してください。\n",
    ),
    (
        ["report", "-f", "xml"],
        "Usage: kpi report [OPTIONS]\nTry 'kpi report --help' for help.\n\n"
        "Error: Invalid value for '--format' / '-f': Value error, 'xml' is not one of 'table', 'json', 'csv', 'md'.\n",
        "使い方: kpi report [オプション]\n使い方は 'kpi report --help' で確認できます。\n\n"
        "エラー: '--format' / '-f' の値が正しくありません: 'xml' は指定できません。"
        "'table', 'json', 'csv', 'md' のいずれかを指定してください。\n",
    ),
    (
        ["repot"],
        "Usage: kpi [OPTIONS] COMMAND [ARGS]...\nTry 'kpi --help' for help.\n\n"
        "Error: No such command 'repot'. Did you mean 'report', 'export'?\n",
        "使い方: kpi [オプション] コマンド [引数]...\n使い方は 'kpi --help' で確認できます。\n\n"
        "エラー: 'repot' というコマンドはありません。'report', 'export' のことですか。\n",
    ),
    (
        ["report", "--edition", "two"],
        "Usage: kpi report [OPTIONS]\nTry 'kpi report --help' for help.\n\n"
        "Error: Invalid value for '--edition': Input should be a valid integer, unable to parse string as an integer\n",
        "使い方: kpi report [オプション]\n使い方は 'kpi report --help' で確認できます。\n\n"
        "エラー: '--edition' の値が正しくありません: 整数で指定してください。\n",
    ),
    (
        ["show", "8", "9"],
        "Usage: kpi show [OPTIONS] {MEASURE}\nTry 'kpi show --help' for help.\n\nError: Got unexpected extra argument(s) (9)\n",
        "使い方: kpi show [オプション] {施策}\n使い方は 'kpi show --help' で確認できます。\n\n"
        "エラー: 余分な引数があります（9）。\n",
    ),
    (
        ["report", "--year"],
        "Error: Option '--year' requires an argument.\n",
        "エラー: オプション '--year' には値が必要です。\n",
    ),
]


@pytest.mark.parametrize(("args", "english", "japanese"), USAGE_ERRORS)
def test_usage_errors_in_both_languages(args: list[str], english: str, japanese: str) -> None:
    for lang, expected in (("en", english), ("ja", japanese)):
        result = runner.invoke(app, [*args, "--lang", lang] if args[-1] != "--year" else ["--lang", lang, *args])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == expected


def test_kpi_alone_shows_the_help_in_the_environments_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LANG", "ja")
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert result.stderr.startswith("使い方: kpi [オプション] コマンド [引数]...\n\n  孤独・孤立対策重点計画の施策を追跡します")
    assert "\nコマンド:\n" in result.stderr and "エラー" not in result.stderr
    result = runner.invoke(app, ["--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.endswith("\nError: Missing command.\n")
    result = runner.invoke(app, ["--lang", "ja"])
    assert result.stderr.endswith("\nエラー: コマンドを指定してください。\n")


def test_a_wrong_lang_is_refused_in_the_environments_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LANG", "ja")
    result = runner.invoke(app, ["report", "--lang", "fr"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "エラー: '--lang' の値が正しくありません: 'fr' は指定できません。'ja', 'en' のいずれかを指定してください。\n"
    )


def test_kpi_errors_and_commands_own_refusals_are_translated(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, valid_files())
    result = runner.invoke(app, ["--lang", "ja", "missing", "--dir", str(root), "--year", "2199"])
    assert result.exit_code == 2
    assert "エラー: --year の値が正しくありません: 令和181年度はまだ始まっていません。--year には " in result.stderr
    result = runner.invoke(app, ["comment", "8", "R6", "one", "--response", "x", "--dir", str(root), "--lang", "ja"])
    assert result.exit_code == 2
    assert result.stderr.startswith("エラー: 「one」は意見の番号ではありません。")


def test_kpi_new_asks_in_japanese_and_an_abort_says_so(
    tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kpi.cli.new

    monkeypatch.setattr(kpi.cli.new, "_interactive", lambda: True)
    root = make_plan(tmp_path, valid_files())
    args = ["new", "--dir", str(root), "--title", "新しい施策", "--ministry", "内閣府", "--lang"]
    result = runner.invoke(app, [*args, "ja"], input="百\n")  # the number, in kanji; then the input ends
    assert "エラー: 「百」は整数ではありません。144 のように数字で入力してください。\n" in result.stderr
    assert result.stderr.endswith("中止しました。\n")
    assert result.exit_code == 1
    result = runner.invoke(app, [*args, "en"], input="many\n")
    assert "Error: 'many' is not a whole number; type it in digits, such as 144.\n" in result.stderr
    assert result.stderr.endswith("Aborted!\n")


# -- the language of a run, in a real process ------------------------------------------------------------------------

ALL_CLEAR = {"ja": "すべてのファイルに問題はありません。\n", "en": "All files are valid.\n"}


@pytest.mark.parametrize(
    ("env", "args", "lang"),
    [
        ({}, [], "en"),
        ({"LANG": "ja_JP.UTF-8"}, [], "ja"),
        ({"LANG": "ja_JP.UTF-8"}, ["--lang", "en"], "en"),
        ({"KPI_LANG": "en", "LC_ALL": "ja_JP.UTF-8"}, ["--lang", "ja"], "ja"),
        ({"KPI_LANG": "ja", "LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, ["--lang=en"], "en"),
        ({"KPI_LANG": "ja", "LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, [], "ja"),
        ({"KPI_LANG": "en", "LC_ALL": "ja_JP.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"}, [], "en"),
        ({"LC_ALL": "ja_JP.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, [], "ja"),
        ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"}, [], "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, [], "ja"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, [], "en"),
        ({"LANG": "ja"}, [], "ja"),
    ],
)
def test_the_language_of_a_run(tmp_path: Path, make_plan: MakePlan, env: dict[str, str], args: list[str], lang: str) -> None:
    """--lang (before or after the command) > KPI_LANG > LC_ALL > LC_MESSAGES > LANG > English."""
    root = make_plan(tmp_path / "plan", valid_files())
    keep = {name: os.environ[name] for name in ("PATH", "SYSTEMROOT", "XDG_CACHE_HOME") if name in os.environ}
    base = {**keep, "HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    for before in (True, False):
        command = [*args, "check"] if before else ["check", *args]
        done = subprocess.run(
            [sys.executable, "-m", "kpi", *command, "--year", "2019", "--dir", str(root)],
            env={**base, **env},
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8")
        assert done.stderr.decode("utf-8") == ALL_CLEAR[lang]
    page = subprocess.run(
        [sys.executable, "-m", "kpi", *args, "--help"], env={**base, **env}, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert page.startswith("使い方: " if lang == "ja" else "Usage: ")
