"""What a killed or blocked edit leaves (issue 12, item 9): stale temporaries are cleaned by the next edit of that
file and ignored by git, and a lock someone else keeps ends the wait with one line instead of hanging."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi.safefile
from kpi.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


LOG = ["log", "2024-008", "search-site-access", "2023", "99000", "--force"]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")})


def test_the_next_edit_removes_the_temporaries_a_killed_edit_left(plan: Path) -> None:
    measures = plan / "measures"
    stale = [measures / ".2024-008.toml.k1ll3d.tmp", measures / ".2024-008.toml.abcdef.tmp"]
    for path in stale:
        path.write_bytes(b"half a file")
    others = [measures / ".2024-017.toml.abcdef.tmp", measures / "notes.tmp", measures / ".2024-008.toml.bak"]
    for path in others:
        path.write_bytes(b"not ours to remove")
    result = runner.invoke(app, [*LOG, "--dir", str(plan)])
    assert result.exit_code == 0, result.output
    assert not any(path.exists() for path in stale)
    assert all(path.read_bytes() == b"not ours to remove" for path in others)


def test_git_ignores_the_temporaries() -> None:
    assert ".*.tmp" in (REPO / ".gitignore").read_text("utf-8").splitlines()


@pytest.mark.skipif(os.name != "posix", reason="flock is POSIX's")
def test_a_lock_held_by_a_reader_ends_the_wait_with_one_line(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    monkeypatch.setattr(kpi.safefile, "LOCK_WAIT", 0.3)
    path = plan / "measures" / "2024-008.toml"
    before = path.read_bytes()
    with open(path, "rb") as reader:
        fcntl.flock(reader.fileno(), fcntl.LOCK_SH)  # another program reading it, and keeping its lock
        result = runner.invoke(app, [*LOG, "--dir", str(plan)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: measures/2024-008.toml: another program has kept the file locked for 0.3 s (an editor, a sync tool or "
        "another kpi); nothing was changed — close it and run the command again\n"
    )
    assert path.read_bytes() == before
    assert runner.invoke(app, [*LOG, "--dir", str(plan)]).exit_code == 0  # once released, the edit goes through
