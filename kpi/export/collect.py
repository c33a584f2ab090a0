"""`kpi collect`: one 照会 workbook per ministry (xlsxwriter), for officers who answer in Excel.

Sheets: 記入方法 (how to fill it in), 指標 (one row per indicator: the plan's facts locked, the year's
figure, note and source to fill in), 報告 (one row per measure: the year's words and budget, last
year's beside them), and a very hidden, locked sheet of what the workbook was issued from — the plan,
the year, the commit, every row's ids and locked cells, and every input cell's value at issue — which
`kpi import` checks a returned workbook against. The layout's names live in kpi.edit.issued.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi import fiscal
from kpi.edit import issued as layout
from kpi.edit.officer import QUAL_TEXT
from kpi.errors import KpiError
from kpi.export.collectbook import A4, HEADER, Book, lock_structure
from kpi.export.provenance import git_state
from kpi.i18n import _, active
from kpi.judge.assess import Assessment
from kpi.judge.report import assess_measure, listed, thresholds_for
from kpi.model import Indicator, Measure, Plan, QualStatus, Status, YearBasis
from kpi.safefile import atomic_write
from kpi.text import number
from kpi.views.cells import safe_cell
from kpi.views.labels import STATUS, Lang

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

MAX_TEXT = 10_000  # characters in one report text; the import refuses more
QUALITATIVE = [QUAL_TEXT[s][Lang.JA] for s in (QualStatus.DONE, QualStatus.IN_PROGRESS, QualStatus.NOT_STARTED)]
QUAL_CHOICES = [*QUALITATIVE, layout.COMPILING]
IND_COLUMNS = ["No.", "施策ID", "施策名", "担当", "指標ID", "指標名", "単位", "基準値（年度）", "目標値（年度）"]
IND_COLUMNS += ["直近の実績（年度）", "状況", "実績値", "備考", "出典"]
_R = layout.REPORT_KEYS  # the headings the import finds the report's columns by
REP_COLUMNS = ["No.", "施策ID", "施策名", "担当", "状況", f"（参考）前年度の{_R['done']}", _R["done"]]
REP_COLUMNS += [f"（参考）前年度の{_R['issues']}", _R["issues"], f"（参考）前年度の{_R['next']}", _R["next"], _R["budget"]]
REP_COLUMNS += [_R["contact"]]


@dataclass(frozen=True)
class Issue:
    ministry: str
    path: Path
    measures: int
    indicators: int


def collect(
    plan: Plan,
    year: int,
    output: Path,
    *,
    ministries: tuple[str, ...] = (),
    due: dt.date | None = None,
    today: dt.date | None = None,
) -> tuple[Issue, ...]:
    """Write one workbook per ministry into ``output`` and record them in the plan; return what was written."""
    day = today or dt.date.today()
    if year > fiscal.current_fiscal_year(day):
        raise KpiError(
            _(
                "{year} has not begun yet; collect figures for {latest} or earlier",
                year=fiscal.year_text(year, calendar=False, lang=active()),
                latest=fiscal.year_text(fiscal.current_fiscal_year(day), calendar=False, lang=active()),
            )
        )
    names = _ministries(plan, ministries)
    root = plan.config.root
    commit = git_state(root, [plan.config.measures_path]).commit
    current = listed(plan, plan.config.edition)
    output.mkdir(parents=True, exist_ok=True)
    out = []
    # A workbook's objects refer to one another (xlsxwriter), so only the cycle collector frees them; with a large plan
    # in memory it runs too seldom and the workbooks pile up (2.8 GB for 20 ministries at 100,000 measures). The plan
    # and its judgement are set aside from collection (gc.freeze), and each workbook collected once it is written.
    gc.freeze()
    try:
        for ministry in names:
            measures = [m for m in current if ministry in m.ministries]
            if not measures:
                continue
            meta = {"format": layout.FORMAT, "plan": plan.config.name, "year": year, "ministry": ministry}
            meta |= {"commit": commit, "issued": day.isoformat(), "due": due.isoformat() if due else ""}
            data = _workbook(plan, year, ministry, measures, meta, due)
            path = output / layout.file_name(year, ministry)
            atomic_write(path, data)
            del data
            gc.collect()
            count = sum(1 for m in measures for _ in m.indicators)
            out.append(Issue(ministry, path, len(measures), count))
    finally:
        gc.unfreeze()
    layout.write_record(root, year, [layout.Issued(i.ministry, i.path.name, day, commit, due) for i in out])
    return tuple(out)


def _ministries(plan: Plan, chosen: tuple[str, ...]) -> list[str]:
    known = list(plan.config.ministries) or sorted({m for measure in plan.current() for m in measure.ministries})
    if not chosen:
        return known
    out = []
    for name in chosen:
        found = [k for k in known if name in k]
        if len(found) != 1:
            listed = "、".join(known)
            raise KpiError(
                _(
                    "--ministry {name!r} names {count} ministries; use one of: {listed}",
                    name=name,
                    count=len(found),
                    listed=listed,
                )
            )
        out.append(found[0])
    return out


def _workbook(
    plan: Plan,
    year: int,
    ministry: str,
    measures: list[Measure],
    meta: dict[str, Any],
    due: dt.date | None,
) -> bytes:
    # Judged here, one ministry's measures at a time: the whole plan's judgement is never held at once (at 100,000
    # measures it is ~160 MB); a measure two ministries share is judged for each, as the report would judge it.
    thresholds = thresholds_for(plan, None)
    judged = {m.id: assess_measure(m, year, thresholds, plan.config.edition).assessments for m in measures}
    buffer = io.BytesIO()
    book = Book(buffer)
    era = fiscal.year_text(year, calendar=False, lang=Lang.JA)
    _guide(book, plan, year, ministry, due)
    guidance = f"黄色の欄に{era}の実績を記入してください。灰色の欄は変更できません。記入方法は「記入方法」シートにあります。"
    ws = book.sheet(layout.INDICATOR_SHEET, IND_COLUMNS, f"{era} 実績値の照会（{ministry}）", guidance, f"{era}の実績", 11)
    row = HEADER + 1
    rules: list[tuple[int, dict[str, Any]]] = []  # the figure cells' rules, row by row
    for measure in measures:
        by_id = {a.indicator.id: a for a in judged.get(measure.id, ())}
        for indicator in measure.indicators:
            asked = layout.asked_for(indicator.deadline, year)
            cells = _indicator_cells(measure, indicator, by_id.get(indicator.id), year, ministry, plan)
            book.row(ws, layout.INDICATOR_SHEET, row, (measure.id, indicator.id), cells, {11, 12, 13} if asked else set())
            if asked:
                rules.append((row, _figure_rule(indicator)))
            row += 1
    _validate(ws, FIGURE_COLUMN, rules)
    ws.autofilter(HEADER, 0, max(row - 1, HEADER), len(IND_COLUMNS) - 1)
    guidance = (
        f"{era}の{_R['done']}・{_R['issues']}・{_R['next']}・予算額を記入してください。"
        f"橙色の「{_R['issues']}」欄は、要因分析が必要な施策です。"
    )
    ws = book.sheet(layout.REPORT_SHEET, REP_COLUMNS, f"{era} 施策の実施状況（{ministry}）", guidance, f"{era}の報告", 6)
    row = HEADER + 1
    for measure in measures:
        explain = any(_needs_explanation(a) for a in judged.get(measure.id, ()))
        cells = _report_cells(measure, year, ministry, plan, explain)
        book.row(ws, layout.REPORT_SHEET, row, (measure.id, None), cells, {6, 8, 10, 11, 12})
        if explain and cells[8]:
            ws.write_string(row, 8, str(safe_cell(cells[8])), book.explain)
        elif explain:
            ws.write_blank(row, 8, None, book.explain)
        row += 1
    if row > HEADER + 1:  # every report row the same rules: one for each column's rows
        for col in (6, 8, 10, 12):
            ws.data_validation(HEADER + 1, col, row - 1, col, _length_rule())
        ws.data_validation(HEADER + 1, 11, row - 1, 11, _budget_rule())
    columns = {layout.INDICATOR_SHEET: IND_COLUMNS, layout.REPORT_SHEET: REP_COLUMNS}
    book.finish(meta, columns)
    return lock_structure(buffer.getvalue())


def _indicator_cells(
    measure: Measure, indicator: Indicator, assessment: Assessment | None, year: int, ministry: str, plan: Plan
) -> list[Any]:
    edition = measure.edition(plan.config.edition)
    latest = next((a for a in reversed(indicator.actuals) if a.year < year), None)
    now = indicator.actual_for(year)
    awaited = indicator.awaited_for(year)
    if now is not None:
        value: Any = now.value if now.status is None else STATUS[Lang.JA][Status(now.status.value)]
    else:
        value = awaited.reason if awaited is not None else None
    basis = indicator.year_basis  # a calendar-year indicator's years read 2024年, never 2024年度

    def when(year: int | None) -> str:
        return f"（{fiscal.year_text(year, calendar=basis is YearBasis.CALENDAR, lang=Lang.JA)}）" if year is not None else ""

    baseline = f"{number(indicator.baseline)}{when(indicator.baseline_year)}" if indicator.baseline is not None else ""
    target = f"{number(indicator.target)}{when(indicator.deadline)}" if indicator.target is not None else ""
    if latest is None:
        last = ""
    elif latest.status is not None:
        last = f"{STATUS[Lang.JA][Status(latest.status.value)]}{when(latest.year)}"
    else:
        last = f"{number(latest.value)}{when(latest.year)}"
    status = STATUS[Lang.JA][assessment.status] if assessment is not None else ""
    if not layout.asked_for(indicator.deadline, year):
        status = f"{status}（{'目標年' if basis is YearBasis.CALENDAR else '目標年度'}経過・記入不要）"
    return [
        edition.number if edition else None,
        measure.id,
        measure.title,
        _role(measure, ministry),
        indicator.id,
        f"{indicator.name}（{fiscal.year_text(year, calendar=True, lang=Lang.JA)}の値）"
        if indicator.year_basis is YearBasis.CALENDAR
        else indicator.name,
        indicator.unit,
        baseline,
        target,
        last,
        status,
        value,
        (now.note if now else awaited.note if awaited else None) or None,
        (now.source if now else None) or None,
    ]


def _report_cells(measure: Measure, year: int, ministry: str, plan: Plan, explain: bool) -> list[Any]:
    edition = measure.edition(plan.config.edition)
    before = measure.report(year - 1)
    now = measure.report(year)
    return [
        edition.number if edition else None,
        measure.id,
        measure.title,
        _role(measure, ministry),
        "要因分析が必要" if explain else "",
        before.done if before else None,
        now.done if now else None,
        before.issues if before else None,
        now.issues if now else None,
        before.next if before else None,
        now.next if now else None,
        now.budget if now else None,
        now.contact if now else None,
    ]


def _role(measure: Measure, ministry: str) -> str:
    """主担当 for the lead ministry's copy of a shared measure, 共管 for the others; empty when it is theirs alone."""
    if len(measure.ministries) == 1:
        return ""
    return "主担当" if measure.ministries[0] == ministry else "共管"


