"""Where an export comes from: plan edition, year, method and thresholds, git commit, generation time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kpi import __version__
from kpi.judge.report import Report
from kpi.model import Plan, Thresholds
from kpi.views.labels import Lang

UNKNOWN = "unknown"


@dataclass(frozen=True)
class GitState:
    """The commit the measures were read at, and whether the working tree differs from it."""

    commit: str  # full hash, or "unknown" outside git
    modified: bool | None  # None when unknown

    @property
    def text(self) -> str:
        if self.commit == UNKNOWN:
            return UNKNOWN
        return self.commit[:12] + (" (modified)" if self.modified else "")


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
        method = f"{t.method.value} (on_track >= {t.on_track:g}, behind >= {t.behind:g}, exceed_margin {t.exceed_margin:g})"
        shown = [
            ("計画" if lang is Lang.JA else "Plan", self.plan_name),
            ("版" if lang is Lang.JA else "Edition", str(self.edition)),
            ("評価年度" if lang is Lang.JA else "Evaluation year", f"FY{self.year}"),
            ("評価方法・閾値" if lang is Lang.JA else "Method and thresholds", method),
            ("施策ファイルのコミット" if lang is Lang.JA else "Measures commit", self.git.text),
            ("作成日時" if lang is Lang.JA else "Generated", self.generated.isoformat(timespec="seconds")),
            ("作成ツール" if lang is Lang.JA else "Tool", f"kpi {self.version}"),
        ]
        for key, value in self.filters:
            label = {"ministry": ("府省庁で絞込み", "Ministry filter"), "pillar": ("柱で絞込み", "Pillar filter")}[key]
            shown.append((label[0] if lang is Lang.JA else label[1], value))
        return shown

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
            "generated": self.generated.isoformat(timespec="seconds"),
            "tool": f"kpi {self.version}",
            "filters": dict(self.filters),
        }


def provenance(
    plan: Plan, report: Report, *, now: dt.datetime | None = None, filters: tuple[tuple[str, str], ...] = ()
) -> Provenance:
    """The provenance of an export of ``report``, read from the plan's folder and git."""
    root = plan.config.root
    state = git_state(root, [plan.config.measures_path, root / "kpi.toml"])
    when = now or dt.datetime.now(dt.UTC).astimezone()
    return Provenance(report.plan_name, report.edition, report.year, report.thresholds, state, when, filters=filters)
