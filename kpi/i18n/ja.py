"""The one message catalog: English message id → 日本語, as an officer writes it.

``JA`` gathers the parts, one module per part of the code: ``ja_cli`` (the command line), ``ja_base`` (errors,
years, the assessment), ``ja_plan`` and ``ja_indicators`` (reading and validating measure files), ``ja_edit`` (log,
target, new, narrate, comment), ``ja_views`` (history and every text view), ``ja_collect`` (the 照会 round trip),
``ja_export`` and ``ja_db`` (the exports and the database). Add a message's Japanese to the part its code belongs
to, each entry on its own lines with the same ``{fields}`` on both sides; tests/test_messages.py checks that every
message of the code is here, that every entry is used, and that no id is in two parts. Words follow
``../shared/reference/glossary.md`` and the plan's own vocabulary.
"""

from __future__ import annotations

from kpi.i18n.ja_base import BASE
from kpi.i18n.ja_cli import CLI
from kpi.i18n.ja_collect import COLLECT
from kpi.i18n.ja_db import DATABASE
from kpi.i18n.ja_edit import EDIT
from kpi.i18n.ja_export import EXPORT
from kpi.i18n.ja_indicators import INDICATORS
from kpi.i18n.ja_plan import PLAN
from kpi.i18n.ja_views import VIEWS

JA: dict[str, str] = {**CLI, **BASE, **PLAN, **INDICATORS, **EDIT, **VIEWS, **COLLECT, **EXPORT, **DATABASE}
