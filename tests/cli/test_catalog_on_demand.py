"""The message catalog (kpi.i18n.ja) loads when a run shows translated words, not before: `kpi --version` under a
Japanese locale prints none from it; help pages do, in Japanese (their texts are translated when shown)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _run(fresh_kpi: Callable[..., Any], args: list[str], tmp_path: Path) -> tuple[int, bool, str]:
    done = fresh_kpi(args, tmp_path, {"KPI_LANG": "ja", "KPI_NO_CACHE": "1", "COLUMNS": "160"})
    return done.code, "kpi.i18n.ja" in done.modules, done.stdout + done.stderr  # `kpi` alone shows its help on stderr


def test_a_run_that_shows_no_catalog_words_does_not_load_it(tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    code, catalog, out = _run(fresh_kpi, ["--version"], tmp_path)
    assert code == 0 and out.startswith("kpi ")
    assert not catalog


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], []], ids=" ".join)
def test_help_pages_load_it_and_speak_japanese(args: list[str], tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    code, catalog, out = _run(fresh_kpi, args, tmp_path)
    assert catalog
    assert "使い方:" in out and "オプション" in out and "このヘルプを表示して終了します。" in out
    assert code in (0, 2)  # `kpi` alone shows the help and exits 2, as click does
