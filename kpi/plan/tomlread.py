"""Reading TOML files fast (tomllib) and finding the line a key sits on when a problem needs it."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpi.errors import Problem
from kpi.i18n import N_, _
from kpi.plan.rawfile import read_bytes

try:  # tomli is tomllib's own source, compiled (mypyc): the same results and messages, three times as fast
    import tomli as toml
except ImportError:  # no compiled wheel for this platform, or not installed: the standard library's
    import tomllib as toml  # type: ignore[no-redef]

PARSER = f"{toml.__name__} {getattr(toml, '__version__', '')}".strip()  # which parser reads plans (kpi.plan.cache keys on it)

KeyPath = Sequence[str | int]

BOM = b"\xef\xbb\xbf"
_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_EOF = re.compile(r"\s*\(at end of document\)$")

# What to do about tomllib's most common complaints, in words a ministry officer can act on.
# Each hint is shown with _(hint, brace="}") (a lone brace cannot be in a message).
_SYNTAX_HINTS = (
    ("Invalid value", N_('a value must be a number, true/false, a date, a [list] or "text in double quotes"')),
    (
        "Invalid statement",
        N_('each line is key = value or a [table] header; put a key with Japanese characters in "double quotes"'),
    ),
    ("Expected newline or end of document", N_("one key = value per line; write numbers without commas or units (120000)")),
    ("Unterminated string", N_('close the quotes on the same line (use """...""" for text over several lines)')),
    ("Illegal character", N_('close the quotes on the same line (use """...""" for text over several lines)')),
    ('Expected "\'"', N_("close the quotes on the same line")),
    ("Unclosed array", N_("close the list with ]")),
    ("Unclosed inline table", N_("close the table with {brace} on the same line")),
    ("Cannot overwrite a value", N_("a key is set twice; keep one of them")),
    ("Cannot declare", N_("a [table] header appears twice; merge the two tables into one")),
    ("Unescaped '\\'", N_("write \\\\ for a backslash in double quotes, or use 'single quotes'")),
    ("Expected ']'", N_("close the table header with ]")),
)


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def display_key(path: KeyPath) -> str:
    """``("indicators", 0, "deadline")`` -> ``indicators[0].deadline``; other keys quoted as TOML does (``"R 6"``)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += f".{name}" if out else name
    return out


def show_value(value: object, limit: int = 40) -> str:
    """A value as it would be written in TOML (``"next year"``, ``true``, ``nan``), cut to ``limit`` characters."""
    text: str
    if value is None:
        text = _("nothing", ctx="value")
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float) and not math.isfinite(value):
        text = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    elif isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, list):
        text = "[" + ", ".join(show_value(v, limit) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{k} = {show_value(v, limit)}" for k, v in value.items()) + " }"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decode(raw: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 with or without a BOM; anything else is a problem."""
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        if _looks_like_sjis(raw):
            guess = _("it looks like Shift_JIS")
        else:
            guess = _("byte 0x{byte:02x} is not UTF-8", byte=raw[exc.start])
        message = _("the file is not UTF-8 ({guess}); re-save it with the encoding UTF-8 in your editor", guess=guess)
        return None, Problem(shown, "", message, line)


def _looks_like_sjis(raw: bytes) -> bool:
    """Windows' Shift_JIS (cp932) reads it, without falling back on private-use characters for stray bytes."""
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    return not any("\ue000" <= char <= "\uf8ff" for char in text)


