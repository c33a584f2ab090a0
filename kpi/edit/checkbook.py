"""The checks of `kpi import`, cell by cell: a returned workbook against its hidden issue sheet and the plan, or a CSV.

Nothing here writes. A workbook that was not made by `kpi collect`, comes from another plan or year, or has
lost its structure (sheets renamed, columns moved, rows deleted or moved, locked cells changed) is refused
whole with one line (``WorkbookRefused``); a bad cell or a conflict adds a located line to ``Checked.problems``.
Every message is a catalog id with its fields (``TwoLanguages``): the view prints it in the run's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kpi import fiscal
from kpi.edit import issued as layout
from kpi.edit import officer
from kpi.edit.imported import (
    REPORT_FIELDS,
    Checked,
    FigureEdit,
    TextEdit,
    cell_name,
    col_index,
    conflict,
    figure_now,
    figure_of,
    notes_differ,
    same,
    short_text,
    year_of,
)
from kpi.edit.workbook import Book, Cell, WorkbookRefused, read_csv
from kpi.errors import TwoLanguages
from kpi.i18n import N_, Lang
from kpi.model import Measure, Plan, YearBasis
from kpi.text import column_letter

# -- the workbook ---------------------------------------------------------------------------------------------------


def check_book(plan: Plan, root: Path, path: Path, book: Book, *, force: bool, year: int | None = None) -> Checked:
    """Check a workbook; ``year`` (--year) lets a late answer to an earlier collection in."""
    name = path.name
    meta = book.meta
    if meta is None or meta.get("format") != layout.FORMAT:
        raise WorkbookRefused(
            N_("not a workbook made by `kpi collect` (its issue sheet is missing); have the workbook that was sent filled in")
        )
    asked, (year, ministry) = year, (int(meta.get("year", 0)), str(meta.get("ministry", "")))
    if meta.get("plan") != plan.config.name:
        raise WorkbookRefused(
            N_("a workbook of another plan ({plan}); use the one sent for {ours}"), plan=meta.get("plan"), ours=plan.config.name
        )
    record = layout.read_record(root, year)
    latest = max(layout.issued_years(root), default=None)
    if ministry not in record:
        raise WorkbookRefused(
            N_(
                "this plan has no record of issuing a {year} workbook to {ministry} ({record}); "
                "import workbooks made by `kpi collect` into the plan where its record was committed"
            ),
            year=year_of(year),
            ministry=ministry,
            record=f"{layout.RECORD_DIR}/FY{year}.toml",
        )
    if latest is not None and year != latest and asked != year:
        raise WorkbookRefused(
            N_("a {year} workbook; the current collection is {current}: use this year's, or pass --year {era} for a late answer"),
            year=year_of(year),
            current=year_of(latest),
            era=fiscal.format_era(year),
        )
    stem = path.stem
    other = [m for m in record if m != ministry and m in stem and ministry not in stem]
    if other:
        raise WorkbookRefused(
            N_("the file is named for {named} but holds {ministry}'s workbook; check it was not mixed up"),
            named=other[0],
            ministry=ministry,
        )
    checked = Checked(name, year, ministry)
    measures = {m.id: m for m in plan.measures}
    columns = meta.get("columns", {})
    header = int(meta.get("header", 1))
    for sheet_name, labels in columns.items():
        sheet = book.sheets.get(sheet_name)
        if sheet is None:
            raise WorkbookRefused(
                N_("the sheet {sheet!r} is missing (renamed or deleted); have it returned with its sheets as sent"),
                sheet=sheet_name,
            )
        for col, label in enumerate(labels):
            got = sheet.get(header, col).value
            if got != label:
                raise WorkbookRefused(
                    N_(
                        "{sheet}!{cell}: the heading is not {label!r} ({got}); columns were moved or deleted: "
                        "have it returned with its columns as sent"
                    ),
                    sheet=sheet_name,
                    cell=cell_name(col, header),
                    label=label,
                    got=short_text(got),
                )
    rows = [r for r in book.rows if r.get("sheet") in columns]
    _structure(book, rows, columns, header)
    for entry in rows:
        measure = measures.get(str(entry.get("m")))
        if measure is None:
            checked.problem(
                f"{entry['sheet']}!B{entry['row']}",
                TwoLanguages(N_("the measure {measure} is no longer in the plan; issue a new workbook"), measure=entry.get("m")),
            )
            continue
        checked.titles[measure.id] = measure.title
        if measure.id not in checked.measures:
            checked.measures.append(measure.id)
        sheet = book.sheets[entry["sheet"]]
        labels = columns[entry["sheet"]]
        if entry["sheet"] == layout.INDICATOR_SHEET:
            _indicator_row(checked, measure, sheet, labels, entry, force=force)
        else:
            _report_row(checked, measure, sheet, labels, entry, force=force)
    return checked


def _structure(book: Book, rows: list[dict[str, Any]], columns: dict[str, list[str]], header: int) -> None:
    """Rows deleted, moved or added, and locked cells edited: one line, the first place it shows."""
    expected: dict[tuple[str, int], dict[str, Any]] = {(r["sheet"], int(r["row"])): r for r in rows}
    for (sheet_name, row), entry in expected.items():
        sheet = book.sheets[sheet_name]
        ids_at = ("B", "E") if sheet_name == layout.INDICATOR_SHEET else ("B",)
        locked = entry.get("locked", {})
        for column, value in sorted(locked.items(), key=lambda kv: kv[0] not in ids_at):  # the ids first
            col = col_index(column)
            got = sheet.get(row, col).value
            if not layout.matches(got, value):
                was = "…" if layout.is_digest(value) else short_text(value) if value else ""
                ids = " / ".join(str(v) for v in (entry.get("m"), entry.get("i")) if v)
                at = {"sheet": sheet_name, "cell": f"{column}{row}"}
                if column in ids_at:
                    raise WorkbookRefused(
                        N_("{sheet}!{cell}: rows were deleted or moved (this row should be {ids}); return the rows as sent"),
                        ids=ids,
                        **at,
                    )
                if not was:
                    raise WorkbookRefused(N_("{sheet}!{cell}: a locked cell was changed (it was empty); clear it"), **at)
                raise WorkbookRefused(
                    N_("{sheet}!{cell}: a locked cell was changed (it was {was!r}); put it back"), was=was, **at
                )
    for sheet_name, labels in columns.items():
        sheet = book.sheets[sheet_name]
        for (row, col), cell in sorted(sheet.cells.items()):
            if row <= header or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            if (sheet_name, row) not in expected or col >= len(labels):
                raise WorkbookRefused(
                    N_("{sheet}!{cell}: a value outside the table (an added row or column); fill in the table as sent"),
                    sheet=sheet_name,
                    cell=cell_name(col, row),
                )


def _indicator_row(
    checked: Checked, measure: Measure, sheet: Any, labels: list[str], entry: dict[str, Any], *, force: bool
) -> None:
    keys = layout.INDICATOR_KEYS
    indicator = measure.indicator(str(entry.get("i")))
    row = int(entry["row"])
    col = {k: _column(sheet.name, labels, v) for k, v in keys.items()}
    if indicator is None:
        checked.problem(
            f"{sheet.name}!{cell_name(col['indicator'], row)}",
            TwoLanguages(
                N_("the indicator {indicator} of {measure} is no longer in the plan; issue a new workbook"),
                indicator=entry.get("i"),
                measure=measure.id,
            ),
        )
        return
    inputs = entry.get("inputs", {})
    if not inputs:
        return
    at = {k: f"{sheet.name}!{cell_name(col[k], row)}" for k in ("value", "note", "source")}
    try:
        cell = sheet.get(row, col["value"])
        typed = officer.figure(cell.value, cell.formula, cell.number_format, indicator)
        issued_cell = inputs.get(column_letter(col["value"]))
        issued = officer.figure(issued_cell, False, "General", indicator)
    except officer.CellError as exc:
        checked.problem(at["value"], exc)
        typed = issued = None
    texts = {}
    for key in ("note", "source"):
        cell = sheet.get(row, col[key])
        try:
            texts[key] = officer.text(cell.value, cell.formula, officer.MAX_SHORT)
        except officer.CellError as exc:
            checked.problem(at[key], exc)
    if typed is None or len(texts) < 2:
        return
    now = figure_now(indicator, checked.year)
    untouched = typed == now or (typed == issued and now != issued)  # nothing new, or untouched while the plan moved on
    if untouched and not (typed == now and notes_differ(indicator, checked.year, texts)):
        return
    forced = False
    if now != issued and now is not None and typed != now:
        if not force:
            unit = indicator.unit
            checked.problem(at["value"], conflict(figure_of(issued, unit), figure_of(now, unit), figure_of(typed, unit)))
            return
        forced = True
    checked.figures.append(
        FigureEdit(measure.id, indicator, checked.year, at["value"], now, typed, texts["note"], texts["source"], forced)
    )


def _report_row(checked: Checked, measure: Measure, sheet: Any, labels: list[str], entry: dict[str, Any], *, force: bool) -> None:
    row = int(entry["row"])
    inputs = entry.get("inputs", {})
    report = measure.report(checked.year)
    for key, label in layout.REPORT_KEYS.items():
        if key == "measure":
            continue
        col = _column(sheet.name, labels, label)
        at = f"{sheet.name}!{cell_name(col, row)}"
        cell: Cell = sheet.get(row, col)
        try:
            if key == "budget":
                typed: object = officer.budget(cell.value, cell.formula)
                issued: object = officer.budget(inputs.get(column_letter(col)), False)
            else:
                typed = officer.text(cell.value, cell.formula, REPORT_FIELDS[key])
                issued = inputs.get(column_letter(col))  # the text at issue, or the digest of a long one (issued.fingerprint)
                if not layout.is_digest(issued):
                    issued = officer.text(issued, False, officer.MAX_TEXT)
        except officer.CellError as exc:
            checked.problem(at, exc)
            continue
        now = getattr(report, key) if report is not None else None
        if typed is None or same(typed, now) or (same(typed, issued) and not same(now, issued)):
            continue
        forced = False
        if not same(now, issued):
            if not force:
                was = "…" if layout.is_digest(issued) else short_text(issued)
                checked.problem(at, conflict(was, short_text(now), short_text(typed)))
                continue
            forced = True
        checked.texts.append(TextEdit(measure.id, key, at, now, typed, forced))


def _column(sheet: str, labels: list[str], heading: str) -> int:
    """The column headed ``heading`` (or a heading it had in an earlier workbook: layout.EARLIER_HEADINGS)."""
    for name in (heading, *layout.EARLIER_HEADINGS.get(heading, ())):
        if name in labels:
            return labels.index(name)
    raise WorkbookRefused(
        N_("the sheet {sheet!r} has no column {heading!r}; issue a new workbook with `kpi collect`"), sheet=sheet, heading=heading
    )


# -- CSV ------------------------------------------------------------------------------------------------------------


def _listed(words: list[str]) -> Callable[[Lang], str]:
    """Headings as a message lists them: 「施策ID」「指標ID」 in Japanese, 施策ID, 指標ID in English."""
    return lambda lang: "".join(f"「{w}」" for w in words) if lang is Lang.JA else ", ".join(words)


def check_csv(plan: Plan, root: Path, path: Path, *, force: bool, year: int | None) -> Checked:
    name = path.name
    fy = year if year is not None else max(layout.issued_years(root), default=None)
    if fy is None:
        raise WorkbookRefused(N_("the CSV's year is unknown; pass --year, e.g. --year R7"))
    rows = read_csv(path)
    keys = layout.INDICATOR_KEYS
    head = rows[0] if rows else []
    missing = [label for label in keys.values() if label not in head]
    if missing:
        raise WorkbookRefused(
            N_("row 1 lacks the heading(s) {missing}; give the CSV the indicator sheet's headings {headings}"),
            missing=_listed(missing),
            headings=_listed(list(keys.values())),
        )
    col = {k: head.index(v) for k, v in keys.items()}
    checked = Checked(name, fy, None)
    measures = {m.id: m for m in plan.measures}
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        get = {k: (values[c] if c < len(values) else "") for k, c in col.items()}
        measure = measures.get(get["measure"].strip())
        indicator = measure.indicator(get["indicator"].strip()) if measure else None
        if measure is None:
            message = N_("{value!r} is not a measure id of the plan (施策ID); check the row")
            checked.problem(cell_name(col["measure"], number), TwoLanguages(message, value=get["measure"]))
            continue
        if indicator is None:
            message = N_("{value!r} is not an indicator id of {measure} (指標ID); check the row")
            checked.problem(
                cell_name(col["indicator"], number), TwoLanguages(message, value=get["indicator"], measure=measure.id)
            )
            continue
        if not layout.asked_for(indicator.deadline, fy) and indicator.deadline is not None:
            message = N_("no figure is asked for after the indicator's deadline ({deadline}); remove the row")
            calendar = indicator.year_basis is YearBasis.CALENDAR
            checked.problem(
                cell_name(col["value"], number), TwoLanguages(message, deadline=year_of(indicator.deadline, calendar=calendar))
            )
            continue
        try:
            typed = officer.figure(get["value"], False, "General", indicator)
            texts = {k: officer.text(get[k], False, officer.MAX_SHORT) for k in ("note", "source")}
        except officer.CellError as exc:
            checked.problem(cell_name(col["value"], number), exc)
            continue
        if measure.id not in checked.measures:
            checked.measures.append(measure.id)
        checked.titles[measure.id] = measure.title
        now = figure_now(indicator, fy)
        if typed is None or (typed == now and not notes_differ(indicator, fy, texts)):
            continue
        forced = now is not None and typed != now
        if forced and not force:
            message = N_("already recorded as {now}; pass --force to replace it")
            checked.problem(cell_name(col["value"], number), TwoLanguages(message, now=figure_of(now, indicator.unit)))
            continue
        checked.figures.append(
            FigureEdit(
                measure.id, indicator, fy, cell_name(col["value"], number), now, typed, texts["note"], texts["source"], forced
            )
        )
    checked.measures = []  # a CSV carries figures only: it does not mark reports as submitted
    return checked
