"""The loader and validator against the golden corpus: tests/data/valid/*.toml load clean, and each
tests/data/invalid/<problem>.toml gives exactly one problem, whose full line is pinned in INVALID_MESSAGES."""

# ruff: noqa: E501  (each expected message stays on one line, exactly as `kpi check` prints it)

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.errors import PlanNotFound, ProblemError, Severity
from kpi.i18n import Lang, speaking
from kpi.model import Direction, Kind, QualStatus, YearBasis
from kpi.plan.config import find_root, load_config
from kpi.plan.loader import check_plan, load_plan, read_plan

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

# Each invalid file, copied into measures/ under its own name, and the one line `kpi check` prints for it
# (a table of its own, tests/data/invalid-messages.toml, as tests/cli/test_check_cli.py checks the same lines),
# in English and, with the same keys, in Japanese (invalid-messages.ja.toml).
INVALID_MESSAGES: dict[str, str] = tomllib.loads((DATA / "invalid-messages.toml").read_text("utf-8"))
MESSAGES: dict[Lang, dict[str, str]] = {
    Lang.EN: INVALID_MESSAGES,
    Lang.JA: tomllib.loads((DATA / "invalid-messages.ja.toml").read_text("utf-8")),
}
WARNINGS = {"unknown-key", "target-wrong-side"}


def invalid(*names: str) -> list[Path]:
    return [INVALID / f"{name}.toml" for name in names]


def test_every_invalid_file_is_in_the_table() -> None:
    assert sorted(p.stem for p in INVALID.glob("*.toml")) == sorted(INVALID_MESSAGES)


def test_both_languages_have_the_same_cases() -> None:
    """The Japanese table has every case of the English one, in the same order, and no other; each line differs
    from its English one but for the location, which stays ``path:line: key: `` (``警告: `` for a warning)."""
    assert list(MESSAGES[Lang.JA]) == list(MESSAGES[Lang.EN])
    for name, english in MESSAGES[Lang.EN].items():
        japanese = MESSAGES[Lang.JA][name]
        assert japanese != english
        where = english.split(": ", 1)[0]
        assert japanese.startswith(where + (": 警告: " if name in WARNINGS else ": "))


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("name", list(INVALID_MESSAGES))
def test_invalid_file_gives_exactly_its_message(name: str, lang: Lang, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, invalid(name))
    with speaking(lang):
        problems = check_plan(root)
        assert [str(p) for p in problems] == [MESSAGES[lang][name]]
    expected = Severity.WARNING if name in WARNINGS else Severity.ERROR
    assert problems[0].severity is expected


@pytest.mark.parametrize("lang", list(Lang))
def test_whole_invalid_corpus_in_one_plan(lang: Lang, tmp_path: Path, make_plan: MakePlan) -> None:
    # Each file has its own number, so together they give exactly their own messages, in file order.
    root = make_plan(tmp_path, invalid(*INVALID_MESSAGES))
    with speaking(lang):
        assert [str(p) for p in check_plan(root)] == [MESSAGES[lang][name] for name in sorted(INVALID_MESSAGES)]


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("name", sorted(set(INVALID_MESSAGES) - WARNINGS))
def test_commands_that_need_the_plan_stop_at_the_error(name: str, lang: Lang, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, invalid(name))
    with speaking(lang), pytest.raises(ProblemError) as caught:
        read_plan(root)
    assert str(caught.value) == MESSAGES[lang][name]
    assert load_plan(root).plan.measures == ()


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_a_file_with_only_a_warning_still_loads(name: str, tmp_path: Path, make_plan: MakePlan) -> None:
    plan = read_plan(make_plan(tmp_path, invalid(name)))
    assert [m.id for m in plan.measures] == [name]


