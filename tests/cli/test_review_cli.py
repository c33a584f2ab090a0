"""`kpi export`, `kpi missing` and `kpi lagging` on the command line, and the export's progress bar."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


def test_cli_export_writes_the_file(plan_root: Path) -> None:
    out = plan_root.parent / "review.xlsx"
    result = runner.invoke(app, ["export", "--dir", str(plan_root), "-y", "R6", "-f", "xlsx", "-o", str(out), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    assert result.stderr.startswith(f"{out} を書き出しました（xlsx、8指標、")  # no progress bar: not a terminal


def test_cli_export_error_is_one_line(plan_root: Path) -> None:
    out = plan_root.parent / "nowhere" / "review.html"
    result = runner.invoke(app, ["export", "--dir", str(plan_root), "-y", "2024", "-f", "html", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out}: folder {out.parent} does not exist; create it first or choose another --output\n"


def test_cli_export_bad_format_is_usage_error(plan_root: Path) -> None:
    result = runner.invoke(app, ["export", "--dir", str(plan_root), "-f", "pdf", "-o", "x.pdf"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["export", "missing", "lagging"])
def test_cli_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kpi " + command in result.output


def test_cli_missing_table_and_json(plan_root: Path) -> None:
    result = runner.invoke(app, ["missing", "--dir", str(plan_root), "-y", "2024", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "厚生労働省  未報告 3指標（5指標中）" in result.output
    assert "令和6年度の実績が未報告の指標: 4指標（報告対象 8指標中）" in result.output
    result = runner.invoke(app, ["missing", "--dir", str(plan_root), "-y", "2024", "-f", "json"])
    payload = json.loads(result.stdout)
    assert payload["missing"] == 4
    assert payload["ministries"][0]["ministry"] == "厚生労働省"


def test_cli_lagging_json_and_csv(plan_root: Path) -> None:
    result = runner.invoke(app, ["lagging", "--dir", str(plan_root), "-y", "2024", "-f", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["count"] == 5
    assert payload["indicators"][1]["pace"] == pytest.approx(0.4)
    assert payload["indicators"][1]["status_label"] == "far behind"
    result = runner.invoke(app, ["lagging", "--dir", str(plan_root), "-y", "2024", "-f", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("number,measure_id,title")
    assert lines[1].startswith("2,2024-002,\"'=HYPERLINK(")  # formula neutralised


def test_cli_lagging_table(plan_root: Path) -> None:
    result = runner.invoke(app, ["lagging", "--dir", str(plan_root), "-y", "2024", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "後退" in result.output and "0.40" in result.output
    assert result.output.strip().endswith("遅れている指標 5件")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_progress_only_on_a_terminal_and_for_long_exports(monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi.cli import export as cli

    with cli.export_progress() as advance:
        assert advance is None  # pytest's stderr is not a terminal
    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with cli.export_progress() as advance:
        assert advance is not None
        advance(10, cli.LONG_EXPORT - 1)
    assert "%" not in screen.getvalue()
    with cli.export_progress() as advance:
        assert advance is not None
        advance(cli.LONG_EXPORT, cli.LONG_EXPORT)
    assert "100%" in screen.getvalue()
