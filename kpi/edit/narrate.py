"""Recording a measure's yearly report (`kpi narrate`) and the comments on it (`kpi comment`).

The one write path for ``[reports.<FY>]``: the CLI and the workbook importer both call ``record_report``,
``add_comment`` and ``answer_comment``. Each runs in the same safe edit session as `kpi log` (lock, whole-measure
check, atomic write, only the changed lines, comments/CRLF/BOM kept); a call that changes nothing writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from kpi import fiscal
from kpi.edit import tomledit
from kpi.edit.session import EditSession, KeyChange, Located, editing_session, locate, unreadable
from kpi.edit.values import BadValue, parse_number, year_name, year_option
from kpi.errors import KpiError
from kpi.i18n import _
from kpi.model import Comment, Measure, Report
from kpi.plan.fields import control_character

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import Table

__all__ = [
    "REPORT_FIELDS",
    "CommentResult",
    "ReportChange",
    "ReportResult",
    "add_comment",
    "answer_comment",
    "record_report",
]

# The keys of [reports.<FY>] that record_report writes, in the order a new table lists them.
REPORT_FIELDS = ("done", "issues", "next", "budget", "budget_note", "contact", "submitted")
TEXT_FIELDS = frozenset({"done", "issues", "next", "budget_note", "contact"})


@dataclass(frozen=True)
class ReportChange:
    """What to record in a year's report. None leaves a field as it is; an empty text ("") removes the key.

    ``budget`` is a number or the text an officer typed (``1,234.5``, ``１３０百万円``); ``submitted`` a date or
    ``2026-06-15``.
    """

    done: str | None = None
    issues: str | None = None
    next: str | None = None
    budget: str | float | None = None
    budget_note: str | None = None
    contact: str | None = None
    submitted: str | dt.date | None = None

    def given(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class ReportResult:
    shown: str
    measure: Measure  # after the edit
    year: int
    old: Report | None
    new: Report | None  # None only when the report stays absent
    changes: tuple[KeyChange, ...]  # empty when the file already said all of it

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class CommentResult:
    shown: str
    measure: Measure  # after the edit
    year: int
    number: int  # 1-based, as `kpi comment MEASURE YEAR N` names it
    old: Comment | None  # None for a new comment
    new: Comment
    changed: bool


# -- reading what the officer typed ---------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Text from an option, standard input or an editor: CRLF as LF, surrounding blank space dropped."""
    return text.replace("\r\n", "\n").strip()


def _value(name: str, given: object, session: EditSession, key: Sequence[str | int]) -> object:
    """The value to write for ``name`` (None: remove the key)."""
    if name in TEXT_FIELDS:
        text = clean_text(str(given))
        bad = control_character(text)
        if bad is not None:
            raise session.problem(key, _control(bad))
        return text or None
    if name == "budget":
        if isinstance(given, str):
            if not given.strip():
                return None
            try:
                number = parse_number(given, "百万円")
            except BadValue:
                message = _("{value!r} is not a number; write the budget in 百万円 as digits, e.g. 130.5 or 1,234", value=given)
                raise session.problem(key, message) from None
        else:
            number = given  # type: ignore[assignment]
        if isinstance(number, bool) or not isinstance(number, int | float) or not number >= 0 or number == float("inf"):
            raise session.problem(
                key, _("{value!r} is not a budget; write the year's budget in 百万円 as a number ≥ 0, e.g. 130.5", value=given)
            )
        return number
    # submitted
    if isinstance(given, dt.date):
        return given
    text = str(given).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise session.problem(key, _("{value!r} is not a date; write it as 2026-06-15", value=text)) from None


def _year(year: int | str, today: dt.date | None) -> int:
    value = year if isinstance(year, int) else year_option(year)
    now = fiscal.current_fiscal_year(today or dt.date.today())
    if value > now:
        raise KpiError(
            _(
                "{year} has not begun yet; write the report for {now} or an earlier year",
                year=year_name(value),
                now=year_name(now),
            )
        )
    return value


# -- kpi narrate ------------------------------------------------------------------------------------------------------


@contextmanager
def _report_session(
    root: Path, measure_key: str, year: int | str, today: dt.date | None
) -> Iterator[tuple[Located, int, EditSession]]:
    """The measure's file under edit, and the fiscal year of the report (refused if it has not begun)."""
    located = locate(root, measure_key)
    fy = _year(year, today)
    with editing_session(located) as session:
        yield located, fy, session


