"""A cache of validated measure files, so that a run on an unchanged plan does not parse and check every file again.

One file per plan root in the user's cache folder (``$XDG_CACHE_HOME/kpi`` or ``~/.cache/kpi``; never inside the plan,
so it is never committed and a cloned repository cannot bring one along). It maps each measure file, by its path
relative to the plan root, to the file's ``os.stat`` key and what ``load_measure`` made of it: the Measure (or None)
and its problems.

A file's entry is used only while its size, modification time, inode and change time (nanoseconds) are all unchanged,
so an edit, a removal, an added file and a file replaced by ``git checkout`` or an atomic rename are all seen. A file
changed within the last ``RACY_NS`` before the run began is not kept: a same-size edit in the same clock tick (file
systems stamp times coarsely) could otherwise leave the same key. The whole cache is dropped when the kpi version, kpi's
loading code or the content of kpi.toml changes. The file is replaced by an atomic rename, so two processes writing it
at once leave one whole cache; a cache that cannot be read, is corrupt or of another format is ignored and rebuilt.
The cache is trusted no further than the user's own files (a shared ``$XDG_CACHE_HOME`` must not hand another
user's code to this one): the folder is created 0700, and one that is a symlink, is not this user's own or that others
may write is neither read nor written; the file is opened without following a symlink and read only when it is a
regular file of this user that no one else may write. It is plain data read with ``marshal`` (kpi.plan.plain turns
measures into tuples and back), which, unlike pickle, cannot call anything: a planted file can at worst be ignored.
``KPI_NO_CACHE=1`` turns it off; nothing is ever reported about the cache: at worst it is not used.

A measure taken from the cache, or parsed and kept in it (a settled file), carries a stamp (``Measure.stamp``, see
``Stamp``): what the cache knows its file by, for the caches of what is made from it (kpi.views.reportcache).
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import stat
import struct
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from kpi import __version__
from kpi.errors import Problem
from kpi.i18n import active
from kpi.model import Measure, PlanConfig
from kpi.plan import tomlread
from kpi.plan.plain import measure_from_plain, plain_measure, plain_problems, problems_from_plain
from kpi.safefile import replacing

__all__ = ["ENV_OFF", "RACY_NS", "SEAL", "MeasureCache", "Stamp", "cache_dir", "folder_is_ours", "open_ours"]

ENV_OFF = "KPI_NO_CACHE"
FORMAT = 3  # of the cache file itself (3: marshal of plain data in pieces; 2: in one; 1 was a pickle)
PIECE = 2_000  # entries marshalled at a time: one call over 100,000 would build a table of millions of objects
RACY_NS = 2_000_000_000  # two seconds: wider than any file system's time stamp step (FAT's is 2 s, HFS+'s 1 s)
KEEP = 64  # cache files kept in the folder (one per plan root); the least recently written go first

StatKey = tuple[int, int, int, int]
Loaded = tuple[Measure | None, list[Problem]]
Parse = Callable[[Path, str, PlanConfig], Loaded]
_Entry = tuple[StatKey, Any, Any]  # the stat key, and the measure and problems as plain data (kpi.plan.plain)
# What a measure that is its file's settled content carries (``Measure.stamp``): ``(cache, seal)``, where ``cache`` is
# ``(cache file, header)`` of the cache it came through (the same tuple for every measure of one load) and ``seal`` the
# file's stat key packed (``SEAL``) followed by its path relative to the plan root in UTF-8: one small bytes object, as
# a measure keeps it as long as it lives. Caches of what is made from a measure (kpi.views.reportcache) key by it.
Stamp = tuple[tuple[Path, tuple[object, ...]], bytes]
SEAL = struct.Struct("<QqQq")  # size, mtime_ns, inode, ctime_ns


def cache_dir() -> Path | None:
    """Where kpi keeps its caches: ``$XDG_CACHE_HOME/kpi``, else ``~/.cache/kpi`` (``%LOCALAPPDATA%\\kpi`` on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    if base:
        return Path(base) / "kpi"
    try:
        return Path.home() / ".cache" / "kpi"
    except RuntimeError:  # no home folder to be found
        return None


def _enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def code_files() -> list[Path]:
    """The modules whose code decides what a file loads as: all of ``kpi.plan`` and the base modules it builds on,
    the message catalog included (a problem is kept in the words of its language).

    Taken from the package folder rather than named one by one, so a moved or new module cannot fall out of the key.
    """
    package = Path(__file__).resolve().parent.parent
    return sorted([*package.glob("*.py"), *(package / "plan").glob("*.py"), *(package / "i18n").glob("*.py")])


def _code_key() -> tuple[object, ...]:
    # The TOML parser and Python itself decide what a file reads as too (tomllib differs between Python versions).
    stamps: list[object] = [__version__, sys.version, tomlread.PARSER]
    files = code_files()
    if not files:  # installed without sources (a zip): the version alone decides
        stamps.append("no sources")
    for path in files:
        try:
            st = os.stat(path)
            stamps.append((f"{path.parent.name}/{path.name}", st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append(f"{path.parent.name}/{path.name}")
    return tuple(stamps)


def _stat_key(path: Path) -> StatKey | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


class MeasureCache:
    """The cache of one plan root for one run: ``load_all`` the files through it, then ``save``."""

    def __init__(self, file: Path | None, header: tuple[object, ...], entries: dict[str, _Entry] | None) -> None:
        self.file = file  # None: the cache is off, ``load_all`` only parses
        self.header = header
        self.old: dict[str, _Entry] = entries or {}
        self._unread = entries is None and file is not None  # read in load_all, where the collector is paused
        self.new: dict[str, _Entry] = {}
        self.changed = False
        # A file changed after this moment (less the racy window) may change again unseen within the same time stamp.
        self.fresh_after = time.time_ns() - RACY_NS
        self.token = (file, header)

    @classmethod
    def open(cls, root: Path, config_path: Path) -> MeasureCache:
        """The cache of the plan at ``root`` whose kpi.toml is ``config_path``; an empty one if missing or stale."""
        folder = cache_dir() if _enabled() else None
        if folder is None:
            return cls.off()
        try:
            resolved = str(root.resolve())
            # kept whole in the header and compared as it is (as text that keeps every byte: marshal of plain data)
            config = config_path.read_bytes().decode("utf-8", "surrogateescape")
        except (OSError, RuntimeError):
            return cls.off()
        # The file's name only tells plan roots apart (the header holds the root): two checksums, no hashlib to load.
        raw = resolved.encode("utf-8", "surrogatepass")
        name = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
        # Problems are kept as their messages read: one cache per language, so a run in the other reads its own.
        lang = active().value
        header = (FORMAT, _code_key(), resolved, config, lang)
        file = folder / f"plan-{name}-{lang}.marshal"
        return cls(file, header, None)

    @classmethod
    def off(cls) -> MeasureCache:
        """A cache that keeps nothing: ``load_all`` always parses."""
        return cls(None, (), {})

    def load_all(self, files: Sequence[tuple[Path, str]], parse: Parse, config: PlanConfig) -> list[Loaded]:
        """``parse(path, shown, config)`` for each ``(path, shown)``, in order: what it returned last time for a file
        that is unchanged, else parsed now."""
        with _gc_paused():  # a plan is ~10 objects per file that all live on: collecting cycles would find none
            if self._unread and self.file is not None:
                self.old, self._unread = _read(self.file, self.header), False
            return [self._load(path, shown, parse, config) for path, shown in files]

    def _load(self, path: Path, shown: str, parse: Parse, config: PlanConfig) -> Loaded:
        key = _stat_key(path) if self.file is not None else None
        entry = self.old.get(shown)
        if key is not None and entry is not None and entry[0] == key:
            try:
                measure = measure_from_plain(entry[1])
                problems = problems_from_plain(entry[2])
            except Exception:  # a file of the right header but wrong records: parse this one again
                measure, problems = parse(path, shown, config)
                self._keep(shown, key, measure, problems)
                return measure, problems
            if measure is not None:
                object.__setattr__(measure, "path", path)  # paths are not stored (see kpi.plan.plain)
                self._stamp(measure, shown, key)
            self.new[shown] = entry
            return measure, problems
        if entry is not None:
            self.changed = True  # the old entry is stale and goes
        measure, problems = parse(path, shown, config)
        if key is None or max(key[1], key[3]) >= self.fresh_after:  # no key, or changed within the racy window
            return measure, problems
        if self._keep(shown, key, measure, problems) and measure is not None:
            self._stamp(measure, shown, key)
        return measure, problems

    def _stamp(self, measure: Measure, shown: str, key: StatKey) -> None:
        try:
            seal = SEAL.pack(*key) + shown.encode("utf-8", "surrogateescape")
        except (struct.error, UnicodeError):  # a key beyond 64 bits: the measure goes without
            return
        object.__setattr__(measure, "stamp", (self.token, seal))

    def _keep(self, shown: str, key: StatKey, measure: Measure | None, problems: list[Problem]) -> bool:
        try:
            self.new[shown] = (key, plain_measure(measure), plain_problems(problems))
        except ValueError:  # a value TOML does not make: never the case for a file the loader read
            return False
        self.changed = True
        return True

    def save(self) -> None:
        """Write the entries of this run (files no longer there are dropped); silently does nothing if it cannot."""
        if self.file is None or not (self.changed or self.old.keys() - self.new.keys()):
            return
        try:
            folder = self.file.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not folder_is_ours(folder):  # never write where another user could swap or read the file
                return
            with _gc_paused():
                pieces = _pieces(self.header, self.new)
            with replacing(self.file, mode=0o600) as temp, open(temp, "wb") as out:
                out.writelines(pieces)
            _prune(folder, keep=self.file)
        except (OSError, ValueError):  # ValueError: marshal met something that is not plain data
            return


def _pieces(header: tuple[object, ...], entries: dict[str, _Entry]) -> list[bytes]:
    """The cache file: marshal of ``(header + (sizes,), first entries)``, then the other entries ``PIECE`` at a time,
    each marshalled on its own (``sizes``: their lengths in bytes). A plan of up to ``PIECE`` files is one piece."""
    items = list(entries.items())
    rest = [marshal.dumps(dict(items[start : start + PIECE])) for start in range(PIECE, len(items), PIECE)]
    first = marshal.dumps(((*header, tuple(len(piece) for piece in rest)), dict(items[:PIECE])))  # type: ignore[arg-type]
    return [first, *rest]


def _read(file: Path, header: tuple[object, ...]) -> dict[str, _Entry]:
    """The entries of a cache file written with the same header; {} for a missing, corrupt, stale or untrusted one."""
    try:
        with open_ours(file) as handle:
            if handle is None:
                return {}
            raw = handle.read()
        data: Any = marshal.loads(raw)  # the first piece (marshal reads one object and ignores what follows)
        if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], tuple) and data[0][:-1] == header):
            return {}
        sizes, entries = data[0][-1], data[1]
        if not (isinstance(entries, dict) and type(sizes) is tuple and all(type(n) is int and n > 0 for n in sizes)):
            return {}
        at = len(raw) - sum(sizes)
        with memoryview(raw) as view:
            for size in sizes:
                piece = marshal.loads(view[at : at + size]) if at > 0 else None
                if not isinstance(piece, dict):
                    return {}
                entries.update(piece)
                at += size
    except Exception:  # missing, unreadable, or corrupt (marshal raises EOFError, ValueError or TypeError)
        return {}
    if not all(type(entry) is tuple and len(entry) == 3 for entry in entries.values()):
        return {}
    return entries


