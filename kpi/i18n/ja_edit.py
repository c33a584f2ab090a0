"""The Japanese of the editing commands' messages: `kpi log`, `kpi target`, `kpi new`, `kpi narrate`, `kpi comment`.

Part of the one catalog (``kpi.i18n.ja.JA`` takes these entries whole), kept apart so that no module of the catalog
grows past the length every module keeps. Same rules as ja.py: each entry on its own lines, the same ``{fields}``
on both sides, words from ``../shared/reference/glossary.md``.
"""

from __future__ import annotations

EDIT: dict[str, str] = {
    # --- edit: log, target, new, narrate, comment (kpi/edit) ---
    # values: a figure, a status, a year as the officer typed them
    "{value!r} is not a number; write digits like 120000, 12万 or 1万2000": (
        "「{value}」は数値ではありません。120000、12万、1万2000 のように数字で書いてください。"
    ),
    "{value!r} is a percentage but the indicator has no unit; write the number alone": (
        "「{value}」は百分率ですが、この指標には単位がありません。数値だけを書いてください。"
    ),
    "{value!r} is a percentage but the indicator's unit is {unit!r}; write the number alone": (
        "「{value}」は百分率ですが、この指標の単位は「{unit}」です。数値だけを書いてください。"
    ),
    "{value!r} is not a number; write digits like 1234, 1,234 or 45.2 (or 12万)": (
        "「{value}」は数値ではありません。1234、1,234、45.2（または12万）のように数字で書いてください。"
    ),
    "{value!r} is too large to be a figure": "「{value}」は大きすぎて実績値にできません。",
    "{value!r} is too large for a TOML integer; write it with a decimal point or a smaller unit": (
        "「{value}」は TOML の整数には大きすぎます。小数点を付けて書くか、単位を変えて数値を小さくしてください。"
    ),
    "{value!r} is negative, but {unit!r} counts things; if the minus sign is a slip, log it again with --force": (
        "「{value}」は負の値ですが、単位「{unit}」は数を数えるものです。マイナス記号が誤りなら、"
        "--force を付けて記録し直してください。"
    ),
    "{value!r} is a negative share; if the minus sign is a slip, log it again with --force": (
        "「{value}」は負の割合です。マイナス記号が誤りなら、--force を付けて記録し直してください。"
    ),
    "{value!r} is a share above 100 %; check the figure (a count in place of a share?)": (
        "「{value}」は100%を超える割合です。値を確かめてください（割合ではなく件数を書いていませんか）。"
    ),
    "{value!r} looks like a fraction, but the unit is %; if you meant {percent} %, log {percent} again with --force": (
        "「{value}」は小数の割合のようですが、単位は%です。{percent}%のつもりなら、--force を付けて {percent} と"
        "記録し直してください。"
    ),
    "expected {usage} (got 1 argument); see kpi log --help": (
        "{usage} の形で指定してください（引数が1個です）。kpi log --help もご覧ください。"
    ),
    "expected {usage} (got {count} arguments); see kpi log --help": (
        "{usage} の形で指定してください（引数が{count}個です）。kpi log --help もご覧ください。"
    ),
    "{value!r} is not a status; use done, in_progress or not_started (実施済, 実施中, 未着手)": (
        "「{value}」は実施状況ではありません。実施済、実施中、未着手（done、in_progress、not_started）の"
        "いずれかを書いてください。"
    ),
    "argument\x04year": "年度",
    "qualitative\x04done": "実施済",
    "qualitative\x04in progress": "実施中",
    "qualitative\x04not started": "未着手",
    # session: the safe edit of a measure file
    "{problem} (kpi writes no measure file while kpi.toml has an error)": (
        "{problem}（kpi.toml に誤りがある間は、施策ファイルを書き込みません）"
    ),
    "{folder}: leads to {target}, outside the plan folder; kpi will not write there "
    "(make {folder} a real folder inside the plan)": (
        "{folder}: 計画のフォルダーの外（{target}）を指しているため、kpi は書き込みません。"
        "{folder} を計画のフォルダー内の通常のフォルダーにしてください。"
    ),
    "invalid TOML ({error}); fix the syntax first": "TOML として読めません（{error}）。まず書式を直してください。",
    "{path}: {measure} has {count} indicators; name one: {indicators}": (
        "{path}: {measure} には指標が{count}個あります。指標IDを一つ指定してください: {indicators}"
    ),
    "{path}: no indicator {indicator!r} in {measure}; did you mean {close!r}? its indicators: {indicators}": (
        "{path}: {measure} に指標「{indicator}」はありません。「{close}」のことですか。{measure} の指標: {indicators}"
    ),
    "{path}: no indicator {indicator!r} in {measure}; its indicators: {indicators}": (
        "{path}: {measure} に指標「{indicator}」はありません。{measure} の指標: {indicators}"
    ),
    "{path}: the file is not UTF-8; re-save it as UTF-8, then try again": (
        "{path}: UTF-8 のファイルではありません。UTF-8 で保存し直してから、もう一度実行してください。"
    ),
    "{path}: could not update the file ({reason}); it was left as it was — "
    "check the folder's permissions and free space, then run the command again": (
        "{path}: ファイルを更新できませんでした（{reason}）。ファイルは元のままです。"
        "フォルダーの権限と空き容量を確かめてから、もう一度実行してください。"
    ),
    "{path}: the edit did not read back as written; nothing was changed — please report this": (
        "{path}: 編集結果が書いたとおりに読み戻せなかったため、何も変更していません。この不具合をご報告ください。"
    ),
    "{path}: indicators: kpi edits [[indicators]] tables only; rewrite this one as [[indicators]]": (
        "{path}: indicators: kpi が編集できるのは [[indicators]] の形の表だけです。この指標を [[indicators]] の形に"
        "書き直してください。"
    ),
    "{path}: indicator {indicator!r} not found while editing; run `kpi check`": (
        "{path}: 編集中に指標「{indicator}」が見つかりませんでした。`kpi check` を実行してください。"
    ),
    "{value} cannot be written as a figure": "{value} は実績値として書けません。",
    "cannot write {type} as TOML": "{type} は TOML に書けません。",
    # kpi log
    "no entry for {year} to delete in {indicator}; years recorded: {recorded}": (
        "{indicator} には{year}の実績がないため、削除できません。記録のある年度: {recorded}"
    ),
    "{year} has not begun yet; log figures for {now} or earlier": (
        "{year}はまだ始まっていません。{now}以前の実績を記録してください。"
    ),
    "already recorded as {old}; pass --force to replace it with {new}": (
        "すでに「{old}」と記録されています。「{new}」に置き換えるには --force を付けてください。"
    ),
    "already recorded as note {old!r}; pass --force to replace it with note {new!r}": (
        "備考はすでに「{old}」と記録されています。「{new}」に置き換えるには --force を付けてください。"
    ),
    "already recorded as source {old!r}; pass --force to replace it with source {new!r}": (
        "出典はすでに「{old}」と記録されています。「{new}」に置き換えるには --force を付けてください。"
    ),
    "{value!r} is not a reason; write a short text such as 集計中": (
        "「{value}」は理由になっていません。集計中 のような短い文を書いてください。"
    ),
    # kpi target
    "--milestone {value!r}: write YEAR=VALUE, like 2025=50 (or 2025= to remove it)": (
        "--milestone 「{value}」: 年度=値 の形で書いてください（例: 2025=50。削除するときは 2025=）。"
    ),
    "--milestone {value!r}: {problem}": "--milestone 「{value}」: {problem}",
    "--reason is required: say why the target changes (it is kept in [[indicators.revisions]]); nothing was changed": (
        "--reason が必要です。目標を変更する理由を書いてください（[[indicators.revisions]] に残ります）。何も変更していません。"
    ),
    "nothing to revise; give --target, --deadline, --baseline, --baseline-year or --milestone": (
        "変更する項目がありません。--target、--deadline、--baseline、--baseline-year、--milestone のいずれかを指定してください。"
    ),
    "--deadline {deadline} is before the figure already recorded for {latest}; a target's year cannot "
    "come before the figures judged against it: give --deadline {year} or later": (
        "--deadline {deadline} は、すでに記録されている{latest}の実績より前です。目標年度を、それに照らして判定する"
        "実績より前にはできません。--deadline {year} 以降を指定してください。"
    ),
    "--milestone {value!r}: there is no milestone for {year} to remove": (
        "--milestone 「{value}」: {year}の中間目標はないため、削除できません。"
    ),
    # kpi new: the questions, and the check of each answer and option
    "{option} is required (kpi new asks only in a terminal); pass {option} VALUE": (
        "{option} が必要です（kpi new が質問するのは端末で実行したときだけです）。{option} 値 の形で指定してください。"
    ),
    "question\x04Title (施策名)": "施策名",
    "Ministries, lead first (府省庁; comma-separated, from: {known})": (
        "担当府省庁（主担当を先頭に、「、」で区切って。次の中から: {known}）"
    ),
    "Number in the {edition} edition": "施策番号（{edition}年版の No.）",
    "Heading, (1)② as 1-2 (柱)": "柱（見出し。(1)② または 1-2 の形で）",
    "Measure id": "施策ID",
    "Indicator id (a-z, 0-9, -)": "指標ID（英小文字・数字・-）",
    "question\x04Indicator name (指標名)": "指標名",
    "question\x04Kind": "指標の種類（水準・毎年度・累計・増減・定性 と書いても構いません）",
    "Unit (単位; empty for none)": "単位（なければ空欄のまま）",
    "Direction (which way is better)": "改善の方向（上向き・下向き と書いても構いません）",
    "question\x04Target value": "目標値",
    "Deadline (a year: 2026, R8 …)": "目標年度（2026、R8 などの年度）",
    "question\x04Baseline value": "基準値",
    "Baseline year (a year: 2026, R8 …)": "基準年度（2026、R8 などの年度）",
    "First year that counts (a year: 2026, R8 …)": "累計を数え始める年度（2026、R8 などの年度）",
    "Choose one of: {choices}": "次のいずれかを選んでください: {choices}",
    "This cannot be empty; write it as the plan does": "空欄にはできません。計画の記載どおりに書いてください。",
    "{value!r} is not a heading; write (1)② or 1-2": "「{value}」は見出しではありません。(1)② または 1-2 の形で書いてください。",
    "The {edition} edition has no heading {heading}; use one of: {headings}": (
        "{edition}年版には見出し {heading} がありません。次のいずれかにしてください: {headings}"
    ),
    "{value!r} is not a valid id; use letters, digits and '-', e.g. {example}": (
        "「{value}」は施策IDに使えません。英数字と「-」で書いてください（例: {example}）。"
    ),
    "A measure with the id {id} already exists; choose another id": (
        "施策ID {id} の施策はすでにあります。別のIDにしてください。"
    ),
    '{value!r} is not a valid indicator id; use a-z, 0-9 and "-", e.g. access-count': (
        "「{value}」は指標IDに使えません。英小文字・数字・「-」で書いてください（例: access-count）。"
    ),
    "{value!r} is not a number; write the measure's number in the {edition} edition": (
        "「{value}」は数値ではありません。{edition}年版での施策番号を書いてください。"
    ),
    "Write the measure's number in the {edition} edition (1 or more)": ("{edition}年版での施策番号を1以上の数で書いてください。"),
    "No. {number} of the {edition} edition is {other}; use a free number (next: {next})": (
        "{edition}年版の No. {number} は {other} が使っています。空いている番号にしてください（次の空き番号: {next}）。"
    ),
    "Not a ministry of this plan: {names}": "この計画の府省庁ではありません: {names}",
    "{path}: could not create the file ({reason}); check the folder's permissions": (
        "{path}: ファイルを作成できませんでした（{reason}）。フォルダーの権限を確かめてください。"
    ),
    "--id {value!r}: not a valid id; use letters, digits and '-', e.g. {example}": (
        "--id 「{value}」: 施策IDに使えません。英数字と「-」で書いてください（例: {example}）。"
    ),
    "--id {id}: a measure with this id already exists; choose another id (kpi new never overwrites)": (
        "--id {id}: このIDの施策はすでにあります。別のIDにしてください（kpi new は上書きしません）。"
    ),
    "--title: the measure needs a title; give the title as the plan writes it": (
        "--title: 施策名が必要です。計画の記載どおりに書いてください。"
    ),
    "--number {number}: write the measure's number in the {edition} edition (1 or more)": (
        "--number {number}: {edition}年版での施策番号を1以上の数で書いてください。"
    ),
    "--number {number}: No. {number} of the {edition} edition is {other}; use a free number (next: {next})": (
        "--number {number}: {edition}年版の No. {number} は {other} が使っています。空いている番号にしてください"
        "（次の空き番号: {next}）。"
    ),
    '--pillar {value!r}: not a heading; write (1)② as "1-2"': (
        "--pillar 「{value}」: 見出しではありません。(1)② は「1-2」と書いてください。"
    ),
    "--pillar {heading}: the {edition} edition has no such heading; use one of: {headings}": (
        "--pillar {heading}: {edition}年版にはこの見出しがありません。次のいずれかにしてください: {headings}"
    ),
    "--ministry: name at least one ministry (lead ministry first)": (
        "--ministry: 府省庁を一つ以上指定してください（主担当を先頭に）。"
    ),
    "--ministry {value!r}: not a ministry of this plan; use one of: {names}": (
        "--ministry 「{value}」: この計画の府省庁ではありません。次のいずれかにしてください: {names}"
    ),
    '--indicator-id {value!r}: use a-z, 0-9 and "-", e.g. "access-count"': (
        "--indicator-id 「{value}」: 英小文字・数字・「-」で書いてください（例: access-count）。"
    ),
    "--indicator-name: the indicator needs a name; give it as the plan writes it": (
        "--indicator-name: 指標名が必要です。計画の記載どおりに書いてください。"
    ),
    "# Created with `kpi new` on {date}. Record figures with\n"
    "# `kpi log {id} {indicator} <year> <value>`; format: docs/measure-file.md.": (
        "# {date} に kpi new で作成しました。実績は\n"
        "# `kpi log {id} {indicator} <年度> <値>` で記録します。書式: docs/measure-file.md"
    ),
    "{option}: {kind} indicators need one; pass {option}": (
        "{option}: 種類が {kind} の指標には必要です。{option} を指定してください。"
    ),
    # kpi narrate, kpi comment
    "{value!r} is not a number; write the budget in 百万円 as digits, e.g. 130.5 or 1,234": (
        "「{value}」は数値ではありません。予算額は百万円単位の数字で書いてください（例: 130.5、1,234）。"
    ),
    "{value!r} is not a budget; write the year's budget in 百万円 as a number ≥ 0, e.g. 130.5": (
        "「{value}」は予算額になりません。その年度の予算額を百万円単位で、0以上の数で書いてください（例: 130.5）。"
    ),
    "{value!r} is not a date; write it as 2026-06-15": "「{value}」は日付ではありません。2026-06-15 の形で書いてください。",
    "{year} has not begun yet; write the report for {now} or an earlier year": (
        "{year}はまだ始まっていません。{now}以前の年度の実施状況を書いてください。"
    ),
    "contains the control character {char}; remove it (only newlines and tabs may be in text)": (
        "制御文字 {char} が含まれています。取り除いてください（文章に使えるのは改行とタブだけです）。"
    ),
    "reports: kpi edits [reports.<year>] tables only; rewrite this one as [reports.<year>] tables": (
        "reports: kpi が編集できるのは [reports.<年度>] の形の表だけです。[reports.<年度>] の表に書き直してください。"
    ),
    "reports.{year}: kpi edits [reports.{year}] tables only; rewrite it as a [reports.{year}] table": (
        "reports.{year}: kpi が編集できるのは [reports.{year}] の形の表だけです。[reports.{year}] の表に書き直してください。"
    ),
    "the comment's from is empty; write who commented (--from) and what they said": (
        "意見の主（--from）が空です。誰の意見か（--from）と、その内容を書いてください。"
    ),
    "the comment's text is empty; write who commented (--from) and what they said": (
        "意見の内容が空です。誰の意見か（--from）と、その内容を書いてください。"
    ),
    "there is no comment {number} for {year}; the report has comments 1 to {count} (see `kpi show`)": (
        "{year}の意見{number}はありません。この年度の意見は1〜{count}です（`kpi show` で確かめられます）。"
    ),
    "there is no comment {number} for {year}; the report has comment 1 only (see `kpi show`)": (
        "{year}の意見{number}はありません。この年度の意見は意見1だけです（`kpi show` で確かめられます）。"
    ),
    "there is no comment {number} for {year}; the report has no comment (see `kpi show`)": (
        "{year}の意見{number}はありません。この年度の意見はまだありません（`kpi show` で確かめられます）。"
    ),
    "reports.{year}.comments: kpi edits [[reports.{year}.comments]] tables only": (
        "reports.{year}.comments: kpi が編集できるのは [[reports.{year}.comments]] の形の表だけです。"
    ),
    "# Write each text below its === line; lines starting with # are dropped. Save and close to record.": (
        "# それぞれの文章を === の行の下に書いてください。# で始まる行は除かれます。保存して閉じると記録します。"
    ),
    "the edited text has no '=== {key}: …' line; keep the === lines as they were (nothing was recorded)": (
        "編集した文章に「=== {key}: …」の行がありません。=== の行は元のまま残してください（何も記録していません）。"
    ),
    # --- views (edit): what log, target, new, narrate and comment print ---
    "value\x04none": "なし",
    "Deleted: {what} {year} = {value}  ({path})": "削除しました: {what} {year} = {value}（{path}）",
    "Already recorded (file unchanged): {what} {year} = {value}": (
        "記録済みです（ファイルは変更していません）: {what} {year} = {value}"
    ),
    "Logged: {what} {year} = {value}  ({path})": "記録しました: {what} {year} = {value}（{path}）",
    "Replaced: {what} {year}: {old} → {new}  ({path})": "更新しました: {what} {year}: {old} → {new}（{path}）",
    "Annotated: {what} {year} = {value}  ({path})": "注記を追加しました: {what} {year} = {value}（{path}）",
    "figure\x04note": "備考",
    "figure\x04source": "出典",
    "dropped the note not given again: {text}": "再指定のない備考を削除しました: {text}",
    "dropped the source not given again: {text}": "再指定のない出典を削除しました: {text}",
    "note {text!r}": "備考「{text}」",
    "source {text!r}": "出典「{text}」",
    "warning: {warning}": "警告: {warning}",
    "Nothing to change (file unchanged): {what}": "変更はありません（ファイルは変更していません）: {what}",
    "Revised: {what}  ({path})": "目標を変更しました: {what}（{path}）",
    "reason: {reason} ({date})": "理由: {reason}（{date}）",
    "field\x04milestones": "中間目標",
    "Created: {path}  ({id})": "作成しました: {path}（{id}）",
    "next: kpi check; kpi log {id} {indicator} <year> <value>": (
        "次に: kpi check で確かめてから、kpi log {id} {indicator} <年度> <値> で実績を記録してください"
    ),
    "{measure} {year} report": "{measure} {year}の実施状況",
    "Already recorded (file unchanged): {what}": "記録済みです（ファイルは変更していません）: {what}",
    "Recorded: {what}  ({path})": "記録しました: {what}（{path}）",
    "text\x04removed": "削除",
    "{measure} {year} #{number} ({by})": "{measure} {year} 意見{number}（{by}）",
    "Response already recorded (file unchanged): {what}": "対応は記録済みです（ファイルは変更していません）: {what}",
    "The same comment is already recorded (file unchanged): {what}": (
        "同じ意見が記録済みです（ファイルは変更していません）: {what}"
    ),
    "Comment added: {what}  ({path})": "意見を追加しました: {what}（{path}）",
    "Response removed: {what}  ({path})": "対応を削除しました: {what}（{path}）",
    "Response recorded: {what}  ({path})": "対応を記録しました: {what}（{path}）",
    "comment\x04(no answer yet)": "（未回答）",
    "Comment {number} ({by})": "意見{number}（{by}）",
    "Measures with no report (what was done) for {year}: {missing} of {expected}": (
        "{year}の実施状況（取組実績）が未提出の施策: {missing}件（{expected}施策中）"
    ),
    "{ministry}  {count} of {measures} measures": "{ministry}  未提出 {count}件（{measures}施策中）",
}
