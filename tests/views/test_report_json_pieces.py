"""`kpi report --format json` is written in pieces; joined, they are the one JSON text, whatever the piece size."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from kpi.judge.report import build_report
from kpi.plan.loader import read_plan
from kpi.views.labels import Lang
from kpi.views.report import json_pieces, to_json

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize("size", [1, 2, 7, 142, 143, 144, 500])
def test_pieces_join_to_the_whole_text(size: int) -> None:
    report = build_report(read_plan(ROOT), year=2024)
    pieces = list(json_pieces(report, Lang.EN, measures_per_piece=size))
    whole = to_json(report, Lang.EN)
    assert "".join(pieces) == whole
    assert len(pieces) == len(report.measures) // size + 1
    assert len(json.loads(whole)["measures"]) == len(report.measures) == 143


def test_an_empty_report_is_one_piece() -> None:
    report = dataclasses.replace(build_report(read_plan(ROOT), year=2024), measures=())
    assert list(json_pieces(report, Lang.JA)) == [to_json(report, Lang.JA)]
    assert json.loads(to_json(report, Lang.JA))["measures"] == []
