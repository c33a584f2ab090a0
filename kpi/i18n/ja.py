"""The Japanese of every message: English message id → 日本語, as an officer writes it.

Keep each entry on its own lines and the ``{fields}`` of both sides the same (tests/test_messages.py checks
both, that every id is used in the code, and that every message of the code is here). Words follow
``../shared/reference/glossary.md`` and the plan's own vocabulary. One section per layer; add to your own.
"""

from __future__ import annotations

from kpi.i18n.ja_db import DATABASE
from kpi.i18n.ja_export import EXPORT

JA: dict[str, str] = {
    # --- cli: the command line, help pages, click's own words ---
    "Usage: ": "使い方: ",
    "Options": "オプション",
    "Arguments": "引数",
    "Commands": "コマンド",
    "Show this message and exit.": "このヘルプを表示して終了します。",
    "default": "既定値",
    "required": "必須",
    "Error: {message}": "エラー: {message}",
    "Interrupted.": "中断しました。",
    "Print the version and exit.": "バージョンを表示して終了します。",
    "Language of messages, help and labels. Default: KPI_LANG, else ja when the locale is Japanese.": (
        "メッセージ・ヘルプ・表示の言語。既定: 環境変数 KPI_LANG、なければロケールが日本語のとき ja。"
    ),
    "Track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment.\n\n"
    "Each measure is a TOML file under measures/; the plan root holds kpi.toml. "
    "Start with `kpi report` (the attainment table) or `kpi check` (validate every file).": (
        "孤独・孤立対策重点計画の施策を追跡します: 目標、各年度の実績、達成状況。\n\n"
        "施策ごとに measures/ の下の TOML ファイルが一つあり、計画のフォルダーに kpi.toml があります。"
        "まず `kpi report`（達成状況の一覧）か `kpi check`（全ファイルの検証）をお試しください。"
    ),
    # --- plan: reading and validating measure files ---
    # --- judge: the assessment ---
    # --- edit: log, target, new, narrate, comment, collect, import ---
    # --- history: git, diff, the target policy ---
    # --- views: labels, tables, show, diff text ---
    # --- export: xlsx, csv, md, html, json, rs, db ---
    **EXPORT,  # kpi/i18n/ja_export.py
    **DATABASE,  # kpi/i18n/ja_db.py
}
