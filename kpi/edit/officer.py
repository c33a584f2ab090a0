"""What officers type into a returned workbook or CSV, read into figures, words and budgets — or refused with the fix.

Accepted: numbers as Excel stores them, full-width digits, ``1,234``, ``12万``, ``1.5億``, ``45.2%`` (and a
number Excel shows as a percentage) for a % indicator, 実施済 / 実施中 / 未着手, and ``集計中`` (the figure is
being compiled: recorded as missing with that reason). Refused, each with its fix: formulas (stored as
formulas or as text starting with ``=``), dates, NaN and infinities, control characters, over-long text.
Each refusal holds its message in both languages (``CellError``, a ``TwoLanguages``: the catalog's Japanese and English).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass

from kpi.edit.issued import COMPILING
from kpi.edit.values import BadValue, parse_number, parse_status
from kpi.errors import TwoLanguages
from kpi.i18n import N_, Lang
from kpi.model import Indicator, QualStatus
from kpi.plan.fields import control_character
from kpi.text import number as shown_number

MAX_TEXT = 10_000  # one report text
MAX_SHORT = 500  # a note, a source, a contact
_SCALES = {"万": 10_000, "億": 100_000_000, "千": 1_000}
# A qualitative figure as a message shows it: the words officers choose in the workbook, and the glossary's English.
QUAL_TEXT = {
    QualStatus.DONE: {Lang.JA: "実施済", Lang.EN: "Done"},
    QualStatus.IN_PROGRESS: {Lang.JA: "実施中", Lang.EN: "In progress"},
    QualStatus.NOT_STARTED: {Lang.JA: "未着手", Lang.EN: "Not started"},
}


class CellError(TwoLanguages):
    """One bad cell: the message in both languages, each ending with the fix."""


@dataclass(frozen=True)
class Figure:
    """A year's figure as typed: a number, a qualitative status, or the reason it is missing (集計中)."""

    value: int | float | None = None
    status: QualStatus | None = None
    missing: str | None = None


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


def _refuse_kinds(value: object, formula: bool) -> None:
    if formula or (isinstance(value, str) and value.lstrip().startswith("=")):
        raise CellError(N_("a formula ({value}) is not accepted; type the value itself"), value=_shown(value))
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        raise CellError(N_("the cell holds a date or time; set its format to General and type the number or text again"))
    if isinstance(value, bool):
        raise CellError(N_("TRUE/FALSE is not accepted; type a number or text"))


def text(value: object, formula: bool, limit: int) -> str | None:
    """A free text cell: newlines kept (CRLF as LF); None when empty."""
    if value is None:
        return None
    _refuse_kinds(value, formula)
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(N_("the cell holds NaN or infinity, not a value; type the text again"))
    if isinstance(value, int | float):
        value = str(value)
    assert isinstance(value, str)
    cleaned = value.replace("\r\n", "\n").strip()
    if "\r" in cleaned:
        raise CellError(N_("the text contains a carriage return (CR); break lines with Alt+Enter instead"))
    bad = control_character(cleaned)
    if bad is not None:
        raise CellError(N_("the text contains the control character {char}; remove it"), char=bad)
    if len(cleaned) > limit:
        raise CellError(
            N_("{count:,} characters, more than the {limit:,} allowed; shorten it to {limit:,}"), count=len(cleaned), limit=limit
        )
    return cleaned or None


def _number_text(typed: str, unit: str) -> int | float:
    folded = unicodedata.normalize("NFKC", typed).strip().replace(" ", "")
    scale = 1
    if not (unit and folded.endswith(unit)):
        for mark, factor in _SCALES.items():
            if folded.endswith(mark) and folded != mark:  # 12万 is 120000, but 12 when the unit is 万人
                folded, scale = folded[: -len(mark)], (1 if unit.startswith(mark) else factor)
                break
    try:
        number = parse_number(folded, unit)
    except BadValue:
        raise CellError(
            N_("{value!r} is not a number; write digits like 1234, 1,234 or 12万, or 集計中 while it is being compiled"),
            value=_shown(typed),
        ) from None
    if scale == 1:
        return number
    scaled = number * scale
    return int(scaled) if isinstance(number, int) or float(scaled).is_integer() else scaled


def _checked(number: int | float) -> int | float:
    if isinstance(number, float):
        if not math.isfinite(number):
            raise CellError(N_("the cell holds NaN or infinity, not a number; type the figure again"))
        if number.is_integer() and abs(number) < 2**53:
            return int(number)
    return number


def figure(value: object, formula: bool, number_format: str, indicator: Indicator) -> Figure | None:
    """The 実績値 cell of ``indicator``; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    _refuse_kinds(value, formula)
    if isinstance(value, str) and unicodedata.normalize("NFKC", value).strip() == COMPILING:
        return Figure(missing=COMPILING)
    if not indicator.quantitative:
        try:
            return Figure(status=parse_status(str(value)))
        except BadValue:
            raise CellError(
                N_(
                    "{value!r} is not one of the choices; choose 実施済 (Done), 実施中 (In progress), "
                    "未着手 (Not started) or 集計中 (Being compiled) from the list"
                ),
                value=_shown(value),
            ) from None
    if isinstance(value, int | float):
        number = _checked(value)
        if "%" in number_format:  # 45.2% typed into a General cell: Excel keeps 0.452 shown as a percentage
            if not indicator.unit:
                raise CellError(N_("typed as a percentage, but the indicator has no unit; write the number without %"))
            if indicator.unit != "%":
                raise CellError(
                    N_("typed as a percentage, but the indicator's unit is {unit!r}; write the number in {unit}"),
                    unit=indicator.unit,
                )
            number = _checked(round(number * 100, 10))
        return Figure(value=number)
    return Figure(value=_checked(_number_text(str(value), indicator.unit)))


def budget(value: object, formula: bool) -> float | int | None:
    """The 予算額（百万円） cell: a number ≥ 0; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    _refuse_kinds(value, formula)
    number = _checked(value) if isinstance(value, int | float) else _checked(_number_text(str(value), "百万円"))
    if number < 0:
        raise CellError(N_("the budget ({value}) is below zero; write it in millions of yen (百万円) as 0 or more"), value=number)
    return number


def figure_text(found: Figure | None, unit: str, lang: Lang) -> str:
    """How a figure reads in a message: ``130,000 回``, ``実施済`` (``Done``), ``集計中`` (the reason as recorded), ``—``."""
    if found is None:
        return "—"
    if found.missing is not None:
        return found.missing
    if found.status is not None:
        return QUAL_TEXT[found.status][lang]
    return f"{shown_number(found.value)} {unit}".rstrip()
