"""A measure file's bytes, read only when it is a regular file: a folder, FIFO, socket or broken link is a problem."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from kpi.errors import Problem
from kpi.i18n import N_, _

_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = (
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISSOCK, N_("a socket")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
)


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file; a problem naming the file for anything else (never waits on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as exc:
        return None, Problem(shown, "", _unreadable(path, exc))
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        with os.fdopen(fd, "rb") as handle:
            return handle.read(), None
    os.close(fd)
    if stat.S_ISDIR(mode):
        message = _("is a folder, not a measure file; rename it (names ending in .toml are measure files)")
        return None, Problem(shown, "", message)
    kind = next((name for test, name in _KINDS if test(mode)), N_("not a regular file"))
    message = _("is {kind}, not a measure file; remove it (a measure file is a plain text file)", kind=_(kind))
    return None, Problem(shown, "", message)


def _unreadable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return _("is a symbolic link that leads back to itself (a loop); remove the link, or point it at the measure's file")
    if exc.errno == errno.ENXIO:  # what opening a socket gives
        return _("is {kind}, not a measure file; remove it (a measure file is a plain text file)", kind=_("a socket"))
    if path.is_symlink() and exc.errno == errno.ENOENT:
        return _(
            "is a symbolic link to {target}, which does not exist; remove the link, or point it at the measure's file",
            target=os.readlink(path),
        )
    return _("cannot read the file ({error}); check that it exists and you may read it", error=exc.strerror)
