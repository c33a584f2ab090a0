"""Validation of one ``[[indicators]]`` table of a measure file: its keys by kind, actuals and revisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kpi import fiscal
from kpi.errors import BadYear, Severity
from kpi.model import Actual, Awaited, Direction, Indicator, Kind, Milestone, QualStatus, Revision, Stage, YearBasis
from kpi.plan.fields import (
    ACTUAL_KEYS,
    DIRECTION_WORDS,
    INDICATOR_ID,
    INDICATOR_KEYS,
    MILESTONE_KEYS,
    NEEDS_DEADLINE,
    NEEDS_TARGET,
    QUAL_LABELS,
    REVISION_FIELDS,
    REVISION_KEYS,
    STAGE_WORDS,
    STATUS_FIX,
    TAKES_MILESTONES,
    TAKES_START,
    YEAR_KEY,
    FieldReader,
    number_text,
)
from kpi.plan.tomlread import KeyPath, show_value


class IndicatorReader:
    """Validation of one [[indicators]] table, including its actuals and revisions."""

    def __init__(self, parent: FieldReader, body: dict[str, Any], index: int) -> None:
        self.p = parent
        self.body = body
        self.path: tuple[str | int, ...] = ("indicators", index)

    def indicator(self) -> Indicator | None:
        p, body, path = self.p, self.body, self.path
        before = p.errors
        p.unknown_keys(body, INDICATOR_KEYS, path)
        indicator_id = p.string(body, "id", path, required=True)
        if indicator_id is not None and not INDICATOR_ID.fullmatch(indicator_id):
            got = show_value(indicator_id)
            p.problem((*path, "id"), f'{got} is not a valid indicator id; use a-z, 0-9 and "-", e.g. "access-count"')
        name = p.string(body, "name", path, required=True)
        kind = self.choice("kind", Kind, required=True)
        if kind is None:
            return None
        direction = self.choice("direction", Direction, required=kind is not Kind.QUALITATIVE)
        if kind is Kind.QUALITATIVE and "direction" in body:
            p.problem((*path, "direction"), "qualitative indicators have no direction; remove the key", Severity.WARNING)
        basis = self.choice("year_basis", YearBasis) or YearBasis.FISCAL
        stage = self.choice("stage", Stage)
        unit = p.string(body, "unit", path) or ""
        primary = body.get("primary", False)
        if not isinstance(primary, bool):
            p.problem((*path, "primary"), f"expected true or false, got {show_value(primary)}; write primary = true")
            primary = False
        target = self.target(kind)
        deadline = p.year(
            body, "deadline", path, required=kind in NEEDS_DEADLINE, hint=f" ({kind.value} indicators need the target's year)"
        )
        baseline, baseline_year = self.baseline(kind)
        counts = " (the first year that counts toward the total)"
        start = p.year(body, "start", path, required=kind is Kind.CUMULATIVE, hint=counts, example=2024)
        if "start" in body and kind not in TAKES_START:
            fix = f"remove it from this {kind.value} one"
            p.problem((*path, "start"), f"only cumulative and every_year indicators have a start; {fix}")
        if deadline is not None and baseline_year is not None and deadline < baseline_year:
            p.problem(
                (*path, "deadline"),
                f"{deadline} is before baseline_year {baseline_year}; a target's year cannot precede its baseline: "
                "fix the deadline or the baseline_year",
            )
        if deadline is not None and start is not None and deadline < start and kind in TAKES_START:
            p.problem((*path, "deadline"), f"{deadline} is before start {start}; fix the deadline or the start year")
        milestones = self.milestones(kind, deadline, baseline_year, start)
        limit = self.p.as_number(body["limit"], (*path, "limit")) if "limit" in body else None
        source = p.string(body, "source", path)
        entries = self.actuals(kind)
        actuals = tuple(a for a in entries if isinstance(a, Actual))
        awaited = tuple(a for a in entries if isinstance(a, Awaited))
        revisions = self.revisions()
        self.warn_wrong_side(direction, target, baseline)
        if p.errors > before:
            return None
        return Indicator(
            id=indicator_id or "",
            name=name or "",
            kind=kind,
            direction=direction,
            unit=unit,
            primary=primary,
            target=target,
            deadline=deadline,
            baseline=baseline,
            baseline_year=baseline_year,
            start=start,
            milestones=milestones,
            limit=limit,
            year_basis=basis,
            source=source,
            actuals=actuals,
            revisions=revisions,
            stage=stage,
            awaited=awaited,
        )

    def choice(
        self, key: str, enum: type[Kind] | type[Direction] | type[YearBasis] | type[Stage], *, required: bool = False
    ) -> Any:
        value = self.body.get(key)
        options = ", ".join(e.value for e in enum)
        if value is None:
            if required:
                self.p.problem((*self.path, key), f'required key is missing; add {key} = "..." (one of {options})')
            return None
        if isinstance(value, str):
            for member in enum:
                if member.value == value:
                    return member
        fix = f"use one of {options}"
        if enum is Direction:
            meant = DIRECTION_WORDS.get(str(value))
            both = 'use "up" (上向き: higher is better) or "down" (下向き: lower is better)'
            fix = f'write direction = "{meant}"' if meant else both
        elif enum is Stage and str(value) in STAGE_WORDS:
            fix = f'write stage = "{STAGE_WORDS[str(value)]}"'
        self.p.problem((*self.path, key), f"unknown {key} {show_value(value)}; {fix}")
        return None

    def number(self, key: str, *, required: bool = False, hint: str = "", fill: str = "<number>") -> float | None:
        value = self.body.get(key)
        if value is None:
            if required:
                self.p.problem((*self.path, key), f"required key is missing{hint}; add {key} = {fill}")
            return None
        return self.p.as_number(value, (*self.path, key))

    def target(self, kind: Kind) -> float | None:
        if kind in NEEDS_TARGET:
            fill = "<the threshold each year>" if kind is Kind.EVERY_YEAR else "<the figure to reach>"
            return self.number("target", required=True, hint=f" ({kind.value} indicators need one)", fill=fill)
        if "target" in self.body:
            fix = 'use kind = "level" with a deadline, or remove target' if kind is Kind.TREND else "remove it"
            self.p.problem((*self.path, "target"), f"{kind.value} indicators have no numeric target; {fix}")
        return None

    def baseline(self, kind: Kind) -> tuple[float | None, int | None]:
        p, body, path = self.p, self.body, self.path
        if "baseline" not in body and "baseline_year" in body:
            if kind is Kind.TREND:
                p.problem(
                    (*path, "baseline"),
                    "required key is missing (trend indicators compare with a baseline); "
                    "add baseline = <the figure of baseline_year>",
                )
            else:
                p.problem(
                    (*path, "baseline_year"),
                    "is set but baseline is missing; add baseline = <the figure of that year>, or remove baseline_year",
                )
            p.as_year(body["baseline_year"], (*path, "baseline_year"), 2023)
            return None, None
        baseline = self.number(
            "baseline",
            required=kind is Kind.TREND,
            hint=" (trend indicators compare with a baseline)",
            fill="<the figure to compare with> and baseline_year = <its year>",
        )
        if "baseline" not in body:
            return None, None
        if "baseline_year" not in body:
            # Pointed at the baseline's line: the year goes beside it.
            p.problem(
                (*path, "baseline_year"),
                "required key is missing (a baseline needs its year); add baseline_year = <year>, e.g. baseline_year = 2023",
                at=(*path, "baseline"),
            )
            return baseline, None
        baseline_year = p.year(body, "baseline_year", path, example=2023)
        return baseline, baseline_year

    def milestones(self, kind: Kind, deadline: int | None, baseline_year: int | None, start: int | None) -> tuple[Milestone, ...]:
        value = self.body.get("milestones")
        path = (*self.path, "milestones")
        if value is None:
            return ()
        if kind not in TAKES_MILESTONES:
            self.p.problem(path, f"only level and cumulative indicators have milestones; remove them from this {kind.value} one")
            return ()
        if not isinstance(value, list):
            self.p.problem(path, f"expected a list, got {show_value(value)}; write milestones = [{{ year = 2025, value = 50 }}]")
            return ()
        out: list[Milestone] = []
        for index, entry in enumerate(value):
            at = (*path, index)
            body = self.p.table(entry, at, "{ year = 2025, value = 50 }")
            if body is None:
                return ()
            self.p.unknown_keys(body, MILESTONE_KEYS, at)
            year = self.p.year(body, "year", at, required=True, example=2025)
            number = self.p.as_number(body["value"], (*at, "value")) if "value" in body else None
            if "value" not in body:
                self.p.problem((*at, "value"), "required key is missing; add value = <the interim target>")
            if year is None or number is None:
                return ()
            if out and year <= out[-1].year:
                previous = out[-1].year
                fix = "list milestones by year, earliest first, each year once"
                self.p.problem((*at, "year"), f"{year} comes after {previous}; {fix}")
                return ()
            if deadline is not None and year >= deadline:
                self.p.problem(
                    (*at, "year"),
                    f"{year} is not before the deadline {deadline}; a milestone is an interim target: "
                    "move it before the deadline, or make it the target",
                )
                return ()
            first = baseline_year if baseline_year is not None else (start - 1 if start is not None else None)
            if first is not None and year <= first:
                since = f"baseline_year {baseline_year}" if baseline_year is not None else f"start {start}"
                self.p.problem((*at, "year"), f"{year} is not after the {since}; a milestone lies between baseline and deadline")
                return ()
            out.append(Milestone(year, number))
        return tuple(out)

    def actuals(self, kind: Kind) -> tuple[Actual | Awaited, ...]:
        value = self.body.get("actuals")
        path = (*self.path, "actuals")
        if value is None:
            return ()
        table = self.p.table(value, path, "[indicators.actuals] with lines like 2024 = 120000")
        if table is None:
            return ()
        out = []
        for key, entry in table.items():
            if not YEAR_KEY.fullmatch(key):
                self.p.problem((*path, key), f"{show_value(key)} is not a year key; {self._year_key_fix(key)}")
                continue
            actual = self.actual(int(key), entry, (*path, key), kind)
            if actual is not None:
                out.append(actual)
        return tuple(sorted(out, key=lambda a: a.year))

    @staticmethod
    def _year_key_fix(key: str) -> str:
        if key in INDICATOR_KEYS:
            return f"{key} is a key of the [[indicators]] table: move it above [indicators.actuals]"
        try:
            return f"write {fiscal.parse_year(key)} = ... instead"
        except BadYear:
            return "each key is a year, like 2024 = 120000"

    def actual(self, year: int, entry: object, path: KeyPath, kind: Kind) -> Actual | Awaited | None:
        p = self.p
        qualitative = kind is Kind.QUALITATIVE
        if isinstance(entry, dict):
            p.unknown_keys(entry, ACTUAL_KEYS, path)
            note = p.string(entry, "note", path)
            source = p.string(entry, "source", path)
            if "missing" in entry:
                return self.awaited(year, entry, path, note)
            if qualitative:
                if "value" in entry:
                    p.problem((*path, "value"), f"qualitative indicators take a status, not a value; {STATUS_FIX}")
                    return None
                return self.qual_actual(year, entry.get("status"), (*path, "status"), note, source)
            if "status" in entry:
                fix = f"give this {kind.value} indicator a value = <number>"
                p.problem((*path, "status"), f"only qualitative indicators have a status; {fix}")
                return None
            if "value" not in entry:
                p.problem((*path, "value"), f"required key is missing; add value = <the figure of {year}>")
                return None
            number = p.as_number(entry["value"], (*path, "value"))
            return None if number is None else Actual(year, value=number, note=note, source=source)
        if qualitative:
            return self.qual_actual(year, entry, path, None, None)
        number = p.as_number(entry, path)
        return None if number is None else Actual(year, value=number)

    def awaited(self, year: int, entry: dict[str, Any], path: KeyPath, note: str | None) -> Awaited | None:
        """``{ missing = "集計中" }``: no figure yet, and why (v1.1); never together with a value or status."""
        given = [key for key in ("value", "status") if key in entry]
        if given:
            self.p.problem(
                (*path, given[0]), f"a year has a figure or a reason it is missing, not both; remove {given[0]} or missing"
            )
            return None
        reason = self.p.string(entry, "missing", path, required=True)
        return None if reason is None else Awaited(year, reason.strip(), note)

    def qual_actual(self, year: int, status: object, path: KeyPath, note: str | None, source: str | None) -> Actual | None:
        if isinstance(status, str):
            found = QUAL_LABELS.get(status)
            if found is None and status in {q.value for q in QualStatus}:
                found = QualStatus(status)
            if found is not None:
                return Actual(year, status=found, note=note, source=source)
        if status is None:
            message = f"required key is missing; {STATUS_FIX}"
        else:
            message = f"unknown status {show_value(status)}; use done, in_progress or not_started (実施済, 実施中, 未着手)"
        self.p.problem(path, message)
        return None

    def revisions(self) -> tuple[Revision, ...]:
        value = self.body.get("revisions")
        path = (*self.path, "revisions")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.p.problem(path, "expected [[indicators.revisions]] tables (double brackets)")
            return ()
        out = []
        for index, entry in enumerate(value):
            revision = self.revision(entry, (*path, index))
            if revision is not None:
                out.append(revision)
        return tuple(out)

    def revision(self, entry: object, path: KeyPath) -> Revision | None:
        p = self.p
        body = p.table(entry, path, "[[indicators.revisions]]")
        if body is None:
            return None
        p.unknown_keys(body, REVISION_KEYS, path)
        date = body.get("date")
        if date is None:
            p.problem((*path, "date"), "required key is missing; add the day of the change: date = 2025-06-01 (no quotes)")
            return None
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            p.problem((*path, "date"), f"expected a date like 2025-06-01 (no quotes), got {show_value(date)}")
            return None
        changed = p.string(body, "field", path, required=True)
        if changed is not None and changed not in REVISION_FIELDS:
            fields = ", ".join(sorted(REVISION_FIELDS))
            p.problem((*path, "field"), f"{show_value(changed)} is not a revisable field; use one of {fields}")
            return None
        reason = p.string(body, "reason", path, required=True)
        missing = [key for key in ("old", "new") if key not in body]
        if missing:
            key = missing[0]
            p.problem((*path, key), f"required key is missing; a revision records both old and new values: add {key} = ...")
            return None
        if changed is None or reason is None:
            return None
        return Revision(date, changed, body["old"], body["new"], reason)

    def warn_wrong_side(self, direction: Direction | None, target: float | None, baseline: float | None) -> None:
        if direction is None or target is None or baseline is None:
            return
        if (direction is Direction.UP and target < baseline) or (direction is Direction.DOWN and target > baseline):
            side = "below" if direction is Direction.UP else "above"
            self.p.problem(
                (*self.path, "target"),
                f'{number_text(target)} is {side} the baseline {number_text(baseline)} for direction "{direction.value}"; '
                "check the direction, the target and the baseline",
                Severity.WARNING,
            )
