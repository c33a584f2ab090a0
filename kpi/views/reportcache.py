"""The lines of ``kpi report --format json`` kept from the run before, so that a measure whose file has not changed is
not turned into text again: one file beside the plan's cache (kpi.plan.cache), ``plan-<root>-<lang>.report``.

A measure's line (its JSON record) follows from the measure, the year it is judged for, the edition that places it,
the assessment settings, the language and kpi's code. The file's header holds all of these but the measure: the plan
cache's own header (kpi's version and loading code, the plan root, kpi.toml's content), the stamps of every module of
kpi, the languages, the year, the edition and the settings; a run that differs in any of them meets another header
and makes every line anew. Each line is kept under the measure's ``stamp`` (its file's path and stat key), which the
plan's cache gives only to a measure that is its file's settled content; a line is taken from the file only for a
measure so stamped that ``assess_measure`` judged for the report's year, settings and edition
(``MeasureResult.judged``). Any other measure (a changed or just-written file, a result filtered or made another way)
gets its line made as always, and only stamped ones are kept.

Layout: the lines' UTF-8 text one after another, then marshal of ``(header, index)`` (index: the file's shown path →
``(stat key, offset, length)``), then the length of that marshal in 8 bytes. The file is read and written with the
plan cache's precautions (a private folder of this user, never through a symlink, a file no one else may write,
replaced by an atomic rename), and only when a line was made that it lacked: a run on an unchanged plan reads the
lines it needs, a few hundred at a time, and writes nothing. A file that cannot be read, is cut short or holds what
is not text is ignored, line by line if need be, and written again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kpi.i18n import active
from kpi.judge.report import MeasureResult, Report
from kpi.plan.cache import folder_is_ours, open_ours
from kpi.safefile import replacing
from kpi.views.labels import Lang

__all__ = ["FORMAT", "RecordCache", "line_pieces"]

FORMAT = 1
FOOT = 8  # bytes of the index's length at the end of the file
SKIPPED = ("cli", "export")

_Index = dict[str, tuple[Any, int, int]]  # shown path -> (stat key, offset, length)
_Mine = tuple[int, str, Any, tuple[Any, int, int] | None]  # a stamped result: position, shown, key, its kept entry


def _code_key() -> tuple[object, ...]:
    """The size and modification time of every module of kpi a line is made with: all but the commands (kpi.cli)
    and the exports (kpi.export), which sit above the views and make no line."""
    package = Path(__file__).resolve().parent.parent
    stamps: list[object] = []
    folders = [package]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            stamps.append(str(folder))
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if folder != package or entry.name not in SKIPPED:
                    folders.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                try:
                    st = entry.stat()
                    stamps.append((entry.path, st.st_size, st.st_mtime_ns))
                except OSError:
                    stamps.append(entry.path)
    return tuple(stamps)


def line_pieces(report: Report, lang: Lang, make: Callable[[MeasureResult], str], per_piece: int) -> Iterator[list[str]]:
    """The line of every measure of ``report``, ``per_piece`` at a time: ``make(result)``, or kept from the run before."""
    measures = report.measures
    kept = RecordCache.open(report, lang)
    if kept is None:
        for start in range(0, len(measures), per_piece):
            yield [make(result) for result in measures[start : start + per_piece]]
        return
    try:
        for start in range(0, len(measures), per_piece):
            yield kept.lines(measures[start : start + per_piece], make)
        kept.finish()
    finally:
        kept.abort()


class RecordCache:
    """The kept lines of one report: ``lines`` for each few hundred measures in turn, then ``finish`` (or ``abort``)."""

    def __init__(self, file: Path, header: tuple[object, ...], token: object, want: tuple[object, ...]) -> None:
        self.file = file
        self.header = header
        self.token = token  # the plan cache's (file, header): stamps of other loads are not ours
        self.want = want  # (year, thresholds, edition) a result must have been judged for
        self.old: _Index = {}
        self.fd: int | None = None
        self.end = 0  # where the lines end in the old file
        self._old = contextlib.ExitStack()  # the old file, open while the report is written
        self._new = contextlib.ExitStack()  # the new one, once begun
        self.seen: list[list[_Mine]] = []  # lines read back, piece by piece, while the new file is not begun
        self.out: Any = None  # the new file, once begun
        self.at = 0
        self.index: _Index = {}
        self.writable = True

    @classmethod
    def open(cls, report: Report, lang: Lang) -> RecordCache | None:
        """The kept lines for ``report`` in ``lang``; None when none of its measures is stamped (no plan cache)."""
        stamp = next((s for r in report.measures if (s := r.measure.stamp) is not None), None)
        if stamp is None:
            return None
        token: Any = stamp[0]
        plan_file, plan_header = token
        header = (
            FORMAT,
            plan_header,
            _code_key(),
            lang.value,
            active().value,
            report.year,
            report.edition,
            repr(report.thresholds),
        )
        cache = cls(plan_file.with_suffix(".report"), header, token, (report.year, report.thresholds, report.edition))
        cache._read()
        return cache

    def _read(self) -> None:
        try:
            handle = self._old.enter_context(open_ours(self.file))
            if handle is None:
                self.writable = False  # not ours to read is not ours to replace either
                return
            fd = handle.fileno()
            size = os.fstat(fd).st_size
            length = int.from_bytes(os.pread(fd, FOOT, size - FOOT), "little") if size >= FOOT else 0
            end = size - FOOT - length
            if length <= 0 or end < 0:
                return
            data: Any = marshal.loads(os.pread(fd, length, end))
        except Exception:  # missing, unreadable or corrupt: every line is made, and the file written again
            return
        if not (isinstance(data, tuple) and len(data) == 2 and data[0] == self.header and isinstance(data[1], dict)):
            return
        index = data[1]
        if not all(type(e) is tuple and len(e) == 3 and type(e[1]) is int and type(e[2]) is int for e in index.values()):
            return
        self.old, self.fd, self.end = index, fd, end

    def lines(self, results: Sequence[MeasureResult], make: Callable[[MeasureResult], str]) -> list[str]:
        """The line of each of ``results``, in order: kept ones read back, the others made by ``make``."""
        token, want, get = self.token, self.want, self.old.get
        out: list[str] = []
        mine: list[_Mine] = []
        for result in results:
            stamp: Any = result.measure.stamp
            if stamp is not None and stamp[0] is token and result.judged == want:
                shown, key = stamp[1], stamp[2]
                entry = get(shown)
                mine.append((len(out), shown, key, entry if entry is not None and entry[0] == key else None))
                out.append("")
            else:
                out.append(make(result))
        kept = self._take(mine)
        for index, (position, shown, key, _) in enumerate(mine):
            data = kept[index]
            text = None
            if data is not None:
                with contextlib.suppress(UnicodeDecodeError):
                    text = data.decode("utf-8")
            if data is None or text is None:
                text = make(results[position])
                data = text.encode("utf-8")
                self._begin(mine[:index])
            out[position] = text
            if self.out is not None:
                self._write(shown, key, data)
        if self.out is None and self.writable:
            self.seen.append(mine)
        return out

    def _take(self, mine: list[_Mine]) -> list[bytes | None]:
        """The kept line of each of ``mine``; None where there is none or it cannot be read."""
        found: list[bytes | None] = [None] * len(mine)
        if self.fd is None:
            return found
        wanted = sorted((entry[1], entry[2], index) for index, (_, _, _, entry) in enumerate(mine) if entry is not None)
        start = 0
        while start < len(wanted):  # neighbouring lines are read in one go
            stop = start + 1
            while stop < len(wanted) and wanted[stop][0] == wanted[stop - 1][0] + wanted[stop - 1][1]:
                stop += 1
            begin, end = wanted[start][0], wanted[stop - 1][0] + wanted[stop - 1][1]
            try:
                block = os.pread(self.fd, end - begin, begin) if 0 <= begin <= end <= self.end else b""
            except (OSError, ValueError, OverflowError):
                block = b""
            if len(block) == end - begin:
                for offset, length, index in wanted[start:stop]:
                    found[index] = block[offset - begin : offset - begin + length]
            start = stop
        return found

    def _begin(self, before: list[_Mine]) -> None:
        """Begin the new file (a line had to be made): the lines read back so far (``before`` of this piece, all of
        the pieces before it) go into it first."""
        if self.out is not None or not self.writable:
            return
        try:
            if not folder_is_ours(self.file.parent):
                self.writable = False
                return
            temp = self._new.enter_context(replacing(self.file, mode=0o600))
            self.out = self._new.enter_context(open(temp, "wb"))  # noqa: SIM115 (closed with the stack, or dropped)
            assert self.fd is not None or not (self.seen or before)
            for _, shown, key, entry in (item for piece in [*self.seen, before] for item in piece):
                data = os.pread(self.fd, entry[2], entry[1])  # type: ignore[arg-type,index]
                if len(data) != entry[2]:  # type: ignore[index]  # cut short since: nothing kept this time
                    self._drop()
                    break
                self._write(shown, key, data)
        except OSError:
            self._drop()
        self.seen = []

    def _write(self, shown: str, key: Any, data: bytes) -> None:
        try:
            self.out.write(data)
        except (OSError, ValueError):  # a full disk: the report goes on, the lines are not kept
            self._drop()
            return
        self.index[shown] = (key, self.at, len(data))
        self.at += len(data)

    def _drop(self) -> None:
        """Give up the new file: its temporary goes, the old file stays."""
        self.writable, self.out, self.index = False, None, {}
        stop = RuntimeError("not kept")
        with contextlib.suppress(Exception):
            self._new.__exit__(RuntimeError, stop, None)

    def finish(self) -> None:
        """Put the new file in place if one was begun; close the old one. Nothing is ever reported about the cache."""
        try:
            if self.out is not None:
                index = marshal.dumps((self.header, self.index))  # type: ignore[arg-type]
                self.out.write(index)
                self.out.write(len(index).to_bytes(FOOT, "little"))
                self._new.close()
        except (OSError, ValueError):
            self._drop()
        self.abort()

    def abort(self) -> None:
        """Close the old file; a new one not yet in place is removed (the report did not finish)."""
        self._drop()
        with contextlib.suppress(OSError):
            self._old.close()
