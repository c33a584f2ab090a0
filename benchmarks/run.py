"""Speed and memory of `kpi` at scale: the shipped plan and synthetic plans of 2,000 and 20,000 measures.

Run from the repository root with the interpreter that has kpi installed:

    .venv/bin/python benchmarks/run.py                 # print the table, write benchmarks/results.json
    .venv/bin/python benchmarks/run.py --readme        # also put the table into benchmarks/README.md

Every figure is the median wall time of several runs of the whole process (start-up included), and
each is compared with a floor measured in the same run on the same machine, so the ratios hold from
one machine to another even though the seconds do not. Peak memory is the child's own peak RSS
(``os.wait4``). This is not a test: nothing here fails a build, and the tests never assert timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MINISTRIES = [
    "内閣官房", "内閣府", "金融庁", "消費者庁", "総務省", "法務省", "外務省", "財務省", "文部科学省", "厚生労働省",
    "農林水産省", "経済産業省", "国土交通省", "環境省", "防衛省", "警察庁", "こども家庭庁", "復興庁", "デジタル庁", "人事院",
]  # fmt: skip
KPI_TOML = """\
[plan]
name = "合成計画 (benchmark)"
edition = 2025
measures = "measures"
ministries = [{ministries}]

[assessment]
method = "linear"
on_track = 0.95
behind = 0.60
exceed_margin = 0.10
"""
# Files written in the last seconds are re-read by the cache until they are older (a same-size edit within one
# clock tick must not be missed), so the generated plans are left to age this long before anything is timed.
SETTLE = 2.5


# -- synthetic plans ------------------------------------------------------------------------------------------------


def measure_text(n: int) -> str:
    """Measure number ``n`` (1-based): one level indicator with three actuals, plus every so often a milestone,
    a cumulative indicator and a qualitative one — the mix of the shipped plan."""
    mid = f"2025-{n:05d}"
    ministry = MINISTRIES[n % len(MINISTRIES)]
    second = MINISTRIES[(n * 7) % len(MINISTRIES)]
    pillar = f"{n % 4 + 1}-{n % 3 + 1}"
    base = 1000 + (n * 37) % 9000
    lines = [
        f"# Synthetic measure {n} for the benchmark; the shape of a real file, comments included.",
        f'id = "{mid}"',
        f'title = "合成施策{n}：地域における孤独・孤立対策の推進と相談支援体制の整備"',
        f'ministries = ["{ministry}"' + (f', "{second}"]' if second != ministry and n % 3 == 0 else "]"),
        "",
        "[editions.2024]",
        f"number = {n}",
        f'pillar = "{pillar}"',
        "",
        "[editions.2025]",
        f"number = {n}",
        f'pillar = "{pillar}"',
        *([f'also = ["{(n + 1) % 4 + 1}-1"]'] if n % 10 == 0 else []),
        "",
        "[[indicators]]",
        'id = "users"',
        f'name = "相談窓口の利用者数（年間）その{n}"',
        'kind = "level"',
        f'direction = "{"down" if n % 9 == 0 else "up"}"',
        'unit = "人"',
        "primary = true",
        f"target = {base * (1 if n % 9 == 0 else 2)}",
        "deadline = 2027",
        f"baseline = {base * 3 // 2 if n % 9 == 0 else base}",
        "baseline_year = 2022",
        *([f"milestones = [{{ year = 2025, value = {base * 3 // 2} }}]"] if n % 4 == 0 and n % 9 else []),
        'source = "各府省庁調べ"',
        "",
        "[indicators.actuals]",
        f"2023 = {base + (n * 13) % 400}",
        f"2024 = {base + (n * 17) % 800}",
        f'2025 = {{ value = {base + (n * 19) % 1200}, note = "速報値" }}',
    ]
    if n % 5 == 0:
        lines += [
            "",
            "[[indicators]]",
            'id = "trained"',
            'name = "養成した支援者の数（令和6年度からの累計）"',
            'kind = "cumulative"',
            'direction = "up"',
            'unit = "人"',
            f"target = {base * 10}",
            "deadline = 2030",
            "start = 2024",
            "",
            "[indicators.actuals]",
            f"2024 = {base * 2}",
            f"2025 = {base * 2 + n % 500}",
        ]
    if n % 6 == 0:
        lines += [
            "",
            "[[indicators]]",
            'id = "guideline"',
            'name = "ガイドラインの策定と周知"',
            'kind = "qualitative"',
            "",
            "[indicators.actuals]",
            '2024 = { status = "in_progress", note = "検討会を開催" }',
            f'2025 = {{ status = "{"done" if n % 12 == 0 else "in_progress"}" }}',
        ]
    return "\n".join(lines) + "\n"


def make_plan(folder: Path, size: int) -> Path:
    """A plan of ``size`` synthetic measures in ``folder``; returns its root."""
    measures = folder / "measures"
    measures.mkdir(parents=True)
    (folder / "kpi.toml").write_text(KPI_TOML.format(ministries=", ".join(f'"{m}"' for m in MINISTRIES)), "utf-8")
    for n in range(1, size + 1):
        (measures / f"2025-{n:05d}.toml").write_text(measure_text(n), "utf-8")
    return folder


# -- running and measuring ------------------------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    seconds: float  # median wall time
    rss_mb: float  # peak RSS of the child, median over the runs
    runs: list[float] = field(default_factory=list)
    cpu: float = 0.0  # median user + system seconds of the child: what a busy machine's other work does not add


class Bench:
    def __init__(self, runs: int, env: dict[str, str], verbose: bool) -> None:
        self.runs = runs
        self.env = env
        self.verbose = verbose
        self.figures: dict[str, Figure] = {}
        self.last_cpu = 0.0

    def once(self, cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float]:
        """Run ``cmd`` once: wall seconds and peak RSS in MB of that child alone (its CPU seconds in ``last_cpu``)."""
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(list(cmd), cwd=cwd, env=env or self.env, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                err.seek(0)
                raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode()}")
        # ru_maxrss is in kilobytes on Linux, bytes on macOS.
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        self.last_cpu = usage.ru_utime + usage.ru_stime
        return seconds, rss

    def measure(
        self,
        name: str,
        cmd: Sequence[str],
        *,
        before: Callable[[int], None] | None = None,
        runs: int | None = None,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> Figure:
        """Median of ``runs`` whole-process runs; ``before(i)`` prepares run i (untimed)."""
        times, peaks, cpus = [], [], []
        for i in range(runs or self.runs):
            if before is not None:
                before(i)
            seconds, rss = self.once(cmd, cwd, env)
            times.append(seconds)
            peaks.append(rss)
            cpus.append(self.last_cpu)
        return self.keep(name, times, peaks, cpus)

    def keep(self, name: str, times: list[float], peaks: list[float], cpus: list[float]) -> Figure:
        figure = Figure(
            name, statistics.median(times), statistics.median(peaks), [round(t, 4) for t in times], statistics.median(cpus)
        )
        self.figures[name] = figure
        if self.verbose:
            print(
                f"  {name:<34} {figure.seconds:8.3f} s  {figure.cpu:8.3f} s cpu  {figure.rss_mb:7.1f} MB",
                file=sys.stderr,
                flush=True,
            )
        return figure

    def paired(self, commands: Sequence[tuple[str, Sequence[str], dict[str, str] | None]], runs: int | None = None) -> None:
        """Each of ``commands`` (name, command, env) ``runs`` times, taken in turn (A B C A B C …): a burst of other
        work on the machine then falls on all of them alike, so their ratios hold better than one after another."""
        results: dict[str, tuple[list[float], list[float], list[float]]] = {name: ([], [], []) for name, _, _ in commands}
        for _ in range(runs or self.runs):
            for name, cmd, env in commands:
                seconds, rss = self.once(cmd, None, env)
                times, peaks, cpus = results[name]
                times.append(seconds)
                peaks.append(rss)
                cpus.append(self.last_cpu)
        for name, (times, peaks, cpus) in results.items():
            self.keep(name, times, peaks, cpus)


def git_plan(source: Path) -> Path:
    """A git repository holding a copy of the plan ``source``, committed, with 10 measure files then edited."""
    repo = source.parent / f"{source.name}-git"
    shutil.copytree(source, repo)
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="bench")
    env["GIT_COMMITTER_EMAIL"] = "b@example.org"
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "plan"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)
    files = sorted((repo / "measures").glob("*.toml"))
    for path in files[:: max(len(files) // 10, 1)][:10]:
        text = path.read_text("utf-8")
        path.write_text(text.replace("2025 = { value = ", "2025 = { value = 1"), "utf-8")  # a figure changes
    time.sleep(SETTLE)
    return repo


def compile_bytecode() -> None:
    """Compile kpi and the installed libraries to bytecode, as an installer does; children then read the .pyc."""
    import sysconfig

    folders = dict.fromkeys([str(REPO / "kpi"), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", *folders], check=False, stdout=subprocess.DEVNULL)


def kpi_command() -> list[str]:
    """The installed `kpi` script beside this interpreter (what a user runs), else ``python -m kpi``."""
    script = Path(sys.executable).with_name("kpi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kpi"]


TOMLLIB_LOOP = (
    "import pathlib, sys, tomllib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomllib.loads(p.read_text('utf-8'))\n"
)
# The same loop with the parser kpi uses when it is installed (tomli's compiled build), for context.
TOMLI_LOOP = TOMLLIB_LOOP.replace("tomllib", "tomli")
# A typer app that does nothing, with one command and two options like `kpi report`: what any typer CLI pays at start.
MINIMAL_TYPER = """\
from pathlib import Path
from typing import Annotated, Optional

