"""Problems and errors beyond the golden corpus, in Japanese and English: kpi.toml's own problems, files that are
not measure files, years, a plan not found, a file kpi will not write, a measure not found (issue 15)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.errors import BadYear, PlanNotFound, Problem, ProblemError, Severity
from kpi.fiscal import parse_year
from kpi.i18n import Lang, speaking
from kpi.judge.report import build_report, find_measure
from kpi.model import Actual, QualStatus
from kpi.plan.config import find_root
from kpi.plan.loader import check_plan, future_figures, read_plan
from kpi.plan.tomlread import parse
from kpi.safefile import output_target
from kpi.text import actual_text

MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
KANA = re.compile(r"[\u3040-\u30ff]")

BROKEN_CONFIG = """\
name = "top"
[plan]
name = 8
edition = "next"
measures = "../elsewhere"
ministries = "内閣府"
nmae = "x"
[assessment]
method = "fast"
on_track = 95
behind = "high"
stale_after = 0
[asessment]
[headings.2025]
"1-2" = 3
"""


def messages(problems: tuple[Problem, ...]) -> list[str]:
    """Each problem's own words, after its ``path:line: key: `` (and ``warning: ``/``警告: ``)."""
    return [p.message for p in problems]


def raised(error: type[Exception], call: Callable[..., object], *args: object) -> dict[Lang, str]:
    """The message of the ``error`` that ``call(*args)`` raises, in English and in Japanese."""
    said = {}
    for lang in (Lang.EN, Lang.JA):
        with speaking(lang), pytest.raises(error) as caught:
            call(*args)
        said[lang] = str(caught.value)
    return said


def test_every_problem_of_a_broken_kpi_toml_reads_as_japanese(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, kpi_toml=BROKEN_CONFIG)
    english = check_plan(root)
    with speaking(Lang.JA):
        japanese = check_plan(root)
        lines = [str(p) for p in japanese]
    assert [(p.key, p.line, p.severity) for p in japanese] == [(p.key, p.line, p.severity) for p in english]
    assert len(english) == 12
    assert all(not KANA.search(m) for m in messages(english))
    assert all(KANA.search(m) for m in messages(japanese)), messages(japanese)
    assert (
        "kpi.toml:1: 警告: name: どの表にも入っていない知らないキーなので無視しました。[plan] の見出しの下に移してください。"
        in lines
    )
    assert (
        "kpi.toml:10: assessment.on_track: 95 は 0 から 1 までの割合ではありません（95% は 0.95）。"
        "on_track = 0.95 のように書いてください。"
    ) in lines
    assert "kpi.toml:13: 警告: asessment: 知らない表なので無視しました。[assessment] の誤りではありませんか？" in lines


def test_files_that_are_not_measure_files(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {})
    measures = root / "measures"
    (root / "notes").mkdir()
    (measures / "folder.toml").symlink_to(root / "notes")  # a folder named .toml is walked into; a link to one is read
    os.mkfifo(measures / "pipe.toml")
    (measures / "gone.toml").symlink_to("nowhere.toml")
    (measures / "loop.toml").symlink_to("loop.toml")
    english = [str(p) for p in check_plan(root)]
    with speaking(Lang.JA):
        japanese = [str(p) for p in check_plan(root)]
    assert english == [
        "measures/folder.toml: is a folder, not a measure file; rename it (names ending in .toml are measure files)",
        "measures/gone.toml: is a symbolic link to nowhere.toml, which does not exist; "
        "remove the link, or point it at the measure's file",
        "measures/loop.toml: is a symbolic link that leads back to itself (a loop); "
        "remove the link, or point it at the measure's file",
        "measures/pipe.toml: is a named pipe (FIFO), not a measure file; remove it (a measure file is a plain text file)",
    ]
    assert japanese == [
        "measures/folder.toml: 施策のファイルではなくフォルダーです。"
        "名前を変えてください（名前が .toml で終わるものを施策のファイルとして読みます）。",
        "measures/gone.toml: 存在しない nowhere.toml を指すシンボリックリンクです。"
        "リンクを削除するか、施策のファイルを指すように直してください。",
        "measures/loop.toml: 自分自身に戻るシンボリックリンク（ループ）です。"
        "リンクを削除するか、施策のファイルを指すように直してください。",
        "measures/pipe.toml: 施策のファイルではなく名前付きパイプ（FIFO）です。"
        "削除してください（施策のファイルはふつうのテキストファイルです）。",
    ]


@pytest.mark.parametrize(
    ("value", "english", "japanese"),
    [
        (
            "R0",
            "'R0' is not a year: era years start at 元 (1); ",
            "「R0」は年ではありません（元号の年は元年（1）から数えます）。",
        ),
        ("来年", "'来年' is not a year; ", "「来年」は年ではありません。"),
        (True, "expected a year, got True; ", "True は年として読めません。"),
        (3000, "year 3000 is out of range (1900–2200); ", "3000 年は扱える範囲（1900–2200）の外です。"),
    ],
)
def test_years_that_are_not_years(value: object, english: str, japanese: str) -> None:
    said = raised(BadYear, parse_year, value)
    assert said[Lang.EN] == english + 'use a year like 2024, "FY2024", "R6" or "令和6年度"'
    assert said[Lang.JA] == japanese + '2024、"FY2024"、"R6"、"令和6年度" のように書いてください。'


