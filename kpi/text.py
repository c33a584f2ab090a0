"""Small text helpers every layer uses: numbers as officers read them, a figure with its unit, a file's shown path."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path

from kpi.i18n import Lang, _, active
from kpi.model import Actual, QualStatus

__all__ = [
    "actual_text",
    "excerpt",
    "finite",
    "listing",
    "number",
    "percent",
    "pillar_text",
    "shown_path",
    "status_text",
    "terminal_safe",
    "utf8_text",
]


def pillar_text(code: str | None) -> str:
    """A heading as the plan prints it: ``1-2`` -> ``(1)②``, ``3`` -> ``(3)``; empty for none (circled up to ⑳)."""
    if not code:
        return ""
    first, *rest = code.split("-")
    text = f"({first})"
    for part in rest:
        text += chr(0x2460 + int(part) - 1) if part.isdigit() and 1 <= int(part) <= 20 else f"-{part}"
    return text


def number(value: float | None) -> str:
    """``130000`` -> ``130,000``; ``84.30`` -> ``84.3``; None -> empty."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def finite(value: float | None) -> float | None:
    """The number, or None for undefined, NaN or infinite results (JSON, SQLite and spreadsheets have no NaN)."""
    if value is None or not math.isfinite(value):
        return None
    return value


def actual_text(actual: Actual, unit: str, *, as_written: bool = True) -> str:
    """One recorded figure as a message shows it: ``120,000 人``, or the qualitative status (``done``; 実施済),
    spelled as :func:`status_text` says."""
    if actual.status is not None:
        return status_text(actual.status, as_written=as_written)
    return f"{number(actual.value)} {unit}".rstrip()


def listing(names: Iterable[str]) -> str:
    """Names one after another, as a message lists them: ``a, b`` (English), ``a、b`` (Japanese)."""
    return ("、" if active() is Lang.JA else ", ").join(names)


def status_text(status: QualStatus, *, as_written: bool = True) -> str:
    """A qualitative status as messages name it: 実施済 / 実施中 / 未着手; in English as a file writes it
    (``done`` / ``in_progress`` / ``not_started``), or with ``as_written=False`` as a sentence says it (``in progress``)."""
    if status is QualStatus.DONE:
        return _("done", ctx="qualitative")
    if status is QualStatus.IN_PROGRESS:
        return _("in_progress", ctx="qualitative") if as_written else _("in progress", ctx="qualitative")
    return _("not_started", ctx="qualitative") if as_written else _("not started", ctx="qualitative")


def shown_path(path: Path, root: Path | None) -> str:
    """How kpi names a file: relative to the plan root, with forward slashes (``measures/2024-008.toml``)."""
    if root is None:
        return path.as_posix()
    text, base = str(path), str(root)
    if base == "." and not os.path.isabs(text):
        return text.replace(os.sep, "/")
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:  # the common case, without pathlib's cost
        return text[len(base) + 1 :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # a measures folder outside the plan root
        return Path(os.path.relpath(path, root)).as_posix()


# Control characters a terminal would act on (ESC starts "clear the screen", CR overwrites the line, C1 0x9b is CSI)
# and the bidirectional overrides that make text read in another order than it is: shown as escapes instead.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if c not in (0x09, 0x0A)}
_CONTROLS |= {c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_CONTROLS[0x0D] = "\\r"


def terminal_safe(text: str) -> str:
    """Text from a plan file made harmless for a terminal: control characters shown as ``\\x1b`` (newlines and tabs kept)."""
    return utf8_text(text.translate(_CONTROLS))


def utf8_text(text: str) -> str:
    """``text`` as valid UTF-8: the bytes of a file name that is not UTF-8 (kept by Python as lone surrogates) as ``\\xff``."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def excerpt(text: str | None, limit: int = 40) -> str:
    """A report text on one line, cut to ``limit`` characters: 「…」 quoted in messages and diffs."""
    if not text:
        return ""
    flat = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def column_letter(index: int) -> str:
    """A spreadsheet column's letters, counting from 0: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
