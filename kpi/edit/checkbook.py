"""The checks of `kpi import`, cell by cell: a returned workbook against its hidden issue sheet and the plan, or a CSV.

Nothing here writes. A workbook that was not made by `kpi collect`, comes from another plan or year, or has
lost its structure (sheets renamed, columns moved, rows deleted or moved, locked cells changed) is refused
whole with one line (``WorkbookRefused``); a bad cell or a conflict adds a located line to ``Checked.problems``.
"""

from __future__ import annotations

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
    msg,
    notes_differ,
    same,
    short_text,
)
from kpi.edit.workbook import Book, Cell, WorkbookRefused, read_csv
from kpi.model import Measure, Plan
from kpi.text import column_letter

# -- the workbook ---------------------------------------------------------------------------------------------------


def check_book(plan: Plan, root: Path, path: Path, book: Book, *, force: bool, ja: bool, year: int | None = None) -> Checked:
    """Check a workbook; ``year`` (--year) lets a late answer to an earlier collection in."""
    name = path.name
    meta = book.meta
    if meta is None or meta.get("format") != layout.FORMAT:
        raise WorkbookRefused(
            "kpi collect で作成したブックではありません（発行情報のシートがありません）。"
            "送付したブックに記入してもらってください",
            "not a workbook made by `kpi collect` (its issue sheet is missing); have the workbook that was sent filled in",
        )
    asked, (year, ministry) = year, (int(meta.get("year", 0)), str(meta.get("ministry", "")))
    if meta.get("plan") != plan.config.name:
        raise WorkbookRefused(
            f"別の計画（{meta.get('plan')}）のブックです。この計画（{plan.config.name}）の照会で送付したブックを使ってください",
            f"a workbook of another plan ({meta.get('plan')}); use the one sent for {plan.config.name}",
        )
    record = layout.read_record(root, year)
    latest = max(layout.issued_years(root), default=None)
    era = fiscal.format_era(year, long=True)
    if ministry not in record:
        raise WorkbookRefused(
            f"この計画では{era}の{ministry}あてのブックを発行した記録がありません（collect/FY{year}.toml）。"
            "kpi collect で発行したブックを、その記録をコミットした計画で取り込んでください",
            f"this plan has no record of issuing a {fiscal.format_fy(year)} workbook to {ministry} (collect/FY{year}.toml); "
            "import workbooks made by `kpi collect` into the plan where its record was committed",
        )
    if latest is not None and year != latest and asked != year:
        raise WorkbookRefused(
            f"{era}のブックです。現在の照会は{fiscal.format_era(latest, long=True)}です。今年度のブックに記入してもらうか、"
            f"遅れて届いた回答なら --year {fiscal.format_era(year)} を付けて取り込んでください",
            f"a {fiscal.format_fy(year)} workbook; the current collection is {fiscal.format_fy(latest)}: use this year's, "
            f"or pass --year {fiscal.format_era(year)} for a late answer",
        )
    stem = path.stem
    other = [m for m in record if m != ministry and m in stem and ministry not in stem]
    if other:
        raise WorkbookRefused(
            f"ファイル名は{other[0]}ですが、中身は{ministry}のブックです。取り違えがないか確認してください",
            f"the file is named for {other[0]} but holds {ministry}'s workbook; check it was not mixed up",
        )
    checked = Checked(name, year, ministry)
    measures = {m.id: m for m in plan.measures}
    columns = meta.get("columns", {})
    header = int(meta.get("header", 1))
    for sheet_name, labels in columns.items():
        sheet = book.sheets.get(sheet_name)
        if sheet is None:
            raise WorkbookRefused(
                f"シート「{sheet_name}」がありません。シート名を変更・削除せずに返送してもらってください",
                f"the sheet {sheet_name!r} is missing (renamed or deleted); have it returned with its sheets as sent",
            )
        for col, label in enumerate(labels):
            got = sheet.get(header, col).value
            if got != label:
                raise WorkbookRefused(
                    f"{sheet_name}!{cell_name(col, header)}: 見出しが「{label}」ではありません（{got}）。"
                    "列を移動・削除せずに返送してもらってください",
                    f"{sheet_name}!{cell_name(col, header)}: the heading is not {label!r} ({got}); columns were moved or deleted",
                )
    rows = [r for r in book.rows if r.get("sheet") in columns]
    _structure(book, rows, columns, header, ja)
    for entry in rows:
        measure = measures.get(str(entry.get("m")))
        if measure is None:
            checked.problems.append(
                f"{name}: {entry['sheet']}!B{entry['row']}: "
                + msg(ja, "この施策は計画にありません", "no such measure in the plan")
            )
            continue
        checked.titles[measure.id] = measure.title
        if measure.id not in checked.measures:
            checked.measures.append(measure.id)
        sheet = book.sheets[entry["sheet"]]
        labels = columns[entry["sheet"]]
        if entry["sheet"] == layout.INDICATOR_SHEET:
            _indicator_row(checked, measure, sheet, labels, entry, force=force, ja=ja)
        else:
            _report_row(checked, measure, sheet, labels, entry, force=force, ja=ja)
    return checked


