"""Validation of a measure's v1.1 keys outside the indicators: ``rs_ids`` and the yearly reports ``[reports.<FY>]``."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from kpi.i18n import N_, _
from kpi.model import Comment, Report
from kpi.plan.fields import COMMENT_KEYS, REPORT_KEYS, FieldReader
from kpi.plan.tomlread import KeyPath, show_value


def read_rs_ids(p: FieldReader, data: dict[str, Any]) -> tuple[str, ...]:
    """The 行政事業レビュー 予算事業ID list: strings as the RS system prints them (a bare number loses leading zeros)."""
    value = data.get("rs_ids")
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(value)
    if isinstance(value, list):
        fixed = ", ".join(show_value(str(v)) for v in value if not isinstance(v, bool | dict | list))
        p.problem(
            ("rs_ids",),
            _("expected the ids as text in quotes, got {got}; write rs_ids = [{fixed}]", got=show_value(value), fixed=fixed),
        )
    else:
        shown = show_value(str(value)) if isinstance(value, str | int) and not isinstance(value, bool) else '"..."'
        p.problem(
            ("rs_ids",),
            _("expected a list of ids in quotes, got {got}; write rs_ids = [{shown}]", got=show_value(value), shown=shown),
        )
    return ()


def read_reports(p: FieldReader, value: object) -> tuple[Report, ...]:
    """Every ``[reports.<FY>]`` table, sorted by year; a key that is not a year is an error."""
    if value is None:
        return ()
    table = p.table(value, ("reports",), _('[reports.2025] with done = "...", issues = "...", next = "...", budget = 130.5'))
    if table is None:
        return ()
    out = []
    otherwise = _("name the table after the fiscal year it reports on, e.g. [reports.2025]")
    for year, entry, path in p.year_tables(table, "reports", N_("{key} is not a year; {fix}"), otherwise):
        report = _report(p, year, entry, path)
        if report is not None:
            out.append(report)
    return tuple(sorted(out, key=lambda r: r.year))


def _report(p: FieldReader, year: int, entry: object, path: KeyPath) -> Report | None:
    body = p.table(entry, path, _('[reports.{year}] with done = "..."', year=year))
    if body is None:
        return None
    before = p.errors
    p.unknown_keys(body, REPORT_KEYS, path)
    texts = {key: p.free_text(body, key, path) for key in ("done", "issues", "next", "budget_note", "contact")}
    budget = _budget(p, body, path)
    submitted = body.get("submitted")
    if submitted is not None and (not isinstance(submitted, dt.date) or isinstance(submitted, dt.datetime)):
        p.problem((*path, "submitted"), _("expected a date like 2026-06-15 (no quotes), got {got}", got=show_value(submitted)))
        submitted = None
    comments = _comments(p, body.get("comments"), (*path, "comments"), year)
    if p.errors > before:
        return None
    return Report(year, budget=budget, submitted=submitted, comments=comments, **texts)


def _budget(p: FieldReader, body: dict[str, Any], path: KeyPath) -> float | None:
    if "budget" not in body:
        return None
    budget = p.as_number(body["budget"], (*path, "budget"))
    if budget is not None and (budget < 0 or not math.isfinite(budget)):
        p.problem(
            (*path, "budget"),
            _("{got} is below zero; write the year's budget in 百万円, e.g. budget = 130.5", got=show_value(budget)),
        )
        return None
    return budget


def _comments(p: FieldReader, value: object, path: KeyPath, year: int) -> tuple[Comment, ...]:
    if value is None:
        return ()
    example = _('[[reports.{year}.comments]] with from = "有識者会議" and text = "..."', year=year)
    if not isinstance(value, list):
        p.problem(path, _("expected {example} (double brackets)", example=example))
        return ()
    out = []
    for index, entry in enumerate(value):
        at = (*path, index)
        body = p.table(entry, at, example)
        if body is None:
            continue
        p.unknown_keys(body, COMMENT_KEYS, at)
        by = p.free_text(body, "from", at, required=True)
        text = p.free_text(body, "text", at, required=True)
        response = p.free_text(body, "response", at)
        if by is not None and text is not None:
            out.append(Comment(by, text, response))
    return tuple(out)
