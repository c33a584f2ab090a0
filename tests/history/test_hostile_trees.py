"""Branches kpi did not write: a crafted git tree must not make `kpi diff` or `kpi check --against` write outside
the scratch folder they lay a commit out in (issue 12, item 1)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_KPI_TOML = (DATA / "plans" / "default" / "kpi.toml").read_text("utf-8")  # the shipped settings


def corpus(name: str) -> bytes:
    """The exact bytes of a golden file: ``corpus("valid/2024-008.toml")``."""
    return (DATA / name).read_bytes()


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=True)
    return done.stdout.decode().strip()


def blob(top: Path, data: bytes) -> str:
    return git(top, "hash-object", "-w", "--stdin", stdin=data)


def tree(top: Path, entries: list[tuple[str, str, str, str]]) -> str:
    """``git mktree`` from (mode, kind, id, name): it takes names git itself would never write, such as ``..``."""
    listing = "".join(f"{mode} {kind} {oid}\t{name}\n" for mode, kind, oid, name in entries)
    return git(top, "mktree", stdin=listing.encode())


@pytest.fixture
def plan_repo(tmp_path: Path) -> Path:
    top = tmp_path / "plan"
    (top / "measures").mkdir(parents=True)
    (top / "kpi.toml").write_text(DEFAULT_KPI_TOML, "utf-8")
    (top / "measures" / "2024-008.toml").write_bytes(corpus("valid/2024-008.toml"))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "plan")
    return top


def hostile_branch(top: Path, measures_entries: list[tuple[str, str, str, str]]) -> str:
    """A branch ``pr`` whose commit has kpi.toml and a measures folder made of ``measures_entries``."""
    config = blob(top, DEFAULT_KPI_TOML.encode())
    measures = tree(top, measures_entries)
    root = tree(top, [("100644", "blob", config, "kpi.toml"), ("040000", "tree", measures, "measures")])
    commit = git(top, "commit-tree", root, "-p", "HEAD", "-m", "hostile")
    git(top, "branch", "pr", commit)
    return commit


def climbing(top: Path, name: str, depth: int) -> list[tuple[str, str, str, str]]:
    """Entries for ``measures/../../<name>`` (``depth`` times ``..``) holding a valid measure file."""
    entries = [("100644", "blob", blob(top, b'id = "pwned"\n'), name)]
    for _ in range(depth):
        entries = [("040000", "tree", tree(top, entries), "..")]
    return entries


@pytest.mark.parametrize("command", [["diff", "main", "pr"], ["check", "--against", "pr"]])
def test_a_tree_entry_named_dot_dot_writes_nothing_outside(
    command: list[str], plan_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"  # the temporary folders kpi makes land here, so an escape would land beside them
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    commit = hostile_branch(plan_repo, climbing(plan_repo, "escaped.toml", 2))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if ".git" not in p.parts)
    result = runner.invoke(app, [*command, "--dir", str(plan_repo)])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"Error: commit {commit[:12]}: the tree holds the path 'measures/../../escaped.toml', which leaves the plan "
        "folder; kpi reads nothing from this commit — do not merge it, and ask its author to rewrite the branch\n"
    )
    assert not list(tmp_path.rglob("escaped.toml"))
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if ".git" not in p.parts)
    assert after == before


def test_an_entry_named_dot_is_refused_too(plan_repo: Path) -> None:
    inner = tree(plan_repo, [("100644", "blob", blob(plan_repo, corpus("valid/2024-008.toml")), "2024-008.toml")])
    commit = hostile_branch(plan_repo, [("040000", "tree", inner, ".")])
    result = runner.invoke(app, ["diff", "main", "pr", "--dir", str(plan_repo)])
    assert result.exit_code == 1
    assert f"commit {commit[:12]}: the tree holds the path 'measures/./2024-008.toml'" in result.stderr
    assert "Traceback" not in result.output


def test_an_ordinary_branch_still_compares(plan_repo: Path) -> None:
    measures = [("100644", "blob", blob(plan_repo, corpus("valid/2024-008.toml")), "2024-008.toml")]
    hostile_branch(plan_repo, measures)
    result = runner.invoke(app, ["diff", "main", "pr", "--dir", str(plan_repo)])
    assert result.exit_code == 0, result.output


def test_a_hostile_base_is_named_when_it_is_the_base(plan_repo: Path) -> None:
    # kpi diff pr main: the crafted entries are in the base only, and the message names the commit holding them.
    commit = hostile_branch(plan_repo, climbing(plan_repo, "escaped.toml", 2))
    result = runner.invoke(app, ["diff", "pr", "main", "--dir", str(plan_repo)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: commit {commit[:12]}: the tree holds the path 'measures/../../escaped.toml'")
