"""What `kpi export --output` and `kpi db PATH` may replace (issue 12, items 4, 5 and 9): regular files only, through
a symlink only within its folder, with the umask's mode for a new file, and one line, not a traceback, when the disk or
folder refuses the write."""

from __future__ import annotations

import os
import resource
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets, symlinks and umasks are POSIX")


@pytest.fixture
def plan(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")})


def export(root: Path, output: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["export", "--year", "2024", "--format", "csv", "--output", str(output), "--dir", str(root)])
    return result.exit_code, result.stderr


def db(root: Path, output: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["db", str(output), "--year", "2024", "--dir", str(root)])
    return result.exit_code, result.stderr


WRITERS = {"export": export, "db": db}


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix
@pytest.mark.parametrize("writer", WRITERS)
def test_a_fifo_is_refused_not_replaced(writer: str, plan: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    code, err = WRITERS[writer](plan, fifo)
    assert code == 1
    assert err == f"Error: {fifo}: is a named pipe (FIFO), not a file; kpi writes only regular files: give a file name\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@posix
@pytest.mark.parametrize("writer", WRITERS)
def test_a_socket_is_refused_not_replaced(writer: str, plan: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        code, err = WRITERS[writer](plan, path)
    assert code == 1
    assert err == f"Error: {path}: is a socket, not a file; kpi writes only regular files: give a file name\n"
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can make a device node")
@pytest.mark.parametrize("writer", WRITERS)
def test_a_device_is_refused_not_replaced(writer: str, plan: Path, tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    code, err = WRITERS[writer](plan, node)
    assert code == 1
    assert err == f"Error: {node}: is a device, not a file; kpi writes only regular files: give a file name\n"
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@posix
@pytest.mark.parametrize("writer", WRITERS)
def test_a_symlink_out_of_its_folder_is_refused(writer: str, plan: Path, tmp_path: Path) -> None:
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_bytes(b"keep me")
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "report.out"
    link.symlink_to(victim)
    code, err = WRITERS[writer](plan, link)
    assert code == 1
    assert err == (
        f"Error: {link}: is a link to {victim}, outside its own folder; kpi will not write through it "
        "(give the file's own path, or another name)\n"
    )
    assert victim.read_bytes() == b"keep me"
    assert link.is_symlink()


@posix
def test_a_symlink_within_its_folder_is_written_through(plan: Path, tmp_path: Path) -> None:
    real = tmp_path / "review-R6.csv"
    real.write_bytes(b"old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real.name)
    code, err = export(plan, link)
    assert code == 0, err
    assert link.is_symlink()
    assert "支援情報検索サイト" in real.read_text("utf-8-sig")


@posix
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
@pytest.mark.parametrize("writer", WRITERS)
def test_new_files_follow_the_umask(writer: str, umask: int, mode: int, plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    old = os.umask(umask)
    try:
        code, err = WRITERS[writer](plan, out)
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == mode
    if writer == "db":
        assert stat.S_IMODE((tmp_path / "out.metadata.json").stat().st_mode) == mode


@posix
@pytest.mark.parametrize("writer", WRITERS)
def test_a_replaced_file_keeps_its_mode(writer: str, plan: Path, tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "out.db"
    assert WRITERS[writer](plan, out)[0] == 0
    out.chmod(0o600)
    assert WRITERS[writer](plan, out)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def run_kpi(args: list[str], cwd: Path, file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """kpi as a process; ``file_limit`` caps the size of any file it writes, as a full disk would (EFBIG)."""

    def limit() -> None:
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "KPI_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kpi", *args], cwd=cwd, capture_output=True, text=True, env=env, preexec_fn=limit
    )


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and /proc are Linux's")
def test_db_on_a_full_disk_is_one_line_and_keeps_the_old_database(plan: Path) -> None:
    assert run_kpi(["db", "kpi.db", "--year", "2024"], plan).returncode == 0
    before = (plan / "kpi.db").read_bytes()
    done = run_kpi(["db", "kpi.db", "--year", "2025"], plan, file_limit=8192)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: kpi.db: cannot write the database (")
    assert done.stderr.endswith("); free some space or give a writable path\n")
    assert done.stderr.count("\n") == 1
    assert (plan / "kpi.db").read_bytes() == before
    assert sorted(p.name for p in plan.iterdir()) == ["kpi.db", "kpi.metadata.json", "kpi.toml", "measures"]


@pytest.mark.skipif(sys.platform != "linux", reason="/proc is Linux's")
def test_db_into_a_folder_that_cannot_be_written_is_one_line(plan: Path) -> None:
    # /proc/self takes no new files, even from root (a chmod 555 folder would not stop root).
    done = run_kpi(["db", "/proc/self/kpi.db"], plan)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: /proc/self/kpi.db: cannot write the database (")
    assert done.stderr.count("\n") == 1


@pytest.mark.skipif(sys.platform != "linux", reason="/proc is Linux's")
def test_export_into_a_folder_that_cannot_be_written_is_one_line(plan: Path) -> None:
    done = run_kpi(["export", "--format", "csv", "--output", "/proc/self/out.csv"], plan)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: /proc/self/out.csv: cannot write the file (")
    assert done.stderr.count("\n") == 1
