"""The v1.1 keys: [reports.<FY>], [[reports.<FY>.comments]], rs_ids and an indicator's stage — loaded, and
refused with one located line that says the fix; the JSON Schema holds the same keys."""

# ruff: noqa: E501  (each expected message stays on one line, exactly as `kpi check` prints it)

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.model import Stage
from kpi.plan import fields
from kpi.plan.loader import check_plan, read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py; test modules do not import it)
VALID = Path(__file__).resolve().parents[1] / "data" / "valid"

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "kpi" / "schema" / "measure.schema.json").read_text("utf-8"))

HEAD = """\
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "qualitative"
"""


def problems(make_plan: MakePlan, tmp_path: Path, tail: str, head: str = HEAD) -> list[str]:
    root = make_plan(tmp_path, {"2024-008.toml": head + tail})
    return [str(p) for p in check_plan(root)]


def test_the_golden_v11_file_loads_every_key(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"2025-103.toml": (VALID / "2025-103.toml").read_bytes()})
    assert check_plan(root) == ()
    measure = read_plan(root).measures[0]
    assert measure.rs_ids == ("0123-4567", "0089")
    assert [i.stage for i in measure.indicators] == [Stage.OUTPUT, Stage.LONG_OUTCOME]
    report = measure.report(2024)
    assert report is not None
    assert report.done == "居場所づくり推進事業により、120自治体の立上げを支援した。\nアドバイザー派遣 45件。"
    assert (report.budget, report.budget_note, report.contact, str(report.submitted)) == (
        130.5,
        "当初予算、補正含まず",
        "社会・援護局地域福祉課",
        "2025-06-15",
    )
    assert [(c.by, c.answered) for c in report.comments] == [("有識者会議", True), ("推進会議", False)]
    assert measure.report(2025) is not None and measure.report(2025).budget == 142  # type: ignore[union-attr]
    assert measure.report(2023) is None


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        ('\n[reports.R6]\ndone = "x"\n', 'measures/2024-008.toml:14: reports.R6: "R6" is not a year; write [reports.2024]'),
        (
            '\n[reports.next]\ndone = "x"\n',
            'measures/2024-008.toml:14: reports.next: "next" is not a year; name the table after the fiscal year it reports on, e.g. [reports.2025]',
        ),
        (
            "\n[reports.2024]\nbudget = -1\n",
            "measures/2024-008.toml:15: reports.2024.budget: -1 is below zero; write the year's budget in 百万円, e.g. budget = 130.5",
        ),
        (
            '\n[reports.2024]\nbudget = "130百万円"\n',
            'measures/2024-008.toml:15: reports.2024.budget: expected a number, got "130百万円"; write budget = 130 (digits only: no quotes, commas or units)',
        ),
        (
            "\n[reports.2024]\nbudget = nan\n",
            "measures/2024-008.toml:15: reports.2024.budget: nan is not a usable number; write a finite number, e.g. budget = 1234.5",
        ),
        (
            '\n[reports.2024]\ndone = "ベル\\u0007"\n',
            "measures/2024-008.toml:15: reports.2024.done: contains the control character U+0007; remove it (only newlines and tabs may be in text)",
        ),
        (
            "\n[reports.2024]\ndone = 5\n",
            'measures/2024-008.toml:15: reports.2024.done: expected text in quotes, got 5; write done = "..."',
        ),
        (
            '\n[reports.2024]\nsubmitted = "2025/06/15"\n',
            'measures/2024-008.toml:15: reports.2024.submitted: expected a date like 2026-06-15 (no quotes), got "2025/06/15"',
        ),
        (
            '\n[[reports.2024.comments]]\nfrom = "有識者会議"\n',
            'measures/2024-008.toml:14: reports.2024.comments[0].text: required key is missing; add text = "..."',
        ),
        (
            '\n[reports.2024]\ncomments = "x"\n',
            'measures/2024-008.toml:15: reports.2024.comments: expected [[reports.2024.comments]] with from = "有識者会議" and text = "..." (double brackets)',
        ),
    ],
    ids=[
        "era-year",
        "word-year",
        "negative-budget",
        "budget-text",
        "nan-budget",
        "control",
        "done-number",
        "submitted-text",
        "comment-without-text",
        "comments-not-tables",
    ],
)
def test_bad_report_keys_are_located_errors(tmp_path: Path, make_plan: MakePlan, tail: str, message: str) -> None:
    assert problems(make_plan, tmp_path, tail) == [message]


