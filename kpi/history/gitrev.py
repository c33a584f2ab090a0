"""The plan as it was at a git revision: revisions resolved and files read through git, never a shell.

Every git call is an argument list run with ``subprocess``; a revision that is not a commit is a one-line
``GitError``. Files are listed with ``git ls-tree`` and read with ``git show`` (one file) or one
``git cat-file --batch`` process (a whole measures folder), then loaded by the ordinary loader.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from kpi.errors import KpiError, ProblemError
from kpi.i18n import _
from kpi.model import Plan
from kpi.plan.config import CONFIG_NAME, load_config
from kpi.plan.loader import LoadResult, load_plan

WORKTREE = "working tree"


class GitError(KpiError):
    """git is missing, the plan is not in a repository, or a revision is not a commit."""


@dataclass(frozen=True)
class Repo:
    """Where the plan sits in its git repository."""

    root: Path  # the plan root (holds kpi.toml)
    top: Path  # the repository's top folder
    prefix: PurePosixPath  # the plan root relative to ``top`` ("." when they are the same)

    def git_path(self, relative: str) -> str:
        """A plan-relative path as git names it from the top of the repository."""
        return (self.prefix / relative).as_posix() if str(self.prefix) != "." else relative

    def plan_path(self, git_path: str, commit: str | None) -> str:
        """The plan-relative path of a file git names ``git_path`` (from the top of the repository) at ``commit``.

        The one place a path from git becomes a path kpi writes to: a crafted tree can hold entries named ``..`` (git
        mktree builds them, git fsck only warns), and joining one would write outside the scratch folder. Anything but
        plain names below the plan folder is refused. ``commit`` None: the working tree.
        """
        parts = git_path.split("/")
        prefix = [] if str(self.prefix) == "." else list(self.prefix.parts)
        odd = any(part in ("", ".", "..") or (os.sep != "/" and (os.sep in part or ":" in part)) for part in parts)
        if odd or parts[: len(prefix)] != prefix:
            where = _("the working tree") if commit is None else _("commit {commit}", commit=commit[:12])
            raise GitError(
                _(
                    "{where}: the tree holds the path {path!r}, which leaves the plan folder; "
                    "kpi reads nothing from this commit — do not merge it, and ask its author to rewrite the branch",
                    where=where,
                    path=git_path,
                )
            )
        return "/".join(parts[len(prefix) :])


def _git(args: Sequence[str], cwd: Path, *, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    except FileNotFoundError as exc:
        raise GitError(_("git is not installed or not on PATH; install git to compare revisions")) from exc
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = message[0] if message else _("exit code {code}", code=done.returncode)
        raise GitError(_("git {command} failed in {folder}: {message}", command=args[0], folder=cwd, message=first))
    return done


def open_repo(root: Path) -> Repo:
    """The repository holding the plan root ``root``; GitError when there is none."""
    done = _git(["rev-parse", "--show-toplevel"], root, check=False)
    if done.returncode != 0:
        raise GitError(
            _("{root}: not in a git repository; run kpi inside a clone of the plan repository (or git init)", root=root)
        )
    top = Path(done.stdout.decode("utf-8").strip()).resolve()
    try:
        prefix = PurePosixPath(root.resolve().relative_to(top).as_posix())
    except ValueError as exc:  # pragma: no cover - git said root is inside top
        raise GitError(_("{root}: outside the repository at {top}", root=root, top=top)) from exc
    return Repo(root, top, prefix)


def resolve(repo: Repo, rev: str) -> str:
    """The full commit id of ``rev`` (a branch, tag, commit id, ``HEAD~1`` …); GitError when it is not a commit."""
    if not rev or rev.startswith("-"):
        raise GitError(_("{rev!r} is not a commit; give a branch, tag or commit id (see git log --oneline)", rev=rev))
    done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], repo.top, check=False)
    if done.returncode != 0:
        raise GitError(
            _(
                "{rev!r} is not a commit in {top}; give a branch, tag or commit id (see git log --oneline)",
                rev=rev,
                top=repo.top,
            )
        )
    return done.stdout.decode("ascii").strip()


def default_branch(repo: Repo) -> str:
    """The branch pull requests go into: origin's HEAD, else init.defaultBranch, main or master if present."""
    done = _git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], repo.top, check=False)
    if done.returncode == 0 and done.stdout.strip():
        return done.stdout.decode("utf-8").strip()
    configured = _git(["config", "--get", "init.defaultBranch"], repo.top, check=False).stdout.decode("utf-8").strip()
    for name in dict.fromkeys(n for n in (configured, "main", "master") if n):
        if _git(["rev-parse", "--verify", "--quiet", f"refs/heads/{name}"], repo.top, check=False).returncode == 0:
            return name
    raise GitError(
        _(
            "{top}: cannot tell the default branch (no origin/HEAD, main or master); give BASE explicitly, e.g. kpi diff main",
            top=repo.top,
        )
    )


