"""The `kpi` command line: parse options, call one function of the `kpi` library, render the result."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from kpi import __version__
from kpi.export import Encoding, ExportFormat
from kpi.model import Direction, Kind, Method
from kpi.views.labels import Lang, detect_lang

if TYPE_CHECKING:
    from rich.console import Console

    from kpi.edit.new import NewMeasure
    from kpi.errors import Problem
    from kpi.export.db import DbSummary
    from kpi.history.diff import PlanDiff
    from kpi.judge.report import MeasureResult, Report
    from kpi.judge.review import LaggingItem, MissingReport
    from kpi.model import Plan


def escape(text: str) -> str:
    """Make file content safe for rich markup (a title may contain [brackets])."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


class KpiGroup(TyperGroup):
    """Decides exit codes in one place: 1 for a kpi error (one line, no traceback), 130 for Ctrl-C."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from kpi.errors import KpiError

        try:
            return super().invoke(ctx)
        except KpiError as exc:
            typer.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            typer.echo("Interrupted.", err=True)
            ctx.exit(130)


app = typer.Typer(
    name="kpi",
    cls=KpiGroup,
    help=(
        "Track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment.\n\n"
        "Each measure is a TOML file under measures/; the plan root holds kpi.toml. "
        "Start with `kpi report` (the attainment table) or `kpi check` (validate every file)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=False,
)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


# Options shared by many commands, defined once.
DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir", "-d", help="Plan folder (holds kpi.toml). Default: KPI_DIR, else walk up from here.", show_default=False
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Label language. Default: KPI_LANG, else ja when the locale is Japanese.", show_default=False),
]
YearOption = Annotated[
    str | None,
    typer.Option(
        "--year", "-y", help="Evaluation year: 2024, FY2024, R6, 令和6年度 … Default: the last complete FY.", show_default=False
    ),
]
MethodOption = Annotated[
    Method | None,
    typer.Option("--method", help="Assessment method. Default: [assessment] method in kpi.toml (linear).", show_default=False),
]
EditionOption = Annotated[
    int | None,
    typer.Option(
        "--edition", help="Plan edition whose numbers and headings to use. Default: the current one.", show_default=False
    ),
]


def _lang(lang: Lang | None) -> Lang:
    return lang or detect_lang()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Track the measures of 孤独・孤立対策重点計画."""


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATHS", help="Only report problems in these files (the whole plan is still loaded)."),
    ] = None,
    directory: DirOption = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text: one line per problem; json: a list.")
    ] = CheckFormat.text,
    against: Annotated[
        str | None,
        typer.Option(
            "--against", metavar="REV", help="Also fail on targets changed since git revision REV with no revisions entry."
        ),
    ] = None,
) -> None:
    """Validate kpi.toml and every measure file; list every problem.

    Example: kpi check --dir path/to/plan

    Prints one line per problem as path:line: key: message, warnings included, and exits 1 if any
    error was found (warnings alone exit 0). With --against main, a target, deadline, baseline or
    milestone that differs from main without a new [[indicators.revisions]] entry is an error.
    """
    from kpi.history.policy import run_check

    problems = run_check(_root_of(directory), against=against, paths=paths or ())
    print_check(problems, format.value)
    if any(p.severity.value == "error" for p in problems):
        raise typer.Exit(1)


@app.command()
def report(
    directory: DirOption = None,
    year: YearOption = None,
    edition: EditionOption = None,
    method: MethodOption = None,
    ministry: Annotated[
        str | None, typer.Option("--ministry", "-m", help="Only measures of this ministry (part of the name is enough).")
    ] = None,
    pillar: Annotated[
        str | None, typer.Option("--pillar", "-p", help="Only measures under this heading: 1, or 1-2 for (1)②.")
    ] = None,
    lagging: Annotated[bool, typer.Option("--lagging", help="Only lagging indicators (やや遅れ, 遅れ, 後退).")] = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="table for people; json, csv, md for tools.")
    ] = ReportFormat.table,
    lang: LangOption = None,
) -> None:
    """Show attainment of every measure for a fiscal year.

    Example: kpi report --year R6 --ministry 厚生労働省

    One row per indicator: baseline, target, latest figure, 達成率 (achievement), 進捗率 (gap
    closed), status and the measure's MIC grade (①–⑤), then counts by status.
    """
    from kpi.judge.report import build_report
    from kpi.plan.loader import read_plan

    plan = read_plan(_root_of(directory))
    result = build_report(
        plan, year=_year(year), edition=edition, method=method, ministry=ministry, pillar=pillar, lagging=lagging
    )
    print_report(result, format.value, _lang(lang))


