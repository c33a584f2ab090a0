"""Labels in Japanese and English. Titles and names from measure files are never translated."""

from __future__ import annotations

from kpi.i18n import Lang as Lang  # the views take Lang from here too
from kpi.model import Direction, Flag, Kind, Stage, Status, YearBasis

STATUS = {
    Lang.JA: {
        Status.NO_DATA: "未報告",
        Status.EXCEEDED: "目標超過達成",
        Status.ACHIEVED: "目標達成",
        Status.PENDING: "評価保留",
        Status.ON_TRACK: "順調",
        Status.BEHIND: "やや遅れ",
        Status.FAR_BEHIND: "遅れ",
        Status.REGRESSING: "後退",
        Status.DONE: "実施済",
        Status.IN_PROGRESS: "実施中",
        Status.NOT_STARTED: "未着手",
    },
    Lang.EN: {
        Status.NO_DATA: "no data",
        Status.EXCEEDED: "exceeded",
        Status.ACHIEVED: "achieved",
        Status.PENDING: "pending",
        Status.ON_TRACK: "on track",
        Status.BEHIND: "behind",
        Status.FAR_BEHIND: "far behind",
        Status.REGRESSING: "regressing",
        Status.DONE: "done",
        Status.IN_PROGRESS: "in progress",
        Status.NOT_STARTED: "not started",
    },
}

GRADE = {
    Lang.JA: {
        1: "目標超過達成",
        2: "目標達成",
        3: "相当程度進展あり",
        4: "進展が大きくない",
        5: "目標に向かっていない",
        None: "評価不能",
        0: "定性",
    },
    Lang.EN: {
        1: "exceeded",
        2: "achieved",
        3: "substantial progress",
        4: "limited progress",
        5: "not moving toward target",
        None: "not assessable",
        0: "qualitative",
    },
}
# "－" (full-width hyphen-minus), not "—": the em dash has no cp932 form and would break a Shift_JIS export.
GRADE_MARK = {1: "①", 2: "②", 3: "③", 4: "④", 5: "⑤", None: "－"}
NO_VALUE = "－"

# The flags beside a status, one row per flag; {year} is the figure's year (stale names it).
FLAG = {
    Lang.JA: {
        Flag.OVERDUE: "期限到来・未達成",
        Flag.STALE: "古い実績（{year}）",
    },
    Lang.EN: {
        Flag.OVERDUE: "deadline passed, not met",
        Flag.STALE: "old figure ({year})",
    },
}
# Marks the indicator a measure's grade is judged on, when the measure names one (primary = true).
PRIMARY = {Lang.JA: "（主指標）", Lang.EN: " (primary)"}

DIRECTION = {
    Lang.JA: {Direction.UP: "上向き", Direction.DOWN: "下向き"},
    Lang.EN: {Direction.UP: "up", Direction.DOWN: "down"},
}

KIND = {
    Lang.JA: {
        Kind.LEVEL: "水準",
        Kind.EVERY_YEAR: "毎年度",
        Kind.CUMULATIVE: "累計",
        Kind.TREND: "増減",
        Kind.QUALITATIVE: "定性",
    },
    Lang.EN: {k: k.value.replace("_", " ") for k in Kind},
}


def kind_label(kind: Kind, basis: YearBasis, lang: Lang) -> str:
    """水準, 毎年度 … — 毎年 for an every-year target counted in calendar years."""
    if kind is Kind.EVERY_YEAR and basis is YearBasis.CALENDAR and lang is Lang.JA:
        return "毎年"
    return KIND[lang][kind]


STAGE = {
    Lang.JA: {
        Stage.ACTIVITY: "アクティビティ",
        Stage.OUTPUT: "アウトプット",
        Stage.SHORT_OUTCOME: "短期アウトカム",
        Stage.MID_OUTCOME: "中期アウトカム",
        Stage.LONG_OUTCOME: "長期アウトカム",
    },
    Lang.EN: {
        Stage.ACTIVITY: "Activity",
        Stage.OUTPUT: "Output",
        Stage.SHORT_OUTCOME: "Short-term outcome",
        Stage.MID_OUTCOME: "Mid-term outcome",
        Stage.LONG_OUTCOME: "Long-term outcome",
    },
}

