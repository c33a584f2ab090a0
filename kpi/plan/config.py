"""The plan root: finding ``kpi.toml`` and reading its settings."""

from __future__ import annotations

import difflib
import math
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from kpi import fiscal
from kpi.errors import BadYear, PlanNotFound, Problem, ProblemError, Severity
from kpi.model import Method, PlanConfig, Thresholds
from kpi.plan.fields import FieldReader, spelling_fix
from kpi.plan.tomlread import KeyPath, read, show_value

CONFIG_NAME = "kpi.toml"
ENV_DIR = "KPI_DIR"
KNOWN = {
    "plan": {"name", "edition", "measures", "ministries"},
    "assessment": {"method", "on_track", "behind", "exceed_margin"},
    "headings": set(),  # [headings.<edition>] tables: pillar code -> the heading's words
}
HEADING_CODE = re.compile(r"^[0-9]+(-[0-9]+)*$")


def inside_plan(folder: str) -> bool:
    """Whether ``plan.measures`` names a folder below the plan root: no absolute path, drive, ``..`` or NUL byte.

    kpi reads every ``*.toml`` under the folder and writes new measures into it, so ``"/"`` or ``"../elsewhere"``
    would reach files that are not the plan's.
    """
    if "\0" in folder or PureWindowsPath(folder).anchor or PurePosixPath(folder).is_absolute():
        return False
    return ".." not in re.split(r"[/\\]", folder)


