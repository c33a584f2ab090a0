"""The ``[editions.<year>]`` tables of a measure file: where the measure sits in each edition of the plan."""

from __future__ import annotations

from kpi.i18n import N_, _
from kpi.model import Edition
from kpi.plan.fields import EDITION_KEYS, INT64, PILLAR, FieldReader
from kpi.plan.tomlread import KeyPath, show_value


def read_editions(p: FieldReader, value: object, current: int) -> tuple[Edition, ...]:
    """Every ``[editions.<year>]`` table, sorted by year (``current``: the plan's edition, for the examples)."""
    if value is None:
        message = _("required table is missing; add [editions.{edition}] with number and pillar", edition=current)
        p.problem(("editions",), message)
        return ()
    table = p.table(value, ("editions",), f"[editions.{current}]")
    if table is None:
        return ()
    before = p.errors
    out = []
    otherwise = _("name the table after the plan's year, e.g. [editions.{edition}]", edition=current)
    for year, entry, path in p.year_tables(table, "editions", N_("{key} is not an edition year; {fix}"), otherwise):
        edition = _edition(p, year, entry, path)
        if edition is not None:
            out.append(edition)
    if not out and p.errors == before:
        message = _("no edition listed; add [editions.{edition}] with number and pillar", edition=current)
        p.problem(("editions",), message)
    return tuple(sorted(out, key=lambda e: e.year))


def _edition(p: FieldReader, year: int, entry: object, path: KeyPath) -> Edition | None:
    body = p.table(entry, path, _("[editions.{year}] with number and pillar", year=year))
    if body is None:
        return None
    p.unknown_keys(body, EDITION_KEYS, path)
    number = body.get("number")
    if number is None:
        message = _("required key is missing; add number = <the measure's number in the {year} edition>", year=year)
        p.problem((*path, "number"), message)
        return None
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number < INT64:
        got = show_value(number)
        message = _("expected the measure's number (a whole number from 1), got {got}; write e.g. number = 8", got=got)
        p.problem((*path, "number"), message)
        return None
    pillar = p.string(body, "pillar", path, required=True)
    if pillar is None:
        return None
    if not PILLAR.fullmatch(pillar):
        p.problem((*path, "pillar"), _('{got} is not a heading; write the heading (1)② as "1-2"', got=show_value(pillar)))
        return None
    also = p.strings(body, "also", path)
    for heading in also:
        if not PILLAR.fullmatch(heading):
            p.problem((*path, "also"), _('{got} is not a heading; write the heading (3)① as "3-1"', got=show_value(heading)))
            return None
    return Edition(year, number, pillar, also)
