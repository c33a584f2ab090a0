"""A plainly written `kpi report` skips typer (kpi.cli.run): it must print, write and exit exactly as typer's app does.

Every case runs twice in fresh interpreters: through the entry point (kpi.cli:main, which takes the quick way when it
can) and through the typer app alone (kpi.cli.typer_app.invoked). Standard output, standard error, the exit code and any
file written must be the same bytes; the quick runs must not have imported typer, and the others must have.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

TYPER_PROBE = """
import json, sys
from kpi.cli.typer_app import invoked
try:
    invoked(sys.argv[1:])()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def through_typer(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", TYPER_PROBE, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        check=False,
    )
    *printed, last = done.stderr.splitlines(keepends=True)
    assert '"typer"' in last  # the probe ran the typer app
    return int(last.split('"code": ')[1].split(",")[0]), done.stdout, "".join(printed)


BROKEN = 'id = "2024-900"\ntitle = "壊れた施策"\nministries = ["内閣府"]\nindicators = "not a table"\n'

# (case id, arguments, environment): each run both ways.
QUICK = [
    ("plain", ["report"], {}),
    ("json", ["report", "--format", "json"], {}),
    ("japanese locale", ["report"], {"LANG": "ja_JP.UTF-8"}),
    ("lang before the command", ["--lang", "ja", "report"], {}),
    ("last lang wins", ["--lang=en", "report", "--lang", "ja"], {}),
    ("year and ministry", ["report", "-y", "R5", "-m", "厚生労働省", "--lang", "ja"], {}),
    ("heading, lagging, markdown", ["report", "--pillar=1-2", "--lagging", "-f", "md"], {}),
    ("csv by cagr", ["report", "--format", "csv", "--method", "cagr"], {"KPI_LANG": "ja"}),
    ("edition, strict", ["report", "--edition", "2025", "--strict"], {}),
    ("given twice", ["report", "-f", "json", "--format", "table", "-y", "R4", "--year", "2025"], {}),
    ("unknown ministry", ["report", "--ministry", "存在しない省"], {"KPI_LANG": "ja"}),
    ("edition not in the plan", ["report", "--edition", "1999"], {}),
    ("a year not read", ["report", "--year", "来年"], {}),
]

# Written so that only typer can say what they are (help, a refusal, a coercion): the entry point hands them over.
TYPER = [
    ("help", ["report", "--help"], {}),
    ("unknown format", ["report", "--format", "xml"], {}),
    ("signed edition", ["report", "--edition", "+2025", "-f", "json"], {}),
    ("extra argument", ["report", "8"], {}),
    ("joined short option", ["report", "-fjson"], {}),
    ("flag with a value", ["report", "--lagging=yes"], {}),
    ("missing value", ["report", "--year"], {}),
    ("double dash", ["report", "--", "--lagging"], {}),
    ("other command", ["show", "8"], {}),
    ("version after lang", ["--lang", "ja", "--version"], {}),
    ("bad lang before", ["--lang", "fr", "report"], {}),
]


def _both(
    args: list[str], env: dict[str, str], tmp_path: Path, fresh_kpi: Callable[..., Any], root: Path = ROOT
) -> tuple[Any, tuple[int, str, str]]:
    env = {"KPI_NO_CACHE": "1", "COLUMNS": "120", **env}
    full = [*args, "--dir", str(root)] if "--" not in args else args
    quick = fresh_kpi(full, tmp_path, env)
    typer_run = through_typer(full, tmp_path, env)
    return quick, typer_run


@pytest.mark.parametrize(("args", "env"), [case[1:] for case in QUICK], ids=[case[0] for case in QUICK])
def test_a_plain_report_is_the_same_without_typer(
    args: list[str], env: dict[str, str], tmp_path: Path, fresh_kpi: Callable[..., Any]
) -> None:
    quick, (code, stdout, stderr) = _both(args, env, tmp_path, fresh_kpi)
    assert "typer" not in quick.modules
    assert (quick.code, quick.stdout, quick.stderr) == (code, stdout, stderr)
    assert stdout or stderr  # something was said


@pytest.mark.parametrize(("args", "env"), [case[1:] for case in TYPER], ids=[case[0] for case in TYPER])
def test_what_only_typer_can_say_goes_to_typer(
    args: list[str], env: dict[str, str], tmp_path: Path, fresh_kpi: Callable[..., Any]
) -> None:
    quick, (code, stdout, stderr) = _both(args, env, tmp_path, fresh_kpi)
    assert "typer" in quick.modules
    assert (quick.code, quick.stdout, quick.stderr) == (code, stdout, stderr)


