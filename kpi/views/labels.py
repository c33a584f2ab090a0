"""Labels in Japanese and English: statuses, grades, flags, kinds, stages, column headings, years.

Every label is an English message id with its Japanese in the catalog (``kpi/i18n/ja_views.py``); each
table is built once for both languages, so ``STATUS[lang][status]`` and ``COLUMNS[lang][key]`` read as before.
A context (``ctx="status"``, ``ctx="column"`` …) keeps a table's words apart from the same English elsewhere.
Titles and names from measure files are never translated.
"""

from __future__ import annotations

from kpi.i18n import Lang as Lang  # the views take Lang from here too
from kpi.i18n import in_lang
from kpi.model import Direction, Flag, Kind, Method, QualStatus, Stage, Status, YearBasis


def _status(lang: Lang) -> dict[Status, str]:
    return {
        Status.NO_DATA: in_lang(lang, "no data", ctx="status"),
        Status.EXCEEDED: in_lang(lang, "exceeded", ctx="status"),
        Status.ACHIEVED: in_lang(lang, "achieved", ctx="status"),
        Status.PENDING: in_lang(lang, "pending", ctx="status"),
        Status.ON_TRACK: in_lang(lang, "on track", ctx="status"),
        Status.BEHIND: in_lang(lang, "behind", ctx="status"),
        Status.FAR_BEHIND: in_lang(lang, "far behind", ctx="status"),
        Status.REGRESSING: in_lang(lang, "regressing", ctx="status"),
        Status.DONE: in_lang(lang, "done", ctx="status"),
        Status.IN_PROGRESS: in_lang(lang, "in progress", ctx="status"),
        Status.NOT_STARTED: in_lang(lang, "not started", ctx="status"),
    }


def _grade(lang: Lang) -> dict[int | None, str]:
    """MIC's 区分 of a measure (1–5), None when it cannot be judged, 0 for a measure of qualitative indicators only."""
    return {
        1: in_lang(lang, "exceeded", ctx="grade"),
        2: in_lang(lang, "achieved", ctx="grade"),
        3: in_lang(lang, "substantial progress", ctx="grade"),
        4: in_lang(lang, "limited progress", ctx="grade"),
        5: in_lang(lang, "not moving toward target", ctx="grade"),
        None: in_lang(lang, "not assessable", ctx="grade"),
        0: in_lang(lang, "qualitative", ctx="grade"),
    }


def _flag(lang: Lang) -> dict[Flag, str]:
    """The flags beside a status; {year} is the figure's year (stale names it)."""
    return {
        Flag.OVERDUE: in_lang(lang, "deadline passed, not met", ctx="flag"),
        Flag.STALE: in_lang(lang, "old figure ({year})", ctx="flag"),
    }


def _direction(lang: Lang) -> dict[Direction, str]:
    return {Direction.UP: in_lang(lang, "up", ctx="direction"), Direction.DOWN: in_lang(lang, "down", ctx="direction")}


def _kind(lang: Lang) -> dict[Kind, str]:
    return {
        Kind.LEVEL: in_lang(lang, "level", ctx="kind"),
        Kind.EVERY_YEAR: in_lang(lang, "every year", ctx="kind"),
        Kind.CUMULATIVE: in_lang(lang, "cumulative", ctx="kind"),
        Kind.TREND: in_lang(lang, "trend", ctx="kind"),
        Kind.QUALITATIVE: in_lang(lang, "qualitative", ctx="kind"),
    }


def _stage(lang: Lang) -> dict[Stage, str]:
    return {
        Stage.ACTIVITY: in_lang(lang, "Activity", ctx="stage"),
        Stage.OUTPUT: in_lang(lang, "Output", ctx="stage"),
        Stage.SHORT_OUTCOME: in_lang(lang, "Short-term outcome", ctx="stage"),
        Stage.MID_OUTCOME: in_lang(lang, "Mid-term outcome", ctx="stage"),
        Stage.LONG_OUTCOME: in_lang(lang, "Long-term outcome", ctx="stage"),
    }