@contextlib.contextmanager
def open_ours(file: Path) -> Iterator[IO[bytes] | None]:
    """The cache file, opened without following a symlink, in a folder of ours; None when either is not to be trusted."""
    if os.name != "posix":  # pragma: no cover - the checks below are POSIX's
        with open(file, "rb") as handle:
            yield handle
        return
    folder = os.open(file.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        if not _ours(os.fstat(folder)):
            yield None
            return
        fd = os.open(file.name, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=folder)
    finally:
        os.close(folder)
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        yield handle if stat.S_ISREG(st.st_mode) and _ours(st) else None


def folder_is_ours(folder: Path) -> bool:
    """Whether kpi may keep a cache in ``folder``: a real folder (not a symlink) of this user that others cannot write."""
    if os.name != "posix":  # pragma: no cover
        return True
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _ours(st)


def _ours(st: os.stat_result) -> bool:
    """Only this user's own, which no one else may write (a shared XDG_CACHE_HOME)."""
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _prune(folder: Path, keep: Path) -> None:
    """Keep the ``KEEP`` most recently written plan caches (plans of temporary folders would pile up otherwise)."""
    files: list[tuple[int, str]] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.name.startswith("plan-"):
                    with contextlib.suppress(OSError):  # another process may have removed it already
                        files.append((entry.stat().st_mtime_ns, entry.path))
    except OSError:
        return
    if len(files) <= KEEP:
        return
    files.sort(reverse=True)
    for _, name in files[KEEP:]:
        if name != str(keep):
            with contextlib.suppress(OSError):  # another process may have removed it already
                os.unlink(name)
