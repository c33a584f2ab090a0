"""The safe edit session every writer uses: find the measure file, lock it, check the whole measure, write atomically.

`kpi log`, `kpi target`, `kpi narrate`, `kpi import` and the rest edit through ``editing_session``: an exclusive lock
on the file, the edited text validated as a whole measure before anything is written, and one atomic replace.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi.edit import tomledit
from kpi.edit.values import listed
from kpi.errors import KpiError, Problem, ProblemError, Severity, UnknownIndicator, UnknownMeasure
from kpi.i18n import _
from kpi.judge.report import find_measure
from kpi.model import Indicator, Measure, PlanConfig
from kpi.plan import tomlread
from kpi.plan.config import load_config
from kpi.plan.fields import MEASURE_ID
from kpi.plan.loader import LoadResult, MeasureReader, load_measure, load_plan
from kpi.plan.tomlread import Locator, display_key
from kpi.safefile import UnsafePath, atomic_write, locked, remove_stale_temps, resolve_inside

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import Table

# -- the file under edit --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyChange:
    """One key an edit changed: its value before and after, as written in the file (None or "" when absent)."""

    field: str
    old: object
    new: object


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
        message = _("{problem} (kpi writes no measure file while kpi.toml has an error)", problem=first.message)
        fixed = Problem(first.path, first.key, message, first.line)
        raise ProblemError(fixed, more=len(errors) - 1)
    folder = config.measures_path.resolve()
    if not folder.is_relative_to(root.resolve()):
        raise UnsafePath(
            _(
                "{folder}: leads to {target}, outside the plan folder; kpi will not write there "
                "(make {folder} a real folder inside the plan)",
                folder=config.measures_dir,
                target=folder,
            )
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
        raise ProblemError(Problem(shown, "", _("invalid TOML ({error}); fix the syntax first", error=exc))) from None


@dataclass
class EditSession:
    """One locked read-modify-write of a measure file."""

    located: Located
    form: tomledit.TextForm
    text: str
    measure: Measure  # as the file stands now
    new_text: str | None = None

    def problem(self, key: Sequence[str | int], message: str) -> ProblemError:
        line = Locator(self.text).line_of(key)
        return ProblemError(Problem(self.located.shown, display_key(key), message, line))

    def indicator(self, indicator_id: str | None) -> tuple[int, Indicator]:
        """The indicator named ``indicator_id``; None names the only one of a one-indicator measure."""
        known = [i.id for i in self.measure.indicators]
        if indicator_id is None:
            if len(known) == 1:
                return 0, self.measure.indicators[0]
            raise UnknownIndicator(
                _(
                    "{path}: {measure} has {count} indicators; name one: {indicators}",
                    path=self.located.shown,
                    measure=self.measure.id,
                    count=len(known),
                    indicators=listed(known),
                )
            )
        for index, indicator in enumerate(self.measure.indicators):
            if indicator.id == indicator_id:
                return index, indicator
        close = difflib.get_close_matches(indicator_id, known, n=1, cutoff=0.5)
        fields = {"path": self.located.shown, "indicator": indicator_id, "measure": self.measure.id, "indicators": listed(known)}
        if close:
            raise UnknownIndicator(
                _(
                    "{path}: no indicator {indicator!r} in {measure}; did you mean {close!r}? its indicators: {indicators}",
                    close=close[0],
                    **fields,
                )
            )
        raise UnknownIndicator(_("{path}: no indicator {indicator!r} in {measure}; its indicators: {indicators}", **fields))

    def edit(self, change: Callable[[TOMLDocument], None]) -> Measure:
        """Apply ``change`` to the document and validate the result (nothing is written yet)."""
        doc = tomledit.parse(self.text)
        change(doc)
        new_text = tomledit.dumps(doc)
        measure = validate_text(new_text, self.located.measure.path, self.located.shown, self.located.config)
        self.new_text = new_text
        return measure


@contextmanager
def editing_session(located: Located) -> Iterator[EditSession]:
    """Lock the file, read and check it, let the caller edit, then replace it atomically if the text changed."""
    try:
        with locked(located.real, located.shown):
            remove_stale_temps(located.real)
            raw = located.real.read_bytes()
            try:
                form, text = tomledit.split_form(raw)
            except UnicodeDecodeError:
                raise KpiError(
                    _("{path}: the file is not UTF-8; re-save it as UTF-8, then try again", path=located.shown)
                ) from None
            measure = validate_text(text, located.measure.path, located.shown, located.config)
            session = EditSession(located, form, text, measure)
            yield session
            if session.new_text is not None and session.new_text != text:
                atomic_write(located.real, form.encode(session.new_text))
    except OSError as exc:
        raise KpiError(
            _(
                "{path}: could not update the file ({reason}); it was left as it was — "
                "check the folder's permissions and free space, then run the command again",
                path=located.shown,
                reason=exc.strerror or exc,
            )
        ) from None


def unreadable(shown: str) -> KpiError:
    """The error for an edit whose result would not read back as written (a bug: nothing is written)."""
    return KpiError(_("{path}: the edit did not read back as written; nothing was changed — please report this", path=shown))


def indicator_table(doc: TOMLDocument, indicator_id: str, shown: str) -> Table:
    from tomlkit.items import Table

    for table in doc.get("indicators", []):
        if table.get("id") == indicator_id:
            if not isinstance(table, Table):
                raise KpiError(
                    _("{path}: indicators: kpi edits [[indicators]] tables only; rewrite this one as [[indicators]]", path=shown)
                )
            return table
    raise KpiError(
        _("{path}: indicator {indicator!r} not found while editing; run `kpi check`", path=shown, indicator=indicator_id)
    )


# -- kpi log -----------------------------------------------------------------------------------------------------