def test_the_version_is_the_same_without_typer(tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    quick = fresh_kpi(["--version"], tmp_path)
    assert "typer" not in quick.modules
    assert (quick.code, quick.stdout, quick.stderr) == through_typer(["--version"], tmp_path, {})
    assert quick.stdout.startswith("kpi ")


@pytest.mark.parametrize("strict", [False, True], ids=["files left out", "strict"])
def test_a_plan_with_a_broken_file_ends_the_same(
    strict: bool, tmp_path: Path, fresh_kpi: Callable[..., Any], make_plan: Callable[..., Path]
) -> None:
    measures = {path.name: path.read_text("utf-8") for path in sorted((ROOT / "measures").glob("*.toml"))[:3]}
    root = make_plan(tmp_path / "plan", {**measures, "2024-900.toml": BROKEN}, kpi_toml=(ROOT / "kpi.toml").read_text("utf-8"))
    args = ["report", "--lang", "ja", *(["--strict"] if strict else [])]
    quick, (code, stdout, stderr) = _both(args, {}, tmp_path, fresh_kpi, root)
    assert "typer" not in quick.modules
    assert (quick.code, quick.stdout, quick.stderr) == (code, stdout, stderr)
    assert code == 1
    assert "2024-900.toml" in stderr


@pytest.mark.parametrize("form", ["table", "json", "csv", "md"])
def test_a_report_written_to_a_file_is_the_same(form: str, tmp_path: Path, fresh_kpi: Callable[..., Any]) -> None:
    out = tmp_path / f"report.{form}"
    written = []
    for run in ("quick", "typer"):
        args = ["report", "-f", form, "-o", str(out), "--dir", str(ROOT)]
        if run == "quick":
            done = fresh_kpi(args, tmp_path, {"KPI_LANG": "ja"})
            assert "typer" not in done.modules
            said = (done.code, done.stdout, done.stderr)
        else:
            said = through_typer(args, tmp_path, {"KPI_LANG": "ja"})
        written.append((said, out.read_bytes()))
        out.unlink()
    assert written[0] == written[1]
    assert written[0][0][0] == 0
    assert written[0][0][2].startswith(f"{out} に書き出しました（")


def test_a_reader_that_went_away_ends_the_run_quietly_with_1(tmp_path: Path) -> None:
    # stdout is a pipe whose reading end is already closed: the first write fails with EPIPE, both ways.
    outcomes = []
    for probe in ("from kpi.cli import main; main()", TYPER_PROBE):
        read, write = os.pipe()
        os.close(read)
        done = subprocess.run(
            [sys.executable, "-c", probe, "report", "--dir", str(ROOT)],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "KPI_NO_CACHE": "1"},
            check=False,
        )
        os.close(write)
        lines = [line for line in done.stderr.splitlines() if not line.startswith('{"code"')]
        outcomes.append(lines)
        if probe != TYPER_PROBE:
            assert done.returncode == 1
    assert outcomes[0] == outcomes[1] == []


def test_the_quick_reader_knows_report_s_options_as_typer_declares_them() -> None:
    import typing
    from types import NoneType

    import typer.main

    from kpi.cli import app
    from kpi.cli.report import report
    from kpi.cli.run import REPORT_OPTIONS
    from kpi.cli.values import ReportFormat
    from kpi.i18n import Lang
    from kpi.model import Method

    kinds = {Path: "path", str: "text", int: "number", bool: "flag", Method: "method", ReportFormat: "format", Lang: "lang"}
    hints = typing.get_type_hints(report)
    command = typer.main.get_command(app).commands["report"]  # type: ignore[attr-defined]
    declared: dict[str, tuple[str, str]] = {}
    for param in command.params:
        if param.name == "help":
            continue
        (python_type,) = set(typing.get_args(hints[param.name]) or (hints[param.name],)) - {NoneType}
        assert (kinds[python_type] == "flag") == param.is_flag
        for name in param.opts:
            declared[name] = (str(param.name), kinds[python_type])
    assert declared == REPORT_OPTIONS
    assert len(declared) == 17  # every option of kpi report, short names too
