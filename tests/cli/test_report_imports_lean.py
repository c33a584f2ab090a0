"""What `kpi report` on an unchanged plan (its cache warm) leaves unimported: hashlib (OpenSSL), tempfile (nothing is
written), the review and unreported lists, html, and the message catalog's words are not needed to print the table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
NOT_NEEDED = {"hashlib", "_hashlib", "tempfile", "html", "kpi.judge.review", "kpi.judge.unreported"}


def test_a_report_from_a_warm_cache_imports_only_what_it_uses(tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "160", "KPI_NO_CACHE": None}
    # the first run fills the cache (and writes it through a temporary file)
    first, second = [fresh_kpi(["report", "--dir", str(ROOT)], tmp_path, env) for _ in range(2)]
    assert first.code == second.code == 0
    assert second.stdout == first.stdout and "孤独・孤立対策重点計画" in second.stdout
    assert "tempfile" in first.modules  # the probe sees a module when it is imported
    assert not NOT_NEEDED & second.modules
