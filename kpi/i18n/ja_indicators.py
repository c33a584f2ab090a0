"""The Japanese of validating indicators: kinds, targets, baselines, milestones, figures, revisions (kpi/plan).

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

INDICATORS: dict[str, str] = {
    'no indicator; add an [[indicators]] table (kind = "qualitative" if the plan has no figure)': (
        '指標がありません。[[indicators]] の表を書き加えてください（計画に数値の目標がなければ kind = "qualitative"）。'
    ),
    "expected [[indicators]] tables; write the header with double brackets: [[indicators]]": (
        "[[indicators]] の表になっていません。見出しは二重の角括弧で [[indicators]] と書いてください。"
    ),
    '"{id}" is used twice in this measure; give each indicator its own id': (
        '"{id}" はこの施策で2回使われています。指標ごとに別の id を付けてください。'
    ),
    '{got} is not a valid indicator id; use a-z, 0-9 and "-", e.g. "access-count"': (
        '{got} は指標の id として使えません。a-z、0-9 と "-" で "access-count" のように書いてください。'
    ),
    "qualitative indicators have no direction; remove the key": (
        "定性的な指標（qualitative）には direction がありません。このキーを削除してください。"
    ),
    "only cumulative indicators have counting; remove it from this {kind} one": (
        "counting は累積の指標（cumulative）だけのキーです。この {kind} の指標から削除してください。"
    ),
    "expected true or false, got {got}; write primary = true": (
        "{got} は true でも false でもありません。primary = true のように書いてください。"
    ),
    " ({kind} indicators need the target's year)": "（{kind} の指標には目標年度が必要です）",
    " (the first year that counts toward the total)": "（start には合計に数える最初の年を書きます）",
    "only cumulative and every_year indicators have a start; remove it from this {kind} one": (
        "start は cumulative と every_year の指標だけのキーです。この {kind} の指標から削除してください。"
    ),
    "{deadline} is before baseline_year {baseline_year}; a target's year cannot precede its baseline: "
    "fix the deadline or the baseline_year": (
        "{deadline} は baseline_year {baseline_year} より前です。目標の年は基準値の年より前にはできません。"
        "deadline か baseline_year を直してください。"
    ),
    "{deadline} is before start {start}; fix the deadline or the start year": (
        "{deadline} は start {start} より前です。deadline か start の年を直してください。"
    ),
    'required key is missing; add {key} = "..." (one of {options})': (
        '必須のキーがありません。{key} = "..." を書き加えてください（{options} のどれか）。'
    ),
    'write direction = "{meant}"': 'direction = "{meant}" と書いてください。',
    'use "up" (上向き: higher is better) or "down" (下向き: lower is better)': (
        '"up"（上向き: 大きいほどよい）か "down"（下向き: 小さいほどよい）を使ってください。'
    ),
    'write stage = "{stage}"': 'stage = "{stage}" と書いてください。',
    "use one of {options}": "{options} のどれかを使ってください。",
    "unknown {key} {got}; {fix}": "{got} は {key} に使える値ではありません。{fix}",
    "required key is missing{hint}; add {key} = {fill}": "必須のキーがありません{hint}。{key} = {fill} を書き加えてください。",
    "<the threshold each year>": "<毎年度の目標値>",
    "<the figure to reach>": "<目標とする値>",
    " ({kind} indicators need one)": "（{kind} の指標には必要です）",
    'use kind = "level" with a deadline, or remove target': (
        'deadline を付けて kind = "level" にするか、target を削除してください。'
    ),
    "fix\x04remove it": "削除してください。",
    "{kind} indicators have no numeric target; {fix}": "{kind} の指標には数値の目標がありません。{fix}",
    "required key is missing (trend indicators compare with a baseline); add baseline = <the figure of baseline_year>": (
        "必須のキーがありません（trend の指標は基準値と比べます）。baseline = <baseline_year の年の値> を書き加えてください。"
    ),
    "is set but baseline is missing; add baseline = <the figure of that year>, or remove baseline_year": (
        "baseline_year は書かれていますが、baseline がありません。"
        "baseline = <その年の値> を書き加えるか、baseline_year を削除してください。"
    ),
    " (trend indicators compare with a baseline)": "（trend の指標は基準値と比べます）",
    "<the figure to compare with> and baseline_year = <its year>": "<比べる基準の値> と baseline_year = <その年>",
    "required key is missing (a baseline needs its year); add baseline_year = <year>, e.g. baseline_year = 2023": (
        "必須のキーがありません（基準値にはその年が必要です）。baseline_year = <年> を、"
        "たとえば baseline_year = 2023 のように書き加えてください。"
    ),
    "only level and cumulative indicators have milestones; remove them from this {kind} one": (
        "milestones は level と cumulative の指標だけのキーです。この {kind} の指標から削除してください。"
    ),
    "expected a list, got {got}; write milestones = [{example}]": (
        "{got} はリストではありません。milestones = [{example}] のように書いてください。"
    ),
    "required key is missing; add value = <the interim target>": (
        "必須のキーがありません。value = <中間目標の値> を書き加えてください。"
    ),
    "{year} comes after {previous}; list milestones by year, earliest first, each year once": (
        "{year} が {previous} の後にあります。milestones は年の早い順に、各年一つずつ並べてください。"
    ),
    "{year} is not before the deadline {deadline}; a milestone is an interim target: "
    "move it before the deadline, or make it the target": (
        "{year} は deadline {deadline} より前ではありません。milestones は途中の目標（中間目標）です。"
        "deadline より前に移すか、それを最終の目標にしてください。"
    ),
    "{year} is not after the {since}; a milestone lies between baseline and deadline": (
        "{year} は {since} より後ではありません。中間目標は基準値の年と目標年度の間に置きます。"
    ),
    "[indicators.actuals] with lines like 2024 = 120000": "2024 = 120000 のような行を並べた [indicators.actuals]",
    "{got} is not a year key; {fix}": "{got} は西暦4桁の年のキーになっていません。{fix}",
    "{key} is a key of the [[indicators]] table: move it above [indicators.actuals]": (
        "{key} は [[indicators]] の表のキーです。[indicators.actuals] より上に移してください。"
    ),
    "write {year} = ... instead": "代わりに {year} = ... と書いてください。",
    "each key is a year, like 2024 = 120000": "キーには 2024 = 120000 のように年を書きます。",
    "qualitative indicators take a status, not a value; {fix}": (
        "定性的な指標（qualitative）には value ではなく status を書きます。{fix}"
    ),
    "give this {kind} indicator a value = <number>": "この {kind} の指標には value = <数値> を書いてください。",
    "only qualitative indicators have a status; {fix}": "status は定性的な指標（qualitative）だけのキーです。{fix}",
    "required key is missing; add value = <the figure of {year}>": (
        "必須のキーがありません。value = <{year} の値> を書き加えてください。"
    ),
    "a year has a figure or a reason it is missing, not both; remove {key} or missing": (
        "一つの年に書けるのは、値か、値がない理由のどちらか一方です。{key} か missing を削除してください。"
    ),
    "required key is missing; {fix}": "必須のキーがありません。{fix}",
    "unknown status {got}; use done, in_progress or not_started (実施済, 実施中, 未着手)": (
        "{got} は status に使える値ではありません。"
        "done、in_progress、not_started（実施済、実施中、未着手）のどれかを使ってください。"
    ),
    "expected [[indicators.revisions]] tables (double brackets)": (
        "[[indicators.revisions]] の表（二重の角括弧）で書いてください。"
    ),
    "required key is missing; add the day of the change: date = 2025-06-01 (no quotes)": (
        "必須のキーがありません。変更した日を date = 2025-06-01 のように書き加えてください（引用符なし）。"
    ),
    "expected a date like 2025-06-01 (no quotes), got {got}": (
        "{got} は日付ではありません。2025-06-01 のように引用符なしで書いてください。"
    ),
    "{got} is not a revisable field; use one of {fields}": (
        "{got} は変更を記録できる項目ではありません。{fields} のどれかを使ってください。"
    ),
    "required key is missing; a revision records both old and new values: add {key} = ...": (
        "必須のキーがありません。変更の記録には old と new の両方が要ります。{key} = ... を書き加えてください。"
    ),
    '{target} is below the baseline {baseline} for direction "up"; check the direction, the target and the baseline': (
        '目標 {target} が基準値 {baseline} を下回っていますが、direction は "up" です。'
        "direction、target、baseline を確かめてください。"
    ),
    '{target} is above the baseline {baseline} for direction "down"; check the direction, the target and the baseline': (
        '目標 {target} が基準値 {baseline} を上回っていますが、direction は "down" です。'
        "direction、target、baseline を確かめてください。"
    ),
    "{given}: no {config} there; point --dir (or {env}) at the folder that holds {config}": (
        "{given}: {config} がありません。--dir（または {env}）には {config} のあるフォルダーを指定してください。"
    ),
    "no {config} in {here} or any folder above it; run kpi inside a plan folder, or pass --dir PATH (or set {env})": (
        "{here} にもその上のフォルダーにも {config} がありません。計画のフォルダーの中で kpi を実行するか、"
        "--dir PATH を指定してください（{env} を設定しても構いません）。"
    ),
    "cannot read the file": "ファイルを読めません。",
    "expected a table, got {got}; write it as a [{name}] header with keys below it": (
        "{got} は表ではありません。[{name}] の見出しを書き、その下にキーを書いてください。"
    ),
    "keys\x04known": "使えるキー",
    "move it below the [{home}] header": "[{home}] の見出しの下に移してください。",
    "keys go below [plan] or [assessment]": "キーは [plan] か [assessment] の下に書きます。",
    "unknown key outside any table, ignored; {where}": "どの表にも入っていない知らないキーなので無視しました。{where}",
    "key\x04did you mean [{name}]?": "[{name}] の誤りではありませんか？",
    "kpi.toml has [plan], [assessment] and [headings.<edition>]": (
        "kpi.toml に書ける表は [plan]、[assessment]、[headings.<edition>] です。"
    ),
    "unknown table, ignored; {fix}": "知らない表なので無視しました。{fix}",
    "expected a number, got {got}; write e.g. {key} = {default}": (
        "{got} は数字ではありません。{key} = {default} のように書いてください。"
    ),
    " ({value}% is {share:g})": "（{value}% は {share:g}）",
    "{value} is not a share between 0 and 1{percent}; write e.g. {key} = {default}": (
        "{value} は 0 から 1 までの割合ではありません{percent}。{key} = {default} のように書いてください。"
    ),
    "expected a whole number of years (1 or more), got {got}; write e.g. {key} = {default}": (
        "{got} は年数（1 以上の整数）ではありません。{key} = {default} のように書いてください。"
    ),
    'expected a table per edition, like [headings.2025] with "1-2" = "..."': (
        '版ごとの表にしてください。[headings.2025] の下に "1-2" = "..." のように書きます。'
    ),
    'expected "1-2" = "the heading\'s words", got {code} = {got}': (
        '{code} = {got} は見出しとして読めません。"1-2" = "見出しの文言" のように書いてください。'
    ),
    "expected a year, got {got}; write e.g. edition = {default}": (
        "{got} は年ではありません。edition = {default} のように書いてください。"
    ),
    'expected a folder name, got {got}; write measures = "measures"': (
        '{got} はフォルダー名ではありません。measures = "measures" のように書いてください。'
    ),
    '{got} is not a folder inside the plan; write a folder below the one of kpi.toml, e.g. measures = "measures"': (
        "{got} は計画の中のフォルダーではありません。kpi.toml のあるフォルダーの下のフォルダーを、"
        'measures = "measures" のように書いてください。'
    ),
    'expected a list of names, got {got}; write ministries = ["内閣府", "総務省"]': (
        '{got} は名前のリストではありません。ministries = ["内閣府", "総務省"] のように書いてください。'
    ),
    'unknown method {got}; write method = "linear" or method = "cagr"': (
        '{got} は method に使える値ではありません。method = "linear" か method = "cagr" と書いてください。'
    ),
    "{behind} is above on_track {on_track}; behind is the lower threshold: make it smaller than on_track": (
        "{behind} が on_track {on_track} を上回っています。behind は低い方のしきい値です。on_track より小さくしてください。"
    ),
    '[reports.2025] with done = "...", issues = "...", next = "...", budget = 130.5': (
        'done = "..."、issues = "..."、next = "..."、budget = 130.5 を書いた [reports.2025]'
    ),
    "expected the ids as text in quotes, got {got}; write rs_ids = [{fixed}]": (
        "{got} は引用符で囲んだ id ではありません。rs_ids = [{fixed}] のように書いてください。"
    ),
    "expected a list of ids in quotes, got {got}; write rs_ids = [{shown}]": (
        "{got} は引用符で囲んだ id のリストではありません。rs_ids = [{shown}] のように書いてください。"
    ),
    "name the table after the fiscal year it reports on, e.g. [reports.2025]": (
        "表の名前には報告する年度を使ってください（例: [reports.2025]）。"
    ),
    "{key} is not a year; {fix}": "{key} は西暦4桁の年度になっていません。{fix}",
    '[reports.{year}] with done = "..."': 'done = "..." を書いた [reports.{year}]',
    "expected a date like 2026-06-15 (no quotes), got {got}": (
        "{got} は日付ではありません。2026-06-15 のように引用符なしで書いてください。"
    ),
    "{got} is below zero; write the year's budget in 百万円, e.g. budget = 130.5": (
        "{got} は0より小さい値です。その年度の予算額を百万円単位で budget = 130.5 のように書いてください。"
    ),
    '[[reports.{year}.comments]] with from = "有識者会議" and text = "..."': (
        'from = "有識者会議" と text = "..." を書いた [[reports.{year}.comments]]'
    ),
    "expected {example} (double brackets)": "{example}（二重の角括弧）の形で書いてください。",
    "{kind} is not TOML data": "{kind} は TOML のデータではありません。",
    "toml\x04invalid value": "値の書き方が正しくありません",
    "toml\x04invalid statement": "行の書き方が正しくありません",
    "toml\x04expected newline or end of document after a statement": "一つの行に続けて別のものが書かれています",
    "toml\x04unterminated string": "引用符が閉じられていません",
    "toml\x04unclosed array": "リストが閉じられていません",
    "toml\x04unclosed inline table": "インラインテーブルが閉じられていません",
    "toml\x04cannot overwrite a value": "同じキーに二つ目の値を書こうとしています",
    "toml\x04invalid initial character for a key part": "キーの先頭に使えない文字があります",
    "toml\x04expected '=' after a key in a key/value pair": "キーの後に = がありません",
    "toml\x04invalid date or datetime": "日付・日時として読めません",
    "toml\x04illegal character {char}": "使えない文字 {char} があります",
    "toml\x04cannot declare {table} twice": "表 {table} が2回宣言されています",
}
