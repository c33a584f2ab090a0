"""The package's public face: ``import kpi`` is light, and its few functions load, judge and report a plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kpi
from kpi.model import Status

REPO = Path(__file__).resolve().parents[1]


def test_import_kpi_loads_no_layer() -> None:
    probe = "import sys, kpi; print(sorted(m for m in sys.modules if m.startswith('kpi.')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "[]"


def test_read_plan_and_build_report_on_the_shipped_plan() -> None:
    plan = kpi.read_plan(REPO)
    assert len(plan.measures) >= 143
    report = kpi.build_report(plan, year=2024)
    assert report.year == 2024
    statuses = {a.status for r in report.measures for a in r.assessments}
    assert statuses <= set(Status) and len(statuses) > 1
    assert kpi.check_plan(REPO) == kpi.load_plan(REPO).problems


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kpi.nope  # noqa: B018
