"""What a checked 照会 workbook or CSV would change, and the small helpers its checks share (kpi.edit.importing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kpi import fiscal
from kpi.edit import officer
from kpi.edit.issued import matches
from kpi.errors import TwoLanguages
from kpi.i18n import N_, Lang
from kpi.model import Indicator
from kpi.text import column_letter

REPORT_FIELDS = {"done": officer.MAX_TEXT, "issues": officer.MAX_TEXT, "next": officer.MAX_TEXT, "contact": officer.MAX_SHORT}


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


@dataclass(frozen=True)
class FileProblem:
    """One problem of a returned file: the file, the cell (``指標!L12``, ``C2``; empty for the whole file), the message."""

    file: str
    where: str
    message: TwoLanguages

    def text(self, lang: Lang) -> str:
        """``R7_厚生労働省.xlsx: 指標!L12: message`` in ``lang`` (the location as written, the message translated)."""
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}: {where}{self.message.in_lang(lang)}"


@dataclass
class Checked:
    """One file, checked: what it would change, or why it writes nothing."""

    file: str
    year: int
    ministry: str | None
    problems: list[FileProblem] = field(default_factory=list)  # one line each; any problem: nothing is written
    figures: list[FigureEdit] = field(default_factory=list)
    texts: list[TextEdit] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # every measure the file answers for (submitted)
    titles: dict[str, str] = field(default_factory=dict)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, where: str, message: TwoLanguages) -> None:
        self.problems.append(FileProblem(self.file, where, message))


def year_of(year: int, *, calendar: bool = False) -> Callable[[Lang], str]:
    """A year as a message field: 令和7年度 / 2025年 in Japanese, FY2025 / CY2025 in English."""
    return lambda lang: fiscal.year_text(year, calendar=calendar, lang=lang)


def figure_of(found: officer.Figure | None, unit: str) -> Callable[[Lang], str]:
    """A figure as a message field: ``130,000 回``, 実施済 / Done, ``—``."""
    return lambda lang: officer.figure_text(found, unit, lang)


def notes_differ(indicator: Indicator, year: int, texts: dict[str, str | None]) -> bool:
    old = indicator.actual_for(year)
    return old is not None and any(texts[k] is not None and texts[k] != getattr(old, k) for k in ("note", "source"))


def figure_now(indicator: Indicator, year: int) -> officer.Figure | None:
    actual = indicator.actual_for(year)
    if actual is not None:
        return officer.Figure(value=officer._checked(actual.value) if actual.value is not None else None, status=actual.status)
    awaited = indicator.awaited_for(year)
    return officer.Figure(missing=awaited.reason) if awaited is not None else None


def conflict(issued: object, now: object, typed: object) -> TwoLanguages:
    """The plan changed a value after the workbook was issued, and the workbook holds another."""
    return TwoLanguages(
        N_(
            "the plan's value changed from {issued} to {now} after the workbook was issued and differs from the "
            "workbook's {typed}; check it, then pass --force to overwrite or correct the workbook"
        ),
        issued=issued,
        now=now,
        typed=typed,
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
