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
from kpi.i18n import _
from kpi.model import Method, PlanConfig, Thresholds
from kpi.plan.fields import FieldReader, spelling_fix
from kpi.plan.tomlread import KeyPath, read, show_value

CONFIG_NAME = "kpi.toml"
ENV_DIR = "KPI_DIR"
KNOWN = {
    "plan": {"name", "edition", "measures", "ministries"},
    "assessment": {"method", "on_track", "behind", "exceed_margin", "stale_after"},
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
        raise PlanNotFound(
            _(
                "{given}: no {config} there; point --dir (or {env}) at the folder that holds {config}",
                given=given,
                config=CONFIG_NAME,
                env=ENV_DIR,
            )
        )
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise PlanNotFound(
        _(
            "no {config} in {here} or any folder above it; run kpi inside a plan folder, or pass --dir PATH (or set {env})",
            config=CONFIG_NAME,
            here=here,
            env=ENV_DIR,
        )
    )


def load_config(root: Path) -> tuple[PlanConfig, list[Problem]]:
    """Read kpi.toml: the settings (defaults where a value is bad) and every problem found.

    A file that cannot be read or parsed raises ProblemError: nothing else can be checked without it.
    """
    data, text, problem = read(root / CONFIG_NAME, CONFIG_NAME)
    if problem is not None or data is None:
        raise ProblemError(problem or Problem(CONFIG_NAME, "", _("cannot read the file")))
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
            message = _(
                "expected a table, got {got}; write it as a [{name}] header with keys below it", got=show_value(table), name=name
            )
            self.problem((name,), message)
            return {}
        for key in table:
            if key not in KNOWN[name] and name != "headings":
                fix = spelling_fix(key, KNOWN[name], config=True)
                self.problem((name, key), _("unknown key, ignored; {fix}", fix=fix), Severity.WARNING)
        return table

    def _unknown_top(self, key: str) -> str:
        if not isinstance(self.data[key], dict):
            home = next((table for table, keys in KNOWN.items() if key in keys), None)
            where = _("move it below the [{home}] header", home=home) if home else _("keys go below [plan] or [assessment]")
            return _("unknown key outside any table, ignored; {where}", where=where)
        close = difflib.get_close_matches(key, sorted(KNOWN), n=1, cutoff=0.6)
        if close:
            fix = _("did you mean [{name}]?", ctx="key", name=close[0])
        else:
            fix = _("kpi.toml has [plan], [assessment] and [headings.<edition>]")
        return _("unknown table, ignored; {fix}", fix=fix)

    def _fraction(self, table: dict[str, Any], key: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            message = _(
                "expected a number, got {got}; write e.g. {key} = {default}", got=show_value(value), key=key, default=default
            )
            self.problem(("assessment", key), message)
            return default
        if not 0 <= value <= 1:
            percent = _(" ({value}% is {share:g})", value=value, share=value / 100) if 1 < value <= 100 else ""
            message = _(
                "{value} is not a share between 0 and 1{percent}; write e.g. {key} = {default}",
                value=value,
                percent=percent,
                key=key,
                default=default,
            )
            self.problem(("assessment", key), message)
            return default
        return float(value)

    def _years(self, table: dict[str, Any], key: str, default: int) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(
                ("assessment", key),
                _(
                    "expected a whole number of years (1 or more), got {got}; write e.g. {key} = {default}",
                    got=show_value(value),
                    key=key,
                    default=default,
                ),
            )
            return default
        return value

    def _headings(self) -> dict[int, dict[str, str]]:
        out: dict[int, dict[str, str]] = {}
        for edition, table in self._table("headings").items():
            if not (edition.isascii() and edition.isdigit() and len(edition) == 4) or not isinstance(table, dict):
                self.problem(("headings", edition), _('expected a table per edition, like [headings.2025] with "1-2" = "..."'))
                continue
            words: dict[str, str] = {}
            for code, text in table.items():
                if not HEADING_CODE.match(code) or not isinstance(text, str):
                    got = show_value(text)
                    message = _('expected "1-2" = "the heading\'s words", got {code} = {got}', code=code, got=got)
                    self.problem(("headings", edition, code), message)
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
            self.problem(
                ("plan", "name"), _('expected text in quotes, got {got}; write {key} = "..."', got=show_value(name), key="name")
            )
            name = defaults.name
        edition = defaults.edition
        if "edition" in plan:
            try:
                edition = fiscal.parse_year(plan["edition"])
            except BadYear:
                got = show_value(plan["edition"])
                message = _("expected a year, got {got}; write e.g. edition = {default}", got=got, default=defaults.edition)
                self.problem(("plan", "edition"), message)
        measures = plan.get("measures", defaults.measures_dir)
        if not isinstance(measures, str) or not measures:
            got = show_value(measures)
            self.problem(("plan", "measures"), _('expected a folder name, got {got}; write measures = "measures"', got=got))
            measures = defaults.measures_dir
        elif not inside_plan(measures):
            got = show_value(measures)
            message = _(
                '{got} is not a folder inside the plan; write a folder below the one of kpi.toml, e.g. measures = "measures"',
                got=got,
            )
            self.problem(("plan", "measures"), message)
            measures = defaults.measures_dir
        ministries = plan.get("ministries", [])
        if not isinstance(ministries, list) or not all(isinstance(m, str) for m in ministries):
            got = show_value(ministries)
            message = _('expected a list of names, got {got}; write ministries = ["内閣府", "総務省"]', got=got)
            self.problem(("plan", "ministries"), message)
            ministries = []
        self.ministries = tuple(ministries)
        method_text = assessment.get("method", Method.LINEAR.value)
        method = next((m for m in Method if m.value == method_text), None)
        if method is None:
            got = show_value(method_text)
            self.problem(("assessment", "method"), _('unknown method {got}; write method = "linear" or method = "cagr"', got=got))
            method = Method.LINEAR
        thresholds = Thresholds(
            method=method,
            on_track=self._fraction(assessment, "on_track", 0.95),
            behind=self._fraction(assessment, "behind", 0.60),
            exceed_margin=self._fraction(assessment, "exceed_margin", 0.10),
            stale_after=self._years(assessment, "stale_after", 3),
        )
        if thresholds.behind > thresholds.on_track:
            self.problem(
                ("assessment", "behind"),
                _(
                    "{behind} is above on_track {on_track}; behind is the lower threshold: make it smaller than on_track",
                    behind=thresholds.behind,
                    on_track=thresholds.on_track,
                ),
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
