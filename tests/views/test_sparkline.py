"""The sparkline of yearly figures (kpi.views.sparkline), and in `kpi show`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kpi.cli import app
from kpi.views.sparkline import BARS, sparkline

runner = CliRunner()
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


@pytest.fixture
def plan_root(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, plan="export")


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
    assert "    推移: ▁▅█（2022～2024）" in result.output
    assert "    推移: ▁█（2023～2024）" in result.output
