"""Plans for the editing tests (`kpi log`, `kpi target`, `kpi new`), built in a temporary folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

EDIT_DATA = Path(__file__).resolve().parent / "data" / "edit"
TODAY = dt.date(2025, 7, 1)  # in FY2025: figures up to 2025 may be logged

KPI_TOML = """\
[plan]
name = "孤独・孤立対策重点計画"
edition = 2025
measures = "measures"
ministries = ["内閣府", "総務省", "法務省", "厚生労働省", "こども家庭庁"]
"""

# One measure with an indicator of every kind; the tests log into it and revise it.
MEASURE = """\
# A measure for the editing tests.
id = "2024-008"
title = "支援情報検索サイトの運用"
ministries = ["厚生労働省"]

[editions.2025]
number = 8
pillar = "1-2"

[[indicators]]
id = "access"
name = "アクセス数"
kind = "level"
direction = "up"
unit = "回"
target = 130000  # 令和8年度
deadline = 2026
baseline = 98000
baseline_year = 2022

[indicators.actuals]
2023 = { value = 110000, note = "速報値" }
2024 = 120000

[[indicators]]
id = "awareness"
name = "認知度"
kind = "level"
direction = "up"
unit = "%"
target = 66.7
deadline = 2028

[[indicators]]
id = "survey"
name = "実態調査の実施"
kind = "qualitative"

[[indicators]]
id = "rate"
name = "相談率"
kind = "trend"
direction = "down"
unit = "%"
baseline = 12.5
baseline_year = 2022
"""

OTHER = """\
id = "2024-009"
title = "もう一つの施策"
ministries = ["内閣府"]

[editions.2025]
number = 9
pillar = "1-1"

[[indicators]]
id = "events"
name = "イベント数"
kind = "every_year"
direction = "up"
unit = "回"
target = 12
"""


def plan_with(tmp_path: Path, measures: Mapping[str, str | bytes] | None = None) -> Path:
    """A plan folder under ``tmp_path``: kpi.toml and ``measures`` (default: MEASURE and OTHER), bytes written as given."""
    root = tmp_path / "plan"
    (root / "measures").mkdir(parents=True)
    (root / "kpi.toml").write_text(KPI_TOML, encoding="utf-8")
    files = {"2024-008.toml": MEASURE, "2024-009.toml": OTHER} if measures is None else measures
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / "measures" / name).write_bytes(data)
    return root
