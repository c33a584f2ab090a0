"""Issue 15's acceptance, run as an officer runs kpi: real processes under a Japanese locale, then with --lang en.

Under ``LANG=ja_JP.UTF-8`` and no option, a validation error, a ``kpi log`` refusal, ``kpi check``'s all-clear,
every command's ``--help``, ``kpi show``, the report's heading, the export's cover and the Datasette metadata read
as Japanese; the same runs with ``--lang en`` read as English. "Reads as Japanese" is checked two ways: the exact
words officers use are there, and no run of English words is left outside names, paths, options and code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KANA = re.compile(r"[\u3040-\u30ff]")
JAPANESE_SENTENCE = re.compile(r"(です|ます|ください|ません|しました|されています)")
# What may stay ASCII inside Japanese: options, paths, file names, ids, commands and TOML snippets.
CODE = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'|\S*[/\\.=_:@<>{}\[\]-]\S*|\bkpi(?: [a-z]+)?\b")
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}(?:,? [A-Za-z]{3,})+\b")  # words of prose: one space apart
# Proper nouns and format names a Japanese text writes in ASCII.
NAMES = {"Datasette", "SQLite", "Excel", "TOML", "CSV", "JSON", "HTML", "PDF", "UTF", "BOM", "Shift", "JIS"}
GIT_TERMS = {"merge base", "working tree"}  # git's own words, as Japanese git documentation keeps them


def english_left(text: str) -> list[str]:
    """Runs of two or more English words in ``text`` that are not code, names or paths."""
    cleaned = CODE.sub(" ", text)
    runs = ENGLISH_RUN.findall(cleaned)
    return [run for run in runs if not set(re.split(r"[ ,]+", run)) <= NAMES and run not in GIT_TERMS]


def reads_as_japanese(text: str) -> None:
    assert KANA.search(text), text
    assert not english_left(text), (english_left(text), text)


def reads_as_english(text: str) -> None:
    """No Japanese sentence of kpi's own (the plan's titles and Japanese terms glossed in brackets may stay)."""
    assert not JAPANESE_SENTENCE.search(text), text


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the shipped plan (kpi.toml and every measure)."""
    root = tmp_path / "plan"
    root.mkdir()
    shutil.copy(REPO / "kpi.toml", root / "kpi.toml")
    shutil.copytree(REPO / "measures", root / "measures")
    return root


