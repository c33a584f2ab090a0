"""Writing measure files safely: an exclusive lock, then temp file + fsync + rename.

A reader or a crash at any moment sees either the old file or the new one, never a mix; concurrent
writers of one file take turns, so none of their changes is lost.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kpi.errors import KpiError
from kpi.i18n import N_, _

TEMP_SUFFIX = ".tmp"


class UnsafePath(KpiError):
    """A file kpi was asked to write resolves outside the plan folder."""


def resolve_inside(path: Path, root: Path, shown: str) -> Path:
    """The real file behind ``path`` (following symlinks), refusing one that leaves ``root``."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise UnsafePath(
            _(
                "{shown}: is a link to {real}, outside the plan folder; kpi will not write there "
                "(replace the link with the file itself)",
                shown=shown,
                real=real,
            )
        )
    return real


_KINDS = (
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISSOCK, N_("a socket")),
)


def output_target(path: Path) -> Path:
    """The file to replace when asked to write ``path`` (``--output``, ``kpi db PATH``): refuses all but a file.

    ``path`` itself when absent or a regular file; through a symlink only to a regular file (or a name not yet taken)
    in the same folder, so a link cannot send the write elsewhere; a folder, device, FIFO or socket is refused rather
    than replaced by a regular file.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise KpiError(_("{path}: cannot be checked ({error}); give another file name", path=path, error=exc.strerror)) from None
    if stat.S_ISLNK(st.st_mode):
        real = path.resolve()
        if real.parent != path.absolute().parent.resolve():
            raise UnsafePath(
                _(
                    "{path}: is a link to {real}, outside its own folder; kpi will not write through it "
                    "(give the file's own path, or another name)",
                    path=path,
                    real=real,
                )
            )
        return output_target(real)
    if stat.S_ISDIR(st.st_mode):
        raise KpiError(_("{path}: is a folder; give a file name inside it", path=path))
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), N_("not a regular file"))
        raise UnsafePath(
            _("{path}: is {kind}, not a file; kpi writes only regular files: give a file name", path=path, kind=_(kind))
        )
    return path


LOCK_WAIT = 30.0  # seconds a writer waits for another program's lock before giving up


class LockTimeout(KpiError):
    """Another program held the file's lock for longer than ``LOCK_WAIT``."""


@contextlib.contextmanager
def locked(path: Path, shown: str | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (which must exist) while the block runs.

    The file is replaced by rename while locked, so after waiting we check that the lock is on
    the file now at ``path`` and not on the one a previous writer replaced; if not, lock again.
    A lock (even a shared one, by a reader) held longer than ``LOCK_WAIT`` seconds ends the wait with LockTimeout.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        with _locked_windows(path):
            yield
        return
    import fcntl
    import time

    give_up = time.monotonic() + LOCK_WAIT
    while True:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the lock is released
        try:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= give_up:
                        raise LockTimeout(
                            _(
                                "{path}: another program has kept the file locked for {seconds:g} s "
                                "(an editor, a sync tool or another kpi); nothing was changed — "
                                "close it and run the command again",
                                path=shown or path,
                                seconds=LOCK_WAIT,
                            )
                        ) from None
                    time.sleep(0.02)
            if _same_file(handle, path):
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                return
        finally:
            handle.close()


def remove_stale_temps(path: Path) -> None:
    """Remove the temporary files a killed writer of ``path`` left beside it (``.<name>.*.tmp``).

    Called with the file's lock held: every writer of the file holds it while its temporary exists, so any found now
    was left by a writer that died. Only regular files of that exact pattern go; anything unremovable stays.
    """
    prefix = f".{path.name}."
    with contextlib.suppress(OSError), os.scandir(path.parent) as listing:
        for entry in listing:
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(handle.fileno())
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    @contextlib.contextmanager
    def _locked_windows(path: Path) -> Iterator[None]:
        # Windows cannot rename over a file another process holds open, so the lock is taken on a
        # hidden file beside it (hidden files are skipped by the loader); it is left in place.
        import msvcrt
        import time

        lock_path = path.with_name(f".{path.name}.lock")
        with open(lock_path, "a+b") as handle:
            while True:
                try:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after ~10 s; keep waiting, as flock does
                    time.sleep(0.1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _write_temp(folder: Path, name: str, data: bytes, mode: int | None) -> Path:
    """Write ``data`` to a new hidden temp file in ``folder``, flushed and fsynced to disk."""
    temp = _new_temp(folder, name)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _new_temp(folder: Path, name: str) -> Path:
    # Hidden (leading dot) and not *.toml: a temp file left by a crash is never loaded as a measure.
    import tempfile  # here: a run that writes nothing need not import it

    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=TEMP_SUFFIX)
    os.close(fd)
    return Path(temp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to fsync)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path: Path, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary path beside ``path`` to build the new file in; on success it is fsynced and renamed over ``path``.

    The one way kpi replaces a file: readers see the old file or the new one, never half of one, and a failure
    (or Ctrl-C) leaves the old file and no temporary behind. ``mode`` defaults to the replaced file's mode, and for
    a new file to what the umask allows (0644 under umask 022), as any program's new file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = _default_mode()
    temp = _new_temp(folder, path.name)
    try:
        yield temp
        _fsync_file(temp)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` (see ``replacing``)."""
    with replacing(path, mode=mode) as temp, open(temp, "wb") as handle:
        handle.write(data)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def create_new(path: Path, data: bytes, shown: str) -> None:
    """Write a file that must not exist yet, atomically: it appears complete or not at all."""
    temp = _write_temp(path.parent, path.name, data, _default_mode())
    try:
        # link() fails if the name is taken, so two `kpi new` runs cannot overwrite each other.
        os.link(temp, path)
    except FileExistsError:
        raise KpiError(
            _("{shown}: already exists; choose another id (kpi never overwrites a measure file)", shown=shown)
        ) from None
    except OSError:  # a file system without hard links: the exists check is the best left
        if path.exists():
            raise KpiError(
                _("{shown}: already exists; choose another id (kpi never overwrites a measure file)", shown=shown)
            ) from None
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _sync_folder(path.parent)
