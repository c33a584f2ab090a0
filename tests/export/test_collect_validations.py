"""A `kpi collect` workbook keeps one data validation per run of rows with the same rule (a sheet of thousands of
measures holds a few, not one per cell), and every input cell still has exactly its own rule; the workbooks of a long
run are freed as they are written (the cycle collector is left as it was found)."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from kpi.export.collect import collect
from kpi.plan.loader import read_plan

TODAY = dt.date(2026, 6, 20)


def measure(number: int, unit: str, qualitative: bool = False) -> str:
    level = f'kind = "level"\ndirection = "up"\nunit = "{unit}"\ntarget = 10\ndeadline = 2030'
    kind = 'kind = "qualitative"' if qualitative else level
    return f"""\
id = "2025-{number:03d}"
title = "施策{number}"
ministries = ["厚生労働省"]

[editions.2025]
number = {number}
pillar = "1-1"

[[indicators]]
id = "a"
name = "指標{number}"
{kind}
"""


def rules_by_cell(sheet: object) -> dict[str, list[tuple[str | None, str | None, str | None]]]:
    """Each validated cell: the rules covering it, a custom formula as Excel applies it to that cell's row."""
    found: dict[str, list[tuple[str | None, str | None, str | None]]] = {}
    for dv in sheet.data_validations.dataValidation:  # type: ignore[attr-defined]
        for ranged in dv.sqref.ranges:
            c1, r1, c2, r2 = range_boundaries(str(ranged))
            for row in range(r1, r2 + 1):
                formula = dv.formula1
                if dv.type == "custom" and formula:
                    shift = row - r1
                    formula = re.sub(r"L(\d+)", lambda m, s=shift: f"L{int(m.group(1)) + s}", formula)
                for col in range(c1, c2 + 1):
                    found.setdefault(f"{chr(64 + col)}{row}", []).append((dv.type, formula, dv.prompt))
    return found


def test_one_validation_per_run_and_each_cell_its_own_rule(tmp_path: Path, make_plan: Callable[..., Path]) -> None:
    units = ["人", "人", "人", "件", "件", "人"]
    files = {f"2025-{n:03d}": measure(n, unit) for n, unit in enumerate(units, start=1)}
    files |= {"2025-007": measure(7, "", qualitative=True), "2025-008": measure(8, "", qualitative=True)}
    root = make_plan(tmp_path, files)
    assert gc.get_freeze_count() == 0
    [issued] = collect(read_plan(root), 2025, tmp_path / "out", today=TODAY)
    assert gc.get_freeze_count() == 0  # the plan set aside while the workbooks were made, and given back
    book = load_workbook(issued.path)
    sheet = book["指標"]
    first = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "No.") + 1  # the first measure's row
    rules = rules_by_cell(sheet)
    for offset, unit in enumerate(units):
        row = first + offset
        [(kind, formula, prompt)] = rules[f"L{row}"]
        assert kind == "custom" and formula == f'OR(ISNUMBER(L{row}),L{row}="集計中")'  # as the file holds it
        assert prompt is not None and f"単位: {unit}" in prompt
    for row in (first + 6, first + 7):
        [(kind, formula, _)] = rules[f"L{row}"]
        assert kind == "list" and formula is not None and "実施済" in formula
    assert len(sheet.data_validations.dataValidation) == 4  # 人人人, 件件, 人, and the two qualitative rows
    report = book["報告"]
    report_rules = rules_by_cell(report)
    rows = range(first, first + 8)
    for col in "GIKM":
        assert all([kind for kind, _, _ in report_rules[f"{col}{row}"]] == ["textLength"] for row in rows)
    assert all([kind for kind, _, _ in report_rules[f"L{row}"]] == ["decimal"] for row in rows)
    assert len(report.data_validations.dataValidation) == 5  # one per column