def find_root(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The folder holding kpi.toml: ``explicit`` (``--dir``), else ``KPI_DIR``, else walk up from ``start``."""
    given = explicit if explicit is not None else (Path(os.environ[ENV_DIR]) if os.environ.get(ENV_DIR) else None)
    if given is not None:
        if (given / CONFIG_NAME).is_file():
            return given
        if given.is_file() and given.name == CONFIG_NAME:
            return given.parent
        raise PlanNotFound(f"{given}: no {CONFIG_NAME} there; point --dir (or {ENV_DIR}) at the folder that holds {CONFIG_NAME}")
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise PlanNotFound(
        f"no {CONFIG_NAME} in {here} or any folder above it; run kpi inside a plan folder, or pass --dir PATH (or set {ENV_DIR})"
    )


def load_config(root: Path) -> tuple[PlanConfig, list[Problem]]:
    """Read kpi.toml: the settings (defaults where a value is bad) and every problem found.

    A file that cannot be read or parsed raises ProblemError: nothing else can be checked without it.
    """
    data, text, problem = read(root / CONFIG_NAME, CONFIG_NAME)
    if problem is not None or data is None:
        raise ProblemError(problem or Problem(CONFIG_NAME, "", "cannot read the file"))
    reader = _ConfigReader(data, text)
    config = reader.build(root)
    return config, reader.problems


class _ConfigReader(FieldReader):
    def __init__(self, data: dict[str, Any], text: str) -> None:
        super().__init__(text, CONFIG_NAME)
        self.data = data
        self.ministries: tuple[str, ...] = ()

    def key_text(self, path: KeyPath) -> str:
        return ".".join(str(part) for part in path)  # kpi.toml's keys as written: plan.edition, headings.2025.1-2

    def _table(self, name: str) -> dict[str, Any]:
        table = self.data.get(name, {})
        if not isinstance(table, dict):
            self.problem((name,), f"expected a table, got {show_value(table)}; write it as a [{name}] header with keys below it")
            return {}
        for key in table:
            if key not in KNOWN[name] and name != "headings":
                fix = spelling_fix(key, KNOWN[name], "known")
                self.problem((name, key), f"unknown key, ignored; {fix}", Severity.WARNING)
        return table

    def _unknown_top(self, key: str) -> str:
        if not isinstance(self.data[key], dict):
            home = next((table for table, keys in KNOWN.items() if key in keys), None)
            where = f"move it below the [{home}] header" if home else "keys go below [plan] or [assessment]"
            return f"unknown key outside any table, ignored; {where}"
        close = difflib.get_close_matches(key, sorted(KNOWN), n=1, cutoff=0.6)
        fix = f"did you mean [{close[0]}]?" if close else "kpi.toml has [plan], [assessment] and [headings.<edition>]"
        return f"unknown table, ignored; {fix}"

    def _fraction(self, table: dict[str, Any], key: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.problem(("assessment", key), f"expected a number, got {show_value(value)}; write e.g. {key} = {default}")
            return default
        if not 0 <= value <= 1:
            percent = f" ({value}% is {value / 100:g})" if 1 < value <= 100 else ""
            self.problem(("assessment", key), f"{value} is not a share between 0 and 1{percent}; write e.g. {key} = {default}")
            return default
        return float(value)

    def _headings(self) -> dict[int, dict[str, str]]:
        out: dict[int, dict[str, str]] = {}
        for edition, table in self._table("headings").items():
            if not (edition.isascii() and edition.isdigit() and len(edition) == 4) or not isinstance(table, dict):
                self.problem(("headings", edition), 'expected a table per edition, like [headings.2025] with "1-2" = "..."')
                continue
            words: dict[str, str] = {}
            for code, text in table.items():
                if not HEADING_CODE.match(code) or not isinstance(text, str):
                    got = show_value(text)
                    self.problem(("headings", edition, code), f'expected "1-2" = "the heading\'s words", got {code} = {got}')
                    continue
                words[code] = text
            out[int(edition)] = words
        return out

    def build(self, root: Path) -> PlanConfig:
        for key in self.data:
            if key not in KNOWN:
                self.problem((key,), self._unknown_top(key), Severity.WARNING)
        plan = self._table("plan")
        assessment = self._table("assessment")
        defaults = PlanConfig(root=root)
        name = plan.get("name", defaults.name)
        if not isinstance(name, str):
            self.problem(("plan", "name"), f'expected text in quotes, got {show_value(name)}; write name = "..."')
            name = defaults.name
        edition = defaults.edition
        if "edition" in plan:
            try:
                edition = fiscal.parse_year(plan["edition"])
            except BadYear:
                got = show_value(plan["edition"])
                self.problem(("plan", "edition"), f"expected a year, got {got}; write e.g. edition = {defaults.edition}")
        measures = plan.get("measures", defaults.measures_dir)
        if not isinstance(measures, str) or not measures:
            got = show_value(measures)
            self.problem(("plan", "measures"), f'expected a folder name, got {got}; write measures = "measures"')
            measures = defaults.measures_dir
        elif not inside_plan(measures):
            got = show_value(measures)
            fix = 'write a folder below the one of kpi.toml, e.g. measures = "measures"'
            self.problem(("plan", "measures"), f"{got} is not a folder inside the plan; {fix}")
            measures = defaults.measures_dir
        ministries = plan.get("ministries", [])
        if not isinstance(ministries, list) or not all(isinstance(m, str) for m in ministries):
            got = show_value(ministries)
            self.problem(("plan", "ministries"), f'expected a list of names, got {got}; write ministries = ["内閣府", "総務省"]')
            ministries = []
        self.ministries = tuple(ministries)
        method_text = assessment.get("method", Method.LINEAR.value)
        method = next((m for m in Method if m.value == method_text), None)
        if method is None:
            got = show_value(method_text)
            self.problem(("assessment", "method"), f'unknown method {got}; write method = "linear" or method = "cagr"')
            method = Method.LINEAR
        thresholds = Thresholds(
            method=method,
            on_track=self._fraction(assessment, "on_track", 0.95),
            behind=self._fraction(assessment, "behind", 0.60),
            exceed_margin=self._fraction(assessment, "exceed_margin", 0.10),
        )
        if thresholds.behind > thresholds.on_track:
            self.problem(
                ("assessment", "behind"),
                f"{thresholds.behind} is above on_track {thresholds.on_track}; "
                "behind is the lower threshold: make it smaller than on_track",
            )
        return PlanConfig(
            root=root,
            name=name,
            edition=edition,
            measures_dir=measures,
            thresholds=thresholds,
            ministries=self.ministries,
            headings=self._headings(),
        )
