"""The plain-text exports: csv (UTF-8 with BOM, or cp932) and Markdown; what the JSON export (kpi.export.plainjson) shares
with them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from kpi.errors import KpiError
from kpi.export.sections import SECTION_FORMATS, SECTION_KEYS, Section
from kpi.export.sections import section as one_section
from kpi.export.table import (
    Column,
    CsvTable,
    EvalRow,
    Evaluation,
    Fmt,
    evaluation_title,
    listed_values,
    placement,
    report_columns,
    shown_title,
)
from kpi.i18n import _, in_lang
from kpi.judge.report import Report
from kpi.text import column_letter, number, percent, shown_path
from kpi.views.cells import md_cell
from kpi.views.csvfile import BOM, Number, csv_cell, csv_pieces, ratio
from kpi.views.labels import Lang, year_label
from kpi.views.narrative import MEASURE_TEXT_KEYS


class UnencodableCell(KpiError):
    """A cell holds a character the chosen encoding cannot write."""


def display(value: object, fmt: Fmt, lang: Lang) -> str:
    """A value as people read it: ``130,000``, ``75.0%``, ``FY2024``, ``0.40``; empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return in_lang(lang, "yes", ctx="mark") if value else ""
    if fmt is Fmt.PERCENT and isinstance(value, int | float):
        return percent(float(value))
    if fmt is Fmt.RATIO and isinstance(value, int | float):
        return f"{value:.2f}"
    if fmt is Fmt.YEAR and isinstance(value, int):
        return year_label(value, None, lang)
    if fmt is Fmt.INT and isinstance(value, int):
        return f"{value:03d}" if value >= 0 else str(value)
    if isinstance(value, int | float):
        return number(float(value))
    return str(value)


