"""The kept lines of `kpi report --format json` (kpi.views.reportcache): a report read back from them is the report made
anew, whatever changed in between — a file, kpi.toml, the year, the method, the language, kpi's code.

Speed is measured by benchmarks/run.py, never here. These tests count the lines made (not read back) and compare
the JSON with the JSON made with every cache off.
"""

from __future__ import annotations

import dataclasses
import os
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kpi.plan.cache
import kpi.views.report
import kpi.views.reportcache
from kpi.cli import app
from kpi.i18n import Lang, speaking
from kpi.judge.report import Report, build_report
from kpi.model import Method
from kpi.plan.cache import cache_dir
from kpi.plan.loader import load_plan
from kpi.views.report import json_pieces, to_json

ROOT = Path(__file__).resolve().parents[2]
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
Text = Callable[..., str]  # the users_measure fixture (tests/conftest.py): the text of a measure


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written before a load count as settled (by default only files older than two seconds are kept)."""
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the measures whose line was made (not read back) while the test runs, in order."""
    seen: list[str] = []
    real = kpi.views.report.measure_record

    def counting(result: Any, lang: Lang) -> dict[str, Any]:
        seen.append(result.measure.id)
        return real(result, lang)

    monkeypatch.setattr(kpi.views.report, "measure_record", counting)
    yield seen


def report(root: Path, lang: Lang = Lang.EN, **options: Any) -> Report:
    return build_report(load_plan(root).plan, **({"year": 2025} | options))


def json_of(root: Path, lang: Lang = Lang.EN, **options: Any) -> str:
    with speaking(lang):
        return to_json(report(root, lang, **options), lang)


def uncached(root: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang = Lang.EN, **options: Any) -> str:
    with monkeypatch.context() as patch:
        patch.setenv("KPI_NO_CACHE", "1")
        return json_of(root, lang, **options)


def kept_files() -> list[Path]:
    folder = cache_dir()
    assert folder is not None
    return sorted(folder.glob("plan-*.report")) if folder.is_dir() else []


def with_baseline(text: str) -> str:
    """A users measure judged on its path from 500 (FY2022): 1,000 in FY2024 is behind, 1,900 on track, 600 far behind."""
    return text.replace("deadline = 2027\n", "deadline = 2027\nbaseline = 500\nbaseline_year = 2022\n")


def two(make_plan: MakePlan, tmp_path: Path, users_measure: Text) -> Path:
    files = {
        "2025-001": with_baseline(users_measure(value=1000)),
        "2025-002": with_baseline(users_measure("2025-002", 2, value=1900)),
    }
    return make_plan(tmp_path, files)


# -- read back, made again ---------------------------------------------------------------------------------------------


