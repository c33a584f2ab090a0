"""Recording figures (`kpi log`) and revising targets (`kpi target`) in measure files.

Each edit reads the file under an exclusive lock, changes only the keys it must (tomlkit), checks
the whole measure with the loader's validation, and replaces the file atomically. A refused edit
leaves the file as it was, byte for byte; so does an edit that would change nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpi import fiscal
from kpi.edit import tomledit
from kpi.edit.values import BadValue, figure_text, listed, parse_figure, parse_status, slips, year_name, year_option
from kpi.i18n import _
from kpi.judge.assess import Assessment, assess_indicator
from kpi.model import Actual, Indicator, Measure, YearBasis

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import Table

# -- the file under edit --------------------------------------------------------------------------------------------


from kpi.edit.session import EditSession, editing_session, indicator_table, locate, unreadable

APPROXIMATE = "概数"  # the note kept with a figure typed as approximate (約12万)


@dataclass(frozen=True)
class LogResult:
    shown: str
    measure: Measure  # after the edit
    indicator: Indicator
    year: int
    old: Actual | None
    new: Actual | None  # None: the entry was deleted
    changed: bool
    assessment: Assessment
    dropped: tuple[tuple[str, str], ...] = ()  # (key, text) of a note or source the replacement did not repeat
    warnings: tuple[str, ...] = ()  # likely slips in the figure (it is recorded all the same)


def log_figure(
    root: Path,
    measure_key: str,
    indicator_id: str | None,
    year_text: str,
    value_text: str,
    *,
    note: str | None = None,
    source: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> LogResult:
    """Record ``value_text`` for ``year_text`` in one indicator, writing the file only if that changes it.

    ``indicator_id`` None picks the only indicator of a one-indicator measure. Replacing a figure (``force``)
    keeps no note or source that was not given again: a 速報値 note must not survive on the final figure.
    """
    located = locate(root, measure_key)
    year = year_option(year_text)
    with editing_session(located) as session:
        index, indicator = session.indicator(indicator_id)
        key: tuple[str | int, ...] = ("indicators", index, "actuals", str(year))
        warnings: list[str] = []
        try:
            if indicator.quantitative:
                figure = parse_figure(value_text, indicator.unit)
                new = Actual(year, value=figure.value)
                warnings = slips(value_text, figure.value, indicator.unit)
                if figure.approximate:
                    note = APPROXIMATE if note is None else f"{note}、{APPROXIMATE}"
            else:
                new = Actual(year, status=parse_status(value_text))
        except BadValue as exc:
            raise session.problem(key, str(exc)) from None
        _check_year(session, key, indicator, year, today)
        old = indicator.actual_for(year)
        replacing = old is not None and (old.value, old.status) != (new.value, new.status)
        kept = {"note": note, "source": source}
        dropped: list[tuple[str, str]] = []
        if old is not None:
            for name, before in (("note", old.note), ("source", old.source)):
                if kept[name] is None and before is not None:
                    if replacing:
                        dropped.append((name, before))
                    else:
                        kept[name] = before
        new = Actual(year, new.value, new.status, kept["note"], kept["source"])
        if old == new:
            measure, changed = session.measure, False
        else:
            if old is not None and not force:
                _refuse_overwrite(session, key, indicator, old, new)
            drop = tuple(name for name, _ in dropped)
            measure = session.edit(lambda doc: _write_actual(doc, located.shown, indicator, new, note, source, drop))
            changed = True
        logged = measure.indicator(indicator.id)
        if logged is None or logged.actual_for(year) != new:  # never write what would not read back
            raise unreadable(located.shown)
    assessment = assess_indicator(logged, year, located.config.thresholds)
    return LogResult(located.shown, measure, logged, year, old, new, changed, assessment, tuple(dropped), tuple(warnings))


def delete_figure(root: Path, measure_key: str, indicator_id: str | None, year_text: str) -> LogResult:
    """Remove one year's entry of an indicator (``kpi log … --delete``); refused when there is none."""
    located = locate(root, measure_key)
    year = year_option(year_text)
    with editing_session(located) as session:
        index, indicator = session.indicator(indicator_id)
        old = indicator.actual_for(year)
        if old is None:
            basis = indicator.year_basis
            recorded = listed([year_name(a.year, basis) for a in indicator.actuals]) or _("none", ctx="value")
            message = _(
                "no entry for {year} to delete in {indicator}; years recorded: {recorded}",
                year=year_name(year, basis),
                indicator=indicator.id,
                recorded=recorded,
            )
            raise session.problem(("indicators", index, "actuals"), message)
        measure = session.edit(lambda doc: _delete_actual(doc, located.shown, indicator.id, year))
        logged = measure.indicator(indicator.id)
        if logged is None or logged.actual_for(year) is not None:
            raise unreadable(located.shown)
    assessment = assess_indicator(logged, year, located.config.thresholds)
    return LogResult(located.shown, measure, logged, year, old, None, True, assessment)


