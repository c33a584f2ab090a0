"""What `kpi report` on an unchanged plan (its cache warm) leaves unimported: hashlib (OpenSSL), tempfile (nothing is
written), the review and unreported lists, html, and the message catalog's words are not needed to print the table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PROBE = """
import json, sys
from kpi.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""
NOT_NEEDED = {"hashlib", "_hashlib", "tempfile", "html", "kpi.judge.review", "kpi.judge.unreported"}


def test_a_report_from_a_warm_cache_imports_only_what_it_uses(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "160"}
    env.pop("KPI_NO_CACHE", None)
    runs = []
    for _ in range(2):  # the first run fills the cache (and writes it through a temporary file)
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "report", "--dir", str(ROOT)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            check=False,
        )
        runs.append((json.loads(done.stderr.splitlines()[-1]), done.stdout))
    (first, first_out), (second, second_out) = runs
    assert first["code"] == second["code"] == 0
    assert second_out == first_out and "孤独・孤立対策重点計画" in second_out
    assert "tempfile" in first["modules"]  # the probe sees a module when it is imported
    assert not NOT_NEEDED & set(second["modules"])
