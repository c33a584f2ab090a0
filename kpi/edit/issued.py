"""The 照会 (collection) round trip's shared ground: the workbook's layout, and the plan's record of what was issued.

``kpi collect`` (kpi.export.collect) writes workbooks in this layout and records each one in
``collect/FY<year>.toml`` under the plan root (reviewed in git with the measures); ``kpi import``
(kpi.edit.importing) reads the layout back and checks a workbook against that record;
``kpi collect --status`` (``status`` below) puts the record beside the plan's figures and reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kpi import fiscal
from kpi.errors import KpiError
from kpi.i18n import N_, Lang, _, in_lang
from kpi.model import Plan
from kpi.safefile import atomic_write

FORMAT = "kpi-collect/1"
META_SHEET = "_kpi"  # hidden and locked: what the workbook was issued from
GUIDE_SHEET = "記入方法"
INDICATOR_SHEET = "指標"
REPORT_SHEET = "報告"
# The header labels the import finds columns by (other columns are free): the contract with officers and CSV.
INDICATOR_KEYS = {"measure": "施策ID", "indicator": "指標ID", "value": "実績値", "note": "備考", "source": "出典"}
REPORT_KEYS = {
    "measure": "施策ID",
    "done": "取組実績",
    "issues": "課題・要因分析",
    "next": "今後の取組方針",
    "budget": "予算額（百万円）",
    "contact": "担当課室・連絡先",
}
# Headings the same columns had in workbooks issued earlier: a workbook sent out before a heading changed still imports.
EARLIER_HEADINGS = {"課題・要因分析": ("課題・要因",), "今後の取組方針": ("今後の取組",)}
COMPILING = "集計中"
RECORD_DIR = "collect"
MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell
_DIGEST = "#sha256:"


def fingerprint(value: object) -> object:
    """How the hidden sheet keeps a locked cell: the value, or a digest of a long text (a cell holds 32,767 characters)."""
    if isinstance(value, str) and len(value) > 100:
        return _DIGEST + hashlib.sha256(value.encode("utf-8")).hexdigest()
    return value


def is_digest(kept: object) -> bool:
    return isinstance(kept, str) and kept.startswith(_DIGEST)


def matches(value: object, kept: object) -> bool:
    """Whether a locked cell's value as read is the one kept by ``fingerprint`` (numbers compared as numbers)."""
    if isinstance(kept, str) and kept.startswith(_DIGEST):
        return isinstance(value, str) and fingerprint(value) == kept
    if value in (None, "") and kept in (None, ""):
        return True
    if isinstance(value, int | float) and isinstance(kept, int | float) and not isinstance(value, bool):
        return abs(float(value) - float(kept)) <= 1e-9 * max(1.0, abs(float(value)), abs(float(kept)))
    return value == kept


def file_name(year: int, ministry: str) -> str:
    """``R7_厚生労働省.xlsx``."""
    return f"{fiscal.format_era(year)}_{ministry}.xlsx"


@dataclass(frozen=True)
class Issued:
    """One workbook sent out: to whom, when, from which commit."""

    ministry: str
    file: str
    issued: dt.date
    commit: str
    due: dt.date | None = None
    returned: dt.date | None = None  # set by `kpi import` when the workbook comes back


def record_path(root: Path, year: int) -> Path:
    return root / RECORD_DIR / f"FY{year}.toml"


def read_record(root: Path, year: int) -> dict[str, Issued]:
    """The workbooks issued for ``year`` by ministry ({} when none were)."""
    path = record_path(root, year)
    if not path.is_file():
        return {}
    shown = path.relative_to(root).as_posix()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out = {}
        for ministry, entry in data.get("ministries", {}).items():
            got = Issued(ministry, entry["file"], entry["issued"], entry.get("commit", ""), entry.get("due"))
            out[ministry] = dataclasses.replace(got, returned=entry.get("returned"))
        return out
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise KpiError(
            _("{path}: cannot read the record of issued workbooks ({reason}); restore it from git", path=shown, reason=exc)
        ) from None


def issued_years(root: Path) -> list[int]:
    folder = root / RECORD_DIR
    if not folder.is_dir():
        return []
    years = [p.stem[2:] for p in folder.glob("FY*.toml")]
    return sorted(int(y) for y in years if y.isdigit())


def write_record(root: Path, year: int, issued: list[Issued]) -> Path:
    """Add (or replace) the given ministries in the record of ``year``; the others stay."""
    from kpi.edit import tomledit

    merged = read_record(root, year) | {i.ministry: i for i in issued}
    about = N_(
        "# Workbooks issued by `kpi collect` for {year}: `kpi import` checks returned ones against this record\n"
        "# and `kpi collect --status` lists who has answered. Keep it in git."
    )
    # The same in both languages whoever runs it, so the file changes only when the record does.
    lines = [in_lang(lang, about, year=fiscal.year_text(year, calendar=False, lang=lang)) for lang in (Lang.JA, Lang.EN)]
    lines.append(f"year = {year}")
    for name in sorted(merged):
        entry = merged[name]
        lines += ["", f"[ministries.{tomledit.toml_string(name)}]", f"file = {tomledit.toml_string(entry.file)}"]
        lines += [f"issued = {entry.issued.isoformat()}", f"commit = {tomledit.toml_string(entry.commit)}"]
        if entry.due is not None:
            lines.append(f"due = {entry.due.isoformat()}")
        if entry.returned is not None:
            lines.append(f"returned = {entry.returned.isoformat()}")
    path = record_path(root, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def mark_returned(root: Path, year: int, ministry: str, day: dt.date) -> None:
    """Note in the record that ``ministry``'s workbook for ``year`` came back (and was imported) on ``day``."""
    found = read_record(root, year).get(ministry)
    if found is not None and found.returned != day:
        write_record(root, year, [dataclasses.replace(found, returned=day)])


# -- kpi collect --status ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinistryStatus:
    """The secretariat's chase list, one ministry: issued, returned, what is still missing."""

    ministry: str
    issued: dt.date | None
    returned: dt.date | None  # when its workbook was imported (the record's `returned`)
    measures: int
    answered: int  # of its measures: those whose report for the year has `submitted`
    indicators: int  # indicators asked for (the deadline not yet passed)
    missing: int  # of those: no figure and no reason
    compiling: int  # of those: 集計中 (or another reason) recorded


def status(plan: Plan, root: Path, year: int) -> tuple[MinistryStatus, ...]:
    """Per ministry of the plan (in kpi.toml's order, else by name): the state of the 照会 of ``year``."""
    record = read_record(root, year)
    names = list(plan.config.ministries) or sorted({m for measure in plan.current() for m in measure.ministries})
    out = []
    for ministry in names:
        measures = [m for m in plan.current() if ministry in m.ministries]
        dates = [r.submitted for m in measures if (r := m.report(year)) is not None and r.submitted is not None]
        asked = [i for m in measures for i in m.indicators if asked_for(i.deadline, year)]
        compiling = sum(1 for i in asked if i.actual_for(year) is None and i.awaited_for(year) is not None)
        missing = sum(1 for i in asked if i.actual_for(year) is None and i.awaited_for(year) is None)
        issued = record.get(ministry)
        out.append(
            MinistryStatus(
                ministry,
                issued.issued if issued else None,
                issued.returned if issued else None,
                len(measures),
                len(dates),
                len(asked),
                missing,
                compiling,
            )
        )
    return tuple(out)


def asked_for(deadline: int | None, year: int) -> bool:
    """Whether a workbook for ``year`` asks for an indicator's figure (not after its deadline)."""
    return deadline is None or year <= deadline
