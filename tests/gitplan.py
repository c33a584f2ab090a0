"""A small plan in a real git repository under tmp_path, for the tests of kpi diff, the target policy and kpi db."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CONFIG = """[plan]
name = "テスト計画"
edition = 2025
measures = "measures"
ministries = ["内閣府", "総務省", "厚生労働省"]

[assessment]
method = "linear"
"""

# Level, up: b = 100 (FY2022), T = 200 (FY2026), a = 150 (FY2024) → on_track for FY2024.
VISITS = """# A comment the tools must keep.
id = "2024-001"
title = "相談窓口の周知"
ministries = ["内閣府", "総務省"]

[editions.2024]
number = 1
pillar = "1-1"

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "visits"
name = "相談窓口サイトの訪問数"
kind = "level"
direction = "up"
unit = "回"
target = 200
deadline = 2026
baseline = 100
baseline_year = 2022
source = "内閣府調べ"

[indicators.actuals]
2024 = 150
"""

# Level, down: b = 20 (FY2022), T = 10 (FY2026), a = 16 (FY2024) → p = 0.4, e = 0.5, r = 0.8 → behind.
RATE = """id = "2024-002"
title = "孤立している人の割合の減少"
ministries = ["厚生労働省"]

[editions.2024]
number = 2
pillar = "1-2"

[editions.2025]
number = 2
pillar = "1-2"

[[indicators]]
id = "isolated-rate"
name = "孤立していると感じる人の割合"
kind = "level"
direction = "down"
unit = "%"
target = 10
deadline = 2026
baseline = 20
baseline_year = 2022

[indicators.actuals]
2024 = 16
"""

SURVEY = """id = "2024-003"
title = "全国調査の実施"
ministries = ["内閣府"]

[editions.2024]
number = 3
pillar = "2-1"

[editions.2025]
number = 3
pillar = "2-1"

[[indicators]]
id = "survey"
name = "全国調査の実施・公表"
kind = "qualitative"

[indicators.actuals]
2024 = { status = "done", note = "公表済" }
"""

ENV = {
    "GIT_AUTHOR_NAME": "Test Officer",
    "GIT_AUTHOR_EMAIL": "officer@example.invalid",
    "GIT_COMMITTER_NAME": "Test Officer",
    "GIT_COMMITTER_EMAIL": "officer@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


class PlanRepo:
    """A git repository holding a plan at ``root`` (the repository top, or a folder inside it)."""

    def __init__(self, top: Path, subdir: str = "") -> None:
        self.top = top
        self.root = top / subdir if subdir else top
        self.root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        (self.root / "kpi.toml").write_text(CONFIG, "utf-8")
        (self.root / "measures").mkdir()
        for text in (VISITS, RATE, SURVEY):
            self.write(text)
        self.commit("plan: three measures")

    def git(self, *args: str) -> str:
        env = {**os.environ, **ENV, "HOME": str(self.top)}
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


def revision(field: str, old: str, new: str, reason: str = "2025年改定で見直し", date: str = "2025-06-01") -> str:
    """A [[indicators.revisions]] table to append at the end of a single-indicator measure file."""
    return f'\n[[indicators.revisions]]\ndate = {date}\nfield = "{field}"\nold = {old}\nnew = {new}\nreason = "{reason}"\n'