def data_text(value: object) -> object:
    """A value for csv: numbers as numbers (ratios are rounded by the caller), booleans TRUE/FALSE, text as text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return Number("TRUE" if value else "FALSE")
    if isinstance(value, float):
        return Number(str(int(value))) if value.is_integer() and abs(value) < 1e15 else Number(repr(value))
    if isinstance(value, int):
        return Number(str(value))
    return str(value)


RATIO_PLACES = {Fmt.PERCENT: 3, Fmt.RATIO: 2}  # 0.367 reads as 36.7%, a pace as 0.40: as every other output shows them


def _data_value(value: object, fmt: Fmt) -> object:
    places = RATIO_PLACES.get(fmt)
    if places is not None and isinstance(value, float):
        value = ratio(value, places)
    return data_text(value)


# -- csv --------------------------------------------------------------------------------------------------------


_SECTION_OF = {
    CsvTable.summary_by_pillar: "by_pillar",
    CsvTable.summary_by_ministry: "by_ministry",
    CsvTable.lagging: "lagging",
    CsvTable.missing: "missing",
}

Grid = list[tuple[list[object], str | None]]


def csv_grid(ev: Evaluation, table: CsvTable = CsvTable.evaluation) -> Grid:
    """One csv table as rows of cells, each row with the measure file it came from (for error messages)."""
    if table is CsvTable.evaluation:
        cols = ev.machine_columns()
        grid: Grid = [([c.header(ev.lang) for c in cols], None)]
        root = ev.root
        for row in ev.listed_rows:  # 再掲 rows too, with 再掲 TRUE (ev.rows holds each indicator once)
            source = shown_path(row.result.measure.path, root)
            grid.append(([_data_value(row.values[c.key], c.fmt) for c in cols], source))
        return grid
    if table is CsvTable.provenance:
        items: Grid = [([in_lang(ev.lang, "Item", ctx="provenance"), in_lang(ev.lang, "Value", ctx="provenance")], None)]
        items.extend(([k, v], None) for k, v in ev.provenance.items(ev.lang))
        return items
    chosen = one_section(ev, _SECTION_OF[table])  # only this one: the others' long lists are not made
    formats = SECTION_FORMATS.get(chosen.key, {})
    rows: Grid = [(list(chosen.header), None)]
    for index, values in enumerate(chosen.rows):
        file = chosen.file(index)
        origin = shown_path(file, ev.root) if file is not None else None
        rows.append(([_data_value(v, formats.get(i, Fmt.TEXT)) for i, v in enumerate(values)], origin))
    return rows


def to_csv(ev: Evaluation, encoding: str = "utf-8", output: str = "the csv", table: CsvTable = CsvTable.evaluation) -> bytes:
    """One table of the evaluation (default: the indicator rows) as csv bytes: one header row, every row as wide.

    ``utf-8`` starts with a BOM (Excel on Japanese Windows then reads it right); ``cp932`` raises
    :class:`UnencodableCell` naming the first cell it cannot hold, instead of writing ``?``.
    """
    return encode_grid(csv_grid(ev, table), encoding, output)


def evaluation_csv(
    report: Report, lang: Lang, root: Path | None, encoding: str = "utf-8", output: str = "the csv"
) -> Iterator[bytes]:
    """``to_csv`` of the evaluation table, the same bytes, made a row at a time as they are written: at 100,000
    measures neither the table nor its text is ever whole in memory."""
    cols = [c for c in report_columns(report) if c.machine]

    def grid() -> Iterator[tuple[list[object], str | None]]:
        yield [c.header(lang) for c in cols], None
        for _key, result, _index, _again, values in listed_values(report, lang):  # 再掲 rows too, as ev.listed_rows
            yield [_data_value(values[c.key], c.fmt) for c in cols], shown_path(result.measure.path, root)

    return grid_csv(grid, encoding, output)


def grid_csv(grid: Callable[[], Iterable[tuple[list[object], str | None]]], encoding: str, output: str) -> Iterator[bytes]:
    """The csv of the lines ``grid()`` makes (cells, and the file they came from), encoded a few thousand at a time
    as they are made, a BOM first in UTF-8; UnencodableCell names the first cell ``encoding`` cannot hold (the lines
    made again to find it)."""
    if encoding == "utf-8":
        yield BOM.encode("utf-8")
    try:
        yield from encoded(grid(), encoding)
    except UnicodeEncodeError:
        unencodable(list(grid()), encoding, output)


def encode_grid(grid: Sequence[tuple[list[object], str | None]], encoding: str, output: str) -> bytes:
    if encoding == "utf-8":
        return b"".join([BOM.encode("utf-8"), *encoded(grid, encoding)])
    try:
        return b"".join(list(encoded(grid, encoding)))
    except UnicodeEncodeError:
        pass
    unencodable(grid, encoding, output)


def unencodable(grid: Sequence[tuple[list[object], str | None]], encoding: str, output: str) -> NoReturn:
    """Raise UnencodableCell naming the first cell of ``grid`` that ``encoding`` cannot write."""
    header = grid[0][0] if grid else []
    table_end = next((i for i, (cells, _) in enumerate(grid) if not cells), len(grid))  # the summaries follow
    for line, (cells, source) in enumerate(grid, start=1):
        for index, value in enumerate(cells):
            cell = csv_cell(value)
            try:
                cell.encode(encoding)
            except UnicodeEncodeError as exc:
                char = cell[exc.start]
                cell_name = f"{column_letter(index)}{line}"
                if 1 < line <= table_end and index < len(header):
                    cell_name = _("{cell} ({column})", cell=cell_name, column=header[index])
                fix = _("change it in {path}", path=source) if source else _("change the text")
                raise UnencodableCell(
                    _(
                        "{output}: cell {cell}: {char} (U+{code}) cannot be written in {encoding}; {fix}, "
                        "or export with --encoding utf-8",
                        output=output,
                        cell=cell_name,
                        char=repr(char),
                        code=f"{ord(char):04X}",
                        encoding=encoding,
                        fix=fix,
                    )
                ) from None
    raise UnencodableCell(  # pragma: no cover
        _("{output}: the text cannot be written in {encoding}; export with --encoding utf-8", output=output, encoding=encoding)
    )


def encoded(grid: Iterable[tuple[list[object], str | None]], encoding: str, rows: int = 2000) -> Iterator[bytes]:
    """The csv text of ``grid`` (kpi.views.csvfile) encoded a few thousand rows at a time, as the rows are made: the
    whole text never exists as one string (at 100,000 measures it would be held three times over before encoding)."""
    for piece in csv_pieces((cells for cells, _source in grid), rows_per_piece=rows):
        yield piece.encode(encoding)


# -- markdown ---------------------------------------------------------------------------------------------------

MD_COLUMNS = [
    "number",
    "title",
    "indicator",
    "primary",
    "unit",
    "baseline",
    "target",
    "actual",
    "achievement",
    "progress",
    "status",
    "flags",
    "grade_label",
    "lagging",
    "notes",
    "source",
]
MD_COLUMNS += ["done", "issues", "next", "budget"]  # v1.1: the measure's report for the year, once per measure


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_cell(c) for c in cells) + " |"


def _md_value(column: Column, row_values: dict[str, object], lang: Lang, first: bool = True) -> str:
    if not first and column.key in MEASURE_TEXT_KEYS:
        return ""  # the measure's report, once per measure
    value = row_values[column.key]
    text = display(value, column.fmt, lang)
    year_key = {"baseline": "baseline_year", "target": "deadline", "actual": "actual_year"}.get(column.key)
    year = row_values[year_key] if year_key else None
    if text and isinstance(year, int):
        text = in_lang(lang, "{figure} ({year})", figure=text, year=year_label(year, None, lang))
    return text


def section_text(section: Section, lang: Lang) -> list[list[str]]:
    formats = SECTION_FORMATS.get(section.key, {})
    return [[display(v, formats.get(i, Fmt.TEXT), lang) for i, v in enumerate(values)] for values in section.rows]


def to_markdown(ev: Evaluation) -> str:
    """The evaluation table and its summaries as Markdown: ``markdown_pieces`` joined."""
    return "".join(markdown_pieces(ev))


PIECE_ROWS = 500  # rows (json: values) joined into one piece before it is written


def keyed_rows(ev: Evaluation) -> Iterator[tuple[str, EvalRow]]:
    """Every row as the plan lists it, with its heading's code: the kept groups', or made again one at a time
    (``keep=False``), never all at once."""
    if not ev.streamed:
        yield from ((group.pillar, row) for group in ev.groups for row in group.rows)
        return
    for key, result, index, repeat, values in listed_values(ev.report, ev.lang):
        yield key, EvalRow(result, result.assessments[index], index == 0, values, repeat)


def listed_headings(ev: Evaluation) -> dict[str, str]:
    """Each heading's code with its words, in the order the table lists them (only those with rows): the groups'
    headings, known without making a row."""
    return {key: ev.heading(key) for key, _placed in placement(ev.report)}


def summaries(ev: Evaluation) -> Iterator[Section]:
    """The summary sections one at a time, the long lists' rows made again as they are read."""
    return (one_section(ev, key, remade=True) for key in SECTION_KEYS)