def test_an_unchanged_plan_reads_its_lines_back(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    first = json_of(root)
    assert made == ["2025-001", "2025-002"]
    assert len(kept_files()) == 1
    made.clear()
    assert json_of(root) == first == uncached(root, monkeypatch)
    assert made == ["2025-001", "2025-002"]  # the uncached run made both; the second run none
    made.clear()
    before = kept_files()[0].stat()
    assert json_of(root) == first
    assert made == []
    after = kept_files()[0].stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # nothing new: not written


def test_a_changed_file_makes_its_line_again(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    json_of(root)
    (root / "measures" / "2025-002.toml").write_text(with_baseline(users_measure("2025-002", 2, value=2500)), "utf-8")
    made.clear()
    after = json_of(root)
    assert made == ["2025-002"]
    assert '"actual": 2500' in after and after == uncached(root, monkeypatch)
    made.clear()
    assert json_of(root) == after  # the new line is kept in turn
    assert made == []


def test_a_same_size_edit_with_the_mtime_set_back_is_seen(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    path = root / "measures" / "2025-001.toml"
    old = path.stat()
    json_of(root)
    time.sleep(0.05)  # past the file system's time stamp step, so the change time moves
    with open(path, "r+b") as handle:
        handle.write(with_baseline(users_measure(value=1999)).encode("utf-8"))
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    made.clear()
    after = json_of(root)
    assert made == ["2025-001"]
    assert '"actual": 1999' in after and after == uncached(root, monkeypatch)


def test_a_moved_file_makes_its_line_again(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    json_of(root)
    (root / "measures" / "sub").mkdir()
    os.replace(root / "measures" / "2025-002.toml", root / "measures" / "sub" / "2025-002.toml")
    made.clear()
    assert json_of(root) == uncached(root, monkeypatch)
    assert made[0] == "2025-002"  # the moved file; the uncached run then made both
    assert made[1:] == ["2025-001", "2025-002"]


def test_a_change_after_lines_read_back_keeps_them_all(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lines read back before the first one made (in earlier pieces and in the same one) go into the new file too.
    measures = {f"2025-00{n}": with_baseline(users_measure(f"2025-00{n}", n, value=900 + n)) for n in range(1, 6)}
    root = make_plan(tmp_path, measures)
    json_of(root)
    (root / "measures" / "2025-004.toml").write_text(with_baseline(users_measure("2025-004", 4, value=1800)), "utf-8")
    made.clear()
    with speaking(Lang.EN):
        text = "".join(json_pieces(report(root), Lang.EN, measures_per_piece=2))
    assert made == ["2025-004"]
    assert text == uncached(root, monkeypatch)
    made.clear()
    assert json_of(root) == text
    assert made == []


def test_a_report_of_some_measures_finds_their_lines(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --ministry leaves measures out: the lines of the others are found out of the order they were kept in.
    measures = {f"2025-00{n}": with_baseline(users_measure(f"2025-00{n}", n, value=900 + n)) for n in range(1, 5)}
    measures["2025-003"] = measures["2025-003"].replace('ministries = ["内閣府"]', 'ministries = ["総務省"]')
    root = make_plan(tmp_path, measures)
    json_of(root)
    made.clear()
    some = json_of(root, ministry="内閣府")
    assert made == []
    assert '"2025-003"' not in some and some == uncached(root, monkeypatch, ministry="内閣府")


def test_files_just_written_are_never_read_back(
    tmp_path: Path, make_plan: MakePlan, made: list[str], users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Within two seconds of a change a same-size edit could keep the stat key: such a file's measure has no stamp,
    # so its line is neither kept nor read back.
    root = two(make_plan, tmp_path, users_measure)
    first = json_of(root)
    path = root / "measures" / "2025-001.toml"
    with open(path, "r+b") as handle:
        handle.write(with_baseline(users_measure(value=1999)).encode("utf-8"))
    made.clear()
    second = json_of(root)
    assert made == ["2025-001", "2025-002"]
    assert second != first and second == uncached(root, monkeypatch)
    assert kept_files() == []


# -- what makes every line again --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("another year", {"year": 2024}),
        ("another method", {"method": Method.CAGR}),
        ("another edition", {"edition": 2025}),
    ],
)
def test_other_options_make_every_line_again(
    name: str,
    options: dict[str, Any],
    tmp_path: Path,
    make_plan: MakePlan,
    made: list[str],
    settled: None,
    users_measure: Text,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    json_of(root)
    made.clear()
    other = json_of(root, **options)
    if name != "another edition":  # the plan's own edition is 2025: the same report, read back
        assert made == ["2025-001", "2025-002"], name
    else:
        assert made == [], name
    assert other == uncached(root, monkeypatch, **options)
    made.clear()
    assert json_of(root, **options) == other
    assert made == []


def test_another_language_makes_every_line_again(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    english = json_of(root, Lang.EN)
    made.clear()
    japanese = json_of(root, Lang.JA)
    assert made == ["2025-001", "2025-002"]
    assert '"status_label": "やや遅れ"' in japanese and '"status_label": "behind"' in english
    assert japanese == uncached(root, monkeypatch, Lang.JA)
    made.clear()
    assert (json_of(root, Lang.JA), json_of(root, Lang.EN)) == (japanese, english)
    assert made == []  # one file per language: each keeps its own lines


def test_a_change_of_kpi_toml_makes_every_line_again(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    before = json_of(root)
    config = root / "kpi.toml"
    text = config.read_text("utf-8")
    assert "behind = 0.60\n" in text
    config.write_text(text.replace("behind = 0.60\n", "behind = 0.3\n"), "utf-8")
    made.clear()
    after = json_of(root)
    assert made == ["2025-001", "2025-002"]
    assert after != before and after == uncached(root, monkeypatch)
    assert '"behind": 0.3' in after


def test_a_change_of_kpi_code_makes_every_line_again(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    json_of(root)
    real = kpi.views.reportcache._code_key
    monkeypatch.setattr(kpi.views.reportcache, "_code_key", lambda: (*real(), ("kpi/views/new.py", 1, 1)))
    made.clear()
    assert json_of(root) == uncached(root, monkeypatch)
    assert made[:2] == ["2025-001", "2025-002"]


def test_the_code_key_names_every_module_a_line_is_made_with() -> None:
    named = {Path(entry[0]).resolve() for entry in kpi.views.reportcache._code_key() if isinstance(entry, tuple)}
    package = ROOT / "kpi"
    for layer in ("plan", "judge", "views", "history", "edit", "i18n"):
        assert {p.resolve() for p in (package / layer).glob("*.py")} <= named, layer
    assert {p.resolve() for p in package.glob("*.py")} <= named
    assert not any(p.parent.name in ("cli", "export") for p in named)


# -- results that are not as judged, files that are not to be trusted ------------------------------------------------


def test_a_lagging_report_is_made_from_its_own_results(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    measures = {
        "2025-001": with_baseline(users_measure(value=1000)),
        "2025-002": with_baseline(users_measure("2025-002", 2, value=1900)),
        "2025-003": with_baseline(users_measure("2025-003", 3, value=600)),
    }
    root = make_plan(tmp_path, measures)
    json_of(root)
    made.clear()
    lagging = json_of(root, lagging=True)
    assert made == ["2025-001", "2025-003"]  # the filtered results are not those judged: made, never read back
    assert lagging == uncached(root, monkeypatch, lagging=True)


def test_a_measure_or_result_changed_in_memory_is_not_read_back(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    json_of(root)
    result = report(root)
    assert all(m.measure.stamp is not None and m.judged is not None for m in result.measures)
    renamed = dataclasses.replace(result.measures[0].measure, title="別の施策")
    regraded = dataclasses.replace(result.measures[1], grade=dataclasses.replace(result.measures[1].grade, grade=1))
    assert renamed.stamp is None and regraded.judged is None
    changed = dataclasses.replace(result, measures=(dataclasses.replace(result.measures[0], measure=renamed), regraded))
    made.clear()
    text = to_json(changed, Lang.EN)
    assert made == ["2025-001", "2025-002"]
    assert '"title": "別の施策"' in text and '"grade": 1,' in text


@pytest.mark.parametrize("damage", ["garbage", "cut", "not utf-8", "empty"])
def test_a_damaged_file_is_ignored_and_written_again(
    damage: str,
    tmp_path: Path,
    make_plan: MakePlan,
    made: list[str],
    settled: None,
    users_measure: Text,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    expected = json_of(root)
    (file,) = kept_files()
    data = file.read_bytes()
    if damage == "garbage":
        file.write_bytes(os.urandom(len(data)))
    elif damage == "cut":
        file.write_bytes(data[: len(data) // 2])
    elif damage == "not utf-8":  # the lines' text damaged, the index whole: those lines are made again
        file.write_bytes(b"\xff\xfe" + data[2:])
    else:
        file.write_bytes(b"")
    made.clear()
    assert json_of(root) == expected
    assert made[:1] == ["2025-001"]
    made.clear()
    assert json_of(root) == expected
    assert made == []


def test_a_file_others_may_write_is_not_read(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    expected = json_of(root)
    (file,) = kept_files()
    file.chmod(0o666)
    made.clear()
    assert json_of(root) == expected
    assert made == ["2025-001", "2025-002"]
    assert file.stat().st_mode & 0o777 == 0o666  # not replaced either


def test_a_report_stopped_midway_leaves_the_old_file(
    tmp_path: Path, make_plan: MakePlan, made: list[str], settled: None, users_measure: Text
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    expected = json_of(root)
    (file,) = kept_files()
    before = file.read_bytes()
    (root / "measures" / "2025-001.toml").write_text(with_baseline(users_measure(value=1500)), "utf-8")
    pieces = json_pieces(report(root), Lang.EN, measures_per_piece=1)
    assert isinstance(pieces, types.GeneratorType)
    next(pieces)
    pieces.close()
    assert file.read_bytes() == before
    assert sorted(p.name for p in file.parent.iterdir() if not p.name.endswith((".marshal", ".report"))) == []
    assert json_of(root) != expected


def test_kpi_no_cache_keeps_no_lines(
    tmp_path: Path, make_plan: MakePlan, made: list[str], users_measure: Text, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two(make_plan, tmp_path, users_measure)
    uncached(root, monkeypatch)
    uncached(root, monkeypatch)
    assert made == ["2025-001", "2025-002"] * 2
    assert kept_files() == []


# -- the command, both languages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_kpi_report_json_of_the_shipped_plan_reads_back_the_same(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    args = ["--lang", lang, "report", "--format", "json", "--year", "2024", "--dir", str(ROOT)]
    monkeypatch.setenv("KPI_NO_CACHE", "1")
    fresh = runner.invoke(app, args)
    monkeypatch.delenv("KPI_NO_CACHE")
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)
    runs = [runner.invoke(app, args) for _ in range(3)]
    assert [r.exit_code for r in [fresh, *runs]] == [0] * 4
    assert [r.output for r in runs] == [fresh.output] * 3
    assert ('"status_label": "目標達成"' in fresh.output) == (lang == "ja")
    assert len(kept_files()) == 1