def record_report(
    root: Path, measure_key: str, year: int | str, change: ReportChange, *, today: dt.date | None = None
) -> ReportResult:
    """Set the given fields of the report of ``year`` (2025, "R7", "FY2025") in one measure; write only if it changes."""
    with _report_session(root, measure_key, year, today) as (located, fy, session):
        old = session.measure.report(fy)
        wanted: dict[str, object] = {}
        for name, given in change.given().items():
            wanted[name] = _value(name, given, session, ("reports", str(fy), name))
        changes = tuple(
            KeyChange(name, getattr(old, name) if old else None, value)
            for name, value in wanted.items()
            if (getattr(old, name) if old else None) != value
        )
        if not changes:
            return ReportResult(located.shown, session.measure, fy, old, old, ())
        measure = session.edit(lambda doc: _write_report(doc, fy, {c.field: c.new for c in changes}))
        new = measure.report(fy)
        if any((getattr(new, c.field) if new else None) != c.new for c in changes):  # never write what would not read back
            raise _unreadable(located)
    return ReportResult(located.shown, measure, fy, old, new, changes)


def _unreadable(located: Located) -> KpiError:
    return unreadable(located.shown)


def _control(bad: str) -> str:
    return _("contains the control character {char}; remove it (only newlines and tabs may be in text)", char=bad)


def report_table(doc: TOMLDocument, year: int, *, create: bool) -> Table | None:
    """The ``[reports.<year>]`` table of the document, created in year order when asked."""
    from tomlkit import table, ws
    from tomlkit.items import Table

    reports = doc.get("reports")
    if reports is None:
        if not create:
            return None
        reports = table(is_super_table=True)
        doc.append("reports", reports)
    if not isinstance(reports, Table):
        raise KpiError(_("reports: kpi edits [reports.<year>] tables only; rewrite this one as [reports.<year>] tables"))
    found = reports.get(str(year))
    if found is not None:
        if not isinstance(found, Table):
            raise KpiError(
                _("reports.{year}: kpi edits [reports.{year}] tables only; rewrite it as a [reports.{year}] table", year=year)
            )
        return found
    if not create:
        return None
    new = table()
    position = tomledit.year_key_position(reports.value, year)
    if position < len(reports.value.body):  # placed before a later year: a blank line between the two tables
        new.append(None, ws("\n"))
    tomledit.insert_key(reports.value, position, str(year), new)
    return new


def _write_report(doc: TOMLDocument, year: int, values: dict[str, object]) -> None:
    from tomlkit.items import AoT

    target = report_table(doc, year, create=True)
    assert target is not None
    comments = target.get("comments")
    headerless = (
        isinstance(comments, AoT) and len(comments) > 0 and all(k is None or k.key == "comments" for k, _ in target.value.body)
    )
    for name in REPORT_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if value is None:
            if name in target:
                del target[name]
            continue
        text = tomledit.text_block(value) if isinstance(value, str) else tomledit.toml_text(value)
        if name in target:
            tomledit.set_key_text(target, name, text)
        else:
            _insert_in_order(target, name, text)
    if headerless and isinstance(comments, AoT) and any(k is not None and k.key != "comments" for k, _ in target.value.body):
        comments[0].trivia.indent = "\n"  # the table now prints its header and keys: a blank line before the comments


def _insert_in_order(target: Table, name: str, text: str) -> None:
    """A new key goes before the first key that comes after it in REPORT_FIELDS, so reports read alike."""
    later = REPORT_FIELDS[REPORT_FIELDS.index(name) + 1 :]
    for index, (key, _item) in enumerate(target.value.body):
        if key is not None and key.key in later:
            tomledit.insert_key(target.value, index, name, tomledit.parse(f"x = {text}\n")["x"])
            return
    tomledit.set_key_text(target, name, text)


# -- kpi comment ------------------------------------------------------------------------------------------------------


