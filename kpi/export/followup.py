"""The follow-up layout (`kpi export --layout followup`): one row per measure, in the shape of the yearly follow-up
tables of Japan's 大綱 and 基本計画, grouped by pillar, in md and html here (xlsx in ``kpi.export.followup_xlsx``).

施策 | 担当府省 | 取組実績【予算額】 | 指標：実績値【目標値】と状況 | 評価（区分） | 課題・要因分析 | 今後の取組方針

Indicators are listed by their logic-model stage (アウトプット, 短期アウトカム …) where the file sets one. The
comments on the year's reports follow in their own section, unanswered ones highlighted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from kpi.export import comments as comment_table
from kpi.export.comments import CommentRow, comment_cells, comment_rows, comments_header
from kpi.export.pillars import Group, by_heading
from kpi.export.provenance import Provenance
from kpi.export.reviewtable import figure_text
from kpi.export.table import grade_text
from kpi.i18n import in_lang
from kpi.judge.assess import Assessment
from kpi.judge.report import MeasureResult, Report
from kpi.model import Stage, Status, YearBasis
from kpi.text import number
from kpi.views.cells import md_cell
from kpi.views.colours import STATUS_COLOURS
from kpi.views.labels import COLUMNS, STAGE, Lang, headings, status_label, year_label

KEYS = ("measure", "ministries", "done", "indicators", "grade", "issues", "next")


def headers(lang: Lang) -> tuple[str, ...]:
    """The follow-up table's headings, in KEYS' order."""
    return (
        COLUMNS[lang]["title"],
        in_lang(lang, "Ministries", ctx="followup"),
        in_lang(lang, "What was done [budget]"),
        in_lang(lang, "Indicator: latest figure [target], status"),
        in_lang(lang, "Grade", ctx="followup"),
        *headings(lang, "issues", "next_steps"),
    )


@dataclass(frozen=True)
class IndicatorLine:
    stage: Stage | None
    text: str  # ・name: figure [target]
    status: Status
    needs_explanation: bool


@dataclass(frozen=True)
class FollowupRow:
    result: MeasureResult
    cells: dict[str, str]  # by KEYS; "indicators" holds the lines joined, for plain formats
    indicators: tuple[IndicatorLine, ...]
    needs_explanation: bool  # some indicator owes reasons the report does not give

    @property
    def worst(self) -> Status | None:
        ranked = [line.status for line in self.indicators if line.status.rank is not None]
        return min(ranked, key=lambda s: s.rank or 0) if ranked else None


@dataclass(frozen=True)
class Followup:
    """The follow-up table: its measures placed under their headings, each row made when it is read (``rows_of``), so
    that a writer holds one row at a time, however many measures the plan has."""

    report: Report
    provenance: Provenance
    lang: Lang
    placed: tuple[Group[MeasureResult], ...]  # the measures under their headings, in the edition's order
    comments: tuple[CommentRow, ...]

    def rows_of(self, group: Group[MeasureResult]) -> Iterator[FollowupRow]:
        """The rows of one heading's measures, made as they are read."""
        return (followup_row(result, self.lang) for result in group.rows)

    @property
    def rows(self) -> list[FollowupRow]:
        return [row for group in self.placed for row in self.rows_of(group)]

    def title(self) -> str:
        year = year_label(self.report.year, YearBasis.FISCAL, self.lang)
        return in_lang(self.lang, "{plan} follow-up {year}", plan=self.report.plan_name, year=year)


def indicator_line(a: Assessment, lang: Lang) -> IndicatorLine:
    ind = a.indicator
    status = status_label(a.status, lang)
    shown = ind.quantitative and a.actual is not None
    figure = figure_text(a.actual, ind.unit, a.actual_year, ind.year_basis, lang, spaced=False) if shown else ""
    target = figure_text(ind.target, ind.unit, ind.deadline, ind.year_basis, lang, spaced=False) if ind.target is not None else ""
    text = in_lang(lang, "・{name}: {figure}", name=ind.name, figure=figure) if figure else f"・{ind.name}"
    if target:
        text = in_lang(lang, "{line} [target {target}]", line=text, target=target)
    text += f" {status}"
    if a.needs_explanation:
        text += f" ※{COLUMNS[lang]['needs_explanation']}"
    return IndicatorLine(ind.stage, text, a.status, a.needs_explanation)


