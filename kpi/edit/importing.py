"""`kpi import`: returned 照会 workbooks (and CSVs) checked cell by cell, then applied through the edit paths.

Every cell of a workbook is checked before anything is written; a workbook with any bad cell, a changed
structure or an unresolved conflict writes nothing and gets one line per problem (``file: sheet!cell:
message``). What passes goes through ``kpi.edit.log.log_figure`` / ``kpi.edit.awaited.log_missing`` (figures)
and ``kpi.edit.narrate.record_report`` (words, budget, contact, submitted): the same lock, whole-measure check
and atomic write as `kpi log` and `kpi narrate`. If one of those writes still fails, the files the workbook
already changed are put back as they were.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

from kpi.edit import issued as layout
from kpi.edit.awaited import log_missing
from kpi.edit.checkbook import check_book, check_csv
from kpi.edit.imported import Checked
from kpi.edit.log import log_figure
from kpi.edit.narrate import ReportChange, record_report
from kpi.edit.workbook import WorkbookRefused, read_xlsx
from kpi.errors import KpiError, TwoLanguages
from kpi.i18n import N_, _
from kpi.model import Plan
from kpi.plan.loader import read_plan
from kpi.safefile import atomic_write


def import_files(
    root: Path,
    paths: list[Path],
    *,
    dry_run: bool = False,
    force: bool = False,
    year: int | None = None,
    today: dt.date | None = None,
) -> list[Checked]:
    """Check each file, then (unless ``dry_run``) apply it if it has no problem; later files see earlier ones' edits."""
    day = today or dt.date.today()
    out = []
    for path in paths:
        plan = read_plan(root)
        # A workbook read with openpyxl is objects that refer to one another: only the cycle collector frees them, and
        # with a large plan in memory (kpi turns the collector off for its runs) they would pile up file after file
        # (1 GB for 20 workbooks at 100,000 measures). The plan is set aside from the collection after each file.
        gc.freeze()
        try:
            checked = check_file(plan, root, path, force=force, year=year)
            if checked.ok and not dry_run:
                apply(root, plan, checked, day)
            gc.collect()
        finally:
            gc.unfreeze()
        out.append(checked)
        del plan  # before the next file's plan is read: never two plans in memory at once
    return out


def check_file(plan: Plan, root: Path, path: Path, *, force: bool, year: int | None = None) -> Checked:
    name = path.name
    if not path.is_file():
        found = Checked(name, year or 0, None)
        found.problem("", TwoLanguages(N_("no such file; check the name and the folder")))
        return found
    try:
        if path.suffix.lower() == ".csv":
            return check_csv(plan, root, path, force=force, year=year)
        return check_book(plan, root, path, read_xlsx(path), force=force, year=year)
    except WorkbookRefused as exc:
        refused = Checked(name, year or 0, None)
        refused.problem("", exc)
        return refused


# -- applying -------------------------------------------------------------------------------------------------------


def apply(root: Path, plan: Plan, checked: Checked, today: dt.date) -> None:
    """Write a checked file's edits through the edit paths; on any failure put back every file it changed."""
    paths = {m.id: m.path for m in plan.measures}
    touched = {f.measure for f in checked.figures} | {t.measure for t in checked.texts} | set(checked.measures)
    saved = {mid: paths[mid].read_bytes() for mid in touched}
    try:
        for edit in checked.figures:
            year = str(edit.year)
            if edit.new.missing is not None:
                log_missing(root, edit.measure, edit.indicator.id, year, edit.new.missing, force=True, today=today)
                continue
            old = edit.indicator.actual_for(edit.year)
            value = edit.new.status.value if edit.new.status is not None else repr(edit.new.value)
            source = edit.source or (old.source if old and old.source else checked.file)
            log_figure(root, edit.measure, edit.indicator.id, year, value, note=edit.note, source=source, force=True, today=today)
        for mid in checked.measures or sorted({t.measure for t in checked.texts}):
            given: dict[str, Any] = {t.field: t.new for t in checked.texts if t.measure == mid}
            if "budget" in given:
                given["budget"] = float(given["budget"])
            measure = next((m for m in plan.measures if m.id == mid), None)
            before = measure.report(checked.year) if measure else None
            changed = given or any(f.measure == mid for f in checked.figures)
            if changed or before is None or before.submitted is None:
                given["submitted"] = today
            if given:
                record_report(root, mid, checked.year, ReportChange(**given), today=today)
    except (KpiError, OSError) as exc:
        for mid, data in saved.items():
            if paths[mid].read_bytes() != data:
                atomic_write(paths[mid], data)
        raise KpiError(
            _("{file}: {problem}; nothing from this file was kept — fix it and import again", file=checked.file, problem=exc)
        ) from None
    checked.written = True
    if checked.ministry is not None and (checked.figures or checked.texts or not _returned(root, checked)):
        layout.mark_returned(root, checked.year, checked.ministry, today)


def _returned(root: Path, checked: Checked) -> bool:
    found = layout.read_record(root, checked.year).get(checked.ministry or "")
    return found is not None and found.returned is not None
