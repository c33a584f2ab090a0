"""The package's shape: layers as subpackages, imports pointing down only, no cycle, small modules.

cli → export → views → edit | history → plan | judge → base (model, errors, fiscal, safefile, the package itself).
Siblings on one line do not import each other. Every import counts, also those inside functions or under
TYPE_CHECKING: a lazy upward import is still an upward arrow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kpi"

# Each subpackage's rank; a module may import only from lower ranks and from its own subpackage.
RANK = {"base": 0, "plan": 1, "judge": 1, "edit": 2, "history": 2, "views": 3, "export": 4, "cli": 5, "__main__": 6}
# kpi/__init__.py is the public face: it re-exports a few functions of the layers, lazily, and imports nothing itself.
FACADE = "kpi"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] in RANK:
        return parts[1]
    return "base"  # kpi.model, kpi.errors, …


def imports(path: Path) -> set[str]:
    """Every kpi module ``path`` imports (``from kpi.x import y`` counts y when it is a module)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "kpi")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "kpi":
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return found


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(p): p for p in FILES}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_import_points_down() -> None:
    upward = []
    for module, targets in GRAPH.items():
        if module == FACADE:
            continue
        for target in targets:
            if target == FACADE:  # the version string
                continue
            mine, theirs = layer(module), layer(target)
            if mine == theirs:
                continue
            if RANK[theirs] >= RANK[mine]:
                upward.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert upward == []


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(GRAPH.get(node, ())):
            if target not in GRAPH or target == FACADE:
                continue
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target] if target in trail else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_typer_only_under_cli() -> None:
    outside = [
        module_name(p)
        for p in FILES
        if layer(module_name(p)) != "cli"
        and any(
            (isinstance(n, ast.Import) and any(a.name.split(".")[0] == "typer" for a in n.names))
            or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "typer")
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert outside == []


def test_top_level_is_small_and_modules_are_short() -> None:
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= 10, top
    long = {module_name(p): n for p in FILES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


@pytest.mark.parametrize(
    ("module", "target"),
    [("kpi.plan.loader", "kpi.views.labels"), ("kpi.edit.log", "kpi.history.diff"), ("kpi.judge.report", "kpi.plan.loader")],
)
def test_the_check_sees_an_upward_or_sideways_arrow(module: str, target: str) -> None:
    # The rule itself: these arrows would be refused were they written.
    assert layer(module) != layer(target)
    assert RANK[layer(target)] >= RANK[layer(module)]
