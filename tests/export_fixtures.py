"""A small plan for the export, missing and lagging tests: every kind of indicator, and hostile text."""

from __future__ import annotations

from pathlib import Path

CONFIG = """\
[plan]
name = "テスト計画"
edition = 2025
measures = "measures"

[assessment]
method = "linear"
on_track = 0.95
behind = 0.60
exceed_margin = 0.10

[headings.2025]
"1-1" = "孤独・孤立の実態把握"
"""

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/","click") <script>alert(1)</script> | a&b'
HOSTILE_NOTE = "+1 then @SUM(A1)\nsecond line | pipe"

MEASURES = {
    "2024-001": """\
id = "2024-001"
title = "孤独・孤立の実態把握"
ministries = ["内閣府"]

[editions.2025]
number = 1
pillar = "1-1"

[[indicators]]
id = "survey-reach"
name = "調査の回答者数"
kind = "level"
direction = "up"
unit = "人"
primary = true
baseline = 100
baseline_year = 2022
target = 200
deadline = 2026

[indicators.actuals]
2022 = 100
2023 = 125
2024 = { value = 150, note = "速報値" }

[[indicators]]
id = "slow"
name = "相談件数"
kind = "level"
direction = "up"
unit = "件"
baseline = 100
baseline_year = 2022
target = 200
deadline = 2026

[indicators.actuals]
2023 = 110
2024 = 120
""",
    "2024-002": f"""\
id = "2024-002"
title = '{HOSTILE_TITLE}'
ministries = ["厚生労働省", "内閣府"]

[editions.2025]
number = 2
pillar = "1-2"

[[indicators]]
id = "rate-down"
name = "孤独感が「しばしばある」人の割合"
kind = "level"
direction = "down"
unit = "%"
baseline = 20.0
baseline_year = 2022
target = 18.6
deadline = 2024

[indicators.actuals]
2024 = {{ value = 17.0, note = '''{HOSTILE_NOTE}''' }}

[[indicators]]
id = "trend-worse"
name = "-居場所の数 (trend)"
kind = "trend"
direction = "up"
unit = "箇所"
baseline = 184831
baseline_year = 2022

[indicators.actuals]
2023 = 180000
""",
    "2024-003": """\
id = "2024-003"
title = "相談支援体制の整備"
ministries = ["厚生労働省"]

[editions.2025]
number = 3
pillar = "2-1"

[[indicators]]
id = "cumulative"
name = "新たな連携件数（累計）"
kind = "cumulative"
direction = "up"
unit = "件"
start = 2019
target = 3000
deadline = 2024

[indicators.actuals]
2019 = 400
2020 = 400
2021 = 400
2022 = 400

[[indicators]]
id = "every-year"
name = "研修を実施した学校の割合"
kind = "every_year"
direction = "up"
unit = "%"
target = 90
deadline = 2027

[indicators.actuals]
2023 = 88.0
2024 = 89.0

[[indicators]]
id = "leave"
name = "男性の育児休業取得率"
kind = "level"
direction = "up"
unit = "%"
baseline = 14.0
baseline_year = 2021
target = 85
deadline = 2030
milestones = [{ year = 2025, value = 50 }]

[indicators.actuals]
2021 = 14.0
2022 = 17.1
2023 = 30.1
""",
    "2024-004": """\
id = "2024-004"
title = "全国調査の実施・公表"
ministries = ["こども家庭庁"]

[editions.2025]
number = 4
pillar = "2-1"

[[indicators]]
id = "survey"
name = "全国調査を実施・公表"
kind = "qualitative"

[indicators.actuals]
2023 = { status = "done", note = "公表済" }
""",
}


def write_plan(root: Path, measures: dict[str, str] | None = None) -> Path:
    """Write kpi.toml and the measure files under ``root``; returns ``root``."""
    (root / "measures").mkdir(parents=True, exist_ok=True)
    (root / "kpi.toml").write_text(CONFIG, encoding="utf-8")
    for key, text in (MEASURES if measures is None else measures).items():
        (root / "measures" / f"{key}.toml").write_text(text, encoding="utf-8")
    return root