def markdown_pieces(ev: Evaluation, rows_per_piece: int = PIECE_ROWS) -> Iterator[str]:
    """The Markdown text in pieces of a few hundred rows, as they are made: lines apart by a newline, one at the end.
    A large plan's table is never whole in memory, as rows or as text."""
    by_key = {c.key: c for c in ev.columns}
    cols = [by_key[k] for k in MD_COLUMNS]
    header = _md_row([c.header(ev.lang) for c in cols]) + "\n|" + "---|" * len(cols)
    lines = [f"# {md_cell(evaluation_title(ev))}", ""]
    lines += [f"- {md_cell(k)}: {md_cell(v)}" for k, v in ev.provenance.items(ev.lang)]
    parts = ["\n".join(lines)]
    current: str | None = None
    for key, row in keyed_rows(ev):
        if key != current:  # a heading's first row (codes are text: never None)
            parts.append(f"\n\n## {md_cell(ev.heading(key)) or '—'}\n\n{header}")
            current = key
        cells = [_md_value(c, row.values, ev.lang, row.first) if c.key != "title" else shown_title(row, ev.lang) for c in cols]
        parts.append("\n" + _md_row(cells))
        if len(parts) >= rows_per_piece:
            yield "".join(parts)
            parts = []
    for summary in summaries(ev):
        parts.append(f"\n\n## {md_cell(summary.title)}\n")
        if not len(summary.rows):
            parts.append("\n" + in_lang(ev.lang, "(none)", ctx="list"))
            continue
        parts.append("\n" + _md_row(summary.header) + "\n|" + "---|" * len(summary.header))
        formats = SECTION_FORMATS.get(summary.key, {})
        for values in summary.rows:
            parts.append("\n" + _md_row([display(v, formats.get(i, Fmt.TEXT), ev.lang) for i, v in enumerate(values)]))
            if len(parts) >= rows_per_piece:
                yield "".join(parts)
                parts = []
    parts.append("\n")
    yield "".join(parts)
