"""The officer's path (issue 11, items 6–8): figures after the deadline, the v1.1 missing rule, replacing and
deleting a figure, a one-indicator measure, "did you mean", 12万 and the likely slips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.edit.log import delete_figure, log_figure
from kpi.edit.target import TargetChange, revise_target
from kpi.edit.values import parse_figure, slips
from kpi.errors import ProblemError, UnknownIndicator
from kpi.history.policy import run_check
from kpi.judge.report import build_report
from kpi.judge.review import missing
from kpi.model import Actual
from kpi.plan.loader import read_plan

runner = CliRunner()
TODAY = dt.date(2027, 7, 1)  # in FY2027

LEVEL = """\
id = "2024-070"
title = "一つの指標の施策"
ministries = ["厚生労働省"]

[editions.2025]
number = 70
pillar = "1-1"

[[indicators]]
id = "cafes"
name = "設置数"
kind = "level"
direction = "up"
unit = "か所"
target = 200
deadline = 2024
baseline = 100
baseline_year = 2020

[indicators.actuals]
2023 = { value = 150, note = "速報値", source = "調査A" }
"""

SHARE = """\
id = "2024-071"
title = "割合の施策"
ministries = ["総務省"]

[editions.2025]
number = 71
pillar = "1-1"

[[indicators]]
id = "share"
name = "割合"
kind = "level"
direction = "up"
unit = "%"
target = 60
deadline = 2030