def test_the_shift_jis_file_really_is_shift_jis() -> None:
    raw = (INVALID / "not-utf8.toml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "支援情報検索サイト" in raw.decode("shift_jis")


def test_a_target_equal_to_its_baseline_is_valid_and_silent(tmp_path: Path, make_plan: MakePlan) -> None:
    text = (INVALID / "target-wrong-side.toml").read_text("utf-8").replace("baseline = 1400000", "baseline = 130000")
    assert check_plan(make_plan(tmp_path, {"target-wrong-side.toml": text})) == ()


def test_read_plan_counts_the_other_errors(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, invalid("bad-pillar", "unknown-kind", "unknown-key"))
    with pytest.raises(ProblemError) as caught:
        read_plan(root)
    assert str(caught.value) == INVALID_MESSAGES["bad-pillar"] + " (and 1 more; run `kpi check` to list them all)"
    assert [str(p) for p in check_plan(root)] == [INVALID_MESSAGES[n] for n in ("bad-pillar", "unknown-key", "unknown-kind")]
    with speaking(Lang.JA), pytest.raises(ProblemError) as caught:
        read_plan(root)
    assert str(caught.value) == (
        MESSAGES[Lang.JA]["bad-pillar"] + "（ほかに 1 件あります。すべて見るには `kpi check` を実行してください）"
    )


# -- the valid corpus -----------------------------------------------------------------------------------------


def valid_plan(make_plan: MakePlan, tmp_path: Path) -> Path:
    return make_plan(tmp_path, {p.name: p.read_bytes() for p in VALID.glob("*.toml")})


def test_valid_corpus_loads_without_a_single_problem(tmp_path: Path, make_plan: MakePlan) -> None:
    result = load_plan(valid_plan(make_plan, tmp_path))
    assert [str(p) for p in result.problems] == []
    assert sorted(m.id for m in result.plan.measures) == sorted(p.stem for p in VALID.glob("*.toml"))


def test_valid_corpus_covers_every_kind_and_form(tmp_path: Path, make_plan: MakePlan) -> None:
    plan = read_plan(valid_plan(make_plan, tmp_path))
    indicators = [i for m in plan.measures for i in m.indicators]
    assert {i.kind for i in indicators} == set(Kind)
    assert {i.direction for i in indicators} == {*Direction, None}
    assert any(i.milestones for i in indicators if i.kind is Kind.LEVEL)
    assert any(i.milestones for i in indicators if i.kind is Kind.CUMULATIVE)
    assert {a.status for i in indicators for a in i.actuals} >= set(QualStatus)
    assert any(i.revisions for i in indicators)
    assert any(m.items for m in plan.measures)
    assert any(m.retired for m in plan.measures)


def test_valid_files_load_to_the_values_written(tmp_path: Path, make_plan: MakePlan) -> None:
    plan = read_plan(valid_plan(make_plan, tmp_path))
    by_id = {m.id: m for m in plan.measures}
    access = by_id["2024-008"].indicator("search-site-access")
    assert access is not None
    assert (access.target, access.deadline, access.baseline, access.baseline_year) == (130000, 2026, 98000, 2023)
    assert [(a.year, a.value, a.note) for a in access.actuals] == [(2023, 98000, None), (2024, 120000, "速報値")]
    assert access.revisions[0].field == "deadline" and access.revisions[0].date.isoformat() == "2025-06-01"
    leave = by_id["2024-051"].indicators[0]
    assert [(m.year, m.value) for m in leave.milestones] == [(2025, 50), (2027, 65)]
    assert leave.year_basis is YearBasis.CALENDAR
    hearing = by_id["2024-128"].indicators[0]
    # The Japanese label 実施中 is read as in_progress.
    assert [(a.year, a.status) for a in hearing.actuals] == [
        (2022, QualStatus.NOT_STARTED),
        (2023, QualStatus.IN_PROGRESS),
        (2024, QualStatus.DONE),
    ]
    assert [item.title for item in by_id["2024-128"].items] == ["補装具費支給制度", "適切に補聴器を購入・利用するための注意喚起"]
    assert by_id["2024-059"].retired == 2025
    assert [(e.year, e.number) for e in by_id["2024-059"].editions] == [(2024, 59)]


def test_a_utf8_bom_is_accepted(tmp_path: Path, make_plan: MakePlan) -> None:
    raw = (VALID / "2025-101.toml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the golden file keeps its byte order mark
    plan = read_plan(make_plan(tmp_path, {"2025-101.toml": raw}))
    assert [m.id for m in plan.measures] == ["2025-101"]


def test_crlf_line_endings_are_accepted(tmp_path: Path, make_plan: MakePlan) -> None:
    raw = (VALID / "2025-102.toml").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 10  # every line ends in CRLF (see .gitattributes)
    plan = read_plan(make_plan(tmp_path, {"2025-102.toml": raw}))
    (measure,) = plan.measures
    assert measure.title == "孤独・孤立に関する相談窓口の周知"
    assert measure.ministries == ("内閣府", "デジタル庁")
    assert measure.indicators[0].actuals[0].note == "速報値。\n確報は翌年度に公表"


def test_crlf_file_reports_the_right_line(tmp_path: Path, make_plan: MakePlan) -> None:
    raw = (VALID / "2025-102.toml").read_bytes().replace(b'direction = "up"', b'direction = "upward"')
    (problem,) = check_plan(make_plan(tmp_path, {"2025-102.toml": raw}))
    assert str(problem) == (
        'measures/2025-102.toml:18: indicators[0].direction: unknown direction "upward"; '
        'use "up" (上向き: higher is better) or "down" (下向き: lower is better)'
    )


# -- problems that involve several files ----------------------------------------------------------------------


def test_same_id_in_two_folders(tmp_path: Path, make_plan: MakePlan) -> None:
    text = (VALID / "2024-008.toml").read_text("utf-8")
    root = make_plan(tmp_path, {"a/2024-008.toml": text, "b/2024-008.toml": text})
    assert [str(p) for p in check_plan(root)] == [
        'measures/b/2024-008.toml:3: id: "2024-008" is also the id of measures/a/2024-008.toml; '
        "each measure needs its own id: remove the copy, or give it a new id and file name"
    ]
    assert [m.path.parent.name for m in load_plan(root).plan.measures] == ["a"]


def test_two_measures_with_one_number_in_an_edition(tmp_path: Path, make_plan: MakePlan) -> None:
    other = (VALID / "2024-017.toml").read_text("utf-8").replace("number = 18", "number = 8")
    root = make_plan(tmp_path, {"2024-008.toml": corpus_text("2024-008"), "2024-017.toml": other})
    assert [str(p) for p in check_plan(root)] == [
        "measures/2024-017.toml:12: editions.2025.number: No. 8 of the 2025 edition is also 2024-008 (measures/2024-008.toml); "
        "give each measure its own number"
    ]


def corpus_text(stem: str) -> str:
    return (VALID / f"{stem}.toml").read_text("utf-8")


# -- further checks, each with its exact line ------------------------------------------------------------------

LEVEL = corpus_text("2025-101").removeprefix("\ufeff")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'pillar = "4-1"',
            'pillar = "４-１"',
            'measures/2025-101.toml:8: editions.2025.pillar: "４-１" is not a heading; write the heading (1)② as "1-2"',
        ),
        (
            '[editions.2025]\nnumber = 101\npillar = "4-1"\n',
            "editions = {}\n",
            "measures/2025-101.toml:6: editions: no edition listed; add [editions.2025] with number and pillar",
        ),
        (
            "[editions.2025]",
            "[editions.R7]",
            'measures/2025-101.toml:6: editions.R7: "R7" is not an edition year; write [editions.2025]',
        ),
        (
            'ministries = ["内閣府"]',
            'ministries = ["内閣府"]\nretired = 2025',
            "measures/2025-101.toml:5: retired: is 2025, but [editions.2025] lists the measure; retired is the first edition "
            "that no longer lists it: remove [editions.2025] or set retired = 2026",
        ),
        (
            "2024 = 4.0",
            '"２０２４" = 4.0',
            'measures/2025-101.toml:23: indicators[0].actuals."２０２４": "２０２４" is not a year key; write 2024 = ... instead',
        ),
        (
            "2024 = 4.0",
            '"2024\\n" = 4.0',
            'measures/2025-101.toml:23: indicators[0].actuals."2024\\n": "2024\\n" is not a year key; write 2024 = ... instead',
        ),
        (
            "deadline = 2027",
            "deadline = 2027\nmilestones = [{ year = 2023, value = 4.0 }]",
            "measures/2025-101.toml:18: indicators[0].milestones[0].year: 2023 is not after the baseline_year 2023; "
            "a milestone lies between baseline and deadline",
        ),
        (
            "deadline = 2027",
            'deadline = "R9"',
            "measures/2025-101.toml:17: warning: indicators[0].deadline: write the year as a plain number: deadline = 2027 "
            "(kpi writes integers)",
        ),
        (
            "2024 = 4.0",
            '2024 = { value = 4.0, status = "done" }',
            "measures/2025-101.toml:23: indicators[0].actuals.2024.status: only qualitative indicators have a status; "
            "give this level indicator a value = <number>",
        ),
        (
            "2024 = 4.0",
            '2024 = { note = "速報" }',
            "measures/2025-101.toml:23: indicators[0].actuals.2024.value: required key is missing; add value = <the figure of 2024>",
        ),
        (
            "2024 = 4.0",
            'source = "内閣府調査"',
            'measures/2025-101.toml:23: indicators[0].actuals.source: "source" is not a year key; '
            "source is a key of the [[indicators]] table: move it above [indicators.actuals]",
        ),
        (
            "[indicators.actuals]",
            "retired = 2026\n[indicators.actuals]",
            'measures/2025-101.toml:21: warning: indicators[0].retired: unknown key, ignored; "retired" is a key of the measure '
            "(at the top of the file, above the first [table] header), not of this table; move it there, or fix the name",
        ),
        (
            'kind = "level"',
            'kind = "level"\nprimary = "yes"',
            'measures/2025-101.toml:14: indicators[0].primary: expected true or false, got "yes"; write primary = true',
        ),
        (
            'ministries = ["内閣府"]',
            'ministries = "内閣府"',
            'measures/2025-101.toml:4: ministries: expected a list, got one text; write ministries = ["内閣府"]',
        ),
        (
            "[[indicators]]",
            "[indicators]",
            "measures/2025-101.toml:10: indicators: expected [[indicators]] tables; write the header with double brackets: [[indicators]]",
        ),
        # An array left open: the line that opened it, not the end of the file.
        (
            "target = 3.5",
            "target = [3.5,",
            "measures/2025-101.toml:16: indicators[0].target: invalid TOML: the list opened on this line is never closed "
            "(invalid value at line 17, column 1); close it with ]",
        ),
    ],
)
def test_more_problems(old: str, new: str, expected: str, tmp_path: Path, make_plan: MakePlan) -> None:
    assert old in LEVEL
    root = make_plan(tmp_path, {"2025-101.toml": LEVEL.replace(old, new)})
    assert [str(p) for p in check_plan(root)] == [expected]


