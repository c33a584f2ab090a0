"""`kpi report`, `lagging` and `missing` in a terminal of 80, 100 and 160 columns (kpi.views.screen, plaintable).

The shipped plan is rendered through the real command with COLUMNS set, as a terminal of that width would:
no line wider than the terminal, no line starting with 、。）」, no number, year or figure cut across two lines,
and a compact layout below 120 columns that stays short.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.views.plaintable import NO_START, width, wrap

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

YEARS = re.compile(r"(令和(?:\d+|元)年度|\d{4}年度?|FY\d{4}|CY\d{4})")


def _render(args: list[str], columns: int, lang: str = "ja") -> list[str]:
    result = runner.invoke(app, [*args, "--dir", str(ROOT), "--lang", lang], env={"COLUMNS": str(columns), "NO_COLOR": ""})
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes
    return result.stdout.splitlines()


def _assert_clean_breaks(lines: list[str], columns: int) -> None:
    for before, after in itertools.pairwise(lines):
        assert width(before) <= columns, before
        body = after.strip()
        if not body:
            continue
        assert body[0] not in NO_START or after.startswith("  ・"), (before, after)  # ・ opens an item on purpose
        # a number cut in two: a line ending in a digit or a thousands comma, the next going on with one
        assert not (re.search(r"[\d,.]$", before) and re.match(r"[\d,.%]", body)), (before, after)
        assert not re.search(r"[(（](?:FY|CY|令和)?\d*$", before), (before, after)  # (FY202 / 0)
        assert not re.match(r"\d*年度?[)）]", body), (before, after)


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_at_80_and_100_columns_is_compact_and_breaks_cleanly(columns: int, lang: str) -> None:
    lines = _render(["report", "--year", "2023"], columns, lang)
    _assert_clean_breaks(lines, columns)
    indicators = sum(1 for line in lines if line.startswith(("  ・", "  - ")))
    assert indicators >= 180
    assert len(lines) < 4.5 * indicators  # was ~1,300–1,600 lines at 80 columns
    text = "\n".join(lines)
    # the unit before the year, on one line: 299,408 名（令和5年度） / 299,408 名 (FY2023)
    assert ("299,408 名（令和5年度）" if lang == "ja" else "299,408 名 (FY2023)") in text
    assert ("区分（施策）: " if lang == "ja" else "Grade (measure): ") in text  # the footer explains the marks


def test_report_from_120_columns_is_a_table_with_whole_figures() -> None:
    lines = _render(["report", "--year", "2023"], 160)
    _assert_clean_breaks(lines, 160)
    header = next(line for line in lines if line.startswith("No."))
    assert "施策" in header and "府省庁" in header and "状況" in header
    assert all(YEARS.fullmatch(y) for line in lines for y in YEARS.findall(line))
    assert any("1,300,000 回" in line for line in lines)


@pytest.mark.parametrize("command", [["lagging", "--year", "2023"], ["missing", "--year", "2023"]])
@pytest.mark.parametrize("columns", [80, 160])
def test_lagging_and_missing_break_cleanly(command: list[str], columns: int) -> None:
    _assert_clean_breaks(_render(command, columns), columns)


def test_japanese_line_breaking_rules() -> None:
    text = "支援情報の周知、相談窓口（24時間対応）の充実。「つながる」仕組みを 110,000\u00a0人 (令和6年度) へ"
    for limit in range(12, 40):
        lines = wrap(text, limit)
        assert all(width(line) <= limit for line in lines)
        assert not [line for line in lines[1:] if line[0] in NO_START]
        assert not [line for line in lines[:-1] if line[-1] in "（「"]
        assert sum("110,000 人" in line for line in lines) == 1
        assert sum("(令和6年度)" in line for line in lines) == 1
        assert "".join(lines).replace(" ", "") == text.replace("\u00a0", "").replace(" ", "")


def test_escape_sequences_in_titles_do_not_reach_the_terminal() -> None:
    assert wrap("title\x1b[2Jend", 80) == ["title\\x1b[2Jend"]
    huge = wrap("長" * 10_000_000, 80)  # a 10 MB title is cut, not wrapped for minutes
    assert len(huge) < 120 and "characters; see the file" in huge[-1]


def test_statuses_are_coloured_only_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "", "XDG_CACHE_HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "kpi", "lagging", "--dir", str(ROOT), "--year", "2023", "--lang", "ja"]
    with subprocess.Popen(cmd, stdout=secondary, stderr=subprocess.PIPE, env=env) as proc:
        os.close(secondary)
        chunks = []
        while True:
            try:
                data = os.read(primary, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
    os.close(primary)
    shown = b"".join(chunks).decode("utf-8")
    assert "\x1b[1;31m後退\x1b[0m" in shown  # regressing in bold red (kpi.views.colours)
    piped = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    assert "\x1b[" not in piped and "後退" in piped
