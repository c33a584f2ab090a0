"""A judged indicator's first Assessment is made without the frozen dataclass __init__: it is what __init__ makes."""

from __future__ import annotations

import dataclasses

from kpi.judge.assess import Assessment, _fresh
from kpi.model import Indicator, Kind, Method, Status


def test_fresh_is_the_assessment_init_makes() -> None:
    ind = Indicator(id="a", name="n", kind=Kind.LEVEL, target=2.0, deadline=2027)
    given = {"indicator": ind, "year": 2025, "method": Method.LINEAR, "status": Status.NO_DATA, "target": 2.0, "deadline": 2027}
    quick, slow = _fresh(**given), Assessment(**given)  # type: ignore[arg-type]
    assert quick == slow
    assert vars(quick) == vars(slow) and list(vars(quick)) == list(vars(slow))
    assert [getattr(quick, f.name) for f in dataclasses.fields(Assessment)] == [
        getattr(slow, f.name) for f in dataclasses.fields(Assessment)
    ]
