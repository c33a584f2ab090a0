"""Labels in Japanese and English. Titles and names from measure files are never translated."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import Enum

from kpi.model import Direction, Kind, Stage, Status


class Lang(str, Enum):
    JA = "ja"
    EN = "en"


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
GRADE_MARK = {1: "①", 2: "②", 3: "③", 4: "④", 5: "⑤", None: "—"}

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

COLUMNS = {
    Lang.JA: {
        "number": "No.",
        "id": "ID",
        "title": "施策",
        "ministries": "府省庁",
        "pillar": "柱",
        "indicator": "指標",
        "unit": "単位",
        "baseline": "基準値",
        "target": "目標値(年度)",
        "actual": "実績値(年度)",
        "achievement": "達成率",
        "progress": "進捗率",
        "expected": "期待進捗",
        "pace": "ペース",
        "score": "スコア",
        "status": "状況",
        "grade": "区分",
        "kind": "種類",
        "direction": "改善の方向",
        "note": "備考",
        "year": "年度",
        "value": "値",
        "source": "出典",
        "done": "取組実績",
        "issues": "課題・要因分析",
        "next_steps": "今後の取組方針",
        "budget": "予算額（百万円）",
        "budget_note": "予算額の注記",
        "contact": "担当課室",
        "submitted": "回答日",
        "comments": "有識者会議等の意見",
        "response": "対応",
        "stage": "段階",
        "rs_ids": "予算事業ID",
        "needs_explanation": "要因分析が必要",
        "editions": "掲載",
        "revisions": "目標の変更",
        "lagging": "遅れ",
        "measures": "施策数",
        "indicators": "指標数",
    },
    Lang.EN: {
        "number": "No.",
        "id": "ID",
        "title": "Measure",
        "ministries": "Ministries",
        "pillar": "Pillar",
        "indicator": "Indicator",
        "unit": "Unit",
        "baseline": "Baseline",
        "target": "Target (year)",
        "actual": "Latest (year)",
        "achievement": "Achievement",
        "progress": "Progress",
        "expected": "Expected",
        "pace": "Pace",
        "score": "Score",
        "status": "Status",
        "grade": "Grade",
        "kind": "Kind",
        "direction": "Direction",
        "note": "Note",
        "year": "Year",
        "value": "Value",
        "source": "Source",
        "done": "What was done",
        "issues": "Issues and causes",
        "next_steps": "Next steps",
        "budget": "Budget (¥ million)",
        "budget_note": "Budget note",
        "contact": "Section",
        "submitted": "Answered",
        "comments": "Comments",
        "response": "Response",
        "stage": "Stage",
        "rs_ids": "RS project id",
        "needs_explanation": "Explanation needed",
        "editions": "Editions",
        "revisions": "Target changes",
        "lagging": "Lagging",
        "measures": "Measures",
        "indicators": "Indicators",
    },
}


def detect_lang(env: Mapping[str, str] | None = None) -> Lang:
    """``KPI_LANG``, else Japanese when the locale is Japanese (LC_ALL, LC_MESSAGES, LANG), else English."""
    environ = os.environ if env is None else env
    explicit = environ.get("KPI_LANG", "").lower()
    if explicit in {"ja", "en"}:
        return Lang(explicit)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return Lang.JA if value.lower().startswith("ja") else Lang.EN
    return Lang.EN


def status_label(status: Status, lang: Lang) -> str:
    return STATUS[lang][status]


def grade_label(grade: int | None, qualitative_only: bool, lang: Lang) -> str:
    return GRADE[lang][0 if qualitative_only else grade]
