"""What `kpi --version`, `kpi --help` and `kpi report` import: the command line's own modules, no pydantic.

Each case runs the real entry point (kpi.cli:main) in a fresh interpreter, so modules imported by other tests
do not count.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


# The command line's definitions: the app, its options and their enums (kpi.model, kpi.views.labels), and the
# modules that declare the commands. Nothing that reads, judges or writes a plan.
CLI_ONLY = {
    "kpi",
    "kpi.cli",
    "kpi.cli.typer_app",
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
    "kpi.cli.run",  # the entry point
    "kpi.cli.status",
    "kpi.cli.values",
    "kpi.errors",  # the group's one-line error handling
    "kpi.i18n",  # the run's language and the help texts' translation (the catalog itself loads on first use)
    "kpi.i18n.ja",  # --help prints Japanese under a Japanese locale
    "kpi.model",
    "kpi.views",
    "kpi.views.labels",
}


def _run(fresh_kpi: Callable[..., Any], args: list[str], cwd: Path) -> tuple[int, set[str]]:
    done = fresh_kpi(args, cwd, {"KPI_NO_CACHE": "1"})
    return done.code, set(done.modules)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["report", "--help"]], ids=" ".join)
def test_version_and_help_import_only_the_command_line(args: list[str], tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    code, modules = _run(fresh_kpi, args, tmp_path)
    assert code == 0
    assert {m for m in modules if m == "kpi" or m.startswith("kpi.")} <= CLI_ONLY
    assert not {m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core", "rich"}}


@pytest.mark.parametrize("args", [["report"], ["report", "--format", "json"], ["show", "8"], ["check"]], ids=" ".join)
def test_reading_commands_do_not_import_pydantic_or_the_export_modules(
    args: list[str], tmp_path: Path, fresh_kpi: Callable[..., Any]
) -> None:
    code, modules = _run(fresh_kpi, [*args, "--dir", str(ROOT)], tmp_path)
    assert code == 0
    assert not {m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core"}}
    assert not {m for m in modules if m == "kpi.export" or m.startswith("kpi.export.")}
    assert {"kpi.plan.loader", "kpi.judge.report"} <= modules or args == ["check"]


def test_the_probe_sees_pydantic_when_typer_coerces(tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    # typer's own coercion of an unusual value (a signed number) goes through pydantic: the probe must see it.
    code, modules = _run(fresh_kpi, ["report", "--edition", "+2025", "--format", "json", "--dir", str(ROOT)], tmp_path)
    assert code == 0
    assert "pydantic" in modules
