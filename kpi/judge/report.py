"""The evaluation table: every measure of an edition judged for one year, with filters and counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kpi import fiscal
from kpi.errors import KpiError, UnknownMeasure
from kpi.i18n import _
from kpi.judge.assess import Assessment, Grade, assess_indicator, grade
from kpi.judge.explain import with_explanations
from kpi.model import Edition, Measure, Method, Plan, Status, Thresholds
from kpi.model import Report as YearReport
from kpi.text import listing


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    edition: Edition | None
    assessments: tuple[Assessment, ...]
    grade: Grade
    # (year, thresholds, edition) when build_report made it, all its active indicators judged for them by
    # assess_measure; None for a result made or changed any other way (dataclasses.replace too, as --lagging does):
    # kpi.views.reportcache keeps the lines of the former only.
    judged: tuple[int, Thresholds, int] | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def number(self) -> int | None:
        return self.edition.number if self.edition else None

    @property
    def pillar(self) -> str | None:
        return self.edition.pillar if self.edition else None

    @property
    def year(self) -> int | None:
        """The evaluation year the measure was judged for."""
        return self.assessments[0].year if self.assessments else None

    @property
    def report(self) -> YearReport | None:
        """The measure's yearly report (v1.1) for the evaluation year, if there is one."""
        year = self.year
        return self.measure.report(year) if year is not None else None


@dataclass(frozen=True)
class Report:
    plan_name: str
    edition: int
    year: int
    thresholds: Thresholds
    measures: tuple[MeasureResult, ...]
    headings: dict[str, str] = field(default_factory=dict)  # the edition's pillar code -> heading words

    @property
    def method(self) -> Method:
        return self.thresholds.method

    def assessments(self) -> Iterable[tuple[MeasureResult, Assessment]]:
        for result in self.measures:
            for assessment in result.assessments:
                yield result, assessment

    def status_counts(self) -> Counter[Status]:
        return Counter([a.status for result in self.measures for a in result.assessments])

    def grade_counts(self) -> Counter[int | None]:
        return Counter(m.grade.grade for m in self.measures if not m.grade.qualitative_only)


def evaluation_year(year: str | int | None) -> int:
    """The year to judge: as given (any form fiscal.parse_year reads), else the last complete FY."""
    return fiscal.last_complete_fiscal_year() if year is None else fiscal.parse_year(year)


def thresholds_for(plan: Plan, method: Method | None) -> Thresholds:
    """The plan's assessment settings, with ``method`` (``--method``) in place of its own when given."""
    return plan.config.thresholds if method is None else replace(plan.config.thresholds, method=method)


def show_measure(plan: Plan, key: str, *, year: int | None = None, method: Method | None = None) -> MeasureResult:
    """One measure (by id or current number) judged for ``year``, placed in the current edition."""
    return assess_measure(find_measure(plan, key), evaluation_year(year), thresholds_for(plan, method), plan.config.edition)


def assess_measure(measure: Measure, year: int, thresholds: Thresholds, edition: int) -> MeasureResult:
    assessments = with_explanations(measure, [assess_indicator(i, year, thresholds) for i in measure.active_indicators])
    return MeasureResult(measure, measure.edition(edition), assessments, grade(assessments))


def listed(plan: Plan, edition: int) -> tuple[Measure, ...]:
    """The measures ``edition`` lists; KpiError naming the plan's editions when it lists none."""
    measures = plan.current(edition)
    if not measures:
        editions = sorted({e.year for m in plan.measures for e in m.editions})
        raise KpiError(
            _(
                "no measure is listed in the {edition} edition; editions in this plan: {editions}",
                edition=edition,
                editions=listing(map(str, editions)) or _("none", ctx="editions"),
            )
        )
    return measures


def build_report(
    plan: Plan,
    *,
    year: int | None = None,
    edition: int | None = None,
    method: Method | None = None,
    ministry: str | None = None,
    pillar: str | None = None,
    lagging: bool = False,
) -> Report:
    """Judge every measure listed in ``edition`` (default: the plan's current one) for ``year``."""
    shown = plan.config.edition if edition is None else edition
    thresholds = thresholds_for(plan, method)
    judged_year = evaluation_year(year)
    measures = listed(plan, shown)
    if ministry:
        measures = tuple(m for m in measures if any(ministry in name for name in m.ministries))
        if not measures:
            raise KpiError(
                _(
                    "no measure lists a ministry matching {ministry!r}; try one of: {names}",
                    ministry=ministry,
                    names=listing(ministries(plan)),
                )
            )
    if pillar:
        measures = tuple(m for m in measures if _in_pillar(m.edition(shown), pillar))
        if not measures:
            raise KpiError(
                _("no measure sits under pillar {pillar!r}; write a heading like 1 or 1-2 ((1)② is 1-2)", pillar=pillar)
            )
    results = [assess_measure(m, judged_year, thresholds, shown) for m in measures]
    judged = (judged_year, thresholds, shown)  # one tuple for all: a result keeps it as long as it lives
    for result in results:
        object.__setattr__(result, "judged", judged)
    if lagging:
        results = [
            replace(r, assessments=tuple(a for a in r.assessments if a.lagging))
            for r in results
            if any(a.lagging for a in r.assessments)
        ]
    return Report(plan.config.name, shown, judged_year, thresholds, tuple(results), plan.config.headings.get(shown, {}))


def _in_pillar(edition: Edition | None, pillar: str) -> bool:
    if edition is None:
        return False
    return any(h == pillar or h.startswith(pillar + "-") for h in (edition.pillar, *edition.also))


def ministries(plan: Plan) -> list[str]:
    """Every ministry named by a current measure, most frequent first."""
    counts = Counter(name for m in plan.current() for name in m.ministries)
    return [name for name, _ in counts.most_common()]


def find_measure(plan: Plan, key: str, edition: int | None = None) -> Measure:
    """A measure by id (``2024-008``) or by number in the edition (``8``, ``008``, ``No.8``)."""
    for measure in plan.measures:
        if measure.id == key:
            return measure
    shown = plan.config.edition if edition is None else edition
    digits = key.strip().removeprefix("No.").removeprefix("No").strip()
    if digits.isdigit():
        for measure in plan.measures:
            placed = measure.edition(shown)
            if placed is not None and placed.number == int(digits):
                return measure
    raise UnknownMeasure(
        _(
            "no such measure: {key!r}; give an id like 2024-008 or a number in the {edition} edition (see `kpi report`)",
            key=key,
            edition=shown,
        )
    )
