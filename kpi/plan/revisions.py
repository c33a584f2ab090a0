"""The ``[[indicators.revisions]]`` entries of an indicator: each recorded change of its target and what it means."""

from __future__ import annotations

import datetime as dt

from kpi.i18n import _
from kpi.model import Revision
from kpi.plan.fields import REVISION_FIELDS, REVISION_KEYS, FieldReader
from kpi.plan.tomlread import KeyPath, show_value
from kpi.text import listing


def read_revisions(p: FieldReader, value: object, path: KeyPath) -> tuple[Revision, ...]:
    """Every entry of ``revisions`` (at ``path``) that is complete; a problem noted for each one that is not."""
    if value is None:
        return ()
    if not isinstance(value, list):
        p.problem(path, _("expected [[indicators.revisions]] tables (double brackets)"))
        return ()
    out = []
    for index, entry in enumerate(value):
        revision = _revision(p, entry, (*path, index))
        if revision is not None:
            out.append(revision)
    return tuple(out)


def _revision(p: FieldReader, entry: object, path: KeyPath) -> Revision | None:
    body = p.table(entry, path, "[[indicators.revisions]]")
    if body is None:
        return None
    p.unknown_keys(body, REVISION_KEYS, path)
    date = body.get("date")
    if date is None:
        p.problem((*path, "date"), _("required key is missing; add the day of the change: date = 2025-06-01 (no quotes)"))
        return None
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        p.problem((*path, "date"), _("expected a date like 2025-06-01 (no quotes), got {got}", got=show_value(date)))
        return None
    changed = p.string(body, "field", path, required=True)
    if changed is not None and changed not in REVISION_FIELDS:
        fields = listing(sorted(REVISION_FIELDS))
        message = _("{got} is not a revisable field; use one of {fields}", got=show_value(changed), fields=fields)
        p.problem((*path, "field"), message)
        return None
    reason = p.string(body, "reason", path, required=True)
    missing = [key for key in ("old", "new") if key not in body]
    if missing:
        key = missing[0]
        message = _("required key is missing; a revision records both old and new values: add {key} = ...", key=key)
        p.problem((*path, key), message)
        return None
    if changed is None or reason is None:
        return None
    return Revision(date, changed, body["old"], body["new"], reason)