def _structure(book: Book, rows: list[dict[str, Any]], columns: dict[str, list[str]], header: int, ja: bool) -> None:
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
                moved = column in ids_at
                raise WorkbookRefused(
                    f"{sheet_name}!{column}{row}: "
                    + (
                        f"行が削除・移動されています（この行は {ids} のはずです）。"
                        "送付したままの行の並びで返送してもらってください"
                        if moved
                        else f"入力欄でないセルが変更されています（元は「{was or '空欄'}」）。元に戻してください"
                    ),
                    f"{sheet_name}!{column}{row}: "
                    + (
                        f"rows were deleted or moved (this row should be {ids}); return the rows as sent"
                        if moved
                        else f"a locked cell was changed (it was {was or 'empty'!r}); put it back"
                    ),
                )
    for sheet_name, labels in columns.items():
        sheet = book.sheets[sheet_name]
        for (row, col), cell in sorted(sheet.cells.items()):
            if row <= header or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            if (sheet_name, row) not in expected or col >= len(labels):
                raise WorkbookRefused(
                    f"{sheet_name}!{cell_name(col, row)}: 記入欄の外に値があります（行や列の追加）。"
                    "送付したままの表に記入してください",
                    f"{sheet_name}!{cell_name(col, row)}: a value outside the table (an added row or column); "
                    "fill in the table as sent",
                )


