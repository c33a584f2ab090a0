"""`kpi report` in every format but json is written a piece at a time as it is made (at 100,000 measures no format's
whole text, nor a table's rows, is ever in memory): the bytes are those the whole-text code printed before.

tests/data/plans/report-output/expected.json holds what that code printed for the fixture plan report-output (再掲,
lagging and unreported indicators, calendar years, a baseline taken from the first figure, a primary indicator,
hostile and control characters), in both languages, every format, the table at three widths and the compact blocks,
with --lagging, and the terminal's colours. Were a wording changed on purpose, write the file again with
``.venv/bin/python tests/views/test_report_streamed.py`` and read the difference.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kpi.cli import app
from kpi.cli.render import emit_lines, emit_pieces
from kpi.i18n import Lang, speaking
from kpi.judge.report import build_report
from kpi.plan.loader import read_plan
from kpi.views.csvfile import BOM
from kpi.views.plaintable import Cell, Column, Widths, _extremes, grid, grid_twice
from kpi.views.report import markdown_pieces, to_markdown
from kpi.views.reportcsv import csv_pieces, to_csv
from kpi.views.screen import report_lines

HERE = Path(__file__).resolve()
PLAN = HERE.parents[1] / "data" / "plans" / "report-output"
EXPECTED = PLAN / "expected.json"

# name: (the arguments after `kpi report --year 2024`, COLUMNS)
CASES: dict[str, tuple[list[str], int]] = {
    **{f"table {width}": ([], width) for width in (80, 130, 160)},
    **{f"lagging table {width}": (["--lagging"], width) for width in (80, 160)},
    **{
        f"{lagging}{form}": ([*(["--lagging"] if lagging else []), "--format", form], 80)
        for lagging in ("", "lagging ")
        for form in ("csv", "md")
    },
}
COLOURED = (80, 160)  # report_lines with the terminal's colours, at these widths


def cli_args(lang: str, name: str, root: Path | str) -> list[str]:
    return ["report", "--year", "2024", "--dir", str(root), "--lang", lang, *CASES[name][0]]


def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED.read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def plan_root(tmp_path_factory: pytest.TempPathFactory, make_plan: Any) -> Path:
    root: Path = make_plan(tmp_path_factory.mktemp("report-output"), plan="report-output")
    return root


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_the_streamed_report_is_the_text_printed_before(plan_root: Path, tmp_path: Path, lang: str, name: str) -> None:
    want = expected()[lang][name]
    runner = CliRunner()
    env = {"COLUMNS": str(CASES[name][1])}
    shown = runner.invoke(app, cli_args(lang, name, plan_root), env=env)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == want
    out = tmp_path / "out" / "report.txt"
    out.parent.mkdir()
    written = runner.invoke(app, [*cli_args(lang, name, plan_root), "--output", str(out)], env=env)
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    csv = "--format" in CASES[name][0] and "csv" in CASES[name][0]
    # a file keeps what echo leaves out of a pipe: the colour code in a title of the plan
    assert out.read_bytes() == expected()[lang].get(f"{name}, the file", (BOM if csv else "") + want).encode("utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["report.txt"]  # no temporary left


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("width", COLOURED)
def test_the_coloured_lines_are_those_printed_before(plan_root: Path, lang: Lang, width: int) -> None:
    report = build_report(read_plan(plan_root), year=2024)
    with speaking(lang):
        text = "\n".join(report_lines(report, lang, width, True)) + "\n"
    assert text == expected()[lang.value][f"coloured {width}"]
    assert "\x1b[" in text


@pytest.mark.parametrize("lang", [Lang.JA, Lang.EN])
@pytest.mark.parametrize("lagging", [False, True])
@pytest.mark.parametrize("size", [1, 2, 3, 500])
def test_pieces_of_any_size_join_to_the_same_text(plan_root: Path, lang: Lang, lagging: bool, size: int) -> None:
    report = build_report(read_plan(plan_root), year=2024, lagging=lagging)
    with speaking(lang):
        csv = list(csv_pieces(report, lang, measures_per_piece=size))
        md = list(markdown_pieces(report, lang, measures_per_piece=size))
        assert "".join(csv) == to_csv(report, lang)
        assert "".join(md) == to_markdown(report, lang)
    suffix = "lagging " if lagging else ""
    assert BOM + "".join(csv) == expected()[lang.value][f"{suffix}csv, the file"]  # the colour code kept (not echoed)
    assert "".join(md) == expected()[lang.value][f"{suffix}md"]
    pieces = -(-len(report.measures) // size)  # the measures' pieces, after the header (csv) or before the summary (md)
    assert len(csv) == len(md) == 1 + pieces


def test_an_error_while_the_report_is_made_leaves_the_file_as_it_was(plan_root: Path, tmp_path: Path) -> None:
    report = build_report(read_plan(plan_root), year=2024)
    out = tmp_path / "report.csv"
    out.write_bytes(b"the report of last week\n")

    def failing() -> Iterator[str]:  # as when the officer presses Ctrl+C halfway
        yield from ()
        raise KeyboardInterrupt

    made: list[str] = []  # the pieces made before the error: more than one, so part of the report was written

    def pieces() -> Iterator[str]:
        for piece in itertools.chain(csv_pieces(report, Lang.JA, 2), failing()):
            made.append(piece)
            yield piece

    with pytest.raises(KeyboardInterrupt):
        emit_pieces(pieces(), out, csv=True)
    assert len(made) > 2
    assert out.read_bytes() == b"the report of last week\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
    with speaking(Lang.JA), pytest.raises(KeyboardInterrupt):
        emit_lines(itertools.chain(report_lines(report, Lang.JA, 160, False), failing()), out, lines_per_piece=3)
    assert out.read_bytes() == b"the report of last week\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


@pytest.mark.parametrize("per_piece", [1, 2, 1000])
def test_lines_are_written_each_with_its_line_end(tmp_path: Path, per_piece: int) -> None:
    out = tmp_path / "lines.txt"
    lines = ["一行目", "", "three", "", ""]
    emit_lines(iter(lines), out, lines_per_piece=per_piece)
    assert out.read_text("utf-8") == "\n".join(lines) + "\n"


# -- the table's columns are sized from two rows kept while the rows go by ---------------------------------------------

TEXTS = st.text(
    alphabet=st.sampled_from(list("ab1,.%( )（）「」、。年度令和人件か所\u00a0\x1b\t\nー々ぁ😀")), max_size=60
) | st.sampled_from(
    ["", "abcdef", "\x1b\x1b\x1b", "110,000\u00a0人（令和6年度）", "x" * 4_100, "遅れ［期限到来・未達成、古い実績（令和2年度）］"]
)


def sized(columns: list[Column], rows: list[list[Cell]], total: int) -> list[int]:
    """The column widths ``rows`` give, measured a row at a time (plaintable.Widths)."""
    measured = Widths(columns)
    for row in rows:
        measured.add([cell.text for cell in row])
    return measured.sizes(total, 2)


@settings(max_examples=300, deadline=None)
@given(
    flex=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=5),
    rows=st.lists(st.lists(TEXTS, min_size=5, max_size=5), max_size=12),
    total=st.integers(min_value=20, max_value=200),
)
def test_the_two_kept_rows_size_the_columns_as_all_rows_do(flex: list[int], rows: list[list[str]], total: int) -> None:
    columns = [Column(f"列{i}", flex=f, least=10 if f else 0) for i, f in enumerate(flex)]
    cells = [[Cell(text) for text in row[: len(columns)]] for row in rows]
    assert sized(columns, _extremes(columns, cells), total) == sized(columns, cells, total)
    made = []

    def twice() -> Iterator[list[Cell]]:
        made.append(True)
        yield from cells

    assert list(grid_twice(columns, twice, total, False)) == grid(columns, cells, total, False)
    assert len(made) == 2  # the rows are made again to print them, not kept


def write_expected() -> None:
    """What the installed kpi prints for every case, into expected.json (run it on the code whose output is meant)."""
    import tempfile

    data: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "plan"
        (root / "measures").mkdir(parents=True)
        (root / "kpi.toml").write_bytes((PLAN.parent / "default" / "kpi.toml").read_bytes())
        for file in sorted((PLAN / "measures").glob("*.toml")):
            (root / "measures" / file.name).write_bytes(file.read_bytes())
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(folder) / "cache")}
        for lang in ("ja", "en"):
            data[lang] = {}
            for name, (_, width) in CASES.items():
                done = subprocess.run(
                    [sys.executable, "-m", "kpi", *cli_args(lang, name, root)],
                    capture_output=True,
                    check=True,
                    env={**env, "COLUMNS": str(width)},
                )
                data[lang][name] = done.stdout.decode("utf-8")
                out = Path(folder) / "out"
                subprocess.run(
                    [sys.executable, "-m", "kpi", *cli_args(lang, name, root), "--output", str(out)],
                    capture_output=True,
                    check=True,
                    env={**env, "COLUMNS": str(width)},
                )
                if out.read_bytes() != done.stdout and out.read_bytes() != (BOM + data[lang][name]).encode("utf-8"):
                    data[lang][f"{name}, the file"] = out.read_bytes().decode("utf-8")  # echo drops colour codes
            for width in COLOURED:
                script = (
                    "import sys; from pathlib import Path; from kpi.i18n import Lang, speaking;"
                    "from kpi.judge.report import build_report; from kpi.plan.loader import read_plan;"
                    "from kpi.views.screen import report_lines; lang = Lang(sys.argv[2]);"
                    "report = build_report(read_plan(Path(sys.argv[1])), year=2024);"
                    "s = speaking(lang); s.__enter__();"
                    "sys.stdout.buffer.write(('\\n'.join(report_lines(report, lang, int(sys.argv[3]), True)) + '\\n').encode())"
                )
                done = subprocess.run(
                    [sys.executable, "-c", script, str(root), lang, str(width)], capture_output=True, check=True, env=env
                )
                data[lang][f"coloured {width}"] = done.stdout.decode("utf-8")
    EXPECTED.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    write_expected()
