"""What `kpi --version`, `kpi --help` and `kpi report` import: the command line's own modules, no pydantic.

Each case runs the real entry point (kpi.cli:main) in a fresh interpreter, so modules imported by other tests
do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

PROBE = """
import json, sys
from kpi.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

# The command line's definitions: the app, its options and their enums (kpi.model, kpi.views.labels), and the
# modules that declare the commands. Nothing that reads, judges or writes a plan.
CLI_ONLY = {
    "kpi",
    "kpi.cli",
    "kpi.cli.app",
    "kpi.cli.check",
    "kpi.cli.collect",
    "kpi.cli.coerce",
    "kpi.cli.edit",
    "kpi.cli.export",
    "kpi.cli.history",
    "kpi.cli.narrate",
    "kpi.cli.new",
    "kpi.cli.options",
    "kpi.cli.render",
    "kpi.cli.report",
    "kpi.cli.review",
    "kpi.errors",  # the group's one-line error handling
    "kpi.i18n",  # the run's language and the help texts' translation (the catalog itself loads on first use)
    "kpi.i18n.ja",  # --help prints Japanese under a Japanese locale
    "kpi.model",
    "kpi.views",
    "kpi.views.labels",
}


def _run(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, check=False, env=_env())
    last = json.loads(done.stderr.splitlines()[-1])
    return last["code"], set(last["modules"])


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "KPI_NO_CACHE": "1"}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["report", "--help"]], ids=" ".join)
def test_version_and_help_import_only_the_command_line(args: list[str], tmp_path: Path) -> None:
    code, modules = _run(args, tmp_path)
    assert code == 0
    assert {m for m in modules if m == "kpi" or m.startswith("kpi.")} <= CLI_ONLY
    assert not {m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core", "rich"}}


@pytest.mark.parametrize("args", [["report"], ["report", "--format", "json"], ["show", "8"], ["check"]], ids=" ".join)
def test_reading_commands_do_not_import_pydantic_or_the_export_modules(args: list[str], tmp_path: Path) -> None:
    code, modules = _run([*args, "--dir", str(ROOT)], tmp_path)
    assert code == 0
    assert not {m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core"}}
    assert not {m for m in modules if m == "kpi.export" or m.startswith("kpi.export.")}
    assert {"kpi.plan.loader", "kpi.judge.report"} <= modules or args == ["check"]


def test_the_probe_sees_pydantic_when_typer_coerces(tmp_path: Path) -> None:
    # typer's own coercion of an unusual value (a signed number) goes through pydantic: the probe must see it.
    code, modules = _run(["report", "--edition", "+2025", "--format", "json", "--dir", str(ROOT)], tmp_path)
    assert code == 0
    assert "pydantic" in modules