def test_cumulative_deadline_before_start(tmp_path: Path, make_plan: MakePlan) -> None:
    text = (
        corpus_text("2024-043")
        .replace("start = 2024", "start = 2034")
        .replace("milestones = [{ year = 2028, value = 500000 }]\n", "")
    )
    assert [str(p) for p in check_plan(make_plan(tmp_path, {"2024-043.toml": text}))] == [
        "measures/2024-043.toml:21: indicators[0].deadline: 2033 is before start 2034; fix the deadline or the start year"
    ]


def test_milestone_element_on_its_own_line(tmp_path: Path, make_plan: MakePlan) -> None:
    text = corpus_text("2024-051").replace("{ year = 2027, value = 65 }", '{ year = 2027, value = "65%" }')
    assert [str(p) for p in check_plan(make_plan(tmp_path, {"2024-051.toml": text}))] == [
        'measures/2024-051.toml:26: indicators[0].milestones[1].value: expected a number, got "65%"; '
        "write value = 65 (digits only: no quotes, commas or units)"
    ]


def test_ministry_in_a_multiline_list_points_at_its_line(tmp_path: Path, make_plan: MakePlan) -> None:
    text = corpus_text("2025-102").replace('"デジタル庁"', '"デジタル省"')
    assert [str(p) for p in check_plan(make_plan(tmp_path, {"2025-102.toml": text}))] == [
        'measures/2025-102.toml:6: ministries[1]: "デジタル省" is not a ministry of this plan; did you mean "デジタル庁"?'
    ]


