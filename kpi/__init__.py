"""kpi — track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment.

The few functions a Python user needs, imported on first use (``import kpi`` alone stays instant)::

    import kpi
    plan = kpi.read_plan(Path("."))          # kpi.toml and every measure file, checked
    report = kpi.build_report(plan, year=2024)
    for result in report.measures: ...
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kpi.judge.assess import assess_indicator
    from kpi.judge.report import build_report
    from kpi.plan.loader import check_plan, load_plan, read_plan

__all__ = ["__version__", "assess_indicator", "build_report", "check_plan", "load_plan", "read_plan"]

_PUBLIC = {
    "read_plan": "kpi.plan.loader",  # the plan, or a ProblemError naming the first broken file
    "load_plan": "kpi.plan.loader",  # the plan with every problem found (never stops at the first)
    "check_plan": "kpi.plan.loader",  # every problem, as `kpi check` lists them
    "build_report": "kpi.judge.report",  # every measure judged for an evaluation year
    "assess_indicator": "kpi.judge.assess",  # one indicator judged
}


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    from kpi.i18n import _

    raise AttributeError(_("module {module} has no attribute {name!r}", module=__name__, name=name))