def test_unknown_keys_in_a_report_are_warnings(tmp_path: Path, make_plan: MakePlan) -> None:
    found = problems(
        make_plan, tmp_path, '\n[reports.2024]\ndoen = "x"\n\n[[reports.2024.comments]]\nfrom = "a"\ntext = "b"\nanswer = "c"\n'
    )
    assert found == [
        'measures/2024-008.toml:15: warning: reports.2024.doen: unknown key, ignored; did you mean "done"?',
        "measures/2024-008.toml:20: warning: reports.2024.comments[0].answer: unknown key, ignored; check the spelling (known here: from, response, text)",
    ]


def test_a_report_key_at_the_top_says_where_it_belongs(tmp_path: Path, make_plan: MakePlan) -> None:
    head = HEAD.replace('ministries = ["厚生労働省"]\n', 'ministries = ["厚生労働省"]\ndone = "x"\n')
    assert problems(make_plan, tmp_path, "", head) == [
        "measures/2024-008.toml:4: warning: done: unknown key, ignored; "
        '"done" is a key of a year\'s report table, [reports.<year>], not of this table; move it there, or fix the name'
    ]


def test_reports_must_be_tables(tmp_path: Path, make_plan: MakePlan) -> None:
    head = HEAD.replace('ministries = ["厚生労働省"]\n', 'ministries = ["厚生労働省"]\nreports = "x"\n')
    assert problems(make_plan, tmp_path, "", head) == [
        'measures/2024-008.toml:4: reports: expected a table, got "x"; write it as [reports.2025] with done = "...", issues = "...", next = "...", budget = 130.5'
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "rs_ids = [123]",
            'measures/2024-008.toml:4: rs_ids: expected the ids as text in quotes, got [123]; write rs_ids = ["123"]',
        ),
        (
            'rs_ids = "0123"',
            'measures/2024-008.toml:4: rs_ids: expected a list of ids in quotes, got "0123"; write rs_ids = ["0123"]',
        ),
    ],
)
def test_rs_ids_are_texts(tmp_path: Path, make_plan: MakePlan, line: str, message: str) -> None:
    head = HEAD.replace('ministries = ["厚生労働省"]\n', f'ministries = ["厚生労働省"]\n{line}\n')
    assert problems(make_plan, tmp_path, "", head) == [message]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            '"アウトプット"',
            'measures/2024-008.toml:13: indicators[0].stage: unknown stage "アウトプット"; write stage = "output"',
        ),
        (
            '"outcome"',
            'measures/2024-008.toml:13: indicators[0].stage: unknown stage "outcome"; use one of activity, output, short_outcome, mid_outcome, long_outcome',
        ),
    ],
)
def test_stage_is_one_of_five(tmp_path: Path, make_plan: MakePlan, value: str, message: str) -> None:
    assert problems(make_plan, tmp_path, f"stage = {value}\n") == [message]


def test_the_schema_has_the_report_keys() -> None:
    defs = SCHEMA["$defs"]
    assert set(defs["report"]["properties"]) == fields.REPORT_KEYS
    assert set(defs["comment"]["properties"]) == fields.COMMENT_KEYS
    assert defs["indicator"]["properties"]["stage"]["enum"] == [s.value for s in Stage]
    assert list(SCHEMA["properties"]["reports"]["patternProperties"]) == [fields.YEAR_KEY.pattern]


def test_the_cache_keeps_reports_stage_and_rs_ids(tmp_path: Path, make_plan: MakePlan) -> None:
    import marshal

    from kpi.plan.plain import measure_from_plain, plain_measure

    root = make_plan(tmp_path, {"2025-103.toml": (VALID / "2025-103.toml").read_bytes()})
    measure = read_plan(root).measures[0]
    back = measure_from_plain(marshal.loads(marshal.dumps(plain_measure(measure))))
    assert back is not None
    object.__setattr__(back, "path", measure.path)
    assert back == measure
    assert back.reports[0].submitted is not None and back.indicators[0].stage is Stage.OUTPUT
