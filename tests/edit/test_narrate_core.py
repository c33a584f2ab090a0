"""The write path of the yearly report: record_report, add_comment and answer_comment on real files."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.edit.narrate import ReportChange, add_comment, answer_comment, record_report
from kpi.errors import KpiError, ProblemError
from kpi.plan.loader import read_plan

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py; test modules do not import it)

TODAY = dt.date(2025, 7, 1)  # FY2025

MEASURE = """\
# 施策ファイル
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
target = 130000  # 令和8年度
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2022 = 98000
2024 = 100000
"""


def plan(make_plan: MakePlan, tmp_path: Path, text: str | bytes = MEASURE) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": text})


def file_of(root: Path) -> Path:
    return root / "measures" / "2024-008.toml"


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_a_new_report_is_added_at_the_end_and_reads_back(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    change = ReportChange(
        done="サイトを改修した。\n動画を3本制作。", issues="認知度が低い。", next="広報を強化する。", budget="1,234.5"
    )
    result = record_report(root, "8", "R6", change, today=TODAY)
    assert result.year == 2024 and result.old is None and result.changed
    assert [c.field for c in result.changes] == ["done", "issues", "next", "budget"]
    after = file_of(root).read_text("utf-8")
    assert after.startswith(MEASURE)
    assert after[len(MEASURE) :] == (
        '\n[reports.2024]\ndone = """\nサイトを改修した。\n動画を3本制作。"""\nissues = "認知度が低い。"\n'
        'next = "広報を強化する。"\nbudget = 1234.5\n'
    )
    report = read_plan(root).measures[0].report(2024)
    assert report is not None and report.done == "サイトを改修した。\n動画を3本制作。" and report.budget == 1234.5


def test_the_same_call_twice_changes_nothing(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    change = ReportChange(done="実施した。", budget=12)
    record_report(root, "2024-008", 2024, change, today=TODAY)
    before = file_of(root).read_bytes()
    again = record_report(root, "2024-008", 2024, change, today=TODAY)
    assert not again.changed and again.changes == ()
    assert file_of(root).read_bytes() == before


def test_replacing_text_reports_old_and_new_and_changes_one_line(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    record_report(root, "8", 2024, ReportChange(done="A", issues="B", contact="総務課"), today=TODAY)
    before = file_of(root).read_text("utf-8")
    result = record_report(root, "8", 2024, ReportChange(issues="C", contact="総務課"), today=TODAY)
    assert [(c.field, c.old, c.new) for c in result.changes] == [("issues", "B", "C")]
    assert changed_lines(before, file_of(root).read_text("utf-8")) == ['- issues = "B"', '+ issues = "C"']


def test_an_empty_text_removes_the_key(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    record_report(root, "8", 2024, ReportChange(done="A", next="B"), today=TODAY)
    result = record_report(root, "8", 2024, ReportChange(next="", budget=""), today=TODAY)
    assert [(c.field, c.old, c.new) for c in result.changes] == [("next", "B", None)]
    assert "next" not in file_of(root).read_text("utf-8")


def test_new_keys_keep_the_report_order_and_years_stay_in_order(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    record_report(root, "8", 2024, ReportChange(next="N", budget=5), today=TODAY)
    record_report(root, "8", 2024, ReportChange(done="D"), today=TODAY)
    record_report(root, "8", 2023, ReportChange(done="earlier"), today=TODAY)
    tail = file_of(root).read_text("utf-8")[len(MEASURE) :]
    assert tail == '\n[reports.2023]\ndone = "earlier"\n\n[reports.2024]\ndone = "D"\nnext = "N"\nbudget = 5\n'
    assert [r.year for r in read_plan(root).measures[0].reports] == [2023, 2024]


def test_comments_and_layout_survive_with_crlf_and_bom(tmp_path: Path, make_plan: MakePlan) -> None:
    raw = b"\xef\xbb\xbf" + (MEASURE + '\n[reports.2024]  # 令和6年度\ndone = "A"  # 実績\n').replace("\n", "\r\n").encode()
    root = plan(make_plan, tmp_path, raw)
    record_report(root, "8", 2024, ReportChange(done="B", issues="一行目\n二行目"), today=TODAY)
    after = file_of(root).read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\n") == after.count(b"\r\n")
    text = after.decode("utf-8-sig")
    assert '[reports.2024]  # 令和6年度\r\ndone = "B"  # 実績\r\nissues = """\r\n一行目\r\n二行目"""\r\n' in text
    assert read_plan(root).measures[0].report(2024).issues == "一行目\n二行目"  # type: ignore[union-attr]


def test_control_characters_are_refused_by_name_and_nothing_is_written(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    with pytest.raises(ProblemError) as caught:
        record_report(root, "8", 2024, ReportChange(done="ベル\x07"), today=TODAY)
    assert str(caught.value) == (
        "measures/2024-008.toml: reports.2024.done: contains the control character U+0007; "
        "remove it (only newlines and tabs may be in text)"
    )
    assert file_of(root).read_text("utf-8") == MEASURE


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        ("-3", "is not a budget; write the year's budget in 百万円 as a number ≥ 0, e.g. 130.5"),
        ("たくさん", "'たくさん' is not a number; write the budget in 百万円 as digits, e.g. 130.5 or 1,234"),
    ],
)
def test_a_bad_budget_is_refused(tmp_path: Path, make_plan: MakePlan, budget: str, message: str) -> None:
    root = plan(make_plan, tmp_path)
    with pytest.raises(ProblemError, match=r"reports\.2024\.budget") as caught:
        record_report(root, "8", 2024, ReportChange(budget=budget), today=TODAY)
    assert str(caught.value).endswith(message)
    assert file_of(root).read_text("utf-8") == MEASURE


def test_a_budget_with_its_unit_and_full_width_digits_is_read(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    assert record_report(root, "8", 2024, ReportChange(budget="１３０．５百万円"), today=TODAY).changes[0].new == 130.5


def test_a_year_not_begun_is_refused(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    with pytest.raises(KpiError, match=r"^FY2026 has not begun yet; write the report for FY2025 or an earlier year$"):
        record_report(root, "8", 2026, ReportChange(done="x"), today=TODAY)


def test_submitted_is_a_date(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    record_report(root, "8", 2024, ReportChange(done="x", submitted="2025-06-15"), today=TODAY)
    assert "submitted = 2025-06-15\n" in file_of(root).read_text("utf-8")
    with pytest.raises(ProblemError, match="is not a date; write it as 2026-06-15"):
        record_report(root, "8", 2024, ReportChange(submitted="6月15日"), today=TODAY)


def test_comments_are_added_once_and_answered(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    first = add_comment(root, "8", 2024, "有識者会議", "周知を強化されたい。", today=TODAY)
    assert (first.number, first.changed, first.old) == (1, True, None)
    again = add_comment(root, "8", 2024, "有識者会議", "周知を強化されたい。", today=TODAY)
    assert (again.number, again.changed) == (1, False)
    second = add_comment(root, "8", 2024, "推進会議", "二行の\n意見", today=TODAY)
    assert second.number == 2
    before = file_of(root).read_text("utf-8")
    answered = answer_comment(root, "8", 2024, 1, "SNS広告を始める。", today=TODAY)
    assert answered.changed and answered.old is not None and answered.old.response is None
    assert answered.new.response == "SNS広告を始める。"
    assert changed_lines(before, file_of(root).read_text("utf-8")) == ['+ response = "SNS広告を始める。"']
    assert not answer_comment(root, "8", 2024, 1, "SNS広告を始める。", today=TODAY).changed
    comments = read_plan(root).measures[0].report(2024).comments  # type: ignore[union-attr]
    assert [(c.by, c.text, c.response) for c in comments] == [
        ("有識者会議", "周知を強化されたい。", "SNS広告を始める。"),
        ("推進会議", "二行の\n意見", None),
    ]


def test_answering_a_comment_that_is_not_there(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path)
    with pytest.raises(ProblemError) as caught:
        answer_comment(root, "8", 2024, 1, "x", today=TODAY)
    assert str(caught.value) == (
        "measures/2024-008.toml: reports.2024.comments: there is no comment 1 for FY2024; "
        "the report has no comment (see `kpi show`)"
    )


def test_a_report_of_comments_only_then_gets_its_texts(tmp_path: Path, make_plan: MakePlan) -> None:
    root = plan(make_plan, tmp_path, MEASURE + "\n[reports.2025]\nbudget = 1\n")
    add_comment(root, "8", 2024, "有識者会議", "意見", today=TODAY)
    assert file_of(root).read_text("utf-8")[len(MEASURE) :] == (
        '\n[[reports.2024.comments]]\nfrom = "有識者会議"\ntext = "意見"\n\n[reports.2025]\nbudget = 1\n'
    )
    record_report(root, "8", 2024, ReportChange(done="実施"), today=TODAY)
    assert file_of(root).read_text("utf-8")[len(MEASURE) :] == (
        '\n[reports.2024]\ndone = "実施"\n\n[[reports.2024.comments]]\nfrom = "有識者会議"\ntext = "意見"\n\n'
        "[reports.2025]\nbudget = 1\n"
    )


# Any text an officer could give, quotes, backslashes and TOML's own delimiters included (not control characters).
PIECES = st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(['"', "\\", "\n", "\t", '"""', "'''", "#", "\\n"])
TEXTS = st.lists(PIECES, min_size=1, max_size=20).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(done=TEXTS, issues=TEXTS)
def test_any_text_reads_back_as_written(tmp_path: Path, make_plan: MakePlan, done: str, issues: str) -> None:
    root = plan(make_plan, tmp_path)
    file_of(root).write_text(MEASURE, "utf-8")
    record_report(root, "8", 2024, ReportChange(done=done, issues=issues), today=TODAY)
    report = read_plan(root).measures[0].report(2024)
    expected = (done.strip() or None, issues.strip() or None)
    assert (report.done, report.issues) == expected if report is not None else expected == (None, None)
    before = file_of(root).read_bytes()
    assert not record_report(root, "8", 2024, ReportChange(done=done, issues=issues), today=TODAY).changed
    assert file_of(root).read_bytes() == before
