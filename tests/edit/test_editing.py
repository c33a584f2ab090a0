"""`kpi log` and `kpi target` in the library: values, refusals, idempotence, and log-then-load."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.edit.log import log_figure
from kpi.edit.target import TargetChange, revise_target
from kpi.edit.values import BadValue, parse_number, parse_status
from kpi.errors import KpiError, ProblemError, UnknownIndicator, UnknownMeasure
from kpi.judge.report import find_measure
from kpi.model import Actual, QualStatus, Status
from kpi.plan.loader import read_plan

FILE = "measures/2024-008.toml"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
FixturePlan = Callable[[str], Any]  # the fixture_plan fixture


def measure_file(root: Path) -> Path:
    return root / FILE


def loaded(root: Path, key: str = "2024-008", indicator: str = "access"):  # type: ignore[no-untyped-def]
    found = find_measure(read_plan(root), key).indicator(indicator)
    assert found is not None
    return found


# -- values ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1234", "", 1234),
        ("1,234", "回", 1234),
        ("1,234,567", "回", 1234567),
        ("１２３４", "回", 1234),
        ("１，２３４", "回", 1234),
        ("45.2%", "%", 45.2),
        ("４５．２％", "%", 45.2),
        ("130,000回", "回", 130000),
        ("-3.5", "%", -3.5),
        ("▲3", "人", -3),
        ("1e3", "", 1000.0),
    ],
)
def test_parse_number_accepts_what_officers_write(text: str, unit: str, expected: float) -> None:
    value = parse_number(text, unit)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("abc", "回", "'abc' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)"),
        ("1,23", "回", "'1,23' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)"),
        ("1.234,5", "回", "'1.234,5' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)"),
        ("45%", "人", "'45%' is a percentage but the indicator's unit is '人'; write the number alone"),
        ("", "回", "'' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)"),
        (
            "99999999999999999999",
            "",
            "'99999999999999999999' is too large for a TOML integer; write it with a decimal point or a smaller unit",
        ),
    ],
)
def test_parse_number_refuses_ambiguous_text(text: str, unit: str, message: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_number(text, unit)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("done", QualStatus.DONE),
        ("in_progress", QualStatus.IN_PROGRESS),
        ("not_started", QualStatus.NOT_STARTED),
        ("実施済", QualStatus.DONE),
        ("実施中", QualStatus.IN_PROGRESS),
        ("未着手", QualStatus.NOT_STARTED),
        ("In-Progress", QualStatus.IN_PROGRESS),
        ("not started", QualStatus.NOT_STARTED),
    ],
)
def test_parse_status(text: str, expected: QualStatus) -> None:
    assert parse_status(text) is expected


# -- kpi log --------------------------------------------------------------------------------------------------------


def test_log_new_year_by_number_and_era(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "8", "awareness", "令和7年度", "45.2%", today=today)
    assert result.changed and result.old is None
    assert result.new == Actual(2025, value=45.2)
    assert loaded(root, indicator="awareness").actual_for(2025) == Actual(2025, value=45.2)
    assert result.assessment.year == 2025 and result.assessment.actual == 45.2


def test_log_prints_assessment_for_logged_year(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "2024-008", "access", "2025", "128,000", today=today)
    # baseline 98,000 (2022) -> 130,000 (2026): 3/4 of the way expected, 30/32 done
    assert result.assessment.status is Status.ON_TRACK
    assert result.assessment.progress == pytest.approx(30000 / 32000)


def test_log_same_value_twice_leaves_file_byte_identical(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    first = log_figure(root, "8", "access", "2025", "125000", note="速報値", today=today)
    assert first.changed
    before = measure_file(root).read_bytes()
    stat = measure_file(root).stat()
    again = log_figure(root, "8", "access", "FY2025", "125,000", note="速報値", today=today)
    assert not again.changed
    assert measure_file(root).read_bytes() == before
    assert measure_file(root).stat().st_ino == stat.st_ino  # not even rewritten


def test_log_refuses_overwrite_without_force(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = measure_file(root).read_bytes()
    with pytest.raises(ProblemError) as caught:
        log_figure(root, "8", "access", "2024", "125000", today=today)
    assert str(caught.value) == (
        "measures/2024-008.toml:23: indicators[0].actuals.2024: already recorded as 120,000 回; "
        "pass --force to replace it with 125,000 回"
    )
    assert measure_file(root).read_bytes() == before


def test_log_force_replaces_value_and_drops_the_note_not_repeated(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    # Issue 11 item 7: a 速報値 note must not survive on the final figure unnoticed.
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "8", "access", "2023", "111000", force=True, today=today)
    assert result.old == Actual(2023, value=110000, note="速報値")
    assert result.new == Actual(2023, value=111000)
    assert result.dropped == (("note", "速報値"),)
    assert "2023 = { value = 111000 }\n" in measure_file(root).read_text("utf-8")


def test_log_note_on_unannotated_year_needs_no_force(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "8", "access", "2024", "120000", note="確定値", source="白書", today=today)
    assert result.changed
    assert loaded(root).actual_for(2024) == Actual(2024, value=120000, note="確定値", source="白書")


def test_log_replacing_a_note_needs_force(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    with pytest.raises(ProblemError, match="already recorded as note '速報値'; pass --force to replace it with note '確定値'"):
        log_figure(root, "8", "access", "2023", "110000", note="確定値", today=today)
    log_figure(root, "8", "access", "2023", "110000", note="確定値", force=True, today=today)
    assert loaded(root).actual_for(2023) == Actual(2023, value=110000, note="確定値")


def test_log_qualitative_status(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "8", "survey", "R6", "実施済", today=today)
    assert result.new.status is QualStatus.DONE
    assert result.assessment.status is Status.DONE
    assert loaded(root, indicator="survey").actual_for(2024) == Actual(2024, status=QualStatus.DONE)


@pytest.mark.parametrize(
    ("indicator", "year", "value", "message"),
    [
        (
            "access",
            "2025",
            "たくさん",
            "measures/2024-008.toml:21: indicators[0].actuals.2025: "
            "'たくさん' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)",
        ),
        (
            "survey",
            "2024",
            "12",
            "measures/2024-008.toml:34: indicators[2].actuals.2024: '12' is not a status; "
            "use done, in_progress or not_started (実施済, 実施中, 未着手)",
        ),
        (
            "access",
            "2027",
            "1",
            "measures/2024-008.toml:21: indicators[0].actuals.2027: FY2027 has not begun yet; log figures for FY2025 or earlier",
        ),
        (
            "nope",
            "2024",
            "1",
            "measures/2024-008.toml: no indicator 'nope' in 2024-008; its indicators: access, awareness, survey, rate",
        ),
        (
            "access",
            "next year",
            "1",
            'year: \'next year\' is not a year; use a year like 2024, "FY2024", "R6" or "令和6年度"',
        ),
    ],
)
def test_log_bad_input_is_one_line_and_leaves_file(
    tmp_path: Path, make_plan: MakePlan, today: dt.date, indicator: str, year: str, value: str, message: str
) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = measure_file(root).read_bytes()
    with pytest.raises(KpiError) as caught:
        log_figure(root, "8", indicator, year, value, today=today)
    assert str(caught.value) == message
    assert measure_file(root).read_bytes() == before


def test_log_after_deadline_is_accepted(tmp_path: Path, make_plan: MakePlan) -> None:
    # assessment.md v1.1: figures after the deadline show whether a missed target was reached later.
    root = make_plan(tmp_path, plan="edit")
    result = log_figure(root, "8", "access", "2027", "1", today=dt.date(2028, 5, 1))
    assert result.changed and result.new is not None and result.new.year == 2027


def test_unknown_indicator_is_its_own_error(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    with pytest.raises(UnknownIndicator):
        log_figure(make_plan(tmp_path, plan="edit"), "8", "nope", "2024", "1", today=today)


@pytest.mark.parametrize("key", ["../../etc/passwd", "measures/2024-008.toml", "/etc/passwd", "2024-008.toml", "..", "99"])
def test_measure_argument_is_never_a_path(tmp_path: Path, make_plan: MakePlan, today: dt.date, key: str) -> None:
    root = make_plan(tmp_path, plan="edit")
    with pytest.raises(UnknownMeasure) as caught:
        log_figure(root, key, "access", "2024", "1", today=today)
    assert str(caught.value).startswith(f"no such measure: {key!r}")


def test_log_into_a_broken_measure_names_its_problem(
    tmp_path: Path, make_plan: MakePlan, fixture_plan: FixturePlan, today: dt.date
) -> None:
    root = make_plan(
        tmp_path,
        {"2024-008.toml": fixture_plan("edit").measures["2024-008"].replace('kind = "trend"', 'kind = "trnd"')},
        plan="edit",
    )
    with pytest.raises(ProblemError, match=r'^measures/2024-008.toml:42: indicators\[3\].kind: unknown kind "trnd"; use one of'):
        log_figure(root, "2024-008", "access", "2024", "1", today=today)


# -- kpi target -----------------------------------------------------------------------------------------------------


def test_target_records_revision_in_same_write(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    day = dt.date(2025, 6, 1)
    result = revise_target(root, "8", "access", TargetChange(target="140,000", deadline="R9"), "2025年改定", today=day)
    assert [(c.field, c.old, c.new) for c in result.changes] == [("target", 130000, 140000), ("deadline", 2026, 2027)]
    indicator = loaded(root)
    assert (indicator.target, indicator.deadline) == (140000, 2027)
    assert [(r.date, r.field, r.old, r.new, r.reason) for r in indicator.revisions] == [
        (day, "target", 130000, 140000, "2025年改定"),
        (day, "deadline", 2026, 2027, "2025年改定"),
    ]
    assert "target = 140000  # 令和8年度\n" in measure_file(root).read_text("utf-8")


def test_target_milestones_add_replace_remove(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    revise_target(root, "8", "access", TargetChange(milestones=("2024=115000", "R7=120000")), "中間目標", today=today)
    assert [(m.year, m.value) for m in loaded(root).milestones] == [(2024, 115000), (2025, 120000)]
    revise_target(root, "8", "access", TargetChange(milestones=("2024=",)), "見直し", today=today)
    assert [(m.year, m.value) for m in loaded(root).milestones] == [(2025, 120000)]
    revisions = loaded(root).revisions
    assert revisions[0].old == [] and revisions[1].new == [{"year": 2025, "value": 120000}]


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_target_without_reason_changes_nothing(tmp_path: Path, make_plan: MakePlan, today: dt.date, reason: str | None) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = measure_file(root).read_bytes()
    with pytest.raises(KpiError) as caught:
        revise_target(root, "8", "access", TargetChange(target="1"), reason, today=today)
    assert str(caught.value) == (
        "--reason is required: say why the target changes (it is kept in [[indicators.revisions]]); nothing was changed"
    )
    assert measure_file(root).read_bytes() == before


def test_target_that_makes_measure_invalid_is_refused(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = measure_file(root).read_bytes()
    with pytest.raises(ProblemError) as caught:
        revise_target(root, "8", "access", TargetChange(baseline_year="2027"), "誤り", today=today)
    assert str(caught.value).startswith("measures/2024-008.toml:")
    assert "indicators[0].deadline: 2026 is before baseline_year 2027" in str(caught.value)
    assert measure_file(root).read_bytes() == before


def test_target_on_trend_is_refused_by_validation(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    with pytest.raises(ProblemError, match=r"indicators\[3\].target: trend indicators have no numeric target"):
        revise_target(root, "8", "rate", TargetChange(target="10"), "x", today=today)


def test_target_unchanged_writes_nothing(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    before = measure_file(root).read_bytes()
    result = revise_target(root, "8", "access", TargetChange(target="130,000.0", deadline="2026"), "same", today=today)
    assert result.changes == ()
    assert measure_file(root).read_bytes() == before


def test_target_needs_something_to_revise(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    with pytest.raises(KpiError, match=r"^nothing to revise; give --target"):
        revise_target(make_plan(tmp_path, plan="edit"), "8", "access", TargetChange(), "x", today=today)


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        (TargetChange(target="lots"), "--target: 'lots' is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)"),
        (TargetChange(milestones=("2025",)), "--milestone '2025': write YEAR=VALUE, like 2025=50 (or 2025= to remove it)"),
        (TargetChange(milestones=("2023=",)), "--milestone '2023=': there is no milestone for FY2023 to remove"),
        (
            TargetChange(deadline="soon"),
            '--deadline: \'soon\' is not a year; use a year like 2024, "FY2024", "R6" or "令和6年度"',
        ),
    ],
)
def test_target_bad_values(tmp_path: Path, make_plan: MakePlan, today: dt.date, revision: TargetChange, message: str) -> None:
    with pytest.raises(KpiError) as caught:
        revise_target(make_plan(tmp_path, plan="edit"), "8", "access", revision, "x", today=today)
    assert str(caught.value) == message


# -- log then load (property) ------------------------------------------------------------------------------------

numbers = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
)
notes = st.none() | st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def written(value: int | float, style: int) -> str:
    """The officer's way of typing ``value``: plain, with thousands commas, or full-width."""
    if isinstance(value, float):
        return repr(value).translate(FULL_WIDTH) if style == 2 else repr(value)
    text = f"{value:,}" if style >= 1 else str(value)
    return text.translate(FULL_WIDTH) if style == 2 else text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    indicator=st.sampled_from(["access", "awareness", "rate"]),
    year=st.integers(min_value=2000, max_value=2025),
    value=numbers,
    style=st.integers(min_value=0, max_value=2),
    note=notes,
    source=notes,
)
def test_log_then_load_returns_what_was_logged(
    make_plan: MakePlan,
    today: dt.date,
    indicator: str,
    year: int,
    value: int | float,
    style: int,
    note: str | None,
    source: str | None,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_plan(Path(folder), plan="edit")
        before = find_measure(read_plan(root), "8")
        log_figure(root, "8", indicator, str(year), written(value, style), note=note, source=source, force=True, today=today)
        after = find_measure(read_plan(root), "8")
        logged = after.indicator(indicator)
        assert logged is not None
        old = before.indicator(indicator).actual_for(year)  # type: ignore[union-attr]
        # A replaced figure keeps only the note and source given again (issue 11); the same figure keeps them.
        same = old is not None and old.value == value
        keep_note = note if note is not None else (old.note if old and same else None)
        keep_source = source if source is not None else (old.source if old and same else None)
        assert logged.actual_for(year) == Actual(year, value=value, note=keep_note, source=keep_source)
        # everything else is exactly as before
        assert [a for a in logged.actuals if a.year != year] == [a for a in before.indicator(indicator).actuals if a.year != year]  # type: ignore[union-attr]
        others_after = {i.id: i for i in after.indicators if i.id != indicator}
        assert others_after == {i.id: i for i in before.indicators if i.id != indicator}
        assert (after.id, after.title, after.ministries, after.editions) == (
            before.id,
            before.title,
            before.ministries,
            before.editions,
        )


@settings(max_examples=20, deadline=None)
@given(year=st.integers(min_value=2000, max_value=2025), status=st.sampled_from(["done", "in_progress", "実施中", "未着手"]))
def test_log_then_load_qualitative(make_plan: MakePlan, today: dt.date, year: int, status: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_plan(Path(folder), plan="edit")
        log_figure(root, "8", "survey", str(year), status, today=today)
        assert loaded(root, indicator="survey").actual_for(year) == Actual(year, status=parse_status(status))