def test_any_ministry_is_fine_when_kpi_toml_lists_none(tmp_path: Path, make_plan: MakePlan) -> None:
    text = (INVALID / "unknown-ministry.toml").read_text("utf-8")
    assert check_plan(make_plan(tmp_path, {"unknown-ministry.toml": text}, kpi_toml="[plan]\nedition = 2025\n")) == ()


def test_files_in_hidden_folders_are_skipped(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"2024-008.toml": corpus_text("2024-008"), ".trash/2024-008.toml": "broken ="})
    assert check_plan(root) == ()


# -- kpi.toml ------------------------------------------------------------------------------------------------


def test_no_kpi_toml_up_the_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KPI_DIR", raising=False)
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    with pytest.raises(PlanNotFound) as caught:
        find_root()
    here = (tmp_path / "deep" / "er").resolve()
    assert str(caught.value) == (
        f"no kpi.toml in {here} or any folder above it; run kpi inside a plan folder, or pass --dir PATH (or set KPI_DIR)"
    )


def test_dir_without_kpi_toml(tmp_path: Path) -> None:
    with pytest.raises(PlanNotFound) as caught:
        find_root(tmp_path)
    assert str(caught.value) == f"{tmp_path}: no kpi.toml there; point --dir (or KPI_DIR) at the folder that holds kpi.toml"


