"""Loading and validating measure files (format v1, see docs/measure-file.md and schema/)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi import fiscal
from kpi.config import load_config
from kpi.errors import BadYear, Problem, ProblemError, Severity
from kpi.model import (
    Actual,
    Direction,
    Edition,
    Indicator,
    Item,
    Kind,
    Measure,
    Milestone,
    Plan,
    PlanConfig,
    QualStatus,
    Revision,
    YearBasis,
)
from kpi.tomlread import KeyPath, Locator, display_key, read

MEASURE_KEYS = frozenset({"id", "title", "ministries", "retired", "editions", "items", "indicators"})
EDITION_KEYS = frozenset({"number", "pillar", "also"})
ITEM_KEYS = frozenset({"title", "ministries"})
INDICATOR_KEYS = frozenset(
    {
        "id", "name", "kind", "direction", "unit", "primary", "target", "deadline", "baseline",
        "baseline_year", "start", "milestones", "limit", "year_basis", "source", "actuals", "revisions",
    }
)
ACTUAL_KEYS = frozenset({"value", "status", "note", "source"})
REVISION_KEYS = frozenset({"date", "field", "old", "new", "reason"})
REVISION_FIELDS = frozenset({"target", "deadline", "baseline", "baseline_year", "milestones"})
MILESTONE_KEYS = frozenset({"year", "value"})

MEASURE_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
INDICATOR_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PILLAR = re.compile(r"^\d+(-\d+)*$")
YEAR_KEY = re.compile(r"^\d{4}$")

# Which kinds take which keys: the contract of measure-file.md.
NEEDS_TARGET = frozenset({Kind.LEVEL, Kind.EVERY_YEAR, Kind.CUMULATIVE})
NEEDS_DEADLINE = frozenset({Kind.LEVEL, Kind.CUMULATIVE})
TAKES_MILESTONES = frozenset({Kind.LEVEL, Kind.CUMULATIVE})
TAKES_START = frozenset({Kind.CUMULATIVE, Kind.EVERY_YEAR})
QUAL_LABELS = {"実施済": QualStatus.DONE, "実施中": QualStatus.IN_PROGRESS, "未着手": QualStatus.NOT_STARTED}


@dataclass(frozen=True)
class LoadResult:
    """A plan with every measure that loaded, and every problem found on the way."""

    plan: Plan
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def measure_files(config: PlanConfig) -> list[Path]:
    """Every ``*.toml`` under the measures folder (sub-folders too, hidden ones skipped), sorted."""
    folder = config.measures_path
    files = [
        p for p in folder.rglob("*.toml")
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(files)


def load_plan(root: Path) -> LoadResult:
    """Load kpi.toml and every measure file under ``root``; collect all problems, never stop at the first."""
    config, problems = load_config(root)
    if not config.measures_path.is_dir():
        raise ProblemError(
            Problem("kpi.toml", "plan.measures", f"folder {config.measures_dir!r} does not exist; create it or fix the path")
        )
    found = list(problems)
    measures: list[Measure] = []
    seen: dict[str, str] = {}
    for path in measure_files(config):
        shown = path.relative_to(root).as_posix()
        measure, file_problems = load_measure(path, shown, config)
        found.extend(file_problems)
        if measure is None:
            continue
        if measure.id in seen:
            found.append(Problem(shown, "id", f'"{measure.id}" is also the id of {seen[measure.id]}; ids must be unique', 1))
            continue
        seen[measure.id] = shown
        measures.append(measure)
    found.extend(_check_numbers(measures, root))
    return LoadResult(Plan(config, tuple(measures)), tuple(found))


def check_plan(root: Path) -> tuple[Problem, ...]:
    """Every problem in the plan, errors and warnings, in file order; never raises for a broken file."""
    try:
        return load_plan(root).problems
    except ProblemError as exc:
        return (exc.problem,)


def read_plan(root: Path) -> Plan:
    """Load the plan, raising the first error (with a count of the rest) if any file is broken."""
    result = load_plan(root)
    errors = result.errors
    if errors:
        raise ProblemError(errors[0], more=len(errors) - 1)
    return result.plan


def _check_numbers(measures: list[Measure], root: Path) -> Iterator[Problem]:
    """Two measures must not share a number in the same edition."""
    taken: dict[tuple[int, int], Measure] = {}
    for measure in measures:
        for edition in measure.editions:
            other = taken.setdefault((edition.year, edition.number), measure)
            if other is not measure:
                shown = measure.path.relative_to(root).as_posix()
                line = Locator(measure.path.read_text("utf-8-sig")).line_of(("editions", str(edition.year), "number"))
                yield Problem(
                    shown,
                    f"editions.{edition.year}.number",
                    f"No. {edition.number} is also used by {other.id}; give each measure its own number",
                    line,
                )


def load_measure(path: Path, shown: str, config: PlanConfig) -> tuple[Measure | None, list[Problem]]:
    """Parse and validate one measure file."""
    data, text, problem = read(path, shown)
    if problem is not None or data is None:
        return None, [problem] if problem else []
    reader = MeasureReader(data, text, shown, config)
    measure = reader.measure(path)
    return (measure if not reader.failed else None), reader.problems


class MeasureReader:
    """Turns one parsed file into a Measure, noting every problem with its key and line."""

    def __init__(self, data: dict[str, Any], text: str, shown: str, config: PlanConfig) -> None:
        self.data = data
        self.text = text
        self.shown = shown
        self.config = config
        self.problems: list[Problem] = []
        self._locator: Locator | None = None

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def problem(self, path: KeyPath, message: str, severity: Severity = Severity.ERROR) -> None:
        if self._locator is None:
            self._locator = Locator(self.text)
        self.problems.append(Problem(self.shown, display_key(path), message, self._locator.line_of(path), severity))

    def unknown_keys(self, table: dict[str, Any], known: frozenset[str], path: KeyPath) -> None:
        for key in table:
            if key not in known:
                listing = ", ".join(sorted(known))
                self.problem((*path, key), f"unknown key; check the spelling (known here: {listing})", Severity.WARNING)

    # -- typed getters: each returns None after noting a problem -------------------------------------------------

    def string(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f'required key is missing; add {key} = "..."')
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem((*path, key), f'expected text, got {value!r}; write {key} = "..."')
            return None
        return value

    def number(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False, hint: str = "") -> float | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f"required key is missing{hint}; add {key} = <number>")
            return None
        return self.as_number(value, (*path, key))

    def as_number(self, value: object, path: KeyPath) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(path, f"expected a number, got {value!r}; write digits without quotes or units, e.g. 1234.5")
            return None
        if not math.isfinite(value):
            self.problem(path, f"{value} is not a figure; write a finite number, or leave the key out")
            return None
        return value

    def year(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False, hint: str = "") -> int | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f"required key is missing{hint}; add {key} = 2026 (a year)")
            return None
        return self.as_year(value, (*path, key))

    def as_year(self, value: object, path: KeyPath) -> int | None:
        try:
            year = fiscal.parse_year(value)
        except BadYear:
            self.problem(path, f'expected a fiscal year like 2026 or "R8", got {value!r}')
            return None
        if not isinstance(value, int):
            self.problem(path, f"write the year as a plain number: {year} (kpi writes integers)", Severity.WARNING)
        return year

    def strings(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f'required key is missing; add {key} = ["..."]')
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) or (required and not value):
            self.problem((*path, key), f'expected a list of names, got {value!r}; write {key} = ["...", "..."]')
            return ()
        return tuple(value)

    def table(self, value: object, path: KeyPath, example: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected a table, got {value!r}; write it as {example}")
            return None
        return value

    # -- the measure ------------------------------------------------------------------------------------------

    def measure(self, path: Path) -> Measure:
        data = self.data
        self.unknown_keys(data, MEASURE_KEYS, ())
        measure_id = self.string(data, "id", (), required=True) or path.stem
        if "id" in data and isinstance(data["id"], str):
            if not MEASURE_ID.match(measure_id):
                self.problem(("id",), f'"{measure_id}" is not a valid id; use letters, digits and "-", e.g. "2024-008"')
            elif measure_id != path.stem:
                self.problem(("id",), f'"{measure_id}" does not match the file name {path.name}; rename the file to {measure_id}.toml or fix the id')
        title = self.string(data, "title", (), required=True) or ""
        ministries = self.strings(data, "ministries", (), required=True)
        self.check_ministries(ministries, ("ministries",))
        retired = self.year(data, "retired", ())
        editions = self.editions(data.get("editions"))
        items = self.items(data.get("items"))
        indicators = self.indicators(data.get("indicators"))
        return Measure(
            id=measure_id,
            title=title,
            ministries=ministries,
            editions=editions,
            indicators=indicators,
            path=path,
            retired=retired,
            items=items,
        )

    def check_ministries(self, names: tuple[str, ...], path: KeyPath) -> None:
        known = self.config.ministries
        for name in names:
            if known and name not in known:
                self.problem(path, f'"{name}" is not a ministry of this plan; use one of the names in kpi.toml [plan] ministries')

    def editions(self, value: object) -> tuple[Edition, ...]:
        if value is None:
            self.problem(("editions",), "required table is missing; add [editions.2025] with number and pillar")
            return ()
        table = self.table(value, ("editions",), "[editions.2025]")
        if table is None:
            return ()
        out = []
        for key, entry in table.items():
            path = ("editions", key)
            if not YEAR_KEY.match(key):
                self.problem(path, f'"{key}" is not an edition year; name the table after the plan\'s year, e.g. [editions.2025]')
                continue
            body = self.table(entry, path, f"[editions.{key}] with number and pillar")
            if body is None:
                continue
            self.unknown_keys(body, EDITION_KEYS, path)
            number = body.get("number")
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                self.problem((*path, "number"), f"expected the measure's number in that edition (a whole number ≥ 1), got {number!r}")
                continue
            pillar = self.string(body, "pillar", path, required=True)
            if pillar is not None and not PILLAR.match(pillar):
                self.problem((*path, "pillar"), f'"{pillar}" is not a heading; write (1)② as "1-2"')
                continue
            also = self.strings(body, "also", path)
            for heading in also:
                if not PILLAR.match(heading):
                    self.problem((*path, "also"), f'"{heading}" is not a heading; write (3)① as "3-1"')
            out.append(Edition(int(key), number, pillar or "", also))
        if table and not out and not self.failed:
            self.problem(("editions",), "no edition listed; add [editions.2025] with number and pillar")
        return tuple(sorted(out, key=lambda e: e.year))

    def items(self, value: object) -> tuple[Item, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(("items",), "expected [[items]] tables with title and ministries")
            return ()
        out = []
        for index, entry in enumerate(value):
            body = self.table(entry, ("items", index), "[[items]] with title and ministries")
            if body is None:
                continue
            self.unknown_keys(body, ITEM_KEYS, ("items", index))
            title = self.string(body, "title", ("items", index), required=True)
            ministries = self.strings(body, "ministries", ("items", index))
            self.check_ministries(ministries, ("items", index, "ministries"))
            out.append(Item(title or "", ministries))
        return tuple(out)

    def indicators(self, value: object) -> tuple[Indicator, ...]:
        if value is None or value == []:
            self.problem(("indicators",), 'no indicator; add an [[indicators]] table (kind = "qualitative" if the plan sets no number)')
            return ()
        if not isinstance(value, list):
            self.problem(("indicators",), "expected [[indicators]] tables")
            return ()
        out: list[Indicator] = []
        ids: set[str] = set()
        for index, entry in enumerate(value):
            body = self.table(entry, ("indicators", index), "[[indicators]]")
            if body is None:
                continue
            indicator = IndicatorReader(self, body, index).indicator()
            if indicator is None:
                continue
            if indicator.id in ids:
                self.problem(("indicators", index, "id"), f'"{indicator.id}" is used twice in this measure; give each indicator its own id')
                continue
            ids.add(indicator.id)
            out.append(indicator)
        return tuple(out)


class IndicatorReader:
    """Validation of one [[indicators]] table, including its actuals and revisions."""

    def __init__(self, parent: MeasureReader, body: dict[str, Any], index: int) -> None:
        self.p = parent
        self.body = body
        self.path: tuple[str | int, ...] = ("indicators", index)

    def indicator(self) -> Indicator | None:
        p, body, path = self.p, self.body, self.path
        before = len([x for x in p.problems if x.severity is Severity.ERROR])
        p.unknown_keys(body, INDICATOR_KEYS, path)
        indicator_id = p.string(body, "id", path, required=True)
        if indicator_id is not None and not INDICATOR_ID.match(indicator_id):
            p.problem((*path, "id"), f'"{indicator_id}" is not a valid indicator id; use a-z, 0-9 and "-", e.g. "access-count"')
        name = p.string(body, "name", path, required=True)
        kind = self.choice("kind", Kind, required=True)
        if kind is None:
            return None
        direction = self.choice("direction", Direction, required=kind is not Kind.QUALITATIVE)
        if kind is Kind.QUALITATIVE and "direction" in body:
            p.problem((*path, "direction"), "qualitative indicators have no direction; remove the key", Severity.WARNING)
        basis = self.choice("year_basis", YearBasis) or YearBasis.FISCAL
        unit = p.string(body, "unit", path) or ""
        primary = body.get("primary", False)
        if not isinstance(primary, bool):
            p.problem((*path, "primary"), f"expected true or false, got {primary!r}")
            primary = False
        target = self.target(kind)
        deadline = p.year(body, "deadline", path, required=kind in NEEDS_DEADLINE, hint=f" ({kind.value} indicators need the target's year)")
        baseline = p.number(body, "baseline", path, required=kind is Kind.TREND, hint=" (trend indicators compare with a baseline)")
        baseline_year = p.year(body, "baseline_year", path, required=baseline is not None, hint=" (a baseline needs its year)")
        if baseline is None and "baseline_year" in body and "baseline" not in body:
            p.problem((*path, "baseline"), "baseline_year is set but baseline is missing; add baseline = <number> or remove baseline_year")
        start = p.year(body, "start", path, required=kind is Kind.CUMULATIVE, hint=" (the first year that counts toward the total)")
        if "start" in body and kind not in TAKES_START:
            p.problem((*path, "start"), f"start is only for cumulative and every_year indicators; remove it from this {kind.value} one")
        if deadline is not None and baseline_year is not None and deadline < baseline_year:
            p.problem((*path, "deadline"), f"{deadline} is before baseline_year {baseline_year}; a target's year cannot precede its baseline")
        milestones = self.milestones(kind, deadline)
        limit = p.number(body, "limit", path)
        source = p.string(body, "source", path)
        actuals = self.actuals(kind)
        revisions = self.revisions()
        self.warn_wrong_side(direction, target, baseline)
        errors = len([x for x in p.problems if x.severity is Severity.ERROR])
        if errors > before:
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
        )

    def choice(self, key: str, enum: type[Kind] | type[Direction] | type[YearBasis], *, required: bool = False) -> Any:
        value = self.body.get(key)
        options = ", ".join(e.value for e in enum)
        if value is None:
            if required:
                self.p.problem((*self.path, key), f'required key is missing; add {key} = "..." (one of {options})')
            return None
        try:
            return enum(value)
        except ValueError:
            self.p.problem((*self.path, key), f"unknown {key} {value!r}; use one of {options}")
            return None

    def target(self, kind: Kind) -> float | None:
        if kind in NEEDS_TARGET:
            return self.p.number(self.body, "target", self.path, required=True, hint=f" ({kind.value} indicators need one)")
        if "target" in self.body:
            fix = 'use kind = "level"' if kind is Kind.TREND else "remove it"
            self.p.problem((*self.path, "target"), f"{kind.value} indicators have no numeric target; {fix}")
        return None

    def milestones(self, kind: Kind, deadline: int | None) -> tuple[Milestone, ...]:
        value = self.body.get("milestones")
        path = (*self.path, "milestones")
        if value is None:
            return ()
        if kind not in TAKES_MILESTONES:
            self.p.problem(path, f"milestones are only for level and cumulative indicators; remove them from this {kind.value} one")
            return ()
        if not isinstance(value, list):
            self.p.problem(path, "expected a list like [{ year = 2025, value = 50 }]")
            return ()
        out: list[Milestone] = []
        for index, entry in enumerate(value):
            body = self.p.table(entry, (*path, index), "{ year = 2025, value = 50 }")
            if body is None:
                continue
            self.p.unknown_keys(body, MILESTONE_KEYS, (*path, index))
            year = self.p.year(body, "year", (*path, index), required=True)
            number = self.p.number(body, "value", (*path, index), required=True)
            if year is None or number is None:
                continue
            if out and year <= out[-1].year:
                self.p.problem(path, f"milestones out of order ({out[-1].year} then {year}); list them by year, earliest first")
                return ()
            if deadline is not None and year >= deadline:
                self.p.problem(path, f"milestone {year} is not before the deadline {deadline}; a milestone is an interim target")
                return ()
            out.append(Milestone(year, number))
        return tuple(out)

    def actuals(self, kind: Kind) -> tuple[Actual, ...]:
        value = self.body.get("actuals")
        path = (*self.path, "actuals")
        if value is None:
            return ()
        table = self.p.table(value, path, "[indicators.actuals] with lines like 2024 = 120000")
        if table is None:
            return ()
        out = []
        for key, entry in table.items():
            if not YEAR_KEY.match(key):
                try:
                    fix = f"write {fiscal.parse_year(key)} = ... instead"
                except BadYear:
                    fix = "each key is a year, like 2024 = 120000"
                self.p.problem((*path, key), f'"{key}" is not a year key; {fix}')
                continue
            actual = self.actual(int(key), entry, (*path, key), kind)
            if actual is not None:
                out.append(actual)
        return tuple(sorted(out, key=lambda a: a.year))

    def actual(self, year: int, entry: object, path: KeyPath, kind: Kind) -> Actual | None:
        p = self.p
        qualitative = kind is Kind.QUALITATIVE
        if isinstance(entry, dict):
            p.unknown_keys(entry, ACTUAL_KEYS, path)
            note = p.string(entry, "note", path)
            source = p.string(entry, "source", path)
            if qualitative:
                return self.qual_actual(year, entry.get("status"), (*path, "status"), note, source)
            if "status" in entry:
                p.problem((*path, "status"), "status is for qualitative indicators; give this one a value = <number>")
                return None
            number = p.number(entry, "value", path, required=True)
            return None if number is None else Actual(year, value=number, note=note, source=source)
        if qualitative:
            return self.qual_actual(year, entry, path, None, None)
        number = p.as_number(entry, path)
        return None if number is None else Actual(year, value=number)

    def qual_actual(self, year: int, status: object, path: KeyPath, note: str | None, source: str | None) -> Actual | None:
        if isinstance(status, str):
            found = QUAL_LABELS.get(status)
            if found is None and status in {q.value for q in QualStatus}:
                found = QualStatus(status)
            if found is not None:
                return Actual(year, status=found, note=note, source=source)
        self.p.problem(
            path,
            f'expected a status, got {status!r}; write {{ status = "done" }} (done | in_progress | not_started)',
        )
        return None

    def revisions(self) -> tuple[Revision, ...]:
        value = self.body.get("revisions")
        path = (*self.path, "revisions")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.p.problem(path, "expected [[indicators.revisions]] tables")
            return ()
        out = []
        for index, entry in enumerate(value):
            body = self.p.table(entry, (*path, index), "[[indicators.revisions]]")
            if body is None:
                continue
            self.p.unknown_keys(body, REVISION_KEYS, (*path, index))
            date = body.get("date")
            if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
                self.p.problem((*path, index, "date"), f"expected a date like 2025-06-01 (no quotes), got {date!r}")
                continue
            changed = self.p.string(body, "field", (*path, index), required=True)
            if changed is not None and changed not in REVISION_FIELDS:
                self.p.problem((*path, index, "field"), f"{changed!r} is not a revisable field; use one of {', '.join(sorted(REVISION_FIELDS))}")
                continue
            reason = self.p.string(body, "reason", (*path, index), required=True)
            if "old" not in body or "new" not in body:
                self.p.problem((*path, index), "a revision needs both old and new values; add old = ... and new = ...")
                continue
            out.append(Revision(date, changed or "", body["old"], body["new"], reason or ""))
        return tuple(out)

    def warn_wrong_side(self, direction: Direction | None, target: float | None, baseline: float | None) -> None:
        if direction is None or target is None or baseline is None:
            return
        if (direction is Direction.UP and target < baseline) or (direction is Direction.DOWN and target > baseline):
            side = "below" if direction is Direction.UP else "above"
            self.p.problem(
                (*self.path, "target"),
                f'{target:g} is {side} the baseline {baseline:g} for direction "{direction.value}"; check the direction or the target',
                Severity.WARNING,
            )
