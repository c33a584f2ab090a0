"""Commands that only read the plan import none of the heavy modules that editing, export and the database need.

Each case runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("tomlkit", "sqlite_utils", "xlsxwriter", "jsonschema", "openpyxl", "datasette")

PROBE = """
import json, sys
from typer.testing import CliRunner
import kpi.cli
result = CliRunner().invoke(kpi.cli.app, sys.argv[1:])
assert result.exit_code == 0, result.output
print(json.dumps(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["report"],
        ["report", "--format", "json"],
        ["report", "--format", "csv"],
        ["report", "--format", "md"],
        ["show", "8"],
        ["lagging"],
        ["missing"],
    ],
    ids=lambda args: " ".join(args),
)
def test_reading_commands_do_not_import_heavy_modules(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args, "--dir", str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_the_probe_sees_a_heavy_import(tmp_path: Path) -> None:
    # `kpi db` needs sqlite_utils: the probe must report it, or the test above proves nothing.
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), "db", str(tmp_path / "kpi.db"), "--dir", str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sqlite_utils" in json.loads(done.stdout.splitlines()[-1])