def test_no_plan_here(tmp_path: Path) -> None:
    said = raised(PlanNotFound, find_root, tmp_path)
    assert said[Lang.EN] == f"{tmp_path}: no kpi.toml there; point --dir (or KPI_DIR) at the folder that holds kpi.toml"
    assert said[Lang.JA] == (
        f"{tmp_path}: kpi.toml がありません。--dir（または KPI_DIR）には kpi.toml のあるフォルダーを指定してください。"
    )


def test_a_folder_is_not_written_over(tmp_path: Path) -> None:
    said = raised(Exception, output_target, tmp_path)
    assert said[Lang.EN] == f"{tmp_path}: is a folder; give a file name inside it"
    assert said[Lang.JA] == f"{tmp_path}: フォルダーです。その中のファイル名を指定してください。"


def test_measure_not_found_and_filters_that_leave_nothing(tmp_path: Path, make_plan: MakePlan) -> None:
    valid = Path(__file__).resolve().parents[1] / "data" / "valid"
    plan = read_plan(make_plan(tmp_path, sorted(valid.glob("*.toml"))))
    with speaking(Lang.JA):
        with pytest.raises(Exception) as caught:
            find_measure(plan, "9999-999")
        assert str(caught.value) == (
            "「9999-999」という施策はありません。2024-008 のような id か、2025 年版での番号を指定してください"
            "（`kpi report` で確かめられます）。"
        )
        with pytest.raises(Exception) as caught:
            build_report(plan, year=2024, pillar="9")
        assert str(caught.value) == (
            "見出し「9」の下に施策がありません。1 や 1-2 のように見出しの番号を書いてください（(1)② は 1-2）。"
        )
        with pytest.raises(Exception) as caught:
            build_report(plan, year=2024, ministry="財務省")
        assert str(caught.value).startswith("「財務省」を含む名前の府省庁の施策がありません。次のどれかをお試しください: ")
        assert "、" in str(caught.value)


def test_a_qualitative_status_in_messages() -> None:
    figure = Actual(2024, status=QualStatus.IN_PROGRESS)
    assert actual_text(figure, "") == "in_progress"
    with speaking(Lang.JA):
        assert actual_text(figure, "") == "実施中"
        assert actual_text(Actual(2024, value=120000), "人") == "120,000 人"


def test_the_first_error_and_how_many_more(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, kpi_toml=BROKEN_CONFIG)
    errors = [p for p in check_plan(root) if p.severity is Severity.ERROR]
    with speaking(Lang.JA):
        text = str(ProblemError(errors[0], more=len(errors) - 1))
    assert text.endswith(f"（ほかに {len(errors) - 1} 件あります。すべて見るには `kpi check` を実行してください）")


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        (
            'note = "first line\nsecond line"\n',
            "m.toml:1: note: TOML として読めません（使えない文字 '\\n' があります、19 文字目）。"
            '引用符は同じ行の中で閉じてください（何行にもわたる文は """...""" で囲みます）。',
        ),
        (
            "[editions.2024]\n[editions.2024]\n",
            "m.toml:2: editions.2024: TOML として読めません（表 ('editions', '2024') が2回宣言されています、15 文字目）。"
            "同じ [表] の見出しが2回あります。二つの表を一つにまとめてください。",
        ),
        (
            "target = 130000 人\n",
            "m.toml:1: target: TOML として読めません（一つの行に続けて別のものが書かれています、17 文字目）。"
            "1行に キー = 値 を一つだけ書いてください。数字はカンマや単位を付けずに書きます（120000）。",
        ),
    ],
)
def test_toml_syntax_in_japanese(text: str, japanese: str) -> None:
    """The parser's complaint is translated where it is a fixed phrase, and keeps the character or table it names."""
    with speaking(Lang.JA):
        _data, problem = parse(text, "m.toml")
        assert str(problem) == japanese
    _data, problem = parse(text, "m.toml")
    assert str(problem).startswith("m.toml:") and "invalid TOML: " in str(problem)


FUTURE = """\
id = "2024-008"
title = "テスト"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "fiscal"
name = "年度の指標"
kind = "trend"
direction = "up"
baseline = 1
baseline_year = 2023

[indicators.actuals]
2027 = 5

[[indicators]]
id = "calendar"
name = "暦年の指標"
kind = "trend"
direction = "up"
year_basis = "calendar"
baseline = 1
baseline_year = 2023

[indicators.actuals]
2027 = 5
"""


def test_a_figure_for_a_year_that_has_not_begun_names_the_year(tmp_path: Path, make_plan: MakePlan) -> None:
    plan = read_plan(make_plan(tmp_path, {"2024-008.toml": FUTURE}))
    day = dt.date(2026, 6, 1)  # FY2026, CY2026
    english = [str(p) for p in future_figures(plan, day)]
    with speaking(Lang.JA):
        japanese = [str(p) for p in future_figures(plan, day)]
    assert english == [
        "measures/2024-008.toml:18: warning: indicators[0].actuals.2027: FY2027 has not begun yet; "
        "a figure cannot exist for it: fix the year, or remove the entry",
        "measures/2024-008.toml:30: warning: indicators[1].actuals.2027: CY2027 has not begun yet; "
        "a figure cannot exist for it: fix the year, or remove the entry",
    ]
    assert japanese == [
        "measures/2024-008.toml:18: 警告: indicators[0].actuals.2027: 令和9年度はまだ始まっていないので、"
        "実績値はありえません。年を直すか、この行を削除してください。",
        "measures/2024-008.toml:30: 警告: indicators[1].actuals.2027: 2027年はまだ始まっていないので、"
        "実績値はありえません。年を直すか、この行を削除してください。",
    ]
