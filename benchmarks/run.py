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


class Bench:
    def __init__(self, runs: int, env: dict[str, str], verbose: bool) -> None:
        self.runs = runs
        self.env = env
        self.verbose = verbose
        self.figures: dict[str, Figure] = {}

    def once(self, cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float]:
        """Run ``cmd`` once: wall seconds and peak RSS in MB of that child alone."""
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
        times, peaks = [], []
        for i in range(runs or self.runs):
            if before is not None:
                before(i)
            seconds, rss = self.once(cmd, cwd, env)
            times.append(seconds)
            peaks.append(rss)
        figure = Figure(name, statistics.median(times), statistics.median(peaks), [round(t, 4) for t in times])
        self.figures[name] = figure
        if self.verbose:
            print(f"  {name:<34} {figure.seconds:8.3f} s  {figure.rss_mb:7.1f} MB", file=sys.stderr, flush=True)
        return figure


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


def collect_round_trip(bench: Bench, kpi: list[str], work: Path, say: Callable[[str], None], runs: int) -> None:
    """`kpi collect` of all 20 ministries of the shipped plan, and `kpi import` of the 20 returned workbooks.

    The workbooks are filled once (untimed: a figure in every input cell, 実施済 for qualitative ones, a line of
    取組実績); before each timed import the measure files are put back, so every run writes all of them.
    """
    from openpyxl import load_workbook

    say("kpi collect and kpi import: 20 ministries of the shipped plan")
    root = work / "collect-plan"
    shutil.copytree(REPO / "measures", root / "measures")
    shutil.copy2(REPO / "kpi.toml", root / "kpi.toml")
    pristine = work / "collect-measures"
    shutil.copytree(root / "measures", pristine)
    out = work / "collect-out"
    year = str(dt.date.today().year - (1 if dt.date.today().month >= 4 else 2))  # the last complete fiscal year
    collect = [*kpi, "collect", "--year", year, "--output", str(out), "--dir", str(root)]
    bench.measure("kpi collect, 20 ministries (shipped)", collect, runs=runs)
    for path in sorted(out.glob("*.xlsx")):
        book = load_workbook(path)
        sheet, words = book["指標"], book["報告"]
        for row in range(5, sheet.max_row + 1):
            if sheet.cell(row, 12).protection.locked is False:  # one value per indicator: shared measures agree
                ids = f"{sheet.cell(row, 2).value}{sheet.cell(row, 5).value}"
                sheet.cell(row, 12).value = "実施済" if sheet.cell(row, 7).value in (None, "") else sum(map(ord, ids)) % 997
        for row in range(5, words.max_row + 1):
            words.cell(row, 7).value = "取組を実施した。"
        book.save(path)

    def restore(_: int) -> None:
        shutil.rmtree(root / "measures")
        shutil.copytree(pristine, root / "measures")

    files = [str(p) for p in sorted(out.glob("*.xlsx"))]
    bench.measure("kpi import, 20 workbooks (shipped)", [*kpi, "import", *files, "--dir", str(root)], before=restore, runs=runs)


def run(args: argparse.Namespace) -> dict[str, object]:
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="kpi-bench-"))
    cache_home = work / "cache"  # the benchmark never touches the user's own cache
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), COLUMNS="160", KPI_LANG="ja")
    env.pop("KPI_NO_CACHE", None)
    env.pop("KPI_DIR", None)
    bench = Bench(args.runs, env, verbose=not args.quiet)
    kpi = kpi_command()
    big, mid = args.big, args.mid

    def clear_cache(_: int = 0) -> None:
        shutil.rmtree(cache_home, ignore_errors=True)

    try:
        say = (lambda text: print(text, file=sys.stderr, flush=True)) if not args.quiet else (lambda text: None)
        say(f"generating plans of 10, {mid:,} and {big:,} measures in {work} ...")
        plans = {size: make_plan(work / f"plan-{size}", size) for size in (10, mid, big)}
        shipped = REPO
        # Compile kpi's bytecode and check that the synthetic plans are valid before anything is timed.
        for size, root in plans.items():
            if size <= mid:
                bench.once([*kpi, "check", "--dir", str(root)])
        bench.once([*kpi, "report", "--dir", str(shipped)])
        time.sleep(SETTLE)
        clear_cache()

        say("start-up: kpi report on the shipped plan")
        bench.measure("floor: import typer, rich.table", [sys.executable, "-c", "import typer, rich.table"])
        bench.measure("floor: minimal typer app", [sys.executable, "-c", MINIMAL_TYPER, "report", "--dir", str(shipped)])
        bench.once([*kpi, "report", "--dir", str(shipped)])  # fills the cache: the state a user meets
        bench.measure("kpi report (shipped plan)", [*kpi, "report", "--dir", str(shipped)])
        bench.measure("kpi report --format json (shipped)", [*kpi, "report", "--format", "json", "--dir", str(shipped)])
        bench.measure(
            "kpi report (shipped, KPI_NO_CACHE=1)", [*kpi, "report", "--dir", str(shipped)], env=dict(env, KPI_NO_CACHE="1")
        )

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

            times, peaks = [], []
            for _ in range(args.runs):
                seconds, rss = bench.once(log_cmd())
                times.append(seconds)
                peaks.append(rss)
            name = f"kpi log ({size:,}-measure plan)"
            bench.figures[name] = Figure(name, statistics.median(times), statistics.median(peaks), [round(t, 4) for t in times])
            if not args.quiet:
                print(f"  {name:<34} {bench.figures[name].seconds:8.3f} s  {statistics.median(peaks):7.1f} MB", file=sys.stderr)

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
        collect_round_trip(bench, kpi, work, say, args.big_runs)
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
    if f"tomli loop, {big:,} files" in f:
        rows.append((f"context: report json {big:,}, first run ÷ tomli loop", first, f"tomli loop, {big:,} files", None))
    goals = [Goal(what, f[num].seconds / f[den].seconds, limit, num, den) for what, num, den, limit in rows]
    memory = [
        {"what": f"peak RSS, {name}", "mb": f[name].rss_mb, "limit_mb": 300.0, "holds": f[name].rss_mb <= 300.0}
        for name in (f"export xlsx {big:,}", f"db {big:,}", f"report json {big:,}, first run")
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
    lines = ["| figure | median s | peak RSS MB |", "|---|---:|---:|"]
    for fig in result["figures"]:  # type: ignore[attr-defined]
        lines.append(f"| {fig['name']} | {fig['seconds']:.3f} | {fig['rss_mb']:.0f} |")
    lines += ["", "| goal | ratio | limit | holds |", "|---|---:|---:|:---:|"]
    for goal in result["goals"]:  # type: ignore[attr-defined]
        if goal["limit"] is None:
            lines.append(f"| {goal['what']} | {goal['ratio']:.2f}× | | |")
        else:
            holds = "yes" if goal["holds"] else "**no**"
            lines.append(f"| {goal['what']} | {goal['ratio']:.2f}× | ≤ {goal['limit']}× | {holds} |")
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
    parser.add_argument("--mid", type=int, default=2_000, help="measures in the middle plan; default 2000")
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
