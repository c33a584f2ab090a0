"""What a checked 照会 workbook or CSV would change, and the small helpers its checks share (kpi.edit.importing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi.edit import officer
from kpi.edit.issued import matches
from kpi.model import Indicator
from kpi.text import column_letter

REPORT_FIELDS = {"done": officer.MAX_TEXT, "issues": officer.MAX_TEXT, "next": officer.MAX_TEXT, "contact": officer.MAX_SHORT}
REPORT_LABELS = {"done": ("取組実績", "what was done"), "issues": ("課題・要因", "issues"), "next": ("今後の取組", "next steps")}
REPORT_LABELS |= {"budget": ("予算額", "budget"), "contact": ("担当課室", "contact")}


@dataclass(frozen=True)
class FigureEdit:
    measure: str
    indicator: Indicator
    year: int
    cell: str  # 指標!L12
    old: officer.Figure | None
    new: officer.Figure
    note: str | None
    source: str | None
    forced: bool = False  # a conflict overridden by --force


@dataclass(frozen=True)
class TextEdit:
    measure: str
    field: str
    cell: str
    old: object
    new: object
    forced: bool = False


@dataclass
class Checked:
    """One file, checked: what it would change, or why it writes nothing."""

    file: str
    year: int
    ministry: str | None
    problems: list[str] = field(default_factory=list)  # located, one per line; any problem: nothing is written
    figures: list[FigureEdit] = field(default_factory=list)
    texts: list[TextEdit] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # every measure the file answers for (submitted)
    titles: dict[str, str] = field(default_factory=dict)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def msg(ja: bool, japanese: str, english: str) -> str:
    return japanese if ja else english


def notes_differ(indicator: Indicator, year: int, texts: dict[str, str | None]) -> bool:
    old = indicator.actual_for(year)
    return old is not None and any(texts[k] is not None and texts[k] != getattr(old, k) for k in ("note", "source"))


def figure_now(indicator: Indicator, year: int) -> officer.Figure | None:
    actual = indicator.actual_for(year)
    if actual is not None:
        return officer.Figure(value=officer._checked(actual.value) if actual.value is not None else None, status=actual.status)
    awaited = indicator.awaited_for(year)
    return officer.Figure(missing=awaited.reason) if awaited is not None else None


def conflict(ja: bool, issued: str, now: str, typed: str) -> str:
    return msg(
        ja,
        f"ブックの発行後に計画側の値が {issued} から {now} に変わっており、ブックの {typed} と食い違います。"
        "確認のうえ --force で上書きするか、ブックを直してください",
        f"the plan's value changed from {issued} to {now} after the workbook was issued and differs from the workbook's "
        f"{typed}; check it, then pass --force to overwrite or correct the workbook",
    )


def short_text(value: object) -> str:
    if value is None:
        return "—"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 20 else text[:20] + "…"


def same(a: object, b: object) -> bool:
    """Equal as a cell means it: empty is empty, numbers as numbers."""
    return matches(a, b)


def col_index(letter: str) -> int:
    value = 0
    for ch in letter:
        value = value * 26 + ord(ch) - 64
    return value - 1


def cell_name(col: int, row: int) -> str:
    return f"{column_letter(col)}{row}"
