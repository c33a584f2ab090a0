"""The one message catalog: every message of the code in both languages, and no user-facing literal outside it.

The code writes each message in English through ``_("…")`` (or marks it with ``N_("…")`` where a table or a help
text is defined); ``kpi/i18n/ja.py`` holds its Japanese. This walks the code's syntax, so a message added in one
language only — or written past the catalog — fails here, not in front of an officer.
"""

from __future__ import annotations

import ast
import re
import string
import tomllib
from collections.abc import Iterator
from pathlib import Path

from kpi.i18n import CONTEXT_SEPARATOR, Lang, in_lang, speaking
from kpi.i18n.ja import JA

PACKAGE = Path(__file__).resolve().parents[1] / "kpi"
FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.parts[-2:] != ("i18n", "ja.py"))


def checked(path: Path) -> bool:
    """Every module of kpi: a user-facing literal anywhere fails (the catalog modules hold Japanese only)."""
    return not path.relative_to(PACKAGE).match("i18n/ja*.py")


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else "base"


def is_command(node: ast.FunctionDef) -> bool:
    """A function registered with ``@app.command(...)``: typer shows its docstring as the help."""
    for decorator in node.decorator_list:
        call = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(call, ast.Attribute) and call.attr == "command":
            has_help = isinstance(decorator, ast.Call) and any(k.arg == "help" for k in decorator.keywords)
            return not has_help
    return False


def messages(path: Path) -> Iterator[tuple[str, int, ast.expr | str]]:
    """(the catalog key, line, the message expression or a docstring) of every message in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and is_command(node) and checked(path):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield doc, node.lineno, doc
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        position = {"_": 0, "N_": 0, "in_lang": 1}.get(node.func.id)
        if position is None or len(node.args) <= position:
            continue
        argument = node.args[position]
        ctx = next((k.value for k in node.keywords if k.arg == "ctx"), None)
        context = ctx.value if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str) else None
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            key = argument.value if context is None else f"{context}{CONTEXT_SEPARATOR}{argument.value}"
            yield key, node.lineno, argument
        else:
            yield "", node.lineno, argument


def all_messages() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in FILES:
        for key, line, _expr in messages(path):
            if key:
                found.setdefault(key, []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return found


def data_messages() -> dict[str, list[str]]:
    """Texts kpi shows from its own data files, translated where shown like an ``N_`` message: the database's table
    and column descriptions (kpi/schema/database.toml, the Datasette metadata of `kpi db`)."""
    path = PACKAGE / "schema" / "database.toml"
    found: dict[str, list[str]] = {}
    for name, table in tomllib.loads(path.read_text("utf-8")).items():
        found.setdefault(table["description"], []).append(f"kpi/schema/database.toml: [{name}]")
        for column, _kind, text in table["columns"]:
            found.setdefault(text, []).append(f"kpi/schema/database.toml: [{name}] {column}")
    return found


MESSAGES = all_messages()
for _key, _where in data_messages().items():
    MESSAGES.setdefault(_key, []).extend(_where)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_its_japanese() -> None:
    missing = {key: where[0] for key, where in MESSAGES.items() if key not in JA}
    assert not missing, "messages without Japanese in kpi/i18n/ja.py:\n" + "\n".join(
        f"{where}: {key!r}" for key, where in missing.items()
    )


def test_every_japanese_has_its_message() -> None:
    unused = sorted(key for key in JA if key not in MESSAGES)
    assert not unused, "kpi/i18n/ja.py has entries no code uses:\n" + "\n".join(map(repr, unused))


def test_both_languages_fill_the_same_fields() -> None:
    differ = {key: (fields(key), fields(ja)) for key, ja in JA.items() if fields(key) != fields(ja)}
    assert not differ


def test_japanese_reads_as_japanese() -> None:
    """Each entry has Japanese in it (a copy of the English is no translation) and no ASCII "?!" of English."""
    kana_kanji = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    english = sorted(key for key, ja in JA.items() if not kana_kanji.search(ja) and ja == key)
    assert not english, english


def test_the_catalog_names_each_message_once() -> None:
    # Every module of the catalog (ja.py and the parts it takes whole, ja_*.py): a key twice across them is one lost.
    keys = [
        k.value
        for path in sorted((PACKAGE / "i18n").glob("ja*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Dict)
        for k in node.keys
        if isinstance(k, ast.Constant)
    ]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def user_facing_literals(path: Path) -> Iterator[str]:
    """Places that show a literal text to a user without the catalog."""
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def literal(node: ast.expr) -> bool:
        if isinstance(node, ast.JoinedStr):
            return any(isinstance(v, ast.Constant) and re.search(r"[A-Za-z]{2}", str(v.value)) for v in node.values)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return bool(re.search(r"[A-Za-z]{2}", node.value)) and " " in node.value
        if isinstance(node, ast.BinOp):
            return literal(node.left) or literal(node.right)
        return False

    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args and literal(node.exc.args[0]):
            yield f"{path.relative_to(PACKAGE)}:{node.lineno}: raise with a literal message"
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in {"echo", "print", "secho"} and node.args and literal(node.args[0]):
            yield f"{path.relative_to(PACKAGE)}:{node.lineno}: {name} of a literal message"
        for keyword in node.keywords:
            if keyword.arg in {"help", "message"} and literal(keyword.value):
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}: {keyword.arg}= literal"


def test_no_message_bypasses_the_catalog() -> None:
    found = [hit for path in FILES if checked(path) for hit in user_facing_literals(path)]
    assert not found, "\n".join(found)


def test_messages_are_literals() -> None:
    """``_``/``N_`` take the English text itself (a variable only for ``_`` of an ``N_``-marked value)."""
    bad = []
    for path in FILES:
        for key, line, expr in messages(path):
            if not key and isinstance(expr, ast.JoinedStr | ast.BinOp):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert not bad, bad


def test_a_message_missing_from_the_catalog_prints_in_english() -> None:
    assert in_lang(Lang.JA, "no such message {x}", x=1) == "no such message 1"
    with speaking(Lang.JA):
        assert in_lang(Lang.EN, "Interrupted.") == "Interrupted."
        assert in_lang(Lang.JA, "Interrupted.") == "中断しました。"


def test_the_last_lang_given_decides_as_for_any_option() -> None:
    from kpi.i18n import choose

    env = {"LANG": "ja_JP.UTF-8"}
    assert choose(["--lang", "en", "check", "--lang", "ja"], env) is Lang.JA
    assert choose(["--lang=ja", "report", "--lang=en"], env) is Lang.EN
    assert choose(["report", "--lang", "xx"], env) is Lang.JA  # a wrong value: the option itself refuses it
    assert choose(["log", "8", "--", "--lang", "en"], env) is Lang.JA  # after --, a value, not an option
