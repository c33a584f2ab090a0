"""The one message catalog's front: every word an officer reads goes through ``_`` (or ``N_`` then ``_``).

English is the message id, as in gettext: the code reads as it always did, and ``kpi/i18n/ja.py`` holds the
Japanese for each id. A typed module instead of ``.po``/``.mo`` files: no compile step, no binary to keep in
step, and ``tests/test_messages.py`` walks the code's ``_``/``N_`` calls so that a message in one language only
fails the suite.

- ``_("Wrote {path}.", path=p)``: the message in the active language, its ``{fields}`` filled.
- ``N_("no data")``: marks a message for the catalog where it is defined (a table, a help text at import time);
  ``_`` translates it where it is shown, so a table built once serves both languages.
- ``in_lang(Lang.EN, msg, **fields)``: one language whatever is active (the workbooks print both).
- ``use(lang)`` / ``speaking(lang)``: set the active language; the CLI does it once, from ``--lang``, then
  ``KPI_LANG``, then the locale (:func:`choose`).

A message that needs two Japanese words for one English one gets a context: ``_("target", ctx="column")``; the
catalog key is then ``"column\\x04target"`` (gettext's own separator).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum

__all__ = ["N_", "Lang", "_", "active", "choose", "detect", "in_lang", "speaking", "use"]

CONTEXT_SEPARATOR = "\x04"


class Lang(str, Enum):
    JA = "ja"
    EN = "en"


_active: Lang | None = None
_catalog: dict[str, str] | None = None


def detect(env: Mapping[str, str] | None = None) -> Lang:
    """``KPI_LANG``, else Japanese when the locale is Japanese (LC_ALL, LC_MESSAGES, LANG), else English."""
    environ = os.environ if env is None else env
    explicit = environ.get("KPI_LANG", "").strip().lower()
    if explicit in {"ja", "en"}:
        return Lang(explicit)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return Lang.JA if value.lower().startswith("ja") else Lang.EN
    return Lang.EN


def choose(args: Sequence[str], env: Mapping[str, str] | None = None) -> Lang:
    """The language of a run: ``--lang ja|en`` anywhere before ``--`` (the last one given, as for any option: the
    command's own beats one before it), then :func:`detect`.

    A wrong value is left for the option's own check (which says what is allowed); the environment decides
    meanwhile, so that message is already in the officer's language.
    """
    chosen: Lang | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None and value.strip().lower() in {"ja", "en"}:
            chosen = Lang(value.strip().lower())
    return chosen or detect(env)


def active() -> Lang:
    """The language messages are written in now (the environment's until :func:`use` sets one)."""
    global _active
    if _active is None:
        _active = detect()
    return _active


def use(lang: Lang | str | None) -> Lang:
    """Make ``lang`` the active language (None: the environment's again); returns it."""
    global _active
    _active = None if lang is None else Lang(lang)
    return active()


@contextmanager
def speaking(lang: Lang | str | None) -> Iterator[Lang]:
    """The active language is ``lang`` inside the block (None: unchanged)."""
    global _active
    before = _active
    if lang is not None:
        _active = Lang(lang)
    try:
        yield active()
    finally:
        _active = before


def catalog() -> dict[str, str]:
    """English message id → Japanese, loaded on first use."""
    global _catalog
    if _catalog is None:
        from kpi.i18n.ja import JA

        _catalog = JA
    return _catalog


def in_lang(lang: Lang, message: str, /, *, ctx: str | None = None, **fields: object) -> str:
    """``message`` in ``lang``, its ``{fields}`` filled; a message the catalog lacks prints in English."""
    text = message
    if lang is Lang.JA:
        key = message if ctx is None else f"{ctx}{CONTEXT_SEPARATOR}{message}"
        text = catalog().get(key, message)
    return text.format(**fields) if fields else text


def _(message: str, /, *, ctx: str | None = None, **fields: object) -> str:
    """``message`` in the active language, its ``{fields}`` filled."""
    return in_lang(active(), message, ctx=ctx, **fields)


def N_(message: str, /) -> str:
    """Marks ``message`` for the catalog without translating it (``_`` does, where it is shown)."""
    return message
