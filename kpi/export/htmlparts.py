"""Parts of the HTML page shared by the working view (kpi.export.html) and the printed paper (kpi.export.htmlprint).

- ``overview``: a stacked bar of statuses per top-level heading (with the four pillars' totals) and per ministry,
  the first thing a reader sees (as Open SDG sites open);
- ``lagging_table`` and ``missing_table``: the two lists laid out like the main table — unit, baseline,
  達成率, figures with their years on one line, statuses coloured — a row at a time;
- ``each_group``: the table's rows under their headings, kept or made again as they are written.

Both pages are written as they are made (``html_pieces``, ``print_pieces``): the overview's counts come from the
report's tallies, so it stands before rows that are not made yet.

Every text from a measure file goes through ``escape``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from itertools import groupby

from kpi.export.pillars import heading
from kpi.export.reviewtable import figure_text
from kpi.export.sections import LAST_REPORTED, year_word
from kpi.export.table import EvalRow, Evaluation, listed_values
from kpi.i18n import in_lang
from kpi.judge import review
from kpi.model import Status
from kpi.text import finite, percent
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import Lang, headings, status_label, year_label
from kpi.views.report import STATUS_ORDER

PARTS_CSS = """
.overview{display:grid;grid-template-columns:minmax(8em,22em) 1fr 5em;gap:3px 10px;align-items:center;margin:8px 0 16px;
  max-width:1100px}
