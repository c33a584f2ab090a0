"""Loading and validating a plan: kpi.toml and every measure file (format v1, see kpi/schema/).

Each file is checked completely and every problem is kept, so `kpi check` can list them all in one run.
The checks of one ``[[indicators]]`` table live in ``kpi.plan.indicators``.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi import fiscal
from kpi.errors import BadYear, Problem, ProblemError, Severity
from kpi.model import Edition, Indicator, Item, Measure, Plan, PlanConfig
from kpi.plan.cache import MeasureCache
from kpi.plan.config import CONFIG_NAME, load_config
from kpi.plan.indicators import (
    ACTUAL_KEYS,
    INDICATOR_ID,
    INDICATOR_KEYS,
    MILESTONE_KEYS,
    QUAL_LABELS,
    REVISION_FIELDS,
    REVISION_KEYS,
    YEAR_KEY,
    IndicatorReader,
    written_number,
)
from kpi.plan.tomlread import KeyPath, Locator, display_key, read, show_value

__all__ = [
    "ACTUAL_KEYS",
    "EDITION_KEYS",
    "INDICATOR_ID",
    "INDICATOR_KEYS",
    "ITEM_KEYS",
    "MEASURE_ID",
    "MEASURE_KEYS",
    "MILESTONE_KEYS",
    "PILLAR",
    "QUAL_LABELS",
    "REVISION_FIELDS",
    "REVISION_KEYS",
    "YEAR_KEY",
    "LoadResult",
    "MeasureReader",
    "check_plan",
    "load_measure",
    "load_plan",
    "measure_files",
    "read_plan",
]

# The keys of each table of the format. kpi/schema/measure.schema.json lists the same keys (a test checks).
MEASURE_KEYS = frozenset({"id", "title", "ministries", "retired", "editions", "items", "indicators"})
EDITION_KEYS = frozenset({"number", "pillar", "also"})
ITEM_KEYS = frozenset({"title", "ministries"})

# ASCII digits only: Python's \d would also take full-width ２０２４, which the rest of kpi would not match.
MEASURE_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
PILLAR = re.compile(r"^[0-9]+(-[0-9]+)*$")


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
    found: list[tuple[tuple[str, ...], str]] = []
    _walk(str(config.measures_path), (), found)
    found.sort()  # by the parts, as Paths sort (case-folded on Windows)
    return [Path(full) for _, full in found]


def _walk(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]]) -> None:
    """What ``rglob("*.toml")`` finds, as plain strings (20,000 Path objects sorted and compared cost seconds)."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:  # a folder that cannot be read has no measures for us, as with rglob
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = os.path.normcase(entry.name)
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, (*parts, name), found)
            elif name.endswith(".toml") and entry.is_file():
                found.append(((*parts, name), entry.path))
        except OSError:
            continue


