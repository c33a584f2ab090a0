"""Records of a plan: frozen dataclasses and the closed sets they use.

Everything here is plain data. Loading lives in ``kpi.plan.loader``, judging in ``kpi.judge.assess``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Kind(str, Enum):
    """How an indicator's figures are judged."""

    LEVEL = "level"
    EVERY_YEAR = "every_year"
    CUMULATIVE = "cumulative"
    TREND = "trend"
    QUALITATIVE = "qualitative"


class Direction(str, Enum):
    """Which way is better: up (上向き) or down (下向き)."""

    UP = "up"
    DOWN = "down"

    @property
    def sign(self) -> int:
        return 1 if self is Direction.UP else -1


class QualStatus(str, Enum):
    """An officer's yearly status for a qualitative indicator."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


class Method(str, Enum):
    """Assessment method: straight-line path (default) or Open SDG's growth method."""

    LINEAR = "linear"
    CAGR = "cagr"


class ExportFormat(str, Enum):
    """The file formats of `kpi export` (kpi.export writes them; here so the command line need not import it)."""

    xlsx = "xlsx"
    csv = "csv"
    md = "md"
    html = "html"
    json = "json"
    rs = "rs"


class Layout(str, Enum):
    """What `kpi export` lays out: the evaluation table (one row per indicator), or the follow-up table (one per measure)."""

    table = "table"
    followup = "followup"


class Encoding(str, Enum):
    """Text encodings for csv and rs: UTF-8 with a BOM (default), or cp932 (Shift_JIS) for old systems."""

    utf8 = "utf-8"
    cp932 = "cp932"


class CsvTable(str, Enum):
    """The tables ``kpi export --format csv`` writes, one per file: each is one rectangle Excel can sort and filter."""

    evaluation = "evaluation"
    summary_by_pillar = "summary-by-pillar"
    summary_by_ministry = "summary-by-ministry"
    lagging = "lagging"
    missing = "missing"
    provenance = "provenance"


class YearBasis(str, Enum):
    FISCAL = "fiscal"
    CALENDAR = "calendar"


class Stage(str, Enum):
    """Where an indicator sits in the logic model, as the 行政事業レビューシート places it (v1.1)."""

    ACTIVITY = "activity"
    OUTPUT = "output"
    SHORT_OUTCOME = "short_outcome"
    MID_OUTCOME = "mid_outcome"
    LONG_OUTCOME = "long_outcome"


class Counting(str, Enum):
    """How a cumulative indicator's figures are written: each year's amount (kpi sums), or the total so far."""

    YEARLY = "yearly"
    RUNNING_TOTAL = "running_total"


class Flag(str, Enum):
    """A remark beside an indicator's status; it never changes the status or the grade (assessment.md v1.1)."""

    OVERDUE = "overdue"  # the deadline has come and the latest figure misses the target
    STALE = "stale"  # the status rests on a figure stale_after or more years old


class Status(str, Enum):
    """Result of judging one indicator for one evaluation year."""

    NO_DATA = "no_data"
    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    PENDING = "pending"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    REGRESSING = "regressing"
    # Qualitative indicators carry the officer's own status instead of a computed one.
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    @property
    def lagging(self) -> bool:
        return self in LAGGING

    @property
    def rank(self) -> int | None:
        """Order from worst (0) to best; None for statuses that are not on the scale."""
        return _RANK.get(self)


LAGGING = frozenset({Status.BEHIND, Status.FAR_BEHIND, Status.REGRESSING})
_RANK = {
    Status.REGRESSING: 0,
    Status.FAR_BEHIND: 1,
    Status.BEHIND: 2,
    Status.ON_TRACK: 3,
    Status.ACHIEVED: 4,
    Status.EXCEEDED: 5,
}


@dataclass(frozen=True, slots=True)
class Actual:
    """One year's figure: a number, or a qualitative status, with optional note and source."""

    year: int
    value: float | None = None
    status: QualStatus | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Awaited:
    """A year whose figure is not in yet, with the reason given (``集計中``: being compiled), not 未報告."""

    year: int
    reason: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Milestone:
    year: int
    value: float