def stage_blocks(lines: tuple[IndicatorLine, ...], lang: Lang) -> list[tuple[str, list[IndicatorLine]]]:
    """The indicator lines under their stage label, in the logic model's order; lines with no stage first, unlabelled."""
    out: list[tuple[str, list[IndicatorLine]]] = []
    unstaged = [line for line in lines if line.stage is None]
    if unstaged:
        out.append(("", unstaged))
    for stage in Stage:
        staged = [line for line in lines if line.stage is stage]
        if staged:
            out.append((f"〈{STAGE[lang][stage]}〉", staged))
    return out


def _done_cell(result: MeasureResult, lang: Lang) -> str:
    report = result.report
    done = report.done if report is not None and report.done else in_lang(lang, "(not submitted)")
    if report is None or report.budget is None:
        return done
    amount = number(report.budget)
    if report.budget_note:
        budget = in_lang(lang, "[Budget JPY {amount} million ({note})]", amount=amount, note=report.budget_note)
    else:
        budget = in_lang(lang, "[Budget JPY {amount} million]", amount=amount)
    return f"{done}\n{budget}"


def followup_row(result: MeasureResult, lang: Lang) -> FollowupRow:
    lines = tuple(indicator_line(a, lang) for a in result.assessments)
    blocks = stage_blocks(lines, lang)
    indicator_text = "\n".join("\n".join(([label] if label else []) + [line.text for line in block]) for label, block in blocks)
    report = result.report
    number_text = f"No.{result.number:03d} " if result.number is not None else ""
    cells = {
        "measure": number_text + result.measure.title,
        "ministries": "、".join(result.measure.ministries),
        "done": _done_cell(result, lang),
        "indicators": indicator_text,
        "grade": grade_text(result, lang),
        "issues": report.issues if report is not None and report.issues else "",
        "next": report.next if report is not None and report.next else "",
    }
    return FollowupRow(result, cells, lines, any(line.needs_explanation for line in lines))


def followup(report: Report, prov: Provenance, lang: Lang) -> Followup:
    """The follow-up table of ``report``: one row per measure, grouped by heading in the edition's order."""
    placed = by_heading(((result.pillar or "", result) for result in report.measures), report.headings)
    return Followup(report, prov, lang, placed, tuple(comment_rows(report)))


def comments_title(f: Followup) -> str:
    return comment_table.comments_title(f.report.year, f.lang)


# -- markdown ---------------------------------------------------------------------------------------------------


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(md_cell(c) for c in cells) + " |"


def to_markdown(f: Followup) -> str:
    return "".join(markdown_pieces(f))


def markdown_pieces(f: Followup, rows: int = 500) -> Iterator[str]:
    """The markdown page a few hundred rows at a time, as they are made (``to_markdown`` joins them)."""
    header = list(headers(f.lang))
    lines = [f"# {md_cell(f.title())}", ""]
    lines += [f"- {md_cell(k)}: {md_cell(v)}" for k, v in f.provenance.items(f.lang)]
    for group in f.placed:
        lines += ["", f"## {md_cell(group.heading) or '—'}", ""]
        lines += [_md_row(header), "|" + "---|" * len(header)]
        for row in f.rows_of(group):
            lines.append(_md_row([row.cells[k] for k in KEYS]))
            if len(lines) >= rows:
                yield "\n".join(lines) + "\n"
                lines = []
    lines += ["", f"## {md_cell(comments_title(f))}", ""]
    if f.comments:
        lines += [_md_row(list(comments_header(f.lang))), "|" + "---|" * len(comments_header(f.lang))]
        lines += [_md_row(["" if v is None else str(v) for v in comment_cells(c, f.lang)]) for c in f.comments]
    else:
        lines.append(in_lang(f.lang, "(none)", ctx="list"))
    yield "\n".join(lines) + "\n"


# -- html -------------------------------------------------------------------------------------------------------

