"""Hostile plan folders (issue 12, items 5 and 6): what used to end in a traceback or be skipped in silence is one
line naming the file, and exit 1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
INVALID = DATA / "invalid"
DEFAULT_KPI_TOML = (DATA / "plans" / "default" / "kpi.toml").read_text("utf-8")  # the shipped settings
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


posix = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and sockets as POSIX makes them")


def kpi(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--dir", str(root)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(tmp_path: Path, make_plan: MakePlan) -> Path:
    return make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")})


# -- item 6: files that are not files ---------------------------------------------------------------------------


@posix
def test_a_dangling_symlink_is_a_problem(plan: Path) -> None:
    (plan / "measures" / "2025-900.toml").symlink_to("nowhere.toml")
    code, out, err = kpi(plan, "check")
    assert code == 1
    assert out == (
        "measures/2025-900.toml: is a symbolic link to nowhere.toml, which does not exist; "
        "remove the link, or point it at the measure's file\n"
    )
    assert err == "1 error(s), 0 warning(s)\n"


@posix
def test_a_symlink_loop_is_a_problem(plan: Path) -> None:
    (plan / "measures" / "loop.toml").symlink_to("loop.toml")
    code, out, _ = kpi(plan, "check")
    assert code == 1
    assert out == (
        "measures/loop.toml: is a symbolic link that leads back to itself (a loop); "
        "remove the link, or point it at the measure's file\n"
    )


@posix
def test_a_fifo_is_a_problem_and_is_not_waited_on(plan: Path) -> None:
    os.mkfifo(plan / "measures" / "pipe.toml")
    code, out, _ = kpi(plan, "check")  # opening a FIFO for reading would wait for a writer forever
    assert code == 1
    assert (
        out == "measures/pipe.toml: is a named pipe (FIFO), not a measure file; remove it (a measure file is a plain text file)\n"
    )


@posix
def test_a_socket_is_a_problem(plan: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(plan / "measures" / "sock.toml"))
        code, out, _ = kpi(plan, "check")
    assert code == 1
    assert out == "measures/sock.toml: is a socket, not a measure file; remove it (a measure file is a plain text file)\n"


@posix
def test_a_link_to_a_folder_named_like_a_measure_is_a_problem(plan: Path) -> None:
    (plan / "elsewhere").mkdir()
    (plan / "measures" / "2025-901.toml").symlink_to(plan / "elsewhere")
    code, out, _ = kpi(plan, "check")
    assert code == 1
    assert out == "measures/2025-901.toml: is a folder, not a measure file; rename it (names ending in .toml are measure files)\n"


@posix
def test_report_stops_at_such_a_file(plan: Path) -> None:
    (plan / "measures" / "2025-900.toml").symlink_to("nowhere.toml")
    code, _, err = kpi(plan, "report")
    assert code == 1
    assert err.startswith("Error: measures/2025-900.toml: is a symbolic link to nowhere.toml, which does not exist")
    assert err.count("\n") == 1


# -- item 5: inputs that used to end in a traceback -------------------------------------------------------------


@pytest.mark.parametrize(
    ("measures", "shown"),
    [("/", '"/"'), ("../elsewhere", '"../elsewhere"'), ("C:\\\\plans", '"C:\\\\plans"'), ("a\\u0000b", '"a\\u0000b"')],
)
def test_a_measures_folder_outside_the_plan_is_refused(measures: str, shown: str, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")}, kpi_toml=f'[plan]\nmeasures = "{measures}"\n')
    code, out, _ = kpi(root, "check")
    assert code == 1
    assert out == (
        f"kpi.toml:2: plan.measures: {shown} is not a folder inside the plan; "
        'write a folder below the one of kpi.toml, e.g. measures = "measures"\n'
    )


def test_a_figure_beyond_int64_does_not_reach_the_database(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"actual-beyond-int64.toml": (INVALID / "actual-beyond-int64.toml").read_bytes()})
    code, _, err = kpi(root, "db", str(tmp_path / "kpi.db"))
    assert code == 1
    assert err.startswith(
        "Error: measures/actual-beyond-int64.toml:21: indicators[0].actuals.2024: 9223372036854775808 is beyond"
    )
    assert not (tmp_path / "kpi.db").exists()


@pytest.mark.parametrize(
    "command", [["show"], ["log", "INDICATOR", "2024", "1"], ["target", "INDICATOR", "--target", "5", "--reason", "r"]]
)
def test_a_300_character_measure_is_no_such_measure(command: list[str], plan: Path) -> None:
    name = "x" * 300  # longer than a file name may be
    args = [command[0], name, *command[1:]]
    code, _, err = kpi(plan, *args)
    assert code == 1
    assert err.startswith(f"Error: no such measure: '{name}'; give an id like 2024-008")


@pytest.mark.skipif(sys.platform != "linux", reason="/proc is Linux's")
def test_kpi_db_in_a_current_folder_that_cannot_be_written(plan: Path) -> None:
    env = {**os.environ, "KPI_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "kpi", "db", "--dir", str(plan)], cwd="/proc/self", capture_output=True, text=True, env=env
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: kpi.db: cannot write the database (")
    assert done.stderr.count("\n") == 1


def git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e.org",
    }
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_an_old_commit_with_a_deep_file_or_a_nul_in_measures_is_one_line(plan: Path) -> None:
    git(plan, "init", "-q", "-b", "main")
    git(plan, "add", "-A")
    git(plan, "commit", "-q", "-m", "plan")
    git(plan, "checkout", "-q", "-b", "old")
    (plan / "measures" / "nested-too-deep.toml").write_bytes((INVALID / "nested-too-deep.toml").read_bytes())
    git(plan, "add", "-A")
    git(plan, "commit", "-q", "-m", "deep")
    (plan / "kpi.toml").write_text(DEFAULT_KPI_TOML.replace('measures = "measures"', 'measures = "meas\\u0000ures"'), "utf-8")
    git(plan, "commit", "-q", "-am", "nul")
    git(plan, "checkout", "-q", "main")
    for args in (
        ["diff", "main", "old"],
        ["diff", "old~1", "main"],
        ["check", "--against", "old"],
        ["check", "--against", "old~1"],
    ):
        code, _, err = kpi(plan, *args)
        assert code in (0, 1), (args, err)
        assert err.count("\n") <= 1
