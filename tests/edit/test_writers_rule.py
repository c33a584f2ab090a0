"""One rule for every command that writes a measure file (issue 12, item 7): no write while kpi.toml has an error,
and none into a measures folder that leads outside the plan — `kpi log`, `kpi target` and `kpi new` alike."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_KPI_TOML = (DATA / "plans" / "default" / "kpi.toml").read_text("utf-8")  # the shipped settings
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


NEW = ["new", "--title", "新しい施策", "--ministry", "内閣府", "--number", "150", "--pillar", "1-2", "--indicator-id", "users"]
NEW += [
    "--indicator-name",
    "利用者数",
    "--kind",
    "level",
    "--direction",
    "up",
    "--unit",
    "人",
    "--target",
    "1000",
    "--deadline",
    "R8",
]
WRITERS = {
    "log": ["log", "2024-008", "search-site-access", "2023", "99000", "--force"],
    "target": ["target", "2024-008", "search-site-access", "--target", "140000", "--reason", "見直し"],
    "new": NEW,
}

# kpi.toml errors (not warnings) of several kinds; each must stop every writer.
BAD_CONFIGS = {
    "edition": ("edition = 2025", 'edition = "next year"', 'plan.edition: expected a year, got "next year"'),
    "measures-outside": (
        'measures = "measures"',
        'measures = "../elsewhere"',
        'plan.measures: "../elsewhere" is not a folder inside the plan',
    ),
    "measures-absolute": ('measures = "measures"', 'measures = "/"', 'plan.measures: "/" is not a folder inside the plan'),
    "ministries": ("ministries = [", 'ministries = "内閣府"\nold_ministries = [', "plan.ministries: expected a list of names"),
    "method": ('method = "linear"', 'method = "straight"', 'assessment.method: unknown method "straight"'),
    "on-track": ("on_track = 0.95", "on_track = 95", "assessment.on_track: 95 is not a share between 0 and 1"),
    "behind-above": ("behind = 0.60", "behind = 0.99", "assessment.behind: 0.99 is above on_track 0.95"),
    "plan-not-table": ("[plan]\n", "plan = 1\n[x]\n", "plan: expected a table, got 1"),
}


def run(root: Path, args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--dir", str(root)], env={"KPI_LANG": "en"})
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("bad", BAD_CONFIGS)
def test_no_writer_writes_while_kpi_toml_has_an_error(writer: str, bad: str, tmp_path: Path, make_plan: MakePlan) -> None:
    old, new, message = BAD_CONFIGS[bad]
    assert old in DEFAULT_KPI_TOML
    root = make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")}, kpi_toml=DEFAULT_KPI_TOML.replace(old, new, 1))
    (tmp_path / "elsewhere").mkdir()
    before = snapshot(tmp_path)
    code, err = run(root, WRITERS[writer])
    assert code == 1
    assert err.startswith("Error: kpi.toml:")
    assert message in err
    assert "(kpi writes no measure file while kpi.toml has an error)" in err
    assert err.count("\n") == 1
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
@pytest.mark.parametrize("writer", WRITERS)
def test_no_writer_writes_into_a_measures_folder_linked_outside(writer: str, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2024-008.toml").write_bytes(corpus("valid/2024-008.toml"))
    (root / "measures").rmdir()
    (root / "measures").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    code, err = run(root, WRITERS[writer])
    assert code == 1
    assert err == (
        f"Error: measures: leads to {elsewhere.resolve()}, outside the plan folder; kpi will not write there "
        "(make measures a real folder inside the plan)\n"
    )
    assert snapshot(elsewhere) == before


def test_a_warning_in_kpi_toml_does_not_stop_a_writer(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")}, kpi_toml=DEFAULT_KPI_TOML + "\n[extra]\nx = 1\n")
    code, err = run(root, WRITERS["log"])
    assert code == 0, err
