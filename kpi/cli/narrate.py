"""``kpi narrate`` and ``kpi comment``: the words and the money of a measure's yearly report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kpi.cli import options
from kpi.cli.render import print_lines
from kpi.cli.status import ExitStatus
from kpi.i18n import N_, _

YearArg = Annotated[str, options.argument(N_("Fiscal year of the report: 2024, FY2024, R6, 令和6年度 …"), metavar=N_("YEAR"))]


commands = typer.Typer()  # gathered into the app by kpi.cli.typer_app


@commands.command("narrate")
def narrate_command(
    measure: options.MeasureArg,
    year: YearArg,
    done: Annotated[
        str | None,
        options.option(
            "--done", help=N_('取組実績: what was done in the year. "-" reads it from standard input; "" removes it.')
        ),
    ] = None,
    issues: Annotated[
        str | None,
        options.option(
            "--issues",
            help=N_(
                '課題・要因分析: why a figure lags or far exceeds its target. "-" reads it from standard input; "" removes it.'
            ),
        ),
    ] = None,
    next_steps: Annotated[
        str | None,
        options.option(
            "--next",
            help=N_('今後の取組方針: what the ministry will do next. "-" reads it from standard input; "" removes it.'),
        ),
    ] = None,
    budget: Annotated[str | None, options.option("--budget", help=N_('予算額 in 百万円 (130.5, 1,234); "" removes it.'))] = None,
    budget_note: Annotated[
        str | None,
        options.option(
            "--budget-note",
            help=N_('What the budget covers (当初予算、補正含まず). "-" reads it from standard input; "" removes it.'),
        ),
    ] = None,
    contact: Annotated[
        str | None,
        options.option("--contact", help=N_('The section that answered. "-" reads it from standard input; "" removes it.')),
    ] = None,
    edit: Annotated[bool, typer.Option("--edit", help=N_("Edit the year's three texts in $EDITOR (VISUAL, EDITOR)."))] = False,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Record a measure's yearly report (words and budget).

    Example: kpi narrate 8 R6 --done "検索サイトを改修した" --budget 130.5

    Only the options given change; the file is checked whole and written atomically, and
    running the same command again changes nothing. Replaced text is shown old → new.
    """
    from kpi.edit.narrate import ReportChange, record_report
    from kpi.views.edit import narrate_lines

    texts = {"done": done, "issues": issues, "next": next_steps, "budget_note": budget_note, "contact": contact}
    texts = _read_stdin(texts)
    if edit:
        texts.update(_edited(measure, year, {k: v for k, v in texts.items() if v is not None}, directory))
    if not edit and budget is None and all(v is None for v in texts.values()):
        typer.echo(
            _(
                "Error: {message}",
                message=_("nothing to record; give --done, --issues, --next, --budget, --budget-note, --contact or --edit"),
            ),
            err=True,
        )
        raise typer.Exit(ExitStatus.USAGE)
    change = ReportChange(budget=budget, **texts)
    print_lines(narrate_lines(record_report(options.root_of(directory), measure, year, change), options.lang_of(lang)))


def _read_stdin(texts: dict[str, str | None]) -> dict[str, str | None]:
    """Replace the one option given as "-" by standard input."""
    dashed = [key for key, value in texts.items() if value == "-"]
    if len(dashed) > 1:
        typer.echo(
            _("Error: {message}", message=_('only one option can read standard input ("-"); give the others as text')),
            err=True,
        )
        raise typer.Exit(ExitStatus.USAGE)
    if dashed:
        texts[dashed[0]] = sys.stdin.read()
    return texts


def _edited(measure: str, year: str, given: dict[str, str], directory: Path | None) -> dict[str, str]:
    """The three texts after the officer edited them in $EDITOR (the file's text, or what the options gave)."""
    from kpi.edit.narrate_form import form_text, read_form
    from kpi.edit.session import locate
    from kpi.edit.values import year_option

    located = locate(options.root_of(directory), measure)
    import click

    text = click.edit(form_text(located.measure.report(year_option(year)), given), extension=".txt", require_save=True)
    if text is None:
        typer.echo(_("Not saved: nothing was recorded."), err=True)
        raise typer.Exit(ExitStatus.OK)
    return read_form(text)


@commands.command("comment")
def comment_command(
    measure: options.MeasureArg,
    year: YearArg,
    text_or_number: Annotated[
        str | None,
        typer.Argument(
            metavar=N_("TEXT|N"),
            help=N_(
                'With --from: the comment ("-" reads standard input). With --response: the comment\'s number (see kpi show).'
            ),
            show_default=False,
        ),
    ] = None,
    by: Annotated[str | None, options.option("--from", help=N_("Who commented: 有識者会議, 推進会議 …"))] = None,
    response: Annotated[
        str | None,
        typer.Option("--response", help=N_('The ministry\'s answer to comment N ("-" reads standard input; "" removes it).')),
    ] = None,
    directory: options.DirOption = None,
    lang: options.LangOption = None,
) -> None:
    """Add a comment on a yearly report, or answer one.

    Example: kpi comment 8 R6 --from 有識者会議 "周知を強化されたい"

    The answer to comment 1: kpi comment 8 R6 1 --response "SNS広告を開始する". Comments are
    numbered 1, 2 … per year as kpi show lists them; adding the same comment twice adds it once.
    """
    from kpi.edit.narrate import add_comment, answer_comment
    from kpi.views.edit import comment_lines

    if (by is None) == (response is None) or text_or_number is None:
        typer.echo(
            _(
                "Error: {message}",
                message=_("give --from WHO TEXT to add a comment, or N --response TEXT to answer comment N"),
            ),
            err=True,
        )
        raise typer.Exit(ExitStatus.USAGE)
    root = options.root_of(directory)
    if by is not None:
        text = sys.stdin.read() if text_or_number == "-" else text_or_number
        print_lines(comment_lines(add_comment(root, measure, year, by, text), options.lang_of(lang)))
        return
    if not text_or_number.strip().isdigit():
        from kpi.text import terminal_safe

        problem = _(
            "'{value}' is not a comment number; give N as 1, 2 … (see `kpi show {measure}`)",
            value=terminal_safe(text_or_number),
            measure=measure,
        )
        typer.echo(_("Error: {message}", message=problem), err=True)
        raise typer.Exit(ExitStatus.USAGE)
    answer = sys.stdin.read() if response == "-" else (response or "")
    result = answer_comment(root, measure, year, int(text_or_number), answer)
    print_lines(comment_lines(result, options.lang_of(lang), answering=True))