.overview .name{font-size:12px;overflow-wrap:anywhere}.overview .n{font-size:12px;text-align:right;white-space:nowrap}
.overview .total{font-weight:bold}
.bar{display:flex;height:18px;border:1px solid #c9ced6;background:#fff}
.bar span{display:block;height:100%;border-left:none!important}
.bar span.st-no_data{background:#c4c8ce!important}
.legend-bar{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;margin:4px 0}
.legend-bar i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px;border:1px solid #999}
table.list{width:100%;max-width:1600px}
table.list td{text-align:left}
table.list td.num{text-align:right;white-space:nowrap}
table.list td.fig{white-space:nowrap}
table.list td.title,table.list td.indicator{min-width:14em}
"""


def bar_css() -> str:
    """Bar segments and legend marks in each status's ink colour (the table cells use the light background)."""
    return "".join(f".bar .st-{s.value},.legend-bar i.st-{s.value}{{background:{c.ink}}}" for s, c in STATUS_COLOURS.items())


def _segments(statuses: dict[Status, int], total: int, lang: Lang) -> str:
    parts = []
    for status in STATUS_ORDER:
        count = statuses.get(status, 0)
        if not count or not total:
            continue
        label = escape(f"{status_label(status, lang)} {count}")
        parts.append(f'<span class="st-{status.value}" style="width:{count / total * 100:.3f}%" title="{label}"></span>')
    return "".join(parts)


def _bar_row(name: str, tally: review.Tally, lang: Lang, total: bool = False) -> str:
    cls = ' class="name total"' if total else ' class="name"'
    count = in_lang(lang, "{count} ind.", count=tally.indicators)
    return (
        f"<div{cls}>{escape(name)}</div>"
        f'<div class="bar" role="img" aria-label="{escape(_counts_text(tally, lang))}">'
        f"{_segments(dict(tally.statuses), tally.indicators, lang)}</div>"
        f'<div class="n{" total" if total else ""}">{escape(count)}</div>'
    )


def _counts_text(tally: review.Tally, lang: Lang) -> str:
    sep = in_lang(lang, ", ", ctx="join")
    return sep.join(f"{status_label(s, lang)} {tally.statuses[s]}" for s in STATUS_ORDER if tally.statuses[s])


def legend(ev: Evaluation) -> str:
    return (
        '<div class="legend-bar">'
        + "".join(f'<span><i class="st-{s.value}"></i>{escape(status_label(s, ev.lang))}</span>' for s in ev.statuses)
        + "</div>"
    )


def overview(ev: Evaluation) -> str:
    """Stacked status bars: the four top-level headings and their total, then each ministry."""
    lang = ev.lang
    tops = review.by_top_pillar(ev.report)
    out = [f'<section id="overview"><h2>{escape(in_lang(lang, "Overview", ctx="html"))}</h2>', legend(ev)]
    out.append(f'<h3>{escape(in_lang(lang, "By pillar", ctx="html"))}</h3><div class="overview" data-overview="pillar">')
    for tally in tops:
        out.append(_bar_row(heading(tally.key, ev.report.headings) or "—", tally, lang))
    out.append(_bar_row(in_lang(lang, "Total", ctx="export"), ev.total, lang, total=True))
    by_ministry = escape(in_lang(lang, "By ministry", ctx="html"))
    out.append(f'</div><h3>{by_ministry}</h3><div class="overview" data-overview="ministry">')
    for tally in ev.by_ministry:
        out.append(_bar_row(tally.key, tally, ev.lang))
    out.append("</div></section>\n")
    return "".join(out)


def _status_cell(status: Status, lang: Lang) -> str:
    return f'<td class="status st st-{status.value}" data-status="{status.value}">{escape(status_label(status, lang))}</td>'


def lagging_table(ev: Evaluation) -> Iterator[str]:
    """The lagging list as a table, a row at a time (a large plan's list is never one string)."""
    lang = ev.lang
    head = (
        *headings(lang, "number", "title", "indicator", "unit", "baseline"),
        in_lang(lang, "Latest", ctx="export"),
        *headings(lang, "target_value", "achievement", "progress"),
        in_lang(lang, "Pace", ctx="export"),
        *headings(lang, "status"),
    )
    if not ev.lagging:
        yield f"<p>{escape(in_lang(lang, 'None.', ctx='list'))}</p>\n"
        return
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    yield f'<table class="list" data-section="lagging"><thead><tr>{header}</tr></thead><tbody>\n'
    for index, item in enumerate(ev.lagging):
        a = item.assessment
        unit, basis = a.indicator.unit, a.indicator.year_basis
        pace = finite(a.pace)
        cells = [
            f'<td class="num">{item.result.number:03d}</td>' if item.result.number is not None else "<td></td>",
            f'<td class="title">{escape(item.result.measure.title)}</td>',
            f'<td class="indicator">{escape(a.indicator.name)}</td>',
            f"<td>{escape(unit)}</td>",
            f'<td class="fig">{escape(figure_text(finite(a.baseline), unit, a.baseline_year, basis, ev.lang))}</td>',
            f'<td class="fig">{escape(figure_text(finite(a.actual), unit, a.actual_year, basis, ev.lang))}</td>',
            f'<td class="fig">{escape(figure_text(finite(a.target), unit, a.deadline, basis, ev.lang))}</td>',
            f'<td class="num">{percent(finite(a.achievement))}</td>',
            f'<td class="num">{percent(finite(a.progress))}</td>',
            f'<td class="num">{"" if pace is None else f"{pace:.2f}"}</td>',
            _status_cell(a.status, ev.lang),
        ]
        yield ("\n<tr>" if index else "<tr>") + "".join(cells) + "</tr>"
    yield "</tbody></table>\n"


def missing_table(ev: Evaluation) -> Iterator[str]:
    """The missing list as a table, a row at a time."""
    lang = ev.lang
    head = (
        in_lang(lang, "Ministry", ctx="export"),
        *headings(lang, "number", "title", "indicator", "unit"),
        in_lang(lang, LAST_REPORTED[year_word(ev)] if lang is Lang.JA else LAST_REPORTED[0]),
    )
    if not any(group.items for group in ev.missing.groups):
        yield f"<p>{escape(in_lang(lang, 'None.', ctx='list'))}</p>\n"
        return
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    yield f'<table class="list" data-section="missing"><thead><tr>{header}</tr></thead><tbody>\n'
    first = True
    for group in ev.missing.groups:
        for index, item in enumerate(group.items):
            last = item.last_year
            shown = in_lang(lang, "never", ctx="reported") if last is None else year_label(last, item.indicator.year_basis, lang)
            cells = [
                f'<td class="ministry">{escape(group.ministry) if index == 0 else ""}</td>',
                f'<td class="num">{item.number:03d}</td>' if item.number is not None else "<td></td>",
                f'<td class="title">{escape(item.result.measure.title)}</td>',
                f'<td class="indicator">{escape(item.indicator.name)}</td>',
                f"<td>{escape(item.indicator.unit)}</td>",
                f'<td class="fig">{escape(shown)}</td>',
            ]
            yield ("<tr>" if first else "\n<tr>") + "".join(cells) + "</tr>"
            first = False
    yield "</tbody></table>\n"


def each_group(ev: Evaluation) -> Iterator[tuple[str, str, Iterable[EvalRow]]]:
    """The table's headings in order, each as (code, heading, its rows): the rows kept in ``ev``, or, when ``ev`` is
    streamed, made one at a time as they are read (the same rows, under the same headings)."""
    if not ev.streamed:
        for group in ev.groups:
            yield group.pillar, group.heading, group.rows
        return
    for key, listed in groupby(listed_values(ev.report, ev.lang), key=lambda item: item[0]):
        rows = (
            EvalRow(result, result.assessments[index], index == 0, values, repeat) for _, result, index, repeat, values in listed
        )
        yield key, ev.heading(key), rows
