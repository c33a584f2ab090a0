"""`counting = "running_total"` and `[assessment] stale_after`: read from the files, said by `kpi show` and `kpi log`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kpi.cli import app
from kpi.model import Counting
from kpi.plan.loader import load_plan, read_plan

runner = CliRunner()

RUNNING = """\
id = "2024-050"
title = "累計の施策"
ministries = ["内閣府"]

[editions.2025]
number = 50
pillar = "1-1"

[[indicators]]
id = "total"
name = "受講者数（令和6年度からの累計）"
kind = "cumulative"
direction = "up"
unit = "人"
target = 300000
deadline = 2027
start = 2024
counting = "running_total"

[indicators.actuals]
2024 = 50000
"""


def test_running_total_is_read_and_judged_on_the_latest_figure(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, {"2024-050.toml": RUNNING})
    assert read_plan(root).measures[0].indicators[0].counting is Counting.RUNNING_TOTAL
    assert read_plan(root).measures[0].indicators[0].counting is Counting.RUNNING_TOTAL  # read back from the cache
    result = runner.invoke(app, ["log", "50", "2025", "110,000", "--dir", str(root), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "各年度の数値はそれまでの累計" in result.stdout
    assert "累計: 110,000 人（令和7年度）" in result.stdout
    assert "達成率 36.7%" in result.stdout
    shown = runner.invoke(app, ["show", "50", "--dir", str(root), "-y", "2025", "--lang", "en"]).stdout
    assert "counting: each figure is the running total so far" in shown
    assert "total: 110,000 人 (FY2025)" in shown


def test_counting_on_a_level_indicator_is_an_error(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    text = RUNNING.replace('kind = "cumulative"', 'kind = "level"').replace("start = 2024\n", "")
    root = make_plan(tmp_path, {"2024-050.toml": text})
    messages = [str(p) for p in load_plan(root).errors]
    assert messages == [
        "measures/2024-050.toml:17: indicators[0].counting: "
        "only cumulative indicators have counting; remove it from this level one"
    ]


def test_unknown_counting_names_the_choices(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, {"2024-050.toml": RUNNING.replace('"running_total"', '"total"')})
    (problem,) = load_plan(root).errors
    assert problem.message == 'unknown counting "total"; use one of yearly, running_total'


KPI_TOML = """\
[plan]
name = "x"
edition = 2025

[assessment]
stale_after = 5
"""


def test_stale_after_comes_from_kpi_toml(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    root = make_plan(tmp_path, {"2024-050.toml": RUNNING}, kpi_toml=KPI_TOML)
    assert read_plan(root).config.thresholds.stale_after == 5
    bad = make_plan(
        tmp_path / "bad", {"2024-050.toml": RUNNING}, kpi_toml=KPI_TOML.replace("stale_after = 5", "stale_after = 0.5")
    )
    assert [str(p) for p in load_plan(bad).problems] == [
        "kpi.toml:6: assessment.stale_after: expected a whole number of years (1 or more), got 0.5; write e.g. stale_after = 3"
    ]
