"""What changed in the plan between two revisions, measure by measure: the data behind `kpi diff`.

Targets, deadlines, baselines and milestones are compared with the target policy's eyes (does the change
lower ambition, and which new revisions entry explains it); figures are compared year by year; every
indicator is judged on both sides for the same evaluation year so status changes show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kpi.errors import Severity
from kpi.history.gitrev import Side, changed_measure_files, load_side, open_repo, sides
from kpi.history.policy import explaining, field_value, pair_measures
from kpi.i18n import N_, Lang, _, active
from kpi.judge.assess import assess_indicator
from kpi.judge.report import evaluation_year
from kpi.model import Actual, Direction, Indicator, Kind, Measure, Plan, Status, YearBasis
from kpi.plan.fields import TARGET_FIELDS

WHOLE = frozenset({"added", "removed"})  # a measure that came or went whole
LOWERS = "lowers"
RAISES = "raises"
INDICATOR_FIELDS = ("name", "primary")  # kind, direction, unit … are target fields (kpi.history.policy)

# Counts in the order a pull-request comment states them: (key, singular, plural), each with the {count}.
COUNT_WORDS = (
    ("measures_added", N_("{count} measure added"), N_("{count} measures added")),
    ("measures_removed", N_("{count} measure removed"), N_("{count} measures removed")),
    ("measures_retired", N_("{count} measure retired"), N_("{count} measures retired")),
    ("measures_renamed", N_("{count} measure renamed"), N_("{count} measures renamed")),
    ("indicators_added", N_("{count} indicator added"), N_("{count} indicators added")),
    ("indicators_removed", N_("{count} indicator removed"), N_("{count} indicators removed")),
    ("figures_added", N_("{count} figure added"), N_("{count} figures added")),
    ("figures_changed", N_("{count} figure changed"), N_("{count} figures changed")),
    ("figures_removed", N_("{count} figure removed"), N_("{count} figures removed")),
    ("targets_lowered", N_("{count} target lowered"), N_("{count} targets lowered")),
    ("targets_raised", N_("{count} target raised"), N_("{count} targets raised")),
    ("targets_changed", N_("{count} other target change"), N_("{count} other target changes")),
    (
        "unexplained",
        N_("{count} target change without a revisions entry"),
        N_("{count} target changes without a revisions entry"),
    ),
    ("other_changes", N_("{count} other change"), N_("{count} other changes")),
    ("status_changes", N_("{count} status changed"), N_("{count} statuses changed")),
    ("now_lagging", N_("{count} measure now lagging"), N_("{count} measures now lagging")),
    ("no_longer_lagging", N_("{count} measure no longer lagging"), N_("{count} measures no longer lagging")),
    ("reports_changed", N_("{count} yearly report changed"), N_("{count} yearly reports changed")),
)
REPORT_FIELDS = ("done", "issues", "next", "budget", "budget_note", "contact", "submitted")


@dataclass(frozen=True)
class FieldChange:
    """One key that differs: ``old → new``; for target fields, the effect on ambition and the recorded reason."""

    field: str
    old: object
    new: object
    effect: str = ""  # LOWERS or RAISES ambition; "" when neither or it cannot be told
    governed: bool = False  # a target field: the target policy wants a revisions entry for it
    reason: str | None = None  # the reason of the revisions entry that explains the change

    @property
    def explained(self) -> bool:
        return not self.governed or self.reason is not None


@dataclass(frozen=True)
class ActualChange:
    """A figure added, changed or removed: a number, or a qualitative status."""

    year: int
    old: float | str | None
    new: float | str | None

    @property
    def change(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class IndicatorDiff:
    id: str
    name: str
    unit: str
    change: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()
    actuals: tuple[ActualChange, ...] = ()
    old_status: Status | None = None
    new_status: Status | None = None
    year_basis: YearBasis = YearBasis.FISCAL  # the indicator's (after the change): its years print CY for calendar

    @property
    def status_changed(self) -> bool:
        return self.old_status is not None and self.new_status is not None and self.old_status is not self.new_status


@dataclass(frozen=True)
class MeasureDiff:
    id: str
    title: str
    number: int | None  # in the current edition of the newer side (else the older)
    change: str  # added | removed | retired | renamed | changed
    old_id: str | None = None  # the id before a rename
    fields: tuple[FieldChange, ...] = ()
    indicators: tuple[IndicatorDiff, ...] = ()
    was_lagging: bool = False
    now_lagging: bool = False


@dataclass(frozen=True)
class PlanDiff:
    base: Side
    head: Side
    year: int
    measures: tuple[MeasureDiff, ...]
    unreadable: tuple[str, ...] = field(default=())  # "path (side)" of files left out because they do not load

    def target_changes(self) -> Iterator[FieldChange]:
        for m in self.measures:
            for i in m.indicators:
                yield from (c for c in i.fields if c.governed)

    def counts(self) -> dict[str, int]:
        """Every count of COUNT_WORDS (zeros included), in that order."""
        figures = [a.change for m in self.measures for i in m.indicators for a in i.actuals]
        targets = list(self.target_changes())
        values = {
            "measures_added": sum(m.change == "added" for m in self.measures),
            "measures_removed": sum(m.change == "removed" for m in self.measures),
            "measures_retired": sum(m.change == "retired" for m in self.measures),
            "measures_renamed": sum(m.old_id is not None for m in self.measures),
            # Within measures kept: an added or removed measure's indicators come and go with it.
            "indicators_added": sum(i.change == "added" for m in self.measures if m.change not in WHOLE for i in m.indicators),
            "indicators_removed": sum(
                i.change == "removed" for m in self.measures if m.change not in WHOLE for i in m.indicators
            ),
            "figures_added": figures.count("added"),
            "figures_changed": figures.count("changed"),
            "figures_removed": figures.count("removed"),
            "targets_lowered": sum(c.effect == LOWERS for c in targets),
            "targets_raised": sum(c.effect == RAISES for c in targets),
            "targets_changed": sum(c.effect == "" for c in targets),
            "unexplained": sum(not c.explained for c in targets),
            # Title, ministries, editions (a retirement is counted above), an indicator's name or primary mark.
            "other_changes": sum(
                c.field != "retired" and not c.field.startswith("reports.") for m in self.measures for c in m.fields
            )
            + sum(not c.governed for m in self.measures for i in m.indicators for c in i.fields),
            "status_changes": sum(i.status_changed for m in self.measures for i in m.indicators),
            "now_lagging": sum(m.now_lagging and not m.was_lagging for m in self.measures),
            "no_longer_lagging": sum(m.was_lagging and not m.now_lagging for m in self.measures),
            "reports_changed": len(
                {(m.id, c.field.split(".")[1]) for m in self.measures for c in m.fields if c.field.startswith("reports.")}
            ),
        }
        return {key: values[key] for key, _, _ in COUNT_WORDS}

    def summary(self) -> str:
        """``3 figures added, 1 target lowered, 2 measures now lagging`` (``no changes`` when nothing differs), in the
        active language: 数値の追加 3件、目標の引下げ 1件、…"""
        counts = self.counts()
        parts = [_(one if counts[k] == 1 else many, count=counts[k]) for k, one, many in COUNT_WORDS if counts[k]]
        if not parts:
            return _("no changes")
        return ("、" if active() is Lang.JA else ", ").join(parts)


def diff_plan(root: Path, base: str | None = None, head: str | None = None, year: int | None = None) -> PlanDiff:
    """Compare the plan at ``base`` (default: merge base with the default branch) and ``head`` (default: working tree)."""
    repo = open_repo(root)
    base_side, head_side = sides(repo, base, head)
    # Only the measure files that differ need reading: the others are the same on both sides, and a same file
    # under the same kpi.toml judges the same. (A whole load when kpi.toml changed, or git cannot say.)
    only = changed_measure_files(repo, base_side, head_side)
    old, new = load_side(repo, base_side, only), load_side(repo, head_side, only)
    unreadable = [
        (p.path, side)
        for side, result in ((base_side, old), (head_side, new))
        for p in result.problems
        if p.severity is Severity.ERROR and p.path != "kpi.toml"
    ]
    skip = {path for path, _ in unreadable}
    return compare(
        _without(old.plan, skip),
        _without(new.plan, skip),
        evaluation_year(year),
        base_side,
        head_side,
        tuple(dict.fromkeys(f"{path} ({side.short})" for path, side in unreadable)),
    )


def _without(plan: Plan, paths: set[str]) -> Plan:
    root = plan.config.root
    return Plan(plan.config, tuple(m for m in plan.measures if m.path.relative_to(root).as_posix() not in paths))


def compare(old: Plan, new: Plan, year: int, base: Side, head: Side, unreadable: tuple[str, ...] = ()) -> PlanDiff:
    """The differences from ``old`` to ``new``, judging both for evaluation year ``year``; unchanged measures left out."""
    out = []
    for before, after in pair_measures(old, new):
        found = _measure(before, after, old, new, year)
        if found is not None:
            out.append(found)
    out.sort(key=lambda m: (m.number is None, m.number or 0, m.id))
    return PlanDiff(base, head, year, tuple(out), unreadable)


def _measure(before: Measure | None, after: Measure | None, old: Plan, new: Plan, year: int) -> MeasureDiff | None:
    either = after or before
    assert either is not None
    placed = either.edition(new.config.edition) or either.edition(old.config.edition)
    number = placed.number if placed else None
    old_inds = {i.id: i for i in before.indicators} if before else {}
    new_inds = {i.id: i for i in after.indicators} if after else {}
    indicators = []
    for ind_id in [*new_inds, *(i for i in old_inds if i not in new_inds)]:
        found = _indicator(old_inds.get(ind_id), new_inds.get(ind_id), old, new, year)
        if found is not None:
            indicators.append(found)
    was = any(i.old_status is not None and i.old_status.lagging for i in indicators) or _lagging(before, old, year)
    now = any(i.new_status is not None and i.new_status.lagging for i in indicators) or _lagging(after, new, year)
    fields = _measure_fields(before, after) if before and after else ()
    if before is None:
        change = "added"
    elif after is None:
        change = "removed"
    elif after.retired is not None and before.retired != after.retired:
        change = "retired"
    elif before.id != after.id:
        change = "renamed"
    elif fields or indicators:
        change = "changed"
    else:
        return None
    renamed = before.id if before and after and before.id != after.id else None
    return MeasureDiff(either.id, either.title, number, change, renamed, fields, tuple(indicators), was, now)


def _lagging(measure: Measure | None, plan: Plan, year: int) -> bool:
    if measure is None:
        return False
    return any(assess_indicator(i, year, plan.config.thresholds).lagging for i in measure.indicators)


def _measure_fields(before: Measure, after: Measure) -> tuple[FieldChange, ...]:
    def editions(m: Measure) -> tuple[tuple[int, int, str], ...]:
        """(edition, number, heading) of each placement: views write them as the plan prints them."""
        return tuple((e.year, e.number, e.pillar) for e in m.editions)

    pairs = [
        ("title", before.title, after.title),
        ("ministries", "、".join(before.ministries), "、".join(after.ministries)),
        ("retired", before.retired, after.retired),
        ("editions", editions(before), editions(after)),
    ]
    changed = [FieldChange(name, was, now) for name, was, now in pairs if was != now]
    return tuple(changed + _report_fields(before, after))


def _report_fields(before: Measure, after: Measure) -> list[FieldChange]:
    """Changed report texts, budgets and comments, as ``reports.2024.issues``; they need no revisions entry."""
    out = []
    for year in sorted({r.year for r in (*before.reports, *after.reports)}):
        was, now = before.report(year), after.report(year)
        for name in REPORT_FIELDS:
            old, new = getattr(was, name, None), getattr(now, name, None)
            if old != new:
                out.append(FieldChange(f"reports.{year}.{name}", old, new))
        old_comments, new_comments = (was.comments if was else ()), (now.comments if now else ())
        for index in range(max(len(old_comments), len(new_comments))):
            old_c = old_comments[index] if index < len(old_comments) else None
            new_c = new_comments[index] if index < len(new_comments) else None
            key = f"reports.{year}.comments[{index + 1}]"
            if (old_c and (old_c.by, old_c.text)) != (new_c and (new_c.by, new_c.text)):
                out.append(FieldChange(key, old_c and f"{old_c.by}: {old_c.text}", new_c and f"{new_c.by}: {new_c.text}"))
            elif old_c and new_c and (old_c.response or None) != (new_c.response or None):
                out.append(FieldChange(f"{key}.response", old_c.response or None, new_c.response or None))
    return out


def _indicator(before: Indicator | None, after: Indicator | None, old: Plan, new: Plan, year: int) -> IndicatorDiff | None:
    either = after or before
    assert either is not None
    old_status = assess_indicator(before, year, old.config.thresholds).status if before else None
    new_status = assess_indicator(after, year, new.config.thresholds).status if after else None
    if before is None or after is None:
        change = "added" if before is None else "removed"
        actuals = tuple(_actual_changes(before.actuals if before else (), after.actuals if after else ()))
        return IndicatorDiff(either.id, either.name, either.unit, change, (), actuals, old_status, new_status, either.year_basis)
    fields = [
        FieldChange(n, _plain(getattr(before, n)), _plain(getattr(after, n)))
        for n in INDICATOR_FIELDS
        if getattr(before, n) != getattr(after, n)
    ]
    for name in TARGET_FIELDS:
        was, now = field_value(before, name), field_value(after, name)
        if was != now:
            revision = explaining(before, after, name)
            effect = ambition(name, was, now, after.direction, after.kind)
            fields.append(FieldChange(name, was, now, effect, True, revision.reason if revision else None))
    actuals = tuple(_actual_changes(before.actuals, after.actuals))
    if not fields and not actuals and old_status is new_status:
        return None
    return IndicatorDiff(
        after.id, after.name, after.unit, "changed", tuple(fields), actuals, old_status, new_status, after.year_basis
    )


def _plain(value: object) -> object:
    return value.value if isinstance(value, Kind | Direction) else value


def ambition(name: str, old: object, new: object, direction: Direction | None, kind: Kind) -> str:
    """Whether a target field's change lowers or raises what the plan commits to ("" when neither or unknowable).

    A lower target (``up``) or a later deadline lowers it; a baseline only sets the bar of a ``trend``
    indicator; milestones lower it when one gets easier or is dropped.
    """
    if direction is None:
        return ""
    sign = direction.sign
    numbers = _numbers(old, new)
    if name == "target" and numbers:
        return _by_sign((numbers[1] - numbers[0]) * sign)
    if name == "deadline" and isinstance(old, int) and isinstance(new, int):
        return _by_sign(old - new)
    if name == "baseline" and kind is Kind.TREND and numbers:
        return _by_sign((numbers[1] - numbers[0]) * sign)
    if name == "milestones" and isinstance(old, tuple) and isinstance(new, tuple):
        was, now = dict(old), dict(new)
        steps = [(now[y] - v) * sign for y, v in was.items() if y in now]
        if any(s < 0 for s in steps) or any(y not in now for y in was):
            return LOWERS
        if any(s > 0 for s in steps) or any(y not in was for y in now):
            return RAISES
    return ""


def _numbers(old: object, new: object) -> tuple[float, float] | None:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool) and not isinstance(new, bool):
        return float(old), float(new)
    return None


def _by_sign(value: float) -> str:
    return RAISES if value > 0 else LOWERS if value < 0 else ""


def _figure(actual: Actual) -> float | str | None:
    if actual.value is not None:
        return actual.value
    return actual.status.value if actual.status is not None else None


def _actual_changes(before: tuple[Actual, ...], after: tuple[Actual, ...]) -> Iterator[ActualChange]:
    was = {a.year: _figure(a) for a in before}
    now = {a.year: _figure(a) for a in after}
    for year in sorted(set(was) | set(now)):
        if was.get(year) != now.get(year):
            yield ActualChange(year, was.get(year), now.get(year))
