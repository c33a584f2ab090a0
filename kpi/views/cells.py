"""Text from the plan made safe where it lands: a spreadsheet cell (no live formula) and a markdown table cell."""

from __future__ import annotations

__all__ = ["FORMULA_START", "md_cell", "safe_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text that a spreadsheet would run as a formula (numbers pass through)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
