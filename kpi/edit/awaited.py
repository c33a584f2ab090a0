"""Recording that a year's figure is not in yet, and why (``集計中``): ``{ missing = "集計中" }`` in the actuals.

The same safe edit session as `kpi log` (lock, whole-measure check, atomic write, only the changed line); a later
`kpi log` of the figure replaces the entry whole. Used by `kpi import` for cells where an officer wrote 集計中.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kpi.edit import tomledit
from kpi.edit.log import _check_year, _place
from kpi.edit.session import editing_session, indicator_table, locate, unreadable
from kpi.edit.values import figure_text, year_option
from kpi.i18n import _
from kpi.model import Actual, Awaited
from kpi.plan.fields import control_character

COMPILING = "集計中"


@dataclass(frozen=True)
class AwaitedResult:
    shown: str
    year: int
    old: Actual | Awaited | None
    new: Awaited
    changed: bool


def log_missing(
    root: Path,
    measure_key: str,
    indicator_id: str,
    year_text: str,
    reason: str = COMPILING,
    *,
    force: bool = False,
    today: dt.date | None = None,
) -> AwaitedResult:
    """Record that ``year_text``'s figure is not in yet, and why: ``{ missing = "集計中" }``; a figure needs --force."""
    located = locate(root, measure_key)
    year = year_option(year_text)
    with editing_session(located) as session:
        index, indicator = session.indicator(indicator_id)
        key: tuple[str | int, ...] = ("indicators", index, "actuals", str(year))
        why = reason.strip()
        if not why or control_character(why) is not None:
            raise session.problem(key, _("{value!r} is not a reason; write a short text such as 集計中", value=reason))
        _check_year(session, key, indicator, year, today)
        old: Actual | Awaited | None = indicator.actual_for(year) or indicator.awaited_for(year)
        new = Awaited(year, why, old.note if isinstance(old, Awaited) else None)
        if old == new:
            return AwaitedResult(located.shown, year, old, new, False)
        if isinstance(old, Actual) and not force:
            message = _(
                "already recorded as {old}; pass --force to replace it with {new}", old=figure_text(old, indicator.unit), new=why
            )
            raise session.problem(key, message)
        text = tomledit.toml_text({"missing": why} | ({"note": new.note} if new.note else {}))
        measure = session.edit(lambda doc: _place(indicator_table(doc, indicator.id, located.shown), year, text))
        after = measure.indicator(indicator_id)
        if after is None or after.awaited_for(year) != new or after.actual_for(year) is not None:
            raise unreadable(located.shown)
    return AwaitedResult(located.shown, year, old, new, True)
