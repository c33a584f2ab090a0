"""kpi.views.jsontext.indented_pieces writes, piece by piece, the very text json.dumps(indent=2) writes for the same
data, iterators standing for lists; kpi.views.csvfile.csv_pieces the very text of csv_text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.views.csvfile import csv_pieces, csv_text
from kpi.views.jsontext import indented_pieces

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()  # control characters, quotes, backslashes, U+2028, astral characters, lone surrogates
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=25,
)


def lazy(value: Any, depth: int = 0) -> Any:
    """``value`` with its lists at even depths as iterators (made as they are read), the others kept whole."""
    if isinstance(value, list):
        elements = [lazy(v, depth + 1) for v in value]
        return iter(elements) if depth % 2 == 0 else elements
    if isinstance(value, dict):
        return {k: lazy(v, depth + 1) for k, v in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(value=VALUES, size=st.integers(min_value=1, max_value=7))
def test_pieces_join_to_what_json_dumps_writes(value: Any, size: int) -> None:
    whole = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert "".join(indented_pieces(lazy(value), parts_per_piece=size)) == whole


def records(count: int) -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {"number": n, "title": f"相談窓口 {n}", "ministries": ["内閣府", "厚生労働省"][: n % 3], "pace": n / 3}


@pytest.mark.parametrize("count", [0, 1, 5000])
def test_a_long_list_comes_in_several_pieces_and_an_empty_one_as_json_writes_it(count: int) -> None:
    payload = {"year": 2024, "count": count, "indicators": records(count), "after": {"items": iter([])}}
    pieces = list(indented_pieces(payload))
    whole = {"year": 2024, "count": count, "indicators": list(records(count)), "after": {"items": []}}
    assert "".join(pieces) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert (len(pieces) >= 5) if count == 5000 else (len(pieces) == 1)  # 2,000 parts a piece: some 1,000 records


def test_what_json_cannot_write_fails_as_json_dumps_fails() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        "".join(indented_pieces({"items": iter([{"when": object()}])}))


@given(
    rows=st.lists(st.lists(st.none() | st.integers() | st.floats() | st.text(), max_size=4), max_size=9),
    size=st.integers(min_value=1, max_value=4),
)
def test_csv_pieces_join_to_csv_text(rows: list[list[object]], size: int) -> None:
    assert "".join(csv_pieces(iter(rows), line_end="\n", rows_per_piece=size)) == csv_text(rows, line_end="\n")
