"""`kpi diff` as text: plain lines for a terminal, Markdown for a pull-request comment, JSON for tools."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from kpi.history.diff import LOWERS, ActualChange, FieldChange, IndicatorDiff, MeasureDiff, PlanDiff
from kpi.history.gitrev import Side
from kpi.model import YearBasis
from kpi.plan.fields import YEAR_FIELDS
from kpi.text import excerpt, number

SHOWN_AS_YEAR = YEAR_FIELDS | {"retired"}  # fields whose values diff text shows as fiscal years
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def value_text(name: str, value: object, era: str = "FY") -> str:
    """A field value for people: numbers with separators, years as FY (CY for a calendar-year indicator's), milestones
    as a list, unset as —."""
    if value is None or value == "" or value == ():
        return "—"
    if name.startswith("reports.") and isinstance(value, str):
        return f"「{excerpt(value)}」"  # a report text: a short excerpt
    if name.startswith("reports.") and isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(f"{era}{y}: {number(v)}" for y, v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name in SHOWN_AS_YEAR and isinstance(value, int):
        return f"{era}{value}"
    if isinstance(value, int | float):
        return number(value)
    return str(value)


def figure_text(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return f"{number(value)} {unit}".rstrip()


def side_text(side: Side) -> str:
    return side.label if side.commit is None or side.label == side.commit else f"{side.label} ({side.commit[:12]})"


def _field_line(change: FieldChange, era: str = "FY") -> str:
    was, now = value_text(change.field, change.old, era), value_text(change.field, change.new, era)
    text = f"{change.field}: {was} → {now}"
    if change.effect:
        text += f" ({change.effect} ambition)"
    if change.governed:
        text += f"; reason: {change.reason}" if change.reason is not None else "; NO revisions entry"
    return text


def _actual_line(change: ActualChange, unit: str, era: str = "FY") -> str:
    if change.change == "added":
        return f"{era}{change.year}: {figure_text(change.new, unit)} (new)"
    if change.change == "removed":
        return f"{era}{change.year}: {figure_text(change.old, unit)} removed"
    return f"{era}{change.year}: {figure_text(change.old, unit)} → {figure_text(change.new, unit)}"


def _era(ind: IndicatorDiff) -> str:
    return "CY" if ind.year_basis is YearBasis.CALENDAR else "FY"


def _indicator_lines(ind: IndicatorDiff, markdown: bool = False) -> Iterator[str]:
    era = _era(ind)
    yield from (_md_field(c, era) if markdown else _field_line(c, era) for c in ind.fields)
    lines = [_actual_line(a, ind.unit, era) for a in ind.actuals]
    if ind.status_changed:
        assert ind.old_status is not None and ind.new_status is not None
        lines.append(f"status: {ind.old_status.value} → {ind.new_status.value}")
    elif ind.change == "added" and ind.new_status is not None:
        lines.append(f"status: {ind.new_status.value}")
    yield from (md_text(line) if markdown else line for line in lines)


def _heading(m: MeasureDiff) -> str:
    number_text = f"No. {m.number} " if m.number is not None else ""
    renamed = f", was {m.old_id}" if m.old_id else ""
    return f"{number_text}{m.id} {m.title} [{m.change}{renamed}]"


def to_text(diff: PlanDiff) -> str:
    """One block per measure, indented lines per indicator; the counts first."""
    lines = [f"{side_text(diff.base)} → {side_text(diff.head)}, judged for FY{diff.year}", diff.summary()]
    for path in diff.unreadable:
        lines.append(f"not compared: {path} does not load (run kpi check)")
    for m in diff.measures:
        lines += ["", _heading(m)]
        lines += [f"  {_field_line(c)}" for c in m.fields]
        for ind in m.indicators:
            lines.append(f"  {ind.id} {ind.name}" + ("" if ind.change == "changed" else f" [{ind.change}]"))
            lines += [f"    {line}" for line in _indicator_lines(ind)]
    return "\n".join(lines) + "\n"


def md_text(text: str) -> str:
    """File content made inert in Markdown: no markup, no HTML, one line."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _code(text: str) -> str:
    """Text for a Markdown code span (which shows backslashes as they are)."""
    return " ".join(text.split()).replace("`", "'")


def to_markdown(diff: PlanDiff) -> str:
    """A ready pull-request comment: counts at the top, then what changed per measure, unexplained target changes flagged."""
    counts = diff.counts()
    lines = [
        "## kpi diff",
        "",
        f"**{diff.summary()}**",
        "",
        f"`{_code(side_text(diff.base))}` → `{_code(side_text(diff.head))}`, statuses judged for FY{diff.year}.",
    ]
    if counts["unexplained"]:
        lines += [
            "",
            f"> **Warning:** {counts['unexplained']} target change(s) have no matching revisions entry; "
            "`kpi check --against` fails until each gets one (field, old, new, reason).",
        ]
    for path in diff.unreadable:
        lines += ["", f"> Not compared: `{_code(path)}` does not load (run `kpi check`)."]
    for m in diff.measures:
        lines += ["", f"### {md_text(_heading(m))}", ""]
        lines += [f"- {_md_field(c)}" for c in m.fields]
        for ind in m.indicators:
            tag = "" if ind.change == "changed" else f" *({ind.change})*"
            lines.append(f"- {md_text(ind.name)} (`{ind.id}`){tag}")
            lines += [f"  - {line}" for line in _indicator_lines(ind, markdown=True)]
    return "\n".join(lines) + "\n"


def _md_field(change: FieldChange, era: str = "FY") -> str:
    name = change.field
    was, now = md_text(value_text(name, change.old, era)), md_text(value_text(name, change.new, era))
    text = f"{md_text(name)}: {was} → {now}"
    if change.effect:
        text += " (**lowers ambition**)" if change.effect == LOWERS else f" ({change.effect} ambition)"
    if change.governed:
        text += f"; reason: {md_text(change.reason)}" if change.reason is not None else "; **no revisions entry**"
    return text


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [{"year": y, "value": v} for y, v in value]
    return value


def to_json(diff: PlanDiff) -> str:
    """Everything in the diff as data, with the counts and the one-line summary."""

    def side(s: Side) -> dict[str, Any]:
        return {"label": s.label, "commit": s.commit}

    def fields(changes: tuple[FieldChange, ...]) -> list[dict[str, Any]]:
        return [
            {
                "field": c.field,
                "old": _json_value(c.old),
                "new": _json_value(c.new),
                "effect": c.effect or None,
                "governed": c.governed,
                "explained": c.explained,
                "reason": c.reason,
            }
            for c in changes
        ]

    payload = {
        "base": side(diff.base),
        "head": side(diff.head),
        "year": diff.year,
        "summary": diff.summary(),
        "counts": diff.counts(),
        "unreadable": list(diff.unreadable),
        "measures": [
            {
                "id": m.id,
                "old_id": m.old_id,
                "number": m.number,
                "title": m.title,
                "change": m.change,
                "was_lagging": m.was_lagging,
                "now_lagging": m.now_lagging,
                "fields": fields(m.fields),
                "indicators": [
                    {
                        "id": i.id,
                        "name": i.name,
                        "unit": i.unit,
                        "change": i.change,
                        "fields": fields(i.fields),
                        "actuals": [{"year": a.year, "old": a.old, "new": a.new, "change": a.change} for a in i.actuals],
                        "old_status": i.old_status.value if i.old_status else None,
                        "new_status": i.new_status.value if i.new_status else None,
                    }
                    for i in m.indicators
                ],
            }
            for m in diff.measures
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
