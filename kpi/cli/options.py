"""Options, arguments and format choices shared by the commands, defined once (as pip-tools' ``scripts/options.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kpi.cli.values import (
    LANG_HELP,
    DiffFormat,
    ListFormat,
    ReportFormat,
    TextFormat,
    lang_of,
    plan_for_review,
    report_broken,
    root_of,
    year_of,
)
from kpi.i18n import N_, Lang
from kpi.model import Method

__all__ = [
    "LANG_HELP",
    "BaselineOption",
    "BaselineYearOption",
    "CheckFormatOption",
    "DeadlineOption",
    "DiffFormat",
    "DiffFormatOption",
    "DirOption",
    "EditionOption",
    "IndicatorArg",
    "LangOption",
    "ListFormat",
    "ListFormatOption",
    "MeasureArg",
    "MethodOption",
    "MinistryOption",
    "OutputOption",
    "PillarOption",
    "ReportFormat",
    "ReportFormatOption",
    "ShowFormatOption",
    "StrictOption",
    "TargetOption",
    "TextFormat",
    "YearOption",
    "argument",
    "lang_of",
    "option",
    "plan_for_review",
    "report_broken",
    "root_of",
    "year_of",
]


MINISTRY_HELP = N_("Only measures of this ministry (part of the name is enough).")
PILLAR_HELP = N_("Only measures under this heading: 1, or 1-2 for (1)②.")


def option(*names: str, help: str) -> Any:
    """An option whose default is not shown in --help (kpi's help says what the default is, in words)."""
    return typer.Option(*names, help=help, show_default=False)


def argument(help: str, metavar: str | None = None) -> Any:
    return typer.Argument(help=help, metavar=metavar, show_default=False)


DirOption = Annotated[
    Path | None,
    option("--dir", "-d", help=N_("Plan folder (holds kpi.toml). Default: KPI_DIR, else walk up from here.")),
]
LangOption = Annotated[Lang | None, typer.Option("--lang", metavar="<ja|en>", help=LANG_HELP, show_default=False)]
YearOption = Annotated[
    str | None,
    option("--year", "-y", help=N_("Evaluation year: 2024, FY2024, R6, 令和6年度 … Default: the last complete FY.")),
]
MethodOption = Annotated[
    Method | None, option("--method", help=N_("Assessment method. Default: [assessment] method in kpi.toml (linear)."))
]
EditionOption = Annotated[
    int | None, option("--edition", help=N_("Plan edition whose numbers and headings to use. Default: the current one."))
]
MinistryOption = Annotated[str | None, option("--ministry", "-m", help=MINISTRY_HELP)]
PillarOption = Annotated[str | None, option("--pillar", "-p", help=PILLAR_HELP)]
OutputOption = Annotated[
    Path | None,
    option("--output", "-o", help=N_("Write to this file instead of the screen (csv: with a BOM, for Excel).")),
]
# Each command's --format, beside its enum: the values and what each is for.
ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help=N_("table for people; json, csv for tools."))]
ReportFormatOption = Annotated[
    ReportFormat, typer.Option("--format", "-f", help=N_("table for people; json, csv, md for tools."))
]
ShowFormatOption = Annotated[TextFormat, typer.Option("--format", "-f", help=N_("text for people; json for tools."))]
CheckFormatOption = Annotated[TextFormat, typer.Option("--format", "-f", help=N_("text: one line per problem; json: a list."))]
DiffFormatOption = Annotated[DiffFormat, typer.Option("--format", "-f", help=N_("text; md: a pull-request comment; json."))]
MeasureArg = Annotated[str, argument(N_("Measure id (2024-008) or number in the current edition (8)."), metavar=N_("MEASURE"))]
# The values of an indicator's target, as `kpi target` revises them and `kpi new` starts them.
TargetOption = Annotated[str | None, option("--target", help=N_("Target value."))]
DeadlineOption = Annotated[str | None, option("--deadline", help=N_("Target year: 2027, R9 …"))]
BaselineOption = Annotated[str | None, option("--baseline", help=N_("Baseline value."))]
BaselineYearOption = Annotated[str | None, option("--baseline-year", help=N_("Year of the baseline."))]
IndicatorArg = Annotated[str, argument(N_("Indicator id within the measure (see `kpi show MEASURE`)."), metavar=N_("INDICATOR"))]


StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help=N_("Stop at the first broken measure file (default: leave broken files out, list them, exit 1)."),
    ),
]
