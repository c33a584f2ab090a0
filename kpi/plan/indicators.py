"""Validation of one ``[[indicators]]`` table of a measure file: its keys by kind, actuals and revisions."""

from __future__ import annotations

from typing import Any

from kpi import fiscal
from kpi.errors import BadYear, Severity
from kpi.i18n import _
from kpi.model import Actual, Awaited, Counting, Direction, Indicator, Kind, Milestone, QualStatus, Stage, YearBasis
from kpi.plan.fields import (
    ACTUAL_KEYS,
    DIRECTION_WORDS,
    INDICATOR_ID,
    INDICATOR_KEYS,
    MILESTONE_KEYS,
    NEEDS_DEADLINE,
    NEEDS_TARGET,
    QUAL_LABELS,
    STAGE_WORDS,
    STATUS_FIX,
    TAKES_MILESTONES,
    TAKES_START,
    YEAR_KEY,
    FieldReader,
    number_text,
)
from kpi.plan.revisions import read_revisions
from kpi.plan.tomlread import KeyPath, show_value
from kpi.text import listing


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
            p.problem((*path, "id"), _('{got} is not a valid indicator id; use a-z, 0-9 and "-", e.g. "access-count"', got=got))
        name = p.string(body, "name", path, required=True)
        kind = self.choice("kind", Kind, required=True)
        if kind is None:
            return None
        direction = self.choice("direction", Direction, required=kind is not Kind.QUALITATIVE)
        if kind is Kind.QUALITATIVE and "direction" in body:
            p.problem((*path, "direction"), _("qualitative indicators have no direction; remove the key"), Severity.WARNING)
        basis = self.choice("year_basis", YearBasis) or YearBasis.FISCAL
        stage = self.choice("stage", Stage)
        counting = self.choice("counting", Counting) or Counting.YEARLY
        if "counting" in body and kind is not Kind.CUMULATIVE:
            message = _("only cumulative indicators have counting; remove it from this {kind} one", kind=kind.value)
            p.problem((*path, "counting"), message)
        unit = p.string(body, "unit", path) or ""
        primary = body.get("primary", False)
        if not isinstance(primary, bool):
            p.problem((*path, "primary"), _("expected true or false, got {got}; write primary = true", got=show_value(primary)))
            primary = False
        target = self.target(kind)
        hint = _(" ({kind} indicators need the target's year)", kind=kind.value)
        deadline = p.year(body, "deadline", path, required=kind in NEEDS_DEADLINE, hint=hint)
        baseline, baseline_year = self.baseline(kind)
        counts = _(" (the first year that counts toward the total)")
        start = p.year(body, "start", path, required=kind is Kind.CUMULATIVE, hint=counts, example=2024)
        if "start" in body and kind not in TAKES_START:
            message = _("only cumulative and every_year indicators have a start; remove it from this {kind} one", kind=kind.value)
            p.problem((*path, "start"), message)
        if deadline is not None and baseline_year is not None and deadline < baseline_year:
            p.problem(
                (*path, "deadline"),
                _(
                    "{deadline} is before baseline_year {baseline_year}; a target's year cannot precede its baseline: "
                    "fix the deadline or the baseline_year",
                    deadline=deadline,
                    baseline_year=baseline_year,
                ),
            )
        if deadline is not None and start is not None and deadline < start and kind in TAKES_START:
            message = _("{deadline} is before start {start}; fix the deadline or the start year", deadline=deadline, start=start)
            p.problem((*path, "deadline"), message)
        milestones = self.milestones(kind, deadline, baseline_year, start)
        limit = self.p.as_number(body["limit"], (*path, "limit")) if "limit" in body else None
        source = p.string(body, "source", path)
        entries = self.actuals(kind)
        actuals = tuple(a for a in entries if isinstance(a, Actual))
        awaited = tuple(a for a in entries if isinstance(a, Awaited))
        revisions = read_revisions(p, self.body.get("revisions"), (*self.path, "revisions"))
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
            counting=counting,
            source=source,
            actuals=actuals,
            revisions=revisions,
            stage=stage,
            awaited=awaited,
        )

    def choice(
        self,
        key: str,
        enum: type[Kind] | type[Direction] | type[YearBasis] | type[Stage] | type[Counting],
        *,
        required: bool = False,
    ) -> Any:
        value = self.body.get(key)
        if value is None:
            if required:
                options = listing(e.value for e in enum)
                self.p.problem(
                    (*self.path, key),
                    _('required key is missing; add {key} = "..." (one of {options})', key=key, options=options),
                )
            return None
        if isinstance(value, str):
            for member in enum:
                if member.value == value:
                    return member
        if enum is Direction:
            meant = DIRECTION_WORDS.get(str(value))
            if meant:
                fix = _('write direction = "{meant}"', meant=meant)
            else:
                fix = _('use "up" (上向き: higher is better) or "down" (下向き: lower is better)')
        elif enum is Stage and str(value) in STAGE_WORDS:
            fix = _('write stage = "{stage}"', stage=STAGE_WORDS[str(value)])
        else:
            fix = _("use one of {options}", options=listing(e.value for e in enum))
        self.p.problem((*self.path, key), _("unknown {key} {got}; {fix}", key=key, got=show_value(value), fix=fix))
        return None

    def number(self, key: str, *, required: bool = False, hint: str = "", fill: str = "<number>") -> float | None:
        value = self.body.get(key)
        if value is None:
            if required:
                self.p.problem(
                    (*self.path, key), _("required key is missing{hint}; add {key} = {fill}", hint=hint, key=key, fill=fill)
                )
            return None
        return self.p.as_number(value, (*self.path, key))

    def target(self, kind: Kind) -> float | None:
        if kind in NEEDS_TARGET:
            fill = _("<the threshold each year>") if kind is Kind.EVERY_YEAR else _("<the figure to reach>")
            return self.number("target", required=True, hint=_(" ({kind} indicators need one)", kind=kind.value), fill=fill)
        if "target" in self.body:
            fix = _('use kind = "level" with a deadline, or remove target') if kind is Kind.TREND else _("remove it", ctx="fix")
            message = _("{kind} indicators have no numeric target; {fix}", kind=kind.value, fix=fix)
            self.p.problem((*self.path, "target"), message)
        return None

    def baseline(self, kind: Kind) -> tuple[float | None, int | None]:
        p, body, path = self.p, self.body, self.path
        if "baseline" not in body and "baseline_year" in body:
            if kind is Kind.TREND:
                p.problem(
                    (*path, "baseline"),
                    _(
                        "required key is missing (trend indicators compare with a baseline); "
                        "add baseline = <the figure of baseline_year>"
                    ),
                )
            else:
                p.problem(
                    (*path, "baseline_year"),
                    _("is set but baseline is missing; add baseline = <the figure of that year>, or remove baseline_year"),
                )
            p.as_year(body["baseline_year"], (*path, "baseline_year"), 2023)
            return None, None
        baseline = self.number(
            "baseline",
            required=kind is Kind.TREND,
            hint=_(" (trend indicators compare with a baseline)"),
            fill=_("<the figure to compare with> and baseline_year = <its year>"),
        )
        if "baseline" not in body:
            return None, None
        if "baseline_year" not in body:
            # Pointed at the baseline's line: the year goes beside it.
            p.problem(
                (*path, "baseline_year"),
                _("required key is missing (a baseline needs its year); add baseline_year = <year>, e.g. baseline_year = 2023"),
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
            message = _("only level and cumulative indicators have milestones; remove them from this {kind} one", kind=kind.value)
            self.p.problem(path, message)
            return ()
        if not isinstance(value, list):
            message = _(
                "expected a list, got {got}; write milestones = [{example}]",
                got=show_value(value),
                example="{ year = 2025, value = 50 }",
            )
            self.p.problem(path, message)
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
                self.p.problem((*at, "value"), _("required key is missing; add value = <the interim target>"))
            if year is None or number is None:
                return ()
            if out and year <= out[-1].year:
                previous = out[-1].year
                message = _(
                    "{year} comes after {previous}; list milestones by year, earliest first, each year once",
                    year=year,
                    previous=previous,
                )
                self.p.problem((*at, "year"), message)
                return ()
            if deadline is not None and year >= deadline:
                self.p.problem(
                    (*at, "year"),
                    _(
                        "{year} is not before the deadline {deadline}; a milestone is an interim target: "
                        "move it before the deadline, or make it the target",
                        year=year,
                        deadline=deadline,
                    ),
                )
                return ()
            first = baseline_year if baseline_year is not None else (start - 1 if start is not None else None)
            if first is not None and year <= first:
                since = f"baseline_year {baseline_year}" if baseline_year is not None else f"start {start}"
                message = _(
                    "{year} is not after the {since}; a milestone lies between baseline and deadline", year=year, since=since
                )
                self.p.problem((*at, "year"), message)
                return ()
            out.append(Milestone(year, number))
        return tuple(out)

    def actuals(self, kind: Kind) -> tuple[Actual | Awaited, ...]:
        value = self.body.get("actuals")
        path = (*self.path, "actuals")
        if value is None:
            return ()
        table = self.p.table(value, path, _("[indicators.actuals] with lines like 2024 = 120000"))
        if table is None:
            return ()
        out = []
        for key, entry in table.items():
            if not YEAR_KEY.fullmatch(key):
                message = _("{got} is not a year key; {fix}", got=show_value(key), fix=self._year_key_fix(key))
                self.p.problem((*path, key), message)
                continue
            actual = self.actual(int(key), entry, (*path, key), kind)
            if actual is not None:
                out.append(actual)
        return tuple(sorted(out, key=lambda a: a.year))

    @staticmethod
    def _year_key_fix(key: str) -> str:
        if key in INDICATOR_KEYS:
            return _("{key} is a key of the [[indicators]] table: move it above [indicators.actuals]", key=key)
        try:
            return _("write {year} = ... instead", year=fiscal.parse_year(key))
        except BadYear:
            return _("each key is a year, like 2024 = 120000")

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
                    p.problem((*path, "value"), _("qualitative indicators take a status, not a value; {fix}", fix=_(STATUS_FIX)))
                    return None
                return self.qual_actual(year, entry.get("status"), (*path, "status"), note, source)
            if "status" in entry:
                fix = _("give this {kind} indicator a value = <number>", kind=kind.value)
                p.problem((*path, "status"), _("only qualitative indicators have a status; {fix}", fix=fix))
                return None
            if "value" not in entry:
                p.problem((*path, "value"), _("required key is missing; add value = <the figure of {year}>", year=year))
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
                (*path, given[0]),
                _("a year has a figure or a reason it is missing, not both; remove {key} or missing", key=given[0]),
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
            message = _("required key is missing; {fix}", fix=_(STATUS_FIX))
        else:
            message = _(
                "unknown status {got}; use done, in_progress or not_started (実施済, 実施中, 未着手)", got=show_value(status)
            )
        self.p.problem(path, message)
        return None

    def warn_wrong_side(self, direction: Direction | None, target: float | None, baseline: float | None) -> None:
        if direction is None or target is None or baseline is None:
            return
        if (direction is Direction.UP and target < baseline) or (direction is Direction.DOWN and target > baseline):
            shown = {"target": number_text(target), "baseline": number_text(baseline)}
            if direction is Direction.UP:
                message = _(
                    '{target} is below the baseline {baseline} for direction "up"; '
                    "check the direction, the target and the baseline",
                    **shown,
                )
            else:
                message = _(
                    '{target} is above the baseline {baseline} for direction "down"; '
                    "check the direction, the target and the baseline",
                    **shown,
                )
            self.p.problem((*self.path, "target"), message, Severity.WARNING)
