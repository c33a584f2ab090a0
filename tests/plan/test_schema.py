"""kpi/schema/measure.schema.json stays in step with the loader: same keys, enums and patterns, and it agrees
with `kpi check` on the golden corpus and on the shipped plan."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kpi import fiscal
from kpi.model import Direction, Kind, QualStatus, YearBasis
from kpi.plan import fields

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "data" / "valid"
INVALID = REPO / "tests" / "data" / "invalid"
SCHEMA_PATH = REPO / "kpi" / "schema" / "measure.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

# The invalid files the schema rejects too, and those only `kpi check` can catch (JSON Schema cannot say
# "finite", compare two keys, look at the file name or other files, or read kpi.toml).
SCHEMA_REJECTS = {
    "bad-pillar",
    "report-control-character",
    "report-negative-budget",
    "report-year-era",
    "baseline-without-year",
    "baseline-year-without-baseline",
    "cumulative-without-start",
    "deadline-text",
    "invalid-id",
    "level-without-deadline",
    "level-without-target",
    "missing-editions",
    "missing-indicators",
    "missing-ministries",
    "missing-title",
    "qualitative-bad-status",
    "revision-bad-date",
    "revision-bad-field",
    "revision-without-reason",
    "target-on-trend",
    "target-text",
    "title-number",
    "trend-without-baseline",
    "unknown-direction",
    "unknown-key",
    "unknown-kind",
    "year-key-era",
    "year-key-word",
}
ONLY_KPI_CHECK = {
    "deadline-before-baseline",
    "duplicate-indicator-id",
    "id-mismatch",
    "inf-target",
    "milestone-at-deadline",
    "milestones-out-of-order",
    "nan-actual",
    "target-wrong-side",
    "unknown-ministry",
    "target-beyond-float",
    "actual-beyond-int64",
    "edition-number-beyond-int64",
}
NOT_TOML = {"invalid-toml", "not-utf8", "nested-too-deep", "number-of-5000-digits"}


def as_json(value: object) -> object:
    """What an editor validates: the TOML document with dates (and times) as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def load(path: Path) -> object:
    return as_json(tomllib.loads(path.read_bytes().decode("utf-8-sig")))


def errors(path: Path) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(load(path))]


def test_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    ("where", "keys"),
    [
        (SCHEMA, fields.MEASURE_KEYS),
        (DEFS["edition"], fields.EDITION_KEYS),
        (DEFS["item"], fields.ITEM_KEYS),
        (DEFS["indicator"], fields.INDICATOR_KEYS),
        (DEFS["milestone"], fields.MILESTONE_KEYS),
        (DEFS["revision"], fields.REVISION_KEYS),
    ],
    ids=["measure", "edition", "item", "indicator", "milestone", "revision"],
)
def test_each_table_has_the_loaders_keys_and_no_others(where: dict[str, Any], keys: frozenset[str]) -> None:
    assert set(where["properties"]) == keys
    # The loader warns on any other key, so the schema refuses them.
    assert where["additionalProperties"] is False


def test_actual_tables_have_the_loaders_keys() -> None:
    value_table = DEFS["valueActual"]["anyOf"][1]
    status_table = DEFS["statusActual"]["anyOf"][1]
    missing_table = DEFS["missingActual"]  # v1.1: { missing = "集計中" }
    keys = set(value_table["properties"]) | set(status_table["properties"]) | set(missing_table["properties"])
    assert keys == fields.ACTUAL_KEYS and missing_table["additionalProperties"] is False
    assert value_table["additionalProperties"] is False and status_table["additionalProperties"] is False


def test_enums_are_the_models() -> None:
    indicator = DEFS["indicator"]["properties"]
    assert indicator["kind"]["enum"] == [k.value for k in Kind]
    assert indicator["direction"]["enum"] == [d.value for d in Direction]
    assert indicator["year_basis"]["enum"] == [b.value for b in YearBasis]
    assert DEFS["status"]["enum"] == [q.value for q in QualStatus] + list(fields.QUAL_LABELS)
    assert set(DEFS["revision"]["properties"]["field"]["enum"]) == fields.REVISION_FIELDS


