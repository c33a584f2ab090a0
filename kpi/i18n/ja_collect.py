"""The Japanese of kpi collect and kpi import, the 照会 round trip (cli/collect, views/collect, export/collect, edit).

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

COLLECT: dict[str, str] = {
    # --- collect: kpi collect and kpi import, the 照会 round trip (cli/collect, views/collect, export/collect, edit) ---
    "Write one 照会 workbook (.xlsx) per ministry, or show who has answered (--status).\n\n"
    "Example: kpi collect --year R7 --output 照会 --due 2026-06-30\n\n"
    "Each workbook holds only that ministry's measures: a sheet of indicators to fill in (実績値, 備考,\n"
    "出典), a sheet of the year's report (取組実績, 課題・要因分析, 今後の取組方針, 予算額), and\n"
    "instructions (記入方法). The workbooks issued are recorded in collect/FY<year>.toml.": (
        "府省庁ごとに照会ブック（.xlsx）を1つずつ作成します。--status では回答の状況を表示します。\n\n"
        "例: kpi collect --year R7 --output 照会 --due 2026-06-30\n\n"
        "各ブックにはその府省庁が担当する施策だけが入ります。指標のシート（実績値・備考・出典を記入）、"
        "その年度の報告のシート（取組実績・課題・要因分析・今後の取組方針・予算額を記入）、"
        "記入方法のシートがあります。発行したブックは collect/FY<year>.toml に記録されます。"
    ),
    "Check returned 照会 workbooks cell by cell and record them in the measure files.\n\n"
    "Example: kpi import 回答/R7_*.xlsx --dry-run\n\n"
    "A workbook with any bad cell, changed structure or conflict writes nothing: each problem is one\n"
    "line naming the file, sheet and cell, with the fix. Figures go in as with `kpi log`, the\n"
    "report's words as with `kpi narrate`; 集計中 is recorded as a figure not in yet.": (
        "返送された照会ブックをセルごとに確認し、施策ファイルに記録します。\n\n"
        "例: kpi import 回答/R7_*.xlsx --dry-run\n\n"
        "問題のあるセル、構成の変更、競合が一つでもあるブックからは何も書き込みません。問題は1件1行で、"
        "ファイル名・シート名・セル番地と直し方を示します。実績値は `kpi log` と、報告の文章は "
        "`kpi narrate` と同じ方法で記録します。「集計中」は未確定の実績として記録します。"
    ),
    "Fiscal year to collect: 2025, R7, 令和7年度 … Default: the last complete FY.": (
        "照会する年度: 2025、R7、令和7年度 など。既定: 終了した直近の年度。"
    ),
    "Folder for the workbooks.": "照会ブックを書き出すフォルダー。",
    "Only this ministry (repeatable; part of the name is enough).": (
        "この府省庁の分だけ作成します（複数指定できます。名前の一部でも構いません）。"
    ),
    "Due date shown in the workbook: 2026-06-30.": "ブックに示す回答期限: 2026-06-30 の形で指定します。",
    "Instead: per ministry, issued / returned / figures missing.": (
        "ブックを作らず、府省庁ごとの発行日・回答日・未報告の指標数を表示します。"
    ),
    "Returned workbooks (.xlsx) or CSV files.": "返送された照会ブック（.xlsx）または CSV ファイル。",
    "Print what would change; write nothing.": "変更点を表示するだけで、何も書き込みません。",
    "Overwrite figures the plan changed after the workbook was issued.": (
        "ブックの発行後に計画側で変わった値を、ブックの値で上書きします。"
    ),
    "Year of a CSV's figures (default: the last year collected), or of a late answer to an earlier collection.": (
        "CSV の実績の年度（既定: 直近に照会した年度）、または以前の照会への遅れた回答の年度。"
    ),
    "--due {due!r} is not a date; write it as 2026-06-30": (
        "--due「{due}」は日付ではありません。2026-06-30 の形で指定してください。"
    ),
    "{year} has not begun yet; collect figures for {latest} or earlier": (
        "{year}はまだ始まっていません。{latest}以前の実績を照会してください。"
    ),
    "--ministry {name!r} names {count} ministries; use one of: {listed}": (
        "--ministry「{name}」に当てはまる府省庁が{count}件あります。次のいずれか一つを指定してください: {listed}"
    ),
    "{path}  (measures: {measures}, indicators: {indicators})": "{path}  （{measures}施策・{indicators}指標）",
    "Wrote {count} workbook(s) for {year}; the record of issue is {record} (commit it to git)": (
        "{year}の照会ブックを{count}府省庁分作成しました。発行記録は {record} です（git にコミットしてください）。"
    ),
    "Collection (照会) for {year}: workbooks issued and answered": "{year}の照会: ブックの発行・回答の状況",
    "collect status\x04Ministry": "府省庁",
    "collect status\x04Issued": "発行日",
    "collect status\x04Returned": "回答日",
    "collect status\x04Measures": "施策数",
    "collect status\x04Answered": "回答済施策",
    "collect status\x04Indicators asked": "照会指標数",
    "collect status\x04Not reported": "未報告",
    "collect status\x04Being compiled": "集計中",
    "collect status\x04not issued": "未発行",
    "collect status\x04not returned": "未回答",
    "(overwritten with --force)": "（--force で上書き）",
    "{file}: {count} change(s); nothing written (--dry-run)": (
        "{file}: {count}件の変更があります（--dry-run のため書き込んでいません）。"
    ),
    "{file}: recorded {count} change(s)": "{file}: {count}件の変更を記録しました。",
    "{file}: no changes": "{file}: 変更はありません。",
    "{file}: {count} problem(s); nothing from this file was written": (
        "{file}: 問題が{count}件あるため、このファイルからは何も書き込んでいません。"
    ),
    "{file}: {problem}; nothing from this file was kept — fix it and import again": (
        "{file}: {problem}（このファイルからの書き込みはすべて元に戻しました。直してから取り込み直してください。）"
    ),
    "{path}: cannot read the record of issued workbooks ({reason}); restore it from git": (
        "{path}: 照会ブックの発行記録を読み取れません（{reason}）。git から元に戻してください。"
    ),
    "no such file; check the name and the folder": "ファイルがありません。ファイル名とフォルダーを確認してください。",
    "# Workbooks issued by `kpi collect` for {year}: `kpi import` checks returned ones against this record\n"
    "# and `kpi collect --status` lists who has answered. Keep it in git.": (
        "# kpi collect で発行した{year}の照会ブックの記録です。kpi import は返送されたブックをこの記録と照合し、\n"
        "# kpi collect --status はこれをもとに回答状況を示します。git で管理してください。"
    ),
    # the file as a whole (kpi.edit.workbook, kpi.edit.checkbook)
    "{suffix} files are not accepted (macros or the old format); save it as an Excel Workbook (*.xlsx)": (
        "{suffix} 形式は受け付けません（マクロ付きまたは旧形式）。Excel で「Excel ブック (*.xlsx)」として保存し直してください。"
    ),
    "the file is too large ({size:,} bytes); fill in the workbook that was sent": (
        "ファイルが大きすぎます（{size:,} バイト）。送付したブックに記入して返送してもらってください。"
    ),
    "the file is damaged or not an Excel workbook (.xlsx) ({reason}); ask for it to be saved and sent again": (
        "ファイルが壊れているか、Excel ブック（.xlsx）ではありません（{reason}）。保存し直して送ってもらってください。"
    ),
    "a workbook with macros is not accepted; save it as an Excel Workbook (*.xlsx)": (
        "マクロを含むブックは受け付けません。Excel で「Excel ブック (*.xlsx)」として保存し直してください。"
    ),
    "not an Excel workbook (.xlsx); save it as an Excel Workbook (*.xlsx)": (
        "Excel ブック（.xlsx）ではありません。Excel で「Excel ブック (*.xlsx)」として保存し直してください。"
    ),
    "{part} inside the workbook expands to {size:,} bytes; refused without opening it: "
    "ask for the workbook that was sent, filled in": (
        "ブック内の {part} が異常に大きく展開されます（{size:,} バイト）。開かずに拒否しました。"
        "送付したブックに記入したものを送ってもらってください。"
    ),
    "cannot read the workbook ({reason}); open it in Excel and save it again": (
        "ブックを読み取れません（{reason}）。Excel で開いて保存し直してください。"
    ),
    "{sheet}!{cell}: {value!r} is stored as a number but is not one; type the number again": (
        "{sheet}!{cell}: 数値として読めない値（{value}）が保存されています。数値を入力し直してください。"
    ),
    "cannot read the sheet {sheet!r} ({reason}); open it in Excel and save it again": (
        "シート「{sheet}」を読み取れません（{reason}）。Excel で開いて保存し直してください。"
    ),
    "the CSV is too large ({size:,} bytes); send only the indicator sheet's rows": (
        "CSV ファイルが大きすぎます（{size:,} バイト）。指標シートの行だけを保存して送ってください。"
    ),
    "cannot tell the file's encoding; save it as CSV UTF-8": (
        "文字コードを判別できません。「CSV UTF-8」形式で保存し直してください。"
    ),
    "cannot read it as CSV ({reason}); save it from Excel as CSV again": (
        "CSV として読み取れません（{reason}）。Excel から CSV 形式で保存し直してください。"
    ),
    "not a workbook made by `kpi collect` (its issue sheet is missing); have the workbook that was sent filled in": (
        "kpi collect で作成したブックではありません（発行情報のシートがありません）。送付したブックに記入してもらってください。"
    ),
    "a workbook of another plan ({plan}); use the one sent for {ours}": (
        "別の計画（{plan}）のブックです。この計画（{ours}）の照会で送付したブックを使ってください。"
    ),
    "this plan has no record of issuing a {year} workbook to {ministry} ({record}); "
    "import workbooks made by `kpi collect` into the plan where its record was committed": (
        "この計画には、{year}の{ministry}あてのブックを発行した記録がありません（{record}）。"
        "kpi collect で発行したブックは、その発行記録をコミットした計画で取り込んでください。"
    ),
    "a {year} workbook; the current collection is {current}: use this year's, or pass --year {era} for a late answer": (
        "{year}のブックです。現在の照会は{current}です。今回のブックに記入してもらうか、"
        "遅れて届いた回答であれば --year {era} を付けて取り込んでください。"
    ),
    "the file is named for {named} but holds {ministry}'s workbook; check it was not mixed up": (
        "ファイル名は{named}ですが、中身は{ministry}のブックです。取り違えがないか確認してください。"
    ),
    "the sheet {sheet!r} is missing (renamed or deleted); have it returned with its sheets as sent": (
        "シート「{sheet}」がありません。シート名を変更・削除せずに返送してもらってください。"
    ),
    "the sheet {sheet!r} has no column {heading!r}; issue a new workbook with `kpi collect`": (
        "シート「{sheet}」に「{heading}」の列がありません。kpi collect でブックを発行し直してください。"
    ),
    "{sheet}!{cell}: the heading is not {label!r} ({got}); columns were moved or deleted: "
    "have it returned with its columns as sent": (
        "{sheet}!{cell}: 見出しが「{label}」ではありません（{got}）。列が移動・削除されています。"
        "送付したままの列の並びで返送してもらってください。"
    ),
    "{sheet}!{cell}: rows were deleted or moved (this row should be {ids}); return the rows as sent": (
        "{sheet}!{cell}: 行が削除・移動されています（この行は {ids} のはずです）。"
        "送付したままの行の並びで返送してもらってください。"
    ),
    "{sheet}!{cell}: a locked cell was changed (it was empty); clear it": (
        "{sheet}!{cell}: 入力欄でないセルが変更されています（元は空欄）。値を消して元に戻してください。"
    ),
    "{sheet}!{cell}: a locked cell was changed (it was {was!r}); put it back": (
        "{sheet}!{cell}: 入力欄でないセルが変更されています（元は「{was}」）。元に戻してください。"
    ),
    "{sheet}!{cell}: a value outside the table (an added row or column); fill in the table as sent": (
        "{sheet}!{cell}: 記入欄の外に値があります（行や列の追加）。送付したままの表に記入してください。"
    ),
    # one row or cell (kpi.edit.checkbook, kpi.edit.officer)
    "the measure {measure} is no longer in the plan; issue a new workbook": (
        "施策 {measure} は計画にありません（発行後に削除されています）。ブックを発行し直してください。"
    ),
    "the indicator {indicator} of {measure} is no longer in the plan; issue a new workbook": (
        "施策 {measure} の指標 {indicator} は計画にありません（発行後に削除されています）。ブックを発行し直してください。"
    ),
    "the plan's value changed from {issued} to {now} after the workbook was issued and differs from the "
    "workbook's {typed}; check it, then pass --force to overwrite or correct the workbook": (
        "ブックの発行後に計画側の値が {issued} から {now} に変わっており、ブックの {typed} と食い違います。"
        "確認のうえ、--force を付けて上書きするか、ブックを直してください。"
    ),
    "the CSV's year is unknown; pass --year, e.g. --year R7": (
        "CSV の年度が分かりません。--year R7 のように年度を指定してください。"
    ),
    "row 1 lacks the heading(s) {missing}; give the CSV the indicator sheet's headings {headings}": (
        "1行目に見出し{missing}がありません。指標シートと同じ見出し{headings}を付けてください。"
    ),
    "{value!r} is not a measure id of the plan (施策ID); check the row": (
        "「{value}」は計画にない施策IDです。この行の施策IDを確認してください。"
    ),
    "{value!r} is not an indicator id of {measure} (指標ID); check the row": (
        "「{value}」は施策 {measure} にない指標IDです。この行の指標IDを確認してください。"
    ),
    "no figure is asked for after the indicator's deadline ({deadline}); remove the row": (
        "目標年度（{deadline}）を過ぎた年度の実績は記入不要です。この行を削除してください。"
    ),
    "already recorded as {now}; pass --force to replace it": (
        "すでに {now} が記録されています。置き換えるには --force を付けてください。"
    ),
    "a formula ({value}) is not accepted; type the value itself": (
        "数式（{value}）は使えません。計算結果の値を直接入力してください。"
    ),
    "the cell holds a date or time; set its format to General and type the number or text again": (
        "日付・時刻として入力されています。セルの書式を「標準」にして、数値または文字で入力し直してください。"
    ),
    "TRUE/FALSE is not accepted; type a number or text": "TRUE/FALSE は使えません。数値または文字で入力してください。",
    "the cell holds NaN or infinity, not a value; type the text again": (
        "数値として読めない値（NaN・無限大）です。文字で入力し直してください。"
    ),
    "the cell holds NaN or infinity, not a number; type the figure again": (
        "数値として読めない値（NaN・無限大）です。実績値を入力し直してください。"
    ),
    "the text contains a carriage return (CR); break lines with Alt+Enter instead": (
        "改行コード CR が含まれています。改行は Alt+Enter で入れ直してください。"
    ),
    "the text contains the control character {char}; remove it": "制御文字 {char} が含まれています。削除してください。",
    "{count:,} characters, more than the {limit:,} allowed; shorten it to {limit:,}": (
        "{count:,}字あり、上限の{limit:,}字を超えています。{limit:,}字以内に要約してください。"
    ),
    "{value!r} is not a number; write digits like 1234, 1,234 or 12万, or 集計中 while it is being compiled": (
        "「{value}」は数値ではありません。1234、1,234、12万 のように数字で記入するか、未確定なら「集計中」と記入してください。"
    ),
    "{value!r} is not one of the choices; choose 実施済 (Done), 実施中 (In progress), "
    "未着手 (Not started) or 集計中 (Being compiled) from the list": (
        "「{value}」は選択肢にありません。一覧から「実施済」「実施中」「未着手」「集計中」のいずれかを選んでください。"
    ),
    "typed as a percentage, but the indicator has no unit; write the number without %": (
        "パーセントで入力されていますが、この指標には単位がありません。% を付けずに数値を記入してください。"
    ),
    "typed as a percentage, but the indicator's unit is {unit!r}; write the number in {unit}": (
        "パーセントで入力されていますが、この指標の単位は「{unit}」です。{unit}単位の数値を記入してください。"
    ),
    "the budget ({value}) is below zero; write it in millions of yen (百万円) as 0 or more": (
        "予算額（{value}）が負の値です。百万円単位で 0 以上の数値を記入してください。"
    ),
}
