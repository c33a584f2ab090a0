"""Errors and problems. Every message names where (file, line, key) and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kpi.i18n import _


class KpiError(Exception):
    """Base of every error `kpi` reports to a user as one line (exit code 1)."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of the validator: where it is and what to do about it."""

    path: str
    key: str
    message: str
    line: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = _("warning: ") if self.severity is Severity.WARNING else ""
        key = f"{self.key}: " if self.key else ""
        # One problem, one line, whatever characters a file name or value brought in.
        return f"{where}: {prefix}{key}{self.message}".replace("\r", "\\r").replace("\n", "\\n")


class ProblemError(KpiError):
    """An error that carries a located problem (a file, a key, maybe a line)."""

    def __init__(self, problem: Problem, more: int = 0) -> None:
        self.problem = problem
        self.more = more
        text = str(problem)
        if more:
            text += _(" (and {more} more; run `kpi check` to list them all)", more=more)
        super().__init__(text)


class PlanNotFound(KpiError):
    """No kpi.toml was found."""


class UnknownMeasure(KpiError):
    """A MEASURE argument names no measure."""


class UnknownIndicator(KpiError):
    """An INDICATOR argument names no indicator of the measure."""


class BadYear(KpiError, ValueError):
    """A text is not a fiscal or calendar year."""


class TwoLanguages(Exception):
    """A message for officers in Japanese and English, each ending with the fix (workbook cells and files)."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja = ja
        self.en = en

    def text(self, ja: bool) -> str:
        return self.ja if ja else self.en
