"""The 行政事業レビュー (RS system) outcome-table layout, for ministries to paste into their review sheets.

Per quantitative indicator four rows with the sheet's own labels — 目標年度 / 目標値 / 成果実績 / 達成度 —
with one column per fiscal year (the evaluation year and the four before it) between a 基準値 column and a
final 目標値 column, plus the unit, the direction of improvement (上向き／下向き) and the 出典. A qualitative
indicator has one row, its 成果実績. 達成度 is given only in a year that has a 目標値 (a milestone, the
deadline, or each year of a 毎年度 target), by ``kpi.judge.assess.achievement``, so the final column's
達成度 equals the report's 達成率; the csv writes it as a percentage (36.7%).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from kpi.export.plain import data_text, grid_csv
from kpi.export.table import RECENT_YEARS, EvalRow, Evaluation, Progress, year_heading
from kpi.i18n import N_, in_lang
from kpi.judge.assess import Assessment, achievement
from kpi.model import Direction, Kind, YearBasis
from kpi.text import finite, shown_path
from kpi.views.cells import safe_cell
from kpi.views.csvfile import Number
from kpi.views.labels import COLUMNS, DIRECTION, Lang, headings, status_label, year_label
from kpi.views.narrative import stage_label

# The sheet's own row labels: 目標年度 / 目標値 / 成果実績 / 達成度 (目標年 for a calendar-year indicator).
ROW_LABELS = (N_("Target year"), N_("Target value"), N_("Figure reported"), N_("Achievement rate"))
CALENDAR_FIRST = N_("Target calendar year")
ACTUALS = 2  # the row of a qualitative indicator
RATIOS = 3  # the row of 達成度, written as percentages


@dataclass(frozen=True)
class RsBlock:
    """The four rows of one indicator; cells are numbers, text or None."""

    row: EvalRow
    cells: tuple[tuple[object, ...], ...]


def _year_label(year: int | None, basis: YearBasis, lang: Lang) -> str:
    """令和6年度 / 2024年 (FY2024 / CY2024): a calendar-year indicator's block never reads 年度."""
    return year_label(year, basis, lang)


def row_labels(basis: YearBasis, lang: Lang) -> tuple[str, ...]:
    """The sheet's row labels; a calendar-year indicator's first row is 目標年, not 目標年度."""
    labels = (CALENDAR_FIRST, *ROW_LABELS[1:]) if basis is YearBasis.CALENDAR else ROW_LABELS
    return tuple(in_lang(lang, label) for label in labels)


def _target_for(a: Assessment, year: int) -> float | None:
    ind = a.indicator
    if ind.kind is Kind.EVERY_YEAR:
        return ind.target if ind.start is None or year >= ind.start else None
    for milestone in ind.milestones:
        if milestone.year == year:
            return milestone.value
    return ind.target if ind.deadline == year else None


def _figure(a: Assessment, year: int, lang: Lang) -> float | str | None:
    ind = a.indicator
    if ind.kind is Kind.QUALITATIVE:
        entry = ind.actual_for(year)
        if entry is None or entry.status is None:
            return None
        from kpi.judge.assess import QUAL_STATUS

        return status_label(QUAL_STATUS[entry.status], lang)
    if ind.kind is Kind.CUMULATIVE and ind.start is not None:
        counted = [x.value for x in ind.actuals if ind.start <= x.year <= year and x.value is not None]
        return sum(counted) if counted and ind.actual_for(year) is not None else None
    entry = ind.actual_for(year)
    return entry.value if entry is not None else None


def _ratio(a: Assessment, value: object, year: int) -> float | None:
    ind = a.indicator
    if not isinstance(value, int | float) or ind.direction is None:
        return None
    target = _target_for(a, year)
    if target is None:
        return None
    return finite(achievement(float(value), target, ind.direction))


def blocks(ev: Evaluation) -> Iterator[RsBlock]:
    """Each indicator's block, once (no 再掲 rows), made as they are read."""
    lang = ev.lang
    years = list(range(ev.report.year - RECENT_YEARS + 1, ev.report.year + 1))
    for row in ev.each_row():
        if not row.repeat:
            yield _block(row, years, lang)


