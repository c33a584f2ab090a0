"""``kpi collect`` and ``kpi import``: the 照会 round trip with ministries that answer in Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kpi.cli.options import DirOption, LangOption, ListFormat, ListFormatOption, lang_of, root_of
from kpi.cli.render import console, escape, print_lines
from kpi.cli.status import ExitStatus
from kpi.i18n import N_, _

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app


@commands.command("collect")
def collect_command(
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            help=N_("Fiscal year to collect: 2025, R7, 令和7年度 … Default: the last complete FY."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help=N_("Folder for the workbooks."))] = Path("collect-out"),
    ministry: Annotated[
        list[str] | None,
        typer.Option(
            "--ministry", "-m", help=N_("Only this ministry (repeatable; part of the name is enough)."), show_default=False
        ),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", help=N_("Due date shown in the workbook: 2026-06-30."), show_default=False)
    ] = None,
    status: Annotated[
        bool, typer.Option("--status", help=N_("Instead: per ministry, issued / returned / figures missing."))
    ] = False,
    form: ListFormatOption = ListFormat.table,
    directory: DirOption = None,
    lang: LangOption = None,
) -> None:
    """Write one 照会 workbook (.xlsx) per ministry, or show who has answered (--status).

    Example: kpi collect --year R7 --output 照会 --due 2026-06-30

    Each workbook holds only that ministry's measures: a sheet of indicators to fill in (実績値, 備考,
    出典), a sheet of the year's report (取組実績, 課題・要因分析, 今後の取組方針, 予算額), and
    instructions (記入方法). The workbooks issued are recorded in collect/FY<year>.toml.
    """
    import datetime as dt

    from kpi import fiscal
    from kpi.errors import KpiError
    from kpi.plan.loader import read_plan

    chosen = lang_of(lang)
    root = root_of(directory)
    plan = read_plan(root)
    fy = fiscal.parse_year(year) if year else fiscal.last_complete_fiscal_year()
    if status:
        _print_status(plan, root, year, form, chosen)
        return
    from kpi.edit.issued import record_path
    from kpi.export.collect import collect
    from kpi.text import shown_path
    from kpi.views.collect import collect_lines

    try:
        due_date = dt.date.fromisoformat(due) if due else None
    except ValueError:
        raise KpiError(_("--due {due!r} is not a date; write it as 2026-06-30", due=due)) from None
    issues = collect(plan, fy, output, ministries=tuple(ministry or ()), due=due_date)
    rows = [(i.ministry, shown_path(i.path, None), i.measures, i.indicators) for i in issues]
    print_lines(collect_lines(rows, fy, shown_path(record_path(root, fy), root), chosen))


def _print_status(plan: object, root: Path, year: str | None, form: ListFormat, lang: object) -> None:
    from rich.table import Table

    from kpi import fiscal
    from kpi.edit.issued import issued_years, status
    from kpi.model import Plan
    from kpi.views import collect as view
    from kpi.views.labels import Lang

    assert isinstance(plan, Plan) and isinstance(lang, Lang)
    fy = fiscal.parse_year(year) if year else max(issued_years(root), default=fiscal.last_complete_fiscal_year())
    rows = status(plan, root, fy)
    if form is ListFormat.json:
        typer.echo(view.status_json(rows, fy), nl=False)
        return
    if form is ListFormat.csv:
        typer.echo(view.status_csv(rows), nl=False)
        return
    table = Table(title=escape(view.status_heading(fy, lang)))
    for heading in view.status_headings(lang):
        table.add_column(heading)
    for row in rows:
        table.add_row(*(escape(c) for c in view.status_cells(row, lang)))
    console().print(table)


@commands.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help=N_("Returned workbooks (.xlsx) or CSV files."), show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=N_("Print what would change; write nothing."))] = False,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Overwrite figures the plan changed after the workbook was issued."))
    ] = False,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            help=N_("Year of a CSV's figures (default: the last year collected), or of a late answer to an earlier collection."),
            show_default=False,
        ),
    ] = None,
    directory: DirOption = None,
    lang: LangOption = None,
) -> None:
    """Check returned 照会 workbooks cell by cell and record them in the measure files.

    Example: kpi import 回答/R7_*.xlsx --dry-run

    A workbook with any bad cell, changed structure or conflict writes nothing: each problem is one
    line naming the file, sheet and cell, with the fix. Figures go in as with `kpi log`, the
    report's words as with `kpi narrate`; 集計中 is recorded as a figure not in yet.
    """
    from kpi import fiscal
    from kpi.edit.importing import import_files
    from kpi.views.collect import import_lines

    results = import_files(
        root_of(directory),
        list(files),
        dry_run=dry_run,
        force=force,
        year=fiscal.parse_year(year) if year else None,
    )
    out, problems = import_lines(results, dry_run, lang_of(lang))
    print_lines(out)
    print_lines(problems, err=True)
    if problems:
        raise typer.Exit(ExitStatus.ERROR)
