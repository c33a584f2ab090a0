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
from dataclasses import dataclass

from kpi import fiscal
from kpi.export.plain import data_text, encode_grid
from kpi.export.table import RECENT_YEARS, EvalRow, Evaluation, Progress, year_heading
from kpi.judge.assess import Assessment, achievement
from kpi.model import Kind, YearBasis
from kpi.text import finite, shown_path
from kpi.views.cells import safe_cell
from kpi.views.csvfile import Number
from kpi.views.labels import DIRECTION, Lang, status_label, year_label
from kpi.views.narrative import stage_label

ROW_LABELS = ("目標年度", "目標値", "成果実績", "達成度")
ACTUALS = 2  # the row of a qualitative indicator


@dataclass(frozen=True)
class RsBlock:
    """The four rows of one indicator; cells are numbers, text or None."""

    row: EvalRow
    cells: tuple[tuple[object, ...], ...]


def _year_label(year: int | None, basis: YearBasis, lang: Lang) -> str:
    """令和6年度 / 2024年 (FY2024 / CY2024): a calendar-year indicator's block never reads 年度."""
    if year is None:
        return ""
    if lang is Lang.EN:
        return year_label(year, basis, lang)
    if basis is YearBasis.CALENDAR:
        return f"{year}年"
    return fiscal.format_era(year, long=True)


def row_labels(basis: YearBasis) -> tuple[str, ...]:
    """The sheet's row labels; a calendar-year indicator's first row is 目標年, not 目標年度."""
    return ("目標年", *ROW_LABELS[1:]) if basis is YearBasis.CALENDAR else ROW_LABELS


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


def blocks(ev: Evaluation) -> list[RsBlock]:
    lang = ev.lang
    years = list(range(ev.report.year - RECENT_YEARS + 1, ev.report.year + 1))
    found = []
    for row in ev.rows:
        a = row.assessment
        ind = a.indicator
        basis = ind.year_basis
        every = ind.kind is Kind.EVERY_YEAR
        yearly = ("毎年" if basis is YearBasis.CALENDAR else "毎年度") if lang is Lang.JA else "every year"
        deadline = yearly if every else _year_label(ind.deadline, basis, lang)
        figures = [_figure(a, y, lang) for y in years]
        if ind.kind is Kind.TREND and ind.direction is not None:
            final_target: object = (
                {"up": "増加", "down": "減少"}[ind.direction.value] if lang is Lang.JA else f"{ind.direction.value}ward"
            )
        else:
            final_target = finite(ind.target)
        cells = (
            (_year_label(a.baseline_year, basis, lang), *[_year_label(y, basis, lang) for y in years], deadline),
            (None, *[finite(_target_for(a, y)) for y in years], final_target),
            (finite(a.baseline), *figures, None),
            (None, *[_ratio(a, v, y) for v, y in zip(figures, years, strict=True)], finite(a.achievement)),
        )
        found.append(RsBlock(row, cells))
    return found


def header(ev: Evaluation) -> list[str]:
    ja = ev.lang is Lang.JA
    years = [year_heading(y, ev.bases)[0 if ja else 1] for y in range(ev.report.year - RECENT_YEARS + 1, ev.report.year + 1)]
    if ja:
        return ["No.", "施策名", "府省庁", "成果指標", "単位", "改善の方向", "区分", "基準値", *years, "目標値", *TAIL_JA, "出典"]
    return [
        "No.",
        "Measure",
        "Ministries",
        "Indicator",
        "Unit",
        "Direction",
        "Row",
        "Baseline",
        *years,
        "Target",
        *TAIL_EN,
        "Source",
    ]


# v1.1, after the yearly columns: the indicator's logic-model stage and the measure's budget for the year, as the
# review sheet shows them beside its outcome table.
TAIL_JA = ("段階", "予算額（百万円）")
TAIL_EN = ("Stage", "Budget (JPY million)")


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


