"""The lines of ``kpi report --format json`` kept from the run before, so that a measure whose file has not changed is
not turned into text again: one file beside the plan's cache (kpi.plan.cache), ``plan-<root>-<lang>.report``.

A measure's line (its JSON record) follows from the measure, the year it is judged for, the edition that places it,
the assessment settings, the language and kpi's code. The file's header holds all of these but the measure: the plan
cache's own header (kpi's version and loading code, the plan root, kpi.toml's content), the stamps of every module of
kpi but the commands and exports, the languages, the year, the edition and the settings; a run that differs in any of
them meets another header and makes every line anew. Each line is kept under its measure's seal (its file's stat key
and path, ``Measure.stamp``), which the plan's cache gives only to a measure that is its file's settled content; a
line is read back only for a measure so stamped whose result ``build_report`` judged for the report's year, settings
and edition (``MeasureResult.judged``). Any other (a changed, moved or just-written file; a result filtered, as by
--lagging, or made another way) gets its line made as always, and only stamped ones are kept.

Layout: the lines' UTF-8 text one after another, then marshal of ``(header, seals, lengths)`` (the lines' seals in
order, and their lengths as 32-bit integers), then the length of that marshal in 8 bytes. The file is read and written
with the plan cache's precautions (a private folder of this user, never through a symlink, a file no one else may
write, replaced by an atomic rename), and only when a line was made that it lacked: a run on an unchanged plan reads
the lines it needs, a few hundred at a time, and writes nothing. A file that cannot be read, is cut short or holds
what is not text is ignored, line by line if need be, and written again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

from kpi.i18n import active
from kpi.judge.report import MeasureResult, Report
from kpi.plan.cache import folder_is_ours, open_ours
from kpi.safefile import replacing
from kpi.views.labels import Lang

__all__ = ["FORMAT", "RecordCache", "line_pieces"]

FORMAT = 1
FOOT = 8  # bytes of the index's length at the end of the file
SKIPPED = ("cli", "export")


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
                if entry.name != "__pycache__" and (folder != package or entry.name not in SKIPPED):
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


def _at(handle: IO[bytes], offset: int, length: int) -> bytes:
    """``length`` bytes of ``handle`` from ``offset`` (fewer at its end)."""
    handle.seek(offset)
    return handle.read(length)


class RecordCache:
    """The kept lines of one report: ``lines`` for each few hundred measures in turn, then ``finish`` (or ``abort``).

    The old file's index is held compactly (each line's seal, then the offsets): at 100,000 measures a dict of
    tuples would add to the report's peak memory. Lines are looked for in the order they were kept, which is the
    report's when the same files are listed; a seal out of that order is found through a dict made then.
    """

    def __init__(self, file: Path, header: tuple[object, ...], token: object, want: tuple[object, ...]) -> None:
        self.file = file
        self.header = header
        self.token = token  # the plan cache's (file, header): stamps of other loads are not ours
        self.want = want  # (year, thresholds, edition) a result must have been judged for
        self.seals: tuple[bytes, ...] = ()  # the old file's lines: their measures' seals (kpi.plan.cache) and offsets
        self.offsets = array("q", [0])
        self.where: dict[bytes, int] | None = None
        self.cursor = 0
        self.handle: IO[bytes] | None = None  # the old file, when its index was read
        self._old = contextlib.ExitStack()  # the old file, open while the report is written
        self._new = contextlib.ExitStack()  # the new one, once begun
        self.done: list[Sequence[MeasureResult]] = []  # pieces read back while the new file is not begun
        self.out: Any = None  # the new file, once begun
        self.new_seals: list[bytes] = []
        self.new_lengths = array("I")
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
            size = os.fstat(handle.fileno()).st_size
            length = int.from_bytes(_at(handle, size - FOOT, FOOT), "little") if size >= FOOT else 0
            end = size - FOOT - length
            if length <= 0 or end < 0:
                return
            data: Any = marshal.loads(_at(handle, end, length))
            if not (type(data) is tuple and len(data) == 3 and data[0] == self.header):
                return
            _, seals, raw = data
            lengths = array("I")
            lengths.frombytes(raw)
            if not (type(seals) is tuple and all(type(n) is bytes for n in seals)):
                return
            if not (len(lengths) == len(seals) and sum(lengths) == end):
                return
        except Exception:  # missing, unreadable or corrupt: every line is made, and the file written again
            return
        self.seals, self.handle = seals, handle
        self.offsets = array("q", accumulate(lengths, initial=0))

    def _find(self, seal: bytes, cursor: int) -> tuple[int | None, int]:
        """Where the line of the measure sealed ``seal`` is kept (None: not kept), looking first at ``cursor``; and
        where to look first for the next one."""
        seals = self.seals
        if cursor < len(seals) and seals[cursor] == seal:
            return cursor, cursor + 1
        if self.where is None:
            self.where = {seal: place for place, seal in enumerate(seals)}
        at = self.where.get(seal)
        return (None, cursor) if at is None else (at, at + 1)

    def _mine(self, result: MeasureResult) -> bytes | None:
        """The seal of a result whose line may be kept; None for any other."""
        stamp: Any = result.measure.stamp
        if stamp is not None and stamp[0] is self.token and result.judged == self.want:
            return stamp[1]  # type: ignore[no-any-return]
        return None

    def lines(self, results: Sequence[MeasureResult], make: Callable[[MeasureResult], str]) -> list[str]:
        """The line of each of ``results``, in order: kept ones read back, the others made by ``make``."""
        out: list[str] = []
        mine: list[tuple[int, bytes, int | None]] = []  # position, seal, where its line is kept
        cursor, seals, token, want = self.cursor, self.seals, self.token, self.want
        for position, result in enumerate(results):
            stamp: Any = result.measure.stamp
            if stamp is None or stamp[0] is not token or result.judged != want:  # as _mine, inline: once a measure
                out.append(make(result))
                continue
            seal = stamp[1]
            if cursor < len(seals) and seals[cursor] == seal:  # as _find, the common case inline
                at: int | None = cursor
                cursor += 1
            else:
                at, cursor = self._find(seal, cursor)
            mine.append((position, seal, at))
            out.append("")
        self.cursor = cursor
        kept = self._take([at for _, _, at in mine])
        written: list[bytes] = []  # this piece's lines for the new file, once begun (written in one go)
        for (position, seal, _), data in zip(mine, kept, strict=True):
            text = None
            if data is not None:
                with contextlib.suppress(UnicodeDecodeError):
                    text = data.decode("utf-8")
            if data is None or text is None:
                text = make(results[position])
                data = text.encode("utf-8")
                if self.out is None:
                    self._begin(results[:position])
            out[position] = text
            if self.out is not None:
                self.new_seals.append(seal)
                written.append(data)
        if written:
            self._write(written)
        elif self.out is None and self.writable:
            self.done.append(results)
        return out

    def _take(self, places: list[int | None]) -> list[bytes | None]:
        """The kept line at each of ``places``; None where there is none or it cannot be read."""
        found: list[bytes | None] = [None] * len(places)
        if self.handle is None:
            return found
        offsets = self.offsets
        wanted = sorted((at, index) for index, at in enumerate(places) if at is not None)
        start = 0
        while start < len(wanted):  # neighbouring lines are read in one go
            stop = start + 1
            while stop < len(wanted) and wanted[stop][0] == wanted[stop - 1][0] + 1:
                stop += 1
            begin, end = offsets[wanted[start][0]], offsets[wanted[stop - 1][0] + 1]
            try:
                block = _at(self.handle, begin, end - begin)
            except (OSError, ValueError):
                block = b""
            if len(block) == end - begin:
                for at, index in wanted[start:stop]:
                    found[index] = block[offsets[at] - begin : offsets[at + 1] - begin]
            start = stop
        return found

    def _begin(self, before: Sequence[MeasureResult]) -> None:
        """Begin the new file (a line had to be made): the lines read back so far (those of the pieces before this
        one, and ``before`` in this one) go into it first, found again as they were found."""
        if self.out is not None or not self.writable:
            return
        try:
            if not folder_is_ours(self.file.parent):
                self.writable = False
                return
            temp = self._new.enter_context(replacing(self.file, mode=0o600))
            self.out = self._new.enter_context(open(temp, "wb"))  # noqa: SIM115 (closed with the stack, or dropped)
            cursor = 0
            for result in (result for piece in [*self.done, before] for result in piece):
                seal = self._mine(result)
                if seal is None:
                    continue
                at, cursor = self._find(seal, cursor)
                assert at is not None and self.handle is not None  # it was read back a moment ago
                data = _at(self.handle, self.offsets[at], self.offsets[at + 1] - self.offsets[at])
                if len(data) != self.offsets[at + 1] - self.offsets[at]:  # cut short since: nothing kept this time
                    self._drop()
                    break
                self.new_seals.append(seal)
                self._write([data])
        except OSError:
            self._drop()
        self.done = []

    def _write(self, lines: list[bytes]) -> None:
        """Write ``lines`` to the new file (their seals are in ``new_seals`` already)."""
        try:
            self.out.write(b"".join(lines))
        except (OSError, ValueError):  # a full disk: the report goes on, the lines are not kept
            self._drop()
            return
        self.new_lengths.extend(map(len, lines))

    def _drop(self) -> None:
        """Give up the new file: its temporary goes, the old file stays."""
        self.writable, self.out = False, None
        stop = RuntimeError("not kept")
        with contextlib.suppress(Exception):
            self._new.__exit__(RuntimeError, stop, None)

    def finish(self) -> None:
        """Put the new file in place if one was begun; close the old one. Nothing is ever reported about the cache."""
        try:
            if self.out is not None:
                index = (self.header, tuple(self.new_seals), self.new_lengths.tobytes())
                data = marshal.dumps(index)  # type: ignore[arg-type]
                self.out.write(data)
                self.out.write(len(data).to_bytes(FOOT, "little"))
                self._old.close()  # before the rename: Windows does not replace a file that is open
                self._new.close()
        except (OSError, ValueError):
            self._drop()
        self.abort()

    def abort(self) -> None:
        """Close the old file; a new one not yet in place is removed (the report did not finish)."""
        self._drop()
        with contextlib.suppress(OSError):
            self._old.close()
