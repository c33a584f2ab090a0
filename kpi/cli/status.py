"""How a run of ``kpi`` ends: its exit codes, named once (as httpie's ``status.ExitStatus``), and its last lines."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpi.errors import KpiError

__all__ = ["ExitStatus", "failure_text", "version_line"]


class ExitStatus(IntEnum):
    """kpi's exit codes, decided here and nowhere else."""

    OK = 0
    ERROR = 1  # a KpiError: one line on stderr, no traceback; also `kpi check` finding an error
    USAGE = 2  # bad options or arguments (click's own code)
    INTERRUPTED = 130  # Ctrl-C


def version_line() -> str:
    from kpi import __version__

    return f"kpi {__version__}"


def failure_text(exc: KpiError) -> str:
    """The one line a kpi error ends a run with."""
    from kpi.i18n import _
    from kpi.text import terminal_safe

    return _("Error: {message}", message=terminal_safe(str(exc)))