def merge_base(repo: Repo, one: str, other: str) -> str:
    """The best common ancestor of two commits; GitError when they share no history."""
    done = _git(["merge-base", one, other], repo.top, check=False)
    if done.returncode != 0:
        raise GitError(_("{one} and {other} have no common history; give BASE explicitly", one=one[:12], other=other[:12]))
    return done.stdout.decode("ascii").strip()


def show(repo: Repo, commit: str, relative: str) -> bytes | None:
    """The bytes of the plan file ``relative`` at ``commit`` (``git show``), or None when it is not there."""
    done = _git(["show", f"{commit}:{repo.git_path(relative)}"], repo.top, check=False)
    return done.stdout if done.returncode == 0 else None


def list_blobs(repo: Repo, commit: str, relative_dir: str) -> list[tuple[str, str]]:
    """(plan-relative path, blob id) of every regular file under ``relative_dir`` at ``commit`` (``git ls-tree``)."""
    folder = repo.git_path(relative_dir).rstrip("/")
    done = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder + "/"], repo.top)
    return _tree_entries(repo, commit, done.stdout)


def _tree_entries(repo: Repo, commit: str, listing: bytes) -> list[tuple[str, str]]:
    out = []
    for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, kind, blob = meta.split()
        # Regular files only: symlinks (120000) and submodules are not measure files.
        if kind != "blob" or mode not in {"100644", "100755"}:
            continue
        out.append((repo.plan_path(path, commit), blob))
    return out


def _blobs_of(repo: Repo, commit: str, relatives: Sequence[str]) -> list[tuple[str, str]]:
    """(plan-relative path, blob id) of those of ``relatives`` that are regular files at ``commit``."""
    if not relatives:
        return []
    wanted = set(relatives)
    if len(wanted) > 1000:  # a long argument list: list the folders they are in instead
        folders = sorted({PurePosixPath(r).parts[0] for r in wanted})
        return [(p, b) for folder in folders for p, b in list_blobs(repo, commit, folder) if p in wanted]
    done = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *(repo.git_path(r) for r in sorted(wanted))], repo.top)
    return [(p, b) for p, b in _tree_entries(repo, commit, done.stdout) if p in wanted]


def changed_measure_files(repo: Repo, base: Side, head: Side) -> set[str] | None:
    """The plan-relative measure files that differ between two sides, for a comparison that reads only those.

    None when that is not enough: kpi.toml differs (it changes how every file is read and judged), the base is the
    working tree, or git lists something other than regular files (a symlink, a submodule).
    """
    if base.commit is None:
        return None
    config = show(repo, base.commit, CONFIG_NAME)
    now: bytes | None = None
    if head.commit is not None:
        now = show(repo, head.commit, CONFIG_NAME)
    else:
        with contextlib.suppress(OSError):
            now = (repo.root / CONFIG_NAME).read_bytes()
    if config is None or config != now:
        return None
    with tempfile.TemporaryDirectory(prefix="kpi-rev-") as folder:
        (Path(folder) / CONFIG_NAME).write_bytes(config)
        try:
            measures_dir = load_config(Path(folder))[0].measures_dir
        except ProblemError:
            return None
    if PurePosixPath(measures_dir).is_absolute() or ".." in PurePosixPath(measures_dir).parts:
        return None
    where = repo.git_path(measures_dir).rstrip("/") + "/"
    if head.commit is None:
        raw = _git(["diff-index", "-z", "--raw", "--no-renames", base.commit, "--", where], repo.top).stdout
        others = _git(["ls-files", "-z", "--others", "--", where], repo.top).stdout
    else:
        raw = _git(["diff-tree", "-r", "-z", "--raw", "--no-renames", base.commit, head.commit, "--", where], repo.top).stdout
        others = b""
    fields = raw.decode("utf-8", "surrogateescape").split("\0")
    found: set[str] = set()
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        old_mode, new_mode = meta.lstrip(":").split()[:2]
        if {old_mode, new_mode} - {"000000", "100644", "100755"}:
            return None
        # The path is in the head commit unless it was removed there (new mode 000000): name the commit that holds it.
        found.add(repo.plan_path(path, head.commit if head.commit and new_mode != "000000" else base.commit))
    for path in others.decode("utf-8", "surrogateescape").split("\0"):
        if path:
            if (repo.top / path).is_symlink():
                return None
            found.add(repo.plan_path(path, None))
    return {p for p in found if p.endswith(".toml")}


