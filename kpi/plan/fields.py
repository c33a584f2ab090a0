"""What every reader of kpi's TOML files shares: the format's vocabulary and typed getters that note problems.

``kpi.plan.loader`` (a measure), ``kpi.plan.indicators`` (one [[indicators]] table) and ``kpi.plan.config``
(kpi.toml) each read with a ``FieldReader``: every getter returns None (or a default) after noting a problem with
its key and line, so a file is checked completely in one pass.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from kpi import fiscal
from kpi.errors import BadYear, Problem, Severity
from kpi.i18n import N_, _
from kpi.model import Kind, QualStatus
from kpi.plan.tomlread import KeyPath, Locator, display_key, show_value
from kpi.text import listing

SHARED_LENGTH = 40  # texts up to this long are kept once per run (see _shared)

# The keys of each table of the format. kpi/schema/measure.schema.json lists the same keys (a test checks).
MEASURE_KEYS = frozenset({"id", "title", "ministries", "retired", "editions", "items", "indicators", "rs_ids", "reports"})
EDITION_KEYS = frozenset({"number", "pillar", "also"})
ITEM_KEYS = frozenset({"title", "ministries"})

# ASCII digits only: Python's \d would also take full-width ２０２４, which the rest of kpi would not match.
MEASURE_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
PILLAR = re.compile(r"^[0-9]+(-[0-9]+)*$")


INDICATOR_KEYS = frozenset(
    {
        "id",
        "name",
        "kind",
        "direction",
        "unit",
        "primary",
        "target",
        "deadline",
        "baseline",
        "baseline_year",
        "start",
        "milestones",
        "limit",
        "year_basis",
        "counting",
        "source",
        "actuals",
        "revisions",
        "stage",
    }
)
ACTUAL_KEYS = frozenset({"value", "status", "note", "source", "missing"})  # missing: v1.1, the reason (集計中)
REVISION_KEYS = frozenset({"date", "field", "old", "new", "reason"})
# What a revisions entry may record (v1.1 adds the meaning of the figures, and an indicator's removal).
TARGET_FIELDS = (
    "target",
    "deadline",
    "baseline",
    "baseline_year",
    "milestones",
    "direction",
    "kind",
    "unit",
    "year_basis",
    "counting",
    "indicator",
)
REVISION_FIELDS = frozenset(TARGET_FIELDS)
MILESTONE_KEYS = frozenset({"year", "value"})

# v1.1: the measure's yearly report, [reports.<FY>], and its [[reports.<FY>.comments]].
REPORT_KEYS = frozenset({"done", "issues", "next", "budget", "budget_note", "contact", "submitted", "comments"})
COMMENT_KEYS = frozenset({"from", "text", "response"})

INDICATOR_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
YEAR_KEY = re.compile(r"^[0-9]{4}$")

# Which kinds take which keys: the contract of measure-file.md.
NEEDS_TARGET = frozenset({Kind.LEVEL, Kind.EVERY_YEAR, Kind.CUMULATIVE})
NEEDS_DEADLINE = frozenset({Kind.LEVEL, Kind.CUMULATIVE})
TAKES_MILESTONES = frozenset({Kind.LEVEL, Kind.CUMULATIVE})
TAKES_START = frozenset({Kind.CUMULATIVE, Kind.EVERY_YEAR})
# Officers may write a qualitative status with the Japanese label the reports show.
QUAL_LABELS = {"実施済": QualStatus.DONE, "実施中": QualStatus.IN_PROGRESS, "未着手": QualStatus.NOT_STARTED}
# Revisions: the fields that hold a year, and how an absent value is written (kpi writes ""; "none" is read too).
YEAR_FIELDS = frozenset({"deadline", "baseline_year"})
NOT_SET = ""
NOT_SET_WORDS = frozenset({NOT_SET, "none"})
STATUS_FIX = N_('write status = "done" (or "in_progress", "not_started")')  # shown with _(STATUS_FIX)
STAGE_WORDS = {
    "アクティビティ": "activity",
    "アウトプット": "output",
    "短期アウトカム": "short_outcome",
    "中期アウトカム": "mid_outcome",
    "長期アウトカム": "long_outcome",
}
DIRECTION_WORDS = {"上向き": "up", "増加": "up", "下向き": "down", "減少": "down"}


def number_text(value: float) -> str:
    """A figure for a message as a person writes it: 1400000, 66.7 (never 1.4e+06)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def written_number(text: str) -> str | None:
    """The number a text like "130,000回" or "８４．３%" meant, if it is one."""
    folded = unicodedata.normalize("NFKC", text).replace(",", "").strip()
    folded = re.sub(r"[^\d.+-]+$", "", folded)
    try:
        number = float(folded)
    except ValueError:
        return None
    return number_text(number) if math.isfinite(number) else None


