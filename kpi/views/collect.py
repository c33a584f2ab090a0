"""What `kpi collect`, `kpi collect --status` and `kpi import` print, in Japanese or English."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from kpi import fiscal
from kpi.edit.imported import REPORT_LABELS, Checked, FigureEdit, TextEdit, short_text
from kpi.edit.issued import MinistryStatus
from kpi.edit.officer import figure_text
from kpi.views.cells import safe_cell
from kpi.views.labels import Lang

STATUS_COLUMNS = ["ministry", "issued", "returned", "measures", "answered", "indicators", "missing", "compiling"]
STATUS_HEADINGS = {
    Lang.JA: ["府省庁", "発行日", "回答日", "施策数", "回答済施策", "照会指標数", "未報告", "集計中"],
    Lang.EN: ["Ministry", "Issued", "Returned", "Measures", "Answered", "Indicators", "Not reported", "Being compiled"],
}


def collect_lines(issues: list[tuple[str, str, int, int]], year: int, record: str, lang: Lang) -> list[str]:
    """(ministry, shown path, measures, indicators) per workbook written."""
    ja = lang is Lang.JA
    out = [f"{path}  ({m}施策・{i}指標)" if ja else f"{path}  ({m} measures, {i} indicators)" for _, path, m, i in issues]
    era = fiscal.format_era(year, long=True) if ja else fiscal.format_year(year)
    out.append(
        f"{era}の照会ブックを{len(issues)}府省庁分作成しました。発行記録: {record}（git に記録してください）"
        if ja
        else f"Wrote {len(issues)} workbooks for {era}; the issue record is {record} (commit it)"
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STATUS_COLUMNS)
    for row in rows:
        record = _status_row(row)
        writer.writerow([safe_cell("" if record[k] is None else record[k]) for k in STATUS_COLUMNS])
    return out.getvalue()


def status_cells(row: MinistryStatus, lang: Lang) -> list[str]:
    ja = lang is Lang.JA
    issued = row.issued.isoformat() if row.issued else ("未発行" if ja else "not issued")
    returned = row.returned.isoformat() if row.returned else ("未回答" if ja else "not returned")
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
    if lang is Lang.JA:
        return f"{fiscal.format_era(year, long=True)} 照会の状況"
    return f"Collection for {fiscal.format_year(year)}"


def _figure_line(edit: FigureEdit, lang: Lang) -> str:
    unit = edit.indicator.unit
    forced = (" （--force で上書き）" if lang is Lang.JA else " (overwritten with --force)") if edit.forced else ""
    return f"    {edit.indicator.id}: {figure_text(edit.old, unit)} → {figure_text(edit.new, unit)}  [{edit.cell}]{forced}"


def _text_line(edit: TextEdit, lang: Lang) -> str:
    label = REPORT_LABELS[edit.field][0 if lang is Lang.JA else 1]
    forced = (" （--force で上書き）" if lang is Lang.JA else " (overwritten with --force)") if edit.forced else ""
    return f"    {label}: {short_text(edit.old)} → {short_text(edit.new)}  [{edit.cell}]{forced}"


def import_lines(results: list[Checked], dry_run: bool, lang: Lang) -> tuple[list[str], list[str]]:
    """(lines for stdout, problem lines for stderr)."""
    ja = lang is Lang.JA
    out: list[str] = []
    problems: list[str] = []
    for checked in results:
        if not checked.ok:
            problems.extend(checked.problems)
            n = len(checked.problems)
            problems.append(
                f"{checked.file}: 問題が{n}件あるため、このファイルからは何も書き込んでいません"
                if ja
                else f"{checked.file}: {n} problem(s); nothing from this file was written"
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
            done = (
                f"{count}件の変更があります（--dry-run のため書き込んでいません）"
                if ja
                else f"{count} change(s); nothing written (--dry-run)"
            )
        elif count:
            done = f"{count}件を記録しました" if ja else f"recorded {count} change(s)"
        else:
            done = "変更はありません" if ja else "no changes"
        out.append(f"{checked.file}: {done}")
        out.extend(block)
    return out, problems