@app.command()
def show(
    measure: Annotated[
        str, typer.Argument(help="Measure id (2024-008) or number in the current edition (8).", show_default=False)
    ],
    directory: DirOption = None,
    year: YearOption = None,
    method: MethodOption = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text for people; json for tools.")] = ShowFormat.text,
    lang: LangOption = None,
) -> None:
    """Show one measure: figures, status, revisions.

    Example: kpi show 8
    """
    from kpi.judge.report import show_measure
    from kpi.plan.loader import read_plan

    plan = read_plan(_root_of(directory))
    result = show_measure(plan, measure, year=_year(year), method=method)
    print_show(result, plan, format.value, _lang(lang))


def _root_of(directory: Path | None) -> Path:
    from kpi.plan.config import find_root

    return find_root(directory)


def _year(text: str | None) -> int | None:
    from kpi.fiscal import parse_year

    return None if text is None else parse_year(text)


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    base: Annotated[
        str | None,
        typer.Argument(metavar="BASE", help="Older revision. Default: the merge base with the default branch."),
    ] = None,
    head: Annotated[
        str | None, typer.Argument(metavar="HEAD", help="Newer revision. Default: the working tree.", show_default=False)
    ] = None,
    directory: DirOption = None,
    year: YearOption = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text; md: a pull-request comment; json.")
    ] = DiffFormat.text,
) -> None:
    """Compare the plan at two git revisions, measure by measure.

    Example: kpi diff main --format md

    Lists measures added, removed, renamed or retired; targets, deadlines, baselines and milestones
    changed (old → new, whether ambition is lowered, the revision's reason); figures added or
    changed; and status changes, with the counts first.
    """
    from kpi.history.diff import diff_plan

    result = diff_plan(_root_of(directory), base, head, year=_year(year))
    print_diff(result, format.value)


@app.command("db")
def database(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="SQLite file to write (replaced whole).")] = Path("kpi.db"),
    directory: DirOption = None,
    year: YearOption = None,
    method: MethodOption = None,
    lang: LangOption = None,
) -> None:
    """Build a SQLite database of the plan, ready for Datasette.

    Example: kpi db kpi.db && datasette kpi.db -m kpi.metadata.json

    Tables measures, editions, indicators, actuals, revisions, assessments (for --year), ministries;
    views lagging, missing, targets_changed; full-text search on titles and indicator names. The
    Datasette metadata (PATH's name + .metadata.json) is written beside it.
    """
    from kpi.export.db import build_db
    from kpi.plan.loader import read_plan

    summary = build_db(read_plan(_root_of(directory)), path, year=_year(year), method=method, lang=_lang(lang))
    print_db(summary)


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


MinistryOption = Annotated[
    str | None,
    typer.Option("--ministry", "-m", help="Only measures of this ministry (part of the name is enough).", show_default=False),
]
PillarOption = Annotated[
    str | None,
    typer.Option("--pillar", "-p", help="Only measures under this heading: 1, or 1-2 for (1)②.", show_default=False),
]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="table for people; json, csv for tools.")]
LONG_EXPORT = 200  # indicator rows from which `kpi export` shows a progress bar (on a terminal only)


@app.command("export")
def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="xlsx, csv, md, html, json, or rs (RS outcome table).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (replaced whole; rs: a workbook for .xlsx).")],
    directory: DirOption = None,
    year: YearOption = None,
    edition: EditionOption = None,
    method: MethodOption = None,
    ministry: MinistryOption = None,
    pillar: PillarOption = None,
    encoding: Annotated[
        Encoding, typer.Option("--encoding", help="csv and rs: utf-8 (with BOM, for Excel) or cp932 (Shift_JIS).")
    ] = Encoding.utf8,
    lang: LangOption = None,
) -> None:
    """Write the yearly evaluation table to a file.

    Example: kpi export --year R6 --format xlsx --output review-R6.xlsx

    One row per indicator grouped by pillar (baseline, target, recent actuals, 達成率, 進捗率, status,
    grade, lagging flag, notes), then counts by pillar and ministry, the lagging list and the missing
    list, and the provenance (edition, year, method, git commit, time).
    """
    from kpi.export import export
    from kpi.plan.loader import read_plan

    plan = read_plan(_root_of(directory))
    with export_progress() as progress:
        result = export(
            plan,
            format,
            output,
            year=_year(year),
            lang=_lang(lang),
            ministry=ministry,
            pillar=pillar,
            edition=edition,
            method=method,
            encoding=encoding,
            progress=progress,
        )
    typer.echo(f"Wrote {result.path} ({result.format.value}, {result.rows} indicators, {result.size:,} bytes)", err=True)