@dataclass(frozen=True, slots=True)
class Revision:
    """A recorded change of target, deadline, baseline or milestones."""

    date: dt.date
    field: str
    old: object
    new: object
    reason: str


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: str
    kind: Kind
    direction: Direction | None = None
    unit: str = ""
    primary: bool = False
    target: float | None = None
    deadline: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    start: int | None = None
    milestones: tuple[Milestone, ...] = ()
    limit: float | None = None
    year_basis: YearBasis = YearBasis.FISCAL
    counting: Counting = Counting.YEARLY
    source: str | None = None
    actuals: tuple[Actual, ...] = ()  # sorted by year
    revisions: tuple[Revision, ...] = ()
    stage: Stage | None = None
    awaited: tuple[Awaited, ...] = ()  # years written as { missing = "集計中" } (sorted by year)

    @property
    def quantitative(self) -> bool:
        return self.kind is not Kind.QUALITATIVE

    @property
    def removed(self) -> bool:
        """Taken out of the plan by a revisions entry ``field = "indicator"``, ``new = "removed"`` (kept in the file
        so that the record of its target stays): no longer judged or chased."""
        return any(r.field == "indicator" and str(r.new).strip().lower() == "removed" for r in self.revisions)

    def actual_for(self, year: int) -> Actual | None:
        for actual in self.actuals:
            if actual.year == year:
                return actual
        return None

    def awaited_for(self, year: int) -> Awaited | None:
        for entry in self.awaited:
            if entry.year == year:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment of the 有識者会議 (or another body) on a measure's yearly report, and the ministry's answer."""

    by: str  # the file's ``from`` key: who commented
    text: str
    response: str | None = None  # None or "" until the ministry answers

    @property
    def answered(self) -> bool:
        return bool(self.response and self.response.strip())


REPORT_TEXTS = ("done", "issues", "next", "budget_note", "contact")


@dataclass(frozen=True, slots=True)
class Report:
    """A measure's yearly report (施策の実施状況) for one fiscal year: words, money and the comments on it."""

    year: int
    done: str | None = None  # 取組実績
    issues: str | None = None  # 課題・要因分析
    next: str | None = None  # 今後の取組方針
    budget: float | None = None  # 予算額, 百万円
    budget_note: str | None = None
    contact: str | None = None
    submitted: dt.date | None = None
    comments: tuple[Comment, ...] = ()

    def text(self, name: str) -> str | None:
        """One of the text fields by its key (REPORT_TEXTS)."""
        value = getattr(self, name)
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Edition:
    """Where a measure stands in one edition of the plan."""

    year: int
    number: int
    pillar: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """A sub-item listed under one measure (e.g. No. 130's four programmes)."""

    title: str
    ministries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    title: str
    ministries: tuple[str, ...]
    editions: tuple[Edition, ...]  # sorted by year
    indicators: tuple[Indicator, ...]
    path: Path
    retired: int | None = None
    items: tuple[Item, ...] = ()
    rs_ids: tuple[str, ...] = ()  # 行政事業レビュー 予算事業ID (v1.1)
    reports: tuple[Report, ...] = ()  # sorted by year (v1.1)
    # Set by kpi.plan.cache on a measure that is what its file holds, unchanged and settled: what the cache knows the
    # file by. Never passed in: a measure made or changed any other way (dataclasses.replace too) has none.
    stamp: tuple[object, ...] | None = field(default=None, init=False, compare=False, repr=False)

    def report(self, year: int) -> Report | None:
        for report in self.reports:
            if report.year == year:
                return report
        return None

    def edition(self, year: int) -> Edition | None:
        for edition in self.editions:
            if edition.year == year:
                return edition
        return None

    def indicator(self, indicator_id: str) -> Indicator | None:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        return None

    @property
    def active_indicators(self) -> tuple[Indicator, ...]:
        """The indicators still in the plan (not removed by a revisions entry)."""
        return tuple(i for i in self.indicators if not i.removed)


@dataclass(frozen=True)
class Thresholds:
    """The assessment settings from ``[assessment]`` in kpi.toml."""

    method: Method = Method.LINEAR
    on_track: float = 0.95
    behind: float = 0.60
    exceed_margin: float = 0.10
    stale_after: int = 3  # a figure this many years older than the evaluation year is flagged stale


@dataclass(frozen=True)
class PlanConfig:
    root: Path
    name: str = "孤独・孤立対策重点計画"
    edition: int = 2025
    measures_dir: str = "measures"
    thresholds: Thresholds = field(default_factory=Thresholds)
    ministries: tuple[str, ...] = ()  # when set, the only names a measure may list
    headings: dict[int, dict[str, str]] = field(default_factory=dict)  # edition -> pillar code -> words

    @property
    def measures_path(self) -> Path:
        return self.root / self.measures_dir


@dataclass(frozen=True)
class Plan:
    config: PlanConfig
    measures: tuple[Measure, ...]

    def current(self, edition: int | None = None) -> tuple[Measure, ...]:
        """Measures listed in ``edition`` (default: the plan's current one), in its order."""
        year = self.config.edition if edition is None else edition
        listed = [m for m in self.measures if m.edition(year) is not None]
        return tuple(sorted(listed, key=lambda m: m.edition(year).number))  # type: ignore[union-attr]
