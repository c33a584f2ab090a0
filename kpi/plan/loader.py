"""Loading and validating a plan: kpi.toml and every measure file (format v1.1, see kpi/schema/).

Each file is checked completely and every problem is kept, so `kpi check` can list them all in one run.
The checks of one ``[[indicators]]`` table live in ``kpi.plan.indicators``, those of the yearly reports in
``kpi.plan.reports``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi import fiscal
from kpi.errors import Problem, ProblemError, Severity
from kpi.i18n import _, active
from kpi.model import Indicator, Item, Measure, Plan, PlanConfig, YearBasis
from kpi.plan.cache import MeasureCache
from kpi.plan.config import CONFIG_NAME, load_config
from kpi.plan.editions import read_editions
from kpi.plan.fields import ITEM_KEYS, MEASURE_ID, MEASURE_KEYS, FieldReader, did_you_mean
from kpi.plan.indicators import IndicatorReader
from kpi.plan.reports import read_reports, read_rs_ids
from kpi.plan.tomlread import KeyPath, Locator, read, show_value
from kpi.text import shown_path

__all__ = [
    "LoadResult",
    "MeasureReader",
    "check_plan",
    "future_figures",
    "load_measure",
    "load_plan",
    "measure_files",
    "read_plan",
]


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
    found: list[tuple[tuple[str, ...], Path, str, str]] = []
    _walk(config.measures_path, (), "", found)
    found.sort()  # by the parts, as Paths sort (case-folded on Windows); the parts differ, so the Paths are never compared
    return [folder / name for _, folder, name, _ in found]  # a child of a Path: a third of the cost of Path(full text)


def _listed(config: PlanConfig, root: Path) -> list[tuple[Path, str]]:
    """``measure_files`` with each file's name as kpi shows it (``shown_path``), put together from the walk's names."""
    found: list[tuple[tuple[str, ...], Path, str, str]] = []
    _walk(config.measures_path, (), "", found)
    found.sort()
    prefix = shown_path(config.measures_path, root)
    prefix = "" if prefix == "." else prefix + "/"
    return [(folder / name, prefix + relative) for _, folder, name, relative in found]


def _walk(folder: Path, parts: tuple[str, ...], under: str, found: list[tuple[tuple[str, ...], Path, str, str]]) -> None:
    """What ``rglob("*.toml")`` finds, as the parts to sort by, the folder, the name and the path below the measures
    folder with / (20,000 Path objects sorted and compared cost seconds)."""
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
                _walk(folder / entry.name, (*parts, name), f"{under}{entry.name}/", found)
            elif name.endswith(".toml"):  # not only regular files: a broken link or a FIFO is a problem, not skipped
                found.append(((*parts, name), folder, entry.name, under + entry.name))
        except OSError:
            continue


def _among(config: PlanConfig, root: Path, only: Collection[str]) -> list[Path]:
    """Those of ``only`` (paths relative to ``root``) that ``measure_files`` would list, in its order, without
    listing the whole folder."""
    found: list[tuple[tuple[str, ...], str]] = []
    folder = str(config.measures_path)
    for relative in only:
        full = os.path.join(str(root), *relative.split("/"))
        inside = os.path.relpath(full, folder)
        parts = tuple(os.path.normcase(part) for part in inside.split(os.sep))
        if inside.startswith(os.pardir) or any(part.startswith(".") for part in parts) or not parts[-1].endswith(".toml"):
            continue
        # As the walk: folders entered only when they are folders (not links to one), the file followed if a link.
        folders = [os.path.join(folder, *inside.split(os.sep)[:i]) for i in range(1, len(parts))]
        if all(os.path.isdir(f) and not os.path.islink(f) for f in folders) and os.path.isfile(full):
            found.append((parts, os.path.join(folder, inside)))
    found.sort()
    return [Path(full) for _, full in found]


def _line_in(path: Path, key: KeyPath) -> int | None:
    """The line of ``key`` in a file that has already loaded (so it reads and decodes)."""
    return Locator(path.read_text("utf-8-sig")).line_of(key)


def load_plan(root: Path, *, cache: bool = True, only: Collection[str] | None = None) -> LoadResult:
    """Load kpi.toml and every measure file under ``root``; collect all problems, never stop at the first.

    Files unchanged since the last run come from the cache (kpi.plan.cache) unless ``cache`` is False.
    ``only``: load just these measure files (named as kpi shows them: relative to ``root``, with /), as `kpi diff` does.
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
                _("the folder {folder} does not exist; create it or fix the path", folder=show_value(config.measures_dir)),
                line,
            )
        )
        return LoadResult(Plan(config, ()), tuple(found))
    measures: list[Measure] = []
    seen: dict[str, str] = {}
    # A few files (``only``) are parsed directly: reading the whole cache would cost more, and saving it would drop the rest.
    store = MeasureCache.open(root, root / CONFIG_NAME) if cache and only is None else MeasureCache.off()
    some = None if only is None else [(path, shown_path(path, root)) for path in _among(config, root, only)]
    files = _listed(config, root) if some is None else some
    for (path, shown), (measure, file_problems) in zip(files, store.load_all(files, load_measure, config), strict=True):
        found.extend(file_problems)
        if measure is None:
            continue
        if measure.id in seen:
            found.append(
                Problem(
                    shown,
                    "id",
                    _(
                        '"{id}" is also the id of {other}; each measure needs its own id: '
                        "remove the copy, or give it a new id and file name",
                        id=measure.id,
                        other=seen[measure.id],
                    ),
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


def future_figures(plan: Plan, today: dt.date | None = None) -> Iterator[Problem]:
    """A warning per figure for a year that has not begun (kept out of load_plan: its cache must not hold the date)."""
    day = today or dt.date.today()
    for measure in plan.measures:
        shown = shown_path(measure.path, plan.config.root)
        for index, indicator in enumerate(measure.indicators):
            calendar = indicator.year_basis is YearBasis.CALENDAR
            now = day.year if calendar else fiscal.current_fiscal_year(day)
            for actual in indicator.actuals:
                if actual.year <= now:
                    continue
                key = ("indicators", index, "actuals", str(actual.year))
                name = fiscal.year_text(actual.year, calendar=calendar, lang=active())
                yield Problem(
                    shown,
                    f"indicators[{index}].actuals.{actual.year}",
                    _("{year} has not begun yet; a figure cannot exist for it: fix the year, or remove the entry", year=name),
                    _line_in(measure.path, key),
                    Severity.WARNING,
                )


def _check_numbers(measures: list[Measure], root: Path) -> Iterator[Problem]:
    """Two measures must not share a number in the same edition."""
    taken: dict[tuple[int, int], Measure] = {}
    for measure in measures:
        for edition in measure.editions:
            other = taken.setdefault((edition.year, edition.number), measure)
            if other is not measure:
                yield Problem(
                    shown_path(measure.path, root),
                    f"editions.{edition.year}.number",
                    _(
                        "No. {number} of the {year} edition is also {other} ({path}); give each measure its own number",
                        number=edition.number,
                        year=edition.year,
                        other=other.id,
                        path=shown_path(other.path, root),
                    ),
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


class MeasureReader(FieldReader):
    """Turns one parsed file into a Measure, noting every problem with its key and line."""

    def __init__(self, data: dict[str, Any], text: str, shown: str, config: PlanConfig) -> None:
        super().__init__(text, shown)
        self.data = data
        self.config = config

    # -- the measure ------------------------------------------------------------------------------------------

    def measure(self, path: Path) -> Measure:
        data = self.data
        self.unknown_keys(data, MEASURE_KEYS, ())
        measure_id = self.string(data, "id", (), required=True) or path.stem
        if "id" in data and isinstance(data["id"], str) and data["id"].strip():
            if not MEASURE_ID.fullmatch(measure_id):
                got = show_value(measure_id)
                self.problem(("id",), _('{got} is not a valid id; use letters, digits and "-", e.g. "2024-008"', got=got))
            elif measure_id != path.stem:
                self.problem(
                    ("id",),
                    _(
                        '"{id}" does not match the file name {name}; rename the file to {id}.toml or fix the id',
                        id=measure_id,
                        name=path.name,
                    ),
                )
        title = self.string(data, "title", (), required=True) or ""
        ministries = self.strings(data, "ministries", (), required=True)
        self.check_ministries(ministries, ("ministries",))
        retired = self.year(data, "retired", (), example=self.config.edition)
        editions = read_editions(self, data.get("editions"), self.config.edition)
        if retired is not None:
            for edition in editions:
                if edition.year >= retired:
                    self.problem(
                        ("retired",),
                        _(
                            "is {retired}, but [editions.{year}] lists the measure; retired is the first edition "
                            "that no longer lists it: remove [editions.{year}] or set retired = {next}",
                            retired=retired,
                            year=edition.year,
                            next=edition.year + 1,
                        ),
                    )
                    break
        items = self.items(data.get("items"))
        indicators = self.indicators(data.get("indicators"))
        rs_ids = read_rs_ids(self, data)
        reports = read_reports(self, data.get("reports"))
        return Measure(
            id=measure_id,
            title=title,
            ministries=ministries,
            editions=editions,
            indicators=indicators,
            path=path,
            retired=retired,
            items=items,
            rs_ids=rs_ids,
            reports=reports,
        )

    def check_ministries(self, names: tuple[str, ...], path: KeyPath) -> None:
        known = self.config.ministries
        if not known:
            return
        for index, name in enumerate(names):
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            fix = did_you_mean(close[0]) if close else _("use one of the names in kpi.toml [plan] ministries")
            self.problem((*path, index), _("{name} is not a ministry of this plan; {fix}", name=show_value(name), fix=fix))

    def items(self, value: object) -> tuple[Item, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(("items",), _("expected [[items]] tables (double brackets), each with title and ministries"))
            return ()
        out = []
        for index, entry in enumerate(value):
            body = self.table(entry, ("items", index), _("[[items]] with title and ministries"))
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
            self.problem(
                ("indicators",), _('no indicator; add an [[indicators]] table (kind = "qualitative" if the plan has no figure)')
            )
            return ()
        if not isinstance(value, list):
            message = _("expected [[indicators]] tables; write the header with double brackets: [[indicators]]")
            self.problem(("indicators",), message)
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
                message = _('"{id}" is used twice in this measure; give each indicator its own id', id=indicator.id)
                self.problem(("indicators", index, "id"), message)
                continue
            ids.add(indicator.id)
            out.append(indicator)
        return tuple(out)
