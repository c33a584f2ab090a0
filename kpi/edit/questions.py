"""The questions `kpi new` asks for what its options left out, and the check of each answer as it is given.

The questions are in the active language; answers in the officers' words (上向き, 累計) are taken for the codes
the file holds. ``kpi.edit.new`` writes the file once every answer is in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass

from kpi.edit.values import BadValue, listed, parse_number, year_option
from kpi.errors import BadYear, KpiError
from kpi.i18n import Lang, _, active
from kpi.model import Direction, Kind, Plan, PlanConfig
from kpi.plan.fields import INDICATOR_ID, MEASURE_ID, PILLAR
from kpi.plan.loader import measure_files
from kpi.text import pillar_text

# What each kind needs besides id, name and kind (measure-file.md); `kpi new` asks for these.
NEEDS: dict[Kind, tuple[str, ...]] = {
    Kind.LEVEL: ("direction", "target", "deadline"),
    Kind.EVERY_YEAR: ("direction", "target"),
    Kind.CUMULATIVE: ("direction", "target", "deadline", "start"),
    Kind.TREND: ("direction", "baseline", "baseline_year"),
    Kind.QUALITATIVE: (),
}


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
        return KpiError(_("{option} is required (kpi new asks only in a terminal); pass {option} VALUE", option=self.option))


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
    edition = plan.config.edition
    yield Question("title", _("Title (施策名)", ctx="question"))
    known = listed(plan.config.ministries)
    yield Question("ministries", _("Ministries, lead first (府省庁; comma-separated, from: {known})", known=known))
    yield Question("number", _("Number in the {edition} edition", edition=edition), next_number(plan), integer=True)
    yield Question("pillar", _("Heading, (1)② as 1-2 (柱)"))
    yield Question("id", _("Measure id"), default_id(plan.config, int(str(answers["number"]))))
    yield Question("indicator_id", _("Indicator id (a-z, 0-9, -)"))
    yield Question("indicator_name", _("Indicator name (指標名)", ctx="question"))
    yield Question("kind", _("Kind", ctx="question"), choices=tuple(k.value for k in Kind))
    yield Question("unit", _("Unit (単位; empty for none)"), "")
    for key in NEEDS[Kind(answer_text(answers["kind"]))]:
        if key == "direction":
            choices = tuple(d.value for d in Direction)
            yield Question("direction", _("Direction (which way is better)"), choices=choices)
        else:
            yield Question(key, _value_question(key))


def _value_question(key: str) -> str:
    """The question for one value a kind needs (NEEDS), in the active language."""
    if key == "target":
        return _("Target value", ctx="question")
    if key == "baseline":
        return _("Baseline value", ctx="question")
    if key == "deadline":
        return _("Deadline (a year: 2026, R8 …)")
    if key == "baseline_year":
        return _("Baseline year (a year: 2026, R8 …)")
    return _("First year that counts (a year: 2026, R8 …)")


# Answers in the officers' words, taken for the codes the file holds: 上向き is up, 累計 is cumulative.
ANSWER_WORDS = {
    "上向き": "up",
    "下向き": "down",
    "水準": "level",
    "毎年度": "every_year",
    "毎年": "every_year",
    "累計": "cumulative",
    "増減": "trend",
    "定性": "qualitative",
}


def take_answer(plan: Plan, answers: MutableMapping[str, object], question: Question, answer: object) -> str | None:
    """Record ``answer`` to ``question``; return why it is refused (ask again), or None when it is taken."""
    if question.choices:
        answer = ANSWER_WORDS.get(answer_text(answer).strip(), answer_text(answer).strip())
        if answer not in question.choices:
            return _("Choose one of: {choices}", choices=listed(question.choices))
    if complaint := answer_complaint(plan, answers, question.key, answer):
        return complaint
    if question.key == "ministries":
        answer = split_ministries(answer)
    elif question.key == "pillar":
        answer = heading_code(answer_text(answer)) or answer
    answers[question.key] = answer
    return None


_HEADING = re.compile(r"^\((\d+)\)(\d+)?$")


def heading_code(text: str) -> str | None:
    """A heading as the plan prints it or as files write it: ``(2)①``, ``（２）①``, ``(3)``, ``2-1`` -> ``2-1``."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")  # NFKC: ① -> 1, （２） -> (2)
    if PILLAR.fullmatch(folded):
        return folded
    match = _HEADING.match(folded)
    if match is None:
        return None
    return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")


def known_headings(plan: Plan) -> dict[str, str]:
    """The current edition's headings from kpi.toml (empty when kpi.toml lists none: any heading is taken)."""
    return plan.config.headings.get(plan.config.edition, {})