def kpi(root: Path, *args: str, english: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m kpi ARGS`` in ``root`` as an officer's Japanese Windows or Linux desktop would run it."""
    env = {k: v for k, v in os.environ.items() if k not in {"KPI_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}}
    env.update(LANG="ja_JP.UTF-8", PYTHONIOENCODING="utf-8", COLUMNS="160")
    command = [sys.executable, "-m", "kpi", *args, *(["--lang", "en"] if english else [])]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, encoding="utf-8", check=False)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_a_validation_error(plan: Path, english: bool) -> None:
    path = plan / "measures" / "2024-008.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("target = 130000\n", 'target = "130,000回"\n'), encoding="utf-8")
    done = kpi(plan, "check", english=english)
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if x.startswith("measures/2024-008.toml:"))
    assert line.startswith("measures/2024-008.toml:36: indicators[1].target: ")
    message = line.split("indicators[1].target: ", 1)[1]
    if english:
        assert "expected a number" in message
        reads_as_english(message.replace("130,000回", ""))
    else:
        assert "target = 130000" in message
        reads_as_japanese(message)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_a_kpi_log_refusal(plan: Path, english: bool) -> None:
    assert kpi(plan, "log", "8", "search-site-access", "R6", "120,000").returncode == 0
    done = kpi(plan, "log", "8", "search-site-access", "R6", "125,000", english=english)
    assert done.returncode == 1
    assert "--force" in done.stderr
    if english:
        assert done.stderr.startswith("Error: ")
        assert "already recorded as 120,000" in done.stderr
        reads_as_english(done.stderr)
    else:
        assert done.stderr.startswith("エラー: ")
        assert "すでに「120,000" in done.stderr
        reads_as_japanese(done.stderr)
    # Nothing was written by the refusal.
    assert "2024 = 120000" in (plan / "measures" / "2024-008.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_check_all_clear(plan: Path, english: bool) -> None:
    for path in (plan / "measures").glob("*.toml"):
        if path.name != "2024-001.toml":
            path.unlink()
    done = kpi(plan, "check", english=english)
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert said.strip() == ("All files are valid." if english else "すべてのファイルに問題はありません。")


COMMANDS = [
    "check",
    "collect",
    "import",
    "log",
    "target",
    "export",
    "db",
    "diff",
    "narrate",
    "comment",
    "new",
    "report",
    "show",
    "missing",
    "lagging",
]


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_every_help_page(plan: Path, english: bool) -> None:
    for command in ["", *COMMANDS]:
        done = kpi(plan, *([command] if command else []), "--help", english=english)
        assert done.returncode == 0, (command, done.stderr)
        # The example lines hold commands and officers' own words (速報値, 照会 …): what is checked is the prose.
        prose = "\n".join(x for x in done.stdout.splitlines() if not re.match(r"\s*(例|Example):", x))
        if english:
            assert prose.startswith("Usage: "), command
            reads_as_english(prose)
        else:
            assert prose.startswith("使い方: "), command
            reads_as_japanese(prose)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_show_and_the_report_heading(plan: Path, english: bool) -> None:
    show = kpi(plan, "show", "8", english=english)
    assert show.returncode == 0, show.stderr
    report = kpi(plan, "report", "--year", "R6", english=english)
    assert report.returncode == 0, report.stderr
    heading = report.stdout.splitlines()[0]
    # Take out the plan's own words (titles, names, ministries): what is left is kpi's.
    names = re.compile(r"[^\x00-\x7f（）「」、・：\s]*[\u3040-\u30ff\u4e00-\u9fff][^\s（）、]*")
    labels = "\n".join(x for x in show.stdout.splitlines() if not x.startswith("2024-008"))
    if english:
        assert "FY2024" in heading
        assert "Target: 130,000 (FY2026)" in show.stdout
        reads_as_english(names.sub("", labels))
    else:
        assert "令和6年度" in heading
        assert "目標値: 130,000（令和8年度）" in show.stdout
        reads_as_japanese(labels)
        reads_as_japanese(heading)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_the_export_cover(plan: Path, english: bool) -> None:
    from openpyxl import load_workbook

    done = kpi(plan, "export", "--year", "R6", "--output", "review.xlsx", english=english)
    assert done.returncode == 0, done.stderr
    book = load_workbook(plan / "review.xlsx", read_only=True)
    first = book.worksheets[0]
    # The cover: the title and the provenance line above the table (the rows below are the plan's own words).
    cells = [str(c) for row in first.iter_rows(max_row=2, values_only=True) for c in row if isinstance(c, str)]
    text = "\n".join(cells).replace("孤独・孤立対策重点計画", "")
    if english:
        assert "FY2024" in text
        reads_as_english(text)
    else:
        assert "令和6年度" in text
        reads_as_japanese(text)
    said = done.stderr.strip().splitlines()[-1]
    assert said.startswith("review.xlsx を書き出しました" if not english else "Wrote review.xlsx")


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_the_datasette_metadata(plan: Path, english: bool) -> None:
    done = kpi(plan, "db", "kpi.db", english=english)
    assert done.returncode == 0, done.stderr
    metadata = json.loads((plan / "kpi.metadata.json").read_text(encoding="utf-8"))
    table = metadata["databases"]["kpi"]["tables"]["indicators"]
    words = [metadata["title"], metadata.get("description", ""), table["description"], *table["columns"].values()]
    if english:
        for text in words:
            reads_as_english(text.replace("孤独・孤立対策重点計画", ""))  # the plan's own name, from kpi.toml
        assert re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", table["description"]), table["description"]
    else:
        for text in words:
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), text
            assert not english_left(text), text
