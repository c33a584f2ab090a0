"""Safe writes: atomic replace, a crash between write and rename, concurrent writers, symlinks."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi import safefile
from kpi.edit.log import log_figure
from kpi.errors import KpiError
from kpi.judge.report import find_measure
from kpi.plan.loader import read_plan
from kpi.safefile import UnsafePath, atomic_write, create_new

REPO = Path(__file__).resolve().parents[1]
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(safefile.TEMP_SUFFIX))


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_between_write_and_rename_leaves_old_file(
    tmp_path: Path, make_plan: MakePlan, today: dt.date, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    root = make_plan(tmp_path, plan="edit")
    path = root / "measures" / "2024-008.toml"
    before = path.read_bytes()
    seen: list[bytes] = []

    def crash(source: str, destination: str) -> None:
        seen.append(Path(source).read_bytes())  # the new text was fully written and synced before the rename
        raise failure

    monkeypatch.setattr(safefile.os, "replace", crash)
    # an OS error becomes a one-line kpi error; Ctrl-C goes through (the CLI exits 130)
    with pytest.raises(KpiError if isinstance(failure, OSError) else KeyboardInterrupt) as caught:
        log_figure(root, "8", "access", "2025", "125000", today=today)
    if isinstance(failure, OSError):
        assert str(caught.value) == (
            "measures/2024-008.toml: could not update the file (No space left on device); it was left as it was — "
            "check the folder's permissions and free space, then run the command again"
        )
    assert path.read_bytes() == before
    assert b"2025 = 125000" in seen[0]
    assert leftovers(path.parent) == []


def test_killed_writer_leaves_file_intact(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    """A real process killed (SIGKILL / TerminateProcess) after writing the temp file, before the rename."""
    root = make_plan(tmp_path, plan="edit")
    path = root / "measures" / "2024-008.toml"
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import datetime, os, sys, threading
        from pathlib import Path
        from kpi import safefile
        from kpi.edit.log import log_figure

        def stop_before_rename(source, destination):
            print("written", flush=True)
            threading.Event().wait()  # hang here until killed

        safefile.os.replace = stop_before_rename
        log_figure(Path({str(root)!r}), "8", "access", "2025", "125000", today=datetime.date(2025, 7, 1))
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "written\n"
    finally:
        child.kill()
        child.wait()
        if child.stdout:
            child.stdout.close()
    assert path.read_bytes() == before
    # the hidden temp file a kill leaves behind is never loaded as a measure
    assert len(leftovers(path.parent)) == 1
    assert find_measure(read_plan(root), "8").indicator("access").actual_for(2025) is None  # type: ignore[union-attr]
    log_figure(root, "8", "access", "2025", "125000", today=today)  # and the next run works


def test_twenty_processes_log_twenty_years_into_one_indicator(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, plan="edit")
    go = tmp_path / "go"
    script = textwrap.dedent(
        f"""
        import datetime, sys, time
        from pathlib import Path
        from kpi.edit.log import log_figure

        while not Path({str(go)!r}).exists():  # start together, to make the writers overlap
            time.sleep(0.001)
        year = sys.argv[1]
        log_figure(Path({str(root)!r}), "8", "access", year, str(1000 + int(year)), today=datetime.date(2025, 7, 1))
        """
    )
    years = range(2000, 2020)
    children = [subprocess.Popen([sys.executable, "-c", script, str(y)], cwd=REPO, stderr=subprocess.PIPE) for y in years]
    go.touch()
    errors = [child.communicate()[1] for child in children]
    assert [child.returncode for child in children] == [0] * 20, errors
    indicator = find_measure(read_plan(root), "8").indicator("access")
    assert indicator is not None
    assert {a.year: a.value for a in indicator.actuals if a.year in years} == {y: 1000 + y for y in years}
    assert leftovers(root / "measures") == []


def test_symlink_leaving_plan_folder_is_refused(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    outside = tmp_path / "elsewhere.toml"
    link = root / "measures" / "2024-008.toml"
    outside.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(UnsafePath) as caught:
        log_figure(root, "8", "access", "2025", "1", today=today)
    assert str(caught.value) == (
        f"measures/2024-008.toml: is a link to {outside.resolve()}, outside the plan folder; kpi will not write there "
        "(replace the link with the file itself)"
    )
    assert outside.read_bytes() == before


def test_symlink_inside_plan_folder_is_written_through(tmp_path: Path, make_plan: MakePlan, today: dt.date) -> None:
    root = make_plan(tmp_path, plan="edit")
    shared = root / "shared"
    shared.mkdir()
    link = root / "measures" / "2024-008.toml"
    (shared / "2024-008.toml").write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(Path("..") / "shared" / "2024-008.toml")
    log_figure(root, "8", "access", "2025", "125000", today=today)
    assert link.is_symlink()
    assert b"2025 = 125000" in (shared / "2024-008.toml").read_bytes()


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    create_new(target, b"first", "measures/new.toml")
    with pytest.raises(KpiError, match=r"^measures/new\.toml: already exists; choose another id"):
        create_new(target, b"second", "measures/new.toml")
    assert target.read_bytes() == b"first"
    assert leftovers(tmp_path) == []