def _needs_explanation(a: Assessment) -> bool:
    """Lagging, or far exceeded (achievement ≥ 1.2): the review asks why (assessment.md, needs_explanation)."""
    return a.lagging or (a.status is Status.EXCEEDED and a.achievement is not None and a.achievement >= 1.2)


FIGURE_COLUMN = 11  # L: the year's figure


def _validate(ws: Worksheet, col: int, rules: list[tuple[int, dict[str, Any]]]) -> None:
    """Each rule on its rows of column ``col``: one validation for each run of consecutive rows with the same rule
    (a cell's rule is the same as if each row had its own; a sheet of thousands of rows keeps a few, not thousands)."""
    run_first = run_last = -1
    run_rule: dict[str, Any] | None = None
    for row, rule in [*rules, (-1, {})]:
        if run_rule is not None and (row != run_last + 1 or rule != run_rule):
            if run_rule["validate"] == "custom":  # its formula names the range's first cell; Excel shifts it row by row
                run_rule = run_rule | {"value": run_rule["value"].format(row=run_first + 1)}
            ws.data_validation(run_first, col, run_last, col, run_rule)
            run_rule = None
        if row < 0:
            break
        if run_rule is None:
            run_first, run_rule = row, rule
        run_last = row


def _figure_rule(indicator: Indicator) -> dict[str, Any]:
    """The rule of an indicator's figure cell: a number (or 集計中) for a quantitative one, the list for the others. A
    formula's cell reference is relative: written for the range's first row, Excel applies it to each row."""
    cell = "L{row}"  # the row filled in by _validate
    if indicator.quantitative:
        rule: dict[str, Any] = {
            "validate": "custom",
            "value": f'=OR(ISNUMBER({cell}),{cell}="{layout.COMPILING}")',
            "error_type": "warning",
            "input_title": "実績値",
            "input_message": f"数値（単位: {indicator.unit or 'なし'}）。未確定なら「{layout.COMPILING}」。",
            "error_title": "数値を入力してください",
            "error_message": f"数値か「{layout.COMPILING}」を入力してください。",
        }
    else:
        choices = "「" + "」「".join(QUALITATIVE) + "」"
        rule = {
            "validate": "list",
            "source": QUAL_CHOICES,
            "input_title": "実施状況",
            "input_message": f"一覧から{choices}のいずれかを選んでください。未確定なら「{layout.COMPILING}」。",
            "error_title": "選択肢にありません",
            "error_message": f"一覧から{choices}「{layout.COMPILING}」のいずれかを選んでください。",
        }
    return rule


