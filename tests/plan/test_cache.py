"""The parse cache (kpi.plan.cache): a plan loaded from it is the plan loaded from the files, whatever changed in between.

Speed is measured by benchmarks/run.py, never here. These tests count how many files were parsed and compare what
load_plan returns with and without the cache after each kind of change.
"""

from __future__ import annotations

import gc
import json
import marshal
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi.plan.cache
import kpi.plan.loader
from kpi.cli import app
from kpi.plan.cache import MeasureCache, cache_dir
from kpi.plan.loader import LoadResult, load_plan

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)
Text = Callable[..., str]  # the users_measure fixture (tests/conftest.py): the text of a measure


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written before a load count as settled (by default only files older than two seconds are kept)."""
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)


def loaded(root: Path) -> tuple[list[object], list[str]]:
    """What a plan loads as, in a form to compare: the measures and every problem's line."""
    result = load_plan(root)
    return list(result.plan.measures), [str(p) for p in result.problems]


def uncached(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[str]]:
    with monkeypatch.context() as patch:
        patch.setenv("KPI_NO_CACHE", "1")
        return loaded(root)


def actual_2024(result: LoadResult, measure_id: str) -> float | None:
    (found,) = [m for m in result.plan.measures if m.id == measure_id]
    entry = found.indicators[0].actual_for(2024)
    return None if entry is None else entry.value


def rewrite_in_place(path: Path, text: str, mtime_ns: int | None = None) -> None:
    """Overwrite the file's bytes without replacing it (same inode), optionally setting its mtime back."""
    before = path.stat()
    with open(path, "r+b") as handle:
        handle.write(text.encode("utf-8"))
        handle.truncate()
    if mtime_ns is not None:
        os.utime(path, ns=(before.st_atime_ns, mtime_ns))
    assert path.stat().st_ino == before.st_ino


def cache_files() -> list[Path]:
    folder = cache_dir()
    assert folder is not None
    return sorted(folder.glob("plan-*.marshal")) if folder.is_dir() else []


# -- unchanged, changed, removed, added ----------------------------------------------------------------------------


