"""Revising a target (`kpi target`): change target, deadline, baseline or milestones with a recorded reason.

The changed keys and one ``[[indicators.revisions]]`` entry per changed field go into the file in
the same atomic write; a change that would make the measure invalid is refused and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpi.edit import tomledit
from kpi.edit.session import KeyChange, editing_session, indicator_table, locate
from kpi.edit.values import BadValue, parse_number, year_name, year_option
from kpi.errors import KpiError
from kpi.i18n import _
from kpi.judge.assess import Assessment, assess_indicator
from kpi.judge.report import evaluation_year
from kpi.model import Indicator, Measure
from kpi.plan.fields import NOT_SET

if TYPE_CHECKING:
    from tomlkit import TOMLDocument

FIELDS = ("target", "deadline", "baseline", "baseline_year", "milestones")


@dataclass(frozen=True)
class TargetResult:
    shown: str
    measure: Measure  # after the edit
    indicator: Indicator
    changes: tuple[KeyChange, ...]  # empty when the file already said all of it
    date: dt.date
    assessment: Assessment


@dataclass(frozen=True)
class TargetChange:
    """What the officer asked for; None leaves a field as it is. A milestone value of None removes it."""

    target: str | None = None
    deadline: str | None = None
    baseline: str | None = None
    baseline_year: str | None = None
    milestones: Sequence[str] = ()  # "FY=V", or "FY=" to remove the milestone of FY


def parse_milestone(text: str, unit: str) -> tuple[int, int | float | None]:
    """``2025=50`` / ``R7=50`` -> (2025, 50); ``2025=`` -> (2025, None), which removes it."""
    folded = unicodedata.normalize("NFKC", text)
    year_text, sep, value_text = folded.partition("=")
    if not sep or not year_text.strip():
        raise BadValue(_("--milestone {value!r}: write YEAR=VALUE, like 2025=50 (or 2025= to remove it)", value=text))
    year = year_option(year_text.strip(), "--milestone")
    if not value_text.strip():
        return year, None
    try:
        return year, parse_number(value_text, unit)
    except BadValue as exc:
        raise BadValue(_("--milestone {value!r}: {problem}", value=text, problem=exc)) from None


def revise_target(
    root: Path, measure_key: str, indicator_id: str, change: TargetChange, reason: str | None, *, today: dt.date | None = None
) -> TargetResult:
    """Apply ``change`` to one indicator with ``reason`` recorded; write nothing if it changes nothing."""
    if reason is None or not reason.strip():
        raise KpiError(
            _("--reason is required: say why the target changes (it is kept in [[indicators.revisions]]); nothing was changed")
        )
    if change == TargetChange():
        raise KpiError(_("nothing to revise; give --target, --deadline, --baseline, --baseline-year or --milestone"))
    day = today or dt.date.today()
    located = locate(root, measure_key)
    with editing_session(located) as session:
        index, indicator = session.indicator(indicator_id)
        wanted = _wanted(change, indicator)
        deadline = wanted.get("deadline")
        later = [a.year for a in indicator.actuals if isinstance(deadline, int) and a.year > deadline]
        if later and deadline != indicator.deadline:
            message = _(
                "--deadline {deadline} is before the figure already recorded for {latest}; a target's year cannot "
                "come before the figures judged against it: give --deadline {year} or later",
                deadline=deadline,
                latest=year_name(max(later), indicator.year_basis),
                year=max(later),
            )
            raise session.problem(("indicators", index, "deadline"), message)
        doc = tomledit.parse(session.text)
        table = indicator_table(doc, indicator_id, located.shown)
        changes = _changes(table.unwrap(), wanted)
        measure = session.measure
        if changes:
            measure = session.edit(lambda doc: _apply(doc, located.shown, indicator_id, changes, reason.strip(), day))
    revised = measure.indicator(indicator_id)
    assert revised is not None
    assessment = assess_indicator(revised, evaluation_year(None), located.config.thresholds)
    return TargetResult(located.shown, measure, revised, tuple(changes), day, assessment)


def _wanted(change: TargetChange, indicator: Indicator) -> dict[str, object]:
    """The new value of every field the officer named, as it will be written."""
    wanted: dict[str, object] = {}
    for option, text in (("target", change.target), ("baseline", change.baseline)):
        if text is not None:
            try:
                wanted[option] = parse_number(text, indicator.unit)
            except BadValue as exc:
                raise BadValue(f"--{option}: {exc}") from None
    if change.deadline is not None:
        wanted["deadline"] = year_option(change.deadline, "--deadline")
    if change.baseline_year is not None:
        wanted["baseline_year"] = year_option(change.baseline_year, "--baseline-year")
    if change.milestones:
        current = {m.year: m.value for m in indicator.milestones}
        for text in change.milestones:
            year, value = parse_milestone(text, indicator.unit)
            if value is None:
                if year not in current:
                    there = year_name(year, indicator.year_basis)
                    raise BadValue(_("--milestone {value!r}: there is no milestone for {year} to remove", value=text, year=there))
                del current[year]
            else:
                current[year] = value
        wanted["milestones"] = [{"year": y, "value": current[y]} for y in sorted(current)]
    return wanted


def _changes(table: dict[str, object], wanted: dict[str, object]) -> list[KeyChange]:
    changes = []
    for field in FIELDS:
        if field in wanted:
            old = table.get(field, [] if field == "milestones" else NOT_SET)
            if not _same(old, wanted[field]):
                changes.append(KeyChange(field, old, wanted[field]))
    return changes


def _same(old: object, new: object) -> bool:
    """130000 and 130000.0 are the same target; anything else compares as written."""
    numbers = (int, float)
    if isinstance(old, numbers) and isinstance(new, numbers) and not isinstance(old, bool):
        return float(old) == float(new)
    return old == new


def _apply(doc: TOMLDocument, shown: str, indicator_id: str, changes: Sequence[KeyChange], reason: str, day: dt.date) -> None:
    table = indicator_table(doc, indicator_id, shown)
    for change in changes:
        if change.field == "milestones" and change.new == []:
            del table["milestones"]
        else:
            tomledit.set_key(table, change.field, change.new)
    for change in changes:
        entry = {"date": day, "field": change.field, "old": change.old, "new": change.new, "reason": reason}
        tomledit.append_entry(table, "revisions", tomledit.table_entry(entry))