import rich.table
import typer

app = typer.Typer()


@app.command()
def report(
    directory: Annotated[Optional[Path], typer.Option("--dir")] = None,
    year: Annotated[Optional[str], typer.Option("--year")] = None,
) -> None:
    pass


@app.command()
def other() -> None:
    pass


app()
"""


# The same rows as `kpi report` (kpi's own reading and judging), printed by a plain fixed-width renderer: no typer,
# no rich. `kpi report` over this is what the command line and the terminal table cost on top of the work.
PLAIN_RENDERER = """\
import sys
import unicodedata
from pathlib import Path

from kpi.judge.report import build_report
from kpi.plan.loader import read_plan
from kpi.views import report as view
from kpi.views.labels import COLUMNS, Lang


def width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


result = build_report(read_plan(Path(sys.argv[1])))
columns = list(view.TABLE_COLUMNS)
rows = [[row.cells[c] for c in columns] for row in view.display_rows(result, Lang.JA)]
head = [COLUMNS[Lang.JA][c] for c in columns]
widths = [min(max(width(r[i]) for r in [head, *rows]), 40) for i in range(len(columns))]
out = []
for r in [head, *rows]:
    out.append("  ".join(cell + " " * max(w - width(cell), 0) for cell, w in zip(r, widths)))
out.append(view.summary_line(result, Lang.JA))
sys.stdout.write("\\n".join(out) + "\\n")
"""
# A script with no kpi in it: argparse for `report --dir`, tomllib for every measure file, one printed row per
# indicator (id, name, target, latest figure). What a bare script doing the same reading and printing costs.
ARGPARSE_TOMLLIB = """\
import argparse
import sys
import tomllib
from pathlib import Path

