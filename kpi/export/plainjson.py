"""The JSON export: the rows as data, with the summaries and the provenance, written a few hundred rows at a time."""

from __future__ import annotations

from collections.abc import Iterator

from kpi.export.plain import PIECE_ROWS, keyed_rows, listed_headings, summaries
from kpi.export.table import Evaluation
from kpi.views.jsontext import indented_pieces


def json_pieces(ev: Evaluation, rows_per_piece: int = PIECE_ROWS) -> Iterator[str]:
    """The rows as data, with the summaries and the provenance: ``json.dumps(payload, ensure_ascii=False,
    indent=2) + "\\n"`` of {provenance, headings, rows, summary}, the rows (and the summaries' rows) made as they are
    written (kpi.views.jsontext), a few hundred values to a piece."""
    cols = ev.machine_columns()
    fields = [c.key for c in cols if not c.key.startswith("fy")]
    years = [c.key for c in cols if c.key.startswith("fy")]

    def records() -> Iterator[dict[str, object]]:
        for key, row in keyed_rows(ev):
            record = {k: row.values[k] for k in fields}
            record["pillar"] = key  # the heading's code, where the columns hold its text
            record["recent_actuals"] = {k[2:]: row.values[k] for k in years}
            yield record

    summary = {
        s.key: {"title": s.title, "header": list(s.header), "rows": (list(values) for values in s.rows)} for s in summaries(ev)
    }
    payload = {"provenance": ev.provenance.record(), "headings": listed_headings(ev), "rows": records(), "summary": summary}
    return indented_pieces(payload, rows_per_piece)


def to_json(ev: Evaluation) -> str:
    """The rows as data, with the summaries and the provenance: ``json_pieces`` joined."""
    return "".join(json_pieces(ev))