def add_comment(
    root: Path, measure_key: str, year: int | str, by: str, text: str, *, today: dt.date | None = None
) -> CommentResult:
    """Add a comment (from ``by``: 有識者会議 …) to the report of ``year``; the same comment twice is added once."""
    with _report_session(root, measure_key, year, today) as (located, fy, session):
        key = ("reports", str(fy), "comments")
        values = {name: _comment_text(session, (*key, name), given) for name, given in (("from", by), ("text", text))}
        if not values["from"]:
            raise session.problem(key, _("the comment's from is empty; write who commented (--from) and what they said"))
        if not values["text"]:
            raise session.problem(key, _("the comment's text is empty; write who commented (--from) and what they said"))
        new = Comment(values["from"], values["text"])
        report = session.measure.report(fy)
        comments = report.comments if report else ()
        for index, existing in enumerate(comments):
            if (existing.by, existing.text) == (new.by, new.text):
                return CommentResult(located.shown, session.measure, fy, index + 1, existing, existing, False)
        measure = session.edit(lambda doc: _append_comment(doc, fy, values))
        after = measure.report(fy)
        if after is None or len(after.comments) != len(comments) + 1 or after.comments[-1] != new:
            raise _unreadable(located)
    return CommentResult(located.shown, measure, fy, len(comments) + 1, None, new, True)


def answer_comment(
    root: Path, measure_key: str, year: int | str, number: int, response: str, *, today: dt.date | None = None
) -> CommentResult:
    """Record the ministry's answer to comment ``number`` (1-based) of the report of ``year``; "" removes it."""
    with _report_session(root, measure_key, year, today) as (located, fy, session):
        report = session.measure.report(fy)
        comments = report.comments if report else ()
        key = ("reports", str(fy), "comments")
        if not 1 <= number <= len(comments):
            if len(comments) == 1:
                message = _(
                    "there is no comment {number} for {year}; the report has comment 1 only (see `kpi show`)",
                    number=number,
                    year=year_name(fy),
                )
            elif comments:
                message = _(
                    "there is no comment {number} for {year}; the report has comments 1 to {count} (see `kpi show`)",
                    number=number,
                    year=year_name(fy),
                    count=len(comments),
                )
            else:
                message = _(
                    "there is no comment {number} for {year}; the report has no comment (see `kpi show`)",
                    number=number,
                    year=year_name(fy),
                )
            raise session.problem(key, message)
        old = comments[number - 1]
        text = _comment_text(session, (*key, number - 1, "response"), response)
        new = Comment(old.by, old.text, text or None)
        if (old.response or None) == new.response:
            return CommentResult(located.shown, session.measure, fy, number, old, old, False)
        measure = session.edit(lambda doc: _set_response(doc, fy, number - 1, text))
        after = measure.report(fy)
        if after is None or (after.comments[number - 1].response or None) != new.response:
            raise _unreadable(located)
    return CommentResult(located.shown, measure, fy, number, old, after.comments[number - 1], True)


def _comment_text(session: EditSession, key: Sequence[str | int], given: str) -> str:
    text = clean_text(given)
    bad = control_character(text)
    if bad is not None:
        raise session.problem(key, _control(bad))
    return text


def _append_comment(doc: TOMLDocument, year: int, values: dict[str, str]) -> None:
    from tomlkit import ws
    from tomlkit.items import Whitespace

    target = report_table(doc, year, create=True)
    assert target is not None
    lines = "".join(f"{name} = {tomledit.text_block(value)}\n" for name, value in values.items())
    entry: Table = tomledit.parse(f"[[x]]\n{lines}")["x"][0]
    body = target.value.body
    # A new report table that only holds comments prints no header of its own: the entry takes its place and spacing.
    fresh = all(key is None and isinstance(item, Whitespace) for key, item in body)
    spaced = bool(body)
    if fresh:
        body.clear()
    tomledit.append_entry(target, "comments", entry)
    if fresh:
        entry.trivia.indent = ""
        if spaced:
            entry.append(None, ws("\n"))


def _set_response(doc: TOMLDocument, year: int, index: int, text: str) -> None:
    from tomlkit.items import AoT

    target = report_table(doc, year, create=False)
    comments = target.get("comments") if target is not None else None
    if not isinstance(comments, AoT):
        raise KpiError(_("reports.{year}.comments: kpi edits [[reports.{year}.comments]] tables only", year=year))
    entry = comments[index]
    if not text:
        if "response" in entry:
            del entry["response"]
        return
    tomledit.set_key_text(entry, "response", tomledit.text_block(text))
