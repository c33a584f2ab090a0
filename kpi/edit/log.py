"""Recording figures (`kpi log`) and revising targets (`kpi target`) in measure files.

Each edit reads the file under an exclusive lock, changes only the keys it must (tomlkit), checks
the whole measure with the loader's validation, and replaces the file atomically. A refused edit
leaves the file as it was, byte for byte; so does an edit that would change nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi import fiscal
from kpi.edit import tomledit
from kpi.errors import BadYear, KpiError, Problem, ProblemError, Severity, UnknownIndicator, UnknownMeasure
from kpi.judge.assess import Assessment, assess_indicator
from kpi.judge.report import find_measure
from kpi.model import Actual, Indicator, Measure, PlanConfig, QualStatus, YearBasis
from kpi.plan import tomlread
from kpi.plan.config import load_config
from kpi.plan.fields import MEASURE_ID, QUAL_LABELS
from kpi.plan.loader import LoadResult, MeasureReader, load_measure, load_plan
from kpi.plan.tomlread import Locator, display_key
from kpi.safefile import UnsafePath, atomic_write, locked, remove_stale_temps, resolve_inside
from kpi.text import actual_text

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import Table

QUAL_WORDS = {q.value: q for q in QualStatus} | {q.value.replace("_", " "): q for q in QualStatus} | QUAL_LABELS
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$")
_MINUS = str.maketrans({"−": "-", "▲": "-", "△": "-"})
INT64 = 2**63


class BadValue(KpiError, ValueError):
    """A VALUE (or --target, --baseline …) that is not a figure kpi can write."""


# -- reading what the officer typed ---------------------------------------------------------------------------------


def parse_number(text: str, unit: str = "") -> int | float:
    """``1,234`` / ``１２３４`` / ``45.2%`` (unit %) / ``▲3`` -> a number; ints stay ints."""
    folded = unicodedata.normalize("NFKC", text).translate(_MINUS).strip().replace(" ", "")
    if unit and folded.endswith(unit) and folded != unit:
        folded = folded[: -len(unit)]
    elif folded.endswith("%"):
        raise BadValue(f"{text!r} is a percentage but the indicator's unit is {unit or 'not set'!r}; write the number alone")
    if not _NUMBER.match(folded):
        raise BadValue(f"{text!r} is not a number; write digits like 1234, 1,234 or 45.2")
    plain = folded.replace(",", "")
    if any(c in plain for c in ".eE"):
        value = float(plain)
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue(f"{text!r} is too large to be a figure")
        return value
    whole = int(plain)
    if not -INT64 <= whole < INT64:
        raise BadValue(f"{text!r} is too large for a TOML integer; write it with a decimal point or a smaller unit")
    return whole


def parse_status(text: str) -> QualStatus:
    """``done`` / ``in_progress`` / ``not_started`` or 実施済 / 実施中 / 未着手."""
    folded = unicodedata.normalize("NFKC", text).strip()
    found = QUAL_WORDS.get(folded) or QUAL_WORDS.get(folded.lower().replace("-", "_"))
    if found is None:
        raise BadValue(f"{text!r} is not a status; use done, in_progress or not_started (実施済, 実施中, 未着手)")
    return found


def year_option(text: str, what: str = "year") -> int:
    """A year typed by the officer (an argument or option): the error names ``what``, e.g. --deadline."""
    try:
        return fiscal.parse_year(text)
    except BadYear as exc:
        raise BadYear(f"{what}: {exc}") from None


# -- the file under edit --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """A measure found by MEASURE, and where its file really is."""

    config: PlanConfig
    measure: Measure
    real: Path  # the file to lock and replace (a symlink inside the plan resolved)
    shown: str  # as messages name it: relative to the plan root


def locate(root: Path, key: str) -> Located:
    """Find MEASURE (id or current number, never a path) in the plan at ``root``."""
    config = config_for_writing(root)
    quick = _by_file_name(root, key, config)
    if quick is not None:
        return quick
    result = load_plan(root)
    try:
        measure = find_measure(result.plan, key)
    except UnknownMeasure:
        # The measure may exist but not load: say why instead of "no such measure".
        broken = [p for p in result.errors if Path(p.path).stem == key or _numbered(root, p.path, key, result)]
        if broken:
            raise ProblemError(broken[0], more=len(broken) - 1) from None
        raise
    shown = measure.path.relative_to(root).as_posix()
    return Located(result.plan.config, measure, resolve_inside(measure.path, root, shown), shown)


def _numbered(root: Path, shown: str, key: str, result: LoadResult) -> bool:
    """Whether the file ``shown`` (one that does not load) carries ``key`` as its number in the current edition."""
    digits = key.strip().removeprefix("No.").strip()
    if not digits.isdigit():
        return False
    data, _, _ = tomlread.read(root / shown, shown)
    editions = data.get("editions") if data else None
    placed = editions.get(str(result.plan.config.edition)) if isinstance(editions, dict) else None
    return isinstance(placed, dict) and placed.get("number") == int(digits)


def config_for_writing(root: Path) -> PlanConfig:
    """kpi.toml's settings, for a command that writes a measure file: the one rule every writer follows.

    Any error in kpi.toml refuses the write (the edit would be checked against settings kpi.toml does not hold), and
    so does a measures folder that leads outside the plan folder (``plan.measures`` itself cannot, see
    ``kpi.plan.config.inside_plan``; a symlink can).
    """
    config, problems = load_config(root)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        fixed = Problem(
            first.path, first.key, f"{first.message} (kpi writes no measure file while kpi.toml has an error)", first.line
        )
        raise ProblemError(fixed, more=len(errors) - 1)
    folder = config.measures_path.resolve()
    if not folder.is_relative_to(root.resolve()):
        raise UnsafePath(
            f"{config.measures_dir}: leads to {folder}, outside the plan folder; kpi will not write there "
            f"(make {config.measures_dir} a real folder inside the plan)"
        )
    return config


def _by_file_name(root: Path, key: str, config: PlanConfig) -> Located | None:
    """MEASURE as an id whose file is ``measures/<id>.toml``: found by reading that one file, not the whole plan.

    None when there is no such file, or it does not load with that id: the whole plan then finds it or says why.
    """
    if not MEASURE_ID.fullmatch(key):
        return None
    path = config.measures_path / f"{key}.toml"
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        return None
    try:
        if not path.is_file():
            return None
    except OSError:  # a name too long for the file system: the whole plan says there is no such measure
        return None
    measure, _ = load_measure(path, shown, config)
    if measure is None or measure.id != key:
        return None
    return Located(config, measure, resolve_inside(path, root, shown), shown)


def validate_text(text: str, path: Path, shown: str, config: PlanConfig) -> Measure:
    """The measure ``text`` describes, checked as `kpi check` checks a file; the first error raises."""
    reader = MeasureReader(_parse(text, shown), text, shown, config)
    measure = reader.measure(path)
    errors = [p for p in reader.problems if p.severity is Severity.ERROR]
    if errors:
        raise ProblemError(errors[0], more=len(errors) - 1)
    return measure


def _parse(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(Problem(shown, "", f"invalid TOML ({exc}); fix the syntax first")) from None


@dataclass
class _Session:
    """One locked read-modify-write of a measure file."""

    located: Located
    form: tomledit.TextForm
    text: str
    measure: Measure  # as the file stands now
    new_text: str | None = None

    def problem(self, key: Sequence[str | int], message: str) -> ProblemError:
        line = Locator(self.text).line_of(key)
        return ProblemError(Problem(self.located.shown, display_key(key), message, line))

    def indicator(self, indicator_id: str) -> tuple[int, Indicator]:
        for index, indicator in enumerate(self.measure.indicators):
            if indicator.id == indicator_id:
                return index, indicator
        known = ", ".join(i.id for i in self.measure.indicators)
        raise UnknownIndicator(f"{self.located.shown}: no indicator {indicator_id!r} in {self.measure.id}; use one of: {known}")

    def edit(self, change: Callable[[TOMLDocument], None]) -> Measure:
        """Apply ``change`` to the document and validate the result (nothing is written yet)."""
        doc = tomledit.parse(self.text)
        change(doc)
        new_text = tomledit.dumps(doc)
        measure = validate_text(new_text, self.located.measure.path, self.located.shown, self.located.config)
        self.new_text = new_text
        return measure


@contextmanager
def editing_session(located: Located) -> Iterator[_Session]:
    """Lock the file, read and check it, let the caller edit, then replace it atomically if the text changed."""
    try:
        with locked(located.real, located.shown):
            remove_stale_temps(located.real)
            raw = located.real.read_bytes()
            try:
                form, text = tomledit.split_form(raw)
            except UnicodeDecodeError:
                raise KpiError(f"{located.shown}: the file is not UTF-8; re-save it as UTF-8, then try again") from None
            measure = validate_text(text, located.measure.path, located.shown, located.config)
            session = _Session(located, form, text, measure)
            yield session
            if session.new_text is not None and session.new_text != text:
                atomic_write(located.real, form.encode(session.new_text))
    except OSError as exc:
        raise KpiError(
            f"{located.shown}: could not update the file ({exc.strerror or exc}); it was left as it was — "
            "check the folder's permissions and free space, then run the command again"
        ) from None


def indicator_table(doc: TOMLDocument, indicator_id: str, shown: str) -> Table:
    from tomlkit.items import Table

    for table in doc.get("indicators", []):
        if table.get("id") == indicator_id:
            if not isinstance(table, Table):
                raise KpiError(f"{shown}: indicators: kpi edits [[indicators]] tables only; rewrite this one as [[indicators]]")
            return table
    raise KpiError(f"{shown}: indicator {indicator_id!r} not found while editing; run `kpi check`")


# -- kpi log -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogResult:
    shown: str
    measure: Measure  # after the edit
    indicator: Indicator
    year: int
    old: Actual | None
    new: Actual
    changed: bool
    assessment: Assessment


def log_figure(
    root: Path,
    measure_key: str,
    indicator_id: str,
    year_text: str,
    value_text: str,
    *,
    note: str | None = None,
    source: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> LogResult:
    """Record ``value_text`` for ``year_text`` in one indicator, writing the file only if that changes it."""
    located = locate(root, measure_key)
    year = year_option(year_text)
    with editing_session(located) as session:
        index, indicator = session.indicator(indicator_id)
        key: tuple[str | int, ...] = ("indicators", index, "actuals", str(year))
        try:
            if indicator.quantitative:
                new = Actual(year, value=parse_number(value_text, indicator.unit))
            else:
                new = Actual(year, status=parse_status(value_text))
        except BadValue as exc:
            raise session.problem(key, str(exc)) from None
        _check_year(session, key, indicator, year, today)
        old = indicator.actual_for(year)
        new = Actual(
            year,
            new.value,
            new.status,
            note if note is not None else (old.note if old else None),
            source if source is not None else (old.source if old else None),
        )
        if old == new:
            measure, changed = session.measure, False
        else:
            if old is not None and not force:
                _refuse_overwrite(session, key, indicator, old, new)
            measure = session.edit(lambda doc: _write_actual(doc, located.shown, indicator, new, note, source))
            changed = True
        logged = measure.indicator(indicator_id)
        if logged is None or logged.actual_for(year) != new:  # never write what would not read back
            raise KpiError(f"{located.shown}: the edit did not read back as written; nothing was changed — please report this")
    return LogResult(
        located.shown, measure, logged, year, old, new, changed, assess_indicator(logged, year, located.config.thresholds)
    )


def _check_year(session: _Session, key: Sequence[str | int], indicator: Indicator, year: int, today: dt.date | None) -> None:
    day = today or dt.date.today()
    calendar = indicator.year_basis is YearBasis.CALENDAR
    now = day.year if calendar else fiscal.current_fiscal_year(day)
    name = str(year) if calendar else fiscal.format_year(year)
    if year > now:
        raise session.problem(key, f"{name} has not begun yet; log figures for {now} or earlier")
    if indicator.deadline is not None and year > indicator.deadline:
        raise session.problem(
            key,
            f"{name} is after the deadline {indicator.deadline}, so it would never be judged; "
            f"if the plan now runs longer, first run "
            f"`kpi target {session.measure.id} {indicator.id} --deadline {year} --reason ...`",
        )


def _refuse_overwrite(session: _Session, key: Sequence[str | int], indicator: Indicator, old: Actual, new: Actual) -> None:
    if (old.value, old.status) != (new.value, new.status):
        have, want = actual_text(old, indicator.unit), actual_text(new, indicator.unit)
    elif old.note is not None and old.note != new.note:
        have, want = f"note {old.note!r}", f"note {new.note!r}"
    elif old.source is not None and old.source != new.source:
        have, want = f"source {old.source!r}", f"source {new.source!r}"
    else:
        return  # only adds a note or source where there was none: nothing recorded is lost
    raise session.problem(key, f"already recorded as {have}; pass --force to replace it with {want}")


def _write_actual(doc: TOMLDocument, shown: str, indicator: Indicator, new: Actual, note: str | None, source: str | None) -> None:
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
        return
    if isinstance(existing, InlineTable):  # keep its other keys, their order and writing
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
