"""Errors and problems. Every message names where (file, line, key) and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from kpi.i18n import Lang, _, active, in_lang


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
    """A message for officers in Japanese and English at once (a returned workbook's cells and files), fix included.

    It holds a catalog id and its fields, so each language is the catalog's: ``in_lang(Lang.JA)`` and
    ``in_lang(Lang.EN)``; ``str()`` is the active language's. A field may be another ``TwoLanguages`` (a word
    that is translated too) or a function of the language (a year: 令和7年度 / FY2025).
    """

    def __init__(self, message: str, /, **fields: object) -> None:
        self.message = message
        self.fields = fields
        super().__init__(message)

    def in_lang(self, lang: Lang) -> str:
        filled: dict[str, Any] = {name: _filled(value, lang) for name, value in self.fields.items()}
        return in_lang(lang, self.message, **filled)

    @property
    def ja(self) -> str:
        return self.in_lang(Lang.JA)

    @property
    def en(self) -> str:
        return self.in_lang(Lang.EN)

    def __str__(self) -> str:
        return self.in_lang(active())


def _filled(value: object, lang: Lang) -> object:
    if isinstance(value, TwoLanguages):
        return value.in_lang(lang)
    if callable(value):
        return value(lang)
    return value
