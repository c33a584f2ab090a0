"""The judge's quick copy of an Assessment is exactly what dataclasses.replace builds."""

from __future__ import annotations

import dataclasses

from kpi.judge.assess import Assessment, _with
from kpi.model import Indicator, Kind, Method, Status


def test_the_quick_copy_is_replace() -> None:
    indicator = Indicator(id="users", name="利用者数", kind=Kind.LEVEL)
    base = Assessment(indicator=indicator, year=2024, method=Method.LINEAR, status=Status.NO_DATA, target=10.0)
    changes: dict[str, object] = {"status": Status.ON_TRACK, "actual": 8.0, "actual_year": 2024, "note": "速報値"}
    quick, slow = _with(base, **changes), dataclasses.replace(base, **changes)  # type: ignore[arg-type]
    assert quick == slow and vars(quick) == vars(slow) and type(quick) is Assessment
    assert base.status is Status.NO_DATA  # the original is untouched
    assert not hasattr(Assessment, "__post_init__") and not hasattr(Assessment, "__slots__")
