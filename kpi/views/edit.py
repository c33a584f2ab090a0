"""What `kpi log`, `kpi target` and `kpi new` tell the officer, in Japanese or English."""

from __future__ import annotations

from kpi import fiscal
from kpi.edit.log import LogResult
from kpi.edit.narrate import CommentResult, ReportResult
from kpi.edit.new import Created
from kpi.edit.session import KeyChange
from kpi.edit.target import TargetResult
from kpi.judge.assess import Assessment
from kpi.model import Actual, Indicator, Kind, YearBasis
from kpi.plan.fields import NOT_SET, YEAR_FIELDS
from kpi.text import actual_text, excerpt, number, percent
from kpi.views.labels import COLUMNS, Lang, status_with_flags
from kpi.views.show import counting_line, total_line

WORDS = {
    Lang.JA: {
        "logged": "記録しました",
        "replaced": "更新しました",
        "annotated": "注記を追加しました",
        "unchanged": "記録済みです（ファイルは変更していません）",
        "revised": "目標を変更しました",
        "nothing": "変更はありません（ファイルは変更していません）",
        "reason": "理由",
        "none": "なし",
        "created": "作成しました",
        "next": "次に",
        "note": "備考",
        "source": "出典",
        "deleted": "削除しました",
        "dropped": "再指定のない{key}を削除しました",
        "warning": "確認してください",
        "report": "の実施状況",
        "recorded": "記録しました",
        "removed": "削除",
        "comment_added": "意見を追加しました",
        "comment_known": "同じ意見が記録済みです（ファイルは変更していません）",
        "answered": "対応を記録しました",
        "answer_known": "対応は記録済みです（ファイルは変更していません）",
        "answer_removed": "対応を削除しました",
    },
    Lang.EN: {
        "logged": "Logged",
        "replaced": "Replaced",
        "annotated": "Annotated",
        "unchanged": "Already recorded (file unchanged)",
        "revised": "Revised",
        "nothing": "Nothing to change (file unchanged)",
        "reason": "reason",
        "none": "none",
        "created": "Created",
        "next": "next",
        "note": "note",
        "source": "source",
        "deleted": "Deleted",
        "dropped": "dropped the {key} not given again",
        "warning": "check",
        "report": " report",
        "recorded": "Recorded",
        "removed": "removed",
        "comment_added": "Comment added",
        "comment_known": "The same comment is already recorded (file unchanged)",
        "answered": "Response recorded",
        "answer_known": "Response already recorded (file unchanged)",
        "answer_removed": "Response removed",
    },
}


def _year(year: int, basis: YearBasis) -> str:
    return str(year) if basis is YearBasis.CALENDAR else fiscal.format_year(year)


def _value(value: object, lang: Lang, field: str = "") -> str:
    if value == NOT_SET:
        return WORDS[lang]["none"]
    if isinstance(value, list):
        return "[" + ", ".join(f"{m['year']}: {number(m['value'])}" for m in value) + "]" if value else WORDS[lang]["none"]
    if field in YEAR_FIELDS:
        return str(value)  # a year, not a quantity: no thousands separator
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return str(value)


def assessment_line(a: Assessment, lang: Lang) -> str:
    """``  FY2024 (R6) 状況: 順調; 達成率 92.3%; 進捗率 80.0%``."""
    c = COLUMNS[lang]
    figures = [
        f"{c['achievement']} {percent(a.achievement)}" if a.achievement is not None else "",
        f"{c['progress']} {percent(a.progress)}" if a.progress is not None else "",
        f"{c['expected']} {percent(a.expected)}" if a.expected is not None else "",
    ]
    status = status_with_flags(a.status, a.flags, a.actual_year, a.indicator.year_basis, lang)
    head = f"  {_year(a.year, a.indicator.year_basis)} {c['status']}: {status}"
    return head + "".join(f"; {f}" for f in figures if f)


def _what(measure_id: str, indicator: Indicator) -> str:
    return f"{measure_id} {indicator.id}"