def _delete_actual(doc: TOMLDocument, shown: str, indicator_id: str, year: int) -> None:
    actuals = indicator_table(doc, indicator_id, shown).get("actuals")
    if actuals is not None and str(year) in actuals:
        del actuals[str(year)]


def _check_year(session: EditSession, key: Sequence[str | int], indicator: Indicator, year: int, today: dt.date | None) -> None:
    day = today or dt.date.today()
    calendar = indicator.year_basis is YearBasis.CALENDAR
    now = day.year if calendar else fiscal.current_fiscal_year(day)
    if year > now:
        basis = indicator.year_basis
        message = _(
            "{year} has not begun yet; log figures for {now} or earlier", year=year_name(year, basis), now=year_name(now, basis)
        )
        raise session.problem(key, message)
    # Figures after the deadline are accepted (assessment.md v1.1): they show whether a missed target was reached later.


def _refuse_overwrite(session: EditSession, key: Sequence[str | int], indicator: Indicator, old: Actual, new: Actual) -> None:
    if (old.value, old.status) != (new.value, new.status):
        have, want = figure_text(old, indicator.unit), figure_text(new, indicator.unit)
        message = _("already recorded as {old}; pass --force to replace it with {new}", old=have, new=want)
    elif old.note is not None and old.note != new.note:
        message = _("already recorded as note {old!r}; pass --force to replace it with note {new!r}", old=old.note, new=new.note)
    elif old.source is not None and old.source != new.source:
        message = _(
            "already recorded as source {old!r}; pass --force to replace it with source {new!r}", old=old.source, new=new.source
        )
    else:
        return  # only adds a note or source where there was none: nothing recorded is lost
    raise session.problem(key, message)


def _write_actual(
    doc: TOMLDocument,
    shown: str,
    indicator: Indicator,
    new: Actual,
    note: str | None,
    source: str | None,
    drop: tuple[str, ...] = (),
) -> None:
    from tomlkit.items import InlineTable, String, Table

    table = indicator_table(doc, indicator.id, shown)
    year = str(new.year)
    figure: dict[str, object] = {"value": new.value} if new.status is None else {"status": new.status.value}
    changes = figure | {k: v for k, v in (("note", note), ("source", source)) if v is not None}
    actuals = table.get("actuals")
    existing = actuals.get(year) if actuals is not None else None
    if indicator.awaited_for(new.year) is not None and isinstance(existing, InlineTable | Table):
        existing = None  # a { missing = "集計中" } entry: the figure replaces it whole
    if isinstance(existing, Table):  # a [indicators.actuals.2024] table: set its keys one by one
        for name, value in changes.items():
            tomledit.set_key(existing, name, value)
        for name in drop:
            del existing[name]
        return
    if isinstance(existing, InlineTable):  # keep its other keys, their order and writing
        for name in drop:
            del existing[name]
        text = tomledit.inline_text(existing, changes)
    elif len(changes) > len(figure) or (new.status is not None and not isinstance(existing, String)):
        text = tomledit.toml_text(changes)
    else:  # a bare figure stays bare: 2024 = 120000, or 2024 = "done"
        text = tomledit.toml_text(next(iter(figure.values())))
    _place(table, new.year, text)


def _place(table: Table, year: int, text: str) -> None:
    """Set ``year = text`` in the indicator's actuals, in year order, creating [indicators.actuals] when needed."""
    from tomlkit.items import InlineTable, Table

    actuals = table.get("actuals")
    if actuals is None:
        tomledit.insert_table(table, "actuals", tomledit.new_table({str(year): text}), before="revisions")
    elif isinstance(actuals, InlineTable):
        table["actuals"] = tomledit.inline_with(actuals, {str(year): text})
    elif str(year) in actuals:
        if isinstance(actuals[str(year)], Table):
            del actuals[str(year)]
            actuals.add(str(year), tomledit.parse(f"x = {text}\n")["x"])
        else:
            actuals[str(year)] = tomledit.parse(f"x = {text}\n")["x"]
    else:
        position = tomledit.year_key_position(actuals.value, year)
        tomledit.insert_key(actuals.value, position, str(year), tomledit.parse(f"x = {text}\n")["x"])