parser = argparse.ArgumentParser(prog="kpi")
commands = parser.add_subparsers(dest="command", required=True)
report = commands.add_parser("report")
report.add_argument("--dir", type=Path, default=Path("."))
args = parser.parse_args()
measures = args.dir / tomllib.loads((args.dir / "kpi.toml").read_text("utf-8"))["plan"].get("measures", "measures")
out = []
for path in sorted(measures.rglob("*.toml")):
    data = tomllib.loads(path.read_text("utf-8-sig"))
    for ind in data.get("indicators", []):
        actuals = ind.get("actuals", {})
        latest = actuals[max(actuals)] if actuals else ""
        if isinstance(latest, dict):
            latest = latest.get("value", latest.get("status", ""))
        out.append(f"{data.get('id', '')}  {ind.get('id', '')}  {ind.get('name', '')}  {ind.get('target', '')}  {latest}")
sys.stdout.write("\\n".join(out) + "\\n")
"""


def collect_import_commands(kpi: list[str], root: Path, work: Path) -> list[tuple[str, list[str]]]:
    """`kpi collect` of all 20 ministries of the shipped plan, and `kpi import` of the 20 returned workbooks.

    The issue asks for the shipped plan (its 20 ministries), so ``root`` (the synthetic plan) is not used. The
    workbooks are collected and filled once here, untimed (a figure in every input cell, the same one for a shared
    measure in each ministry's copy; 実施済 for qualitative ones; a line of 取組実績). Each timed import first puts
    the 146 measure files back (a copy, a few milliseconds of the figure) so that every run writes all of them.
    """
    from openpyxl import load_workbook

    del root
    plan = work / "collect-plan"
    shutil.copytree(REPO / "measures", plan / "measures")
    shutil.copy2(REPO / "kpi.toml", plan / "kpi.toml")
    pristine = work / "collect-measures"
    shutil.copytree(plan / "measures", pristine)
    out = work / "collect-out"
    today = dt.date.today()
    year = str(today.year - (1 if today.month >= 4 else 2))  # the last complete fiscal year
    collect = [*kpi, "collect", "--year", year, "--output", str(out), "--dir", str(plan)]
    subprocess.run(collect, check=True, capture_output=True)
    for path in sorted(out.glob("*.xlsx")):
        book = load_workbook(path)
        sheet, words = book["指標"], book["報告"]
        for row in range(5, sheet.max_row + 1):
            if sheet.cell(row, 12).protection.locked is False:  # one value per indicator: shared measures agree
                ids = f"{sheet.cell(row, 2).value}{sheet.cell(row, 5).value}"
                qualitative = sheet.cell(row, 7).value in (None, "")
                sheet.cell(row, 12).value = "実施済" if qualitative else sum(map(ord, ids)) % 997
        for row in range(5, words.max_row + 1):
            words.cell(row, 7).value = "取組を実施した。"
        book.save(path)
    restore = 'rm -rf "$1" && cp -R "$2" "$1" && shift 2 && exec "$@"'
    files = [str(p) for p in sorted(out.glob("*.xlsx"))]
    measures = str(plan / "measures")
    return [
        ("kpi collect, 20 ministries (shipped)", collect),
        (
            "kpi import, 20 workbooks (shipped)",
            ["sh", "-c", restore, "sh", measures, str(pristine), *kpi, "import", *files, "--dir", str(plan)],
        ),
    ]


@dataclass
class Goal:
    what: str
    ratio: float
    limit: float | None  # None: a ratio shown for context, not a goal
    numerator: str
    denominator: str

    @property
    def holds(self) -> bool | None:
        return None if self.limit is None else self.ratio <= self.limit


def every_command(root: Path, out: Path, size: int) -> list[tuple[str, list[str]]]:
    """Each command and format of kpi that reads a whole plan, beyond those timed above, with its arguments: the
    --huge plan's peak-memory sweep (every command ≤ 600 MB). Outputs go to ``out`` or to the benchmark's null stdout."""
    at = ["--dir", str(root)]
    one = f"2025-{size // 2:05d}"
    return [
        ("kpi check", ["check", *at]),
        ("kpi show (one measure)", ["show", one, *at]),
        ("kpi report (terminal table)", ["report", *at]),
        ("kpi report --format csv", ["report", "-f", "csv", *at]),
        ("kpi report --format md", ["report", "-f", "md", *at]),
        ("kpi report --lagging", ["report", "--lagging", *at]),
        ("kpi lagging", ["lagging", *at]),
        ("kpi lagging --format json", ["lagging", "-f", "json", *at]),
        ("kpi missing", ["missing", *at]),
        ("kpi missing --format json", ["missing", "-f", "json", *at]),
        ("export json", ["export", "-f", "json", "-o", str(out / "huge.json"), *at]),
        ("export md", ["export", "-f", "md", "-o", str(out / "huge.md"), *at]),
        ("export html", ["export", "-f", "html", "-o", str(out / "huge.html"), *at]),
        ("export html --print", ["export", "-f", "html", "--print", "-o", str(out / "print.html"), *at]),
        ("export rs (xlsx)", ["export", "-f", "rs", "-o", str(out / "rs.xlsx"), *at]),
        ("export rs (csv)", ["export", "-f", "rs", "-o", str(out / "rs.csv"), *at]),
        ("export csv --table summary-by-pillar", ["export", "--table", "summary-by-pillar", "-o", str(out / "s.csv"), *at]),
        ("export --layout followup (xlsx)", ["export", "--layout", "followup", "-f", "xlsx", "-o", str(out / "f.xlsx"), *at]),
        ("export --layout followup (html)", ["export", "--layout", "followup", "-f", "html", "-o", str(out / "f.html"), *at]),
        ("kpi collect, 20 ministries", ["collect", "--year", "2025", "--output", str(out / "collect"), *at]),
    ]


def has_tomli() -> bool:
    try:
        import tomli  # noqa: F401
    except ImportError:
        return False
    return True


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def run(args: argparse.Namespace) -> dict[str, object]:
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="kpi-bench-"))
    cache_home = work / "cache"  # the benchmark never touches the user's own cache
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), COLUMNS="160", KPI_LANG="ja")
    env.pop("KPI_NO_CACHE", None)
    # Users run from compiled bytecode; this environment may say not to write it (PYTHONDONTWRITEBYTECODE), which
    # would make every run compile kpi and its libraries again (~14 % a run). Compile everything first.
    compile_bytecode()
    env.pop("KPI_DIR", None)
    bench = Bench(args.runs, env, verbose=not args.quiet)
    kpi = kpi_command()
    big, mid = args.big, args.mid

    def clear_cache(_: int = 0) -> None:
        shutil.rmtree(cache_home, ignore_errors=True)

    try:
        say = (lambda text: print(text, file=sys.stderr, flush=True)) if not args.quiet else (lambda text: None)
        say(f"generating plans of 10, {mid:,} and {big:,} measures in {work} ...")
        plans = {size: make_plan(work / f"plan-{size}", size) for size in ((10,) if args.startup else (10, mid, big))}
        shipped = REPO
        # Compile kpi's bytecode and check that the synthetic plans are valid before anything is timed.
        for size, root in plans.items():
            if size <= mid:
                bench.once([*kpi, "check", "--dir", str(root)])
        bench.once([*kpi, "report", "--dir", str(shipped)])
        time.sleep(SETTLE)
        clear_cache()

        say("start-up: kpi report on the shipped plan (the floors and kpi taken in turn)")
        bench.once([*kpi, "report", "--dir", str(shipped)])  # fills the cache: the state a user meets
        bench.paired(
            [
                ("floor: import typer, rich.table", [sys.executable, "-c", "import typer, rich.table"], None),
                ("floor: minimal typer app", [sys.executable, "-c", MINIMAL_TYPER, "report", "--dir", str(shipped)], None),
                ("floor: plain renderer, same rows (shipped)", [sys.executable, "-c", PLAIN_RENDERER, str(shipped)], None),
                (
                    "floor: argparse + tomllib rows (shipped)",
                    [sys.executable, "-c", ARGPARSE_TOMLLIB, "report", "--dir", str(shipped)],
                    None,
                ),
                ("kpi --version", [*kpi, "--version"], None),
                ("kpi report (shipped plan)", [*kpi, "report", "--dir", str(shipped)], None),
                ("kpi report --format json (shipped)", [*kpi, "report", "--format", "json", "--dir", str(shipped)], None),
                (
                    "kpi report (shipped, KPI_NO_CACHE=1)",
                    [*kpi, "report", "--dir", str(shipped)],
                    dict(env, KPI_NO_CACHE="1"),
                ),
            ],
            runs=max(args.runs, 9),
        )

        if not args.startup:  # --startup: the shipped plan's figures alone
            for size in (mid, big):
                root = plans[size]
                runs = args.big_runs if size == big else None
                say(f"kpi report --format json on {size:,} measures")
                bench.measure(f"floor: tomllib loop, {size:,} files", [sys.executable, "-c", TOMLLIB_LOOP, str(root)], runs=runs)
                if size == big and has_tomli():
                    bench.measure(f"tomli loop, {size:,} files", [sys.executable, "-c", TOMLI_LOOP, str(root)], runs=runs)
                cmd = [*kpi, "report", "--format", "json", "--dir", str(root)]
                bench.measure(f"report json {size:,}, first run", cmd, before=clear_cache, runs=runs)
                bench.once(cmd)
                bench.measure(f"report json {size:,}, second run", cmd, runs=runs)

            say("kpi log: one figure, written each run")
            counter = iter(range(1, 1_000_000))
            for size in (10, big):
                root = plans[size]
                bench.once([*kpi, "report", "--dir", str(root)])  # warm cache, as after any earlier command

                def log_cmd(root: Path = root, size: int = size) -> list[str]:
                    value = str(5000 + next(counter))  # a new value each run, so every run writes the file
                    return [*kpi, "log", f"2025-{size // 2:05d}", "users", "2025", value, "--force", "--dir", str(root)]

                times, peaks, cpus = [], [], []
                for _ in range(args.runs):
                    seconds, rss = bench.once(log_cmd())
                    times.append(seconds)
                    peaks.append(rss)
                    cpus.append(bench.last_cpu)
                bench.keep(f"kpi log ({size:,}-measure plan)", times, peaks, cpus)

            say(f"kpi export --format xlsx and kpi db on {big:,} measures")
            root = plans[big]
            out = work / "out"
            out.mkdir()
            export_runs = args.big_runs
            bench.measure(
                f"export xlsx {big:,}",
                [*kpi, "export", "--format", "xlsx", "--output", str(out / "review.xlsx"), "--dir", str(root)],
                runs=export_runs,
            )
            bench.measure(f"db {big:,}", [*kpi, "db", str(out / "kpi.db"), "--dir", str(root)], runs=export_runs)
            bench.measure(
                f"report json {big:,}, KPI_NO_CACHE=1",
                [*kpi, "report", "--format", "json", "--dir", str(root)],
                env=dict(env, KPI_NO_CACHE="1"),
                runs=export_runs,
            )

            say(f"kpi diff: 10 changed files in a git repository of {big:,} measures")
            repo = git_plan(plans[big])
            bench.measure(f"kpi diff, 10 of {big:,} files changed", [*kpi, "diff", "HEAD", "--dir", str(repo)], runs=export_runs)

            hooked = collect_import_commands(kpi, plans[big], work)
            if not hooked:
                say("kpi collect / kpi import: not in kpi yet (collect_import_commands() is the hook); not measured")
            for name, cmd in hooked:
                bench.measure(name, cmd, runs=export_runs)

            if args.huge:
                huge = args.huge
                say(f"{huge:,} measures (--huge): one run of each, minutes")
                root = make_plan(work / f"plan-{huge}", huge)
                time.sleep(SETTLE)
                bench.measure(f"floor: tomllib loop, {huge:,} files", [sys.executable, "-c", TOMLLIB_LOOP, str(root)], runs=1)
                cmd = [*kpi, "report", "--format", "json", "--dir", str(root)]
                bench.measure(f"report json {huge:,}, first run", cmd, before=clear_cache, runs=1)
                bench.measure(f"report json {huge:,}, second run", cmd, runs=1)
                bench.measure(
                    f"export csv {huge:,}", [*kpi, "export", "-f", "csv", "-o", str(out / "huge.csv"), "--dir", str(root)], runs=1
                )
                bench.measure(
                    f"export xlsx {huge:,}",
                    [*kpi, "export", "-f", "xlsx", "-o", str(out / "huge.xlsx"), "--dir", str(root)],
                    runs=1,
                )
                bench.measure(f"db {huge:,}", [*kpi, "db", str(out / "huge.db"), "--dir", str(root)], runs=1)
                say(f"every other command on {huge:,} measures, for its peak memory (one run each)")
                for name, args_ in every_command(root, out, huge):
                    bench.measure(f"{name} {huge:,}", [*kpi, *args_], runs=1)
                returned = sorted(str(path) for path in (out / "collect").glob("*.xlsx"))  # as sent back, untouched
                import_cmd = [*kpi, "import", "--dry-run", *returned, "--dir", str(root)]
                bench.measure(f"kpi import --dry-run, {len(returned)} workbooks {huge:,}", import_cmd, runs=1)
    finally:
        if args.keep:
            print(f"plans kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    f = bench.figures
    typer_floor, app_floor = "floor: import typer, rich.table", "floor: minimal typer app"
    first, second = f"report json {big:,}, first run", f"report json {big:,}, second run"
    # (what, numerator, denominator, limit); limit None: a ratio shown for context, not a goal.
    rows: list[tuple[str, str, str, float | None]] = [
        ("kpi report, shipped plan ÷ import typer, rich.table", "kpi report (shipped plan)", typer_floor, 1.3),
        (f"report json {big:,}, first run ÷ tomllib loop", first, f"floor: tomllib loop, {big:,} files", 1.5),
        (f"report json {big:,}, second run ÷ first run", second, first, 0.3),
        (f"kpi log, {big:,} ÷ 10 measures", f"kpi log ({big:,}-measure plan)", "kpi log (10-measure plan)", 1.2),
        (f"growth {mid:,} → {big:,}, first run", first, f"report json {mid:,}, first run", 11.0),
        (f"growth {mid:,} → {big:,}, second run", second, f"report json {mid:,}, second run", 11.0),
        ("context: kpi report, shipped ÷ minimal typer app", "kpi report (shipped plan)", app_floor, None),
        ("context: kpi report --format json, shipped ÷ minimal typer app", "kpi report --format json (shipped)", app_floor, None),
        ("context: minimal typer app ÷ import typer, rich.table", app_floor, typer_floor, None),
    ]
    rows += [
        ("kpi --version ÷ import typer, rich.table", "kpi --version", typer_floor, 1.1),
        (
            "kpi report, shipped ÷ plain renderer of the same rows",
            "kpi report (shipped plan)",
            "floor: plain renderer, same rows (shipped)",
            1.3,
        ),
        (
            "context: kpi report, shipped ÷ argparse + tomllib rows",
            "kpi report (shipped plan)",
            "floor: argparse + tomllib rows (shipped)",
            None,
        ),
        (
            "context: kpi report --format json, shipped ÷ import typer, rich.table",
            "kpi report --format json (shipped)",
            typer_floor,
            None,
        ),
    ]
    huge = args.huge
    if huge:
        loop = f"floor: tomllib loop, {huge:,} files"
        rows += [
            (f"report json {huge:,}, first run ÷ tomllib loop", f"report json {huge:,}, first run", loop, 1.6),
            (f"db {huge:,} ÷ tomllib loop", f"db {huge:,}", loop, 2.0),
            (f"export xlsx {huge:,} ÷ tomllib loop", f"export xlsx {huge:,}", loop, 4.0),
        ]
    if f"tomli loop, {big:,} files" in f:
        rows.append((f"context: report json {big:,}, first run ÷ tomli loop", first, f"tomli loop, {big:,} files", None))
    goals = [
        Goal(what, f[num].seconds / f[den].seconds, limit, num, den) for what, num, den, limit in rows if num in f and den in f
    ]
    # The same start-up ratios in CPU seconds (user + system of the child): on a machine busy with other work, wall
    # time waits for the processor and CPU time does not, so these say what a quiet machine's wall time would.
    for what, num, den, _ in rows:
        if num in f and den in f and f[den].cpu and ("shipped" in what or "version" in what):
            goals.append(Goal(f"CPU seconds: {what.removeprefix('context: ')}", f[num].cpu / f[den].cpu, None, num, den))
    diff_name = f"kpi diff, 10 of {big:,} files changed"
    if diff_name in f:
        goals.append(Goal(f"{diff_name}: seconds", f[diff_name].seconds, 1.0, diff_name, "1 s"))
    memory = [
        {"what": f"peak RSS, {name}", "mb": f[name].rss_mb, "limit_mb": 300.0, "holds": f[name].rss_mb <= 300.0}
        for name in (f"export xlsx {big:,}", f"db {big:,}", f"report json {big:,}, first run")
        if name in f
    ]
    if huge:
        memory += [
            {"what": f"peak RSS, {name}", "mb": f[name].rss_mb, "limit_mb": 600.0, "holds": f[name].rss_mb <= 600.0}
            for name in f
            if name.endswith((f"{huge:,}", f"{huge:,}, first run", f"{huge:,}, second run")) and not name.startswith("floor")
        ]
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "runs": args.runs,
        "big_runs": args.big_runs,
        "sizes": {"mid": mid, "big": big},
        "command": " ".join(kpi),
        "figures": [asdict(x) for x in f.values()],
        "goals": [asdict(g) | {"holds": g.holds} for g in goals],
        "memory": memory,
        "total_seconds": round(time.perf_counter() - began, 1),
    }


def table(result: dict[str, object]) -> str:
    """The results as a Markdown table (figures, then goals), readable in a terminal too."""
    lines = ["| figure | median s | CPU s | peak RSS MB |", "|---|---:|---:|---:|"]
    for fig in result["figures"]:  # type: ignore[attr-defined]
        lines.append(f"| {fig['name']} | {fig['seconds']:.3f} | {fig.get('cpu', 0.0):.3f} | {fig['rss_mb']:.0f} |")
    lines += ["", "| goal | ratio | limit | holds |", "|---|---:|---:|:---:|"]
    for goal in result["goals"]:  # type: ignore[attr-defined]
        if goal["limit"] is None:
            lines.append(f"| {goal['what']} | {goal['ratio']:.2f}× | | |")
        else:
            holds = "yes" if goal["holds"] else "**no**"
            unit = " s" if goal["denominator"] == "1 s" else "×"
            lines.append(f"| {goal['what']} | {goal['ratio']:.2f}{unit} | ≤ {goal['limit']}{unit} | {holds} |")
    for mem in result["memory"]:  # type: ignore[attr-defined]
        holds = "yes" if mem["holds"] else "**no**"
        lines.append(f"| {mem['what']} | {mem['mb']:.0f} MB | ≤ {mem['limit_mb']:.0f} MB | {holds} |")
    m = result["machine"]
    lines += [
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['os']}; Python {m['python']}. "  # type: ignore[index]
        f"Medians of {result['runs']} runs ({result['big_runs']} for the slowest); "
        f"whole benchmark {result['total_seconds']} s; {result['date']}.",
    ]
    return "\n".join(lines)


def update_readme(text: str) -> None:
    readme = HERE / "README.md"
    body = readme.read_text("utf-8")
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if start not in body or end not in body:
        raise SystemExit(f"{readme}: no {start} … {end} markers to put the table between")
    head, rest = body.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{text}\n{end}{tail}", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median taken); default 5")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of the slowest figures; default 3")
    parser.add_argument("--big", type=int, default=20_000, help="measures in the large plan; default 20000")
    parser.add_argument(
        "--huge", type=int, nargs="?", const=100_000, default=0, help="also measure a plan this large (default 100000; minutes)"
    )
    parser.add_argument("--mid", type=int, default=2_000, help="measures in the middle plan; default 2000")
    parser.add_argument("--startup", action="store_true", help="only the shipped plan's start-up figures (a minute)")
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write the figures")
    parser.add_argument("--readme", action="store_true", help="also put the table into benchmarks/README.md")
    parser.add_argument("--keep", action="store_true", help="keep the generated plans (their folder is printed)")
    parser.add_argument("--quiet", action="store_true", help="print only the final table")
    args = parser.parse_args(argv)
    result = run(args)
    text = table(result)
    print(text)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if args.readme:
        update_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
