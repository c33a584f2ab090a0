"""`kpi diff` as text: plain lines for a terminal, Markdown for a pull-request comment, JSON for tools."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from kpi.history.diff import LOWERS, RAISES, ActualChange, FieldChange, IndicatorDiff, MeasureDiff, PlanDiff
from kpi.history.gitrev import WORKTREE, Side
from kpi.i18n import Lang, _, active, speaking
from kpi.model import Edition, Status, YearBasis
from kpi.plan.fields import YEAR_FIELDS
from kpi.text import excerpt, number
from kpi.views.labels import status_label, year_label
from kpi.views.show import edition_text

SHOWN_AS_YEAR = YEAR_FIELDS  # fields whose values diff text shows as years (FY2026 / 令和8年度; CY for calendar)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def value_text(name: str, value: object, basis: YearBasis = YearBasis.FISCAL) -> str:
    """A field value for people: numbers with separators, years as officers write them (FY2026 / 令和8年度, a calendar-year
    indicator's as CY / 年), milestones as a list, placements as the plan prints them, unset as —."""
    lang = active()
    if value is None or value == "" or value == ():
        return "—"
    if name.startswith("reports.") and isinstance(value, str):
        return f"「{excerpt(value)}」"  # a report text: a short excerpt
    if name.startswith("reports.") and isinstance(value, dt.date):
        return value.isoformat()
    if name == "editions" and isinstance(value, tuple):
        return _sep(lang).join(edition_text(Edition(year, number_, pillar), lang) for year, number_, pillar in value)
    if isinstance(value, tuple):
        return ", ".join(f"{year_label(y, basis, lang)}: {number(v)}" for y, v in value)
    if isinstance(value, bool):
        return _("yes", ctx="diff") if value else _("no", ctx="diff")
    if name == "retired" and isinstance(value, int):
        return _("{edition} edition", edition=value)
    if name in SHOWN_AS_YEAR and isinstance(value, int):
        return year_label(value, basis, lang)
    if isinstance(value, int | float):
        return number(value)
    return str(value)


def _sep(lang: Lang) -> str:
    return "、" if lang is Lang.JA else "; "


def figure_text(value: float | str | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):  # a qualitative figure: done, in_progress, not_started
        try:
            return status_label(Status(value), active())
        except ValueError:
            return value
    return f"{number(value)} {unit}".rstrip()


def side_text(side: Side) -> str:
    """``v1 (0123456789ab)``, ``merge base with main (…)``, ``working tree`` — in the active language."""
    label = side.label
    if side.commit is None and label == WORKTREE:
        label = _("working tree", ctx="diff")
    elif label.startswith("merge-base(") and label.endswith(")"):
        label = _("merge base with {branch}", branch=label[len("merge-base(") : -1])
    return label if side.commit is None or side.label == side.commit else f"{label} ({side.commit[:12]})"


def _effect(effect: str, markdown: bool) -> str:
    if effect == LOWERS:
        return _(" (**lowers ambition**)") if markdown else _(" (lowers ambition)")
    if effect == RAISES:
        return _(" (raises ambition)")
    return ""


def _field_line(change: FieldChange, basis: YearBasis = YearBasis.FISCAL) -> str:
    was, now = value_text(change.field, change.old, basis), value_text(change.field, change.new, basis)
    text = f"{change.field}: {was} → {now}" + _effect(change.effect, False)
    if change.governed:
        text += _("; reason: {reason}", reason=change.reason) if change.reason is not None else _("; NO revisions entry")
    return text


def _actual_line(change: ActualChange, unit: str, basis: YearBasis = YearBasis.FISCAL) -> str:
    year = year_label(change.year, basis, active())
    if change.change == "added":
        return _("{year}: {figure} (new)", year=year, figure=figure_text(change.new, unit))
    if change.change == "removed":
        return _("{year}: {figure} removed", year=year, figure=figure_text(change.old, unit))
    return f"{year}: {figure_text(change.old, unit)} → {figure_text(change.new, unit)}"


def _indicator_lines(ind: IndicatorDiff, markdown: bool = False) -> Iterator[str]:
    basis = ind.year_basis
    yield from (_md_field(c, basis) if markdown else _field_line(c, basis) for c in ind.fields)
    lines = [_actual_line(a, ind.unit, basis) for a in ind.actuals]
    lang = active()
    if ind.status_changed:
        assert ind.old_status is not None and ind.new_status is not None
        old, new = status_label(ind.old_status, lang), status_label(ind.new_status, lang)
        lines.append(_("status: {old} → {new}", old=old, new=new))
    elif ind.change == "added" and ind.new_status is not None:
        lines.append(_("status: {new}", new=status_label(ind.new_status, lang)))
    yield from (md_text(line) if markdown else line for line in lines)


def _change(change: str) -> str:
    """What happened to a measure or an indicator: added, removed … (追加、削除 …)."""
    words = {
        "added": _("added", ctx="change"),
        "removed": _("removed", ctx="change"),
        "retired": _("retired", ctx="change"),
        "renamed": _("renamed", ctx="change"),
        "changed": _("changed", ctx="change"),
    }
    return words.get(change, change)


def _heading(m: MeasureDiff) -> str:
    number_text = f"No. {m.number} " if m.number is not None else ""
    change = _change(m.change) if not m.old_id else _("{change}, was {old_id}", change=_change(m.change), old_id=m.old_id)
    return f"{number_text}{m.id} {m.title} [{change}]"


def to_text(diff: PlanDiff, lang: Lang | None = None) -> str:
    """One block per measure, indented lines per indicator; the counts first."""
    with speaking(lang):
        year = year_label(diff.year, YearBasis.FISCAL, active())
        lines = [_("{base} → {head}, judged for {year}", base=side_text(diff.base), head=side_text(diff.head), year=year)]
        lines.append(diff.summary())
        for path in diff.unreadable:
            lines.append(_("not compared: {path} does not load (run kpi check)", path=_unreadable(path)))
        for m in diff.measures:
            lines += ["", _heading(m)]
            lines += [f"  {_field_line(c)}" for c in m.fields]
            for ind in m.indicators:
                lines.append(f"  {ind.id} {ind.name}" + ("" if ind.change == "changed" else f" [{_change(ind.change)}]"))
                lines += [f"    {line}" for line in _indicator_lines(ind)]
        return "\n".join(lines) + "\n"


def _unreadable(entry: str) -> str:
    """``measures/x.toml (working tree)``: the side in the active language."""
    suffix = f" ({WORKTREE})"
    return entry[: -len(suffix)] + _(" (working tree)", ctx="diff") if entry.endswith(suffix) else entry


def md_text(text: str) -> str:
    """File content made inert in Markdown: no markup, no HTML, one line."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _code(text: str) -> str:
    """Text for a Markdown code span (which shows backslashes as they are)."""
    return " ".join(text.split()).replace("`", "'")


def to_markdown(diff: PlanDiff, lang: Lang | None = None) -> str:
    """A ready pull-request comment: counts at the top, then what changed per measure, unexplained target changes flagged."""
    with speaking(lang):
        counts = diff.counts()
        year = year_label(diff.year, YearBasis.FISCAL, active())
        base, head = f"`{_code(side_text(diff.base))}`", f"`{_code(side_text(diff.head))}`"
        lines = [
            "## kpi diff",
            "",
            f"**{diff.summary()}**",
            "",
            _("{base} → {head}, statuses judged for {year}.", base=base, head=head, year=year),
        ]
        if counts["unexplained"]:
            warning = _(
                "> **Warning:** {count} target change(s) have no matching revisions entry; "
                "`kpi check --against` fails until each gets one (field, old, new, reason).",
                count=counts["unexplained"],
            )
            lines += ["", warning]
        for path in diff.unreadable:
            lines += ["", _("> Not compared: `{path}` does not load (run `kpi check`).", path=_code(_unreadable(path)))]
        for m in diff.measures:
            lines += ["", f"### {md_text(_heading(m))}", ""]
            lines += [f"- {_md_field(c)}" for c in m.fields]
            for ind in m.indicators:
                tag = "" if ind.change == "changed" else f" *({_change(ind.change)})*"
                lines.append(f"- {md_text(ind.name)} (`{ind.id}`){tag}")
                lines += [f"  - {line}" for line in _indicator_lines(ind, markdown=True)]
        return "\n".join(lines) + "\n"


def _md_field(change: FieldChange, basis: YearBasis = YearBasis.FISCAL) -> str:
    name = change.field
    was, now = md_text(value_text(name, change.old, basis)), md_text(value_text(name, change.new, basis))
    text = f"{md_text(name)}: {was} → {now}" + _effect(change.effect, True)
    if change.governed:
        text += (
            _("; reason: {reason}", reason=md_text(change.reason)) if change.reason is not None else _("; **no revisions entry**")
        )
    return text


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple) and value and len(value[0]) == 3:  # placements: (edition, number, heading)
        return [{"edition": e, "number": n, "pillar": p} for e, n, p in value]
    if isinstance(value, tuple):
        return [{"year": y, "value": v} for y, v in value]
    return value


def to_json(diff: PlanDiff, lang: Lang | None = None) -> str:
    """Everything in the diff as data, with the counts and the one-line summary (in the active language)."""
    with speaking(lang):
        return _json(diff)


def _json(diff: PlanDiff) -> str:

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