def _block(row: EvalRow, years: list[int], lang: Lang) -> RsBlock:
    a = row.assessment
    ind = a.indicator
    basis = ind.year_basis
    every = ind.kind is Kind.EVERY_YEAR
    yearly = in_lang(lang, "every year", ctx="calendar") if basis is YearBasis.CALENDAR else in_lang(lang, "every year")
    deadline = yearly if every else _year_label(ind.deadline, basis, lang)
    figures = [_figure(a, y, lang) for y in years]
    if ind.kind is Kind.TREND and ind.direction is not None:
        final_target: object = in_lang(lang, "upward") if ind.direction is Direction.UP else in_lang(lang, "downward")
    else:
        final_target = finite(ind.target)
    cells = (
        (_year_label(a.baseline_year, basis, lang), *[_year_label(y, basis, lang) for y in years], deadline),
        (None, *[finite(_target_for(a, y)) for y in years], final_target),
        (finite(a.baseline), *figures, None),
        (None, *[_ratio(a, v, y) for v, y in zip(figures, years, strict=True)], finite(a.achievement)),
    )
    return RsBlock(row, cells)


def header(ev: Evaluation) -> list[str]:
    lang = ev.lang
    at = 0 if lang is Lang.JA else 1
    years = [year_heading(y, ev.bases)[at] for y in range(ev.report.year - RECENT_YEARS + 1, ev.report.year + 1)]
    return [
        "No.",
        in_lang(lang, "Measure", ctx="rs"),
        COLUMNS[lang]["ministries"],
        in_lang(lang, "Indicator", ctx="rs"),
        *headings(lang, "unit", "direction"),
        in_lang(lang, "Row", ctx="rs"),
        COLUMNS[lang]["baseline"],
        *years,
        COLUMNS[lang]["target_value"],
        *tail_header(lang),
        COLUMNS[lang]["source"],
    ]


# v1.1, after the yearly columns: the indicator's logic-model stage and the measure's budget for the year, as the
# review sheet shows them beside its outcome table.
TAIL = 2


def tail_header(lang: Lang) -> tuple[str, ...]:
    return headings(lang, "stage", "budget")


def tail(row: EvalRow, lang: Lang) -> list[object]:
    report = row.result.report
    return [stage_label(row.assessment.indicator, lang), finite(report.budget) if report is not None else None]


def source(a: Assessment) -> str:
    """Where the figures come from: the indicator's source, else that of its latest figure with one."""
    if a.indicator.source:
        return a.indicator.source
    cited = [x.source for x in a.indicator.actuals if x.source]
    return cited[-1] if cited else ""


def lead(row: EvalRow, lang: Lang) -> list[object]:
    ind = row.assessment.indicator
    direction = DIRECTION[lang][ind.direction] if ind.direction else ""
    return [row.result.number, row.result.measure.title, "、".join(row.result.measure.ministries), ind.name, ind.unit, direction]


def lines(ev: Evaluation) -> Iterator[tuple[list[object], bool, RsBlock | None]]:
    """The header, then four lines per indicator (the measure's columns only on the first of them), made as they are
    read: each with whether it is a 達成度 line (written as percentages) and the block it comes from (None: the header)."""
    lang = ev.lang
    yield list(header(ev)), False, None
    for block in blocks(ev):
        first = lead(block.row, lang)
        labelled = block_rows(block, lang)
        for index, (label, cells) in enumerate(labelled):
            end = [*tail(block.row, lang), source(block.row.assessment)] if index == 0 else [None] * (TAIL + 1)
            ratio = len(labelled) > 1 and index == RATIOS
            yield [*(first if index == 0 else [None] * len(first)), label, *cells, *end], ratio, block


def block_rows(block: RsBlock, lang: Lang) -> list[tuple[str, tuple[object, ...]]]:
    """The labelled rows of one indicator: four, or only 成果実績 for a qualitative one."""
    labels = row_labels(block.row.assessment.indicator.year_basis, lang)
    labelled = list(zip(labels, block.cells, strict=True))
    return [labelled[ACTUALS]] if block.row.assessment.indicator.kind is Kind.QUALITATIVE else labelled