@app.command()
def missing(
    directory: DirOption = None,
    year: YearOption = None,
    ministry: MinistryOption = None,
    pillar: PillarOption = None,
    format: ListFormatOption = ListFormat.table,
    lang: LangOption = None,
) -> None:
    """List indicators with no figure for a year, by ministry.

    Example: kpi missing --year R6 --ministry 厚生労働省

    A measure of two ministries is listed under both; the counts say how many of each ministry's
    indicators lack a figure. Indicators whose start or baseline year is later are not expected.
    """
    from kpi.judge.report import build_report
    from kpi.judge.review import missing as find_missing
    from kpi.plan.loader import read_plan

    report = build_report(read_plan(_root_of(directory)), year=_year(year), ministry=ministry, pillar=pillar)
    print_missing(find_missing(report), format.value, _lang(lang))


@app.command()
def lagging(
    directory: DirOption = None,
    year: YearOption = None,
    method: MethodOption = None,
    ministry: MinistryOption = None,
    pillar: PillarOption = None,
    format: ListFormatOption = ListFormat.table,
    lang: LangOption = None,
) -> None:
    """List the lagging indicators, worst first, with their pace.

    Example: kpi lagging --year R6

    Lagging is やや遅れ, 遅れ or 後退; 後退 comes first, then the slowest pace (進捗率 ÷ expected share).
    """
    from kpi.judge.report import build_report
    from kpi.judge.review import lagging as find_lagging
    from kpi.plan.loader import read_plan

    report = build_report(read_plan(_root_of(directory)), year=_year(year), method=method, ministry=ministry, pillar=pillar)
    print_lagging(find_lagging(report), report.year, format.value, _lang(lang))


MeasureArg = Annotated[
    str, typer.Argument(help="Measure id (2024-008) or number in the current edition (8).", show_default=False)
]
IndicatorArg = Annotated[
    str, typer.Argument(help="Indicator id within the measure (see `kpi show MEASURE`).", show_default=False)
]


@app.command("log", context_settings={"ignore_unknown_options": True})
def log_command(
    measure: MeasureArg,
    indicator: IndicatorArg,
    year: Annotated[str, typer.Argument(help="Year of the figure: 2024, FY2024, R6, 令和6年度 …", show_default=False)],
    value: Annotated[
        str,
        typer.Argument(
            help="A number (1,234, １２３４, 45.2% when the unit is %), or done / in_progress / not_started "
            "(実施済 / 実施中 / 未着手) for a qualitative indicator.",
            show_default=False,
        ),
    ],
    note: Annotated[
        str | None, typer.Option("--note", help="Note kept with the figure (速報値, 推計 …).", show_default=False)
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where the figure comes from.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a figure already recorded for YEAR.")] = False,
    directory: DirOption = None,
    lang: LangOption = None,
) -> None:
    """Record one year's figure of an indicator.

    Example: kpi log 8 search-site-access R6 120,000 --note 速報値

    Checks the whole measure before writing, never overwrites a recorded year without --force,
    and prints the indicator's new assessment. Running it again changes nothing.
    """
    from kpi.edit.log import log_figure
    from kpi.views.edit import log_lines

    result = log_figure(_root_of(directory), measure, indicator, year, value, note=note, source=source, force=force)
    print_lines(log_lines(result, _lang(lang)))


@app.command("target")
def target_command(
    measure: MeasureArg,
    indicator: IndicatorArg,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why the target changes (required; kept in the file).", show_default=False),
    ] = None,
    target: Annotated[str | None, typer.Option("--target", help="New target value.", show_default=False)] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", help="New target year: 2027, R9 …", show_default=False)] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", help="New baseline value.", show_default=False)] = None,
    baseline_year: Annotated[
        str | None,
        typer.Option("--baseline-year", help="Year of the baseline.", show_default=False),
    ] = None,
    milestone: Annotated[
        list[str] | None,
        typer.Option("--milestone", help="Interim target YEAR=VALUE (repeatable); YEAR= removes one.", show_default=False),
    ] = None,
    directory: DirOption = None,
    lang: LangOption = None,
) -> None:
    """Revise a target, deadline or baseline, with a reason.

    Example: kpi target 8 search-site-access --target 140,000 --deadline R9 --reason "2025年改定で上方修正"

    Each changed field is recorded as an [[indicators.revisions]] entry (date, field, old, new,
    reason) in the same write. A change that would make the measure invalid is refused.
    """
    from kpi.edit.target import Revision, revise_target
    from kpi.views.edit import target_lines

    revision = Revision(target, deadline, baseline, baseline_year, tuple(milestone or ()))
    print_lines(target_lines(revise_target(_root_of(directory), measure, indicator, revision, reason), _lang(lang)))