# Every column heading kpi prints, in both languages: key -> (Japanese, English). The one table of headings:
# the terminal tables, csv/md/json reports, exports and the database label their columns from it.
HEADINGS: dict[str, tuple[str, str]] = {
    "number": ("No.", "No."),
    "id": ("ID", "ID"),
    "title": ("施策", "Measure"),
    "ministries": ("府省庁", "Ministries"),
    "pillar": ("柱", "Pillar"),
    "indicator": ("指標", "Indicator"),
    "unit": ("単位", "Unit"),
    "baseline": ("基準値", "Baseline"),
    "target": ("目標値(年度)", "Target (year)"),
    "actual": ("実績値(年度)", "Latest (year)"),
    "achievement": ("達成率", "Achievement"),
    "progress": ("進捗率", "Progress"),
    "expected": ("期待進捗", "Expected"),
    "pace": ("ペース", "Pace"),
    "score": ("スコア", "Score"),
    "status": ("状況", "Status"),
    "grade": ("区分", "Grade"),
    "kind": ("種類", "Kind"),
    "direction": ("改善の方向", "Direction"),
    "note": ("備考", "Note"),
    "year": ("年度", "Year"),
    "value": ("値", "Value"),
    "source": ("出典", "Source"),
    "editions": ("掲載", "Editions"),
    "revisions": ("目標の変更", "Target changes"),
    "lagging": ("遅れ", "Lagging"),
    "measures": ("施策数", "Measures"),
    "indicators": ("指標数", "Indicators"),
    "indicator_id": ("指標ID", "Indicator ID"),
    "baseline_year": ("基準年度", "Baseline year"),
    "target_value": ("目標値", "Target"),
    "deadline": ("目標年度", "Deadline"),
    "latest_actual": ("最新実績", "Latest actual"),
    "actual_year": ("実績年度", "Actual year"),
    "status_code": ("状況コード", "Status code"),
    "grade_label": ("区分(施策)", "Grade (measure)"),
    "notes": ("備考", "Notes"),
    "repeat": ("再掲", "Listed again"),
    "chart": ("推移", "Chart"),
    "primary": ("主指標", "Primary"),
    "flags": ("注意", "Flags"),
    "year_basis": ("年・年度", "Year basis"),
    # v1.1: the measure's yearly report and the logic model
    "done": ("取組実績", "What was done"),
    "issues": ("課題・要因分析", "Issues and causes"),
    "next_steps": ("今後の取組方針", "Next steps"),
    "budget": ("予算額（百万円）", "Budget (JPY million)"),
    "budget_note": ("予算額の注記", "Budget note"),
    "contact": ("担当課室", "Section"),
    "submitted": ("回答日", "Answered"),
    "comments": ("有識者会議等の意見", "Comments"),
    "response": ("対応", "Response"),
    "stage": ("段階", "Stage"),
    "rs_ids": ("予算事業ID", "RS project id"),
    "needs_explanation": ("要因分析が必要", "Explanation needed"),
}
COLUMNS = {Lang.JA: {k: v[0] for k, v in HEADINGS.items()}, Lang.EN: {k: v[1] for k, v in HEADINGS.items()}}


def status_label(status: Status, lang: Lang) -> str:
    return STATUS[lang][status]


def year_label(year: int | None, basis: YearBasis | None, lang: Lang, *, era: bool = False) -> str:
    """A year as tables print it: 2024年度 / 2024年 (ja; 令和6年度 with ``era``), FY2024 / CY2024 (en).

    With ``basis`` None the year's own type decides (a fiscal.CalendarYear is a calendar year)."""
    from kpi import fiscal  # here, not at the top: `kpi --help` imports this module and nothing it does not need

    if year is None:
        return ""
    calendar = basis is YearBasis.CALENDAR or (basis is None and isinstance(year, fiscal.CalendarYear))
    if lang is Lang.EN:
        return f"CY{year}" if calendar else f"FY{year}"
    if calendar:
        return f"{year}年"
    if era and year >= 1926:
        return fiscal.format_era(year, long=True)
    return f"{year}年度"


def flag_label(flag: Flag, year: int | None, basis: YearBasis, lang: Lang) -> str:
    """One flag's label; ``year`` is the figure's year, named by the stale flag."""
    return FLAG[lang][flag].format(year=year_label(year, basis, lang, era=True))


def flags_text(flags: tuple[Flag, ...], year: int | None, basis: YearBasis, lang: Lang) -> str:
    """Every flag of an assessment, as one cell: 期限到来・未達成、古い実績（令和2年度）."""
    sep = "、" if lang is Lang.JA else "; "
    return sep.join(flag_label(f, year, basis, lang) for f in flags)


def status_with_flags(status: Status, flags: tuple[Flag, ...], year: int | None, basis: YearBasis, lang: Lang) -> str:
    """The status label with its flags beside it: 遅れ［期限到来・未達成］."""
    text = status_label(status, lang)
    if not flags:
        return text
    shown = flags_text(flags, year, basis, lang)
    return f"{text}［{shown}］" if lang is Lang.JA else f"{text} [{shown}]"


def grade_label(grade: int | None, qualitative_only: bool, lang: Lang) -> str:
    return GRADE[lang][0 if qualitative_only else grade]
