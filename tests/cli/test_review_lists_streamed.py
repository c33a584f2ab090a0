"""`kpi lagging` and `kpi missing` are written as they are made (json, csv and the table in pieces): the same text
as the whole lists made (json.dumps with indent=2 of the whole record; one csv; a table whose widths fit every row,
the last too), the same bytes on the screen and in --output, and a write that fails midway leaves the old file."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.views.plaintable import width

runner = CliRunner()
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
ROOT = Path(__file__).resolve().parents[2]  # the shipped plan: 再掲 measures, two-ministry measures, 集計中

# A plan whose least lagging indicator (listed last) has the widest status: やや遅れ with a stale figure. A table
# measured on its first rows only would print that last row wider than its rule.
MEASURE = """\
id = "2024-{n:03d}"
title = "相談窓口の整備 {n}"
ministries = ["内閣府"{also}]

[editions.2025]
number = {n}
pillar = "1-1"

[[indicators]]
id = "calls"
name = "相談件数"
kind = "level"
direction = "up"
unit = "件"
baseline = 100
baseline_year = 2020
target = 200
deadline = 2026
actuals = {{ {actuals} }}
"""


@pytest.fixture(scope="module")
def lagging_plan(tmp_path_factory: pytest.TempPathFactory, make_plan: MakePlan) -> Path:
    measures = {}
    for n in range(1, 13):  # falling figures (後退) first, a slow one last, and some not reported for 2024
        actuals = "2021 = 115" if n == 12 else "2023 = 90" if n % 3 else "2024 = 80"
        also = ', "厚生労働省"' if n % 2 else ""
        measures[f"2024-{n:03d}.toml"] = MEASURE.format(n=n, actuals=actuals, also=also)
    return make_plan(tmp_path_factory.mktemp("lagging"), measures)


def run(*args: str, columns: int = 80) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("command", ["lagging", "missing"])
def test_json_is_json_dumps_of_the_whole_record_on_screen_and_in_the_file(
    command: str, lang: str, lagging_plan: Path, tmp_path: Path
) -> None:
    for plan, year in ((lagging_plan, "2024"), (ROOT, "2024"), (ROOT, "2025")):
        shown = run(command, "--dir", str(plan), "-y", year, "-f", "json", "--lang", lang)
        payload = json.loads(shown)
        assert shown == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        assert payload["count"] if command == "lagging" else payload["missing"] and payload["reports_missing"]["missing"]
        out = tmp_path / f"{command}.json"
        run(command, "--dir", str(plan), "-y", year, "-f", "json", "--lang", lang, "-o", str(out))
        assert out.read_bytes() == shown.encode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("command", ["lagging", "missing"])
def test_csv_holds_every_row_the_json_lists_and_the_file_is_the_screen_with_a_bom(
    command: str, lang: str, lagging_plan: Path, tmp_path: Path
) -> None:
    for plan in (lagging_plan, ROOT):
        payload = json.loads(run(command, "--dir", str(plan), "-y", "2024", "-f", "json", "--lang", lang))
        shown = run(command, "--dir", str(plan), "-y", "2024", "-f", "csv", "--lang", lang)
        rows = list(csv.reader(io.StringIO(shown)))
        if command == "lagging":
            expected = [str(i["number"]) for i in payload["indicators"]]
            assert [row[0] for row in rows[1:]] == expected
        else:
            groups = [*payload["ministries"], *payload["reports_missing"]["ministries"]]
            assert [row[0] for row in rows[1:]] == [g["ministry"] for g in groups for _ in g["items"]]
        out = tmp_path / f"{command}.csv"
        run(command, "--dir", str(plan), "-y", "2024", "-f", "csv", "--lang", lang, "-o", str(out))
        assert out.read_bytes() == b"\xef\xbb\xbf" + shown.encode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_wide_table_fits_its_last_row_and_the_file_is_the_screen(lang: str, lagging_plan: Path, tmp_path: Path) -> None:
    shown = run("lagging", "--dir", str(lagging_plan), "-y", "2024", "--lang", lang, columns=160)
    lines = shown.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("───"))
    table = lines[rule + 1 : lines.index("", rule) - 1]  # the rows, not the note on the pace below them
    assert len([line for line in table if line[:3].isdigit()]) == 12
    assert table[-1].startswith("012") and ("2021" in table[-1] or "令和3年度" in table[-1])  # stale: the widest status
    assert max(width(line) for line in table) == width(lines[rule]) <= 160
    assert {width(line) for line in table if line[:3].isdigit()} == {width(lines[rule])}  # the pace ends every row
    out = tmp_path / "lagging.txt"
    run("lagging", "--dir", str(lagging_plan), "-y", "2024", "--lang", lang, "-o", str(out), columns=160)
    assert out.read_text("utf-8") == shown


@pytest.mark.parametrize("command", ["lagging", "missing"])
@pytest.mark.parametrize("form", ["table", "json", "csv"])
def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary(command: str, form: str, tmp_path: Path) -> None:
    """A real failure: the file-size limit (RLIMIT_FSIZE) stops the write halfway through the output."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "160"}
    command_line = [sys.executable, "-m", "kpi", command, "--dir", str(ROOT), "-y", "2024", "-f", form, "--lang", "ja"]
    whole = subprocess.run(command_line, env=env, capture_output=True, check=True).stdout  # and the cache made
    assert len(whole) > 1_000
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"{command}.{form}"
    out.write_text("the old list\n", "utf-8")

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(whole) // 2, len(whole) // 2))

    done = subprocess.run([*command_line, "-o", str(out)], env=env, capture_output=True, text=True, preexec_fn=limited)
    assert done.returncode == 1
    assert done.stderr == f"エラー: {out}: ファイルを書き込めません（File too large）。別の --output を指定してください。\n"
    assert out.read_text("utf-8") == "the old list\n"
    assert [p.name for p in folder.iterdir()] == [out.name]
