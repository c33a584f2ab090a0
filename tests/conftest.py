"""Fixtures shared by the test modules: plan folders, a plan in a real git repository, the editing tests' day, the
parse cache's measure text and parse counter, kpi in a fresh interpreter, Datasette's client and Chromium.

Test modules never import one another, nor this file (tests/test_code_quality.py checks it): what they share
comes from here as fixtures. The fixture plans are data, under tests/data/plans/<name>/ (kpi.toml and
measures/*.toml, byte for byte what the tests write; tests/data/plans/README.md says what each is for).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# No per-example time limit: speed is measured in benchmarks/run.py, and a busy machine made the 200 ms default flaky.
settings.register_profile("kpi", deadline=None)
settings.load_profile("kpi")

PLANS = Path(__file__).resolve().parent / "data" / "plans"

MakePlan = Callable[..., Path]


@dataclass(frozen=True)
class FixturePlan:
    """The texts of a fixture plan: its kpi.toml, and its measure files by id ("2024-001": text)."""

    kpi_toml: str
    measures: dict[str, str]


def fixture_folder(name: str) -> Path:
    folder = PLANS / name
    if not (folder / "kpi.toml").is_file() and not (folder / "measures").is_dir():
        known = sorted(p.name for p in PLANS.iterdir() if p.is_dir())
        raise ValueError(f"no fixture plan {name!r} in {PLANS}; the plans are {', '.join(known)}")
    return folder


def fixture_config(folder: Path) -> Path:
    """The fixture plan's kpi.toml: its own, else the default plan's (a folder may hold measures only)."""
    own = folder / "kpi.toml"
    return own if own.is_file() else PLANS / "default" / "kpi.toml"


def read_fixture_plan(name: str) -> FixturePlan:
    folder = fixture_folder(name)
    measures = {p.stem: p.read_bytes().decode("utf-8") for p in sorted((folder / "measures").glob("*.toml"))}
    return FixturePlan(fixture_config(folder).read_bytes().decode("utf-8"), measures)


Measures = Mapping[str, str | bytes] | Iterable[Path]


def write_plan_files(root: Path, plan: str, measures: Measures | None = None, kpi_toml: str | bytes | None = None) -> Path:
    """Write kpi.toml and measures/ of the fixture plan ``plan`` into ``root`` (see ``write_plan``); returns ``root``."""
    source = fixture_folder(plan)
    if measures is None:
        measures = {
            p.relative_to(source / "measures").as_posix(): p.read_bytes() for p in sorted(source.glob("measures/**/*.toml"))
        }
    elif not isinstance(measures, Mapping):
        measures = {p.name: p.read_bytes() for p in measures}
    config = fixture_config(source).read_bytes() if kpi_toml is None else kpi_toml
    folder = root / "measures"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "kpi.toml").write_bytes(config if isinstance(config, bytes) else config.encode("utf-8"))
    for name, content in measures.items():
        path = folder / (name if name.endswith(".toml") else f"{name}.toml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def write_plan(
    where: Path,
    measures: Measures | None = None,
    kpi_toml: str | bytes | None = None,
    *,
    plan: str = "default",
) -> Path:
    """Write a plan folder at ``where / "plan"`` and return it (the root that holds kpi.toml).

    ``plan`` names a fixture plan under tests/data/plans/: "default" (the shipped plan's kpi.toml, minus comments,
    and no measure) or another folder there ("edit", "export", "git", "policy", "v11"…; README.md there says what each
    holds). Its kpi.toml is written unless ``kpi_toml`` is given (the default one where the folder has none), and
    its measure files unless ``measures`` is given, which replaces them all: either a mapping of a path under
    measures/ ("2024-008.toml", or "sub/2024-008.toml"; ".toml" is added when missing) to its content, or
    files to copy into measures/ under their own names (``[INVALID / "bad-pillar.toml"]``). Text is written
    as UTF-8 byte for byte (no newline translation), bytes and files as they are. Writing again into the
    same folder overwrites those files and keeps the others.
    """
    return write_plan_files(where / "plan", plan, measures, kpi_toml)


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale; a test of Japanese asks with --lang ja,
    KPI_LANG or ``speaking(Lang.JA)``. The active language is reset after each test."""
    from kpi.i18n import use

    for name in ("KPI_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use(None)
    yield
    use(None)


@pytest.fixture(autouse=True)
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """kpi caches loaded plans under $XDG_CACHE_HOME: each test gets its own, never the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture(scope="session")
def make_plan() -> MakePlan:
    """``make_plan(where, measures=None, kpi_toml=None, *, plan="default") -> Path``: see ``write_plan``.

    Session-scoped (it only returns the function), so hypothesis tests can use it too.
    """
    return write_plan


@pytest.fixture(scope="session")
def fixture_plan() -> Callable[[str], FixturePlan]:
    """``fixture_plan("export").measures["2024-001"]``, ``fixture_plan("default").kpi_toml``: the fixture plans' texts."""
    return read_fixture_plan


# -- the parse cache's tests ------------------------------------------------------------------------------------------

USERS_MEASURE = """\
id = "{id}"
title = "{title}"
ministries = ["内閣府"]

[editions.2025]
number = {number}
pillar = "1-1"

[[indicators]]
id = "users"
name = "利用者数"
kind = "level"
direction = "up"
unit = "人"
target = 2000
deadline = 2027

[indicators.actuals]
2024 = {value}
"""


def users_measure_text(measure_id: str = "2025-001", number: int = 1, value: int = 1000, title: str = "テスト施策") -> str:
    return USERS_MEASURE.format(id=measure_id, title=title, number=number, value=value)


@pytest.fixture(scope="session")
def users_measure() -> Callable[..., str]:
    """``users_measure(measure_id="2025-001", number=1, value=1000, title="テスト施策") -> str``: the text of a measure
    (in pillar 1-1, of 内閣府) with one level indicator ``users`` (人, up, 2,000 by FY2027) and its FY2024 figure."""
    return users_measure_text


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The measure files parsed (not taken from the cache) while the test runs, by their shown name, in order."""
    from kpi.plan import loader

    seen: list[str] = []
    real = loader.load_measure

    def counting(path: Path, shown: str, config: loader.PlanConfig) -> tuple[object, list[object]]:
        seen.append(shown)
        return real(path, shown, config)  # type: ignore[return-value]

    monkeypatch.setattr(loader, "load_measure", counting)
    yield seen


@pytest.fixture(scope="session")
def datasette_get() -> Callable[[Path, str], Any]:
    """``datasette_get(db, url)``: the JSON page ``url`` as Datasette itself serves it (its --get test client, no
    server), with the metadata kpi wrote beside ``db``."""

    def get(db: Path, url: str) -> Any:
        metadata = db.with_name(db.stem + ".metadata.json")
        done = subprocess.run(
            [sys.executable, "-m", "datasette", str(db), "-m", str(metadata), "--get", url],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return get


# -- kpi in a fresh interpreter (what a run imports) -------------------------------------------------------------------

FRESH_PROBE = """
import json, sys
from kpi.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


@dataclass(frozen=True)
class FreshRun:
    """A run of kpi's entry point in a fresh interpreter: its exit code, every module imported by its end, and what it
    printed (``stderr`` without the probe's own last line)."""

    code: int
    modules: frozenset[str]
    stdout: str
    stderr: str


def run_fresh(args: Iterable[str], cwd: Path, env: Mapping[str, str | None] | None = None) -> FreshRun:
    environ = {**os.environ}
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    done = subprocess.run(
        [sys.executable, "-c", FRESH_PROBE, *args], capture_output=True, text=True, cwd=cwd, env=environ, check=False
    )
    *printed, last = done.stderr.splitlines(keepends=True)
    probed = json.loads(last)
    return FreshRun(probed["code"], frozenset(probed["modules"]), done.stdout, "".join(printed))


@pytest.fixture(scope="session")
def fresh_kpi() -> Callable[..., FreshRun]:
    """``fresh_kpi(args, cwd, env={"NAME": value or None}) -> FreshRun``: run kpi.cli:main in a fresh interpreter (so
    modules imported by other tests do not count), in ``cwd``, with the environment changed by ``env`` (None removes
    a variable); the result has ``code``, ``modules``, ``stdout`` and ``stderr``."""
    return run_fresh


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary the browser tests run ($KPI_CHROMIUM, else the first on PATH); the test is skipped without."""
    for name in (os.environ.get("KPI_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    pytest.skip("no chromium binary found: install Debian's chromium (`apt-get install chromium`; .ci/run does) to run this test")


@pytest.fixture(scope="session")
def today() -> dt.date:
    """The day the editing tests run on: in FY2025, so figures up to 2025 may be logged."""
    return dt.date(2025, 7, 1)


# -- a plan in a git repository --------------------------------------------------------------------------------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Officer",
    "GIT_AUTHOR_EMAIL": "officer@example.invalid",
    "GIT_COMMITTER_NAME": "Test Officer",
    "GIT_COMMITTER_EMAIL": "officer@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


class PlanRepo:
    """A git repository at ``top`` holding the fixture plan "git" at ``root`` (``top``, or the folder ``subdir`` in it).

    The plan is committed on the branch main: three measures, 2024-001 (level, up: on track for FY2024),
    2024-002 (level, down: behind) and 2024-003 (qualitative).
    """

    def __init__(self, top: Path, subdir: str = "") -> None:
        self.top = top
        self.root = top / subdir if subdir else top
        self.root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        write_plan_files(self.root, "git")
        self.commit("plan: three measures")

    def git(self, *args: str) -> str:
        env = {**os.environ, **GIT_ENV, "HOME": str(self.top)}
        done = subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args], cwd=self.top, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def path(self, measure_id: str) -> Path:
        return self.root / "measures" / f"{measure_id}.toml"

    def write(self, text: str) -> Path:
        measure_id = text.split('id = "', 1)[1].split('"', 1)[0]
        path = self.path(measure_id)
        path.write_text(text, "utf-8")
        return path

    def edit(self, measure_id: str, old: str, new: str) -> None:
        path = self.path(measure_id)
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), "utf-8")

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")


def revision_entry(field: str, old: str, new: str, reason: str = "2025年改定で見直し", date: str = "2025-06-01") -> str:
    """A [[indicators.revisions]] table to append at the end of a single-indicator measure file."""
    return f'\n[[indicators.revisions]]\ndate = {date}\nfield = "{field}"\nold = {old}\nnew = {new}\nreason = "{reason}"\n'


@pytest.fixture(scope="session")
def plan_repo() -> type[PlanRepo]:
    """``plan_repo(top, subdir="") -> PlanRepo``: the fixture plan "git", committed in a new repository at ``top``.

    The repository's methods: ``git(*args) -> stdout``, ``path(measure_id)``, ``write(text)`` (a measure file,
    named by its id), ``edit(measure_id, old, new)`` (the first ``old`` replaced; it must be there) and
    ``commit(message) -> commit id`` (of everything); ``top`` and ``root`` are its folders.
    """
    return PlanRepo


@pytest.fixture(scope="session")
def revision() -> Callable[..., str]:
    """``revision(field, old, new, reason="2025年改定で見直し", date="2025-06-01")``: a [[indicators.revisions]] table."""
    return revision_entry