def _length_rule() -> dict[str, Any]:
    return {
        "validate": "length",
        "criteria": "<=",
        "value": MAX_TEXT,
        "error_title": "長すぎます",
        "error_message": f"{MAX_TEXT:,}字以内で記入してください。",
    }


def _budget_rule() -> dict[str, Any]:
    return {
        "validate": "decimal",
        "criteria": ">=",
        "value": 0,
        "error_type": "warning",
        "input_title": "予算額",
        "input_message": "百万円単位の数値（例: 130.5）",
        "error_title": "数値を入力してください",
        "error_message": "百万円単位の数値を入力してください。",
    }


def _guide(book: Book, plan: Plan, year: int, ministry: str, due: dt.date | None) -> None:
    ws = book.book.add_worksheet(layout.GUIDE_SHEET)
    era = fiscal.year_text(year, calendar=False, lang=Lang.JA)
    due_text = f"{due.year}年{due.month}月{due.day}日" if due else "事務局からの依頼文のとおり"
    choices = "「" + "」「".join(QUALITATIVE) + "」"
    lines = [
        f"{plan.config.name} {era} 実績等の照会（{ministry}）",
        "",
        "■ 記入していただく内容",
        f"・「{layout.INDICATOR_SHEET}」シート: 各指標の{era}の実績値（黄色の欄）と、必要に応じて備考・出典。",
        f"・「{layout.REPORT_SHEET}」シート: 各施策の{era}の{_R['done']}、{_R['issues']}、{_R['next']}、"
        f"{_R['budget']}、{_R['contact']}。",
        "  前年度の記載を、参考として各欄の左に示しています。",
        f"  橙色の「{_R['issues']}」欄は、指標の遅れや目標の大幅な超過のため要因分析が必要な施策です。"
        "要因を具体的に記入してください。",
        "・灰色の欄は計画に記載されている内容のため、変更できません。",
        "",
        f"■ 回答期限: {due_text}",
        "",
        "■ 実績値の記入方法",
        "・数値は単位欄の単位で記入してください（例: 1234、1,234、12万、45.2）。全角数字でも構いません。",
        "・単位が % の指標は 45.2 または 45.2% と記入してください。",
        f"・定性的な指標は、一覧から{choices}のいずれかを選んでください。",
        f"・実績がまだ確定していない場合は「{layout.COMPILING}」と記入してください（未報告とは区別して扱います）。",
        "・目標年度を過ぎた指標は記入不要です（状況欄に「目標年度経過・記入不要」と表示しています）。",
        "・予算額は百万円単位の数値（例: 130.5）で記入してください。",
        "・数式や日付は入力しないでください。",
        "・行や列の挿入・削除、セルの結合、行の並べ替え、シート名の変更はしないでください（取り込めなくなります）。",
        "",
        "■ 提出方法",
        "・記入後、ファイル名を変えずに、Excel ブック（.xlsx）のまま事務局へメールで返送してください。",
        "・取り込みの際に問題が見つかったセルは、シート名とセル番地（例: 指標!L12）でお知らせします。",
        "",
        "■ 問い合わせ先",
        f"・{plan.config.name} 事務局（本照会の送付元）",
    ]
    ws.set_column(0, 0, 110)
    for index, line in enumerate(lines):
        ws.write_string(index, 0, line, book.title if index == 0 else book.note)
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)
    ws.protect("")
    ws.activate()