def test_an_unchanged_plan_is_not_parsed_again(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    first = loaded(root)
    assert parses == ["measures/2025-001.toml", "measures/2025-002.toml"]
    parses.clear()
    second = loaded(root)
    assert parses == []
    assert second == first
    assert [m.path for m in load_plan(root).plan.measures] == [
        root / "measures" / "2025-001.toml",
        root / "measures" / "2025-002.toml",
    ]


def test_the_cache_lives_in_the_cache_folder_not_in_the_plan(
    tmp_path: Path, make_plan: MakePlan, settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    load_plan(root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    (file,) = cache_files()
    assert file.parent == Path(os.environ["XDG_CACHE_HOME"]) / "kpi"
    assert file.parent.stat().st_mode & 0o777 == 0o700


def test_the_whole_corpus_loads_the_same_from_the_cache(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Valid files, files with warnings and files with errors: measures and problems alike come back as they were.
    files: dict[str, str | bytes] = {p.name: p.read_bytes() for p in [*VALID.glob("*.toml"), *INVALID.glob("*.toml")]}
    root = make_plan(tmp_path, files)
    expected = uncached(root, monkeypatch)
    assert loaded(root) == expected
    parses.clear()
    assert loaded(root) == expected
    assert parses == []
    assert len(expected[1]) >= len(list(INVALID.glob("*.toml")))


def test_a_changed_file_is_parsed_again(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(value=1000), "2025-002": users_measure("2025-002", 2)})
    load_plan(root)
    parses.clear()
    (root / "measures" / "2025-001.toml").write_text(users_measure(value=15000), "utf-8")
    result = load_plan(root)
    assert parses == ["measures/2025-001.toml"]
    assert actual_2024(result, "2025-001") == 15000


def test_a_removed_file_is_gone(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    load_plan(root)
    (root / "measures" / "2025-002.toml").unlink()
    parses.clear()
    assert [m.id for m in load_plan(root).plan.measures] == ["2025-001"]
    assert parses == []
    # The entry is dropped from the cache file too: putting the file back parses it again.
    (root / "measures" / "2025-002.toml").write_text(users_measure("2025-002", 2), "utf-8")
    assert [m.id for m in load_plan(root).plan.measures] == ["2025-001", "2025-002"]
    assert parses == ["measures/2025-002.toml"]


def test_an_added_file_appears(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    parses.clear()
    (root / "measures" / "sub").mkdir()
    (root / "measures" / "sub" / "2025-003.toml").write_text(users_measure("2025-003", 3), "utf-8")
    assert [m.id for m in load_plan(root).plan.measures] == ["2025-001", "2025-003"]
    assert parses == ["measures/sub/2025-003.toml"]


def test_a_file_that_breaks_reports_its_error_and_a_fixed_one_loads(
    tmp_path: Path, make_plan: MakePlan, settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    path = root / "measures" / "2025-001.toml"
    path.write_text(users_measure().replace("target = 2000", 'target = "2000人"'), "utf-8")
    broken = loaded(root)
    assert broken == uncached(root, monkeypatch)
    assert broken[0] == [] and "indicators[0].target: expected a number" in broken[1][0]
    path.write_text(users_measure(), "utf-8")
    assert loaded(root) == uncached(root, monkeypatch)
    assert loaded(root)[1] == []


# -- same size, same time stamps ------------------------------------------------------------------------------------


def test_a_same_size_edit_with_the_mtime_set_back_is_seen(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    # Same size, same inode, the very same mtime_ns: only the change time (which no program can set) differs.
    root = make_plan(tmp_path, {"2025-001": users_measure(value=1000)})
    path = root / "measures" / "2025-001.toml"
    old = path.stat()
    assert actual_2024(load_plan(root), "2025-001") == 1000
    time.sleep(0.05)  # past the file system's time stamp step, so the change time moves
    rewrite_in_place(path, users_measure(value=9999), mtime_ns=old.st_mtime_ns)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    parses.clear()
    assert actual_2024(load_plan(root), "2025-001") == 9999
    assert parses == ["measures/2025-001.toml"]


def test_a_same_size_edit_within_one_time_stamp_is_seen(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    # A file system whose time stamps are whole seconds and that has no inode or change time (some network or
    # FAT drives): an edit in the same second as the previous one leaves the very same key. Such a just-changed
    # file is never kept, so the next run parses it again.
    def coarse(path: Path) -> tuple[int, int, int, int] | None:
        st = os.stat(path)
        return (st.st_size, st.st_mtime_ns // 10**9 * 10**9, 0, 0)

    monkeypatch.setattr(kpi.plan.cache, "_stat_key", coarse)
    root = make_plan(tmp_path, {"2025-001": users_measure(value=1000)})
    path = root / "measures" / "2025-001.toml"
    second = (time.time_ns() // 10**9) * 10**9  # this second: within the racy window of any load that follows
    os.utime(path, ns=(second, second))
    assert actual_2024(load_plan(root), "2025-001") == 1000
    rewrite_in_place(path, users_measure(value=9999), mtime_ns=second)
    parses.clear()
    assert actual_2024(load_plan(root), "2025-001") == 9999
    assert parses == ["measures/2025-001.toml"]


def test_a_file_replaced_like_git_checkout_is_seen(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    # A checkout writes a new file over the old one: here with the same size and even the same mtime.
    root = make_plan(tmp_path, {"2025-001": users_measure(value=1000)})
    path = root / "measures" / "2025-001.toml"
    old = path.stat()
    load_plan(root)
    new = path.with_name(".checkout.tmp")
    new.write_text(users_measure(value=2000), "utf-8")
    os.utime(new, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(new, path)
    parses.clear()
    assert actual_2024(load_plan(root), "2025-001") == 2000
    assert parses == ["measures/2025-001.toml"]


# -- what drops the whole cache ---------------------------------------------------------------------------------------


def test_a_change_of_kpi_toml_parses_everything_again(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    load_plan(root)
    config = root / "kpi.toml"
    # 内閣府 is no longer a ministry of the plan: both measures now have an error that only kpi.toml explains.
    config.write_text(config.read_text("utf-8").replace('"内閣府", ', ""), "utf-8")
    parses.clear()
    after = loaded(root)
    assert sorted(parses) == ["measures/2025-001.toml", "measures/2025-002.toml"]
    assert after == uncached(root, monkeypatch)
    assert [line.split(": ")[1] for line in after[1]] == ["ministries[0]", "ministries[0]"]


def test_another_kpi_version_parses_everything_again(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    monkeypatch.setattr(kpi.plan.cache, "__version__", "99.0")
    parses.clear()
    load_plan(root)
    assert parses == ["measures/2025-001.toml"]


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal data at all", b"\xe9garbage", marshal.dumps(("another", "format")), marshal.dumps([1, 2, 3])],
    ids=["empty", "text", "bad-marshal", "other-format", "other-type"],
)
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(
    content: bytes,
    tmp_path: Path,
    make_plan: MakePlan,
    parses: list[str],
    settled: None,
    monkeypatch: pytest.MonkeyPatch,
    users_measure: Text,
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    expected = loaded(root)
    (file,) = cache_files()
    file.write_bytes(content)
    parses.clear()
    assert loaded(root) == expected
    assert len(parses) == 2
    parses.clear()
    assert loaded(root) == expected
    assert parses == []


def test_a_truncated_cache_file_is_ignored(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": users_measure("2025-002", 2)})
    expected = loaded(root)
    (file,) = cache_files()
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])
    parses.clear()
    assert loaded(root) == expected
    assert len(parses) == 2


@pytest.mark.skipif(os.name != "posix", reason="file modes and owners are POSIX")
def test_a_cache_file_others_may_write_is_not_read(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    # Unpickling runs code: a cache file that another user could have written is never loaded.
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    (file,) = cache_files()
    file.chmod(0o666)
    parses.clear()
    load_plan(root)
    assert parses == ["measures/2025-001.toml"]
    (file,) = cache_files()  # written anew, by this user, for this user
    assert file.stat().st_mode & 0o077 == 0
    parses.clear()
    load_plan(root)
    assert parses == []


# -- turning it off, and where it cannot work --------------------------------------------------------------------


def test_kpi_no_cache_turns_it_off(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    monkeypatch.setenv("KPI_NO_CACHE", "1")
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    load_plan(root)
    assert parses == ["measures/2025-001.toml"] * 2
    assert cache_files() == []


def test_load_plan_without_the_cache(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root, cache=False)
    assert cache_files() == []


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, make_plan: MakePlan, settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    assert [m.id for m in load_plan(root).plan.measures] == ["2025-001"]
    assert [m.id for m in load_plan(root).plan.measures] == ["2025-001"]


def test_files_just_written_are_not_kept(tmp_path: Path, make_plan: MakePlan, parses: list[str], users_measure: Text) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root)
    load_plan(root)
    assert parses == ["measures/2025-001.toml"] * 2
    assert cache_files() == []


def test_the_plan_root_spelled_another_way_gives_its_own_paths(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    load_plan(root.resolve())
    monkeypatch.chdir(root)
    parses.clear()
    (found,) = load_plan(Path(".")).plan.measures
    assert parses == []
    assert found.path == Path("measures/2025-001.toml")


def test_the_collector_is_left_as_it_was(tmp_path: Path, make_plan: MakePlan, settled: None, users_measure: Text) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    assert gc.isenabled()
    load_plan(root)
    load_plan(root)
    assert gc.isenabled()


def test_two_writers_at_once_leave_a_whole_cache(
    tmp_path: Path, make_plan: MakePlan, parses: list[str], settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {f"2025-{n:03d}": users_measure(f"2025-{n:03d}", n) for n in range(1, 30)})
    expected = uncached(root, monkeypatch)
    errors: list[BaseException] = []

    def load_many() -> None:
        try:
            for _ in range(5):
                assert loaded(root) == expected
                for file in cache_files():
                    file.unlink(missing_ok=True)  # make the next load write again
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load_many) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    load_plan(root)
    parses.clear()
    assert loaded(root) == expected
    assert parses == []
    folder = cache_dir()
    assert folder is not None
    assert [p.name for p in folder.iterdir() if p.suffix == ".tmp"] == []


def test_old_plan_caches_are_pruned(
    tmp_path: Path, make_plan: MakePlan, settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    monkeypatch.setattr(kpi.plan.cache, "KEEP", 3)
    roots = [make_plan(tmp_path / str(n), {"2025-001": users_measure()}) for n in range(5)]
    for root in roots:
        load_plan(root)
    assert len(cache_files()) == 3


def test_measure_cache_off_only_parses(tmp_path: Path, make_plan: MakePlan, parses: list[str], users_measure: Text) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure()})
    files = [(root / "measures" / "2025-001.toml", "measures/2025-001.toml")]
    config = kpi.plan.loader.load_config(root)[0]
    store = MeasureCache.off()
    ((found, problems),) = store.load_all(files, kpi.plan.loader.load_measure, config)
    store.save()
    assert found is not None and found.id == "2025-001" and problems == []
    assert cache_files() == []


# -- through the command line -------------------------------------------------------------------------------------


def test_kpi_log_then_report_shows_the_new_figure(
    tmp_path: Path, make_plan: MakePlan, settled: None, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    root = make_plan(tmp_path, {"2025-001": users_measure(value=1000), "2025-002": users_measure("2025-002", 2)})
    runner = CliRunner()
    before = runner.invoke(app, ["report", "--dir", str(root), "--format", "json", "--year", "2024"])
    assert before.exit_code == 0, before.output
    logged = runner.invoke(app, ["log", "2025-001", "users", "2024", "1500", "--force", "--dir", str(root)])
    assert logged.exit_code == 0, logged.output
    after = runner.invoke(app, ["report", "--dir", str(root), "--format", "json", "--year", "2024"])
    actuals = {m["id"]: m["indicators"][0]["actual"] for m in json.loads(after.stdout)["measures"]}
    assert actuals == {"2025-001": 1500, "2025-002": 1000}


def test_kpi_log_by_id_reads_only_its_file(
    tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch, users_measure: Text
) -> None:
    # Another measure's file is broken beyond reading: logging into 2025-001 by id never looks at it.
    root = make_plan(tmp_path, {"2025-001": users_measure(), "2025-002": b"\xff\xfe not toml"})
    monkeypatch.setattr("kpi.edit.session.load_plan", lambda *a, **k: pytest.fail("kpi log by id loaded the whole plan"))
    result = CliRunner().invoke(app, ["log", "2025-001", "users", "2024", "1200", "--force", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    assert "2024 = 1200" in (root / "measures" / "2025-001.toml").read_text("utf-8")


def test_kpi_log_by_number_still_finds_the_measure(tmp_path: Path, make_plan: MakePlan, users_measure: Text) -> None:
    root = make_plan(tmp_path, {"a/2025-007": users_measure("2025-007", 7)})
    result = CliRunner().invoke(app, ["log", "7", "users", "2024", "1300", "--force", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    assert "2024 = 1300" in (root / "measures" / "a" / "2025-007.toml").read_text("utf-8")
