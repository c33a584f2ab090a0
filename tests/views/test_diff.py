"""kpi diff's renderings (kpi.views.diff): the pull-request comment in markdown, text and JSON, on real git repositories."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpi.history.diff import diff_plan
from kpi.views import diff as diffformat

PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest


@pytest.fixture
def repo(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> PlanRepo:
    return plan_repo(tmp_path / "plan")


def test_markdown_is_a_pull_request_comment(repo: PlanRepo, revision: Callable[..., str]) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "target = 200", "target = 180")
    repo.edit("2024-001", "deadline = 2026", "deadline = 2027")
    repo.path("2024-001").write_text(repo.path("2024-001").read_text("utf-8") + revision("target", "200", "180"), "utf-8")
    repo.edit("2024-002", "2024 = 16", "2024 = 16\n2025 = 14")
    text = diffformat.to_markdown(diff_plan(repo.root, base, year=2024))
    lines = text.splitlines()
    assert lines[0] == "## kpi diff"
    assert lines[2] == "**1 figure added, 2 targets lowered, 1 target change without a revisions entry**"
    assert f"`{base}` → `working tree`, statuses judged for FY2024." in text
    assert "> **Warning:** 1 target change(s) have no matching revisions entry" in text
    assert "### No. 1 2024-001 相談窓口の周知 \\[changed\\]" in lines
    assert "  - target: 200 → 180 (**lowers ambition**); reason: 2025年改定で見直し" in lines
    assert "  - deadline: FY2026 → FY2027 (**lowers ambition**); **no revisions entry**" in lines
    assert "  - FY2025: 14 % (new)" in lines


def test_markdown_neutralises_hostile_titles(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-003", 'title = "全国調査の実施"', 'title = "<script>alert(1)</script> | **x** [link](http://x)"')
    text = diffformat.to_markdown(diff_plan(repo.root, base))
    assert "<script>" not in text
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*\\*x\\*\\* \\[link\\](http://x)" in text


def test_text_and_json(repo: PlanRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("2024-001", "target = 200", "target = 250")
    result = diff_plan(repo.root, base, year=2024)
    text = diffformat.to_text(result)
    assert text.splitlines()[:2] == [
        f"{base} → working tree, judged for FY2024",
        "1 target raised, 1 target change without a revisions entry, 1 status changed, 1 measure now lagging",
    ]
    assert "    target: 200 → 250 (raises ambition); NO revisions entry" in text
    data = json.loads(diffformat.to_json(result))
    assert data["head"] == {"label": "working tree", "commit": None}
    assert data["counts"]["targets_raised"] == 1
    [measure] = data["measures"]
    [indicator] = measure["indicators"]
    assert indicator["fields"] == [
        {
            "field": "target",
            "old": 200.0,
            "new": 250.0,
            "effect": "raises",
            "governed": True,
            "explained": False,
            "reason": None,
        }
    ]
    # b = 100, T = 250, a = 150: p = 1/3, e = 0.5, r = 2/3 → behind.
    assert (indicator["old_status"], indicator["new_status"]) == ("on_track", "behind")
