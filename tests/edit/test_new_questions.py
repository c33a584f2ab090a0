"""`kpi new` checks each answer when it is given, understands (2)①, refuses unknown headings and never loses the
answers (issue 11, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi.cli.new
from kpi.cli import app
from kpi.edit.new import heading_code
from kpi.judge.report import find_measure
from kpi.plan.loader import read_plan

runner = CliRunner()

KPI_TOML = """\
[plan]
name = "孤独・孤立対策重点計画"
edition = 2025
ministries = ["内閣府", "厚生労働省"]

[headings.2025]
"1" = "声を上げやすい社会"
"1-1" = "実態把握"
"2" = "相談支援"
"2-1" = "相談支援体制の整備"
"""

TAKEN = """\
id = "2025-001"
title = "既存の施策"
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "done"
name = "実施"
kind = "qualitative"
"""


@pytest.fixture
def root(tmp_path: Path, make_plan, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(kpi.cli.new, "_interactive", lambda: True)
    return make_plan(tmp_path, {"2025-001.toml": TAKEN}, kpi_toml=KPI_TOML)


def ask(root: Path, answers: list[str]):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["new", "--dir", str(root)], input="\n".join(answers) + "\n")


@pytest.mark.parametrize(("text", "code"), [("(2)①", "2-1"), ("（２）①", "2-1"), ("(3)", "3"), ("1-2", "1-2"), ("二", None)])
def test_heading_as_the_plan_prints_it(text: str, code: str | None) -> None:
    assert heading_code(text) == code


def test_each_answer_is_checked_when_given(root: Path) -> None:
    result = ask(
        root,
        [
            "新しい施策",  # title
            "内閣府",  # ministries
            "1",  # number: taken, asked again at once
            "2",
            "(4)①",  # a heading the plan does not have: asked again
            "(2)①",  # understood as 2-1
            "",  # id: the default 2025-002
            "Bad_Id",  # indicator id: asked again
            "visits",
            "訪問件数",
            "level",
            "件",
            "up",
            "lots",  # target: asked again
            "500",
            "R8",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "No. 1 of the 2025 edition is 2025-001; use a free number (next: 2)" in result.stderr
    assert "The 2025 edition has no heading 4-1; use one of: 1, 1-1, 2, 2-1" in result.stderr
    assert "'Bad_Id' is not a valid indicator id" in result.stderr
    assert "'lots' is not a number" in result.stderr
    measure = find_measure(read_plan(root), "2025-002")
    assert measure.edition(2025).pillar == "2-1"  # type: ignore[union-attr]
    assert measure.indicators[0].target == 500


def test_a_heading_option_the_plan_lacks_is_refused(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi.cli.new, "_interactive", lambda: False)
    options = ["--title", "x", "--ministry", "内閣府", "--number", "5", "--pillar", "(3)②", "--indicator-id", "a"]
    options += ["--indicator-name", "a", "--kind", "qualitative"]
    result = runner.invoke(app, ["new", "--dir", str(root), *options])
    assert result.exit_code == 1
    assert result.stderr == "Error: --pillar 3-2: the 2025 edition has no such heading; use one of: 1, 1-1, 2, 2-1\n"
    assert not (root / "measures" / "2025-005.toml").exists()


def test_answers_are_given_back_when_the_file_cannot_be_made(root: Path) -> None:
    # Each answer is valid alone, but the deadline comes before the start: the whole measure is refused.
    result = ask(
        root, ["累計の施策", "厚生労働省", "", "2-1", "", "total", "累計", "cumulative", "人", "up", "100", "2024", "2026"]
    )
    assert result.exit_code == 1
    assert "deadline: 2024 is before start 2026" in result.stderr
    assert (
        "Your answers: kpi new --id 2025-002 --title 累計の施策 --ministry 厚生労働省 --number 2 --pillar 2-1 "
        "--indicator-id total --indicator-name 累計 --kind cumulative --direction up --unit 人 --target 100 "
        "--deadline 2024 --start 2026"
    ) in result.stderr