CSS = """
body{font-family:"Noto Sans CJK JP","Yu Gothic","Hiragino Sans",sans-serif;font-size:10pt;margin:1.2em;color:#1f2328}
h1{font-size:15pt;margin:0 0 .3em}h2{font-size:12pt;margin:1.2em 0 .3em;border-bottom:2px solid #444}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #9aa3ad;padding:3px 5px;vertical-align:top;
white-space:pre-wrap;overflow-wrap:anywhere}th{background:#e8ebef}
col.measure{width:14%}col.ministries{width:7%}col.done{width:18%}col.indicators{width:23%}col.grade{width:8%}
col.issues{width:15%}col.next{width:15%}.stage{font-weight:bold;display:block}.ind{display:block}
.owed{background:#fff4c2}.unanswered{background:#ffe0e0;font-weight:bold}.prov{font-size:8.5pt;color:#555}
tr{break-inside:avoid}thead{display:table-header-group}table.comments{table-layout:auto}
@page{size:A3 landscape;margin:12mm}@media print{body{margin:0}}
"""


def _status_span(line: IndicatorLine) -> str:
    ink = STATUS_COLOURS[line.status].ink
    style = f"border-left:3px solid {ink};padding-left:3px"
    return f'<span class="ind st-{line.status.value}" style="{style}">{escape(line.text)}</span>'


def _indicator_html(row: FollowupRow, lang: Lang) -> str:
    parts = []
    for label, block in stage_blocks(row.indicators, lang):
        if label:
            parts.append(f'<span class="stage">{escape(label)}</span>')
        parts += [_status_span(line) for line in block]
    return "".join(parts)


def _row_html(row: FollowupRow, lang: Lang) -> str:
    cells = []
    for key in KEYS:
        if key == "indicators":
            cells.append(f'<td class="indicators">{_indicator_html(row, lang)}</td>')
            continue
        owed = key == "issues" and row.needs_explanation and not row.cells["issues"]
        text = COLUMNS[lang]["needs_explanation"] if owed else row.cells[key]
        cells.append(f'<td class="{key}{" owed" if owed else ""}">{escape(text)}</td>')
    return f'<tr data-measure="{escape(row.result.measure.id)}">' + "".join(cells) + "</tr>"


def to_html(f: Followup) -> str:
    return "".join(html_pieces(f))


def html_pieces(f: Followup, rows: int = 500) -> Iterator[str]:
    """The html page a few hundred rows at a time, as they are made (``to_html`` joins them)."""
    lang = f.lang
    cols = "".join(f'<col class="{k}">' for k in KEYS)
    head = "".join(f"<th>{escape(h)}</th>" for h in headers(lang))
    prov = escape(f.provenance.line(lang, plan=True))
    body = [
        f'<!DOCTYPE html><html lang="{lang.value}"><head><meta charset="utf-8">',
        # No script, nothing fetched: text from the measure files cannot run or call out, whatever it holds.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(f.title())}</title><style>{CSS}</style></head><body>",
        f'<h1>{escape(f.title())}</h1><p class="prov">{prov}</p>',
    ]
    for group in f.placed:
        body.append(f"<h2>{escape(group.heading or '—')}</h2>")
        body.append(f'<table class="followup"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>')
        for row in f.rows_of(group):
            body.append(_row_html(row, lang))
            if len(body) >= rows:
                yield "".join(body)
                body = []
        body.append("</tbody></table>")
    body.append(f"<h2>{escape(comments_title(f))}</h2>")
    if f.comments:
        body.append('<table class="comments"><thead><tr>')
        body.append("".join(f"<th>{escape(h)}</th>" for h in comments_header(lang)) + "</tr></thead><tbody>")
        for comment in f.comments:
            cells = ["" if v is None else str(v) for v in comment_cells(comment, lang)]
            answered = comment.comment.answered
            tds = [f"<td>{escape(c)}</td>" for c in cells[:-1]]
            tds.append(f'<td class="{"response" if answered else "response unanswered"}">{escape(cells[-1])}</td>')
            body.append("<tr>" + "".join(tds) + "</tr>")
        body.append("</tbody></table>")
    else:
        body.append(f"<p>{escape(in_lang(lang, '(none)', ctx='list'))}</p>")
    body.append("</body></html>\n")
    yield "".join(body)
