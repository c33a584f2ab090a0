"""Golden before/after files: a `kpi log` or `kpi target` changes only the lines it means to.

Each case copies ``tests/data/edit/<case>.before.toml`` into a plan, runs its edits, and compares the
file byte for byte with ``<case>.after.toml`` (comments, quoting, inline tables, CRLF and BOM kept).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi.edit.log import log_figure
from kpi.edit.target import TargetChange, revise_target

EDIT_DATA = Path(__file__).resolve().parents[1] / "data" / "edit"
REGENERATE = "KPI_REGENERATE_GOLDEN"  # set by running this file: the .after files are written, not compared

Edit = tuple[str, str, dict[str, Any]]

# case -> (measure id, edits, lines added, lines removed)
CASES: dict[str, tuple[str, list[Edit], int, int]] = {
    "comments": (
        "2024-101",
        [("log", "users", {"year": "2023", "value": "500"}), ("log", "rate", {"year": "R6", "value": "52.0%"})],
        1 + 3,  # one year line; a new [indicators.actuals] (blank line, header, year)
        0,
    ),
    "compact": (
        "2024-106",
        [("log", "a", {"year": "2024", "value": "5"}), ("log", "b", {"year": "2024", "value": "done"})],
        # a: new table (blank line, header, year); b: its last line gets its line end, then the same three
        3 + 1 + 3,
        1,
    ),
    "crlf": (
        "2024-102",
        [
            ("log", "visits", {"year": "2025", "value": "700"}),
            ("log", "done", {"year": "2024", "value": "実施中", "note": "準備中"}),
        ],
        1 + 3,
        0,
    ),
    "bom": ("2024-103", [("log", "counsel", {"year": "2024", "value": "650", "force": True})], 1, 1),
    "inline": (
        "2024-104",
        [
            ("log", "workers", {"year": "2023", "value": "281,000", "force": True}),
            ("log", "workers", {"year": "2024", "value": "285000", "note": "確定値", "force": True}),
            ("log", "sites", {"year": "2024", "value": "5"}),
            ("target", "workers", {"change": TargetChange(milestones=("2025=295000",)), "reason": "中間目標の見直し"}),
        ],
        4 + 7,  # four lines changed in place, one revision block (blank line, header, five keys)
        4,
    ),
    "tables": (
        "2024-105",
        [
            ("log", "first", {"year": "2024", "value": "120"}),
            ("target", "first", {"change": TargetChange(target="90"), "reason": "前倒し"}),
            ("log", "second", {"year": "2024", "value": "85.5%"}),
            ("target", "second", {"change": TargetChange(target="85", deadline="R8"), "reason": "2025年改定"}),
            ("log", "third", {"year": "2024", "value": "done"}),
        ],
        # first: actuals table (3), target (1), revision (7); second: target (1), deadline (1), actuals (3),
        # two revisions (14); third: actuals (3)
        3 + 1 + 7 + 1 + 1 + 3 + 14 + 3,
        2,
    ),
}


def run_edits(root: Path, measure_id: str, edits: list[Edit], today: dt.date) -> None:
    for command, indicator, args in edits:
        if command == "log":
            log_figure(root, measure_id, indicator, args.pop("year"), args.pop("value"), today=today, **args)
        else:
            revise_target(root, measure_id, indicator, args["change"], args["reason"], today=today)


@pytest.fixture
def edited(tmp_path: Path, make_plan: Callable[..., Path], today: dt.date) -> Callable[[str], tuple[bytes, bytes]]:
    """``edited(case) -> (before, after)``: the case's .before file in the plan "edit", and the file after its edits."""

    def edit(case: str) -> tuple[bytes, bytes]:
        measure_id, edits, _, _ = CASES[case]
        before = (EDIT_DATA / f"{case}.before.toml").read_bytes()
        root = make_plan(tmp_path, {f"{measure_id}.toml": before}, plan="edit")
        run_edits(root, measure_id, [(c, i, dict(a)) for c, i, a in edits], today)
        after = (root / "measures" / f"{measure_id}.toml").read_bytes()
        if os.environ.get(REGENERATE):
            (EDIT_DATA / f"{case}.after.toml").write_bytes(after)
        return before, after

    return edit


@pytest.mark.parametrize("case", sorted(CASES))
def test_edit_matches_golden_file(edited: Callable[[str], tuple[bytes, bytes]], case: str) -> None:
    _, after = edited(case)
    assert after == (EDIT_DATA / f"{case}.after.toml").read_bytes()


@pytest.mark.parametrize("case", sorted(CASES))
def test_diff_is_only_the_edited_lines(edited: Callable[[str], tuple[bytes, bytes]], case: str) -> None:
    before, after = edited(case)
    _, _, added, removed = CASES[case]
    old, new = before.decode("utf-8").splitlines(keepends=True), after.decode("utf-8").splitlines(keepends=True)
    diff = list(difflib.ndiff(old, new))
    assert sum(line.startswith("+ ") for line in diff) == added
    assert sum(line.startswith("- ") for line in diff) == removed


def test_crlf_file_stays_crlf(edited: Callable[[str], tuple[bytes, bytes]]) -> None:
    _, after = edited("crlf")
    assert after.count(b"\n") == after.count(b"\r\n")


def test_bom_is_kept(edited: Callable[[str], tuple[bytes, bytes]]) -> None:
    _, after = edited("bom")
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\xef\xbb\xbf") == 1
    assert b"2024 = 650  # preliminary\n" in after


if __name__ == "__main__":  # regenerate the .after files: python tests/edit/test_edit_golden.py (then read the diffs!)
    os.environ[REGENERATE] = "1"
    raise SystemExit(pytest.main(["-q", "-p", "no:cacheprovider", f"{__file__}::test_edit_matches_golden_file"]))
