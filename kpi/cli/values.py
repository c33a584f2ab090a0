"""What the options' values become, without typer: the format choices, the plan root, the year, the language.

``kpi.cli.options`` declares the options themselves (typer's part) and re-exports these; ``kpi.cli.run`` reads a
plain ``kpi report`` with them before typer is loaded.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from kpi.cli.render import echo
from kpi.cli.status import ExitStatus
from kpi.i18n import N_, Lang, _, active

if TYPE_CHECKING:
    from kpi.errors import Problem
    from kpi.model import Plan

__all__ = [
    "LANG_HELP",
    "DiffFormat",
    "ListFormat",
    "ReportFormat",
    "TextFormat",
    "lang_of",
    "plan_for_review",
    "report_broken",
    "root_of",
    "year_of",
]

# The one help text of --lang, before the command (kpi --lang ja report) and on each command (kpi/cli/options.py).
LANG_HELP = N_(
    "Language of messages, help and labels: ja or en. Default: KPI_LANG, else the locale "
    "(LC_ALL, then LC_MESSAGES, then LANG; ja… is Japanese), else en."
)


class TextFormat(str, Enum):
    """text for people, json for tools (kpi check, kpi show)."""

    text = "text"
    json = "json"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


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
    files = len({p.path for p in problems})
    echo(
        _(
            "Left out: {files} measure file(s) with errors (fix them, then run again; `kpi check` lists every problem):",
            files=files,
        ),
        err=True,
    )
    for problem in problems:
        echo(f"  {problem}", err=True)
    raise SystemExit(ExitStatus.ERROR)


def root_of(directory: Path | None) -> Path:
    """The plan root: --dir, else KPI_DIR, else the nearest folder up from here that holds kpi.toml."""
    from kpi.plan.config import find_root

    return find_root(directory)


def year_of(text: str | None) -> int | None:
    from kpi.fiscal import parse_year

    return None if text is None else parse_year(text)


def lang_of(lang: Lang | None) -> Lang:
    """The language of this run: ``--lang`` of the command, else the one KpiGroup chose (--lang anywhere, env)."""
    return lang or active()
