"""Options, arguments and format choices shared by the commands, defined once (as pip-tools' ``scripts/options.py``)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpi.model import Method
from kpi.views.labels import Lang, detect_lang

if TYPE_CHECKING:
    from kpi.errors import Problem
    from kpi.model import Plan

__all__ = [
    "CheckFormat",
    "DiffFormat",
    "DirOption",
    "EditionOption",
    "IndicatorArg",
    "LangOption",
    "ListFormat",
    "ListFormatOption",
    "MeasureArg",
    "MethodOption",
    "MinistryOption",
    "PillarOption",
    "ReportFormat",
    "ShowFormat",
    "StrictOption",
    "YearOption",
    "lang_of",
    "plan_for_review",
    "report_broken",
    "root_of",
    "year_of",
]


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


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


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
MinistryOption = Annotated[
    str | None,
    typer.Option("--ministry", "-m", help="Only measures of this ministry (part of the name is enough).", show_default=False),
]
PillarOption = Annotated[
    str | None,
    typer.Option("--pillar", "-p", help="Only measures under this heading: 1, or 1-2 for (1)②.", show_default=False),
]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="table for people; json, csv for tools.")]
MeasureArg = Annotated[
    str, typer.Argument(help="Measure id (2024-008) or number in the current edition (8).", show_default=False)
]
IndicatorArg = Annotated[
    str, typer.Argument(help="Indicator id within the measure (see `kpi show MEASURE`).", show_default=False)
]


StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Stop at the first broken measure file (default: leave broken files out, list them, exit 1)."),
]


def plan_for_review(directory: Path | None, strict: bool) -> tuple[Plan, tuple[Problem, ...]]:
    """The plan to review and the errors of the files left out; ``strict`` raises the first error instead."""
    from kpi.plan.loader import load_plan, read_plan

    root = root_of(directory)
    if strict:
        return read_plan(root), ()
    result = load_plan(root)
    return result.plan, result.errors


def report_broken(problems: tuple[Problem, ...]) -> None:
    """After the output: the files left out, one line per error on stderr, and exit 1 (nothing when all loaded)."""
    if not problems:
        return
    from kpi.cli.app import ExitStatus

    files = len({p.path for p in problems})
    typer.echo(
        f"Left out: {files} measure file(s) with errors (fix them, then run again; `kpi check` lists every problem):",
        err=True,
    )
    for problem in problems:
        typer.echo(f"  {problem}", err=True)
    raise typer.Exit(ExitStatus.ERROR)


def root_of(directory: Path | None) -> Path:
    """The plan root: --dir, else KPI_DIR, else the nearest folder up from here that holds kpi.toml."""
    from kpi.plan.config import find_root

    return find_root(directory)


def year_of(text: str | None) -> int | None:
    from kpi.fiscal import parse_year

    return None if text is None else parse_year(text)


def lang_of(lang: Lang | None) -> Lang:
    return lang or detect_lang()
