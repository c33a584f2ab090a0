"""Heading words come from kpi.toml's [headings.<edition>] tables, not from code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kpi.export.pillars import heading
from kpi.judge.report import build_report
from kpi.plan.config import load_config
from kpi.plan.loader import read_plan

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
DEFAULT_KPI_TOML = (DATA / "plans" / "default" / "kpi.toml").read_text("utf-8")  # what make_plan writes by default
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

HEADINGS = '\n[headings.2025]\n"1-2" = "支援情報の発信"\n"3" = "地域づくり"\n'


def test_headings_are_read_per_edition(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, DEFAULT_KPI_TOML + HEADINGS)
    config, problems = load_config(root)
    assert problems == []
    assert config.headings == {2025: {"1-2": "支援情報の発信", "3": "地域づくり"}}


def test_report_carries_the_current_editions_words(tmp_path: Path, make_plan: MakePlan) -> None:
    measure = (VALID / "2024-008.toml").read_text("utf-8")
    root = make_plan(tmp_path, {"2024-008.toml": measure}, DEFAULT_KPI_TOML + HEADINGS)
    report = build_report(read_plan(root), year=2024)
    assert report.headings == {"1-2": "支援情報の発信", "3": "地域づくり"}
    assert heading("1-2", report.headings) == "(1)② 支援情報の発信"
    assert heading("2-1", report.headings) == "(2)①"  # no words given: the code alone


def test_bad_heading_entries_are_located_errors(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, DEFAULT_KPI_TOML + '\n[headings.2025]\n"(1)②" = "x"\n"2-1" = 3\n')
    _, problems = load_config(root)
    first = DEFAULT_KPI_TOML.count("\n") + 3  # the blank line and the header come first
    assert [str(p) for p in problems] == [
        f'kpi.toml:{first}: headings.2025.(1)②: expected "1-2" = "the heading\'s words", got (1)② = "x"',
        f'kpi.toml:{first + 1}: headings.2025.2-1: expected "1-2" = "the heading\'s words", got 2-1 = 3',
    ]


def test_the_shipped_plan_names_every_heading_it_uses() -> None:
    root = Path(__file__).resolve().parents[2]
    plan = read_plan(root)
    for edition, words in plan.config.headings.items():
        used = {code for m in plan.measures for e in m.editions if e.year == edition for code in (e.pillar, *e.also)}
        assert used <= set(words), (edition, used - set(words))