def grid(ev: Evaluation) -> list[list[object]]:
    """Header, then four rows per indicator (the measure's columns only on the first of them)."""
    rows: list[list[object]] = [list(header(ev))]
    for block in blocks(ev):
        first = lead(block.row, ev.lang)
        for index, (label, cells) in enumerate(block_rows(block)):
            end = [*tail(block.row, ev.lang), source(block.row.assessment)] if index == 0 else [None] * (len(TAIL_JA) + 1)
            rows.append([*(first if index == 0 else [None] * len(first)), label, *cells, *end])
    return rows


def block_rows(block: RsBlock) -> list[tuple[str, tuple[object, ...]]]:
    """The labelled rows of one indicator: four, or only 成果実績 for a qualitative one."""
    labelled = list(zip(row_labels(block.row.assessment.indicator.year_basis), block.cells, strict=True))
    return [labelled[ACTUALS]] if block.row.assessment.indicator.kind is Kind.QUALITATIVE else labelled


def to_rs_csv(ev: Evaluation, encoding: str, output: str) -> bytes:
    rows = grid(ev)
    root = ev.root
    sources: list[str | None] = [None]
    for block in blocks(ev):
        sources += [shown_path(block.row.result.measure.path, root)] * len(block_rows(block))
    label_at = 6
    lines: list[tuple[list[object], str | None]] = [
        ([_rs_value(v, r[label_at] == "達成度" and i > label_at) for i, v in enumerate(r)], s)
        for r, s in zip(rows, sources, strict=True)
    ]
    return encode_grid(lines, encoding, output)


def _rs_value(value: object, percent: bool) -> object:
    if percent and isinstance(value, float):
        return Number(f"{value * 100:.1f}%")
    return data_text(value)


def to_rs_xlsx(ev: Evaluation, progress: Progress | None = None) -> bytes:
    from xlsxwriter import Workbook

    from kpi.export.table import Fmt
    from kpi.export.xlsx import LINE_HEIGHT, Styles, _write, lines_needed, text_width
    from kpi.export.xlsxprint import print_setup

    buffer = io.BytesIO()
    book = Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    styles = Styles(book, ev.lang)
    sheet = book.add_worksheet("RS成果指標" if ev.lang is Lang.JA else "RS outcomes")
    name = "成果指標（行政事業レビュー様式）" if ev.lang is Lang.JA else "outcome table (RS layout)"
    title = f"{ev.report.plan_name} {name} FY{ev.report.year}"
    sheet.write_string(0, 0, str(safe_cell(title)), styles.title)
    sheet.write_string(1, 0, str(safe_cell("　".join(f"{k}: {v}" for k, v in ev.provenance.items(ev.lang)[1:]))), styles.note)
    rows = grid(ev)
    widths = [6, 34, 14, 34, 8, 10, 9, 12] + [12] * RECENT_YEARS + [12, 14, 12, 30]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    for index, text in enumerate(rows[0]):
        sheet.write_string(3, index, str(text), styles.header)
    total = len(rows) - 1
    for offset, values in enumerate(rows[1:]):
        label = values[6]
        height = 1
        for index, value in enumerate(values):
            fmt = Fmt.TEXT
            if index == 0:
                fmt = Fmt.INT
            elif index >= len(widths) - len(TAIL_JA) - 1:  # 段階, 予算額, 出典
                fmt = Fmt.TEXT if isinstance(value, str) else Fmt.NUMBER
            elif index >= 7 and label == "達成度":
                fmt = Fmt.PERCENT
            elif index >= 7 and isinstance(value, int | float):
                fmt = Fmt.NUMBER
            _write(sheet, 4 + offset, index, value, styles.get(fmt, value), ev.lang)
            if isinstance(value, str) and index < len(widths):
                height = max(height, lines_needed(value, widths[index]) if text_width(value) > widths[index] else 1)
        sheet.set_row(4 + offset, LINE_HEIGHT * height)
        if progress is not None:
            progress(offset + 1, total)
    sheet.freeze_panes(4, 7)
    shown = f"{name} FY{ev.report.year}"
    print_setup(sheet, 3, shown, ev.report.plan_name, [float(w) for w in widths], keys=2)
    book.close()
    return buffer.getvalue()
