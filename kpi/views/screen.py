"""``kpi report``, ``kpi lagging`` and ``kpi missing`` for a terminal, as plain lines (kpi.views.plaintable).

From ``WIDE`` columns on, a table (one row per indicator); below it, a compact layout that reads at 80
columns: one block per measure — its number, grade and title, then each indicator with its status, the
latest figure and the target. Figures read ``110,000 人 (令和6年度)``: the unit before the year, never
split. Marks (``*``, ①–⑤, 一部未報告) are explained in a footer when they occur.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kpi.i18n import in_lang
from kpi.judge.assess import Assessment
from kpi.judge.report import MeasureResult, Report
from kpi.model import Kind, Method, YearBasis
from kpi.text import finite, number, percent
from kpi.views.colours import ansi
from kpi.views.labels import COLUMNS, GRADE, GRADE_MARK, Lang, status_with_flags, year_label
from kpi.views.plaintable import NBSP, Cell, Column, grid_twice, wrap
from kpi.views.report import (
    aim_text,
    any_calendar,
    every_year_text,
    graded_on_primary,
    headers,
    indicator_name,
    report_title,
    summary_line,
)

if TYPE_CHECKING:  # kpi report need not import the review lists
    from kpi.judge.review import LaggingItem, MissingReport

__all__ = ["WIDE", "lagging_lines", "missing_lines", "report_lines", "year_label"]

WIDE = 120  # from this many columns on, the table layout; below, one block per measure


# A table names the same few years again and again: each is written out once (kpi.fiscal.year_text finds its era).
_year = lru_cache(maxsize=256, typed=True)(year_label)


def figure(value: float | None, unit: str, year: int | None, basis: YearBasis, lang: Lang) -> str:
    """``110,000 人 (令和6年度)``: number and unit held together, then the year."""
    if value is None:
        return ""
    text = number(value) + _unit(unit)
    shown = _year(year, basis, lang)
    return in_lang(lang, "{value} ({year})", ctx="figure", value=text, year=shown) if shown else text


def _unit(unit: str) -> str:
    """The unit after a number: ``%`` right after it, any other after a space that does not break."""
    if not unit:
        return ""
    return unit if unit.startswith(("%", "％")) else NBSP + unit


def _target(a: Assessment, lang: Lang) -> str:
    ind = a.indicator
    if ind.target is None:
        return aim_text(ind, lang) or ""
    if ind.kind is Kind.EVERY_YEAR:
        return in_lang(
            lang, "{value} ({year})", ctx="figure", value=number(ind.target) + _unit(ind.unit), year=every_year_text(ind, lang)
        )
    return figure(ind.target, ind.unit, ind.deadline, ind.year_basis, lang)


def _heads(lang: Lang, calendar: bool) -> dict[str, str]:
    """The column headings; 目標値（年・年度） when some indicator counts calendar years (its cells read 2024年)."""
    keys = list(COLUMNS[lang])
    return dict(zip(keys, headers(lang, keys, calendar), strict=True))


def _grade(m: MeasureResult) -> str:
    if m.grade.qualitative_only:
        return ""
    return GRADE_MARK[m.grade.grade] + ("†" if m.grade.incomplete else "")


def _baseline(a: Assessment, lang: Lang) -> str:
    text = figure(a.baseline, a.indicator.unit, a.baseline_year, a.indicator.year_basis, lang)
    return text + "*" if text and a.baseline_inferred else text


def _footer(report: Report, lang: Lang) -> list[str]:
    notes = []
    if any(a.baseline_inferred for _, a in report.assessments()):
        notes.append(in_lang(lang, "* baseline taken from the first figure"))
    grades = sorted({m.grade.grade for m in report.measures if not m.grade.qualitative_only}, key=lambda g: (g is None, g))
    if grades:
        marks = [f"{GRADE_MARK[g]} {GRADE[lang][g]}" for g in grades]
        notes.append(in_lang(lang, "Grade (measure): {marks}", marks=("、" if lang is Lang.JA else ", ").join(marks)))
    if any(graded_on_primary(m) for m in report.measures):
        notes.append(in_lang(lang, "(primary) the measure's grade follows this indicator"))
    if any(m.grade.incomplete for m in report.measures):
        notes.append(in_lang(lang, "† some indicators not reported"))
    return notes


def report_lines(report: Report, lang: Lang, columns: int, colour: bool) -> Iterator[str]:
    """The attainment table for a terminal ``columns`` wide: a table from WIDE columns on, else blocks; its lines as
    they are made (at 100,000 measures the table is never whole in memory)."""
    yield from wrap(report_title(report, lang), columns)
    yield from _report_table(report, lang, columns, colour) if columns >= WIDE else _report_blocks(report, lang, columns, colour)
    yield ""
    yield from wrap(summary_line(report, lang), columns)
    for note in _footer(report, lang):
        yield from wrap(note, columns)


def _report_table(report: Report, lang: Lang, columns: int, colour: bool) -> Iterator[str]:
    heads = _heads(lang, any_calendar(report))
    keys = ["number", "title", "indicator", "baseline", "target", "actual", "achievement", "progress", "status", "grade"]
    if columns >= 150:
        keys.insert(2, "ministries")
    # the status wraps too (遅れ［期限到来・未達成、古い実績（令和2年度）］ is 34 wide): the table fits from WIDE on
    flex = {"title": 3, "indicator": 3, "ministries": 1, "baseline": 1, "target": 1, "actual": 1, "status": 1}
    cols = [
        Column(heads[k], flex=flex.get(k, 0), right=k in ("achievement", "progress"), least=10 if k in flex else 0) for k in keys
    ]

    def rows() -> Iterator[list[Cell]]:  # made twice: to size the columns, then to print them
        for m in report.measures:
            yield from _table_rows(m, keys, lang)

    return grid_twice(cols, rows, columns, colour)


def _table_rows(m: MeasureResult, keys: list[str], lang: Lang) -> Iterator[list[Cell]]:
    """The table's rows of one measure: one per indicator, the measure's own cells on the first."""
    marked = graded_on_primary(m)
    for index, a in enumerate(m.assessments):
        first = index == 0
        ind = a.indicator
        values = {
            "number": f"{m.number:03d}" if first and m.number is not None else "",
            "title": m.measure.title if first else "",
            "ministries": "、".join(m.measure.ministries) if first else "",
            "indicator": indicator_name(ind, marked, lang),  # （主指標）: the grade follows it
            "baseline": _baseline(a, lang),
            "target": _target(a, lang),
            "actual": figure(a.actual, ind.unit, a.actual_year, ind.year_basis, lang),
            "achievement": percent(finite(a.achievement)),
            "progress": percent(finite(a.progress)),
            "status": status_with_flags(a.status, a.flags, a.actual_year, a.indicator.year_basis, lang),
            "grade": _grade(m) if first else "",
        }
        yield [Cell(values[k], ansi(a.status) if k == "status" else "") for k in keys]


def _report_blocks(report: Report, lang: Lang, columns: int, colour: bool) -> Iterator[str]:
    for m in report.measures:
        number_ = f"{m.number:03d}" if m.number is not None else "---"
        grade = _grade(m)
        head = f"{number_} {grade} " if grade else f"{number_} "
        ministries = "、".join(m.measure.ministries)
        marked = graded_on_primary(m)
        yield ""
        yield from _indented(
            in_lang(lang, "{title} ({ministries})", title=head + m.measure.title, ministries=ministries), columns, 0, 4
        )
        for a in m.assessments:
            ind = a.indicator
            name = indicator_name(ind, marked, lang)  # （主指標） / (primary): the grade follows it
            yield from _indented(_bullet(name, lang), columns, 2, 4)
            parts = []
            actual = figure(a.actual, ind.unit, a.actual_year, ind.year_basis, lang)
            if actual:
                parts.append(in_lang(lang, "latest", ctx="figure") + NBSP + actual)
            target = _target(a, lang)
            if target:
                parts.append(in_lang(lang, "target", ctx="figure") + NBSP + target)
            if a.achievement is not None and finite(a.achievement) is not None:
                parts.append(in_lang(lang, "achievement", ctx="figure") + NBSP + percent(a.achievement))
            label = status_with_flags(a.status, a.flags, a.actual_year, a.indicator.year_basis, lang)
            body = wrap(f"{label}  " + "  ".join(parts), columns - 4) if parts else [label]
            if colour and body[0].startswith(label):
                body[0] = f"\x1b[{ansi(a.status)}m{label}\x1b[0m" + body[0][len(label) :]
            for line in body:
                yield "    " + line


def _bullet(text: str, lang: Lang) -> str:
    """An item of a list: ・text (ja), - text (en)."""
    return f"・{text}" if lang is Lang.JA else f"- {text}"


def _indented(text: str, columns: int, first: int, rest: int) -> list[str]:
    """``text`` from column ``first``, its further lines from column ``rest`` (a hanging indent)."""
    lines = wrap(text, columns - first, columns - rest)
    return [" " * first + lines[0], *(" " * rest + line for line in lines[1:])]


# -- lagging and missing -----------------------------------------------------------------------------------------


def lagging_lines(items: tuple[LaggingItem, ...], year: int, lang: Lang, columns: int, colour: bool) -> Iterator[str]:
    """`kpi lagging` for a terminal, each line as it is made. The table's column widths come from a first pass over
    the rows that keeps only the two deciding them (plaintable.grid_twice): the rows are made again to be printed."""
    title = in_lang(lang, "Lagging indicators  {year}", year=year_label(year, YearBasis.FISCAL, lang))
    yield from wrap(title, columns)
    if columns >= WIDE:
        heads = _heads(lang, any(i.assessment.indicator.year_basis is YearBasis.CALENDAR for i in items))
        keys = ["number", "title", "indicator", "status", "actual", "target", "progress", "expected", "pace"]
        flex = {"title": 3, "indicator": 3, "actual": 1, "target": 1}
        cols = [
            Column(heads[k], flex=flex.get(k, 0), right=k in ("progress", "expected", "pace"), least=10 if k in flex else 0)
            for k in keys
        ]

        def rows() -> Iterator[list[Cell]]:  # made twice: to size the columns, then to print them
            for i in items:
                cells = _lagging_cells(i, lang).items()
                yield [Cell(text, ansi(i.assessment.status) if k == "status" else "") for k, text in cells]

        yield from grid_twice(cols, rows, columns, colour)
        yield in_lang(lang, "{pace} = progress ÷ expected", pace=heads["pace"])
    else:
        for item in items:
            cells = _lagging_cells(item, lang)
            yield ""
            yield from _indented(f"{cells['number'] or '---'} {cells['title']}", columns, 0, 4)
            yield from _indented(_bullet(cells["indicator"], lang), columns, 2, 4)
            detail = [
                in_lang(lang, "latest", ctx="figure") + NBSP + cells["actual"] if cells["actual"] else "",
                in_lang(lang, "target", ctx="figure") + NBSP + cells["target"] if cells["target"] else "",
                in_lang(lang, "progress", ctx="figure") + NBSP + cells["progress"] if cells["progress"] else "",
                in_lang(lang, "expected", ctx="figure") + NBSP + cells["expected"] if cells["expected"] else "",
                pace_text(item.assessment, lang).replace(" ", NBSP),
            ]
            label = cells["status"]
            body = wrap("  ".join([label, *(p for p in detail if p)]), columns - 4)
            if colour and body[0].startswith(label):
                body[0] = f"\x1b[{ansi(item.assessment.status)}m{label}\x1b[0m" + body[0][len(label) :]
            for line in body:
                yield "    " + line
    yield ""
    yield in_lang(lang, "{count} lagging indicators", count=len(items))


def pace_text(a: Assessment, lang: Lang) -> str:
    """The pace said with what it is: ``pace -32.56 (progress ÷ expected)`` / ``進捗ペース -32.56（進捗率÷期待進捗）``.

    The linear method's pace is r = p / e (assessment.md, rule 5), and the cagr method's R with a target reads the
    same (observed growth over the growth needed); without a target (trend) cagr's figure is the yearly growth in
    the better direction, and is said so."""
    pace = finite(a.pace)
    if pace is None:
        return in_lang(lang, "pace —", ctx="figure")
    if a.method is Method.CAGR and a.indicator.kind is Kind.TREND:
        return in_lang(lang, "yearly growth in the better direction: {rate}", rate=f"{pace * 100:+.1f}%")
    return in_lang(lang, "pace {pace} (progress ÷ expected)", pace=f"{pace:.2f}")


def _lagging_cells(item: LaggingItem, lang: Lang) -> dict[str, str]:
    a = item.assessment
    ind = a.indicator
    return {
        "number": f"{item.result.number:03d}" if item.result.number is not None else "",
        "title": item.result.measure.title,
        "indicator": ind.name,
        "status": status_with_flags(a.status, a.flags, a.actual_year, a.indicator.year_basis, lang),
        "actual": figure(a.actual, ind.unit, a.actual_year, ind.year_basis, lang),
        "target": figure(a.target, ind.unit, a.deadline, ind.year_basis, lang),
        "progress": percent(finite(a.progress)),
        "expected": percent(finite(a.expected)),
        "pace": f"{a.pace:.2f}" if finite(a.pace) is not None else "—",
    }


def missing_lines(report: MissingReport, lang: Lang, columns: int, colour: bool) -> Iterator[str]:
    """`kpi missing`'s first list for a terminal, each line as it is made."""
    from kpi.views.review import last_figure_text, missing_group_line, missing_heading

    bold = "\x1b[1m{}\x1b[0m" if colour else "{}"
    for group in report.groups:
        for line in wrap(missing_group_line(group.ministry, group.count, group.total, lang), columns):
            yield bold.format(line)
        for item in group.items:
            when = last_figure_text(item.last_year, item.indicator, lang, item.reason).replace(" ", NBSP)
            shown = f"{item.number:03d}" if item.number is not None else "---"
            ind = item.indicator  # its id is what `kpi log` takes
            text = f"{shown} {item.result.measure.title} — [{ind.id}] {ind.name}" + in_lang(
                lang, " ({when})", ctx="missing", when=when
            )
            yield from _indented(text, columns, 2, 6)
    yield from wrap(missing_heading(report, lang), columns)
