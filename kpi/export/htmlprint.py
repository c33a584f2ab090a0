"""``kpi export --format html --print``: a 推進会議資料-style paper, printed to PDF by any browser.

Cover (plan, year, edition, method, date), the summary (status counts and the stacked bars by pillar and by
ministry, the pillar table), the follow-up table (one row per indicator under its heading, figures with years),
then the lagging and missing lists. A4 landscape; every page carries the plan's name and year at the top and
its number at the bottom; rows never split across pages. No script at all: the page's policy allows none.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from kpi.export.html import _chip, _css
from kpi.export.htmlparts import each_group, lagging_table, missing_table, overview
from kpi.export.plain import section_text
from kpi.export.reviewtable import figures_heading, figures_text
from kpi.export.sections import section
from kpi.export.table import Evaluation, Progress, evaluation_title, shown_title
from kpi.i18n import in_lang
from kpi.model import YearBasis
from kpi.text import finite, percent
from kpi.views.labels import headings, status_label, year_label

PRINT_CSS = """
@page{size:A4 landscape;margin:14mm 10mm}
@page :first{@top-left{content:none}@bottom-center{content:none}}
body{margin:0;font-size:9.5pt}
.cover{height:160mm;display:flex;flex-direction:column;justify-content:center;break-after:page}
.cover h1{font-size:26pt;margin:0 0 6mm}.cover .sub{font-size:16pt;margin:0 0 12mm}
.cover dl{font-size:10pt}
section{break-before:page}
section#summary{break-before:auto}
table.follow{width:100%;font-size:8.5pt}
table.follow td,table.follow th{padding:2px 3px}
table.follow td.fig{white-space:pre-line;min-width:15em}
table.follow td.num{text-align:right;white-space:nowrap}
table.follow tr.group th{background:#e6e9ee;color:#111;text-align:left;font-size:10pt}
table.follow thead th{position:static}
tr,td,th{break-inside:avoid}
thead{display:table-header-group}
h2{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
"""


def _follow_table(ev: Evaluation, progress: Progress | None) -> Iterator[str]:
    lang = ev.lang
    done, total = 0, ev.listed_count
    head = (
        *headings(lang, "number", "title", "indicator"),
        figures_heading(ev.bases, lang),
        *headings(lang, "achievement", "status", "grade_label", "notes"),
    )
    yield '<table class="follow" id="follow-up"><thead><tr>' + "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    yield "</tr></thead>\n"
    for _pillar, shown, rows in each_group(ev):
        yield f'<tbody><tr class="group"><th colspan="{len(head)}">{escape(shown or "—")}</th></tr>\n'
        for row in rows:
            a = row.assessment
            number = row.result.number
            first = row.first or row.repeat
            yield (
                "<tr>"
                + (f'<td class="num">{number:03d}</td>' if number is not None and first else "<td></td>")
                + f'<td class="title">{escape(shown_title(row, ev.lang)) if first else ""}</td>'
                + f'<td class="indicator">{escape(a.indicator.name)}</td>'
                + f'<td class="fig">{escape(figures_text(a, ev.lang))}</td>'
                + f'<td class="num">{percent(finite(a.achievement))}</td>'
                + f'<td class="st st-{a.status.value}">{escape(status_label(a.status, ev.lang))}</td>'
                + f"<td>{escape(str(row.values['grade_label'])) if first else ''}</td>"
                + f'<td class="notes">{escape(str(row.values["notes"]))}</td>'
                + "</tr>\n"
            )
            done += 1
            if progress is not None:
                progress(done, total)
        yield "</tbody>\n"
    yield "</table>\n"


def to_print_html(ev: Evaluation, progress: Progress | None = None) -> str:
    """The printable paper as one self-contained page (``print_pieces`` joined)."""
    return "".join(print_pieces(ev, progress))


def print_pieces(ev: Evaluation, progress: Progress | None = None) -> Iterator[str]:
    """The printable paper in pieces as it is made, a row at a time: a large plan's paper is never whole in memory."""
    lang = ev.lang
    year = year_label(ev.report.year, YearBasis.FISCAL, lang)
    title = evaluation_title(ev)
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    by_pillar = section(ev, "by_pillar")
    pillar_rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>\n" for cells in section_text(by_pillar, lang)
    )
    pillar_head = "".join(f'<th scope="col">{escape(h)}</th>' for h in by_pillar.header)
    missing_title = section(ev, "missing", remade=True).title
    yield from (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n<title>{escape(title)}</title>\n'
        f'<style>{_css(title)}{PRINT_CSS}</style>\n</head>\n<body class="paper">\n',
        '<div class="cover">',
        f"<h1>{escape(ev.report.plan_name)}</h1>",
        f'<p class="sub">{escape(in_lang(lang, "Progress of the outcome indicators {year}", year=year))}</p>',
        '<dl class="prov">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in ev.provenance.items(lang)),
        "</dl></div>\n",
        f'<section id="summary"><h2>{escape(in_lang(lang, "Summary", ctx="html"))}</h2>',
        '<div class="chips">' + "".join(_chip(s, ev.total.statuses[s], lang) for s in ev.statuses) + "</div>",
        overview(ev),  # from the report's tallies: the rows are not made yet
        f'<table class="summary"><thead><tr>{pillar_head}</tr></thead><tbody>{pillar_rows}</tbody></table></section>\n',
        f'<section id="follow"><h2>{escape(in_lang(lang, "Follow-up table"))}</h2>',
    )
    yield from _follow_table(ev, progress)
    yield f'</section>\n<section id="lagging"><h2>{escape(in_lang(lang, "Lagging indicators"))}</h2>'
    yield from lagging_table(ev)
    yield f'</section>\n<section id="missing"><h2>{escape(missing_title)}</h2>'
    yield from missing_table(ev)
    yield "</section>\n</body>\n</html>\n"
