"""A new measure file (`kpi new`): checked like `kpi check` would, then created without overwriting anything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from kpi.edit.questions import (
    NEEDS,
    answer_complaint,
    answer_text,
    answers_command,
    default_id,
    heading_code,
    heading_shown,
    known_headings,
    next_number,
    next_question,
    number_taken,
    split_ministries,
    take_answer,
)
from kpi.edit.session import config_for_writing, validate_text
from kpi.edit.tomledit import toml_text
from kpi.edit.values import BadValue, listed, parse_number, year_option
from kpi.errors import KpiError
from kpi.i18n import _
from kpi.model import Direction, Kind, Measure, Plan, PlanConfig
from kpi.plan.fields import INDICATOR_ID, MEASURE_ID, PILLAR
from kpi.plan.loader import load_plan, measure_files
from kpi.safefile import create_new

__all__ = [
    "NEEDS",
    "Created",
    "NewIndicator",
    "NewMeasure",
    "answer_complaint",
    "answers_command",
    "create_measure",
    "heading_code",
    "measure_spec",
    "next_question",
    "scaffold_text",
    "take_answer",
]

VALUE_KEYS = ("target", "deadline", "baseline", "baseline_year", "start")  # typed as text, checked when written


@dataclass(frozen=True)
class NewIndicator:
    """The one indicator a new measure starts with; numbers and years as the officer typed them."""

    id: str
    name: str
    kind: Kind
    direction: Direction | None = None
    unit: str = ""
    values: Mapping[str, str] = field(default_factory=dict)  # target, deadline, baseline, baseline_year, start

    def given(self, key: str) -> bool:
        return (self.direction if key == "direction" else self.values.get(key)) is not None


@dataclass(frozen=True)
class NewMeasure:
    title: str
    ministries: tuple[str, ...]
    number: int  # in the plan's current edition
    pillar: str  # "1-2" for (1)②
    indicator: NewIndicator
    id: str | None = None  # default: "<edition>-<number:03d>"


@dataclass(frozen=True)
class Created:
    shown: str
    measure: Measure


def measure_spec(answers: MutableMapping[str, object]) -> NewMeasure:
    """The new measure from complete answers (``next_question`` returned None)."""
    text = {k: None if v is None else answer_text(v) for k, v in answers.items() if k not in {"ministries", "number"}}
    indicator = NewIndicator(
        id=text["indicator_id"] or "",
        name=text["indicator_name"] or "",
        kind=Kind(text["kind"]),
        direction=Direction(text["direction"]) if text.get("direction") else None,
        unit=text["unit"] or "",
        values={k: v for k in VALUE_KEYS if (v := text.get(k)) is not None},
    )
    ministries = tuple(split_ministries(answers["ministries"]))
    pillar = heading_code(text["pillar"] or "") or text["pillar"] or ""
    return NewMeasure(text["title"] or "", ministries, int(str(answers["number"])), pillar, indicator, text["id"])


def create_measure(root: Path, spec: NewMeasure, *, today: dt.date | None = None) -> Created:
    """Write ``measures/<id>.toml`` for ``spec``; refuse an id or number already taken, or any invalid value."""
    config_for_writing(root)
    plan = load_plan(root).plan
    config = plan.config
    measure_id = spec.id if spec.id is not None else default_id(config, spec.number)
    _check_spec(spec, measure_id, plan)
    path = config.measures_path / f"{measure_id}.toml"
    shown = path.relative_to(root).as_posix()
    text = scaffold_text(spec, measure_id, config, today or dt.date.today())
    measure = validate_text(text, path, shown, config)
    try:
        create_new(path, text.encode("utf-8"), shown)
    except OSError as exc:
        message = _(
            "{path}: could not create the file ({reason}); check the folder's permissions", path=shown, reason=exc.strerror or exc
        )
        raise KpiError(message) from None
    return Created(shown, measure)


def _check_spec(spec: NewMeasure, measure_id: str, plan: Plan) -> None:
    config = plan.config
    if not MEASURE_ID.match(measure_id):
        example = default_id(config, spec.number)
        raise KpiError(
            _("--id {value!r}: not a valid id; use letters, digits and '-', e.g. {example}", value=measure_id, example=example)
        )
    # Files that do not load (and so are not in the plan) still own their names.
    taken = {m.id for m in plan.measures} | {p.stem for p in measure_files(config)}
    if measure_id in taken:
        raise KpiError(
            _("--id {id}: a measure with this id already exists; choose another id (kpi new never overwrites)", id=measure_id)
        )
    if not spec.title.strip():
        raise KpiError(_("--title: the measure needs a title; give the title as the plan writes it"))
    if spec.number < 1:
        raise KpiError(
            _(
                "--number {number}: write the measure's number in the {edition} edition (1 or more)",
                number=spec.number,
                edition=config.edition,
            )
        )
    if (other := number_taken(plan, spec.number)) is not None:
        raise KpiError(
            _(
                "--number {number}: No. {number} of the {edition} edition is {other}; use a free number (next: {next})",
                number=spec.number,
                edition=config.edition,
                other=other,
                next=next_number(plan),
            )
        )
    _check_heading_and_ministries(spec, plan)
    ind = spec.indicator
    if not INDICATOR_ID.match(ind.id):
        raise KpiError(_('--indicator-id {value!r}: use a-z, 0-9 and "-", e.g. "access-count"', value=ind.id))
    if not ind.name.strip():
        raise KpiError(_("--indicator-name: the indicator needs a name; give it as the plan writes it"))
    for key in NEEDS[ind.kind]:
        if not ind.given(key):
            option = "--" + key.replace("_", "-")
            raise KpiError(_("{option}: {kind} indicators need one; pass {option}", option=option, kind=ind.kind.value))


def _check_heading_and_ministries(spec: NewMeasure, plan: Plan) -> None:
    config = plan.config
    if not PILLAR.match(spec.pillar):
        raise KpiError(_('--pillar {value!r}: not a heading; write (1)② as "1-2"', value=spec.pillar))
    headings = known_headings(plan)
    if headings and spec.pillar not in headings:
        raise KpiError(
            _(
                "--pillar {heading}: the {edition} edition has no such heading; use one of: {headings}",
                heading=spec.pillar,
                edition=config.edition,
                headings=listed([heading_shown(h) for h in headings]),
            )
        )
    if not spec.ministries:
        raise KpiError(_("--ministry: name at least one ministry (lead ministry first)"))
    for name in spec.ministries:
        if config.ministries and name not in config.ministries:
            raise KpiError(
                _(
                    "--ministry {value!r}: not a ministry of this plan; use one of: {names}",
                    value=name,
                    names=listed(config.ministries),
                )
            )


def _indicator_lines(ind: NewIndicator) -> list[str]:
    lines = [
        f"id = {toml_text(ind.id)}",
        f"name = {toml_text(ind.name)}",
        f"kind = {toml_text(ind.kind.value)}",
    ]
    if ind.direction is not None and ind.kind is not Kind.QUALITATIVE:
        lines.append(f"direction = {toml_text(ind.direction.value)}")
    if ind.unit:
        lines.append(f"unit = {toml_text(ind.unit)}")
    try:
        for key in ("target", "baseline"):
            if (text := ind.values.get(key)) is not None:
                lines.append(f"{key} = {toml_text(parse_number(text, ind.unit))}")
    except BadValue as exc:
        raise BadValue(f"--{key}: {exc}") from None
    for key in ("deadline", "baseline_year", "start"):
        if (text := ind.values.get(key)) is not None:
            lines.append(f"{key} = {year_option(text, '--' + key.replace('_', '-'))}")
    return lines


def scaffold_text(spec: NewMeasure, measure_id: str, config: PlanConfig, today: dt.date) -> str:
    """The new file: the keys `kpi check` needs, with comments on what to add next."""
    ministries = ", ".join(toml_text(m) for m in spec.ministries)
    header = _(
        "# Created with `kpi new` on {date}. Record figures with\n"
        "# `kpi log {id} {indicator} <year> <value>`; format: docs/measure-file.md.",
        date=today.isoformat(),
        id=measure_id,
        indicator=spec.indicator.id,
    )
    lines = [
        *header.split("\n"),
        f"id = {toml_text(measure_id)}",
        f"title = {toml_text(spec.title.strip())}",
        f"ministries = [{ministries}]",
        "",
        f"[editions.{config.edition}]",
        f"number = {spec.number}",
        f"pillar = {toml_text(spec.pillar)}",
        "",
        "[[indicators]]",
        *_indicator_lines(spec.indicator),
    ]
    return "\n".join(lines) + "\n"
