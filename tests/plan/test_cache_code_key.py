"""The parse cache is dropped when the code that decides what a file loads as changes: its list of files is whole."""

from __future__ import annotations

import ast
from pathlib import Path

from kpi.plan.cache import code_files

PACKAGE = Path(__file__).resolve().parents[2] / "kpi"


def _imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kpi"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kpi"))
    return found


def _file_of(module: str) -> Path | None:
    base = PACKAGE.parent / module.replace(".", "/")
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def test_every_file_named_exists() -> None:
    files = code_files()
    assert files and all(path.is_file() for path in files)


def test_it_covers_everything_the_loader_reads_with() -> None:
    # What loading a measure file runs: the loader and all it imports, transitively.
    named = {path.resolve() for path in code_files()}
    todo, seen = [PACKAGE / "plan" / "loader.py"], set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path == PACKAGE / "__init__.py":  # the public face: its re-exports load lazily, not when a file is read
            continue
        todo.extend(f for m in _imports_of(path) if (f := _file_of(m)) is not None)
    assert {p.resolve() for p in seen} <= named
