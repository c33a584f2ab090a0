"""`kpi log`, `kpi target` and `kpi new` on the command line: success, errors (exit 1, one line), --help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kpi.cli.new
from kpi.cli import app
from kpi.judge.report import find_measure
from kpi.model import Kind
from kpi.plan.loader import check_plan, read_plan

runner = CliRunner()
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
FixturePlan = Callable[[str], Any]  # the fixture_plan fixture


def run(root: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--dir", str(root)], input=input, env={"KPI_LANG": "en"})


# -- kpi log --------------------------------------------------------------------------------------------------------


def test_log_records_and_prints_assessment(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "log", "8", "access", "R6", "120,000", "--force", "--note", "確定値")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Annotated: 2024-008 access FY2024 = 120,000 回  (measures/2024-008.toml)",
        "  note: 確定値",
        "  FY2024 Status: on track; Achievement 92.3%; Progress 68.8%; Expected 50.0%",
    ]


def test_log_force_says_old_and_new(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "log", "2024-008", "access", "2024", "125000", "--force", "--lang", "ja")
    assert result.exit_code == 0, result.output
    expected = "更新しました: 2024-008 access 令和6年度: 120,000 回 → 125,000 回（measures/2024-008.toml）"
    assert result.stdout.splitlines()[0] == expected
    assert result.stdout.splitlines()[1].startswith("  令和6年度 状況: 順調")


def test_log_twice_says_already_recorded(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    assert run(root, "log", "8", "awareness", "2024", "45.2%").exit_code == 0
    before = (root / "measures" / "2024-008.toml").read_bytes()
    again = run(root, "log", "8", "awareness", "2024", "45.2")
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == "Already recorded (file unchanged): 2024-008 awareness FY2024 = 45.2 %"
    assert (root / "measures" / "2024-008.toml").read_bytes() == before


def test_log_negative_value_is_not_an_option(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "log", "8", "rate", "2024", "-1.5")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Logged: 2024-008 rate FY2024 = -1.5 %")


def test_log_error_is_one_line_exit_1(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = (root / "measures" / "2024-008.toml").read_bytes()
    result = run(root, "log", "8", "access", "2024", "125000")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: measures/2024-008.toml:23: indicators[0].actuals.2024: already recorded as 120,000 回; "
        "pass --force to replace it with 125,000 回\n"
    )
    assert (root / "measures" / "2024-008.toml").read_bytes() == before


def test_log_path_as_measure_is_no_such_measure(tmp_path: Path, make_plan: MakePlan) -> None:
    result = run(make_plan(tmp_path, plan="edit"), "log", "../../etc/passwd", "access", "2024", "1")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no such measure: '../../etc/passwd'; "
        "give an id like 2024-008 or a number in the 2025 edition (see `kpi report`)\n"
    )


def test_log_help() -> None:
    result = runner.invoke(app, ["log", "--help"])
    assert result.exit_code == 0
    assert "Record one year's figure of an indicator." in result.stdout
    assert "Example: kpi log 8 search-site-access R6 120,000" in result.stdout


# -- kpi target -----------------------------------------------------------------------------------------------------


def test_target_revises_with_reason(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "target", "8", "access", "--target", "140,000", "--milestone", "R7=125000", "--reason", "2025年改定")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Revised: 2024-008 access  (measures/2024-008.toml)",
        "  target: 130,000 → 140,000",
        "  milestones: none → [FY2025: 125,000]",
    ]
    assert lines[3].startswith("  reason: 2025年改定 (")
    indicator = find_measure(read_plan(root), "8").indicator("access")
    assert indicator is not None and [r.field for r in indicator.revisions] == ["target", "milestones"]


def test_log_by_number_into_a_broken_file_says_what_is_broken(
    tmp_path: Path, make_plan: MakePlan, fixture_plan: FixturePlan
) -> None:
    measures = fixture_plan("edit").measures
    broken = measures["2024-008"].replace("deadline = 2026", 'deadline = "next year"')
    root = make_plan(tmp_path, {"2024-008.toml": broken, "2024-009.toml": measures["2024-009"]}, plan="edit")
    before = (root / "measures" / "2024-008.toml").read_bytes()
    result = run(root, "log", "8", "access", "R6", "120000")
    assert result.exit_code == 1
    line = (root / "measures" / "2024-008.toml").read_text("utf-8").splitlines().index('deadline = "next year"') + 1
    assert result.stderr == (
        f"Error: measures/2024-008.toml:{line}: indicators[0].deadline: "
        'expected a year like 2026 or "R8", got "next year"; write e.g. deadline = 2026\n'
    )
    assert (root / "measures" / "2024-008.toml").read_bytes() == before


def test_target_prints_years_without_thousands_separators(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "target", "8", "access", "--deadline", "R9", "--reason", "延長")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "  deadline: FY2026 → FY2027"


def test_target_without_reason_exit_1(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = (root / "measures" / "2024-008.toml").read_bytes()
    result = run(root, "target", "8", "access", "--target", "140000")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --reason is required: say why the target changes (it is kept in [[indicators.revisions]]); nothing was changed\n"
    )
    assert (root / "measures" / "2024-008.toml").read_bytes() == before


def test_target_help() -> None:
    result = runner.invoke(app, ["target", "--help"])
    assert result.exit_code == 0
    assert "Revise a target, deadline or baseline, with a reason." in result.stdout


# -- kpi new --------------------------------------------------------------------------------------------------------

NEW_OPTIONS = [
    "--title",
    "新しい施策",
    "--ministry",
    "内閣府",
    "--ministry",
    "総務省",
    "--number",
    "150",
    "--pillar",
    "1-2",
    "--indicator-id",
    "users",
    "--indicator-name",
    "利用者数",
    "--kind",
    "level",
    "--direction",
    "up",
    "--unit",
    "人",
    "--target",
    "1,000",
    "--deadline",
    "R8",
]


def test_new_from_options_passes_check(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = run(root, "new", *NEW_OPTIONS)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Created: measures/2025-150.toml  (2025-150)",
        "  next: kpi check; kpi log 2025-150 users <year> <value>",
    ]
    assert check_plan(root) == ()
    measure = find_measure(read_plan(root), "150")
    assert (measure.id, measure.ministries, measure.edition(2025).pillar) == ("2025-150", ("内閣府", "総務省"), "1-2")  # type: ignore[union-attr]
    indicator = measure.indicators[0]
    assert (indicator.kind, indicator.target, indicator.deadline, indicator.unit) == (Kind.LEVEL, 1000, 2026, "人")
    assert run(root, "check").exit_code == 0


def test_new_qualitative_needs_no_numbers(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    options = [
        "--id",
        "2025-x1",
        "--title",
        "定性",
        "--ministry",
        "法務省",
        "--number",
        "151",
        "--pillar",
        "3",
        "--indicator-id",
        "done",
        "--indicator-name",
        "実施",
        "--kind",
        "qualitative",
    ]
    result = run(root, "new", *options)
    assert result.exit_code == 0, result.output
    assert check_plan(root) == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ["--id", "2024-008"],
            "Error: --id 2024-008: a measure with this id already exists; choose another id (kpi new never overwrites)\n",
        ),
        (["--number", "8"], "Error: --number 8: No. 8 of the 2025 edition is 2024-008; use a free number (next: 10)\n"),
        (
            ["--ministry", "財務省"],
            "Error: --ministry '財務省': not a ministry of this plan; "
            "use one of: 内閣府, 総務省, 法務省, 厚生労働省, こども家庭庁\n",
        ),
        (["--id", "../evil"], "Error: --id '../evil': not a valid id; use letters, digits and '-', e.g. 2025-150\n"),
        (
            ["--deadline", "someday"],
            'Error: --deadline: \'someday\' is not a year; use a year like 2024, "FY2024", "R6" or "令和6年度"\n',
        ),
    ],
)
def test_new_refusals(tmp_path: Path, make_plan: MakePlan, change: list[str], message: str) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = sorted(p.name for p in (root / "measures").iterdir())
    result = run(root, "new", *NEW_OPTIONS, *change)
    assert result.exit_code == 1
    assert result.stderr == message
    assert sorted(p.name for p in (root / "measures").iterdir()) == before
    assert (root / "measures" / "2024-008.toml").read_text("utf-8").startswith("# A measure for the editing tests.")


def test_new_without_terminal_names_missing_option(tmp_path: Path, make_plan: MakePlan) -> None:
    result = run(make_plan(tmp_path, plan="edit"), "new", "--title", "x")
    assert result.exit_code == 1
    assert result.stderr == "Error: --ministry is required (kpi new asks only in a terminal); pass --ministry VALUE\n"


def test_new_asks_in_a_terminal(tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi.cli.new, "_interactive", lambda: True)
    root = make_plan(tmp_path, plan="edit")
    answers = [
        "見守り活動の推進",  # title
        "厚労省",  # not a name in kpi.toml: asked again
        "厚生労働省、内閣府",  # ministries
        "",  # number: the default, next free (10)
        "2-1",  # pillar
        "",  # id: default 2025-010
        "visits",  # indicator id
        "訪問件数",  # indicator name
        "levle",  # kind: a typo is asked again
        "cumulative",
        "件",  # unit
        "sideways",  # direction: asked again
        "up",
        "500",  # target
        "R8",  # deadline
        "2024",  # start
    ]
    result = run(root, "new", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Created: measures/2025-010.toml  (2025-010)" in result.stdout
    assert "Not a ministry of this plan: 厚労省" in result.stderr
    assert check_plan(root) == ()
    measure = find_measure(read_plan(root), "2025-010")
    assert measure.ministries == ("厚生労働省", "内閣府")
    indicator = measure.indicators[0]
    assert (indicator.kind, indicator.target, indicator.deadline, indicator.start) == (Kind.CUMULATIVE, 500, 2026, 2024)


def test_new_help() -> None:
    result = runner.invoke(app, ["new", "--help"])
    assert result.exit_code == 0
    assert "Create a new measure file that passes `kpi check`." in result.stdout
