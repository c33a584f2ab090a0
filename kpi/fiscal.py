"""Fiscal years (年度) and Japanese eras.

A fiscal year runs April–March and is named by the calendar year it starts in: 令和6年度 = FY2024.
Parsing accepts ``2024``, ``FY2024``, ``R6``, ``令和6年度``, ``令和元年度``, ``H30``, ``平成30年度`` and
full-width digits; years are stored as plain integers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kpi.errors import BadYear
from kpi.i18n import N_, Lang, _

# First year of each era. An era year N is first_year + N - 1 (元年 = 1).
ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926}
ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}
MIN_YEAR = 1900
MAX_YEAR = 2200

_ERA_RE = re.compile(r"^(令和|平成|昭和|[RHS])\.?(元|\d{1,3})(年度|年)?$", re.IGNORECASE)
_WESTERN_RE = re.compile(r"^(FY|CY)?(\d{4})(年度|年)?$", re.IGNORECASE)

HINT = N_('use a year like 2024, "FY2024", "R6" or "令和6年度"')  # shown with _(HINT)


def parse_year(value: object) -> int:
    """Read a year in any accepted form and return it as an integer (FY2024 -> 2024)."""
    if isinstance(value, bool):
        raise BadYear(_("expected a year, got {value!r}; {hint}", value=value, hint=_(HINT)))
    if isinstance(value, int):
        year = value
    elif isinstance(value, str):
        year = _parse_text(value)
    else:
        raise BadYear(_("expected a year, got {value!r}; {hint}", value=value, hint=_(HINT)))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadYear(
            _("year {year} is out of range ({low}–{high}); {hint}", year=year, low=MIN_YEAR, high=MAX_YEAR, hint=_(HINT))
        )
    return year


def _parse_text(text: str) -> int:
    # NFKC folds full-width digits and letters (令和６年度, ＦＹ２０２４) to ASCII.
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = _WESTERN_RE.match(folded)
    if match:
        return int(match.group(2))
    match = _ERA_RE.match(folded)
    if match:
        era = match.group(1)
        era = ERA_LETTERS.get(era.upper(), era)
        number = 1 if match.group(2) == "元" else int(match.group(2))
        if number < 1:
            raise BadYear(_("{text!r} is not a year: era years start at 元 (1); {hint}", text=text, hint=_(HINT)))
        return ERAS[era] + number - 1
    raise BadYear(_("{text!r} is not a year; {hint}", text=text, hint=_(HINT)))


def era_of(year: int) -> tuple[str, int]:
    """The era name and era year of a (fiscal) year: 2024 -> ("令和", 6)."""
    for name, first in sorted(ERAS.items(), key=lambda item: -item[1]):
        if year >= first:
            return name, year - first + 1
    raise BadYear(_("year {year} is before the eras kpi knows (昭和 starts 1926)", year=year))


def format_fy(year: int) -> str:
    """``FY2024``."""
    return f"FY{year}"


def format_era(year: int, *, long: bool = False, calendar: bool = False) -> str:
    """``R6`` (short) or ``令和6年度`` (long; ``令和6年`` for a calendar year)."""
    name, number = era_of(year)
    if not long:
        letter = next(k for k, v in ERA_LETTERS.items() if v == name)
        return f"{letter}{number}"
    suffix = "年" if calendar else "年度"
    return f"{name}{'元' if number == 1 else number}{suffix}"


def format_year(year: int, *, calendar: bool = False) -> str:
    """How reports print a year: ``FY2024 (R6)`` for fiscal years, ``2024`` for calendar ones."""
    if calendar:
        return str(year)
    return f"{format_fy(year)} ({format_era(year)})"


def year_text(year: int, *, calendar: bool, lang: Lang, both: bool = False) -> str:
    """A year as officers write it: 令和7年度 / 2025年 (ja), FY2025 / CY2025 (en).

    ``both`` adds the Western year to a Japanese fiscal year, 令和7年度（2025）, where a reader compares years
    across a table. Before 昭和 (1926) a Japanese fiscal year is written 1925年度.
    """
    if lang is Lang.EN:
        return f"CY{year}" if calendar else f"FY{year}"
    if calendar:
        return f"{year}年"
    if year < ERAS["昭和"]:
        return f"{year}年度"
    long = format_era(year, long=True)
    return f"{long}（{year}）" if both else long


class CalendarYear(int):
    """A calendar year (年, CY) where a fiscal one (年度, FY) is the rule: still an int for csv, json and
    spreadsheets, but every table shows it as 2024年 / CY2024, never 2024年度 / FY2024."""

    __slots__ = ()


def typed_year(year: int | None, calendar: bool) -> int | None:
    """``year`` as a CalendarYear when the indicator counts calendar years, else as it is."""
    return CalendarYear(year) if calendar and year is not None else year


def current_fiscal_year(today: dt.date | None = None) -> int:
    """The fiscal year that contains ``today``."""
    day = today or dt.date.today()
    return day.year if day.month >= 4 else day.year - 1


def last_complete_fiscal_year(today: dt.date | None = None) -> int:
    """The default evaluation year: the last fiscal year that has ended."""
    return current_fiscal_year(today) - 1
