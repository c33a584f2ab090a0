"""``kpi export`` and ``kpi db``: the evaluation table as a file, and the plan as a SQLite database."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from kpi.cli import options
from kpi.cli.render import console
from kpi.i18n import N_, _
from kpi.model import CsvTable, Encoding, ExportFormat, Layout

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app

LONG_EXPORT = 200  # indicator rows from which `kpi export` shows a progress bar (on a terminal only)


@commands.command("export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help=N_("File to write (replaced whole; rs: a workbook for .xlsx)."))],
    format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help=N_("xlsx, csv, md, html, json, or rs (RS outcome table). Default: from -o's name.")),
    ] = None,
    table: Annotated[
        CsvTable, typer.Option("--table", help=N_("csv: which table (one per file): evaluation, summary-by-pillar, …"))
    ] = CsvTable.evaluation,
    printable: Annotated[
        bool,
        typer.Option("--print", help=N_("html: a paper to print or save as PDF (cover, summary, follow-up table, lists).")),
    ] = False,
    directory: options.DirOption = None,
    year: options.YearOption = None,
    edition: options.EditionOption = None,
    method: options.MethodOption = None,
    ministry: options.MinistryOption = None,
    pillar: options.PillarOption = None,
    encoding: Annotated[
        Encoding, typer.Option("--encoding", help=N_("csv and rs: utf-8 (with BOM, for Excel) or cp932 (Shift_JIS)."))
    ] = Encoding.utf8,
    lang: options.LangOption = None,
    strict: options.StrictOption = False,
    layout: Annotated[
        Layout,
        typer.Option("--layout", help=N_("table: one row per indicator; followup: one row per measure (xlsx, md, html).")),
    ] = Layout.table,
) -> None:
    """Write the yearly evaluation table to a file.

    Example: kpi export --year R6 --output review-R6.xlsx

    The format follows the file name (.xlsx, .csv, .md, .html, .json) unless --format says it. A csv
    holds one table: the indicator rows, or with --table a summary, the lagging or missing list.

    One row per indicator grouped by pillar (baseline, target, recent actuals, 達成率, 進捗率, status,
    grade, lagging flag, notes), then counts by pillar and ministry, the lagging list and the missing
    list, the comments on the year's reports, and the provenance (edition, year, method, git
    commit, time). --layout followup: one row per measure as in the plans' follow-up tables
    (施策 | 担当府省庁 | 取組実績【予算額】 | 指標：実績値【目標値】 | 評価 | 課題・要因分析 | 今後の取組方針).
    """
    from kpi.export import export, format_for

    chosen = format_for(output, format)
    plan, broken = options.plan_for_review(directory, strict)
    with export_progress() as progress:
        result = export(
            plan,
            chosen,
            output,
            year=options.year_of(year),
            lang=options.lang_of(lang),
            ministry=ministry,
            pillar=pillar,
            edition=edition,
            method=method,
            encoding=encoding,
            progress=progress,
            table=table,
            printable=printable,
            layout=layout,
        )
    typer.echo(result.summary(options.lang_of(lang)), err=True)
    options.report_broken(broken)


@commands.command("db")
def database(
    path: Annotated[Path, typer.Argument(metavar=N_("PATH"), help=N_("SQLite file to write (replaced whole)."))] = Path("kpi.db"),
    directory: options.DirOption = None,
    year: options.YearOption = None,
    method: options.MethodOption = None,
    lang: options.LangOption = None,
    strict: options.StrictOption = False,
) -> None:
    """Build a SQLite database of the plan, ready for Datasette.

    Example: kpi db kpi.db && datasette kpi.db -m kpi.metadata.json

    Tables measures, editions, indicators, actuals, revisions, assessments (for --year), ministries;
    views lagging, missing, targets_changed; full-text search on titles and indicator names. The
    Datasette metadata (PATH's name + .metadata.json) is written beside it.
    """
    from kpi.export.db import build_db

    plan, broken = options.plan_for_review(directory, strict)
    shown = options.lang_of(lang)
    summary = build_db(plan, path, year=options.year_of(year), method=method, lang=shown)
    typer.echo(summary.text(shown))
    typer.echo(summary.serve_text(shown), err=True)
    options.report_broken(broken)


@contextlib.contextmanager
def export_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on stderr, for long exports and only when stderr is a terminal."""
    import sys

    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console(stderr=True), transient=True) as bar:
        task: list[object] = []

        def advance(done: int, total: int) -> None:
            if total < LONG_EXPORT:
                return
            if not task:
                task.append(bar.add_task(_("Writing"), total=total))
            bar.update(task[0], completed=done)  # type: ignore[arg-type]

        yield advance
