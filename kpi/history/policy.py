"""The target policy: a target is a commitment, so every change of one carries a recorded reason.

A change of ``target``, ``deadline``, ``baseline``, ``baseline_year`` or ``milestones`` since a git revision
must come with a new ``[[indicators.revisions]]`` entry whose field, old and new match it. The first
revision's ``old`` value is the target the plan adopted, shown next to the current one in reports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from kpi import fiscal
from kpi.errors import BadYear, KpiError, Problem, ProblemError
from kpi.i18n import _
from kpi.model import Indicator, Measure, Plan, Revision
from kpi.plan.fields import NOT_SET_WORDS, TARGET_FIELDS, YEAR_FIELDS
from kpi.plan.tomlread import Locator
from kpi.text import shown_path

# What the plan commits to: the target and its path, and what its figures mean (v1.1) — each change needs a reason.
MEANING_FIELDS = frozenset({"direction", "kind", "unit", "year_basis", "counting"})
REMOVED = "removed"
NUMBER_FIELDS = frozenset({"target", "baseline"})


class _Bad:
    """A revision value that cannot be read for its field (never equal to anything)."""

    def __repr__(self) -> str:
        return "<unreadable>"


BAD = _Bad()


def field_value(indicator: Indicator, name: str) -> object:
    """The comparable value of a target field: a number, a year, a tuple of (year, value) pairs, or None."""
    if name == "milestones":
        return tuple((m.year, m.value) for m in indicator.milestones)
    if name == "indicator":
        return REMOVED if indicator.removed else None
    if name in MEANING_FIELDS:
        value = getattr(indicator, name)
        text = str(getattr(value, "value", value) or "")
        return text or None
    return getattr(indicator, name)


def normalize(name: str, raw: object) -> object:
    """A revision's ``old``/``new`` as ``field_value`` would give it; ``"none"`` (or "") stands for not set."""
    if name == "indicator":  # any old value stands for "in the plan"; only "removed" takes it out
        return REMOVED if isinstance(raw, str) and raw.strip().lower() == REMOVED else None
    if isinstance(raw, str) and raw.strip().lower() in NOT_SET_WORDS:
        return () if name == "milestones" else None
    if name in MEANING_FIELDS:
        return raw.strip() if isinstance(raw, str) else BAD
    if name in NUMBER_FIELDS:
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            return BAD
        return raw
    if name in YEAR_FIELDS:
        try:
            return fiscal.parse_year(raw)
        except BadYear:
            return BAD
    if name == "milestones" and isinstance(raw, list):
        pairs = [_milestone(entry) for entry in raw]
        return BAD if any(p is None for p in pairs) else tuple(pairs)
    return BAD


def _milestone(entry: object) -> tuple[int, float] | None:
    if isinstance(entry, dict):
        year, value = entry.get("year"), entry.get("value")
    elif isinstance(entry, list) and len(entry) == 2:
        year, value = entry
    else:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return fiscal.parse_year(year), value
    except BadYear:
        return None


def adopted(indicator: Indicator, name: str) -> object:
    """The value the plan adopted: the ``old`` of the field's first revision, else the current value."""
    if not indicator.revisions:  # most indicators: no revision to look through
        return field_value(indicator, name)
    revised = sorted((r for r in indicator.revisions if r.field == name), key=lambda r: r.date)
    if revised:
        first = normalize(name, revised[0].old)
        if first is not BAD:
            return first
    return field_value(indicator, name)


def adopted_number(indicator: Indicator, name: str) -> float | None:
    """``adopted`` for the target and baseline fields (a number as written, or None)."""
    value = adopted(indicator, name)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def adopted_year(indicator: Indicator, name: str) -> int | None:
    """``adopted`` for the deadline and baseline_year fields (a year or None)."""
    value = adopted(indicator, name)
    return value if isinstance(value, int) else None


def explaining(before: Indicator, after: Indicator, name: str) -> Revision | None:
    """The new revisions entry that accounts for the change of ``name`` from ``before`` to ``after``, if any.

    Entries are followed in the order listed, so two steps (120 → 110, then 110 → 100) explain 120 → 100.
    """
    current, goal = field_value(before, name), field_value(after, name)
    found: Revision | None = None
    for revision in after.revisions:
        if revision.field != name or revision in before.revisions or not revision.reason.strip():
            continue
        if normalize(name, revision.old) == current:
            current, found = normalize(name, revision.new), revision
            if current == goal:
                return found
    return None


def pair_measures(old: Plan, new: Plan) -> list[tuple[Measure | None, Measure | None]]:
    """Match the measures of two plans: by id, then a renamed file by its title, then by its indicators."""
    olds = {m.id: m for m in old.measures}
    news = {m.id: m for m in new.measures}
    pairs: list[tuple[Measure | None, Measure | None]] = [(olds[i], news[i]) for i in news if i in olds]
    gone = [m for i, m in olds.items() if i not in news]
    came = [m for i, m in news.items() if i not in olds]
    for key in (lambda m: m.title, lambda m: (frozenset((i.id, i.name) for i in m.indicators), m.ministries)):
        for measure in list(came):
            twins = [g for g in gone if key(g) == key(measure)]
            if len(twins) == 1:
                pairs.append((twins[0], measure))
                gone.remove(twins[0])
                came.remove(measure)
    pairs += [(m, None) for m in gone] + [(None, m) for m in came]
    return pairs