def read_blobs(repo: Repo, blobs: Sequence[str]) -> list[bytes]:
    """The contents of many blobs through one ``git cat-file --batch`` process, in order."""
    if not blobs:
        return []
    done = _git(["cat-file", "--batch"], repo.top, stdin="".join(b + "\n" for b in blobs).encode("ascii"))
    data, at, out = done.stdout, 0, []
    for _blob in blobs:
        header_end = data.index(b"\n", at)
        header = data[at:header_end].split()
        size = int(header[2])
        out.append(data[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1  # the content is followed by one newline
    return out


def materialize(repo: Repo, commit: str, into: Path, only: Collection[str] | None = None) -> None:
    """Write kpi.toml and the measures folder as they were at ``commit`` into the empty folder ``into``.

    ``only``: just these plan-relative measure files (those that exist at ``commit``), not the whole folder.
    """
    config_bytes = show(repo, commit, CONFIG_NAME)
    if config_bytes is None:
        where = repo.git_path(CONFIG_NAME)
        raise GitError(
            _("{path}: not in commit {commit}; the plan did not exist there, give a later BASE", path=where, commit=commit[:12])
        )
    (into / CONFIG_NAME).write_bytes(config_bytes)
    try:
        config = load_config(into)[0]
    except ProblemError as exc:
        raise GitError(
            _(
                "{path} at {commit} cannot be read ({error}); give another revision",
                path=CONFIG_NAME,
                commit=commit[:12],
                error=exc,
            )
        ) from exc
    folder = PurePosixPath(config.measures_dir)
    if folder.is_absolute() or ".." in folder.parts:
        raise GitError(
            _(
                "{path} at {commit}: plan.measures {folder!r} leaves the plan folder; give another revision",
                path=CONFIG_NAME,
                commit=commit[:12],
                folder=config.measures_dir,
            )
        )
    if only is None:
        listed = [(p, b) for p, b in list_blobs(repo, commit, config.measures_dir) if p.endswith(".toml")]
    else:
        listed = [(p, b) for p, b in _blobs_of(repo, commit, sorted(only)) if p.endswith(".toml")]
    try:
        for (relative, _blob), content in zip(listed, read_blobs(repo, [b for _p, b in listed]), strict=True):
            target = into / relative  # plain names only (Repo.plan_path): it stays inside ``into``
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        config.measures_path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a crafted tree (a file and a folder of one name) or a full disk
        raise GitError(
            _(
                "commit {commit}: cannot lay out its measures folder ({error}); give another revision",
                commit=commit[:12],
                error=exc.strerror or exc,
            )
        ) from None


def load_at(repo: Repo, commit: str, only: Collection[str] | None = None) -> LoadResult:
    """Load the plan as it was at ``commit`` (a full id from ``resolve``); measures' paths point into the plan root.

    ``only``: load just these plan-relative measure files (the rest of the plan is left out).
    """
    with tempfile.TemporaryDirectory(prefix="kpi-rev-") as folder:
        scratch = Path(folder)
        materialize(repo, commit, scratch, only)
        result = load_plan(scratch)
    measures = tuple(replace(m, path=repo.root / m.path.relative_to(scratch)) for m in result.plan.measures)
    config = replace(result.plan.config, root=repo.root)
    return LoadResult(Plan(config, measures), result.problems)


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a commit, or the working tree (commit None)."""

    label: str
    commit: str | None

    @property
    def short(self) -> str:
        return WORKTREE if self.commit is None else self.commit[:12]


def load_side(repo: Repo, side: Side, only: Collection[str] | None = None) -> LoadResult:
    """The plan of one side: from git for a commit, from the files on disk for the working tree (``only``: those files)."""
    return load_plan(repo.root, only=only) if side.commit is None else load_at(repo, side.commit, only)


def sides(repo: Repo, base: str | None, head: str | None) -> tuple[Side, Side]:
    """Resolve BASE and HEAD: HEAD defaults to the working tree, BASE to its merge base with the default branch."""
    head_side = Side(WORKTREE, None) if head is None else Side(head, resolve(repo, head))
    if base is not None:
        return Side(base, resolve(repo, base)), head_side
    branch = default_branch(repo)
    tip = head_side.commit or resolve(repo, "HEAD")
    return Side(f"merge-base({branch})", merge_base(repo, resolve(repo, branch), tip)), head_side
