"""A new measure file (`kpi new`): checked like `kpi check` would, then created without overwriting anything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from kpi.edit.log import BadValue, config_for_writing, parse_number, validate_text, year_option
from kpi.edit.tomledit import toml_text
from kpi.errors import KpiError
from kpi.model import Direction, Kind, Measure, Plan, PlanConfig
from kpi.plan.fields import INDICATOR_ID, MEASURE_ID, PILLAR
from kpi.plan.loader import load_plan, measure_files
from kpi.safefile import create_new

# What each kind needs besides id, name and kind (measure-file.md); `kpi new` asks for these.
NEEDS: dict[Kind, tuple[str, ...]] = {
    Kind.LEVEL: ("direction", "target", "deadline"),
    Kind.EVERY_YEAR: ("direction", "target"),
    Kind.CUMULATIVE: ("direction", "target", "deadline", "start"),
    Kind.TREND: ("direction", "baseline", "baseline_year"),
    Kind.QUALITATIVE: (),
}
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


@dataclass(frozen=True)
class Question:
    """One value `kpi new` needs: what to ask, the default offered, and the answers allowed (if a closed set)."""

    key: str  # the key of ``answers``; the option is --key (--ministry for ministries)
    text: str
    default: str | int | None = None
    choices: tuple[str, ...] = ()
    integer: bool = False

    @property
    def option(self) -> str:
        return "--" + self.key.replace("_", "-").replace("ministries", "ministry")

    def required(self) -> KpiError:
        """The error for a value that was neither given nor can be asked (no terminal)."""
        return KpiError(f"{self.option} is required (kpi new asks only in a terminal); pass {self.option} VALUE")


def _unanswered(value: object) -> bool:
    return value is None or value == [] or value == ()


def next_question(plan: Plan, answers: MutableMapping[str, object]) -> Question | None:
    """The first value still missing from ``answers`` (the options given, then each answer), or None when complete."""
    for question in _questions(plan, answers):
        if _unanswered(answers.get(question.key)):
            return question
    return None


def _questions(plan: Plan, answers: MutableMapping[str, object]) -> Iterator[Question]:
    # A generator: the later questions are built only once the answers they depend on (number, kind) are in.
    yield Question("title", "Title (施策名)")
    known = ", ".join(plan.config.ministries)
    yield Question("ministries", f"Ministries, lead first (府省庁; comma-separated, from: {known})")
    yield Question("number", f"Number in the {plan.config.edition} edition", next_number(plan), integer=True)
    yield Question("pillar", "Heading, (1)② as 1-2 (柱)")
    yield Question("id", "Measure id", default_id(plan.config, int(str(answers["number"]))))
    yield Question("indicator_id", "Indicator id (a-z, 0-9, -)")
    yield Question("indicator_name", "Indicator name (指標名)")
    yield Question("kind", "Kind", choices=tuple(k.value for k in Kind))
    yield Question("unit", "Unit (単位; empty for none)", "")
    for key in NEEDS[Kind(_text(answers["kind"]))]:
        if key == "direction":
            yield Question("direction", "Direction (which way is better)", choices=tuple(d.value for d in Direction))
        else:
            hint = " (a year: 2026, R8 …)" if key in {"deadline", "baseline_year", "start"} else ""
            yield Question(key, key.replace("_", " ").capitalize() + hint)


def take_answer(plan: Plan, answers: MutableMapping[str, object], question: Question, answer: object) -> str | None:
    """Record ``answer`` to ``question``; return why it is refused (ask again), or None when it is taken."""
    if question.choices and _text(answer) not in question.choices:
        return f"Choose one of: {', '.join(question.choices)}"
    if question.key == "ministries":
        if complaint := ministries_complaint(plan, answer):
            return complaint
        answer = split_ministries(answer)
    answers[question.key] = answer
    return None


def ministries_complaint(plan: Plan, answer: object) -> str | None:
    """Why these ministries cannot be taken (one is not in kpi.toml), or None."""
    unknown = [m for m in split_ministries(answer) if plan.config.ministries and m not in plan.config.ministries]
    return f"Not a ministry of this plan: {', '.join(unknown)}" if unknown else None


def split_ministries(answer: object) -> list[str]:
    """Ministries as typed (comma- or 、-separated) or given (a list of --ministry options)."""
    items = answer.replace("、", ",").split(",") if isinstance(answer, str) else [str(m) for m in answer or ()]  # type: ignore[attr-defined]
    return [m.strip() for m in items if m.strip()]


def _text(value: object) -> str:
    return str(getattr(value, "value", value))


def measure_spec(answers: MutableMapping[str, object]) -> NewMeasure:
    """The new measure from complete answers (``next_question`` returned None)."""
    text = {k: None if v is None else _text(v) for k, v in answers.items() if k not in {"ministries", "number"}}
    indicator = NewIndicator(
        id=text["indicator_id"] or "",
        name=text["indicator_name"] or "",
        kind=Kind(text["kind"]),
        direction=Direction(text["direction"]) if text.get("direction") else None,
        unit=text["unit"] or "",
        values={k: v for k in VALUE_KEYS if (v := text.get(k)) is not None},
    )
    ministries = tuple(split_ministries(answers["ministries"]))
    return NewMeasure(text["title"] or "", ministries, int(str(answers["number"])), text["pillar"] or "", indicator, text["id"])


def default_id(config: PlanConfig, number: int) -> str:
    return f"{config.edition}-{number:03d}"


def next_number(plan: Plan) -> int:
    """The first number after the last one used in the current edition."""
    used = [e.number for m in plan.measures for e in m.editions if e.year == plan.config.edition]
    return max(used, default=0) + 1


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
        raise KpiError(f"{shown}: could not create the file ({exc.strerror or exc}); check the folder's permissions") from None
    return Created(shown, measure)


def _check_spec(spec: NewMeasure, measure_id: str, plan: Plan) -> None:
    config = plan.config
    if not MEASURE_ID.match(measure_id):
        example = default_id(config, spec.number)
        raise KpiError(f"--id {measure_id!r}: not a valid id; use letters, digits and '-', e.g. {example}")
    # Files that do not load (and so are not in the plan) still own their names.
    taken = {m.id for m in plan.measures} | {p.stem for p in measure_files(config)}
    if measure_id in taken:
        raise KpiError(f"--id {measure_id}: a measure with this id already exists; choose another id (kpi new never overwrites)")
    if not spec.title.strip():
        raise KpiError("--title: the measure needs a title; give the title as the plan writes it")
    if spec.number < 1:
        raise KpiError(f"--number {spec.number}: write the measure's number in the {config.edition} edition (1 or more)")
    for other in plan.measures:
        placed = other.edition(config.edition)
        if placed is not None and placed.number == spec.number:
            raise KpiError(
                f"--number {spec.number}: No. {spec.number} of the {config.edition} edition is {other.id}; "
                f"use a free number (next: {next_number(plan)})"
            )
    if not PILLAR.match(spec.pillar):
        raise KpiError(f'--pillar {spec.pillar!r}: not a heading; write (1)② as "1-2"')
    if not spec.ministries:
        raise KpiError("--ministry: name at least one ministry (lead ministry first)")
    for name in spec.ministries:
        if config.ministries and name not in config.ministries:
            raise KpiError(f"--ministry {name!r}: not a ministry of this plan; use one of: {', '.join(config.ministries)}")
    ind = spec.indicator
    if not INDICATOR_ID.match(ind.id):
        raise KpiError(f'--indicator-id {ind.id!r}: use a-z, 0-9 and "-", e.g. "access-count"')
    if not ind.name.strip():
        raise KpiError("--indicator-name: the indicator needs a name; give it as the plan writes it")
    for key in NEEDS[ind.kind]:
        if not ind.given(key):
            option = "--" + key.replace("_", "-")
            raise KpiError(f"{option}: {ind.kind.value} indicators need one; pass {option}")


def _indicator_lines(ind: NewIndicator) -> list[str]:
    lines = [f"id = {toml_text(ind.id)}", f"name = {toml_text(ind.name)}", f"kind = {toml_text(ind.kind.value)}"]
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
    lines = [
        f"# Created with `kpi new` on {today.isoformat()}. Record figures with",
        f"# `kpi log {measure_id} {spec.indicator.id} <year> <value>`; format: docs/measure-file.md.",
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