def _columns(lang: Lang) -> dict[str, str]:
    """Every column heading kpi prints: the terminal tables, csv/md/json reports, exports and the database."""
    return {
        "number": "No.",
        "id": "ID",
        "title": in_lang(lang, "Measure", ctx="column"),
        "ministries": in_lang(lang, "Ministries", ctx="column"),
        "pillar": in_lang(lang, "Pillar", ctx="column"),
        "indicator": in_lang(lang, "Indicator", ctx="column"),
        "unit": in_lang(lang, "Unit", ctx="column"),
        "baseline": in_lang(lang, "Baseline", ctx="column"),
        "target": in_lang(lang, "Target (year)", ctx="column"),
        "actual": in_lang(lang, "Latest (year)", ctx="column"),
        "achievement": in_lang(lang, "Achievement", ctx="column"),
        "progress": in_lang(lang, "Progress", ctx="column"),
        "expected": in_lang(lang, "Expected", ctx="column"),
        "pace": in_lang(lang, "Pace", ctx="column"),
        "score": in_lang(lang, "Score", ctx="column"),
        "status": in_lang(lang, "Status", ctx="column"),
        "grade": in_lang(lang, "Grade", ctx="column"),
        "kind": in_lang(lang, "Kind", ctx="column"),
        "direction": in_lang(lang, "Direction", ctx="column"),
        "note": in_lang(lang, "Note", ctx="column"),
        "year": in_lang(lang, "Year", ctx="column"),
        "value": in_lang(lang, "Value", ctx="column"),
        "source": in_lang(lang, "Source", ctx="column"),
        "editions": in_lang(lang, "Editions", ctx="column"),
        "revisions": in_lang(lang, "Target changes", ctx="column"),
        "lagging": in_lang(lang, "Lagging", ctx="column"),
        "measures": in_lang(lang, "Measures", ctx="column"),
        "indicators": in_lang(lang, "Indicators", ctx="column"),
        "indicator_id": in_lang(lang, "Indicator ID", ctx="column"),
        "baseline_year": in_lang(lang, "Baseline year", ctx="column"),
        "target_value": in_lang(lang, "Target", ctx="column"),
        "deadline": in_lang(lang, "Deadline", ctx="column"),
        "latest_actual": in_lang(lang, "Latest actual", ctx="column"),
        "actual_year": in_lang(lang, "Actual year", ctx="column"),
        "status_code": in_lang(lang, "Status code", ctx="column"),
        "grade_label": in_lang(lang, "Grade (measure)", ctx="column"),
        "notes": in_lang(lang, "Notes", ctx="column"),
        "repeat": in_lang(lang, "Listed again", ctx="column"),
        "chart": in_lang(lang, "Chart", ctx="column"),
        "primary": in_lang(lang, "Primary", ctx="column"),
        "flags": in_lang(lang, "Flags", ctx="column"),
        "year_basis": in_lang(lang, "Year basis", ctx="column"),
        # v1.1: the measure's yearly report and the logic model
        "done": in_lang(lang, "What was done", ctx="column"),
        "issues": in_lang(lang, "Issues and causes", ctx="column"),
        "next_steps": in_lang(lang, "Next steps", ctx="column"),
        "budget": in_lang(lang, "Budget (JPY million)", ctx="column"),
        "budget_note": in_lang(lang, "Budget note", ctx="column"),
        "contact": in_lang(lang, "Section", ctx="column"),
        "submitted": in_lang(lang, "Answered", ctx="column"),
        "comments": in_lang(lang, "Comments", ctx="column"),
        "response": in_lang(lang, "Response", ctx="column"),
        "stage": in_lang(lang, "Stage", ctx="column"),
        "rs_ids": in_lang(lang, "RS project id", ctx="column"),
        "needs_explanation": in_lang(lang, "Explanation needed", ctx="column"),
    }


