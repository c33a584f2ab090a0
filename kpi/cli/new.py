"""``kpi new``: scaffold a measure file; in a terminal it asks for what the options left out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kpi.cli import options
from kpi.cli.render import print_lines
from kpi.i18n import N_, _
from kpi.model import Direction, Kind

commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app


@commands.command("new")
def new_command(
    measure_id: Annotated[
        str | None,
        options.option("--id", help=N_("Measure id. Default: <edition>-<number>, e.g. 2025-144.")),
    ] = None,
    title: Annotated[str | None, options.option("--title", help=N_("Title as the plan writes it."))] = None,
    ministry: Annotated[
        list[str] | None,
        options.option("--ministry", help=N_("Ministry from kpi.toml (repeatable; lead first).")),
    ] = None,
    number: Annotated[int | None, options.option("--number", help=N_("Number in the current edition."))] = None,
    pillar: Annotated[str | None, typer.Option("--pillar", help=N_('Heading: (1)② is "1-2".'), show_default=False)] = None,
    indicator_id: Annotated[
        str | None,
        options.option("--indicator-id", help=N_("Indicator id: a-z, 0-9, -.")),
    ] = None,
    indicator_name: Annotated[
        str | None,
        options.option("--indicator-name", help=N_("Indicator name as the plan writes it.")),
    ] = None,
    kind: Annotated[Kind | None, options.option("--kind", help=N_("How figures are judged."))] = None,
    direction: Annotated[Direction | None, options.option("--direction", help=N_("Which way is better."))] = None,
    unit: Annotated[str | None, options.option("--unit", help=N_("Unit of the figures (人, 回, % …)."))] = None,
    target: options.TargetOption = None,
    deadline: options.DeadlineOption = None,
    baseline: options.BaselineOption = None,
    baseline_year: options.BaselineYearOption = None,
    start: Annotated[str | None, options.option("--start", help=N_("First year that counts (cumulative)."))] = None,
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
    from kpi.edit.new import answers_command, measure_spec
    from kpi.errors import KpiError

    interactive = _interactive()
    answers = ask_new_measure(root, given, interactive=interactive)
    try:
        created = create_measure(root, measure_spec(answers))
    except KpiError:
        if interactive:  # never lose what the officer typed: give it back as a command to run again once fixed
            typer.echo(_("Your answers: {command}", command=answers_command(answers)), err=True)
        raise
    print_lines(created_lines(created, options.lang_of(lang)))


def ask_new_measure(root: Path, given: dict[str, object], *, interactive: bool) -> dict[str, object]:
    """Ask for each value the options left out, one question at a time (the questions and checks live in the core).

    Each answer is checked when given; options given are checked the same way, and asked again in a terminal."""
    from kpi.edit.new import answer_complaint, heading_code, next_question, take_answer
    from kpi.plan.loader import load_plan

    plan = load_plan(root).plan
    answers = dict(given)
    if interactive:
        for key, value in given.items():
            if value is not None and (complaint := answer_complaint(plan, answers, key, value)):
                typer.echo(f"--{key.replace('_', '-')}: {complaint}", err=True)
                answers[key] = None
    if isinstance(answers.get("pillar"), str):
        answers["pillar"] = heading_code(str(answers["pillar"])) or answers["pillar"]
    while (question := next_question(plan, answers)) is not None:
        if not interactive:
            if question.default is None:
                raise question.required()
            answers[question.key] = question.default
            continue
        text = question.text + (f" ({' / '.join(question.choices)})" if question.choices else "")
        shown = question.default not in (None, "")
        answer: object = typer.prompt(text, default=question.default, type=str, show_default=shown)
        if question.integer:  # read here, not by click, so that a refusal is in the officer's language
            if not str(answer).strip().isdecimal():
                refusal = _("'{value}' is not a whole number; type it in digits, such as 144.", value=answer)
                typer.echo(_("Error: {message}", message=refusal), err=True)
                continue
            answer = int(str(answer).strip())
        if complaint := take_answer(plan, answers, question, answer):
            typer.echo(complaint, err=True)
    return answers


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty()
