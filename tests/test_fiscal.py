import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi import fiscal
from kpi.errors import BadYear
from kpi.fiscal import year_text
from kpi.i18n import Lang


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (2024, 2024),
        ("2024", 2024),
        ("FY2024", 2024),
        ("fy2024", 2024),
        ("CY2025", 2025),
        ("2024年度", 2024),
        ("R6", 2024),
        ("r6", 2024),
        ("R1", 2019),
        ("令和6年度", 2024),
        ("令和元年度", 2019),
        ("令和6年", 2024),
        ("H30", 2018),
        ("平成30年度", 2018),
        ("平成元年度", 1989),
        ("令和６年度", 2024),
        ("ＦＹ２０２４", 2024),
        ("Ｒ６", 2024),
        (" R 6 ", 2024),
        ("S64", 1989),
    ],
)
def test_parse_year_accepts_every_form(text: object, year: int) -> None:
    assert fiscal.parse_year(text) == year


@pytest.mark.parametrize("text", ["next year", "", "R0", "令和", "FY24", "2024-25", "3.5", True, 2024.0, None, "X6"])
def test_parse_year_rejects(text: object) -> None:
    with pytest.raises(BadYear, match="2024"):
        fiscal.parse_year(text)


def test_parse_year_message_names_the_input_and_the_fix() -> None:
    with pytest.raises(BadYear) as info:
        fiscal.parse_year("next year")
    assert str(info.value) == '\'next year\' is not a year; use a year like 2024, "FY2024", "R6" or "令和6年度"'


def test_out_of_range_year() -> None:
    with pytest.raises(BadYear, match="out of range"):
        fiscal.parse_year(20245)


def test_formats() -> None:
    assert fiscal.format_fy(2024) == "FY2024"
    assert fiscal.format_era(2024) == "R6"
    assert fiscal.format_era(2018) == "H30"
    assert fiscal.format_era(2019, long=True) == "令和元年度"
    assert fiscal.format_era(2024, long=True, calendar=True) == "令和6年"
    assert fiscal.format_year(2024) == "FY2024 (R6)"
    assert fiscal.format_year(2024, calendar=True) == "2024"


@given(st.integers(min_value=1926, max_value=2200))
def test_era_round_trip(year: int) -> None:
    assert fiscal.parse_year(fiscal.format_era(year)) == year
    assert fiscal.parse_year(fiscal.format_era(year, long=True)) == year
    assert fiscal.parse_year(fiscal.format_fy(year)) == year


@pytest.mark.parametrize(
    ("day", "current", "last"),
    [
        (dt.date(2026, 11, 22), 2026, 2025),
        (dt.date(2026, 4, 1), 2026, 2025),
        (dt.date(2026, 3, 31), 2025, 2024),
        (dt.date(2027, 1, 5), 2026, 2025),
    ],
)
def test_fiscal_year_of_a_date(day: dt.date, current: int, last: int) -> None:
    assert fiscal.current_fiscal_year(day) == current
    assert fiscal.last_complete_fiscal_year(day) == last


@pytest.mark.parametrize(
    ("year", "calendar", "lang", "both", "expected"),
    [
        (2025, False, Lang.JA, False, "令和7年度"),
        (2025, False, Lang.JA, True, "令和7年度（2025）"),
        (2019, False, Lang.JA, False, "令和元年度"),
        (2018, False, Lang.JA, False, "平成30年度"),
        (1925, False, Lang.JA, False, "1925年度"),
        (2025, True, Lang.JA, True, "2025年"),
        (2025, False, Lang.EN, True, "FY2025"),
        (2025, True, Lang.EN, False, "CY2025"),
    ],
)
def test_year_text_writes_years_as_officers_do(year: int, calendar: bool, lang: Lang, both: bool, expected: str) -> None:
    assert year_text(year, calendar=calendar, lang=lang, both=both) == expected
