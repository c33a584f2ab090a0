"""Reading what the officer typed: a figure (``1,234``, ``12万``, ``約1万2000``, ``45.2%``), a status, a year.

Also the likely slips of a figure that still parses (a negative count, a share over 100 %, a fraction for a %
unit): they are recorded, and the officer is warned with what was probably meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kpi import fiscal
from kpi.errors import BadYear, KpiError
from kpi.i18n import Lang, _, active
from kpi.model import Actual, QualStatus, YearBasis
from kpi.plan.fields import QUAL_LABELS
from kpi.text import actual_text

__all__ = [
    "BadValue",
    "Figure",
    "figure_text",
    "listed",
    "parse_figure",
    "parse_number",
    "parse_status",
    "slips",
    "split_log_args",
    "year_name",
    "year_option",
]

QUAL_WORDS = {q.value: q for q in QualStatus} | {q.value.replace("_", " "): q for q in QualStatus} | QUAL_LABELS
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$")
# 12万, 1万2000, 1.5億, 3億4500万: the large-number words officers write.
_JA_NUMBER = re.compile(r"^([+-]?)(?:([\d.]+)億)?(?:([\d.]+)万)?(\d+)?$")
_MINUS = str.maketrans({"−": "-", "▲": "-", "△": "-"})
_APPROX_BEFORE = ("約", "およそ", "概ね", "おおむね")
_APPROX_AFTER = ("程度", "ほど")
# Units that count things: a negative figure in one of them is a slip.
_COUNTED = ("人", "件", "回", "所", "団体", "施設", "校", "世帯", "市町村", "自治体", "機関", "箇所", "者")
INT64 = 2**63


class BadValue(KpiError, ValueError):
    """A VALUE (or --target, --baseline …) that is not a figure kpi can write."""


@dataclass(frozen=True)
class Figure:
    """A figure as typed: its value, and whether it was written as approximate (約12万)."""

    value: int | float
    approximate: bool = False


def parse_figure(text: str, unit: str = "") -> Figure:
    """``約12万`` -> Figure(120000, approximate=True); everything ``parse_number`` reads, too."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    approximate = False
    for word in _APPROX_BEFORE:
        if folded.startswith(word):
            folded, approximate = folded[len(word) :], True
    if unit and folded.endswith(unit) and folded != unit:
        folded = folded[: -len(unit)]
    for word in _APPROX_AFTER:
        if folded.endswith(word):
            folded, approximate = folded[: -len(word)], True
    if unit and folded.endswith(unit) and folded != unit:
        folded = folded[: -len(unit)]
    if "万" in folded or "億" in folded:
        return Figure(_large(folded, text, unit), approximate)
    return Figure(parse_number(folded if folded else text, unit), approximate)


# A unit that counts in a large-number word (万人, 億円, 百万円, 千円): a figure typed with those words is divided by it.
_UNIT_SCALES = (("百万", 10**6), ("千万", 10**7), ("億", 10**8), ("万", 10**4), ("千", 10**3))


def _unit_scale(unit: str) -> int:
    return next((factor for prefix, factor in _UNIT_SCALES if unit.startswith(prefix)), 1)


def _large(folded: str, text: str, unit: str = "") -> int | float:
    """``12万`` -> 120000, or 12 when the unit is already 万人 (the words say how much, the unit what it counts in)."""
    match = _JA_NUMBER.match(folded.translate(_MINUS).replace(",", ""))
    if not match:
        raise BadValue(_("{value!r} is not a number; write digits like 120000, 12万 or 1万2000", value=text))
    sign, oku, man, rest = match.groups()
    try:
        total = sum((Decimal(part) * scale for part, scale in ((oku, 10**8), (man, 10**4), (rest, 1)) if part), Decimal(0))
    except InvalidOperation:
        raise BadValue(_("{value!r} is not a number; write digits like 120000, 12万 or 1万2000", value=text)) from None
    if sign == "-":
        total = -total
    total /= _unit_scale(unit)
    return int(total) if total == total.to_integral_value() else float(total)