def control_character(text: str) -> str | None:
    """The first control character in ``text`` other than newline and tab (a CR only before LF), named: ``U+0007``."""
    for index, char in enumerate(text):
        if char in "\n\t" or (char == "\r" and text[index + 1 : index + 2] == "\n"):
            continue
        if unicodedata.category(char) == "Cc":
            return f"U+{ord(char):04X}"
    return None


def spelling_fix(key: str, known: Iterable[str], *, config: bool = False) -> str:
    """The fix for an unknown key: the closest known one, else the whole list (``config``: of a kpi.toml table)."""
    names = sorted(known)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        return did_you_mean(close[0])
    heading = _("known", ctx="keys") if config else _("known here", ctx="keys")
    return _("check the spelling ({listing}: {names})", listing=heading, names=listing(names))


def did_you_mean(name: str) -> str:
    return _("did you mean {name}?", ctx="key", name=show_value(name))


INT64 = 2**63  # TOML's integers are 64-bit: larger ones break SQLite and, past 1e308, floating point


def too_big_fix(name: str | int) -> str:
    return _("write it in a larger unit (e.g. thousands), or with a decimal point: {name} = 1.5e20", name=name)


class FieldReader:
    """Typed getters over one parsed file; each notes a problem (key, line, the fix) instead of raising."""

    def __init__(self, text: str, shown: str) -> None:
        self.text = text
        self.shown = shown
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
        self.problems.append(Problem(self.shown, self.key_text(path), message, line, severity))

    def key_text(self, path: KeyPath) -> str:
        """How a message names a key: ``indicators[0].deadline``, other keys quoted as TOML does."""
        return display_key(path)

    def unknown_keys(self, table: dict[str, Any], known: frozenset[str], path: KeyPath) -> None:
        for key in table:
            if key in known:
                continue
            home = home_of(key)
            if home and (path or key in REPORT_KEYS):
                fix = _(
                    "{key} is a key of {home}, not of this table; move it there, or fix the name", key=show_value(key), home=home
                )
            else:
                fix = spelling_fix(key, known)
            self.problem((*path, key), _("unknown key, ignored; {fix}", fix=fix), Severity.WARNING)

    # -- typed getters: each returns None after noting a problem -------------------------------------------------

    def string(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), _('required key is missing; add {key} = "..."', key=key))
            return None
        if not isinstance(value, str):
            self.problem(
                (*path, key), _('expected text in quotes, got {got}; write {key} = "..."', got=show_value(value), key=key)
            )
            return None
        if required and not value.strip():
            self.problem((*path, key), _('is empty; write the {key} between the quotes: {key} = "..."', key=key))
            return None
        return _shared(value)

    def free_text(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> str | None:
        """Free text (newlines and tabs allowed; other control characters refused, named), CRLF read as LF."""
        value = self.string(table, key, path, required=required)
        if value is None:
            return None
        bad = control_character(value)
        if bad is not None:
            message = _("contains the control character {bad}; remove it (only newlines and tabs may be in text)", bad=bad)
            self.problem((*path, key), message)
            return None
        return value.replace("\r\n", "\n")

    def as_number(self, value: object, path: KeyPath) -> float | None:
        name = path[-1]
        if isinstance(value, bool) or not isinstance(value, int | float):
            meant = written_number(value) if isinstance(value, str) else None
            got = show_value(value)
            if meant:
                message = _(
                    "expected a number, got {got}; write {name} = {meant} (digits only: no quotes, commas or units)",
                    got=got,
                    name=name,
                    meant=meant,
                )
            else:
                message = _(
                    "expected a number, got {got}; write e.g. {name} = 1234.5 (digits only: no quotes, commas or units)",
                    got=got,
                    name=name,
                )
            self.problem(path, message)
            return None
        if isinstance(value, int) and not -INT64 <= value < INT64:
            message = _(
                "{got} is beyond what TOML's whole numbers hold (±{largest}); {fix}",
                got=show_value(value),
                largest=f"{INT64 - 1:,}",
                fix=too_big_fix(name),
            )
            self.problem(path, message)
            return None
        if not math.isfinite(value):
            if "actuals" in path:
                fix = _("write the year's figure, or remove the line until there is one")
            else:
                fix = _("write a finite number, e.g. {name} = 1234.5", name=name)
            self.problem(path, _("{got} is not a usable number; {fix}", got=show_value(value), fix=fix))
            return None
        return value

    def year(
        self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False, hint: str = "", example: int = 2026
    ) -> int | None:
        value = table.get(key)
        if value is None:
            if required:
                message = _(
                    "required key is missing{hint}; add {key} = <year>, e.g. {key} = {example}",
                    hint=hint,
                    key=key,
                    example=example,
                )
                self.problem((*path, key), message)
            return None
        return self.as_year(value, (*path, key), example)

    def as_year(self, value: object, path: KeyPath, example: int = 2026) -> int | None:
        try:
            year = fiscal.parse_year(value)
        except BadYear:
            name = path[-1]
            message = _(
                'expected a year like 2026 or "R8", got {got}; write e.g. {name} = {example}',
                got=show_value(value),
                name=name,
                example=example,
            )
            self.problem(path, message)
            return None
        if not isinstance(value, int):
            message = _("write the year as a plain number: {name} = {year} (kpi writes integers)", name=path[-1], year=year)
            self.problem(path, message, Severity.WARNING)
        return year

    def strings(self, table: dict[str, Any], key: str, path: KeyPath, *, required: bool = False) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            if required:
                self.problem((*path, key), _('required key is missing; add {key} = ["..."]', key=key))
            return ()
        if isinstance(value, str) and value.strip():
            message = _("expected a list, got one text; write {key} = [{got}]", key=key, got=show_value(value))
            self.problem((*path, key), message)
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) or (required and not value):
            got = show_value(value)
            message = _('expected a list of names in quotes, got {got}; write {key} = ["...", "..."]', got=got, key=key)
            self.problem((*path, key), message)
            return ()
        return tuple(_shared(v) for v in value)

    def table(self, value: object, path: KeyPath, example: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, _("expected a table, got {got}; write it as {example}", got=show_value(value), example=example))
            return None
        return value

    def year_tables(
        self, table: dict[str, Any], name: str, not_year: str, otherwise: str
    ) -> Iterator[tuple[int, object, KeyPath]]:
        """The tables ``[name.<year>]`` of ``table`` as (year, entry, key path). A key that is not a year is noted with
        ``not_year`` (an N_-marked message with ``{key}`` and ``{fix}``), the fix naming the year the key reads as,
        else ``otherwise`` (already in the run's language)."""
        for key, entry in table.items():
            if YEAR_KEY.fullmatch(key):
                yield int(key), entry, (name, key)
                continue
            try:
                fix = _("write [{name}.{year}]", name=name, year=fiscal.parse_year(key))
            except BadYear:
                fix = otherwise
            self.problem((name, key), _(not_year, key=show_value(key), fix=fix))


def home_of(key: str) -> str:
    """Where a key that is unknown in some table does belong, if anywhere (a key written below the wrong header)."""
    if key in MEASURE_KEYS:
        return _("the measure (at the top of the file, above the first [table] header)")
    if key in INDICATOR_KEYS:
        return _("the [[indicators]] table (above its [indicators.actuals])")
    if key in REPORT_KEYS:
        return _("a year's report table, [reports.<year>]")
    return ""


def _shared(text: str) -> str:
    """One copy of a short text that many files repeat (a ministry, unit, source, pillar, indicator id): a plan of
    100,000 measures would otherwise hold each of them 100,000 times, and so would the cache that keeps it."""
    return sys.intern(text) if len(text) <= SHARED_LENGTH else text
