"""mypy --strict and ruff stay clean on the code, and test modules stay independent: CI runs these with the suite."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["kpi", "cli.py", "tests", "benchmarks"]
TESTS = ROOT / "tests"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_is_clean() -> None:
    done = run("ruff", "check", *SOURCES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean() -> None:
    done = run("ruff", "format", "--check", *SOURCES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    done = run("mypy")  # files and --strict come from pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module a file imports, with its line: import and from-import statements anywhere (in functions and
    TYPE_CHECKING blocks too, relative ones with their dots), and importlib.import_module or __import__ of a literal."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def test_no_test_module_imports_another_or_conftest() -> None:
    # What test modules share comes from conftest.py as fixtures (pytest runs with --import-mode=importlib).
    files = sorted(TESTS.rglob("*.py"))
    local = {path.stem for path in files} | {"conftest", "tests"}
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in files
        for line, name in imported_names(ast.parse(path.read_bytes(), filename=str(path)))
        if name.startswith(".") or name.split(".")[0] in local
    ]
    rule = "a test module imports no other test module nor conftest; share through a conftest.py fixture"
    assert wrong == [], rule + ":\n" + "\n".join(wrong)