def to_rs_csv(ev: Evaluation, encoding: str, output: str) -> bytes:
    return b"".join(rs_csv(ev, encoding, output))


def rs_csv(ev: Evaluation, encoding: str, output: str) -> Iterator[bytes]:
    """The rs table as csv (a BOM first in UTF-8), made a few thousand lines at a time as they are written; cp932
    raises UnencodableCell naming the first cell it cannot hold, as every csv of kpi export does."""
    root = ev.root
    label_at = 6

    def grid() -> Iterator[tuple[list[object], str | None]]:
        for cells, ratio, block in lines(ev):
            path = shown_path(block.row.result.measure.path, root) if block is not None else None
            yield [_rs_value(v, ratio and i > label_at) for i, v in enumerate(cells)], path

    return grid_csv(grid, encoding, output)


def _rs_value(value: object, percent: bool) -> object:
    if percent and isinstance(value, float):
        return Number(f"{value * 100:.1f}%")
    return data_text(value)


def to_rs_xlsx(ev: Evaluation, progress: Progress | None = None) -> bytes:
    """The rs workbook as bytes."""
    buffer = io.BytesIO()
    write_rs_xlsx(ev, buffer, progress)
    return buffer.getvalue()


def write_rs_xlsx(ev: Evaluation, target: IO[bytes], progress: Progress | None = None) -> None:
    """The rs workbook, written into ``target`` as its lines are made (an open file: never whole in memory)."""
    from kpi.export.table import Fmt
    from kpi.export.xlsx import Guarded
    from kpi.export.xlsxcells import LINE_HEIGHT, Styles, cell_value, created, lines_needed, text_width
    from kpi.export.xlsxprint import print_setup
    from kpi.export.xlsxsheet import Book, Cell

    output = Guarded(target)
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    book = Book(output, options)
    lang = ev.lang
    styles = Styles(book, lang)
    sheet = book.add_worksheet(in_lang(lang, "RS outcomes", ctx="sheet"))
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    name = in_lang(lang, "outcome table (RS layout) {year}", year=year)
    title = f"{ev.report.plan_name} {name}"
    book.set_properties({"title": title, "created": created(ev.provenance.generated)})  # the export's time, as xlsx's
    sheet.write_string(0, 0, str(safe_cell(title)), styles.title)
    sheet.write_string(1, 0, str(safe_cell(ev.provenance.line(lang))), styles.note)
    widths = [6, 34, 14, 34, 8, 10, 9, 12] + [12] * RECENT_YEARS + [12, 14, 12, 30]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    made = lines(ev)
    for index, text in enumerate(next(made)[0]):
        sheet.write_string(3, index, str(text), styles.header)
    total = sum(1 for row in ev.each_row() if not row.repeat) if progress is not None else 0  # indicators, counted once
    done, last = 0, None
    tail_at = len(widths) - TAIL - 1  # 段階, 予算額, 出典
    for row_at, (values, ratio, block) in enumerate(made, start=4):
        height = 1
        put: list[Cell] = []
        for index, value in enumerate(values):
            fmt = Fmt.TEXT
            if index == 0:
                fmt = Fmt.INT
            elif index >= tail_at:
                fmt = Fmt.TEXT if isinstance(value, str) else Fmt.NUMBER
            elif index >= 7 and ratio:
                fmt = Fmt.PERCENT
            elif index >= 7 and isinstance(value, int | float):
                fmt = Fmt.NUMBER
            put.append((index, cell_value(value, lang), styles.get(fmt, value)))
            if isinstance(value, str) and index < len(widths):
                height = max(height, lines_needed(value, widths[index]) if text_width(value) > widths[index] else 1)
        sheet.put_row(row_at, put, LINE_HEIGHT * height)
        if progress is not None and block is not last:
            done, last = done + 1, block
            progress(done, total)
    sheet.freeze_panes(4, 7)
    print_setup(sheet, 3, name, ev.report.plan_name, [float(w) for w in widths], keys=2)
    book.close()
    if output.error is not None:
        raise output.error
