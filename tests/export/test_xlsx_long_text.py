"""A text longer than an Excel cell holds is cut with a note saying so, never silently (issue 12, item 9)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.export.xlsx import CELL_LIMIT

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


ORIGINAL_TITLE = 'title = "支援情報検索サイトの運用、自殺対策に係る広報の制作・実施業務"'


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "… (cut: 40,000 characters, more than a cell holds; the whole text is in the measure file)"),
        ("ja", "…（40,000文字のため途中まで。全文は施策ファイルを参照）"),
    ],
)
def test_a_title_longer_than_a_cell_is_cut_with_a_note(lang: str, note: str, tmp_path: Path, make_plan: MakePlan) -> None:
    import openpyxl

    text = corpus("valid/2024-008.toml").decode("utf-8").replace(ORIGINAL_TITLE, f'title = "{"字" * 40_000}"')
    root = make_plan(tmp_path, {"2024-008.toml": text})
    out = tmp_path / "review.xlsx"
    args = ["export", "--format", "xlsx", "--year", "2024", "--lang", lang, "--output", str(out), "--dir", str(root)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("字字")]
    assert cells
    for value in cells:
        assert len(value) == CELL_LIMIT
        assert value.endswith(note)