@app.command("new")
def new_command(
    measure_id: Annotated[
        str | None,
        typer.Option("--id", help="Measure id. Default: <edition>-<number>, e.g. 2025-144.", show_default=False),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title as the plan writes it.", show_default=False)] = None,
    ministry: Annotated[
        list[str] | None,
        typer.Option("--ministry", help="Ministry from kpi.toml (repeatable; lead first).", show_default=False),
    ] = None,
    number: Annotated[int | None, typer.Option("--number", help="Number in the current edition.", show_default=False)] = None,
    pillar: Annotated[str | None, typer.Option("--pillar", help='Heading: (1)② is "1-2".', show_default=False)] = None,
    indicator_id: Annotated[
        str | None,
        typer.Option("--indicator-id", help="Indicator id: a-z, 0-9, -.", show_default=False),
    ] = None,
    indicator_name: Annotated[
        str | None,
        typer.Option("--indicator-name", help="Indicator name as the plan writes it.", show_default=False),
    ] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="How figures are judged.", show_default=False)] = None,
    direction: Annotated[Direction | None, typer.Option("--direction", help="Which way is better.", show_default=False)] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit of the figures (人, 回, % …).", show_default=False)] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target value.", show_default=False)] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", help="Target year.", show_default=False)] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Baseline value.", show_default=False)] = None,
    baseline_year: Annotated[str | None, typer.Option("--baseline-year", help="Baseline year.", show_default=False)] = None,
    start: Annotated[str | None, typer.Option("--start", help="First year that counts (cumulative).", show_default=False)] = None,
    directory: DirOption = None,
    lang: LangOption = None,
) -> None:
    """Create a new measure file that passes `kpi check`.

    Example: kpi new --title 新しい施策 --ministry 内閣府 --number 144 --pillar 1-2
    --indicator-id users --indicator-name 利用者数 --kind qualitative

    In a terminal it asks for every value not given as an option; otherwise all required values
    must be options. It never overwrites an existing measure.
    """
    from kpi.edit.new import create_measure
    from kpi.views.edit import created_lines

    root = _root_of(directory)
    given = {
        "id": measure_id,
        "title": title,
        "ministries": ministry,
        "number": number,
        "pillar": pillar,
        "indicator_id": indicator_id,
        "indicator_name": indicator_name,
        "kind": kind,
        "direction": direction,
        "unit": unit,
        "target": target,
        "deadline": deadline,
        "baseline": baseline,
        "baseline_year": baseline_year,
        "start": start,
    }
    spec = ask_new_measure(root, given, interactive=_interactive())
    print_lines(created_lines(create_measure(root, spec), _lang(lang)))


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty()


def main() -> None:
    """Entry point of the `kpi` command."""
    import gc

    # A run builds a plan of many small objects that all live until it ends, and makes next to no cyclic garbage
    # (reference counting frees the rest): the cyclic collector would only scan the plan again and again, a third
    # of a 20,000-measure report. benchmarks/run.py measures the peak memory this leaves.
    gc.disable()
    app()


# -- rendering: the only place that knows rich -------------------------------------------------------------------

STATUS_STYLE = {
    "exceeded": "bold green",
    "achieved": "green",
    "on_track": "cyan",
    "behind": "yellow",
    "far_behind": "red",
    "regressing": "bold red",
    "pending": "magenta",
    "no_data": "dim",
    "done": "green",
    "in_progress": "cyan",
    "not_started": "yellow",
}


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False)


def print_check(problems: Sequence[Problem], form: str) -> None:
    import json

    errors = sum(1 for p in problems if p.severity.value == "error")
    if form == "json":
        records = [
            {"path": p.path, "line": p.line, "key": p.key, "severity": p.severity.value, "message": p.message} for p in problems
        ]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for problem in problems:
        typer.echo(str(problem))
    warnings = len(problems) - errors
    if errors or warnings:
        typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    else:
        typer.echo("All files are valid.", err=True)


