"""Headings (pillars) of the plan: ``1-2`` is shown as ``(1)②`` with the heading's words when known.

The words are those of the shipped plan's editions (Ⅲ. 具体的施策 of the 2024 and 2025 texts). A plan
whose codes are not listed here still exports: its headings show as the code alone.
"""

from __future__ import annotations

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

_TOP = {
    "1": "孤独・孤立に至っても支援を求める声を上げやすい社会とする",
    "2": "状況に合わせた切れ目のない相談支援につなげる",
    "3": "見守り・交流の場や居場所を確保し、人と人との「つながり」を実感できる地域づくりを行う",
    "4": "孤独・孤立対策に取り組むNPO等の活動をきめ細かく支援し、官・民・NPO等の連携を強化する",
}
_COMMON = {
    "1-1": "孤独・孤立の実態把握",
    "1-2": "支援情報が網羅されたポータルサイトの構築、タイムリーな情報発信",
    "1-3": "声を上げやすい・声をかけやすい環境整備",
    "2-1": "相談支援体制の整備（電話・SNS相談の24時間対応の推進等）",
    "2-2": "人材育成等の支援",
    "2-3": "関連施策の推進",
    "3-2": "アウトリーチ型支援体制の構築",
    "3-3": "人と人とのつながりを生むための施策の相乗効果を高める分野横断的な連携の促進",
    "3-5": "関連施策の推進",
    "4-1": "孤独・孤立対策に取り組むNPO等の活動へのきめ細かな支援",
    "4-2": "NPO等との対話の推進",
    "4-3": "連携の基盤となるプラットフォームの形成",
    "4-4": "行政における孤独・孤立対策の推進体制の整備",
}
HEADINGS: dict[int, dict[str, str]] = {
    2024: {**_TOP, **_COMMON, "3-1": "居場所の確保", "3-4": "地域における包括的支援体制等の推進"},
    2025: {
        **_TOP,
        **_COMMON,
        "3-1": "人間関係を豊かにするつながり・居場所づくり",
        "3-4": "地域における包括的な支援体制等の推進",
        "4-5": "関連施策の推進",
    },
}


def pillar_code(code: str | None) -> str:
    """``1-2`` -> ``(1)②``; ``3`` -> ``(3)``; None or empty -> empty."""
    if not code:
        return ""
    parts = code.split("-")
    text = f"({parts[0]})"
    for part in parts[1:]:
        index = int(part) - 1 if part.isdigit() else -1
        text += CIRCLED[index] if 0 <= index < len(CIRCLED) else f"-{part}"
    return text


def heading(code: str | None, edition: int) -> str:
    """``(1)② 支援情報が網羅された…`` when the words are known for the edition, else ``(1)②``."""
    words = HEADINGS.get(edition, {}).get(code or "")
    shown = pillar_code(code)
    return f"{shown} {words}" if words else shown
