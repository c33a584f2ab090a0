"""The ``[editions.<year>]`` tables of a measure file: where the measure sits in each edition of the plan."""

from __future__ import annotations

from kpi import fiscal
from kpi.errors import BadYear
from kpi.i18n import _
from kpi.model import Edition
from kpi.plan.fields import EDITION_KEYS, INT64, PILLAR, YEAR_KEY, FieldReader
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
    for key, entry in table.items():
        path = ("editions", key)
        if not YEAR_KEY.fullmatch(key):
            try:
                fix = _("write [editions.{year}]", year=fiscal.parse_year(key))
            except BadYear:
                fix = _("name the table after the plan's year, e.g. [editions.{edition}]", edition=current)
            p.problem(path, _("{got} is not an edition year; {fix}", got=show_value(key), fix=fix))
            continue
        edition = _edition(p, int(key), entry, path)
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