[[indicators]]
id = "people"
name = "人数"
kind = "level"
direction = "up"
unit = "人"
target = 300000
deadline = 2030
"""


@pytest.fixture
def root(tmp_path: Path, make_plan) -> Path:  # type: ignore[no-untyped-def]
    return make_plan(tmp_path, {"2024-070.toml": LEVEL, "2024-071.toml": SHARE})


def missing_ids(root: Path, year: int) -> set[str]:
    report = missing(build_report(read_plan(root), year=year))
    return {item.indicator.id for group in report.groups for item in group.items}


# -- 6. figures after the deadline, and what counts as missing -------------------------------------------------------


def test_every_missing_indicator_can_be_logged_and_the_final_figure_ends_the_chase(root: Path) -> None:
    assert "cafes" in missing_ids(root, 2025)  # deadline 2024, no figure for 2024 or later
    log_figure(root, "70", None, "2025", "180", today=TODAY)  # after the deadline: accepted
    assert "cafes" not in missing_ids(root, 2025)
    assert "cafes" not in missing_ids(root, 2026)  # a figure for tT or later is in: no longer listed


def test_missing_before_the_deadline_is_per_year(root: Path) -> None:
    assert "cafes" in missing_ids(root, 2024)
    assert "cafes" not in missing_ids(root, 2023)


def test_missing_for_a_year_not_begun_is_refused(root: Path) -> None:
    result = runner.invoke(app, ["missing", "--dir", str(root), "--year", "2199"])
    assert result.exit_code == 2
    assert "FY2199 has not begun" in result.stderr


def test_target_deadline_before_a_recorded_figure_is_refused(root: Path) -> None:
    log_figure(root, "70", None, "2025", "180", today=TODAY)
    with pytest.raises(ProblemError) as caught:
        revise_target(root, "70", "cafes", TargetChange(deadline="2022"), "見直し")
    assert "--deadline 2022 is before the figure already recorded for FY2025" in str(caught.value)
    assert str(caught.value).startswith("measures/2024-070.toml:")


def test_check_warns_about_a_figure_for_a_year_not_begun(root: Path) -> None:
    path = root / "measures" / "2024-070.toml"
    path.write_text(path.read_text("utf-8") + "2099 = 5\n", "utf-8")
    problems = [str(p) for p in run_check(root)]
    assert any("indicators[0].actuals.2099" in p and "has not begun yet" in p for p in problems)


# -- 7. --force drops what was not repeated; --delete ---------------------------------------------------------------------


def test_force_drops_note_and_source_and_prints_them(root: Path) -> None:
    result = runner.invoke(app, ["log", "70", "2023", "160", "--force", "--dir", str(root), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    assert "再指定のない備考を削除しました: 速報値" in result.stdout
    assert "再指定のない出典を削除しました: 調査A" in result.stdout
    assert read_plan(root).measures[0].indicators[0].actual_for(2023) == Actual(2023, value=160)


def test_force_keeps_what_is_given_again(root: Path) -> None:
    result = log_figure(root, "70", "cafes", "2023", "160", source="調査A", force=True, today=TODAY)
    assert result.new == Actual(2023, value=160, source="調査A")
    assert result.dropped == (("note", "速報値"),)


def test_delete_removes_one_entry_and_prints_it(root: Path) -> None:
    result = runner.invoke(app, ["log", "70", "cafes", "2023", "--delete", "--dir", str(root), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Deleted: 2024-070 cafes FY2023 = 150 か所 (note '速報値', source '調査A')" in result.stdout
    assert read_plan(root).measures[0].indicators[0].actuals == ()


def test_delete_refuses_when_there_is_no_entry(root: Path) -> None:
    before = (root / "measures" / "2024-070.toml").read_bytes()
    with pytest.raises(ProblemError, match="no entry for FY2021 to delete in cafes; years recorded: FY2023"):
        delete_figure(root, "70", None, "2021")
    assert (root / "measures" / "2024-070.toml").read_bytes() == before


# -- 8. one indicator, did you mean, 12万, slips ---------------------------------------------------------------------------


def test_one_indicator_measure_needs_no_indicator_id(root: Path) -> None:
    result = runner.invoke(app, ["log", "70", "2024", "190", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    assert read_plan(root).measures[0].indicators[0].actual_for(2024) == Actual(2024, value=190)


def test_several_indicators_need_an_id_and_a_wrong_one_gets_did_you_mean(root: Path) -> None:
    with pytest.raises(UnknownIndicator, match="has 2 indicators; name one: share, people"):
        log_figure(root, "71", None, "2024", "50", today=TODAY)
    with pytest.raises(UnknownIndicator) as caught:
        log_figure(root, "71", "shares", "2024", "50", today=TODAY)
    assert str(caught.value) == (
        "measures/2024-071.toml: no indicator 'shares' in 2024-071; did you mean 'share'? its indicators: share, people"
    )


def test_missing_and_show_print_the_indicator_ids(root: Path) -> None:
    out = runner.invoke(app, ["missing", "--dir", str(root), "-y", "2024", "--lang", "ja"]).stdout
    assert "[share] 割合" in out and "[people] 人数" in out
    shown = runner.invoke(app, ["show", "71", "--dir", str(root), "-y", "2024"]).stdout
    assert "[share]" in shown and "[people]" in shown


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [
        ("12万", 120000, False),
        ("1万2000", 12000, False),
        ("約12万", 120000, True),
        ("1.5万人", 15000, False),
        ("3億4500万", 345000000, False),
    ],
)
def test_large_number_words_are_understood(text: str, value: int, approximate: bool) -> None:
    figure = parse_figure(text, "人")
    assert (figure.value, figure.approximate) == (value, approximate)


def test_approximate_figure_is_recorded_with_a_note(root: Path) -> None:
    result = log_figure(root, "71", "people", "2024", "約12万", today=TODAY)
    assert result.new == Actual(2024, value=120000, note="概数")


@pytest.mark.parametrize(
    ("text", "value", "unit", "slip"),
    [
        ("-5", -5, "人", "is negative, but '人' counts things"),
        ("120", 120, "%", "is a share above 100 %"),
        ("-5", -5, "%", "is a negative share"),
        ("0.452", 0.452, "%", "if you meant 45.2 %, log 45.2 again with --force"),
    ],
)
def test_likely_slips_are_named(text: str, value: float, unit: str, slip: str) -> None:
    assert any(slip in line for line in slips(text, value, unit))


def test_slip_warning_goes_to_stderr_and_the_figure_is_recorded(root: Path) -> None:
    result = runner.invoke(app, ["log", "71", "share", "2024", "0.452", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    assert "looks like a fraction" in result.stderr and "looks like a fraction" not in result.stdout
    payload = json.loads(runner.invoke(app, ["show", "71", "--dir", str(root), "-y", "2024", "-f", "json"]).stdout)
    assert payload["indicators"][0]["actuals"][0]["value"] == 0.452


def test_no_slip_for_an_ordinary_figure() -> None:
    assert slips("45.2", 45.2, "%") == [] and slips("1200", 1200, "人") == []


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("12万", "万人", 12),  # the unit already counts in 万: as the 照会 workbook reads it
        ("12万人", "万人", 12),
        ("1万2000", "万人", 1.2),
        ("1.5億", "億円", 1.5),
        ("3億4500万", "万円", 34500),
        ("12万", "千人", 120),
        ("2億", "百万円", 200),
        ("12", "万人", 12),  # plain digits are in the unit as they are
        ("12万", "人", 120000),
    ],
)
def test_large_number_words_are_read_in_the_units_scale(text: str, unit: str, value: float) -> None:
    assert parse_figure(text, unit).value == value


def test_kpi_log_reads_12万_as_12_when_the_unit_is_万人(root: Path) -> None:
    import tomllib

    path = root / "measures" / "2024-071.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('unit = "人"', 'unit = "万人"'), encoding="utf-8")
    log_figure(root, "71", "people", "2024", "12万", today=TODAY)
    people = next(i for i in tomllib.loads(path.read_text(encoding="utf-8"))["indicators"] if i["id"] == "people")
    assert people["actuals"]["2024"] == 12
