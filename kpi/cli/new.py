"""``kpi new``: scaffold a measure file; in a terminal it asks for what the options left out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kpi.cli import options
from kpi.cli.app import app
from kpi.cli.render import print_lines
from kpi.model import Direction, Kind

if TYPE_CHECKING:
    from kpi.edit.new import NewMeasure


@app.command("new")
def new_command(
    measure_id: Annotated[
        str | None,
        options.option("--id", help="Measure id. Default: <edition>-<number>, e.g. 2025-144."),
    ] = None,
    title: Annotated[str | None, options.option("--title", help="Title as the plan writes it.")] = None,
    ministry: Annotated[
        list[str] | None,
        options.option("--ministry", help="Ministry from kpi.toml (repeatable; lead first)."),
    ] = None,
    number: Annotated[int | None, options.option("--number", help="Number in the current edition.")] = None,
    pillar: Annotated[str | None, typer.Option("--pillar", help='Heading: (1)② is "1-2".', show_default=False)] = None,
    indicator_id: Annotated[
        str | None,
        options.option("--indicator-id", help="Indicator id: a-z, 0-9, -."),
    ] = None,
    indicator_name: Annotated[
        str | None,
        options.option("--indicator-name", help="Indicator name as the plan writes it."),
    ] = None,
    kind: Annotated[Kind | None, options.option("--kind", help="How figures are judged.")] = None,
    direction: Annotated[Direction | None, options.option("--direction", help="Which way is better.")] = None,
    unit: Annotated[str | None, options.option("--unit", help="Unit of the figures (人, 回, % …).")] = None,
    target: options.TargetOption = None,
    deadline: options.DeadlineOption = None,
    baseline: options.BaselineOption = None,
    baseline_year: options.BaselineYearOption = None,
    start: Annotated[str | None, options.option("--start", help="First year that counts (cumulative).")] = None,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Create a new measure file that passes `kpi check`.

    Example: kpi new --title 新しい施策 --ministry 内閣府 --number 144 --pillar 1-2
    --indicator-id users --indicator-name 利用者数 --kind qualitative

    In a terminal it asks for every value not given as an option; otherwise all required values
    must be options. It never overwrites an existing measure.
    """
    from kpi.edit.new import create_measure
    from kpi.views.edit import created_lines

    root = options.root_of(directory)
    given: dict[str, object] = {
        "id": measure_id,
        "title": title,
        "ministries": ministry,
        "number": number,
        "pillar": pillar,
        "indicator_id": indicator_id,
        "indicator_name": indicator_name,
        "kind": kind,
        "direction": direction,
        "unit": unit,
        "target": target,
        "deadline": deadline,
        "baseline": baseline,
        "baseline_year": baseline_year,
        "start": start,
    }
    spec = ask_new_measure(root, given, interactive=_interactive())
    print_lines(created_lines(create_measure(root, spec), options.lang_of(lang)))


def ask_new_measure(root: Path, given: dict[str, object], *, interactive: bool) -> NewMeasure:
    """Ask for each value the options left out, one question at a time (the questions and checks live in the core)."""
    from kpi.edit.new import measure_spec, ministries_complaint, next_question, take_answer
    from kpi.plan.loader import load_plan

    plan = load_plan(root).plan
    answers = dict(given)
    # Ministries given as options are checked as an answer would be, and asked again in a terminal.
    if interactive and answers["ministries"] and (complaint := ministries_complaint(plan, answers["ministries"])):
        typer.echo(complaint, err=True)
        answers["ministries"] = None
    while (question := next_question(plan, answers)) is not None:
        if not interactive:
            if question.default is None:
                raise question.required()
            answers[question.key] = question.default
            continue
        text = question.text + (f" ({' / '.join(question.choices)})" if question.choices else "")
        shown = question.default not in (None, "")
        answer = typer.prompt(text, default=question.default, type=int if question.integer else str, show_default=shown)
        if complaint := take_answer(plan, answers, question, answer):
            typer.echo(complaint, err=True)
    return measure_spec(answers)


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty()
