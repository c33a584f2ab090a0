"""The Japanese of the base modules (errors, years, files, text) and the assessment's words (kpi/judge).

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

BASE: dict[str, str] = {
    # --- base: errors, years, files (kpi/errors.py, fiscal.py, safefile.py, text.py) ---
    "warning: ": "警告: ",
    " (and {more} more; run `kpi check` to list them all)": (
        "（ほかに {more} 件あります。すべて見るには `kpi check` を実行してください）"
    ),
    'use a year like 2024, "FY2024", "R6" or "令和6年度"': '2024、"FY2024"、"R6"、"令和6年度" のように書いてください。',
    "expected a year, got {value!r}; {hint}": "{value!r} は年として読めません。{hint}",
    "year {year} is out of range ({low}–{high}); {hint}": "{year} 年は扱える範囲（{low}–{high}）の外です。{hint}",
    "{text!r} is not a year: era years start at 元 (1); {hint}": (
        "「{text}」は年ではありません（元号の年は元年（1）から数えます）。{hint}"
    ),
    "{text!r} is not a year; {hint}": "「{text}」は年ではありません。{hint}",
    "year {year} is before the eras kpi knows (昭和 starts 1926)": ("{year} 年は kpi が扱う元号より前です（昭和は1926年から）。"),
    "{shown}: is a link to {real}, outside the plan folder; kpi will not write there (replace the link with the file itself)": (
        "{shown}: 計画のフォルダーの外にある {real} へのリンクです。kpi はそこには書き込みません"
        "（リンクをファイルそのものに置き換えてください）。"
    ),
    "a device": "デバイス",
    "a named pipe (FIFO)": "名前付きパイプ（FIFO）",
    "a socket": "ソケット",
    "not a regular file": "通常のファイル以外のもの",
    "{path}: cannot be checked ({error}); give another file name": (
        "{path}: 確かめられません（{error}）。別のファイル名を指定してください。"
    ),
    "{path}: is a link to {real}, outside its own folder; kpi will not write through it "
    "(give the file's own path, or another name)": (
        "{path}: 同じフォルダーの外にある {real} へのリンクです。kpi はリンクを通しては書き込みません"
        "（ファイルそのもののパスか、別の名前を指定してください）。"
    ),
    "{path}: is a folder; give a file name inside it": "{path}: フォルダーです。その中のファイル名を指定してください。",
    "{path}: is {kind}, not a file; kpi writes only regular files: give a file name": (
        "{path}: ファイルではなく{kind}です。kpi は通常のファイルにだけ書き込みます。ファイル名を指定してください。"
    ),
    "{path}: another program has kept the file locked for {seconds:g} s "
    "(an editor, a sync tool or another kpi); nothing was changed — "
    "close it and run the command again": (
        "{path}: 別のプログラム（エディター、同期ツール、別の kpi など）が {seconds:g} 秒間ファイルをロックしたままです。"
        "何も変更していません。そのプログラムを閉じて、もう一度コマンドを実行してください。"
    ),
    "{shown}: already exists; choose another id (kpi never overwrites a measure file)": (
        "{shown}: すでにあります。別の id を選んでください（kpi は施策のファイルを上書きしません）。"
    ),
    "qualitative\x04in_progress": "実施中",
    "qualitative\x04not_started": "未着手",
    "module {module} has no attribute {name!r}": "モジュール {module} に属性 {name!r} はありません。",
    # --- judge: the assessment ---
    "no measure is listed in the {edition} edition; editions in this plan: {editions}": (
        "{edition} 年版に載っている施策がありません。この計画にある版: {editions}"
    ),
    "editions\x04none": "なし",
    "no measure lists a ministry matching {ministry!r}; try one of: {names}": (
        "「{ministry}」を含む名前の府省庁の施策がありません。次のどれかをお試しください: {names}"
    ),
    "no measure sits under pillar {pillar!r}; write a heading like 1 or 1-2 ((1)② is 1-2)": (
        "見出し「{pillar}」の下に施策がありません。1 や 1-2 のように見出しの番号を書いてください（(1)② は 1-2）。"
    ),
    "no such measure: {key!r}; give an id like 2024-008 or a number in the {edition} edition (see `kpi report`)": (
        "「{key}」という施策はありません。2024-008 のような id か、{edition} 年版での番号を指定してください"
        "（`kpi report` で確かめられます）。"
    ),
    "growth undefined for x = {x}, ty - tx = {span}": "伸び率を計算できません（x = {x}、ty - tx = {span}）。",
    "direction must be 1 or -1, got {direction}": "direction は 1 か -1 でなければなりません（{direction} が渡されました）。",
    "progress needs finite numbers, got {given}": "progress には有限の数が必要です（{given} が渡されました）。",
    "a target needs a target_year": "目標には target_year が必要です。",
}