STATUS = {lang: _status(lang) for lang in Lang}
GRADE = {lang: _grade(lang) for lang in Lang}
# "－" (full-width hyphen-minus), not "—": the em dash has no cp932 form and would break a Shift_JIS export.
GRADE_MARK = {1: "①", 2: "②", 3: "③", 4: "④", 5: "⑤", None: "－"}
NO_VALUE = "－"
FLAG = {lang: _flag(lang) for lang in Lang}
# Marks the indicator a measure's grade is judged on, when the measure names one (primary = true).
PRIMARY = {lang: in_lang(lang, " (primary)") for lang in Lang}
DIRECTION = {lang: _direction(lang) for lang in Lang}
KIND = {lang: _kind(lang) for lang in Lang}
STAGE = {lang: _stage(lang) for lang in Lang}
COLUMNS = {lang: _columns(lang) for lang in Lang}
# key -> (Japanese, English): the same headings for the exports that print both languages side by side.
HEADINGS: dict[str, tuple[str, str]] = {key: (COLUMNS[Lang.JA][key], COLUMNS[Lang.EN][key]) for key in COLUMNS[Lang.EN]}


def headings(lang: Lang, *keys: str) -> tuple[str, ...]:
    """The headings of the columns ``keys`` names (COLUMNS' keys), in order: a column is headed alike in every table."""
    return tuple(COLUMNS[lang][key] for key in keys)


def kind_label(kind: Kind, basis: YearBasis, lang: Lang) -> str:
    """水準, 毎年度 … — 毎年 for an every-year target counted in calendar years."""
    if kind is Kind.EVERY_YEAR and basis is YearBasis.CALENDAR:
        return in_lang(lang, "every year", ctx="calendar kind")
    return KIND[lang][kind]


def method_label(method: Method, lang: Lang) -> str:
    """The assessment method as a title names it: 直線法 / linear."""
    if method is Method.CAGR:
        return in_lang(lang, "growth rate (CAGR)", ctx="method")
    return in_lang(lang, "linear", ctx="method")


def status_label(status: Status, lang: Lang) -> str:
    return STATUS[lang][status]


def qual_label(status: QualStatus, lang: Lang) -> str:
    """An officer's qualitative figure as the tables print it: 実施済 / 実施中 / 未着手 (done / in progress / …)."""
    return STATUS[lang][Status(status.value)]


def year_label(year: int | None, basis: YearBasis | None, lang: Lang, *, both: bool = False) -> str:
    """A year as tables print it: 令和6年度 / 2024年 (ja), FY2024 / CY2024 (en) — kpi.fiscal.year_text.

    ``both`` adds the Western year to a Japanese fiscal year, 令和6年度（2024）, where a table compares years.
    With ``basis`` None the year's own type decides (a fiscal.CalendarYear is a calendar year)."""
    from kpi import fiscal  # here, not at the top: `kpi --help` imports this module and nothing it does not need

    if year is None:
        return ""
    calendar = basis is YearBasis.CALENDAR or (basis is None and isinstance(year, fiscal.CalendarYear))
    return fiscal.year_text(year, calendar=calendar, lang=lang, both=both)


def flag_label(flag: Flag, year: int | None, basis: YearBasis, lang: Lang) -> str:
    """One flag's label; ``year`` is the figure's year, named by the stale flag."""
    return FLAG[lang][flag].format(year=year_label(year, basis, lang))


def flags_text(flags: tuple[Flag, ...], year: int | None, basis: YearBasis, lang: Lang) -> str:
    """Every flag of an assessment, as one cell: 期限到来・未達成、古い実績（令和2年度）."""
    sep = "、" if lang is Lang.JA else "; "
    return sep.join(flag_label(f, year, basis, lang) for f in flags)


def status_with_flags(status: Status, flags: tuple[Flag, ...], year: int | None, basis: YearBasis, lang: Lang) -> str:
    """The status label with its flags beside it: 遅れ［期限到来・未達成］."""
    text = status_label(status, lang)
    if not flags:
        return text
    return in_lang(lang, "{status} [{flags}]", status=text, flags=flags_text(flags, year, basis, lang))


def grade_label(grade: int | None, qualitative_only: bool, lang: Lang) -> str:
    return GRADE[lang][0 if qualitative_only else grade]
