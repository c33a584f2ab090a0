"""The csv export is encoded a few thousand rows at a time: the bytes are those of the whole text encoded at once."""

from __future__ import annotations

import csv
import io

import pytest

from kpi.export.plain import BOM, encode_grid, encoded

GRID: list[tuple[list[str], str | None]] = [
    (["No.", "施策", "値"], None),
    *((([str(n), f'施策{n}, "引用"\n改行', f"{n * 1.5}"]), f"measures/2025-{n:05d}.toml") for n in range(1, 12)),
    ([], None),
    (["[作成情報]"], None),
]


def _whole(grid: list[tuple[list[str], str | None]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for cells, _ in grid:
        writer.writerow(cells)
    return out.getvalue()


@pytest.mark.parametrize("rows", [1, 2, 3, 5, 14, 15, 2000])
@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_chunks_join_to_the_whole_text(rows: int, encoding: str) -> None:
    assert b"".join(encoded(GRID, encoding, rows)) == _whole(GRID).encode(encoding)
    assert b"".join(encoded(iter(GRID), encoding, rows)) == _whole(GRID).encode(encoding)  # rows as they are made


def test_utf8_starts_with_the_bom_and_cp932_has_none() -> None:
    assert encode_grid(GRID, "utf-8", "x.csv") == (BOM + _whole(GRID)).encode("utf-8")
    assert encode_grid(GRID, "cp932", "x.csv") == _whole(GRID).encode("cp932")
