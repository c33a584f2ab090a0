"""The xlsx column widths' fast text width counts as the per-character definition does."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kpi.export.xlsx import text_width


def _by_definition(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@given(st.text())
def test_any_text(text: str) -> None:
    assert text_width(text) == _by_definition(text)


def test_examples() -> None:
    assert text_width("") == 0
    assert text_width("2024-008") == 8
    assert text_width("厚生労働省") == 10
    assert text_width("ＡＢ 12％ ｱｲ") == 2 + 2 + 1 + 1 + 1 + 2 + 1 + 1 + 1  # full-width letters and %, half-width kana
