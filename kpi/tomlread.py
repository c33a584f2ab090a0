"""Reading TOML files fast (tomllib) and finding the line a key sits on when a problem needs it."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpi.errors import Problem

KeyPath = Sequence[str | int]

BOM = b"\xef\xbb\xbf"
_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_EOF = re.compile(r"\s*\(at end of document\)$")


def display_key(path: KeyPath) -> str:
    """``("indicators", 0, "deadline")`` -> ``indicators[0].deadline``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def decode(raw: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 with or without a BOM; anything else is a problem."""
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"the file is not UTF-8 (byte 0x{bad:02x}; saved as Shift_JIS?); re-save it as UTF-8 in your editor"
        return None, Problem(shown, "", message, line)


def parse(text: str, shown: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """Text to a dict with tomllib; a syntax error becomes a problem with its line."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = None
        column = None
        match = _TOML_POS.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        else:
            match = _TOML_EOF.search(message)
            if match:
                message = message[: match.start()]
                line = text.count("\n") + 1
        where = f" at column {column}" if column else ""
        fix = f"invalid TOML ({message}{where}); fix the syntax on that line"
        return None, Problem(shown, "", fix, line)


def read(path: Path, shown: str) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """Read and parse one TOML file: (data, text, problem). Data is None when there is a problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, "", Problem(shown, "", f"cannot read the file ({exc.strerror}); check its permissions")
    text, problem = decode(raw, shown)
    if text is None:
        return None, "", problem
    data, problem = parse(text, shown)
    return data, text, problem


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class Locator:
    """Maps key paths to line numbers by scanning table headers and keys (good enough for messages)."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str | int, ...], int] = {}
        counters: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                names = _split_key(header.group(2))
                # Array-of-tables headers nest under the latest element of their parent arrays.
                array = header.group(1) == "[["
                resolved: list[str | int] = []
                for position, name in enumerate(names):
                    resolved.append(name)
                    last = position == len(names) - 1
                    if tuple(resolved) in counters and not (array and last):
                        resolved.append(counters[tuple(resolved)])
                if array:
                    key = tuple(resolved)
                    counters[key] = counters.get(key, -1) + 1
                    resolved.append(counters[key])
                table = tuple(resolved)
                self.lines.setdefault(table, number)
                continue
            key_match = _KEY.match(line)
            if key_match:
                self.lines.setdefault(table + tuple(_split_key(key_match.group(1))), number)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest enclosing key or table."""
        parts = tuple(path)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return None
