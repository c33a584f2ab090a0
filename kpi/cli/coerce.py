"""Typer's parameter coercion without pydantic for the plain values kpi's commands take.

typer (0.29) turns every command-line value into its annotated type through a pydantic ``TypeAdapter``, built
for each parameter of the invoked command: importing pydantic and building the adapters is about a third of
`kpi report`'s start-up. The values kpi's options take are plain — text, a folder, a small whole number, one of
an enum's values, a list of those — and for these this module gives the same result without pydantic.

It is a narrow shim over typer's public classes: once the group has resolved the invoked command, each of its
``TyperOption``/``TyperArgument`` parameters becomes a subclass whose ``get_runtime_param()`` (the method typer
calls to coerce a value) answers the plain cases itself and hands every other value — anything unusual, and
every value that would be an error — to typer's own coercion. So results, help and error messages stay typer's
own: a wrong ``--format`` is refused by typer with its usual message. tests/cli/test_fast_coercion.py compares
the two for every parameter of every command.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from typer.core import TyperArgument, TyperOption

__all__ = ["fast_coercion"]

_DIGITS = re.compile(r"[0-9]{1,18}")
_PASS = object()  # "not a plain case": typer coerces the value itself


def _leaf(annotation: Any, parameter_info: Any) -> Callable[[Any], Any] | None:
    """The fast coercion of one value of ``annotation``, or None when typer's own is needed for every value."""
    if getattr(parameter_info, "parser", None) is not None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if not parameter_info.case_sensitive:
            return None
        by_text = {str(member.value): member for member in annotation}
        return lambda value: (
            value if isinstance(value, annotation) else by_text.get(value, _PASS) if isinstance(value, str) else _PASS
        )
    if annotation is str:
        return lambda value: value if isinstance(value, str) else _PASS
    if annotation is bool:
        return lambda value: value if isinstance(value, bool) else _PASS
    if annotation is int:
        return lambda value: int(value) if isinstance(value, str) and _DIGITS.fullmatch(value) else _PASS
    if annotation is Path and _plain_path(parameter_info):
        return _path
    return None


def _plain_path(info: Any) -> bool:
    """A path option with typer's defaults: no existence, resolve or dash handling, files and folders allowed."""
    return (
        info.path_type is None
        and not info.exists
        and not info.resolve_path
        and not info.allow_dash
        and info.file_okay
        and info.dir_okay
        and not info.writable
    )


def _path(value: Any) -> Any:
    if isinstance(value, str) and value and "\x00" not in value:
        value = Path(value)
    if not isinstance(value, Path):
        return _PASS
    # typer checks that an existing path is readable (its `readable` default); a path that is not is its error to tell.
    if os.path.lexists(value) and not os.access(value, os.R_OK):
        return _PASS
    return value


class _FastCoercion:
    """Stands in for typer's runtime parameter: the plain cases here, the rest through typer's own."""

    def __init__(self, leaf: Callable[[Any], Any], many: bool, typers: Callable[[], Any]) -> None:
        self.leaf = leaf
        self.many = many
        self.typers = typers

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if ctx.token_normalize_func is None:
            if value is None:
                return () if (param.multiple or param.nargs == -1) else None
            if self.many:
                if isinstance(value, (list, tuple)):
                    items = [self.leaf(item) for item in value]
                    if all(item is not _PASS for item in items):
                        return items
            elif not (param.multiple or param.nargs == -1):
                done = self.leaf(value)
                if done is not _PASS:
                    return done
        return self.typers().coerce(value, param=param, ctx=ctx)


def _fast(param: TyperOption | TyperArgument, typers: Callable[[], Any]) -> Any:
    descriptor = param.type_descriptor
    annotation, info = descriptor.annotation, descriptor.parameter_info
    many = False
    origin = getattr(annotation, "__origin__", None)
    if origin is list and len(annotation.__args__) == 1:
        annotation, many = annotation.__args__[0], True
    elif origin is not None:
        return typers()
    leaf = _leaf(annotation, info)
    if leaf is None or many != (param.multiple or param.nargs == -1):
        return typers()
    return _FastCoercion(leaf, many, typers)


class _FastOption(TyperOption):
    def get_runtime_param(self) -> Any:
        return _fast(self, super().get_runtime_param)


class _FastArgument(TyperArgument):
    def get_runtime_param(self) -> Any:
        return _fast(self, super().get_runtime_param)


def fast_coercion(params: list[Any]) -> None:
    """Give the parameters of the command about to run the pydantic-free coercion (typer's classes, one method)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _FastOption
        elif type(param) is TyperArgument:
            param.__class__ = _FastArgument
