"""One colour table for the statuses: the ink, the cell background and the terminal style of each, keyed by ``Status``."""

from __future__ import annotations

from dataclasses import dataclass

from kpi.model import Status

__all__ = ["STATUS_COLOURS", "Colours", "ansi"]


@dataclass(frozen=True)
class Colours:
    ink: str  # text, chart marks, the left rule of a cell (#rrggbb)
    background: str  # a table cell's fill (#rrggbb)
    terminal: str  # rich's style for the status word in a terminal


STATUS_COLOURS: dict[Status, Colours] = {
    Status.EXCEEDED: Colours("#0b6e2e", "#c7ecd2", "bold green"),
    Status.ACHIEVED: Colours("#1a7f37", "#dcf5e3", "green"),
    Status.ON_TRACK: Colours("#1f6feb", "#dbe9ff", "cyan"),
    Status.BEHIND: Colours("#9a6700", "#fff1c2", "yellow"),
    Status.FAR_BEHIND: Colours("#c2410c", "#ffdcc7", "red"),
    Status.REGRESSING: Colours("#b91c1c", "#ffd1d1", "bold red"),
    Status.PENDING: Colours("#7c3aed", "#ece3ff", "magenta"),
    Status.NO_DATA: Colours("#6b7280", "#eceef1", "dim"),
    Status.DONE: Colours("#1a7f37", "#dcf5e3", "green"),
    Status.IN_PROGRESS: Colours("#1f6feb", "#dbe9ff", "cyan"),
    Status.NOT_STARTED: Colours("#9a6700", "#fff1c2", "yellow"),
}


_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"}


def ansi(status: Status) -> str:
    """The status's terminal style as an ANSI SGR code (``bold green`` -> ``1;32``), for kpi's plain renderer."""
    return ";".join(_SGR[word] for word in STATUS_COLOURS[status].terminal.split() if word in _SGR)