def test_patterns_and_ranges_are_the_loaders() -> None:
    assert SCHEMA["properties"]["id"]["pattern"] == fields.MEASURE_ID.pattern
    assert DEFS["indicator"]["properties"]["id"]["pattern"] == fields.INDICATOR_ID.pattern
    assert DEFS["heading"]["pattern"] == fields.PILLAR.pattern
    assert list(SCHEMA["properties"]["editions"]["patternProperties"]) == [fields.YEAR_KEY.pattern]
    assert list(DEFS["indicator"]["properties"]["actuals"]["patternProperties"]) == [fields.YEAR_KEY.pattern]
    assert (DEFS["year"]["minimum"], DEFS["year"]["maximum"]) == (fiscal.MIN_YEAR, fiscal.MAX_YEAR)


def test_every_key_is_described_in_english_and_japanese() -> None:
    def walk(node: object) -> list[tuple[str, str]]:
        found = []
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if isinstance(sub, dict) and sub:
                    found.append((name, sub.get("description", "")))
            for key, sub in node.items():
                if key != "allOf":  # the kind rules repeat keys without describing them again
                    found += walk(sub)
        elif isinstance(node, list):
            for sub in node:
                found += walk(sub)
        return found

    described = walk({"properties": SCHEMA["properties"], "defs": DEFS})
    assert len(described) > 40
    for name, text in described:
        assert text.isascii() is False and any(c.isascii() and c.isalpha() for c in text), name


@pytest.mark.parametrize("path", sorted(VALID.glob("*.toml")), ids=lambda p: p.name)
def test_valid_golden_files_validate(path: Path) -> None:
    assert errors(path) == []


def test_every_invalid_file_is_classified() -> None:
    names = {p.stem for p in INVALID.glob("*.toml")}
    assert names == SCHEMA_REJECTS | ONLY_KPI_CHECK | NOT_TOML
    assert not SCHEMA_REJECTS & ONLY_KPI_CHECK


@pytest.mark.parametrize("name", sorted(SCHEMA_REJECTS))
def test_the_schema_rejects_what_it_can_express(name: str) -> None:
    assert errors(INVALID / f"{name}.toml") != []


@pytest.mark.parametrize("name", sorted(ONLY_KPI_CHECK))
def test_what_only_kpi_check_catches(name: str) -> None:
    # Documented limits (the schema's $comment): if one of these starts failing, move it to SCHEMA_REJECTS.
    assert errors(INVALID / f"{name}.toml") == []


@pytest.mark.parametrize("name", sorted(NOT_TOML))
def test_files_that_are_not_toml_cannot_be_validated(name: str) -> None:
    # RecursionError: nested deeper than the parser goes; ValueError: a number of more digits than Python reads.
    with pytest.raises((UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError)):
        load(INVALID / f"{name}.toml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "qualitative", "direction": "up"}, "False schema does not allow 'up'"),
        ({"start": 2024}, "False schema does not allow 2024"),
        ({"kind": "every_year", "milestones": [{"year": 2025, "value": 1}]}, "False schema"),
        ({"actuals": {"2024": {"status": "done"}}}, "is not valid under any of the given schemas"),
        ({"kind": "qualitative", "direction": None, "actuals": {"2024": 5}}, "is not valid under any of the given schemas"),
        ({"deadline": "R8"}, "'R8' is not of type 'integer'"),
        ({"deadline": 1800}, "1800 is less than the minimum of 1900"),
    ],
)
def test_kind_rules(change: dict[str, object], message: str) -> None:
    document = load(VALID / "2024-059.toml")
    assert isinstance(document, dict)
    indicator = {**document["indicators"][0], **change}
    indicator = {k: v for k, v in indicator.items() if v is not None}
    if indicator["kind"] == "qualitative":
        indicator.pop("target")
        indicator.pop("deadline")
    document["indicators"] = [indicator]
    found = [e.message for e in VALIDATOR.iter_errors(document)]
    assert any(message in text for text in found), found


SHIPPED = sorted((REPO / "measures").rglob("*.toml"))


def test_the_shipped_plan_is_there() -> None:
    assert len(SHIPPED) > 100


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_measures_validate(path: Path) -> None:
    assert errors(path) == []
