"""A regular (non-editable) install carries every module and data file `kpi` needs.

Editable installs and the test suite import from the source tree, so they cannot notice a package or a
data file left out of the distribution; this test installs a copy and runs the installed command.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_installed_copy_runs_every_command_family(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot make a clean copy of the tree to install")
    source = tmp_path / "src"
    # A copy of the tracked files only, as a clone would have them (no .venv, no build leftovers).
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        target = source / os.fsdecode(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / os.fsdecode(name), target)
    site = tmp_path / "site"
    # --no-deps/--no-build-isolation: the test environment already holds the dependencies and setuptools.
    install = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "--target",
        str(site),
        str(source),
    ]
    done = subprocess.run(install, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (site / "kpi" / "schema" / "measure.schema.json").is_file()
    # -S skips .pth files, so an editable install of kpi in this environment cannot supply missing modules;
    # the dependencies still come from this environment's site-packages, after the installed copy.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), sysconfig.get_paths()["purelib"]]), "KPI_NO_CACHE": "1"}
    modules = [
        "kpi.cli",
        "kpi",
        "kpi.export",
        "kpi.export.xlsx",
        "kpi.export.html",
        "kpi.export.db",
        "kpi.history.diff",
        "kpi.edit.log",
        "kpi.plan.cache",
    ]
    probe = f"import importlib; print([importlib.import_module(m).__file__ for m in {modules!r}])"
    imported = subprocess.run(
        [sys.executable, "-S", "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert imported.returncode == 0, imported.stderr
    assert all(path.startswith(str(site)) for path in ast.literal_eval(imported.stdout)), imported.stdout
    report = subprocess.run(
        [sys.executable, "-S", "-m", "kpi", "report", "--dir", str(source), "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.returncode == 0, report.stderr
    assert '"edition": 2025' in report.stdout


def test_python_m_kpi_ignores_another_projects_cli_py(tmp_path: Path) -> None:
    # kpi/__main__.py once imported a top-level `cli`: any cli.py in the current folder ran instead of kpi.
    (tmp_path / "cli.py").write_text("print('not kpi')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kpi", "--version"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "kpi 0.1.0\n"), done.stderr


def test_cli_py_in_a_checkout_runs_kpi() -> None:
    done = subprocess.run([sys.executable, "cli.py", "--version"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "kpi 0.1.0\n"), done.stderr
