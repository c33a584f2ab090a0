"""`kpi check` and how the other commands refuse a broken plan, through the real CLI (typer's CliRunner)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi.cli import app

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
INVALID_MESSAGES: dict[str, str] = tomllib.loads((DATA / "invalid-messages.toml").read_text("utf-8"))
# The same cases in Japanese (`kpi --lang ja check`), with the same keys.
INVALID_MESSAGES_JA: dict[str, str] = tomllib.loads((DATA / "invalid-messages.ja.toml").read_text("utf-8"))
MESSAGES = {"en": INVALID_MESSAGES, "ja": INVALID_MESSAGES_JA}
WARNINGS = {"unknown-key", "target-wrong-side"}
MakePlan = Callable[..., Path]  # the make_plan fixture (tests/conftest.py)

runner = CliRunner()

BROKEN = ("bad-pillar", "not-utf8", "target-wrong-side", "unknown-key", "year-key-era")


@pytest.fixture(autouse=True)
def _no_kpi_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KPI_DIR", raising=False)


def valid_plan(make_plan: MakePlan, tmp_path: Path) -> Path:
    return make_plan(tmp_path, {p.name: p.read_bytes() for p in VALID.glob("*.toml")})


def broken_plan(make_plan: MakePlan, tmp_path: Path) -> Path:
    files = {p.name: p.read_bytes() for p in VALID.glob("*.toml")}
    files.update({f"{name}.toml": (INVALID / f"{name}.toml").read_bytes() for name in BROKEN})
    return make_plan(tmp_path, files)


def test_check_clean_plan(tmp_path: Path, make_plan: MakePlan) -> None:
    # FY2019 precedes the corpus's figures, so no yearly report owes reasons (tests/cli/test_narrate_cli.py has those).
    result = runner.invoke(app, ["check", "--year", "2019", "--dir", str(valid_plan(make_plan, tmp_path))])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "All files are valid.\n"


def test_check_lists_every_problem_one_per_line(tmp_path: Path, make_plan: MakePlan) -> None:
    result = runner.invoke(app, ["check", "--dir", str(broken_plan(make_plan, tmp_path))])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [INVALID_MESSAGES[name] for name in BROKEN]
    assert result.stderr == "3 error(s), 2 warning(s)\n"
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_check_json(tmp_path: Path, make_plan: MakePlan) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--dir", str(broken_plan(make_plan, tmp_path))])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["path"] for r in records] == [f"measures/{name}.toml" for name in BROKEN]
    assert records[0] == {
        "path": "measures/bad-pillar.toml",
        "line": 8,
        "key": "editions.2025.pillar",
        "severity": "error",
        "message": '"(1)②" is not a heading; write the heading (1)② as "1-2"',
    }
    assert records[1]["key"] == "" and records[1]["line"] == 3
    assert [r["severity"] for r in records] == ["error", "error", "warning", "warning", "error"]


def test_check_warnings_alone_exit_0(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {"unknown-key.toml": (INVALID / "unknown-key.toml").read_bytes()})
    result = runner.invoke(app, ["check", "--dir", str(root)])
    assert result.exit_code == 0
    assert result.stdout == INVALID_MESSAGES["unknown-key"] + "\n"
    assert result.stderr == "0 error(s), 1 warning(s)\n"


def test_check_broken_kpi_toml_is_one_problem(tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {}, kpi_toml="[plan]\nedition = 2025\nedition = 2024\n")
    result = runner.invoke(app, ["check", "--dir", str(root)])
    assert result.exit_code == 1
    assert result.stdout == (
        "kpi.toml:3: plan.edition: invalid TOML: cannot overwrite a value at column 15; a key is set twice; keep one of them\n"
    )


def test_the_corpus_has_the_same_cases_in_both_languages() -> None:
    assert list(INVALID_MESSAGES_JA) == list(INVALID_MESSAGES)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", list(INVALID_MESSAGES))
def test_check_prints_each_case_in_the_chosen_language(name: str, lang: str, tmp_path: Path, make_plan: MakePlan) -> None:
    root = make_plan(tmp_path, {f"{name}.toml": (INVALID / f"{name}.toml").read_bytes()})
    # FY2019 precedes the figures: no yearly report owes reasons (a warning of its own, not this table's).
    result = runner.invoke(app, ["check", "--lang", lang, "--year", "2019", "--dir", str(root)])
    assert result.stdout == MESSAGES[lang][name] + "\n"
    assert result.exit_code == (0 if name in WARNINGS else 1)


def test_check_speaks_the_locales_language(tmp_path: Path, make_plan: MakePlan) -> None:
    """No --lang: a Japanese locale gives the Japanese lines, an English one the English lines."""
    root = broken_plan(make_plan, tmp_path)
    for lang, locale in (("ja", "ja_JP.UTF-8"), ("en", "en_US.UTF-8")):
        env = {"KPI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": locale}
        result = runner.invoke(app, ["check", "--dir", str(root)], env=env)
        assert result.stdout.splitlines() == [MESSAGES[lang][name] for name in BROKEN]


@pytest.mark.parametrize("command", [["report", "--strict"], ["show", "8"]])
def test_commands_refuse_a_broken_plan_in_japanese(command: list[str], tmp_path: Path, make_plan: MakePlan) -> None:
    result = runner.invoke(app, ["--lang", "ja", *command, "--dir", str(broken_plan(make_plan, tmp_path))])
    assert result.exit_code == 1
    more = "（ほかに 2 件あります。すべて見るには `kpi check` を実行してください）"
    assert result.stderr == f"エラー: {INVALID_MESSAGES_JA['bad-pillar']}{more}\n"


@pytest.mark.parametrize("command", [["report", "--strict"], ["show", "8"]])
def test_commands_refuse_a_broken_plan_in_one_line(command: list[str], tmp_path: Path, make_plan: MakePlan) -> None:
    result = runner.invoke(app, [*command, "--dir", str(broken_plan(make_plan, tmp_path))])
    assert result.exit_code == 1
    assert result.stdout == ""
    expected = f"Error: {INVALID_MESSAGES['bad-pillar']} (and 2 more; run `kpi check` to list them all)\n"
    assert result.stderr == expected
    assert "Traceback" not in result.output


def test_report_dir_without_plan(tmp_path: Path) -> None:
    missing = tmp_path / "missing-folder"
    result = runner.invoke(app, ["report", "--dir", str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {missing}: no kpi.toml there; point --dir (or KPI_DIR) at the folder that holds kpi.toml\n"


def test_check_with_no_plan_anywhere_up_the_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    here = tmp_path.resolve()
    assert result.stderr == (
        f"Error: no kpi.toml in {here} or any folder above it; "
        "run kpi inside a plan folder, or pass --dir PATH (or set KPI_DIR)\n"
    )


def test_kpi_dir_environment_variable(tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch) -> None:
    root = broken_plan(make_plan, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["check"], env={"KPI_DIR": str(root)})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [INVALID_MESSAGES[name] for name in BROKEN]
    # --dir wins over KPI_DIR.
    clean = valid_plan(make_plan, tmp_path / "clean")
    assert runner.invoke(app, ["check", "--dir", str(clean)], env={"KPI_DIR": str(root)}).exit_code == 0


def test_check_finds_the_plan_from_a_subfolder(tmp_path: Path, make_plan: MakePlan, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_plan(tmp_path, {"sub/bad-pillar.toml": (INVALID / "bad-pillar.toml").read_bytes()})
    monkeypatch.chdir(root / "measures" / "sub")
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout == INVALID_MESSAGES["bad-pillar"].replace("measures/", "measures/sub/") + "\n"


def test_check_help_shows_its_example() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "Validate kpi.toml and every measure file; list every problem." in result.stdout
    assert "Example: kpi check --dir path/to/plan" in result.stdout
