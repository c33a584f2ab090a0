"""The message catalog (kpi.i18n.ja) loads when a run shows translated words, not before: `kpi --version` under a
Japanese locale prints none from it; help pages do, in Japanese (their texts are translated when shown)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from kpi.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "catalog": "kpi.i18n.ja" in sys.modules}), file=sys.stderr)
"""


def _run(args: list[str], tmp_path: Path) -> tuple[int, bool, str]:
    env = {**os.environ, "KPI_LANG": "ja", "KPI_NO_CACHE": "1", "COLUMNS": "160"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )
    last = json.loads(done.stderr.splitlines()[-1])
    return last["code"], last["catalog"], done.stdout + done.stderr  # `kpi` alone shows its help on stderr


def test_a_run_that_shows_no_catalog_words_does_not_load_it(tmp_path: Path) -> None:
    code, catalog, out = _run(["--version"], tmp_path)
    assert code == 0 and out.startswith("kpi ")
    assert not catalog


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], []], ids=" ".join)
def test_help_pages_load_it_and_speak_japanese(args: list[str], tmp_path: Path) -> None:
    code, catalog, out = _run(args, tmp_path)
    assert catalog
    assert "使い方:" in out and "オプション" in out and "このヘルプを表示して終了します。" in out
    assert code in (0, 2)  # `kpi` alone shows the help and exits 2, as click does
