"""The plan cache keeps problems in the words of their language: `kpi check` in English, then in Japanese, then in
English again on the same broken plan, with the cache on, prints each run in its own language (issue 15)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi.plan.cache
import kpi.plan.loader
from kpi.cli import app
from kpi.plan.cache import cache_dir

DATA = Path(__file__).resolve().parents[1] / "data"
INVALID = DATA / "invalid"
MESSAGES = {
    "en": tomllib.loads((DATA / "invalid-messages.toml").read_text("utf-8")),
    "ja": tomllib.loads((DATA / "invalid-messages.ja.toml").read_text("utf-8")),
}
BROKEN = ("bad-pillar", "unknown-key", "year-key-era")  # an error, a warning, an error: in file order
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

runner = CliRunner()


def test_check_with_the_cache_speaks_each_runs_language(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KPI_NO_CACHE", raising=False)
    monkeypatch.delenv("KPI_DIR", raising=False)
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)  # the files just written count as settled: the cache keeps them
    root = make_plan(tmp_path, {f"{name}.toml": (INVALID / f"{name}.toml").read_bytes() for name in BROKEN})
    runs = ("en", "ja", "en", "ja")
    for run, lang in enumerate(runs):
        result = runner.invoke(app, ["--lang", lang, "check", "--year", "2019", "--dir", str(root)])
        assert result.exit_code == 1
        assert result.stdout.splitlines() == [MESSAGES[lang][name] for name in BROKEN], (run, lang)
    shown = [f"measures/{name}.toml" for name in BROKEN]
    # Parsed once per language: the third and fourth runs took every file from that language's cache.
    assert parses == shown + shown
    folder = cache_dir()
    assert folder is not None
    assert sorted(p.name.rsplit("-", 1)[1] for p in folder.glob("plan-*.marshal")) == ["en.marshal", "ja.marshal"]