def test_kpi_toml_found_walking_up(tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KPI_DIR", raising=False)
    root = make_plan(tmp_path, {"2024-008.toml": corpus_text("2024-008")})
    monkeypatch.chdir(root / "measures")
    assert find_root() == root.resolve()


CONFIG_CASES = [
    (
        '[plan]\nname = "孤独・孤立対策重点計画\nedition = 2025\n',
        "kpi.toml:2: plan.name: invalid TOML: illegal character '\\n' at column 20; "
        'close the quotes on the same line (use """...""" for text over several lines)',
    ),
    (
        '[plan]\nedition = 2025\n\n[assessment]\nmethod = "growth"\n',
        'kpi.toml:5: assessment.method: unknown method "growth"; write method = "linear" or method = "cagr"',
    ),
    (
        "[plan]\nedition = 2025\n\n[assessment]\non_track = 95\n",
        "kpi.toml:5: assessment.on_track: 95 is not a share between 0 and 1 (95% is 0.95); write e.g. on_track = 0.95",
    ),
    (
        '[plan]\nedition = 2025\n\n[assessment]\nbehind = "60%"\n',
        'kpi.toml:5: assessment.behind: expected a number, got "60%"; write e.g. behind = 0.6',
    ),
    (
        "[plan]\nedition = 2025\n\n[assessment]\non_track = 0.5\nbehind = 0.6\n",
        "kpi.toml:6: assessment.behind: 0.6 is above on_track 0.5; behind is the lower threshold: make it smaller than on_track",
    ),
    (
        '[plan]\nedition = 2025\nministry = ["内閣府"]\n',
        'kpi.toml:3: warning: plan.ministry: unknown key, ignored; did you mean "ministries"?',
    ),
    (
        '[plan]\nedition = 2025\n\n[assesment]\nmethod = "cagr"\n',
        "kpi.toml:4: warning: assesment: unknown table, ignored; did you mean [assessment]?",
    ),
    (
        "edition = 2025\n[plan]\n",
        "kpi.toml:1: warning: edition: unknown key outside any table, ignored; move it below the [plan] header",
    ),
    ('[plan]\nedition = "next"\n', 'kpi.toml:2: plan.edition: expected a year, got "next"; write e.g. edition = 2025'),
    (
        '[plan]\nmeasures = "measure"\n',
        'kpi.toml:2: plan.measures: the folder "measure" does not exist; create it or fix the path',
    ),
]


@pytest.mark.parametrize(("kpi_toml", "expected"), CONFIG_CASES)
def test_kpi_toml_problems(kpi_toml: str, expected: str, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"2024-008.toml": corpus_text("2024-008")}, kpi_toml=kpi_toml)
    assert [str(p) for p in check_plan(root)] == [expected]


def test_broken_kpi_toml_stops_loading(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, kpi_toml=CONFIG_CASES[0][0])
    with pytest.raises(ProblemError) as caught:
        load_config(root)
    assert str(caught.value) == CONFIG_CASES[0][1]


def test_bad_settings_fall_back_to_the_defaults(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, kpi_toml='[assessment]\nmethod = "growth"\non_track = 95\n')
    config, problems = load_config(root)
    assert len(problems) == 2
    assert (config.thresholds.method.value, config.thresholds.on_track) == ("linear", 0.95)