def toml_value(value: object) -> str:
    """A comparable value written as TOML, for the fix a message suggests."""
    if value is None:
        return '"none"'
    if isinstance(value, tuple):
        return "[" + ", ".join(f"{{ year = {y}, value = {_num(v)} }}" for y, v in value) + "]"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _num(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def check_against(old: Plan, new: Plan, label: str) -> list[Problem]:
    """Every target change from ``old`` to ``new`` without a matching new revisions entry, as problems of ``new``'s files."""
    problems: list[Problem] = []
    for before, after in pair_measures(old, new):
        if before is not None and after is None and before.retired is None:
            problems.append(_deleted(before, old, new, label))
        if before is None or after is None:
            continue
        shown = shown_path(after.path, new.config.root)
        locator = _locator(after.path)
        for index, indicator in enumerate(after.indicators):
            previous = before.indicator(indicator.id)
            if previous is None:
                continue
            for name in TARGET_FIELDS:
                was, now = field_value(previous, name), field_value(indicator, name)
                if was == now or explaining(previous, indicator, name) is not None:
                    continue
                problems.append(
                    Problem(
                        shown,
                        f"indicators[{index}].{name}",
                        _(
                            "{field} changed since {label} ({old} → {new}) with no matching revisions entry; "
                            'add [[indicators.revisions]] with date, field = "{field}", old = {old}, '
                            'new = {new} and reason = "..."',
                            field=name,
                            label=label,
                            old=toml_value(was),
                            new=toml_value(now),
                        ),
                        locator.line_of(("indicators", index, name)),
                    )
                )
            for revision in previous.revisions:
                if revision not in indicator.revisions:
                    problems.append(
                        Problem(
                            shown,
                            f"indicators[{index}].revisions",
                            _(
                                "the {field} revision of {date} at {label} was removed or edited; "
                                "revisions are the record of past changes: restore it and add a new entry instead",
                                field=revision.field,
                                date=revision.date,
                                label=label,
                            ),
                            locator.line_of(("indicators", index, "revisions")),
                        )
                    )
        for indicator in before.indicators:
            if after.indicator(indicator.id) is None and not indicator.removed:
                problems.append(
                    Problem(
                        shown,
                        "indicators",
                        _(
                            'indicator "{id}" was deleted since {label}; its target would leave the plan with '
                            "no record: restore it and add [[indicators.revisions]] with date, "
                            'field = "indicator", old = "active", new = "removed" and reason = "..."',
                            id=indicator.id,
                            label=label,
                        ),
                        locator.line_of(("indicators",)),
                    )
                )
    return problems


def _deleted(before: Measure, old: Plan, new: Plan, label: str) -> Problem:
    """A measure file deleted: a measure leaves the plan by ``retired``, which keeps its record."""
    shown = shown_path(before.path, old.config.root)
    return Problem(
        shown,
        "",
        _(
            "the measure {id} was deleted since {label}; a measure leaves the plan by retired = <edition>: "
            "restore the file and add retired = {edition} (the first edition that no longer lists it)",
            id=before.id,
            label=label,
            edition=new.config.edition + 1,
        ),
    )


def _locator(path: Path) -> Locator:
    try:
        return Locator(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return Locator("")


def run_check(
    root: Path,
    *,
    against: str | None = None,
    paths: Sequence[Path] = (),
    cwd: Path | None = None,
    year: int | None = None,
) -> tuple[Problem, ...]:
    """``kpi check``: every problem of the plan, plus target changes since ``against``, limited to ``paths`` if given.

    Without ``against``, also a warning for each indicator whose reasons the report for ``year`` (default: the last
    complete FY) owes; with it, the check judges a change (a pull request), and those reminders are not its business.
    """
    from kpi.history.reasons import explanations_due
    from kpi.judge.report import evaluation_year
    from kpi.plan.loader import future_figures, load_plan

    keep = _wanted(paths, root, cwd or Path.cwd()) if paths else None
    try:
        result = load_plan(root)
    except ProblemError as exc:
        return _only((exc.problem,), keep)
    problems = [*result.problems, *future_figures(result.plan)]
    if against is not None:
        from kpi.history import gitrev

        repo = gitrev.open_repo(root)
        previous = gitrev.load_at(repo, gitrev.resolve(repo, against))
        problems += check_against(previous.plan, result.plan, against)
    elif not result.errors:
        problems += explanations_due(result.plan, evaluation_year(year), root)
    return _only(problems, keep)


def _wanted(paths: Sequence[Path], root: Path, cwd: Path) -> tuple[str, ...]:
    """Plan-relative names of the given files (a folder stands for the files under it)."""
    base = root.resolve()
    out = []
    for path in paths:
        full = (cwd / path).resolve()
        if not full.exists():
            raise KpiError(_("{path}: no such file; give measure files of the plan (paths from the current folder)", path=path))
        try:
            relative = full.relative_to(base).as_posix()
        except ValueError:
            raise KpiError(
                _("{path}: not in the plan folder {root}; give files under it or --dir that plan", path=path, root=root)
            ) from None
        out.append("" if relative == "." else relative + "/" if full.is_dir() else relative)
    return tuple(out)


def _only(problems: Iterable[Problem], keep: tuple[str, ...] | None) -> tuple[Problem, ...]:
    if keep is None:
        return tuple(problems)
    return tuple(p for p in problems if any(p.path == k or (k[-1:] in ("/", "") and p.path.startswith(k)) for k in keep))
