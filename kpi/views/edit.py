"""What `kpi log`, `kpi target`, `kpi new`, `kpi narrate` and `kpi comment` tell the officer, in Japanese or English."""

from __future__ import annotations

import datetime as dt

from kpi.edit.log import LogResult
from kpi.edit.narrate import CommentResult, ReportResult
from kpi.edit.new import Created
from kpi.edit.session import KeyChange
from kpi.edit.target import TargetResult
from kpi.edit.values import figure_text, year_name
from kpi.i18n import Lang, active, in_lang, speaking
from kpi.judge.assess import Assessment
from kpi.model import Actual, Indicator, Kind, YearBasis
from kpi.plan.fields import NOT_SET, YEAR_FIELDS
from kpi.text import excerpt, number, percent
from kpi.views.labels import COLUMNS, status_with_flags
from kpi.views.show import counting_line, total_line

# The heading (kpi.views.labels.COLUMNS) that names each field `kpi target` revises, and each key of a report.
TARGET_COLUMN = {
    "target": "target_value",
    "deadline": "deadline",
    "baseline": "baseline",
    "baseline_year": "baseline_year",
    "milestones": "milestones",
}
REPORT_COLUMN = {"done": "done", "issues": "issues", "next": "next_steps", "budget_note": "budget_note", "contact": "contact"}


def _none(lang: Lang) -> str:
    return in_lang(lang, "none", ctx="value")


def _sep(lang: Lang) -> str:
    return "、" if lang is Lang.JA else "; "


def _value(value: object, lang: Lang, field: str = "", basis: YearBasis = YearBasis.FISCAL) -> str:
    if value == NOT_SET:
        return _none(lang)
    if isinstance(value, list):
        if not value:
            return _none(lang)
        items = [f"{year_name(m['year'], basis, lang)}: {number(m['value'])}" for m in value]
        return "、".join(items) if lang is Lang.JA else "[" + ", ".join(items) + "]"
    if field in YEAR_FIELDS and isinstance(value, int) and not isinstance(value, bool):
        return year_name(value, basis, lang)  # a year, not a quantity: 令和8年度 / FY2026
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return str(value)


def assessment_line(a: Assessment, lang: Lang) -> str:
    """``  令和6年度 状況: 順調、達成率 92.3%、進捗率 80.0%`` / ``  FY2024 Status: on track; Achievement 92.3% …``."""
    c = COLUMNS[lang]
    figures = [
        f"{c['achievement']} {percent(a.achievement)}" if a.achievement is not None else "",
        f"{c['progress']} {percent(a.progress)}" if a.progress is not None else "",
        f"{c['expected']} {percent(a.expected)}" if a.expected is not None else "",
    ]
    status = status_with_flags(a.status, a.flags, a.actual_year, a.indicator.year_basis, lang)
    head = f"  {year_name(a.year, a.indicator.year_basis, lang)} {c['status']}: {status}"
    return head + "".join(f"{_sep(lang)}{f}" for f in figures if f)


def _what(measure_id: str, indicator: Indicator) -> str:
    return f"{measure_id} {indicator.id}"


def log_lines(result: LogResult, lang: Lang | None = None) -> list[str]:
    """The figure recorded (or replaced, annotated, deleted), what changed beside it, and the new assessment."""
    lang = lang or active()
    with speaking(lang):  # the figure's status (実施済 / done) in the language of the lines
        return _log_lines(result, lang)


def _log_lines(result: LogResult, lang: Lang) -> list[str]:
    ind = result.indicator
    fields = {"what": _what(result.measure.id, ind), "year": year_name(result.year, ind.year_basis, lang), "path": result.shown}
    old = result.old
    if result.new is None:
        assert old is not None
        head = in_lang(lang, "Deleted: {what} {year} = {value}  ({path})", value=_entry(old, ind.unit, lang), **fields)
        return [head, assessment_line(result.assessment, lang)]
    new = figure_text(result.new, ind.unit)
    if not result.changed:
        head = in_lang(lang, "Already recorded (file unchanged): {what} {year} = {value}", value=new, **fields)
    elif old is None:
        head = in_lang(lang, "Logged: {what} {year} = {value}  ({path})", value=new, **fields)
    elif (old.value, old.status) != (result.new.value, result.new.status):
        head = in_lang(
            lang, "Replaced: {what} {year}: {old} → {new}  ({path})", old=figure_text(old, ind.unit), new=new, **fields
        )
    else:
        head = in_lang(lang, "Annotated: {what} {year} = {value}  ({path})", value=new, **fields)
    lines = [head]
    names = {"note": in_lang(lang, "note", ctx="figure"), "source": in_lang(lang, "source", ctx="figure")}
    for key, before, after in (("note", old and old.note, result.new.note), ("source", old and old.source, result.new.source)):
        if result.changed and after is not None and before != after:
            lines.append(f"  {names[key]}: {before} → {after}" if before else f"  {names[key]}: {after}")
    for key, text in result.dropped:
        if key == "note":
            lines.append("  " + in_lang(lang, "dropped the note not given again: {text}", text=text))
        else:
            lines.append("  " + in_lang(lang, "dropped the source not given again: {text}", text=text))
    if ind.kind is Kind.CUMULATIVE:
        lines.append(counting_line(ind.counting, lang).replace("    ", "  ", 1))
        if result.assessment.actual is not None:
            lines.append(total_line(result.assessment, lang).replace("    ", "  ", 1))
    lines.append(assessment_line(result.assessment, lang))
    return lines