def answer_complaint(plan: Plan, answers: MutableMapping[str, object], key: str, answer: object) -> str | None:
    """Why one answer (or option) cannot be taken, checked as soon as it is given; None when it can."""
    text = answer_text(answer).strip() if answer is not None else ""
    config = plan.config
    if key == "ministries":
        return ministries_complaint(plan, answer)
    if key in {"title", "indicator_name"} and not text:
        return _("This cannot be empty; write it as the plan does")
    if key == "number":
        return _number_complaint(plan, answer)
    if key == "pillar":
        code = heading_code(text)
        if code is None:
            return _("{value!r} is not a heading; write (1)② or 1-2", value=text)
        headings = known_headings(plan)
        if headings and code not in headings:
            shown = listed([heading_shown(h) for h in headings])
            return _(
                "The {edition} edition has no heading {heading}; use one of: {headings}",
                edition=config.edition,
                heading=heading_shown(code),
                headings=shown,
            )
    if key == "id":
        if not MEASURE_ID.fullmatch(text):
            example = default_id(config, next_number(plan))
            return _("{value!r} is not a valid id; use letters, digits and '-', e.g. {example}", value=text, example=example)
        if text in {m.id for m in plan.measures} | {p.stem for p in measure_files(config)}:
            return _("A measure with the id {id} already exists; choose another id", id=text)
    if key == "indicator_id" and not INDICATOR_ID.fullmatch(text):
        return _('{value!r} is not a valid indicator id; use a-z, 0-9 and "-", e.g. access-count', value=text)
    if key in {"target", "baseline"}:
        try:
            parse_number(text, answer_text(answers.get("unit") or ""))
        except BadValue as exc:
            return str(exc)
    if key in {"deadline", "baseline_year", "start"}:
        try:
            year_option(text)
        except BadYear as exc:
            return str(exc)
    return None


def _number_complaint(plan: Plan, answer: object) -> str | None:
    try:
        number = int(str(answer))
    except ValueError:
        return _(
            "{value!r} is not a number; write the measure's number in the {edition} edition",
            value=answer,
            edition=plan.config.edition,
        )
    if number < 1:
        return _("Write the measure's number in the {edition} edition (1 or more)", edition=plan.config.edition)
    other = number_taken(plan, number)
    if other is None:
        return None
    return _(
        "No. {number} of the {edition} edition is {other}; use a free number (next: {next})",
        number=number,
        edition=plan.config.edition,
        other=other,
        next=next_number(plan),
    )


def number_taken(plan: Plan, number: int) -> str | None:
    """The id of the measure that has ``number`` in the current edition, or None when the number is free."""
    for other in plan.measures:
        placed = other.edition(plan.config.edition)
        if placed is not None and placed.number == number:
            return other.id
    return None


def heading_shown(code: str) -> str:
    """A heading code as the plan prints it in Japanese, ``2-1`` -> ``(2)①``; English keeps the code officers type."""
    return pillar_text(code) if active() is Lang.JA else code


def answers_command(answers: MutableMapping[str, object]) -> str:
    """The answers given so far as a `kpi new` command line, so that none is lost when the file cannot be made."""
    import shlex

    parts = ["kpi new"]
    for key, value in answers.items():
        if _unanswered(value):
            continue
        option = "--" + key.replace("_", "-").replace("ministries", "ministry")
        for item in split_ministries(value) if key == "ministries" else [answer_text(value)]:
            plain = re.fullmatch(r"[^\s'\"\\$`;&|<>()*?!#~{}\[\]]+", item) is not None
            parts.append(f"{option} {item if plain else shlex.quote(item)}")
    return " ".join(parts)


def ministries_complaint(plan: Plan, answer: object) -> str | None:
    """Why these ministries cannot be taken (one is not in kpi.toml), or None."""
    unknown = [m for m in split_ministries(answer) if plan.config.ministries and m not in plan.config.ministries]
    return _("Not a ministry of this plan: {names}", names=listed(unknown)) if unknown else None


def split_ministries(answer: object) -> list[str]:
    """Ministries as typed (comma- or 、-separated) or given (a list of --ministry options)."""
    items = answer.replace("、", ",").split(",") if isinstance(answer, str) else [str(m) for m in answer or ()]  # type: ignore[attr-defined]
    return [m.strip() for m in items if m.strip()]


def answer_text(value: object) -> str:
    return str(getattr(value, "value", value))


def default_id(config: PlanConfig, number: int) -> str:
    return f"{config.edition}-{number:03d}"


def next_number(plan: Plan) -> int:
    """The first number after the last one used in the current edition."""
    used = [e.number for m in plan.measures for e in m.editions if e.year == plan.config.edition]
    return max(used, default=0) + 1
