"""The evaluation table as one self-contained HTML page: charts, status labels, sorting, filtering, print.

The page loads nothing from the network: styles, script and charts are inline, and a
Content-Security-Policy allows only the page's own script (by hash), so even a title that slipped past
escaping could not run code or fetch anything. Every text from a measure file goes through ``escape``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from html import escape

from kpi.export.chart import svg_chart
from kpi.export.htmlparts import PARTS_CSS, bar_css, each_group, lagging_table, missing_table, overview
from kpi.export.plain import display, section_text
from kpi.export.sections import SECTION_KEYS, section
from kpi.export.table import EvalRow, Evaluation, Fmt, Progress, evaluation_title, shown_title
from kpi.i18n import in_lang
from kpi.model import Status
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import COLUMNS, Lang, status_label, year_label
from kpi.views.narrative import MEASURE_TEXT_KEYS

# (key, heading key of labels.HEADINGS, sort type); the cell text comes from _cells.
HTML_COLUMNS = [
    ("number", "number", "num"),
    ("title", "title", "text"),
    ("ministries", "ministries", "text"),
    ("indicator", "indicator", "text"),
    ("primary", "primary", "text"),
    ("unit", "unit", "text"),
    ("baseline", "baseline", "num"),
    ("target", "target_value", "num"),
    ("actual", "latest_actual", "num"),
    ("achievement", "achievement", "num"),
    ("progress", "progress", "num"),
    ("expected", "expected", "num"),
    ("pace", "pace", "num"),
    ("status", "status", "text"),
    ("flags", "flags", "text"),
    ("grade_label", "grade_label", "text"),
    ("lagging", "lagging", "text"),
    ("chart", "chart", "none"),
    ("notes", "notes", "text"),
    ("source", "source", "text"),
    ("done", "done", "text"),
    ("issues", "issues", "text"),
    ("next", "next_steps", "text"),
    ("budget", "budget", "num"),
]
YEAR_OF = {"baseline": "baseline_year", "target": "deadline", "actual": "actual_year"}
FORMAT_OF = {
    "number": Fmt.INT,
    "baseline": Fmt.NUMBER,
    "target": Fmt.NUMBER,
    "actual": Fmt.NUMBER,
    "achievement": Fmt.PERCENT,
    "progress": Fmt.PERCENT,
    "expected": Fmt.PERCENT,
    "pace": Fmt.RATIO,
    "lagging": Fmt.BOOL,
    "budget": Fmt.NUMBER,
}

SCRIPT = """
(function () {
  var table = document.getElementById('evaluation');
  var search = document.getElementById('filter-text');
  var status = document.getElementById('filter-status');
  var lagOnly = document.getElementById('filter-lagging');
  var count = document.getElementById('shown-count');
  function key(cell, type) {
    if (type === 'num') {
      var v = cell.getAttribute('data-v');
      return v === null || v === '' ? null : parseFloat(v);
    }
    return cell.textContent.trim();
  }
  function sortBy(th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var type = th.getAttribute('data-type');
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.slice.call(body.querySelectorAll('tr.row'));
      rows.sort(function (a, b) {
        var x = key(a.children[index], type), y = key(b.children[index], type);
        if (x === y) { return Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order')); }
        if (x === null || x === '') { return 1; }
        if (y === null || y === '') { return -1; }
        var c = type === 'num' ? x - y : x.localeCompare(y, 'ja');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  }
  function applyFilter() {
    var words = search.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var lag = lagOnly.checked;
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var any = false;
      Array.prototype.forEach.call(body.querySelectorAll('tr.row'), function (r) {
        var text = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
          (!wanted || r.getAttribute('data-status') === wanted) && (!lag || r.getAttribute('data-lagging') === '1');
        r.hidden = !ok;
        if (ok) { any = true; shown += 1; }
      });
      body.hidden = !any;
    });
    count.textContent = String(shown);
  }
  Array.prototype.forEach.call(table.querySelectorAll('thead th[data-type]'), function (th) {
    if (th.getAttribute('data-type') === 'none') { return; }
    var button = th.querySelector('button');
    button.addEventListener('click', function () { sortBy(th); });
  });
  search.addEventListener('input', applyFilter);
  status.addEventListener('change', applyFilter);
  lagOnly.addEventListener('change', applyFilter);
  applyFilter();
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string, the rule or the <style> element."""
    return '"' + "".join(ch if ch.isalnum() or ch in " ・（）()　-" else f"\\{ord(ch):x} " for ch in text) + '"'


def page_rules(title: str) -> str:
    """Printed pages: the plan's name and year at the top, the page number at the bottom (A3 or A4, as printed)."""
    return (
        "@media print{@page{@top-left{content:" + css_string(title) + ";font-size:9pt;color:#444}"
        '@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#444}}}'
    )


def _css(title: str = "") -> str:
    status_rules = "".join(
        f".st-{s.value}{{background:{c.background};color:#111;border-left:4px solid {c.ink}}}" for s, c in STATUS_COLOURS.items()
    )
    return (
        """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK JP","Hiragino Kaku Gothic ProN","Yu Gothic","Meiryo",system-ui,sans-serif;margin:16px;
  color:#111;font-size:13px;line-height:1.45}
h1{font-size:20px;margin:0 0 8px}
h2{font-size:16px;margin:24px 0 8px;border-bottom:2px solid #333;padding-bottom:2px}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;font-size:12px}
dl.prov dt{font-weight:bold;color:#444}dl.prov dd{margin:0}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.chip{padding:2px 8px;border-radius:3px;font-size:12px}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:12px 0;padding:8px;background:#f5f6f8;
  border:1px solid #d0d4da}
.controls input[type=search]{width:20em;padding:3px 6px}
table{border-collapse:collapse;width:100%}
.scroll{overflow:auto;max-width:100%;max-height:85vh;border:1px solid #c9ced6}
#evaluation td.number,#evaluation th.number{position:sticky;left:0;z-index:1;background:#fff;min-width:3.2em;width:3.2em}
#evaluation td.title{position:sticky;left:3.2em;z-index:1;background:#fff;box-shadow:2px 0 0 #c9ced6}
#evaluation thead th{z-index:2}#evaluation thead th:nth-child(1),#evaluation thead th:nth-child(2){position:sticky;z-index:3}
#evaluation thead th:nth-child(1){left:0}#evaluation thead th:nth-child(2){left:3.2em}
th,td{border:1px solid #c9ced6;padding:3px 4px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:#2f3b4c;color:#fff;position:sticky;top:0;z-index:1;font-size:12px;vertical-align:bottom}
thead th button{-webkit-appearance:none;appearance:none;display:inline;background:none;border:0;padding:0;margin:0;
  font:inherit;color:inherit;cursor:pointer;text-align:inherit}
thead th button::after{content:" \\2195";opacity:.5}
thead th[aria-sort=ascending] button::after{content:" \\2191";opacity:1}
thead th[aria-sort=descending] button::after{content:" \\2193";opacity:1}
tr.group th{background:#e6e9ee;color:#111;text-align:left;font-size:14px;position:static}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.st{white-space:nowrap;font-weight:bold}
td.title{min-width:12em}td.indicator{min-width:12em}td.ministries{min-width:5em}
td.unit,td.lagging{min-width:2.6em}td.grade_label{min-width:7.5em}
tr.cont td.title,tr.cont td.ministries{color:#777}
td.chart{padding:1px;width:244px}
td.notes{min-width:10em;font-size:12px;color:#333}
.yr{color:#555;font-size:11px;display:block}
svg.chart{display:block;background:#fff}
svg.chart .axis{stroke:#888;stroke-width:1}
svg.chart .tick{font-size:9px;fill:#555}
svg.chart .now-label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart .plan{stroke:#555;stroke-width:1.4;stroke-dasharray:4 3;fill:none}
svg.chart .actual{stroke-width:2;fill:none}
svg.chart .deadline{stroke:#b45309;stroke-width:1;stroke-dasharray:2 2}
svg.chart .now{stroke:#94a3b8;stroke-width:1}
svg.chart .milestone{fill:#fff;stroke:#555;stroke-width:1.2}
svg.chart .target{fill:#fff;stroke:#111;stroke-width:1.6}
table.summary{width:auto}table.summary td{text-align:right}table.summary td:first-child{text-align:left}
.legend{font-size:12px;color:#333;margin:6px 0}
.print-label{display:none}
td.number{min-width:2.8em}
@media print{
  @page{margin:12mm 8mm}
  .scroll{overflow:visible;max-height:none;border:0}
  #evaluation td.title,#evaluation td.number,#evaluation thead th{position:static!important;box-shadow:none}
  body{margin:0;font-size:9pt}
  .controls,thead th button{display:none}
  .print-label{display:inline}
  thead{display:table-header-group}
  thead th{position:static}
  tr,td,th{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
        + status_rules
        + PARTS_CSS
        + bar_css()
        + page_rules(title)
    )


LISTS = {"lagging": lagging_table, "missing": missing_table}


def _num_cell(key: str, row: EvalRow, lang: Lang) -> str:
    value = row.values[key]
    text = escape(display(value, FORMAT_OF.get(key, Fmt.NUMBER), lang))
    raw = "" if value is None or isinstance(value, bool) else repr(value)
    year_key = YEAR_OF.get(key)
    year = row.values[year_key] if year_key else None
    extra = f'<span class="yr">{year_label(year, None, lang)}</span>' if isinstance(year, int) and text else ""
    return f'<td class="num {key}" data-v="{escape(raw)}">{text}{extra}</td>'


def _row(row: EvalRow, order: int, lang: Lang) -> str:
    cells = []
    for key, _, kind in HTML_COLUMNS:
        if key == "chart":
            cells.append(f'<td class="chart">{svg_chart(row.assessment, lang)}</td>')
        elif key == "status":
            code = row.status.value
            cells.append(f'<td class="status st st-{code}" data-status="{code}">{escape(status_label(row.status, lang))}</td>')
        elif key in MEASURE_TEXT_KEYS and not row.first:
            cells.append(f'<td class="{key}"></td>')  # the measure's report, once per measure
        elif kind == "num":
            cells.append(_num_cell(key, row, lang))
        elif key == "title":
            cells.append(f'<td class="title">{escape(shown_title(row, lang))}</td>')
        else:
            text = display(row.values[key], FORMAT_OF.get(key, Fmt.TEXT), lang)
            cells.append(f'<td class="{key}">{escape(text)}</td>')
    classes = ("row" if row.first else "row cont") + (" again" if row.repeat else "")
    lag = "1" if row.assessment.lagging else "0"
    return (
        f'<tr class="{classes}" data-order="{order}" data-status="{row.status.value}" data-lagging="{lag}" '
        f'data-measure="{escape(row.result.measure.id)}" data-indicator="{escape(row.assessment.indicator.id)}">'
        + "".join(cells)
        + "</tr>"
    )


def _sort_header(label: str) -> str:
    # Chromium drops a button's text from table headers repeated on later printed pages: print a plain copy.
    text = escape(label)
    return f'<button type="button">{text}</button><span class="print-label">{text}</span>'


def _chip(status: Status, count: int, lang: Lang) -> str:
    return f'<span class="chip st-{status.value}">{escape(status_label(status, lang))} {count}</span>'


def to_html(ev: Evaluation, progress: Progress | None = None) -> str:
    """The whole page as one string (``html_pieces`` joined)."""
    return "".join(html_pieces(ev, progress))


def html_pieces(ev: Evaluation, progress: Progress | None = None) -> Iterator[str]:
    """The page in pieces as it is made, a row at a time: a large plan's page is never whole in memory."""
    lang = ev.lang
    title = evaluation_title(ev)
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    yield (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{_css(title)}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
    )
    yield (
        '<dl class="prov">'
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in ev.provenance.items(lang))
        + "</dl>\n"
    )
    yield '<div class="chips">' + "".join(_chip(s, ev.total.statuses[s], lang) for s in ev.statuses) + "</div>\n"
    yield overview(ev)  # from the report's tallies: the rows are not made yet
    options = "".join(f'<option value="{s.value}">{escape(status_label(s, lang))}</option>' for s in ev.statuses)
    total_rows = ev.listed_count
    yield (
        '<div class="controls" role="search">'
        f'<label>{escape(in_lang(lang, "Filter", ctx="html"))} <input type="search" id="filter-text" '
        f'placeholder="{escape(in_lang(lang, "measure, ministry, indicator…"))}"></label>'
        f'<label>{escape(COLUMNS[lang]["status"])} <select id="filter-status">'
        f'<option value="">{escape(in_lang(lang, "all", ctx="html"))}</option>{options}</select></label>'
        f'<label><input type="checkbox" id="filter-lagging"> {escape(in_lang(lang, "lagging only"))}</label>'
        f"<span>{escape(in_lang(lang, 'Shown', ctx='html'))} "
        f'<output id="shown-count">{total_rows}</output> / {total_rows}</span></div>\n'
    )
    legend = in_lang(
        lang,
        "Charts: dashed = planned path from baseline to target, ◇ = milestone, ○ = target, dotted vertical = deadline, "
        "grey vertical = evaluation year, dots and line = actuals (coloured by status)",
    )
    yield f'<p class="legend">{escape(legend)}</p>\n'
    header = "".join(
        f'<th scope="col" class="{key}" data-type="{kind}">'
        + (escape(COLUMNS[lang][heading]) if kind == "none" else _sort_header(COLUMNS[lang][heading]))
        + "</th>"
        for key, heading, kind in HTML_COLUMNS
    )
    yield f'<div class="scroll"><table id="evaluation">\n<thead><tr>{header}</tr></thead>\n'
    done = 0
    for pillar, shown, rows in each_group(ev):
        yield (
            f'<tbody data-pillar="{escape(pillar)}"><tr class="group"><th colspan="{len(HTML_COLUMNS)}" scope="colgroup">'
            f"{escape(shown or '—')}</th></tr>\n"
        )
        for row in rows:
            yield _row(row, done, lang) + "\n"
            done += 1
            if progress is not None:
                progress(done, total_rows)
        yield "</tbody>\n"
    yield "</table></div>\n"
    for key in SECTION_KEYS:
        part = section(ev, key, remade=True)  # the long lists' rows are made as they are written
        yield f'<h2 id="{part.key}">{escape(part.title)}</h2>\n'
        if part.key in LISTS:
            yield from LISTS[part.key](ev)
            continue
        if not part.rows:
            yield f"<p>{escape(in_lang(lang, 'None.', ctx='list'))}</p>\n"
            continue
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in part.header)
        yield f'<table class="summary" data-section="{part.key}"><thead><tr>{head}</tr></thead><tbody>\n'
        for cells in section_text(part, lang):
            yield "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>\n"
        yield "</tbody></table>\n"
    yield f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
