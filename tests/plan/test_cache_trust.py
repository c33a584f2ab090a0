"""The measure cache trusts nothing another user could have put there (issue 12, item 2): a planted symlink, a
folder others may write and a file naming code to run (a pickle: the cache is marshal data, which names none) are
all ignored, and the run gives the plan's real figures."""

from __future__ import annotations

import marshal
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi.plan.cache
from kpi.cli import app
from kpi.plan.cache import MeasureCache

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


pytestmark = pytest.mark.skipif(os.name != "posix", reason="owners, modes and O_NOFOLLOW are POSIX")


class Payload:
    """Unpickling this runs ``os.mkdir(marker)``: the proof that a cache file ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


@pytest.fixture
def plan(tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(kpi.plan.cache, "RACY_NS", 0)  # files written by the test count as settled
    return make_plan(tmp_path, {"2024-008.toml": corpus("valid/2024-008.toml")})


def cache_file(root: Path) -> Path:
    file = MeasureCache.open(root, root / "kpi.toml").file
    assert file is not None
    return file


def report(root: Path) -> str:
    result = runner.invoke(app, ["report", "--format", "json", "--year", "2024", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_symlink_planted_as_the_cache_file_is_not_followed(plan: Path, tmp_path: Path) -> None:
    expected = report(plan)
    file = cache_file(plan)
    # A file the victim owns, with the attacker's bytes (say, a file in a cloned repository).
    bait = tmp_path / "clone" / "data.bin"
    bait.parent.mkdir()
    bait.write_bytes(pickle.dumps(Payload(tmp_path / "ran")))
    bait.chmod(0o600)
    file.unlink()
    file.symlink_to(bait)
    assert report(plan) == expected
    assert not (tmp_path / "ran").exists()


def test_a_cache_file_naming_code_is_not_run(plan: Path, tmp_path: Path) -> None:
    expected = report(plan)
    file = cache_file(plan)
    file.write_bytes(pickle.dumps(Payload(tmp_path / "ran")))  # this user's own file, mode 0600, in a 0700 folder
    assert report(plan) == expected
    assert not (tmp_path / "ran").exists()
    assert marshal.loads(file.read_bytes())[0][2] == str(plan.resolve())  # rebuilt: a real cache again


def test_a_cache_folder_others_may_write_is_neither_read_nor_written(plan: Path, tmp_path: Path) -> None:
    expected = report(plan)
    file = cache_file(plan)
    file.write_bytes(pickle.dumps(Payload(tmp_path / "ran")))
    file.parent.chmod(0o777)
    assert report(plan) == expected
    assert not (tmp_path / "ran").exists()
    assert file.read_bytes() == pickle.dumps(Payload(tmp_path / "ran"))  # not replaced in a folder others can write


def test_a_cache_folder_that_is_a_symlink_is_not_used(plan: Path, tmp_path: Path) -> None:
    folder = kpi.plan.cache.cache_dir()
    assert folder is not None and not folder.exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(elsewhere)
    report(plan)
    assert list(elsewhere.iterdir()) == []


def test_the_cache_folder_is_created_private(plan: Path) -> None:
    report(plan)
    assert cache_file(plan).parent.stat().st_mode & 0o777 == 0o700
    assert cache_file(plan).stat().st_mode & 0o777 == 0o600


def test_the_cache_holds_plain_data_only(plan: Path) -> None:
    report(plan)
    header, entries = marshal.loads(cache_file(plan).read_bytes())  # marshal cannot hold an object that runs code

    def plain(value: object) -> bool:
        if isinstance(value, tuple | list):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        return value is None or type(value) in (int, float, str, bool)

    assert plain(header) and plain(entries)
    assert list(entries) == ["measures/2024-008.toml"]


def test_plain_data_round_trips_every_value_a_revision_may_hold() -> None:
    import datetime as dt

    from kpi.model import Actual, Direction, Edition, Indicator, Item, Kind, Measure, Milestone, QualStatus, Revision
    from kpi.plan.plain import measure_from_plain, plain_measure

    odd: list[object] = [
        dt.date(2025, 1, 2),
        dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        dt.time(7, 30),
        [{"year": 2025, "value": 1.5}],
        {"a": [1, "x", None, True]},
        10**30,
    ]
    revisions = tuple(Revision(dt.date(2025, 6, 1), "target", value, value, "r") for value in odd)
    indicator = Indicator(
        id="i", name="n", kind=Kind.CUMULATIVE, direction=Direction.DOWN, unit="人", primary=True, target=5.5, deadline=2026,
        start=2024, milestones=(Milestone(2025, 3.0),), source="s", revisions=revisions,
        actuals=(Actual(2024, value=1.0, note="n"), Actual(2025, status=QualStatus.DONE, source="s")),
    )  # fmt: skip
    measure = Measure(
        "2025-001", "t", ("内閣府",), (Edition(2025, 1, "1-1", ("1-2",)),), (indicator,), Path("x"), 2027, (Item("a", ("b",)),)
    )
    back = measure_from_plain(marshal.loads(marshal.dumps(plain_measure(measure))))
    assert back is not None
    object.__setattr__(back, "path", Path("x"))
    assert back == measure


@pytest.mark.parametrize("odd", ["none", "short", "garbled"])
def test_a_cache_file_with_the_right_header_but_odd_entries_is_ignored(odd: str, plan: Path) -> None:
    expected = report(plan)
    file = cache_file(plan)
    header, entries = marshal.loads(file.read_bytes())
    key = next(iter(entries))
    # "garbled" carries the file's real stat key, so the entry is taken as a hit and then fails to decode.
    entry = {"none": None, "short": (1, 2), "garbled": (entries[key][0], ("not", "a", "measure"), ())}[odd]
    file.write_bytes(marshal.dumps((header, {key: entry})))
    assert report(plan) == expected
