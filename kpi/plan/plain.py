"""Loaded measures as plain data (tuples, lists, dicts, numbers, text) and back, for the cache's ``marshal`` file.

``marshal`` reads nothing but such data: unlike ``pickle`` it cannot be made to call anything, so a planted or
corrupt cache file can at worst fail to read. Each record is the tuple of its fields in declaration order (taken
from the dataclass, so a new plain field travels without a change here); enums go as their values, dates as
ordinals, and a measure's path is left out (it is the file's path in the run that reads it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from kpi.errors import Problem, Severity
from kpi.i18n import _
from kpi.model import (
    Actual,
    Awaited,
    Comment,
    Counting,
    Direction,
    Edition,
    Indicator,
    Item,
    Kind,
    Measure,
    Milestone,
    QualStatus,
    Report,
    Revision,
    Stage,
    YearBasis,
)

__all__ = ["measure_from_plain", "plain_measure", "plain_problems", "problems_from_plain"]

Plain = tuple[Any, ...]

_INDICATOR = tuple(f.name for f in fields(Indicator))
_KINDS = {k.value: k for k in Kind}
_DIRECTIONS: dict[str | None, Direction | None] = {d.value: d for d in Direction} | {None: None}
_STATUSES: dict[str | None, QualStatus | None] = {q.value: q for q in QualStatus} | {None: None}
_BASES = {y.value: y for y in YearBasis}
_STAGES: dict[str | None, Stage | None] = {s.value: s for s in Stage} | {None: None}
_COUNTINGS = {c.value: c for c in Counting}
_SEVERITIES = {s.value: s for s in Severity}
# Indicator fields that are not plain data as they stand
_SPECIAL = frozenset({"kind", "direction", "year_basis", "counting", "milestones", "actuals", "revisions", "stage", "awaited"})


# -- to plain data ------------------------------------------------------------------------------------------------------


def plain_measure(m: Measure | None) -> Plain | None:
    if m is None:
        return None
    return (
        m.id,
        m.title,
        m.ministries,
        tuple((e.year, e.number, e.pillar, e.also) for e in m.editions),
        tuple(_plain_indicator(i) for i in m.indicators),
        m.retired,
        tuple((item.title, item.ministries) for item in m.items),
        m.rs_ids,
        tuple(_plain_report(r) for r in m.reports),
    )


def _plain_report(r: Report) -> Plain:
    submitted = r.submitted.toordinal() if r.submitted is not None else None
    comments = tuple((c.by, c.text, c.response) for c in r.comments)
    return (r.year, r.done, r.issues, r.next, r.budget, r.budget_note, r.contact, submitted, comments)


def _plain_indicator(i: Indicator) -> Plain:
    values = []
    for name in _INDICATOR:
        value = getattr(i, name)
        if name in _SPECIAL:
            if name == "milestones":
                value = tuple((x.year, x.value) for x in value)
            elif name == "actuals":
                value = tuple((a.year, a.value, a.status.value if a.status else None, a.note, a.source) for a in value)
            elif name == "revisions":
                value = tuple((r.date.toordinal(), r.field, _plain_any(r.old), _plain_any(r.new), r.reason) for r in value)
            elif name == "awaited":
                value = tuple((a.year, a.reason, a.note) for a in value)
            else:
                value = value.value if value is not None else None
        values.append(value)
    return tuple(values)


def _plain_any(value: object) -> object:
    """A revision's old or new value, as TOML gave it: dates and times become tagged tuples (TOML has no tuples)."""
    if value is None or type(value) in (int, float, str, bool):
        return value
    if isinstance(value, list):
        return [_plain_any(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_any(v) for k, v in value.items()}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return (type(value).__name__, value.isoformat())
    raise ValueError(_("{kind} is not TOML data", kind=type(value).__name__))


def plain_problems(problems: list[Problem]) -> Plain:
    return tuple((p.path, p.key, p.message, p.line, p.severity.value) for p in problems)


# -- from plain data -----------------------------------------------------------------------------------------------------


def measure_from_plain(t: Plain | None) -> Measure | None:
    if t is None:
        return None
    mid, title, ministries, editions, indicators, retired, items, rs_ids, reports = t
    return Measure(
        mid,
        title,
        ministries,
        tuple([Edition(*e) for e in editions]),
        tuple([_indicator(i) for i in indicators]),
        None,  # type: ignore[arg-type]  # the caller puts the file's path
        retired,
        tuple([Item(*item) for item in items]),
        rs_ids,
        tuple([_report(r) for r in reports]),
    )


def _report(t: Plain) -> Report:
    year, done, issues, next_, budget, budget_note, contact, submitted, comments = t
    day = dt.date.fromordinal(submitted) if submitted is not None else None
    said = tuple([Comment(*c) for c in comments])
    return Report(year, done, issues, next_, budget, budget_note, contact, day, said)


_AT = {name: _INDICATOR.index(name) for name in _SPECIAL}
_KIND, _DIRECTION, _BASIS, _STAGE = _AT["kind"], _AT["direction"], _AT["year_basis"], _AT["stage"]
_AWAITED, _COUNTING, _MILESTONES, _ACTUALS, _REVISIONS = (
    _AT["awaited"], _AT["counting"], _AT["milestones"], _AT["actuals"], _AT["revisions"]
)  # fmt: skip

# An Actual is the most numerous record (one per figure): made by setting its five slots directly, which is what its
# frozen __init__ does at twice the cost. The plain tuple's order is checked against the class's fields here.
assert tuple(f.name for f in fields(Actual)) == ("year", "value", "status", "note", "source")
_NEW = object.__new__
_SET_YEAR, _SET_VALUE, _SET_STATUS, _SET_NOTE, _SET_SOURCE = (getattr(Actual, f.name).__set__ for f in fields(Actual))


def _actual(year: int, value: float | None, status: str | None, note: str | None, source: str | None) -> Actual:
    actual: Actual = _NEW(Actual)
    _SET_YEAR(actual, year)
    _SET_VALUE(actual, value)
    _SET_STATUS(actual, _STATUSES[status])
    _SET_NOTE(actual, note)
    _SET_SOURCE(actual, source)
    return actual


def _indicator(t: Plain) -> Indicator:
    v = list(t)
    v[_KIND] = _KINDS[v[_KIND]]
    v[_DIRECTION] = _DIRECTIONS[v[_DIRECTION]]
    v[_BASIS] = _BASES[v[_BASIS]]
    v[_STAGE] = _STAGES[v[_STAGE]]
    if v[_AWAITED]:
        v[_AWAITED] = tuple([Awaited(*a) for a in v[_AWAITED]])
    v[_COUNTING] = _COUNTINGS[v[_COUNTING]]
    if v[_MILESTONES]:
        v[_MILESTONES] = tuple([Milestone(*m) for m in v[_MILESTONES]])
    v[_ACTUALS] = tuple([_actual(*a) for a in v[_ACTUALS]])
    revisions = v[_REVISIONS]
    if revisions:
        v[_REVISIONS] = tuple([Revision(dt.date.fromordinal(o), f, _any(old), _any(new), r) for o, f, old, new, r in revisions])
    return Indicator(*v)


def _any(value: Any) -> object:
    if isinstance(value, tuple):
        kind, text = value
        if kind == "datetime":
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text) if kind == "date" else dt.time.fromisoformat(text)
    if isinstance(value, list):
        return [_any(v) for v in value]
    if isinstance(value, dict):
        return {k: _any(v) for k, v in value.items()}
    return value


def problems_from_plain(t: Plain) -> list[Problem]:
    return [Problem(path, key, message, line, _SEVERITIES[severity]) for path, key, message, line, severity in t]
