"""Fixtures shared by the test modules: a plan folder built in ``tmp_path``, and the golden corpus."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"

# The kpi.toml of the shipped plan, minus comments: make_plan writes it unless a test gives its own.
DEFAULT_KPI_TOML = """\
[plan]
name = "孤独・孤立対策重点計画"
edition = 2025
measures = "measures"
ministries = [
  "内閣官房", "内閣府", "金融庁", "消費者庁", "総務省", "法務省", "外務省", "財務省", "文部科学省", "厚生労働省",
  "農林水産省", "経済産業省", "国土交通省", "環境省", "防衛省", "警察庁", "こども家庭庁", "復興庁", "デジタル庁", "人事院",
]

[assessment]
method = "linear"
on_track = 0.95
behind = 0.60
exceed_margin = 0.10
"""

MakePlan = Callable[..., Path]


def write_plan(tmp_path: Path, measures: Mapping[str, str | bytes], kpi_toml: str | None = None) -> Path:
    """Write a plan folder under ``tmp_path`` and return it (the root that holds kpi.toml).

    ``measures`` maps a path under measures/ ("2024-008.toml", or "sub/2024-008.toml"; ".toml" is added when
    missing) to its content: text is written as UTF-8 byte for byte (no newline translation), bytes as given.
    ``kpi_toml`` replaces the default kpi.toml (the shipped plan's settings and its 20 ministries).
    """
    root = tmp_path / "plan"
    folder = root / "measures"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "kpi.toml").write_bytes((DEFAULT_KPI_TOML if kpi_toml is None else kpi_toml).encode("utf-8"))
    for name, content in measures.items():
        path = folder / (name if name.endswith(".toml") else f"{name}.toml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


@pytest.fixture(autouse=True)
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """kpi caches loaded plans under $XDG_CACHE_HOME: each test gets its own, never the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture
def make_plan() -> MakePlan:
    """``make_plan(tmp_path, {"2024-008.toml": text}, kpi_toml=None) -> Path`` (see ``write_plan``)."""
    return write_plan


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()
