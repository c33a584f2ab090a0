"""The text `kpi narrate --edit` opens in $EDITOR: a year's three texts under marker lines, and reading it back."""

from __future__ import annotations

import re

from kpi.errors import KpiError
from kpi.i18n import N_, _
from kpi.model import Report

# Marker lines name the key and the heading officers know; the text of each key is everything up to the next marker.
SECTIONS = (
    ("done", "取組実績 / What was done"),
    ("issues", "課題・要因分析 / Issues and causes"),
    ("next", "今後の取組方針 / Next steps"),
)
_MARKER = re.compile(r"^=== (done|issues|next)\b.*===\s*$")
HELP = N_("# Write each text below its === line; lines starting with # are dropped. Save and close to record.")


def form_text(report: Report | None, given: dict[str, str] | None = None) -> str:
    """The form to edit: each key's current text (or the text given on the command line)."""
    given = given or {}
    parts = [_(HELP) + "\n"]
    for key, heading in SECTIONS:
        current = given.get(key, report.text(key) if report is not None else None) or ""
        parts.append(f"=== {key}: {heading} ===\n{current}\n" + ("\n" if current else ""))
    return "".join(parts)


def read_form(text: str) -> dict[str, str]:
    """The texts the officer left in the form, by key ("" for an emptied section: that removes the text)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        found = _MARKER.match(line)
        if found:
            current = found.group(1)
            out[current] = []
        elif current is not None and not line.startswith("#"):
            out[current].append(line)
    missing = [key for key, _ in SECTIONS if key not in out]
    if missing:
        raise KpiError(
            _(
                "the edited text has no '=== {key}: …' line; keep the === lines as they were (nothing was recorded)",
                key=missing[0],
            )
        )
    return {key: "\n".join(lines).strip() for key, lines in out.items()}