def parse_number(text: str, unit: str = "") -> int | float:
    """``1,234`` / ``１２３４`` / ``45.2%`` (unit %) / ``▲3`` -> a number; ints stay ints."""
    folded = unicodedata.normalize("NFKC", text).translate(_MINUS).strip().replace(" ", "")
    if unit and folded.endswith(unit) and folded != unit:
        folded = folded[: -len(unit)]
    elif folded.endswith("%"):
        if not unit:
            raise BadValue(_("{value!r} is a percentage but the indicator has no unit; write the number alone", value=text))
        raise BadValue(
            _("{value!r} is a percentage but the indicator's unit is {unit!r}; write the number alone", value=text, unit=unit)
        )
    if "万" in folded or "億" in folded:
        return _large(folded, text, unit)
    if not _NUMBER.match(folded):
        raise BadValue(_("{value!r} is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)", value=text))
    plain = folded.replace(",", "")
    if any(c in plain for c in ".eE"):
        value = float(plain)
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue(_("{value!r} is too large to be a figure", value=text))
        return value
    whole = int(plain)
    if not -INT64 <= whole < INT64:
        raise BadValue(
            _("{value!r} is too large for a TOML integer; write it with a decimal point or a smaller unit", value=text)
        )
    return whole


def slips(text: str, value: float, unit: str) -> list[str]:
    """Warnings for a figure that parses but is probably not what was meant, each naming the likely slip."""
    out = []
    percent = unit in ("%", "％")
    if value < 0 and not percent and unit.endswith(_COUNTED):
        out.append(
            _(
                "{value!r} is negative, but {unit!r} counts things; if the minus sign is a slip, log it again with --force",
                value=text,
                unit=unit,
            )
        )
    if percent and value < 0:
        out.append(_("{value!r} is a negative share; if the minus sign is a slip, log it again with --force", value=text))
    if percent and value > 100:
        out.append(_("{value!r} is a share above 100 %; check the figure (a count in place of a share?)", value=text))
    written_percent = unicodedata.normalize("NFKC", text).strip().endswith("%")
    if percent and 0 < value < 1 and not written_percent and not float(value).is_integer():
        shown = f"{value * 100:.10g}"
        out.append(
            _(
                "{value!r} looks like a fraction, but the unit is %; if you meant {percent} %, log {percent} again with --force",
                value=text,
                percent=shown,
            )
        )
    return out


def split_log_args(args: Sequence[str], *, delete: bool) -> tuple[str | None, str, str]:
    """``[INDICATOR] YEAR VALUE`` (``[INDICATOR] YEAR`` with --delete) -> (indicator or None, year, value)."""
    want = 1 if delete else 2
    if len(args) == want:
        return None, args[0], args[1] if not delete else ""
    if len(args) == want + 1:
        return args[0], args[1], args[2] if not delete else ""
    usage = "kpi log MEASURE [INDICATOR] YEAR" + (" --delete" if delete else " VALUE")
    if len(args) == 1:
        raise KpiError(_("expected {usage} (got 1 argument); see kpi log --help", usage=usage))
    raise KpiError(_("expected {usage} (got {count} arguments); see kpi log --help", usage=usage, count=len(args)))


def parse_status(text: str) -> QualStatus:
    """``done`` / ``in_progress`` / ``not_started`` or 実施済 / 実施中 / 未着手."""
    folded = unicodedata.normalize("NFKC", text).strip()
    found = QUAL_WORDS.get(folded) or QUAL_WORDS.get(folded.lower().replace("-", "_"))
    if found is None:
        raise BadValue(_("{value!r} is not a status; use done, in_progress or not_started (実施済, 実施中, 未着手)", value=text))
    return found


def figure_text(actual: Actual, unit: str) -> str:
    """One recorded figure as an edit message shows it: ``120,000 人``, or the status in the active language."""
    return actual_text(actual, unit, as_written=False)


def year_name(year: int, basis: YearBasis | None = None, lang: Lang | None = None) -> str:
    """A year in a message: 令和6年度 / FY2024, or 2024年 / CY2024 for a calendar-year indicator."""
    return fiscal.year_text(year, calendar=basis is YearBasis.CALENDAR, lang=lang or active())


def listed(items: Sequence[object]) -> str:
    """Items one after another as a message lists them: ``a, b`` (en), ``a、b`` (ja)."""
    return ("、" if active() is Lang.JA else ", ").join(str(item) for item in items)


def year_option(text: str, what: str | None = None) -> int:
    """A year typed by the officer (an argument or option): the error names ``what``, e.g. --deadline (else YEAR)."""
    try:
        return fiscal.parse_year(text)
    except BadYear as exc:
        raise BadYear(f"{what or _('year', ctx='argument')}: {exc}") from None
