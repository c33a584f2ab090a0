"""A figure not in yet, with its reason: ``2025 = { missing = "集計中" }`` (v1.1, written by `kpi import`).

It loads as ``Indicator.awaited`` (never as a figure: the judge sees no data), passes `kpi check` and the
JSON Schema, refuses a value or status beside it, and `kpi log` of the figure later replaces it whole.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kpi.edit.awaited import log_missing
from kpi.edit.log import log_figure
from kpi.errors import ProblemError
from kpi.plan.loader import check_plan, read_plan

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "kpi" / "schema" / "measure.schema.json").read_text("utf-8"))
TODAY = dt.date(2026, 6, 1)
# 2024-008 with one level indicator, ending in its [indicators.actuals] table: a test adds the year 2025.
SEARCH_SITE = Path(__file__).resolve().parents[1] / "data" / "plans" / "search-site" / "measures" / "2024-008.toml"
HEAD = SEARCH_SITE.read_bytes().decode("utf-8")


def test_missing_with_a_reason_loads_apart_from_the_figures(tmp_path: Path, make_plan: Callable[..., Path]) -> None:
    text = HEAD + '2025 = { missing = "集計中" }\n'
    root = make_plan(tmp_path, {"2024-008": text})
    assert [str(p) for p in check_plan(root)] == []
    indicator = read_plan(root).measures[0].indicators[0]
    assert indicator.actual_for(2025) is None and indicator.awaited_for(2025) is not None
    assert indicator.awaited_for(2025).reason == "集計中"  # type: ignore[union-attr]
    assert not list(Draft202012Validator(SCHEMA).iter_errors(tomllib.loads(text)))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            '{ missing = "集計中", value = 5 }',
            "indicators[0].actuals.2025.value: a year has a figure or a reason it is missing, not both",
        ),
        ('{ missing = "" }', "indicators[0].actuals.2025.missing: is empty"),
        ("{ missing = 3 }", "indicators[0].actuals.2025.missing: expected text in quotes"),
    ],
)
def test_bad_missing_entries_are_located(tmp_path: Path, make_plan: Callable[..., Path], entry: str, message: str) -> None:
    root = make_plan(tmp_path, {"2024-008": HEAD + f"2025 = {entry}\n"})
    found = [str(p) for p in check_plan(root)]
    assert any(message in line for line in found), found
    assert list(Draft202012Validator(SCHEMA).iter_errors(tomllib.loads(HEAD + f"2025 = {entry}\n")))


def test_log_missing_then_the_figure_replaces_it(tmp_path: Path, make_plan: Callable[..., Path]) -> None:
    root = make_plan(tmp_path, {"2024-008": HEAD})
    path = root / "measures" / "2024-008.toml"
    result = log_missing(root, "2024-008", "access", "R7", today=TODAY)
    assert result.changed and path.read_text("utf-8") == HEAD + '2025 = { missing = "集計中" }\n'
    assert not log_missing(root, "2024-008", "access", "R7", today=TODAY).changed  # idempotent
    log_figure(root, "2024-008", "access", "R7", "125,000", today=TODAY)
    assert path.read_text("utf-8") == HEAD + "2025 = 125000\n"
    with pytest.raises(ProblemError, match="already recorded as 125,000 回; pass --force"):
        log_missing(root, "2024-008", "access", "R7", today=TODAY)
    assert path.read_text("utf-8") == HEAD + "2025 = 125000\n"