def _entry(actual: Actual, unit: str, lang: Lang) -> str:
    """A deleted entry whole: ``150 か所 (note '速報値', source '調査A')`` / ``150 か所（備考「速報値」、出典「調査A」）``."""
    extras = []
    if actual.note is not None:
        extras.append(in_lang(lang, "note {text!r}", text=actual.note))
    if actual.source is not None:
        extras.append(in_lang(lang, "source {text!r}", text=actual.source))
    if not extras:
        return figure_text(actual, unit)
    if lang is Lang.JA:
        return f"{figure_text(actual, unit)}（{'、'.join(extras)}）"
    return f"{figure_text(actual, unit)} ({', '.join(extras)})"


def warning_lines(result: LogResult, lang: Lang | None = None) -> list[str]:
    """The likely slips in a logged figure, for stderr (each already in the language of the run)."""
    lang = lang or active()
    return [in_lang(lang, "warning: {warning}", warning=text) for text in result.warnings]


def target_lines(result: TargetResult, lang: Lang | None = None) -> list[str]:
    """What `kpi target` changed, old → new, with the reason and the indicator's assessment after it."""
    lang = lang or active()
    what = _what(result.measure.id, result.indicator)
    if not result.changes:
        return [in_lang(lang, "Nothing to change (file unchanged): {what}", what=what), assessment_line(result.assessment, lang)]
    lines = [in_lang(lang, "Revised: {what}  ({path})", what=what, path=result.shown)]
    basis = result.indicator.year_basis
    for change in result.changes:
        name = _field_name(change.field, lang)
        old, new = _value(change.old, lang, change.field, basis), _value(change.new, lang, change.field, basis)
        lines.append(f"  {name}: {old} → {new}")
    reason = result.indicator.revisions[-1].reason if result.indicator.revisions else ""
    lines.append("  " + in_lang(lang, "reason: {reason} ({date})", reason=reason, date=_date(result.date, lang)))
    lines.append(assessment_line(result.assessment, lang))
    return lines


def _field_name(field: str, lang: Lang) -> str:
    """The revised field as officers name it (目標値, 目標年度 …); English keeps the key of the file."""
    if lang is Lang.EN:
        return field
    if field == "milestones":
        return in_lang(lang, "milestones", ctx="field")
    return COLUMNS[lang][TARGET_COLUMN.get(field, field)]


def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang is Lang.JA else day.isoformat()


def created_lines(created: Created, lang: Lang | None = None) -> list[str]:
    lang = lang or active()
    m = created.measure
    first = m.indicators[0].id if m.indicators else "<indicator>"
    return [
        in_lang(lang, "Created: {path}  ({id})", path=created.shown, id=m.id),
        "  " + in_lang(lang, "next: kpi check; kpi log {id} {indicator} <year> <value>", id=m.id, indicator=first),
    ]


def _field_value(change: KeyChange, value: object, lang: Lang) -> str:
    if value is None:
        return _none(lang)
    if change.field == "budget" and isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return f"「{excerpt(value)}」"
    return str(value)


def narrate_lines(result: ReportResult, lang: Lang | None = None) -> list[str]:
    """``記録しました: 2024-008 令和6年度の実施状況`` and one line per changed key, old → new."""
    lang = lang or active()
    c = COLUMNS[lang]
    what = in_lang(lang, "{measure} {year} report", measure=result.measure.id, year=year_name(result.year, lang=lang))
    if not result.changed:
        return [in_lang(lang, "Already recorded (file unchanged): {what}", what=what)]
    lines = [in_lang(lang, "Recorded: {what}  ({path})", what=what, path=result.shown)]
    for change in result.changes:
        name = c.get(REPORT_COLUMN.get(change.field, change.field), change.field)
        new = _field_value(change, change.new, lang) if change.new is not None else in_lang(lang, "removed", ctx="text")
        if change.old is None:
            lines.append(f"  {name}: {new}")
        else:
            lines.append(f"  {name}: {_field_value(change, change.old, lang)} → {new}")
    return lines


def comment_lines(result: CommentResult, lang: Lang | None = None, *, answering: bool = False) -> list[str]:
    """What `kpi comment` says: the comment added, or the answer recorded (old → new)."""
    lang = lang or active()
    c = COLUMNS[lang]
    year = year_name(result.year, lang=lang)
    what = in_lang(
        lang, "{measure} {year} #{number} ({by})", measure=result.measure.id, year=year, number=result.number, by=result.new.by
    )
    path = result.shown
    if not result.changed:
        if answering:
            return [in_lang(lang, "Response already recorded (file unchanged): {what}", what=what)]
        return [in_lang(lang, "The same comment is already recorded (file unchanged): {what}", what=what)]
    if result.old is None:
        return [in_lang(lang, "Comment added: {what}  ({path})", what=what, path=path), f"  「{excerpt(result.new.text, 60)}」"]
    if not result.new.answered:
        return [in_lang(lang, "Response removed: {what}  ({path})", what=what, path=path)]
    before = f"「{excerpt(result.old.response)}」 → " if result.old.answered else ""
    return [
        in_lang(lang, "Response recorded: {what}  ({path})", what=what, path=path),
        f"  {c['response']}: {before}「{excerpt(result.new.response, 60)}」",
    ]