def _shown(path: Path, root: Path) -> str:
    """How messages name a file: relative to the plan root, with forward slashes."""
    text, base = str(path), str(root)
    if base == "." and not os.path.isabs(text):
        return text.replace(os.sep, "/")
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:  # the common case, without pathlib's cost
        return text[len(base) + 1 :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # a measures folder outside the plan root
        return Path(os.path.relpath(path, root)).as_posix()


def _line_in(path: Path, key: KeyPath) -> int | None:
    """The line of ``key`` in a file that has already loaded (so it reads and decodes)."""
    return Locator(path.read_text("utf-8-sig")).line_of(key)


def load_plan(root: Path, *, cache: bool = True) -> LoadResult:
    """Load kpi.toml and every measure file under ``root``; collect all problems, never stop at the first.

    Files unchanged since the last run come from the cache (kpi.plan.cache) unless ``cache`` is False.
    Raises ProblemError only when kpi.toml itself cannot be read or parsed.
    """
    config, problems = load_config(root)
    found = list(problems)
    if not config.measures_path.is_dir():
        line = _line_in(root / CONFIG_NAME, ("plan", "measures"))
        found.append(
            Problem(
                CONFIG_NAME,
                "plan.measures",
                f"the folder {show_value(config.measures_dir)} does not exist; create it or fix the path",
                line,
            )
        )
        return LoadResult(Plan(config, ()), tuple(found))
    measures: list[Measure] = []
    seen: dict[str, str] = {}
    store = MeasureCache.open(root, root / CONFIG_NAME) if cache else MeasureCache.off()
    files = [(path, _shown(path, root)) for path in measure_files(config)]
    for (path, shown), (measure, file_problems) in zip(files, store.load_all(files, load_measure, config), strict=True):
        found.extend(file_problems)
        if measure is None:
            continue
        if measure.id in seen:
            found.append(
                Problem(
                    shown,
                    "id",
                    f'"{measure.id}" is also the id of {seen[measure.id]}; each measure needs its own id: '
                    "remove the copy, or give it a new id and file name",
                    _line_in(path, ("id",)),
                )
            )
            continue
        seen[measure.id] = shown
        measures.append(measure)
    store.save()
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
                yield Problem(
                    _shown(measure.path, root),
                    f"editions.{edition.year}.number",
                    f"No. {edition.number} of the {edition.year} edition is also {other.id} "
                    f"({_shown(other.path, root)}); give each measure its own number",
                    _line_in(measure.path, ("editions", str(edition.year), "number")),
                )


def load_measure(path: Path, shown: str, config: PlanConfig) -> tuple[Measure | None, list[Problem]]:
    """Parse and validate one measure file: the measure (None if it has an error) and every problem."""
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
        return self.errors > 0

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    def problem(self, path: KeyPath, message: str, severity: Severity = Severity.ERROR, *, at: KeyPath | None = None) -> None:
        """Note a problem of key ``path``; its line is that of ``at`` when given (e.g. a key beside a missing one)."""
        if self._locator is None:
            self._locator = Locator(self.text)
        line = self._locator.line_of(path if at is None else at)
        self.problems.append(Problem(self.shown, display_key(path), message, line, severity))

    def unknown_keys(self, table: dict[str, Any], known: frozenset[str], path: KeyPath) -> None:
        for key in table:
            if key in known:
                continue
            home = _home_of(key)
            if path and home:
                fix = f"{show_value(key)} is a key of {home}, not of this table; move it there, or fix the name"
            else:
                close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
                listing = ", ".join(sorted(known))
                fix = f"did you mean {show_value(close[0])}?" if close else f"check the spelling (known here: {listing})"
            self.problem((*path, key), f"unknown key, ignored; {fix}", Severity.WARNING)

    # -- typed getters: each returns None after noting a problem -------------------------------------------------

    def string(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f'required key is missing; add {key} = "..."')
            return None
        if not isinstance(value, str):
            self.problem((*path, key), f'expected text in quotes, got {show_value(value)}; write {key} = "..."')
            return None
        if required and not value.strip():
            self.problem((*path, key), f'is empty; write the {key} between the quotes: {key} = "..."')
            return None
        return value

    def as_number(self, value: object, path: KeyPath) -> float | None:
        name = path[-1]
        if isinstance(value, bool) or not isinstance(value, int | float):
            meant = written_number(value) if isinstance(value, str) else None
            example = f"{name} = {meant}" if meant else f"e.g. {name} = 1234.5"
            got = show_value(value)
            self.problem(path, f"expected a number, got {got}; write {example} (digits only: no quotes, commas or units)")
            return None
        if not math.isfinite(value):
            if "actuals" in path:
                fix = "write the year's figure, or remove the line until there is one"
            else:
                fix = f"write a finite number, e.g. {name} = 1234.5"
            self.problem(path, f"{show_value(value)} is not a usable number; {fix}")
            return None
        return value

    def year(
        self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False, hint: str = "", example: int = 2026
    ) -> int | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f"required key is missing{hint}; add {key} = <year>, e.g. {key} = {example}")
            return None
        return self.as_year(value, (*path, key), example)

    def as_year(self, value: object, path: KeyPath, example: int = 2026) -> int | None:
        try:
            year = fiscal.parse_year(value)
        except BadYear:
            name = path[-1]
            self.problem(path, f'expected a year like 2026 or "R8", got {show_value(value)}; write e.g. {name} = {example}')
            return None
        if not isinstance(value, int):
            self.problem(path, f"write the year as a plain number: {path[-1]} = {year} (kpi writes integers)", Severity.WARNING)
        return year

    def strings(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f'required key is missing; add {key} = ["..."]')
            return ()
        if isinstance(value, str) and value.strip():
            self.problem((*path, key), f"expected a list, got one text; write {key} = [{show_value(value)}]")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) or (required and not value):
            got = show_value(value)
            self.problem((*path, key), f'expected a list of names in quotes, got {got}; write {key} = ["...", "..."]')
            return ()
        return tuple(value)

    def table(self, value: object, path: KeyPath, example: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected a table, got {show_value(value)}; write it as {example}")
            return None
        return value

    # -- the measure ------------------------------------------------------------------------------------------

    def measure(self, path: Path) -> Measure:
        data = self.data
        self.unknown_keys(data, MEASURE_KEYS, ())
        measure_id = self.string(data, "id", (), required=True) or path.stem
        if "id" in data and isinstance(data["id"], str) and data["id"].strip():
            if not MEASURE_ID.fullmatch(measure_id):
                got = show_value(measure_id)
                self.problem(("id",), f'{got} is not a valid id; use letters, digits and "-", e.g. "2024-008"')
            elif measure_id != path.stem:
                self.problem(
                    ("id",),
                    f'"{measure_id}" does not match the file name {path.name}; '
                    f"rename the file to {measure_id}.toml or fix the id",
                )
        title = self.string(data, "title", (), required=True) or ""
        ministries = self.strings(data, "ministries", (), required=True)
        self.check_ministries(ministries, ("ministries",))
        retired = self.year(data, "retired", (), example=self.config.edition)
        editions = self.editions(data.get("editions"))
        if retired is not None:
            for edition in editions:
                if edition.year >= retired:
                    self.problem(
                        ("retired",),
                        f"is {retired}, but [editions.{edition.year}] lists the measure; retired is the first edition "
                        f"that no longer lists it: remove [editions.{edition.year}] or set retired = {edition.year + 1}",
                    )
                    break
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
        if not known:
            return
        for index, name in enumerate(names):
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            fix = f"did you mean {show_value(close[0])}?" if close else "use one of the names in kpi.toml [plan] ministries"
            self.problem((*path, index), f"{show_value(name)} is not a ministry of this plan; {fix}")

    def editions(self, value: object) -> tuple[Edition, ...]:
        if value is None:
            self.problem(("editions",), f"required table is missing; add [editions.{self.config.edition}] with number and pillar")
            return ()
        table = self.table(value, ("editions",), f"[editions.{self.config.edition}]")
        if table is None:
            return ()
        before = self.errors
        out = []
        for key, entry in table.items():
            path = ("editions", key)
            if not YEAR_KEY.fullmatch(key):
                try:
                    fix = f"write [editions.{fiscal.parse_year(key)}]"
                except BadYear:
                    fix = f"name the table after the plan's year, e.g. [editions.{self.config.edition}]"
                self.problem(path, f"{show_value(key)} is not an edition year; {fix}")
                continue
            edition = self.edition(int(key), entry, path)
            if edition is not None:
                out.append(edition)
        if not out and self.errors == before:
            self.problem(("editions",), f"no edition listed; add [editions.{self.config.edition}] with number and pillar")
        return tuple(sorted(out, key=lambda e: e.year))

    def edition(self, year: int, entry: object, path: KeyPath) -> Edition | None:
        body = self.table(entry, path, f"[editions.{year}] with number and pillar")
        if body is None:
            return None
        self.unknown_keys(body, EDITION_KEYS, path)
        number = body.get("number")
        if number is None:
            self.problem((*path, "number"), f"required key is missing; add number = <the measure's number in the {year} edition>")
            return None
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            got = show_value(number)
            message = f"expected the measure's number (a whole number from 1), got {got}; write e.g. number = 8"
            self.problem((*path, "number"), message)
            return None
        pillar = self.string(body, "pillar", path, required=True)
        if pillar is None:
            return None
        if not PILLAR.fullmatch(pillar):
            self.problem((*path, "pillar"), f'{show_value(pillar)} is not a heading; write the heading (1)② as "1-2"')
            return None
        also = self.strings(body, "also", path)
        for heading in also:
            if not PILLAR.fullmatch(heading):
                self.problem((*path, "also"), f'{show_value(heading)} is not a heading; write the heading (3)① as "3-1"')
                return None
        return Edition(year, number, pillar, also)

    def items(self, value: object) -> tuple[Item, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(("items",), "expected [[items]] tables (double brackets), each with title and ministries")
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
            fix = 'add an [[indicators]] table (kind = "qualitative" if the plan has no figure)'
            self.problem(("indicators",), f"no indicator; {fix}")
            return ()
        if not isinstance(value, list):
            self.problem(("indicators",), "expected [[indicators]] tables; write the header with double brackets: [[indicators]]")
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
                message = f'"{indicator.id}" is used twice in this measure; give each indicator its own id'
                self.problem(("indicators", index, "id"), message)
                continue
            ids.add(indicator.id)
            out.append(indicator)
        return tuple(out)


def _home_of(key: str) -> str:
    """Where a key that is unknown in some table does belong, if anywhere (a key written below the wrong header)."""
    if key in MEASURE_KEYS:
        return "the measure (at the top of the file, above the first [table] header)"
    if key in INDICATOR_KEYS:
        return "the [[indicators]] table (above its [indicators.actuals])"
    return ""
