"""Text from the plan made safe where it lands: a spreadsheet cell (no live formula) and a markdown table cell."""

from __future__ import annotations

from kpi.text import terminal_safe

__all__ = ["FORMULA_START", "md_cell", "safe_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text that a spreadsheet would run as a formula (numbers pass through)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def md_cell(text: str) -> str:
    """Text for a Markdown table cell or heading: no live link, image, HTML tag or terminal control left.

    ``\\`` and ``|`` escaped (the table holds), ``[`` and ``]`` escaped (``![x](http://…)`` and ``[x](javascript:…)``
    stay text), ``<``, ``>`` and ``&`` as entities (a wiki that renders HTML shows ``<script>`` as text), line breaks as
    ``<br>`` and control characters as escapes.
    """
    import html  # here: a terminal table needs no HTML

    text = html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
    text = text.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
    return terminal_safe(text)
