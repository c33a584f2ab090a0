"""kpi's pydantic-free coercion of option values gives exactly what typer's own gives: the value, or the same error.

Every parameter of every command is tried with good values, odd ones and wrong ones, once through kpi's shim
(kpi/cli/coerce.py) and once through typer's own coercion (its pydantic adapters), on the same click objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
from typer.core import TyperArgument, TyperOption

from kpi.cli import app
from kpi.cli.coerce import fast_coercion

SAMPLES: list[Any] = [
    None,
    "",
    "8",
    "0",
    "007",
    "-3",
    "+8",
    " 8",
    "8_0",
    "１２",
    "1.0",
    "99999999999999999999999",
    "table",
    "json",
    "Table",
    "csv",
    "xlsx",
    "cp932",
    "utf-8",
    "ja",
    "en",
    "linear",
    "cagr",
    "level",
    "increase",
    "bogus",
    "a\x00b",
    "measures",
    "厚生労働省",
    True,
    False,
    ("a", "b"),
    ["measures", "kpi.toml"],
    (),
    Path("measures"),
]


def _outcome(param: Any, value: Any, ctx: typer.Context) -> tuple[str, Any]:
    try:
        done = param.get_runtime_param().coerce(value, param=param, ctx=ctx)
    except typer.BadParameter as exc:
        return "error", exc.format_message()
    return "value", (type(done), done)


def _commands() -> list[tuple[str, Any]]:
    group = typer.main.get_command(app)
    return [("", group), *group.commands.items()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", [name for name, _ in _commands()], ids=lambda name: name or "kpi")
def test_every_parameter_coerces_as_typer_does(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "measures").mkdir()
    (tmp_path / "kpi.toml").write_text("")
    monkeypatch.chdir(tmp_path)  # relative paths among the samples exist here
    plain = dict(_commands())[name]
    fast = dict(_commands())[name]
    ctx = typer.Context(plain)
    plain_params = plain.get_params(ctx)
    fast_params = fast.get_params(ctx)
    fast_coercion(fast_params)
    assert all(type(p) in (TyperOption, TyperArgument) for p in plain_params)
    assert all(type(p) not in (TyperOption, TyperArgument) for p in fast_params)
    compared = 0
    for typers, ours in zip(plain_params, fast_params, strict=True):
        for value in SAMPLES:
            assert _outcome(ours, value, ctx) == _outcome(typers, value, ctx), (name, typers.name, value)
            compared += 1
    assert compared == len(SAMPLES) * len(plain_params)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--version"],
        ["--help"],
        ["--bogus"],
        ["repor"],
        ["--version", "report"],
        ["--help", "report"],
        ["report", "--help"],
        ["report", "--format", "bogus"],
        ["report", "--edition", "x"],
        ["show"],
        ["log", "--help"],
        ["db", "--help"],
        ["--", "report"],
    ],
    ids=lambda args: " ".join(args) or "(none)",
)
def test_the_entry_point_builds_only_the_invoked_command_and_says_the_same(args: list[str]) -> None:
    from typer.testing import CliRunner

    from kpi.cli.typer_app import invoked

    narrowed = invoked(args)
    whole = CliRunner().invoke(app, args)
    ours = CliRunner().invoke(narrowed, args)
    assert (ours.exit_code, ours.output) == (whole.exit_code, whole.output)
    assert len(narrowed.registered_commands) in {0, 1, len(app.registered_commands)}


def test_a_command_run_holds_that_command_alone() -> None:
    from kpi.cli.typer_app import invoked

    assert [info.callback.__name__ for info in invoked(["report", "--dir", "x"]).registered_commands] == ["report"]  # type: ignore[union-attr]
    assert invoked(["--version"]).registered_commands == []
    assert invoked([]) is app
