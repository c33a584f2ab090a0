"""Text from a measure file reaches terminals, Markdown and spreadsheets as text (issue 12, items 8 and 9): no
terminal escape acted on, no live link, image or HTML tag, no silent cut, no nan coordinate."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.export.chart import svg_chart
from kpi.judge.assess import assess_indicator
from kpi.model import Direction, Indicator, Kind, Milestone, Status

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


ORIGINAL_TITLE = 'title = "支援情報検索サイトの運用、自殺対策に係る広報の制作・実施業務"'
# Clear the screen (ESC [2J, and C1 CSI 0x9b), a carriage return, a right-to-left override, then a Markdown image,
# a javascript: link and an HTML tag.
HOSTILE = 'title = "A\\u001b[2J\\u009b2JB\\rC\\u202eD ![x](http://evil.example/t.png) [y](javascript:alert(1)) <b>bold</b>"'
RAW = ("\x1b", "\x9b", "\r", "\u202e")


@pytest.fixture
def plan(tmp_path: Path, make_plan: MakePlan) -> Path:
    text = corpus("valid/2024-008.toml").decode("utf-8")
    assert ORIGINAL_TITLE in text
    return make_plan(tmp_path, {"2024-008.toml": text.replace(ORIGINAL_TITLE, HOSTILE)})


def out(root: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--dir", str(root)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", [["show", "8"], ["report", "--year", "2024"], ["lagging", "--year", "2024"]])
def test_terminal_escapes_are_shown_not_acted_on(command: list[str], plan: Path) -> None:
    text = out(plan, *command)
    assert not any(char in text for char in RAW)
    assert "A\\x1b[2J\\x9b2JB\\rC\\u202eD" in text


def test_diff_text_shows_escapes_too(plan: Path, tmp_path: Path, make_plan: MakePlan) -> None:
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=plan, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=plan, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=plan, check=True, env=env)
    path = plan / "measures" / "2024-008.toml"
    path.write_text(path.read_text("utf-8").replace("2024 = 64.0", "2024 = 65.0"), "utf-8")
    text = out(plan, "diff", "main")
    assert "A\\x1b[2J" in text
    assert not any(char in text for char in RAW)


@pytest.mark.parametrize(
    "command", [["report", "--format", "md", "--year", "2024"], ["export", "--format", "md", "--year", "2024", "--output", "-"]]
)
def test_markdown_has_no_live_link_image_or_tag(command: list[str], plan: Path, tmp_path: Path) -> None:
    if command[0] == "export":
        target = tmp_path / "out.md"
        out(plan, *command[:-1], str(target))
        text = target.read_text("utf-8")
    else:
        text = out(plan, *command)
    assert "![x](" not in text and "<b>" not in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # every ]( is escaped: no link, no image
    assert "!\\[x\\](http://evil.example/t.png) \\[y\\](javascript:alert(1)) &lt;b&gt;bold&lt;/b&gt;" in text
    assert not any(char in text for char in RAW)


def test_a_huge_title_is_shortened_in_the_terminal(tmp_path: Path, make_plan: MakePlan) -> None:
    text = corpus("valid/2024-008.toml").decode("utf-8").replace(ORIGINAL_TITLE, f'title = "{"あ" * 100_000}"')
    root = make_plan(tmp_path, {"2024-008.toml": text})
    shown = out(root, "show", "8")
    assert "…(+96,010characters;seethefile)" in "".join(shown.split())  # however rich wrapped it
    assert shown.count("あ") == 3_990  # the line is "2024-008  " and the title


@pytest.mark.skipif(os.name != "posix" or os.uname().sysname == "Darwin", reason="file names of any bytes")
def test_check_json_names_a_non_utf8_file_in_utf8(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {})
    with open(os.fsencode(root / "measures") + b"/\xff\xfe.toml", "wb") as handle:
        handle.write(b"id = 1\n")
    result = runner.invoke(app, ["check", "--format", "json", "--dir", str(root)])
    assert result.exit_code == 1
    raw = result.stdout_bytes
    raw.decode("utf-8")  # valid UTF-8 throughout
    records = json.loads(raw)
    assert records[0]["path"] == "measures/\\xff\\xfe.toml"
    text = runner.invoke(app, ["check", "--dir", str(root)]).stdout_bytes
    assert text.decode("utf-8").startswith("measures/\\xff\\xfe.toml:1: id:")


# -- numbers at the edge of floating point ----------------------------------------------------------------------------


def test_a_running_total_overflowing_is_not_judged_exceeded() -> None:
    indicator = Indicator(
        id="n", name="n", kind=Kind.CUMULATIVE, direction=Direction.UP, target=1e308, deadline=2026, start=2023,
        actuals=tuple(__import__("kpi.model", fromlist=["Actual"]).Actual(y, value=1.7e308) for y in (2023, 2024)),
    )  # fmt: skip
    assessment = assess_indicator(indicator, 2024)
    assert assessment.status is Status.NO_DATA


def test_a_chart_of_figures_near_1e308_has_finite_coordinates() -> None:
    from kpi.model import Actual
    from kpi.views.labels import Lang

    indicator = Indicator(
        id="n", name="n", kind=Kind.LEVEL, direction=Direction.UP, target=1.7e308, deadline=2026, baseline=-1.7e308,
        baseline_year=2022, milestones=(Milestone(2025, 1e308),), actuals=(Actual(2024, value=1.5e308),),
    )  # fmt: skip
    svg = svg_chart(assess_indicator(indicator, 2024), Lang.EN)
    assert svg.startswith("<svg")
    assert "nan" not in svg and "inf" not in svg