def print_report(result: Report, form: str, lang: Lang) -> None:
    from kpi.views import report as formats

    if form == "json":
        typer.echo(formats.to_json(result, lang), nl=False)
    elif form == "csv":
        typer.echo(formats.to_csv(result, lang), nl=False)
    elif form == "md":
        typer.echo(formats.to_markdown(result, lang), nl=False)
    else:
        from rich.table import Table

        from kpi.views.labels import COLUMNS

        console = _console()
        # Narrow terminals drop the columns a reader can best do without (--format md/csv keep all).
        dropped = set()
        if console.width < 150:
            dropped |= {"ministries"}
        if console.width < 110:
            dropped |= {"baseline", "progress"}
        columns = [c for c in formats.TABLE_COLUMNS if c not in dropped]
        title = f"{result.plan_name}  FY{result.year}  ({result.edition}, {result.method.value})"
        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(COLUMNS[lang][column], overflow="fold", no_wrap=column in {"number", "grade", "status"})
        for row in formats.display_rows(result, lang):
            cells = [escape(row.cells[c]) for c in columns]
            status_at = columns.index("status")
            cells[status_at] = f"[{STATUS_STYLE[row.status.value]}]{cells[status_at]}[/]"
            table.add_row(*cells)
        console.print(table)
        console.print(formats.summary_line(result, lang))


def print_show(result: MeasureResult, plan: Plan, form: str, lang: Lang) -> None:
    from kpi.views import show as showing

    if form == "json":
        import json

        typer.echo(json.dumps(showing.show_record(result, lang), ensure_ascii=False, indent=2))
        return
    console = _console()
    for line in showing.show_lines(result, plan, lang):
        console.print(escape(line), highlight=False)


def print_diff(result: PlanDiff, form: str) -> None:
    from kpi.views import diff as diffformat

    render = {"json": diffformat.to_json, "md": diffformat.to_markdown}.get(form, diffformat.to_text)
    typer.echo(render(result), nl=False)


def print_db(summary: DbSummary) -> None:
    rows = summary.rows
    typer.echo(
        f"{summary.path}: {rows['measures']} measures, {rows['indicators']} indicators, {rows['actuals']} figures, "
        f"{rows['lagging']} lagging and {rows['missing']} missing for FY{summary.year}"
    )
    typer.echo(f"metadata: {summary.metadata_path}; serve with: datasette {summary.path} -m {summary.metadata_path}", err=True)


