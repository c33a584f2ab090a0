"""kpi parses with tomli's compiled build when it is installed, else with the standard library's tomllib: a plan
must read exactly the same either way, problems and messages included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kpi.plan import tomlread
from kpi.plan.loader import load_plan

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

PROBE = """
import json, sys
sys.modules["tomli"] = None  # as if tomli were not installed
from pathlib import Path
from kpi.plan import tomlread
from kpi.plan.loader import load_plan
result = load_plan(Path(sys.argv[1]))
print(json.dumps({
    "parser": tomlread.PARSER,
    "measures": [repr(m) for m in result.plan.measures],
    "problems": [str(p) for p in result.problems],
}, ensure_ascii=False))
"""


def test_tomllib_and_tomli_read_a_plan_alike(tmp_path: Path, make_plan: MakePlan) -> None:
    files: dict[str, str | bytes] = {p.name: p.read_bytes() for p in [*VALID.glob("*.toml"), *INVALID.glob("*.toml")]}
    root = make_plan(tmp_path, files)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(root)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KPI_NO_CACHE": "1"},
    )
    assert done.returncode == 0, done.stderr
    fallback = json.loads(done.stdout)
    assert fallback["parser"] == "tomllib"
    assert tomlread.PARSER.startswith("tomli ")  # a dependency: this process parses with it
    here = load_plan(root, cache=False)
    assert fallback["problems"] == [str(p) for p in here.problems]
    assert fallback["measures"] == [repr(m) for m in here.plan.measures]
    assert any("invalid TOML" in line for line in fallback["problems"])
