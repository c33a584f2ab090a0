"""The Japanese of reading measure files and kpi.toml: the file, its TOML, the measure's keys, editions and items (kpi/plan).

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

PLAN: dict[str, str] = {
    # --- plan: reading and validating measure files ---
    "value\x04nothing": "（なし）",
    'a value must be a number, true/false, a date, a [list] or "text in double quotes"': (
        '値は数字、true か false、日付、[リスト]、"二重引用符で囲んだ文字" のどれかで書いてください。'
    ),
    'each line is key = value or a [table] header; put a key with Japanese characters in "double quotes"': (
        '1行には キー = 値 か [表] の見出しを書きます。日本語のキーは "二重引用符" で囲んでください。'
    ),
    "one key = value per line; write numbers without commas or units (120000)": (
        "1行に キー = 値 を一つだけ書いてください。数字はカンマや単位を付けずに書きます（120000）。"
    ),
    'close the quotes on the same line (use """...""" for text over several lines)': (
        '引用符は同じ行の中で閉じてください（何行にもわたる文は """...""" で囲みます）。'
    ),
    "close the quotes on the same line": "引用符は同じ行の中で閉じてください。",
    "close the list with ]": "リストを ] で閉じてください。",
    "close the table with {brace} on the same line": "同じ行の中で表を {brace} で閉じてください。",
    "a key is set twice; keep one of them": "同じキーが2回書かれています。どちらか一方だけを残してください。",
    "a [table] header appears twice; merge the two tables into one": (
        "同じ [表] の見出しが2回あります。二つの表を一つにまとめてください。"
    ),
    "write \\\\ for a backslash in double quotes, or use 'single quotes'": (
        "二重引用符の中のバックスラッシュは \\\\ と書くか、'一重引用符' で囲んでください。"
    ),
    "close the table header with ]": "表の見出しを ] で閉じてください。",
    "fix the syntax on that line": "その行の書き方を直してください。",
    "it looks like Shift_JIS": "Shift_JIS のようです",
    "byte 0x{byte:02x} is not UTF-8": "バイト 0x{byte:02x} は UTF-8 ではありません",
    "the file is not UTF-8 ({guess}); re-save it with the encoding UTF-8 in your editor": (
        "ファイルの文字コードが UTF-8 ではありません（{guess}）。エディターで文字コードを UTF-8 にして保存し直してください。"
    ),
    "invalid TOML: lists or inline tables nested hundreds of levels deep; a measure file needs two levels at most": (
        "TOML として読めません: リストかインラインテーブルが何百段も入れ子になっています。"
        "施策のファイルに要る入れ子は2段までです。"
    ),
    "invalid TOML: a number with thousands of digits; write the figure in a larger unit, or with a decimal point": (
        "TOML として読めません: 何千桁もある数字があります。大きな単位で書くか、小数点を使って書いてください。"
    ),
    " at the end of the file": "、ファイルの末尾",
    " at line {line}, column {column}": "、{line} 行 {column} 文字目",
    "invalid TOML: the {kind} opened on this line is never closed ({described}{where}); close it with {closer}": (
        "TOML として読めません: この行で始まる{kind}が閉じられていません（{described}{where}）。{closer} で閉じてください。"
    ),
    " at column {column}": "、{column} 文字目",
    "invalid TOML: {described}{column}; {hint}": "TOML として読めません（{described}{column}）。{hint}",
    "toml\x04list": "リスト",
    "toml\x04inline table": "インラインテーブル",
    "toml\x04text": "文字列",
    "is a folder, not a measure file; rename it (names ending in .toml are measure files)": (
        "施策のファイルではなくフォルダーです。名前を変えてください（名前が .toml で終わるものを施策のファイルとして読みます）。"
    ),
    "is {kind}, not a measure file; remove it (a measure file is a plain text file)": (
        "施策のファイルではなく{kind}です。削除してください（施策のファイルはふつうのテキストファイルです）。"
    ),
    "is a symbolic link that leads back to itself (a loop); remove the link, or point it at the measure's file": (
        "自分自身に戻るシンボリックリンク（ループ）です。リンクを削除するか、施策のファイルを指すように直してください。"
    ),
    "is a symbolic link to {target}, which does not exist; remove the link, or point it at the measure's file": (
        "存在しない {target} を指すシンボリックリンクです。リンクを削除するか、施策のファイルを指すように直してください。"
    ),
    "cannot read the file ({error}); check that it exists and you may read it": (
        "ファイルを読めません（{error}）。ファイルがあるか、読む権限があるかを確かめてください。"
    ),
    'write status = "done" (or "in_progress", "not_started")': (
        'status = "done"（または "in_progress"、"not_started"）と書いてください。'
    ),
    "keys\x04known here": "ここで使えるキー",
    "check the spelling ({listing}: {names})": "綴りを確かめてください（{listing}: {names}）。",
    "key\x04did you mean {name}?": "{name} の誤りではありませんか？",
    "write it in a larger unit (e.g. thousands), or with a decimal point: {name} = 1.5e20": (
        "大きな単位（千単位など）で書くか、{name} = 1.5e20 のように小数点を使って書いてください。"
    ),
    "{key} is a key of {home}, not of this table; move it there, or fix the name": (
        "{key} はこの表ではなく{home}のキーです。そこへ移すか、名前を直してください。"
    ),
    "unknown key, ignored; {fix}": "知らないキーなので無視しました。{fix}",
    'required key is missing; add {key} = "..."': '必須のキーがありません。{key} = "..." を書き加えてください。',
    'expected text in quotes, got {got}; write {key} = "..."': (
        '{got} は引用符で囲んだ文字ではありません。{key} = "..." のように書いてください。'
    ),
    'is empty; write the {key} between the quotes: {key} = "..."': '空です。引用符の間に書いてください: {key} = "..."',
    "contains the control character {bad}; remove it (only newlines and tabs may be in text)": (
        "制御文字 {bad} が入っています。削除してください（文に入れられるのは改行とタブだけです）。"
    ),
    "expected a number, got {got}; write {name} = {meant} (digits only: no quotes, commas or units)": (
        "{got} は数字ではありません。{name} = {meant} のように数字だけを書いてください（引用符・カンマ・単位は不要）。"
    ),
    "expected a number, got {got}; write e.g. {name} = 1234.5 (digits only: no quotes, commas or units)": (
        "{got} は数字ではありません。{name} = 1234.5 のように数字だけを書いてください（引用符・カンマ・単位は不要）。"
    ),
    "{got} is beyond what TOML's whole numbers hold (±{largest}); {fix}": (
        "{got} は TOML の整数で表せる範囲（±{largest}）を超えています。{fix}"
    ),
    "write the year's figure, or remove the line until there is one": (
        "その年の実績値を書くか、値が出るまでその行を削除してください。"
    ),
    "write a finite number, e.g. {name} = 1234.5": "{name} = 1234.5 のように有限の数を書いてください。",
    "{got} is not a usable number; {fix}": "{got} は計算に使える数ではありません。{fix}",
    "required key is missing{hint}; add {key} = <year>, e.g. {key} = {example}": (
        "必須のキーがありません{hint}。{key} = <年> を、たとえば {key} = {example} のように書き加えてください。"
    ),
    'expected a year like 2026 or "R8", got {got}; write e.g. {name} = {example}': (
        '{got} は年ではありません。{name} = {example} のように書いてください（2026 や "R8" の形で書けます）。'
    ),
    "write the year as a plain number: {name} = {year} (kpi writes integers)": (
        "年は数字だけで {name} = {year} と書いてください（kpi は整数で書きます）。"
    ),
    'required key is missing; add {key} = ["..."]': '必須のキーがありません。{key} = ["..."] を書き加えてください。',
    "expected a list, got one text; write {key} = [{got}]": (
        "リストを書くところに文字が一つだけあります。{key} = [{got}] と書いてください。"
    ),
    'expected a list of names in quotes, got {got}; write {key} = ["...", "..."]': (
        '{got} は引用符で囲んだ名前のリストではありません。{key} = ["...", "..."] のように書いてください。'
    ),
    "expected a table, got {got}; write it as {example}": "{got} は表ではありません。{example} のように書いてください。",
    "the measure (at the top of the file, above the first [table] header)": (
        "施策そのもの（ファイルの先頭、最初の [表] の見出しより上）"
    ),
    "the [[indicators]] table (above its [indicators.actuals])": "[[indicators]] の表（その [indicators.actuals] より上）",
    "a year's report table, [reports.<year>]": "年度ごとの報告の表 [reports.<year>] ",
    "the folder {folder} does not exist; create it or fix the path": (
        "フォルダー {folder} がありません。フォルダーを作るか、パスを直してください。"
    ),
    '"{id}" is also the id of {other}; each measure needs its own id: remove the copy, or give it a new id and file name': (
        '"{id}" は {other} の id でもあります。施策ごとに別の id が必要です。'
        "写しを削除するか、新しい id とファイル名を付けてください。"
    ),
    "{year} has not begun yet; a figure cannot exist for it: fix the year, or remove the entry": (
        "{year}はまだ始まっていないので、実績値はありえません。年を直すか、この行を削除してください。"
    ),
    "No. {number} of the {year} edition is also {other} ({path}); give each measure its own number": (
        "[editions.{year}] の No. {number} は {other}（{path}）でも使われています。施策ごとに別の番号を付けてください。"
    ),
    '{got} is not a valid id; use letters, digits and "-", e.g. "2024-008"': (
        '{got} は id として使えません。英数字と "-" で "2024-008" のように書いてください。'
    ),
    '"{id}" does not match the file name {name}; rename the file to {id}.toml or fix the id': (
        '"{id}" がファイル名 {name} と合っていません。ファイル名を {id}.toml に変えるか、id を直してください。'
    ),
    "is {retired}, but [editions.{year}] lists the measure; retired is the first edition "
    "that no longer lists it: remove [editions.{year}] or set retired = {next}": (
        "{retired} ですが、[editions.{year}] にこの施策が載っています。retired には施策が載らなくなった最初の版の年を書きます。"
        "[editions.{year}] を削除するか、retired = {next} としてください。"
    ),
    "use one of the names in kpi.toml [plan] ministries": "kpi.toml の [plan] ministries にある名前を使ってください。",
    "{name} is not a ministry of this plan; {fix}": "{name} はこの計画の府省庁ではありません。{fix}",
    "required table is missing; add [editions.{edition}] with number and pillar": (
        "必須の表がありません。number と pillar を書いた [editions.{edition}] を書き加えてください。"
    ),
    "write [{name}.{year}]": "[{name}.{year}] と書いてください。",
    "name the table after the plan's year, e.g. [editions.{edition}]": (
        "表の名前には計画の年を使ってください（例: [editions.{edition}]）。"
    ),
    "{key} is not an edition year; {fix}": "{key} は西暦4桁の版の年になっていません。{fix}",
    "no edition listed; add [editions.{edition}] with number and pillar": (
        "版が一つもありません。number と pillar を書いた [editions.{edition}] を書き加えてください。"
    ),
    "[editions.{year}] with number and pillar": "number と pillar を書いた [editions.{year}]",
    "required key is missing; add number = <the measure's number in the {year} edition>": (
        "必須のキーがありません。number = <{year} 年版での施策の番号> を書き加えてください。"
    ),
    "expected the measure's number (a whole number from 1), got {got}; write e.g. number = 8": (
        "{got} は施策の番号（1 以上の整数）ではありません。number = 8 のように書いてください。"
    ),
    '{got} is not a heading; write the heading (1)② as "1-2"': (
        '{got} は見出しの番号ではありません。見出し (1)② は "1-2" と書いてください。'
    ),
    '{got} is not a heading; write the heading (3)① as "3-1"': (
        '{got} は見出しの番号ではありません。見出し (3)① は "3-1" と書いてください。'
    ),
    "expected [[items]] tables (double brackets), each with title and ministries": (
        "[[items]] の表（二重の角括弧）で書き、それぞれに title と ministries を書いてください。"
    ),
    "[[items]] with title and ministries": "title と ministries を書いた [[items]]",
}
