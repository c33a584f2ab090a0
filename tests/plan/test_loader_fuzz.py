"""Whatever a file holds, the loader reports problems, one line each, and never raises (no traceback for users)."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.errors import Severity
from kpi.plan.config import load_config
from kpi.plan.loader import MeasureReader, check_plan

VALID = Path(__file__).resolve().parents[1] / "data" / "valid"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

DOCS = {p.stem: tomllib.loads(p.read_bytes().decode("utf-8-sig")) for p in VALID.glob("*.toml")}

SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "2024", "R6", "level", "up", "done", "1-2", "令和6年度", "１-２", "厚生労働省"]),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)
ACTIONS = ["replace", "delete", "add"]


def paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += paths(value, (*prefix, index))
    return out


def mutate(doc: dict[str, Any], path: tuple[Any, ...], action: str, value: object, name: str) -> None:
    *parents, last = path
    node: Any = doc
    for part in parents:
        node = node[part]
    if action == "replace":
        node[last] = value
    elif action == "delete":
        del node[last]
    elif isinstance(node[last], dict):
        node[last][name] = value
    elif isinstance(node[last], list):
        node[last].append(value)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(sorted(DOCS)),
    st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(ACTIONS), VALUES, st.text(max_size=8)), max_size=4),
)
def test_validator_survives_any_document(
    tmp_path: Path, make_plan: MakePlan, stem: str, edits: list[tuple[int, str, object, str]]
) -> None:
    config, _ = load_config(make_plan(tmp_path, {}))
    doc = copy.deepcopy(DOCS[stem])
    for pick, action, value, name in edits:
        candidates = paths(doc)
        if candidates:
            mutate(doc, candidates[pick % len(candidates)], action, value, name)
    reader = MeasureReader(doc, "", "measures/x.toml", config)
    measure = reader.measure(Path(f"measures/{stem}.toml"))
    for problem in reader.problems:
        line = str(problem)
        assert line.startswith("measures/x.toml: ") and "\n" not in line and problem.message
    if not reader.failed:
        assert measure.id == doc["id"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))))
def test_loader_survives_any_bytes(tmp_path: Path, make_plan: MakePlan, raw: bytes) -> None:
    root = make_plan(tmp_path, {"2024-001.toml": raw})
    for problem in check_plan(root):
        assert str(problem).startswith("measures/2024-001.toml") and "\n" not in str(problem)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(DOCS)), st.integers(min_value=0), st.sampled_from(["\n", "\r\n"]))
def test_cutting_a_valid_file_anywhere_never_crashes(
    tmp_path: Path, make_plan: MakePlan, stem: str, cut: int, newline: str
) -> None:
    text = (VALID / f"{stem}.toml").read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\n", newline)
    root = make_plan(tmp_path, {f"{stem}.toml": text[: cut % (len(text) + 1)]})
    problems = check_plan(root)
    assert all(p.line is None or p.line >= 1 for p in problems)
    assert all(p.severity in Severity for p in problems)
