"""What officers type into a 照会 workbook, read as kpi.edit.officer reads it: accepted forms and refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.edit import officer
from kpi.model import Indicator, Kind, QualStatus

COUNT = Indicator("access", "アクセス数", Kind.LEVEL, unit="回")
SHARE = Indicator("aware", "認知度", Kind.LEVEL, unit="%")
TENS = Indicator("people", "利用者", Kind.LEVEL, unit="万人")
QUAL = Indicator("publicity", "周知", Kind.QUALITATIVE)


@pytest.mark.parametrize(
    ("indicator", "value", "number_format", "expected"),
    [
        (COUNT, "１２３４", "General", officer.Figure(value=1234)),
        (COUNT, "1,234", "General", officer.Figure(value=1234)),
        (COUNT, "12万", "General", officer.Figure(value=120000)),
        (COUNT, "1.5億", "General", officer.Figure(value=150000000)),
        (COUNT, "120,000回", "General", officer.Figure(value=120000)),
        (COUNT, "▲3", "General", officer.Figure(value=-3)),
        (COUNT, 120000.0, "General", officer.Figure(value=120000)),
        (SHARE, "45.2%", "General", officer.Figure(value=45.2)),
        (SHARE, 0.452, "0.0%", officer.Figure(value=45.2)),
        (SHARE, 45.2, "General", officer.Figure(value=45.2)),
        (TENS, "12万", "General", officer.Figure(value=12)),
        (QUAL, "実施済", "General", officer.Figure(status=QualStatus.DONE)),
        (QUAL, "in_progress", "General", officer.Figure(status=QualStatus.IN_PROGRESS)),
        (COUNT, "集計中", "General", officer.Figure(missing="集計中")),
        (QUAL, " 集計中 ", "General", officer.Figure(missing="集計中")),
        (COUNT, "  ", "General", None),
        (COUNT, None, "General", None),
    ],
)
def test_accepted(indicator: Indicator, value: object, number_format: str, expected: officer.Figure | None) -> None:
    assert officer.figure(value, False, number_format, indicator) == expected


@pytest.mark.parametrize(
    ("indicator", "value", "formula", "number_format", "japanese"),
    [
        (COUNT, "たくさん", False, "General", "「たくさん」は数値ではありません"),
        (COUNT, "=1+1", True, "General", "数式（=1+1）は使えません"),
        (COUNT, "=SUM(A1:A3)", False, "General", "数式"),
        (COUNT, dt.datetime(2025, 4, 1), False, "yyyy/m/d", "日付・時刻として入力されています"),
        (COUNT, float("nan"), False, "General", "NaN"),
        (COUNT, float("inf"), False, "General", "NaN"),
        (COUNT, True, False, "General", "TRUE/FALSE"),
        (COUNT, 0.452, False, "0.0%", "パーセントで入力されていますが"),
        (QUAL, "やった", False, "General", "選択肢にありません"),
    ],
)
def test_refused(indicator: Indicator, value: object, formula: bool, number_format: str, japanese: str) -> None:
    with pytest.raises(officer.CellError) as caught:
        officer.figure(value, formula, number_format, indicator)
    assert japanese in caught.value.ja and caught.value.en and caught.value.en != caught.value.ja


def test_texts_keep_newlines_and_refuse_control_characters() -> None:
    assert officer.text("一行目\r\n二行目 ", False, 100) == "一行目\n二行目"
    for bad, words in (("a\rb", "CR"), ("a\x07b", "制御文字"), ("あ" * 101, "上限の100字")):
        with pytest.raises(officer.CellError) as caught:
            officer.text(bad, False, 100)
        assert words in caught.value.ja
    assert officer.budget("1,234.5", False) == 1234.5 and officer.budget(None, False) is None
    with pytest.raises(officer.CellError):
        officer.budget(-1, False)
