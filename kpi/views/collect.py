"""What `kpi collect`, `kpi collect --status` and `kpi import` print, in Japanese or English (the catalog's)."""

from __future__ import annotations

import json
from typing import Any

from kpi import fiscal
from kpi.edit.imported import Checked, FigureEdit, TextEdit, short_text
from kpi.edit.issued import MinistryStatus
from kpi.edit.officer import figure_text
from kpi.i18n import in_lang
from kpi.views.csvfile import csv_text
from kpi.views.labels import COLUMNS, Lang

STATUS_COLUMNS = ["ministry", "issued", "returned", "measures", "answered", "indicators", "missing", "compiling"]
# A report field of the import (kpi.edit.imported) → its heading in kpi.views.labels.
FIELD_HEADINGS = {"done": "done", "issues": "issues", "next": "next_steps", "budget": "budget", "contact": "contact"}


def collect_lines(issues: list[tuple[str, str, int, int]], year: int, record: str, lang: Lang) -> list[str]:
    """(ministry, shown path, measures, indicators) per workbook written, then what was written and the record."""
    out = [
        in_lang(lang, "{path}  (measures: {measures}, indicators: {indicators})", path=path, measures=m, indicators=i)
        for _, path, m, i in issues
    ]
    out.append(
        in_lang(
            lang,
            "Wrote {count} workbook(s) for {year}; the record of issue is {record} (commit it to git)",
            count=len(issues),
            year=fiscal.year_text(year, calendar=False, lang=lang),
            record=record,
        )
    )
    return out


def status_record(rows: tuple[MinistryStatus, ...], year: int) -> dict[str, Any]:
    return {"year": year, "ministries": [_status_row(r) for r in rows]}


def _status_row(r: MinistryStatus) -> dict[str, Any]:
    return {
        "ministry": r.ministry,
        "issued": r.issued.isoformat() if r.issued else None,
        "returned": r.returned.isoformat() if r.returned else None,
        "measures": r.measures,
        "answered": r.answered,
        "indicators": r.indicators,
        "missing": r.missing,
        "compiling": r.compiling,
    }


def status_json(rows: tuple[MinistryStatus, ...], year: int) -> str:
    return json.dumps(status_record(rows, year), ensure_ascii=False, indent=2) + "\n"


def status_csv(rows: tuple[MinistryStatus, ...]) -> str:
    """The status table through kpi's one CSV writer (kpi.views.csvfile: line breaks quoted, every line neutralised)."""
    table: list[list[object]] = [list(STATUS_COLUMNS)]
    table.extend([_status_row(row)[k] for k in STATUS_COLUMNS] for row in rows)
    return csv_text(table, line_end="\n")


def status_headings(lang: Lang) -> list[str]:
    """The --status table's headings, in STATUS_COLUMNS' order."""
    return [
        in_lang(lang, "Ministry", ctx="collect status"),
        in_lang(lang, "Issued", ctx="collect status"),
        in_lang(lang, "Returned", ctx="collect status"),
        in_lang(lang, "Measures", ctx="collect status"),
        in_lang(lang, "Answered", ctx="collect status"),
        in_lang(lang, "Indicators asked", ctx="collect status"),
        in_lang(lang, "Not reported", ctx="collect status"),
        in_lang(lang, "Being compiled", ctx="collect status"),
    ]


def status_cells(row: MinistryStatus, lang: Lang) -> list[str]:
    issued = row.issued.isoformat() if row.issued else in_lang(lang, "not issued", ctx="collect status")
    returned = row.returned.isoformat() if row.returned else in_lang(lang, "not returned", ctx="collect status")
    return [
        row.ministry,
        issued,
        returned,
        str(row.measures),
        str(row.answered),
        str(row.indicators),
        str(row.missing),
        str(row.compiling),
    ]


def status_heading(year: int, lang: Lang) -> str:
    year_text = fiscal.year_text(year, calendar=False, lang=lang)
    return in_lang(lang, "Collection (照会) for {year}: workbooks issued and answered", year=year_text)


def _forced(forced: bool, lang: Lang) -> str:
    return " " + in_lang(lang, "(overwritten with --force)") if forced else ""


def _figure_line(edit: FigureEdit, lang: Lang) -> str:
    unit = edit.indicator.unit
    change = f"{figure_text(edit.old, unit, lang)} → {figure_text(edit.new, unit, lang)}"
    return f"    {edit.indicator.id}: {change}  [{edit.cell}]{_forced(edit.forced, lang)}"


def _text_line(edit: TextEdit, lang: Lang) -> str:
    label = COLUMNS[lang][FIELD_HEADINGS[edit.field]]
    return f"    {label}: {short_text(edit.old)} → {short_text(edit.new)}  [{edit.cell}]{_forced(edit.forced, lang)}"


def import_lines(results: list[Checked], dry_run: bool, lang: Lang) -> tuple[list[str], list[str]]:
    """(lines for stdout, problem lines for stderr): per file what it changes, by measure, or each of its problems."""
    out: list[str] = []
    problems: list[str] = []
    for checked in results:
        if not checked.ok:
            problems.extend(p.text(lang) for p in checked.problems)
            problems.append(
                in_lang(
                    lang,
                    "{file}: {count} problem(s); nothing from this file was written",
                    file=checked.file,
                    count=len(checked.problems),
                )
            )
            continue
        order = list(dict.fromkeys([f.measure for f in checked.figures] + [t.measure for t in checked.texts]))
        block: list[str] = []
        for mid in order:
            block.append(f"  {mid} {checked.titles.get(mid, '')}")
            block.extend(_figure_line(f, lang) for f in checked.figures if f.measure == mid)
            block.extend(_text_line(t, lang) for t in checked.texts if t.measure == mid)
        count = len(checked.figures) + len(checked.texts)
        if dry_run:
            done = in_lang(lang, "{file}: {count} change(s); nothing written (--dry-run)", file=checked.file, count=count)
        elif count:
            done = in_lang(lang, "{file}: recorded {count} change(s)", file=checked.file, count=count)
        else:
            done = in_lang(lang, "{file}: no changes", file=checked.file)
        out.append(done)
        out.extend(block)
    return out, problems