def _indicator_row(
    checked: Checked, measure: Measure, sheet: Any, labels: list[str], entry: dict[str, Any], *, force: bool, ja: bool
) -> None:
    keys = layout.INDICATOR_KEYS
    indicator = measure.indicator(str(entry.get("i")))
    row = int(entry["row"])
    col = {k: labels.index(v) for k, v in keys.items()}
    if indicator is None:
        checked.problems.append(
            f"{checked.file}: {sheet.name}!{cell_name(col['indicator'], row)}: "
            + msg(ja, "この指標は計画にありません", "no such indicator in the plan")
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
        checked.problems.append(f"{checked.file}: {at['value']}: {exc.text(ja)}")
        typed = issued = None
    texts = {}
    for key in ("note", "source"):
        cell = sheet.get(row, col[key])
        try:
            texts[key] = officer.text(cell.value, cell.formula, officer.MAX_SHORT)
        except officer.CellError as exc:
            checked.problems.append(f"{checked.file}: {at[key]}: {exc.text(ja)}")
    if typed is None or len(texts) < 2:
        return
    now = figure_now(indicator, checked.year)
    untouched = typed == now or (typed == issued and now != issued)  # nothing new, or untouched while the plan moved on
    if untouched and not (typed == now and notes_differ(indicator, checked.year, texts)):
        return
    forced = False
    if now != issued and now is not None and typed != now:
        if not force:
            checked.problems.append(
                f"{checked.file}: {at['value']}: "
                + conflict(
                    ja,
                    officer.figure_text(issued, indicator.unit),
                    officer.figure_text(now, indicator.unit),
                    officer.figure_text(typed, indicator.unit),
                )
            )
            return
        forced = True
    checked.figures.append(
        FigureEdit(measure.id, indicator, checked.year, at["value"], now, typed, texts["note"], texts["source"], forced)
    )


def _report_row(
    checked: Checked, measure: Measure, sheet: Any, labels: list[str], entry: dict[str, Any], *, force: bool, ja: bool
) -> None:
    row = int(entry["row"])
    inputs = entry.get("inputs", {})
    report = measure.report(checked.year)
    for key, label in layout.REPORT_KEYS.items():
        if key == "measure":
            continue
        col = labels.index(label)
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
            checked.problems.append(f"{checked.file}: {at}: {exc.text(ja)}")
            continue
        now = getattr(report, key) if report is not None else None
        if typed is None or same(typed, now) or (same(typed, issued) and not same(now, issued)):
            continue
        forced = False
        if not same(now, issued):
            if not force:
                checked.problems.append(
                    f"{checked.file}: {at}: "
                    + conflict(ja, "…" if layout.is_digest(issued) else short_text(issued), short_text(now), short_text(typed))
                )
                continue
            forced = True
        checked.texts.append(TextEdit(measure.id, key, at, now, typed, forced))


# -- CSV ------------------------------------------------------------------------------------------------------------


def check_csv(plan: Plan, root: Path, path: Path, *, force: bool, ja: bool, year: int | None) -> Checked:
    name = path.name
    fy = year if year is not None else max(layout.issued_years(root), default=None)
    if fy is None:
        raise WorkbookRefused(
            "CSV の年度が分かりません。--year R7 のように指定してください",
            "the CSV's year is unknown; pass --year, e.g. --year R7",
        )
    rows = read_csv(path)
    keys = layout.INDICATOR_KEYS
    head = rows[0] if rows else []
    missing = [label for label in keys.values() if label not in head]
    if missing:
        raise WorkbookRefused(
            f"1行目に見出し「{'」「'.join(missing)}」がありません。指標シートと同じ見出し（{'・'.join(keys.values())}）を付けてください",
            f"row 1 lacks the heading(s) {', '.join(missing)}; use the indicator sheet's headings ({', '.join(keys.values())})",
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
        if measure is None or indicator is None:
            which = "measure" if measure is None else "indicator"
            checked.problems.append(
                f"{name}: {cell_name(col[which], number)}: "
                + msg(
                    ja,
                    f"「{get[which]}」は計画にない{'施策' if measure is None else '指標'}IDです",
                    f"{get[which]!r} is not a {which} id of the plan",
                )
            )
            continue
        if not layout.asked_for(indicator.deadline, fy):
            checked.problems.append(
                f"{name}: {cell_name(col['value'], number)}: "
                + msg(
                    ja,
                    f"目標年度（{indicator.deadline}）を過ぎた年度の実績は記入できません",
                    f"the year is after the deadline {indicator.deadline}",
                )
            )
            continue
        try:
            typed = officer.figure(get["value"], False, "General", indicator)
            texts = {k: officer.text(get[k], False, officer.MAX_SHORT) for k in ("note", "source")}
        except officer.CellError as exc:
            checked.problems.append(f"{name}: {cell_name(col['value'], number)}: {exc.text(ja)}")
            continue
        if measure.id not in checked.measures:
            checked.measures.append(measure.id)
        checked.titles[measure.id] = measure.title
        now = figure_now(indicator, fy)
        if typed is None or (typed == now and not notes_differ(indicator, fy, texts)):
            continue
        forced = now is not None and typed != now
        if forced and not force:
            checked.problems.append(
                f"{name}: {cell_name(col['value'], number)}: "
                + msg(
                    ja,
                    f"すでに {officer.figure_text(now, indicator.unit)} が記録されています。--force で置き換えます",
                    f"already recorded as {officer.figure_text(now, indicator.unit)}; pass --force to replace it",
                )
            )
            continue
        checked.figures.append(
            FigureEdit(
                measure.id, indicator, fy, cell_name(col["value"], number), now, typed, texts["note"], texts["source"], forced
            )
        )
    checked.measures = []  # a CSV carries figures only: it does not mark reports as submitted
    return checked