@contextlib.contextmanager
def export_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on stderr, for long exports and only when stderr is a terminal."""
    import sys

    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True) as bar:
        task: list[object] = []

        def advance(done: int, total: int) -> None:
            if total < LONG_EXPORT:
                return
            if not task:
                task.append(bar.add_task("export", total=total))
            bar.update(task[0], completed=done)  # type: ignore[arg-type]

        yield advance


def print_missing(result: MissingReport, form: str, lang: Lang) -> None:
    from kpi.views import review as reviewtext

    if form == "json":
        typer.echo(reviewtext.missing_json(result), nl=False)
        return
    if form == "csv":
        typer.echo(reviewtext.missing_csv(result), nl=False)
        return
    console = _console()
    for group in result.groups:
        heading = reviewtext.missing_group_line(group.ministry, group.count, group.indicators, lang)
        console.print(f"[bold]{escape(heading)}[/]", highlight=False)
        for item in group.items:
            line = reviewtext.missing_item_line(item.number, item.result.measure.title, item.indicator.name, item.last_year, lang)
            console.print(escape(line), highlight=False)
    console.print(escape(reviewtext.missing_heading(result, lang)), highlight=False)


def print_lagging(items: tuple[LaggingItem, ...], year: int, form: str, lang: Lang) -> None:
    from kpi.views import review as reviewtext
    from kpi.views.labels import COLUMNS

    if form == "json":
        typer.echo(reviewtext.lagging_json(items, year, lang), nl=False)
        return
    if form == "csv":
        typer.echo(reviewtext.lagging_csv(items, lang), nl=False)
        return
    from rich.table import Table

    table = Table(title=f"{'遅れている指標' if lang is Lang.JA else 'Lagging indicators'}  FY{year}", header_style="bold")
    for column in reviewtext.LAGGING_COLUMNS:
        table.add_column(
            COLUMNS[lang][column],
            overflow="fold",
            no_wrap=column in {"number", "status", "pace"},
            justify="right" if column in {"progress", "expected", "pace"} else "left",
        )
    for item in items:
        cells = reviewtext.lagging_cells(item, lang)
        style = STATUS_STYLE[item.assessment.status.value]
        row = [escape(cells[c]) for c in reviewtext.LAGGING_COLUMNS]
        row[reviewtext.LAGGING_COLUMNS.index("status")] = f"[{style}]{row[reviewtext.LAGGING_COLUMNS.index('status')]}[/]"
        table.add_row(*row)
    console = _console()
    console.print(table)
    console.print(f"{len(items)} {'件' if lang is Lang.JA else 'lagging'}", highlight=False)


# -- kpi log / target / new: plain lines, and the questions `kpi new` asks in a terminal ----------------------------


def print_lines(lines: Sequence[str]) -> None:
    for line in lines:
        typer.echo(line)


def ask_new_measure(root: Path, given: Mapping[str, object], *, interactive: bool) -> NewMeasure:
    """The new measure from the options, asking in a terminal for each required value not given."""
    from kpi.edit.new import NEEDS, NewIndicator, NewMeasure, default_id, next_number
    from kpi.errors import KpiError
    from kpi.plan.loader import load_plan

    plan = load_plan(root).plan
    values = dict(given)

    def ask(key: str, text: str, default: object = None, kind: type = str, choices: type[Enum] | None = None) -> None:
        if values.get(key) not in (None, []):
            return
        option = "--" + key.replace("_", "-").replace("ministries", "ministry")
        if not interactive:
            if default is not None:
                values[key] = default
                return
            raise KpiError(f"{option} is required (kpi new asks only in a terminal); pass {option} VALUE")
        if choices is not None:
            text += f" ({' / '.join(e.value for e in choices)})"
        while True:
            answer = typer.prompt(text, default=default, type=kind, show_default=default not in (None, ""))
            if choices is None or answer in {e.value for e in choices}:
                values[key] = answer
                return
            typer.echo(f"Choose one of: {', '.join(e.value for e in choices)}", err=True)

    ask("title", "Title (施策名)")
    known = plan.config.ministries
    while True:
        ask("ministries", f"Ministries, lead first (府省庁; comma-separated, from: {', '.join(known)})")
        if isinstance(values["ministries"], str):
            values["ministries"] = [m.strip() for m in values["ministries"].replace("、", ",").split(",") if m.strip()]
        unknown = [m for m in values["ministries"] or () if known and m not in known]  # type: ignore[attr-defined]
        if not interactive or not unknown:
            break
        typer.echo(f"Not a ministry of this plan: {', '.join(unknown)}", err=True)
        values["ministries"] = None
    ask("number", f"Number in the {plan.config.edition} edition", next_number(plan), int)
    ask("pillar", "Heading, (1)② as 1-2 (柱)")
    ask("id", "Measure id", default_id(plan.config, int(str(values["number"]))))
    ask("indicator_id", "Indicator id (a-z, 0-9, -)")
    ask("indicator_name", "Indicator name (指標名)")
    ask("kind", "Kind", choices=Kind)
    kind = Kind(values["kind"])
    ask("unit", "Unit (単位; empty for none)", "")
    for key in NEEDS[kind]:
        if key == "direction":
            ask("direction", "Direction (which way is better)", choices=Direction)
        else:
            hint = " (a year: 2026, R8 …)" if key in {"deadline", "baseline_year", "start"} else ""
            ask(key, key.replace("_", " ").capitalize() + hint)
    text = {k: None if v is None else str(getattr(v, "value", v)) for k, v in values.items() if k not in {"ministries", "number"}}
    indicator = NewIndicator(
        id=text["indicator_id"] or "",
        name=text["indicator_name"] or "",
        kind=kind,
        direction=Direction(text["direction"]) if text["direction"] else None,
        unit=text["unit"] or "",
        target=text["target"],
        deadline=text["deadline"],
        baseline=text["baseline"],
        baseline_year=text["baseline_year"],
        start=text["start"],
    )
    ministries = tuple(str(m) for m in values["ministries"] or ())  # type: ignore[attr-defined]
    return NewMeasure(text["title"] or "", ministries, int(str(values["number"])), text["pillar"] or "", indicator, text["id"])
