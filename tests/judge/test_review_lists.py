"""`kpi missing`, `kpi lagging`, the sparkline in `kpi show`, and the CLI of `kpi export`."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from kpi.judge.report import build_report
from kpi.judge.review import lagging, missing
from kpi.plan.loader import read_plan
from kpi.views.sparkline import BARS, sparkline

runner = CliRunner()
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
FixturePlan = Callable[[str], Any]  # the fixture_plan fixture


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


def test_missing_groups_by_every_ministry_with_counts(plan_root: Path) -> None:
    result = missing(build_report(read_plan(plan_root), year=2024))
    assert (result.year, result.missing, result.expected) == (2024, 4, 8)
    groups = {g.ministry: g for g in result.groups}
    assert result.groups[0].ministry == "厚生労働省"
    assert (groups["厚生労働省"].count, groups["厚生労働省"].indicators) == (3, 5)
    assert [i.indicator.id for i in groups["厚生労働省"].items] == ["trend-worse", "cumulative", "leave"]
    # A measure of two ministries is listed under both, but counted once in the total.
    assert [i.indicator.id for i in groups["内閣府"].items] == ["trend-worse"]
    assert groups["内閣府"].indicators == 4
    assert [(i.indicator.id, i.last_year) for i in groups["こども家庭庁"].items] == [("survey", 2023)]


def test_missing_skips_indicators_not_started_yet(tmp_path: Path, make_plan: MakePlan, fixture_plan: FixturePlan) -> None:
    measures = fixture_plan("export").measures
    measures["2024-003"] = (
        measures["2024-003"].replace("target = 90\n", "target = 90\nstart = 2025\n").replace("2023 = 88.0\n2024 = 89.0\n", "")
    )
    result = missing(build_report(read_plan(make_plan(tmp_path, measures, plan="export")), year=2024))
    ids = {i.indicator.id for g in result.groups for i in g.items}
    assert "every-year" not in ids
    assert result.expected == 7


def test_lagging_is_worst_first_with_pace(plan_root: Path) -> None:
    items = lagging(build_report(read_plan(plan_root), year=2024))
    shown = [(i.assessment.indicator.id, i.assessment.status.value, i.assessment.pace) for i in items]
    assert [s[:2] for s in shown] == [
        ("trend-worse", "regressing"),
        ("slow", "far_behind"),
        ("every-year", "far_behind"),
        ("cumulative", "behind"),
        ("leave", "behind"),
    ]
    paces = [p for _, _, p in shown[1:]]
    assert paces == pytest.approx([0.4, 0.5, 0.8, 0.8944444444444445])


def test_sparkline() -> None:
    assert sparkline([1, 2, None, 4]) == "▁▃ █"
    assert sparkline([5, 5]) == BARS[4] * 2
    assert sparkline([]) == ""


@given(st.lists(st.one_of(st.none(), st.floats(-1e9, 1e9)), max_size=30))
def test_sparkline_one_character_per_year_and_extremes(values: list[float | None]) -> None:
    line = sparkline(values)
    known = [v for v in values if v is not None]
    if not known:
        assert line == ""
        return
    assert len(line) == len(values)
    if min(known) != max(known):
        assert line[values.index(max(known))] == BARS[-1]
        assert line[values.index(min(known))] == BARS[0]


def test_show_draws_a_sparkline_of_actuals(plan_root: Path) -> None:
    result = runner.invoke(app, ["show", "1", "--dir", str(plan_root), "--year", "2024", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "    推移: ▁▅█  (2022–2024)" in result.output
    assert "    推移: ▁█  (2023–2024)" in result.output


# -- CLI ---------------------------------------------------------------------------------------------------------


def test_cli_export_writes_the_file(plan_root: Path) -> None:
    out = plan_root.parent / "review.xlsx"
    result = runner.invoke(app, ["export", "--dir", str(plan_root), "-y", "R6", "-f", "xlsx", "-o", str(out), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    assert result.stderr.startswith(f"Wrote {out} (xlsx, 8 indicators, ")  # no progress bar: not a terminal


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
    assert "厚生労働省  3件 / 5指標" in result.output
    assert "2024年度の実績が未報告の指標: 4件（報告対象 8件）" in result.output
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
    assert result.output.strip().endswith("5 件")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_progress_only_on_a_terminal_and_for_long_exports(monkeypatch: pytest.MonkeyPatch) -> None:
    import cli

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
