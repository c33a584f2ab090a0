"""One broken file does not stop the review (issue 11, item 11): the rest is shown, the broken files are listed
on stderr, exit 1; --strict keeps all-or-nothing; `kpi log` on a healthy measure keeps working."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()

GOOD = """\
id = "2024-001"
title = "健全な施策"
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "visits"
name = "訪問数"
kind = "level"
direction = "up"
target = 200
deadline = 2030
baseline = 100
baseline_year = 2020

[indicators.actuals]
2024 = 105
"""

BROKEN = """\
id = "2024-002"
title = "壊れた施策"
ministries = ["内閣府"]

[editions.2025]
number = 2
pillar = "1-1"

[[indicators]]
id = "x"
name = "x"
kind = "levle"
"""

LINE = 'measures/2024-002.toml:12: indicators[0].kind: unknown kind "levle"'


@pytest.fixture
def root(tmp_path: Path, make_plan) -> Path:  # type: ignore[no-untyped-def]
    return make_plan(tmp_path, {"2024-001.toml": GOOD, "2024-002.toml": BROKEN})


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.mark.parametrize("command", ["report", "missing", "lagging"])
def test_review_commands_show_the_rest_and_list_the_broken_file(root: Path, command: str) -> None:
    result = invoke(command, "--dir", str(root), "-y", "2024", "-f", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)  # the output is whole
    assert payload.get("expected", 1) == 1 and "壊れた施策" not in result.stdout
    assert command == "missing" or "visits" in result.stdout
    assert "Left out: 1 measure file(s) with errors" in result.stderr
    assert LINE in result.stderr


def test_export_writes_the_rest(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = invoke("export", "--dir", str(root), "-y", "2024", "-f", "csv", "-o", str(out))
    assert result.exit_code == 1
    assert "健全な施策" in out.read_text("utf-8-sig") and "壊れた施策" not in out.read_text("utf-8-sig")
    assert LINE in result.stderr


def test_db_holds_the_rest(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "kpi.db"
    result = invoke("db", str(path), "--dir", str(root), "-y", "2024")
    assert result.exit_code == 1
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT id FROM measures")] == ["2024-001"]
        # the lagging view carries the flags beside the status
        assert db.execute("SELECT status, overdue, stale FROM lagging").fetchall() == [("far_behind", 0, 0)]
    assert LINE in result.stderr


def test_strict_keeps_all_or_nothing(root: Path) -> None:
    result = invoke("report", "--dir", str(root), "-y", "2024", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {LINE}")


def test_a_plan_without_broken_files_exits_0(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, {"2024-001.toml": GOOD})
    result = invoke("report", "--dir", str(root), "-y", "2024")
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize("key", ["2024-001", "1"])
def test_log_on_a_healthy_measure_keeps_working(root: Path, key: str) -> None:
    result = invoke("log", key, "visits", "2023", "103", "--dir", str(root))
    assert result.exit_code == 0, result.output
    assert "2024-001 visits FY2023" in result.stdout