def log_lines(result: LogResult, lang: Lang) -> list[str]:
    w = WORDS[lang]
    ind = result.indicator
    when = _year(result.year, ind.year_basis)
    where = f"{_what(result.measure.id, ind)} {when}"
    old = result.old
    if result.new is None:
        assert old is not None
        return [f"{w['deleted']}: {where} = {_entry(old, ind.unit)}  ({result.shown})", assessment_line(result.assessment, lang)]
    new = actual_text(result.new, ind.unit)
    if not result.changed:
        head = f"{w['unchanged']}: {where} = {new}"
    elif old is None:
        head = f"{w['logged']}: {where} = {new}  ({result.shown})"
    elif (old.value, old.status) != (result.new.value, result.new.status):
        head = f"{w['replaced']}: {where}: {actual_text(old, ind.unit)} → {new}  ({result.shown})"
    else:
        head = f"{w['annotated']}: {where} = {new}  ({result.shown})"
    lines = [head]
    for key, before, after in (("note", old and old.note, result.new.note), ("source", old and old.source, result.new.source)):
        if result.changed and after is not None and before != after:
            lines.append(f"  {w[key]}: {before} → {after}" if before else f"  {w[key]}: {after}")
    for key, text in result.dropped:
        lines.append(f"  {w['dropped'].format(key=w[key])}: {text}")
    if ind.kind is Kind.CUMULATIVE:
        lines.append(counting_line(ind.counting, lang).replace("    ", "  ", 1))
        if result.assessment.actual is not None:
            lines.append(total_line(result.assessment, lang).replace("    ", "  ", 1))
    lines.append(assessment_line(result.assessment, lang))
    return lines


def _entry(actual: Actual, unit: str) -> str:
    extras = [f"{k} {v!r}" for k, v in (("note", actual.note), ("source", actual.source)) if v is not None]
    return actual_text(actual, unit) + (f" ({', '.join(extras)})" if extras else "")


def warning_lines(result: LogResult, lang: Lang) -> list[str]:
    """The likely slips in a logged figure, for stderr."""
    return [f"{WORDS[lang]['warning']}: {text}" for text in result.warnings]


def target_lines(result: TargetResult, lang: Lang) -> list[str]:
    w = WORDS[lang]
    what = _what(result.measure.id, result.indicator)
    if not result.changes:
        return [f"{w['nothing']}: {what}", assessment_line(result.assessment, lang)]
    lines = [f"{w['revised']}: {what}  ({result.shown})"]
    for change in result.changes:
        lines.append(f"  {change.field}: {_value(change.old, lang, change.field)} → {_value(change.new, lang, change.field)}")
    reason = result.indicator.revisions[-1].reason if result.indicator.revisions else ""
    lines.append(f"  {w['reason']}: {reason} ({result.date.isoformat()})")
    lines.append(assessment_line(result.assessment, lang))
    return lines


def created_lines(created: Created, lang: Lang) -> list[str]:
    w = WORDS[lang]
    m = created.measure
    first = m.indicators[0].id if m.indicators else "<indicator>"
    return [
        f"{w['created']}: {created.shown}  ({m.id})",
        f"  {w['next']}: kpi check; kpi log {m.id} {first} <year> <value>",
    ]


REPORT_COLUMN = {"done": "done", "issues": "issues", "next": "next_steps", "budget_note": "budget_note", "contact": "contact"}


def _report_year(year: int, lang: Lang) -> str:
    return fiscal.format_era(year, long=True) if lang is Lang.JA else fiscal.format_fy(year)


def _field_value(change: KeyChange, value: object, lang: Lang) -> str:
    if value is None:
        return WORDS[lang]["none"]
    if change.field == "budget" and isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return f"「{excerpt(value)}」"
    return str(value)


def narrate_lines(result: ReportResult, lang: Lang) -> list[str]:
    """``記録しました: 2024-008 令和6年度の実施状況`` and one line per changed key, old → new."""
    w, c = WORDS[lang], COLUMNS[lang]
    what = f"{result.measure.id} {_report_year(result.year, lang)}{w['report']}"
    if not result.changed:
        return [f"{w['unchanged']}: {what}"]
    lines = [f"{w['recorded']}: {what}  ({result.shown})"]
    for change in result.changes:
        name = c.get(REPORT_COLUMN.get(change.field, change.field), change.field)
        new = _field_value(change, change.new, lang) if change.new is not None else w["removed"]
        if change.old is None:
            lines.append(f"  {name}: {new}")
        else:
            lines.append(f"  {name}: {_field_value(change, change.old, lang)} → {new}")
    return lines


def comment_lines(result: CommentResult, lang: Lang, *, answering: bool = False) -> list[str]:
    """What `kpi comment` says: the comment added, or the answer recorded (old → new)."""
    w, c = WORDS[lang], COLUMNS[lang]
    what = f"{result.measure.id} {_report_year(result.year, lang)} #{result.number} ({result.new.by})"
    if not result.changed:
        return [f"{w['answer_known'] if answering else w['comment_known']}: {what}"]
    if result.old is None:
        return [f"{w['comment_added']}: {what}  ({result.shown})", f"  「{excerpt(result.new.text, 60)}」"]
    if not result.new.answered:
        return [f"{w['answer_removed']}: {what}  ({result.shown})"]
    before = f"「{excerpt(result.old.response)}」 → " if result.old.answered else ""
    return [f"{w['answered']}: {what}  ({result.shown})", f"  {c['response']}: {before}「{excerpt(result.new.response, 60)}」"]
