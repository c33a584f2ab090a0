"""The `kpi` command line: parse options, call one function of the `kpi` library, render the result.

``app`` is composed here: each module below registers its commands on it when imported.
"""

from kpi.cli import check, collect, edit, export, history, narrate, new, report, review
from kpi.cli.app import ExitStatus, app, main

__all__ = [
    "ExitStatus",
    "app",
    "check",
    "collect",
    "edit",
    "export",
    "history",
    "main",
    "narrate",
    "new",
    "report",
    "review",
]
