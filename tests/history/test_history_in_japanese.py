"""history's messages in the officers' Japanese: the reasons reminder of `kpi check`, the target policy's problems,
and git's refusals (each also in English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpi.cli import app
from kpi.history import gitrev
from kpi.i18n import Lang, speaking

runner = CliRunner()
PlanRepo = Any  # what the plan_repo fixture makes (tests/conftest.py): test modules do not import conftest


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_the_reasons_reminder_in_both_languages(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> None:
    repo = plan_repo(tmp_path / "plan")  # 2024-002 is behind in FY2024 and has no report
    code, ja = run("--lang", "ja", "check", "--dir", str(repo.root), "--year", "2024")
    assert code == 0
    assert (
        "指標「isolated-rate」（孤立していると感じる人の割合）がやや遅れ（令和6年度）ですが、実施状況の報告に理由がありません。"
        '課題・要因分析を書いてください: kpi narrate 2 2024 --issues "..."'
    ) in ja
    code, en = run("--lang", "en", "check", "--dir", str(repo.root), "--year", "2024")
    assert 'indicator "isolated-rate" (孤立していると感じる人の割合) is behind (やや遅れ) in FY2024 and the report' in en


def test_a_target_changed_without_a_revision_in_both_languages(tmp_path: Path, plan_repo: Callable[..., PlanRepo]) -> None:
    repo = plan_repo(tmp_path / "plan")
    repo.edit("2024-001", "target = 200", "target = 180")
    code, ja = run("--lang", "ja", "check", "--dir", str(repo.root), "--against", "main")
    assert code == 1
    assert (
        "measures/2024-001.toml:20: indicators[0].target: target が main から変わっています（200 → 180）が、"
        "対応する revisions の記録がありません。"
    ) in ja
    code, en = run("--lang", "en", "check", "--dir", str(repo.root), "--against", "main")
    assert "indicators[0].target: target changed since main (200 → 180) with no matching revisions entry" in en


def test_git_refusals_in_both_languages(tmp_path: Path) -> None:
    with speaking(Lang.JA), pytest.raises(gitrev.GitError) as ja:
        gitrev.open_repo(tmp_path)
    assert str(ja.value) == (
        f"{tmp_path}: git のリポジトリではありません。計画のリポジトリを複製したフォルダーで kpi を実行してください"
        "（または git init してください）。"
    )
    with speaking(Lang.EN), pytest.raises(gitrev.GitError) as en:
        gitrev.open_repo(tmp_path)
    assert str(en.value) == f"{tmp_path}: not in a git repository; run kpi inside a clone of the plan repository (or git init)"
