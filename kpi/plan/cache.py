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
A cache file that is not this user's own, or that others may write, is never read (unpickling runs code).
``KPI_NO_CACHE=1`` turns it off; nothing is ever reported about the cache: at worst it is not used.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

from kpi import __version__
from kpi.errors import Problem
from kpi.model import Measure, PlanConfig
from kpi.plan import tomlread
from kpi.safefile import replacing

__all__ = ["ENV_OFF", "RACY_NS", "MeasureCache", "cache_dir"]

ENV_OFF = "KPI_NO_CACHE"
FORMAT = 2  # of the cache file itself (2: the entries in chunks after the header, then an end mark)
CHUNK = 2000  # entries per pickle in the file: each pickle's memo stays small (one over 100,000 files took ~150 MB)
RACY_NS = 2_000_000_000  # two seconds: wider than any file system's time stamp step (FAT's is 2 s, HFS+'s 1 s)
KEEP = 64  # cache files kept in the folder (one per plan root); the least recently written go first

StatKey = tuple[int, int, int, int]
Loaded = tuple[Measure | None, list[Problem]]
Parse = Callable[[Path, str, PlanConfig], Loaded]
_Entry = tuple[StatKey, Measure | None, list[Problem]]


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
    """The modules whose code decides what a file loads as: all of ``kpi.plan`` and the base modules it builds on.

    Taken from the package folder rather than named one by one, so a moved or new module cannot fall out of the key.
    """
    package = Path(__file__).resolve().parent.parent
    return sorted([*package.glob("*.py"), *(package / "plan").glob("*.py")])


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

    @classmethod
    def open(cls, root: Path, config_path: Path) -> MeasureCache:
        """The cache of the plan at ``root`` whose kpi.toml is ``config_path``; an empty one if missing or stale."""
        folder = cache_dir() if _enabled() else None
        if folder is None:
            return cls.off()
        try:
            resolved = str(root.resolve())
            config = hashlib.sha256(config_path.read_bytes()).hexdigest()
        except (OSError, RuntimeError):
            return cls.off()
        name = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        header = (FORMAT, _code_key(), resolved, config)
        file = folder / f"plan-{name}.pickle"
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
            measure = entry[1]
            if measure is not None:
                object.__setattr__(measure, "path", path)  # paths are not stored (see _Pickler)
            self.new[shown] = entry
            return measure, list(entry[2])
        if entry is not None:
            self.changed = True  # the old entry is stale and goes
        measure, problems = parse(path, shown, config)
        if key is not None and max(key[1], key[3]) < self.fresh_after:
            self.new[shown] = (key, measure, list(problems))
            self.changed = True
        return measure, problems

    def save(self) -> None:
        """Write the entries of this run (files no longer there are dropped); silently does nothing if it cannot."""
        if self.file is None or not (self.changed or self.old.keys() - self.new.keys()):
            return
        try:
            folder = self.file.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with replacing(self.file, mode=0o600) as temp, open(temp, "wb") as out, _gc_paused():
                _write(out, self.header, self.new)
            _prune(folder, keep=self.file)
        except (OSError, pickle.PicklingError, RecursionError):
            return


def _read(file: Path, header: tuple[object, ...]) -> dict[str, _Entry]:
    """The entries of a cache file written with the same header; {} for a missing, corrupt or stale one."""
    try:
        with open(file, "rb") as handle:
            if not _ours(os.fstat(handle.fileno())):
                return {}
            if pickle.load(handle) != header:
                return {}
            entries: dict[str, _Entry] = {}
            while (chunk := pickle.load(handle)) is not None:
                if not isinstance(chunk, list):
                    return {}
                entries.update(chunk)
    except Exception:  # missing, unreadable, or corrupt: a corrupt file can raise nearly anything while unpickling
        return {}
    return entries


def _write(out: Any, header: tuple[object, ...], entries: dict[str, _Entry]) -> None:
    """The header, the entries a chunk at a time (a pickle each), then None: a file cut short lacks the end mark."""
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(header)
    items = list(entries.items())
    for start in range(0, len(items), CHUNK):
        _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(items[start : start + CHUNK])
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(None)


def _ours(st: os.stat_result) -> bool:
    """Unpickling runs code: only a file this user owns and no one else may write is read (a shared XDG_CACHE_HOME)."""
    if os.name != "posix":
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _no_path() -> None:
    return None  # load_all puts the file's path back


def _reduce_path(path: PurePath) -> tuple[Callable[[], None], tuple[()]]:
    return _no_path, ()


class _Pickler(pickle.Pickler):
    """Leaves out paths: a measure's path is the file's path in this run (the plan root may be spelled differently)."""

    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[type(Path())] = _reduce_path


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
