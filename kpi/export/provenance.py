"""Where an export comes from: plan edition, year, method and thresholds, git commit, generation time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from kpi import __version__
from kpi.fiscal import year_text
from kpi.i18n import N_, in_lang
from kpi.judge.report import Report
from kpi.model import Plan, Thresholds
from kpi.views.labels import Lang

UNKNOWN = "unknown"
# Officers read times in Japan's: an export made at 01:15 UTC on 2 December is dated 10:15 the same day, not the
# evening before. (Windows has no system time-zone database: the tzdata package gives it one.)
JST = ZoneInfo("Asia/Tokyo")
FILTERS = {"ministry": N_("Ministry filter"), "pillar": N_("Pillar filter")}


def in_jst(when: dt.datetime) -> dt.datetime:
    """``when`` as Japan's time (a naive time is taken as the machine's local time)."""
    return when.astimezone(JST)


def generated_text(when: dt.datetime, lang: Lang) -> str:
    """When an export was made, in JST with the offset: 2026年12月2日 10:15（JST、UTC+09:00） / 2026-12-02 10:15 JST
    (+09:00)."""
    jst = in_jst(when)
    return in_lang(
        lang, "{year}-{month:02d}-{day:02d} {time} JST (+09:00)", year=jst.year, month=jst.month, day=jst.day, time=f"{jst:%H:%M}"
    )


def generated_iso(when: dt.datetime) -> str:
    """ISO 8601 in JST, for machine formats: 2026-12-02T10:15:00+09:00."""
    return in_jst(when).isoformat(timespec="seconds")


@dataclass(frozen=True)
class GitState:
    """The commit the measures were read at, and whether the working tree differs from it."""

    commit: str  # full hash, or "unknown" outside git
    modified: bool | None  # None when unknown

    def text(self, lang: Lang) -> str:
        """The commit's short hash, saying when the files differ from it; "unknown" outside git."""
        if self.commit == UNKNOWN:
            return in_lang(lang, "unknown (not in a git repository)")
        if self.modified:
            return in_lang(lang, "{commit} (with uncommitted changes)", commit=self.commit[:12])
        return self.commit[:12]


def _git(args: list[str], cwd: Path) -> str | None:
    # GIT_OPTIONAL_LOCKS=0: a status must not take index.lock while others commit in the same tree.
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_state(root: Path, paths: list[Path]) -> GitState:
    """HEAD of the repository holding ``root``, and whether ``paths`` have uncommitted changes.

    Any failure (no git, not a repository, no commit yet) gives ``unknown``: an export never fails for it.
    """
    if not root.is_dir():
        return GitState(UNKNOWN, None)
    head = _git(["rev-parse", "--verify", "HEAD"], root)
    if head is None or not head.strip():
        return GitState(UNKNOWN, None)
    listed = [str(p) for p in paths if p.exists()]
    status = _git(["status", "--porcelain", "--untracked-files=all", "--", *listed], root) if listed else ""
    return GitState(head.strip(), None if status is None else bool(status.strip()))


# The method's name in words, its kpi.toml value beside it in Japanese.
METHOD_NAMES = {"linear": N_("linear"), "cagr": N_("cagr (compound annual growth)")}


@dataclass(frozen=True)
class Provenance:
    plan_name: str
    edition: int
    year: int
    thresholds: Thresholds
    git: GitState
    generated: dt.datetime
    version: str = __version__
    filters: tuple[tuple[str, str], ...] = ()  # ("ministry", "厚生労働省"), ...

    def items(self, lang: Lang) -> list[tuple[str, str]]:
        """(label, value) pairs for a human-readable provenance block."""
        t = self.thresholds
        method = in_lang(
            lang,
            "{method} (on_track >= {on_track}, behind >= {behind}, exceed_margin {margin})",
            method=in_lang(lang, METHOD_NAMES[t.method.value]) if lang is Lang.JA else t.method.value,
            on_track=f"{t.on_track:g}",
            behind=f"{t.behind:g}",
            margin=f"{t.exceed_margin:g}",
        )
        shown = [
            (in_lang(lang, "Plan", ctx="export"), self.plan_name),
            (in_lang(lang, "Edition", ctx="export"), in_lang(lang, "{year} edition", year=self.edition)),
            (in_lang(lang, "Evaluation year", ctx="export"), year_text(self.year, calendar=False, lang=lang, both=True)),
            (in_lang(lang, "Method and thresholds", ctx="export"), method),
            (in_lang(lang, "Measures commit", ctx="export"), self.git.text(lang)),
            (in_lang(lang, "Generated", ctx="export"), generated_text(self.generated, lang)),
            (in_lang(lang, "Tool", ctx="export"), f"kpi {self.version}"),
        ]
        for key, value in self.filters:
            shown.append((in_lang(lang, FILTERS[key]), value))
        return shown

    def line(self, lang: Lang, *, plan: bool = False) -> str:
        """The provenance on one line under a sheet's title (which names the plan, so ``plan`` is off there);
        items apart by a full-width space in Japanese, by "; " in English."""
        shown = self.items(lang) if plan else self.items(lang)[1:]
        return ("　" if lang is Lang.JA else "; ").join(f"{k}: {v}" for k, v in shown)

    def record(self) -> dict[str, object]:
        t = self.thresholds
        return {
            "plan": self.plan_name,
            "edition": self.edition,
            "year": self.year,
            "method": t.method.value,
            "thresholds": {"on_track": t.on_track, "behind": t.behind, "exceed_margin": t.exceed_margin},
            "commit": self.git.commit,
            "modified": self.git.modified,
            "generated": generated_iso(self.generated),
            "tool": f"kpi {self.version}",
            "filters": dict(self.filters),
        }


def provenance(
    plan: Plan, report: Report, *, now: dt.datetime | None = None, filters: tuple[tuple[str, str], ...] = ()
) -> Provenance:
    """The provenance of an export of ``report``, read from the plan's folder and git."""
    root = plan.config.root
    state = git_state(root, [plan.config.measures_path, root / "kpi.toml"])
    when = in_jst(now or dt.datetime.now(dt.UTC))
    return Provenance(report.plan_name, report.edition, report.year, report.thresholds, state, when, filters=filters)
