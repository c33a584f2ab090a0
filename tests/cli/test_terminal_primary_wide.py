"""The primary-indicator mark in the terminal layouts, and the wide table between 120 and 150 columns.

`kpi show` and the report JSON mark the indicator a measure's grade follows (（主指標） / (primary)); the
terminal table and the compact blocks mark it too, and the footer says what it means. The wide table at
120–149 columns (no 府省庁 column) breaks as cleanly as the others: no line wider than the terminal, none
starting with 、。）」, no number, year or unit cut across two lines (issue 16 item 3).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.views.plaintable import NO_START, width

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
MARK = {"ja": "（主指標）", "en": " (primary)"}
FOOTER = {"ja": "（主指標） 施策の区分はこの指標で判定", "en": "(primary) the measure's grade follows this indicator"}


def _render(args: list[str], columns: int, lang: str) -> list[str]:
    result = runner.invoke(app, [*args, "--dir", str(ROOT), "--lang", lang], env={"COLUMNS": str(columns), "NO_COLOR": ""})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _primaries() -> list[tuple[str, str]]:
    """(measure number, indicator name) of every indicator a measure's grade follows, from the report JSON."""
    payload = json.loads(_render_json())
    return [
        (f"{m['number']:03d}", i["name"])
        for m in payload["measures"]
        for i in m["indicators"]
        if i["primary"] and m["number"] is not None
    ]


def _render_json() -> str:
    result = runner.invoke(app, ["report", "--year", "2023", "-f", "json", "--dir", str(ROOT)])
    assert result.exit_code == 0, result.output
    return result.stdout


def _assert_clean(lines: list[str], columns: int) -> None:
    for before, after in itertools.pairwise(lines):
        assert width(before) <= columns, before
        body = after.strip()
        if not body:
            continue
        assert body[0] not in NO_START or after.startswith("  ・"), (before, after)
        assert not (re.search(r"[\d,.]$", before) and re.match(r"[\d,.%]", body)), (before, after)  # 930,00 / 0
        assert not re.search(r"\((?:FY|CY|令和)?\d*$", before), (before, after)  # (FY202 / 0)
        assert not re.match(r"\d*年度?\)", body), (before, after)
        # a unit torn from its number: a line ending in a figure, the next going on with 人, 件, か所, %
        assert not (re.search(r"\d$", before) and re.match(r"(?:人|件|か所|回|名|%|％)", body)), (before, after)
    for line in lines:  # within a line, a table column boundary must not fall between a number and its unit
        assert not re.search(r"\d\s{2,}(?:人|件|か所|回|名)\b", line), line


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [120, 135, 149])
def test_wide_table_between_120_and_150_columns_breaks_cleanly_and_marks_primary(columns: int, lang: str) -> None:
    lines = _render(["report", "--year", "2023"], columns, lang)
    _assert_clean(lines, columns)
    header = next(line for line in lines if line.startswith("No."))
    assert ("府省庁" if lang == "ja" else "Ministr") not in header  # the 150-column table adds it, not this one
    text = "\n".join(lines)
    for figure in ("1,300,000 回", "299,408 名"):
        assert figure in text  # number and unit on one line
    primaries = _primaries()
    assert len(primaries) >= 10  # the shipped plan grades ten or more measures on a primary indicator
    mark = MARK[lang].strip()
    assert sum(line.count(mark) for line in lines) == len(primaries) + 1  # and the footer that explains it
    assert FOOTER[lang] in text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [80, 100])
def test_compact_layout_marks_the_primary_indicator(columns: int, lang: str) -> None:
    lines = _render(["report", "--year", "2023"], columns, lang)
    _assert_clean(lines, columns)
    primaries = _primaries()
    text = "\n".join(lines)
    bullet = "・" if lang == "ja" else "- "
    for number, name in primaries:
        block = text[text.index(f"\n{number} ") :]
        block = block[: block.index("\n\n", 1)] if "\n\n" in block[1:] else block
        flat = re.sub(r"\n\s*", "", block)  # a long name may wrap
        assert f"{bullet}{name}{MARK[lang]}".replace("\n", "").replace(" ", "") in flat.replace(" ", ""), number
    assert sum(line.count(MARK[lang].strip()) for line in lines) == len(primaries) + 1  # and the footer
    assert FOOTER[lang] in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_only_the_marked_indicator_carries_the_mark(tmp_path: Path, make_plan, lang: str) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, plan="export")  # 2024-001: 調査の回答者数 is primary, 相談件数 is not
    for columns in (80, 130):
        args = ["report", "--dir", str(root), "--year", "2024", "--lang", lang]
        result = runner.invoke(app, args, env={"COLUMNS": str(columns), "NO_COLOR": ""})
        assert result.exit_code == 0, result.output
        text = result.stdout
        if columns == 80:  # the compact block: the name and its mark on one line
            assert f"調査の回答者数{MARK[lang]}" in text
        # the table wraps the indicator column: the mark follows the primary name, before the next indicator
        assert text.index("調査の") < text.index(MARK[lang].strip()) < text.index("相談件数")
        assert text.count(MARK[lang].strip()) == 2  # the one indicator, and the footer