def parse(text: str, shown: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """Text to a dict with tomllib; a syntax error becomes a problem with its line, key and a hint."""
    try:
        return toml.loads(text), None
    except toml.TOMLDecodeError as exc:
        return None, syntax_problem(str(exc), text, shown)
    except RecursionError:  # lists or inline tables nested hundreds deep (a 1 KB file can do it)
        line = _deepest_line(text)
        message = _(
            "invalid TOML: lists or inline tables nested hundreds of levels deep; a measure file needs two levels at most"
        )
        return None, Problem(shown, display_key(Locator(text).key_at(line)) if line else "", message, line)
    except ValueError:  # a whole number of more than 4,300 digits, which Python will not read
        found = re.search(r"[0-9_]{4300,}", text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        message = _("invalid TOML: a number with thousands of digits; write the figure in a larger unit, or with a decimal point")
        return None, Problem(shown, display_key(Locator(text).key_at(line)) if line else "", message, line)


MAX_DEPTH = 100  # where the line of a too deep nesting is taken


def _deepest_line(text: str) -> int | None:
    """The line where brackets first open more than ``MAX_DEPTH`` deep (strings are not told apart: good enough)."""
    depth, line = 0, 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "\n":
            line += 1
    return None


def syntax_problem(error: str, text: str, shown: str) -> Problem:
    """Turn tomllib's message (``Invalid value (at line 3, column 9)``) into a located, fixable problem."""
    locator = Locator(text)
    line = text.rstrip("\r\n").count("\n") + 1  # "at end of document"
    where = _(" at the end of the file")
    message = error
    match = _TOML_POS.search(error)
    if match:
        line = int(match.group(1))
        where = _(" at line {line}, column {column}", line=line, column=match.group(2))
        message = error[: match.start()]
    else:
        match = _TOML_EOF.search(error)
        message = error[: match.start()] if match else error
    described = _parser_words(message[:1].lower() + message[1:])
    opened = locator.unclosed_line
    if opened is not None and opened <= line:
        # A list, table or text never closed swallows what follows: the line that opened it is the one to fix.
        kind = locator.unclosed_kind
        closer = {"list": "]", "inline table": "}", "text": '"""'}[kind]
        message = _(
            "invalid TOML: the {kind} opened on this line is never closed ({described}{where}); close it with {closer}",
            kind=_unclosed_name(kind),
            described=described,
            where=where,
            closer=closer,
        )
        return Problem(shown, display_key(locator.key_at(opened)), message, opened)
    hint = next((fix for start, fix in _SYNTAX_HINTS if message.startswith(start)), N_("fix the syntax on that line"))
    column = _(" at column {column}", column=match.group(2)) if match and match.re is _TOML_POS else ""
    text = _("invalid TOML: {described}{column}; {hint}", described=described, column=column, hint=_(hint, brace="}"))
    return Problem(shown, display_key(locator.key_at(line)), text, line)


def _parser_words(described: str) -> str:
    """The parser's complaint in the run's language: its fixed phrases translated, any other kept as the parser wrote it
    (those name the character or key in question)."""
    words = {
        "invalid value": _("invalid value", ctx="toml"),
        "invalid statement": _("invalid statement", ctx="toml"),
        "expected newline or end of document after a statement": _(
            "expected newline or end of document after a statement", ctx="toml"
        ),
        "unterminated string": _("unterminated string", ctx="toml"),
        "unclosed array": _("unclosed array", ctx="toml"),
        "unclosed inline table": _("unclosed inline table", ctx="toml"),
        "cannot overwrite a value": _("cannot overwrite a value", ctx="toml"),
        "invalid initial character for a key part": _("invalid initial character for a key part", ctx="toml"),
        "expected '=' after a key in a key/value pair": _("expected '=' after a key in a key/value pair", ctx="toml"),
        "invalid date or datetime": _("invalid date or datetime", ctx="toml"),
    }
    if described in words:
        return words[described]
    if described.startswith("illegal character "):
        return _("illegal character {char}", ctx="toml", char=described.removeprefix("illegal character "))
    declared = re.fullmatch(r"cannot declare (.+) twice", described)
    if declared:
        return _("cannot declare {table} twice", ctx="toml", table=declared.group(1))
    return described


def _unclosed_name(kind: str) -> str:
    """What was left open, as a message names it."""
    if kind == "list":
        return _("list", ctx="toml")
    if kind == "inline table":
        return _("inline table", ctx="toml")
    return _("text", ctx="toml")


def read(path: Path, shown: str) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """Read and parse one TOML file: (data, text, problem). Data is None when there is a problem."""
    raw, problem = read_bytes(path, shown)
    if raw is None:
        return None, "", problem
    text, problem = decode(raw, shown)
    if text is None:
        return None, "", problem
    data, problem = parse(text, shown)
    return data, text, problem


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")


def _split_key(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'""", key)
    return [_unquote(p) for p in parts]


def _unquote(part: str) -> str:
    if part[:1] == "'":
        return part[1:-1]
    if part[:1] == '"':
        try:  # a basic string may hold escapes ("2024\n"): let tomllib read it
            return str(toml.loads(f"k = {part}")["k"])
        except toml.TOMLDecodeError:
            return part[1:-1]
    return part


class Locator:
    """Maps key paths to line numbers by scanning table headers and keys (good enough for messages).

    Lines inside multi-line strings and multi-line arrays are not mistaken for keys, and the elements
    of an array (``milestones[1]``, ``ministries[0]``) get the line they start on.
    """

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str | int, ...], int] = {}
        self._written: dict[int, tuple[str | int, ...]] = {}  # line -> the key or header written there (repeats too)
        self.unclosed_line: int | None = None  # where a string or bracket still open at the end began
        self.unclosed_kind = ""  # what it is: "list", "inline table" or "text"
        self._counters: dict[tuple[str | int, ...], int] = {}
        self._table: tuple[str | int, ...] = ()
        self._string: str | None = None  # the delimiter of an open multi-line string
        self._stack: list[str] = []  # open [ and { of the current value
        self._array: tuple[str | int, ...] | None = None  # the key whose array value is open
        self._open_key: tuple[str | int, ...] = ()  # the key whose value (of any kind) runs over several lines
        self._index = -1
        self._expect = False  # in the array, before an element
        # Split on "\n" only: str.splitlines would also break at U+2028 and friends, which TOML does not.
        for number, line in enumerate(text.split("\n"), start=1):
            self._line(line.rstrip("\r"), number)

    def _note(self, path: tuple[str | int, ...], number: int, *, written: bool = True) -> None:
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], number)
        if written:
            self._written[number] = path

    def _line(self, line: str, number: int) -> None:
        if self._string is None and not self._stack:
            header = _HEADER.match(line)
            key = _KEY.match(line)
            if header and not key:
                self._header(header, number)
                return
            if key:
                path = self._table + tuple(_split_key(key.group(1)))
                self._note(path, number)
                rest = line[key.end() :]
                if rest.lstrip().startswith("["):
                    self._array, self._index = path, -1
                self._open_key = path
                self._scan(rest, number)
                return
        elif self._open_key:
            self._written.setdefault(number, self._open_key)
        self._scan(line, number)

    def _header(self, header: re.Match[str], number: int) -> None:
        names = _split_key(header.group(2))
        # Array-of-tables headers nest under the latest element of their parent arrays.
        array = header.group(1) == "[["
        resolved: list[str | int] = []
        for position, name in enumerate(names):
            resolved.append(name)
            last = position == len(names) - 1
            if tuple(resolved) in self._counters and not (array and last):
                resolved.append(self._counters[tuple(resolved)])
        if array:
            key = tuple(resolved)
            self._counters[key] = self._counters.get(key, -1) + 1
            resolved.append(self._counters[key])
        self._table = tuple(resolved)
        self._note(self._table, number)

    def _scan(self, text: str, number: int) -> None:
        """Follow strings and brackets through one line of a value."""
        opened = self._string is not None or bool(self._stack)
        i = 0
        while i < len(text):
            if self._string is not None:
                if self._string == '"""' and text[i] == "\\":
                    i += 2
                    continue
                if text.startswith(self._string, i):
                    i += 3
                    self._string = None
                    continue
                i += 1
                continue
            char = text[i]
            if char == "#":
                break
            if char.isspace():
                i += 1
                continue
            if self._expect and self._array is not None and self._stack == ["["] and char not in ",]":
                self._index += 1
                self._note((*self._array, self._index), number, written=False)
                self._expect = False
            if text.startswith('"""', i) or text.startswith("'''", i):
                self._string = text[i : i + 3]
                i += 3
                continue
            if char in "\"'":
                i = self._skip_string(text, i)
                continue
            if char in "[{":
                self._stack.append(char)
                self._expect = char == "[" and len(self._stack) == 1
            elif char in "]}":
                if self._stack:
                    self._stack.pop()
            elif char == "," and self._stack == ["["]:
                self._expect = True
            i += 1
        if not opened and (self._string is not None or self._stack):
            self.unclosed_line = number
            self.unclosed_kind = "list" if self._stack[:1] == ["["] else "inline table" if self._stack else "text"
        elif self._string is None and not self._stack:
            self.unclosed_line = None
            self._array = None

    @staticmethod
    def _skip_string(text: str, i: int) -> int:
        quote = text[i]
        i += 1
        while i < len(text):
            if quote == '"' and text[i] == "\\":
                i += 2
                continue
            if text[i] == quote:
                return i + 1
            i += 1
        return i

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest enclosing key or table."""
        parts = tuple(path)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return None

    def key_at(self, line: int) -> tuple[str | int, ...]:
        """The most specific key path written on ``line`` (empty when the line holds none)."""
        return self._written.get(line, ())
