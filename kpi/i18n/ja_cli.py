"""The Japanese of the command line: help pages, option help, click's own words, what the commands print.

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

CLI: dict[str, str] = {
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
    "Track the measures of 孤独・孤立対策重点計画: targets, yearly figures and attainment.\n\n"
    "Each measure is a TOML file under measures/; the plan root holds kpi.toml. "
    "Start with `kpi report` (the attainment table) or `kpi check` (validate every file).": (
        "孤独・孤立対策重点計画の施策を追跡します: 目標、各年度の実績、達成状況。\n\n"
        "施策ごとに measures/ の下の TOML ファイルが一つあり、計画のフォルダーに kpi.toml があります。"
        "まず `kpi report`（達成状況の一覧）か `kpi check`（全ファイルの検証）をお試しください。"
    ),
    "Language of messages, help and labels: ja or en. Default: KPI_LANG, else the locale "
    "(LC_ALL, then LC_MESSAGES, then LANG; ja… is Japanese), else en.": (
        "メッセージ・ヘルプ・表示の言語（ja または en）。既定: 環境変数 KPI_LANG、なければロケール"
        "（LC_ALL、LC_MESSAGES、LANG の順。ja で始まれば日本語）、どれもなければ en。"
    ),
    "COMMAND [ARGS]...": "コマンド [引数]...",
    "[OPTIONS]": "[オプション]",
    "<str>": "<文字列>",
    "<int>": "<整数>",
    "<path>": "<パス>",
    "<list[str]>": "<文字列…>",
    "<list[Path]>": "<パス…>",
    "Aborted!": "中止しました。",
    "Try '{command} {option}' for help.": "使い方は '{command} {option}' で確認できます。",
    "No such option: {name} (Possible options: {options})": "{name} というオプションはありません（候補: {options}）。",
    "No such option: {name}": "{name} というオプションはありません。",
    "No such command {name}. Did you mean {matches}?": "{name} というコマンドはありません。{matches} のことですか。",
    "No such command {name}.": "{name} というコマンドはありません。",
    "Missing command.": "コマンドを指定してください。",
    "Missing argument {name}.": "引数 {name} を指定してください。",
    "Missing option {name}.": "オプション {name} を指定してください。",
    "Missing option {name}. Choose from:\n\t{choices}": "オプション {name} を指定してください。次から選べます:\n\t{choices}",
    "Invalid value for {name}: {message}": "{name} の値が正しくありません: {message}",
    "Invalid value: {message}": "値が正しくありません: {message}",
    "Value error, {value} is not one of {choices}.": "{value} は指定できません。{choices} のいずれかを指定してください。",
    "{value} is not one of {choices}.": "{value} は指定できません。{choices} のいずれかを指定してください。",
    "Input should be a valid integer, unable to parse string as an integer": "整数で指定してください。",
    "Option {name} requires an argument.": "オプション {name} には値が必要です。",
    "Option {name} does not take a value.": "オプション {name} は値をとりません。",
    "Got unexpected extra argument(s) ({arguments})": "余分な引数があります（{arguments}）。",
    # the shared options (kpi/cli/options.py)
    "Plan folder (holds kpi.toml). Default: KPI_DIR, else walk up from here.": (
        "計画のフォルダー（kpi.toml のあるフォルダー）。既定: 環境変数 KPI_DIR、なければ現在のフォルダーから上へ探します。"
    ),
    "Evaluation year: 2024, FY2024, R6, 令和6年度 … Default: the last complete FY.": (
        "評価する年度: 2024、FY2024、R6、令和6年度 など。既定: 終了した直近の年度。"
    ),
    "Assessment method. Default: [assessment] method in kpi.toml (linear).": (
        "評価の方法。既定: kpi.toml の [assessment] の method（linear）。"
    ),
    "Plan edition whose numbers and headings to use. Default: the current one.": (
        "施策番号と見出しに使う計画の版。既定: 現行の版。"
    ),
    "Only measures of this ministry (part of the name is enough).": "この府省庁の施策だけ（名前の一部で足ります）。",
    "Only measures under this heading: 1, or 1-2 for (1)②.": "この見出しの下の施策だけ: 1、または (1)② なら 1-2。",
    "Write to this file instead of the screen (csv: with a BOM, for Excel).": (
        "画面ではなくこのファイルに書き出します（csv は Excel 用に BOM 付き）。"
    ),
    "table for people; json, csv for tools.": "table は人が読む表、json・csv は他のツール向け。",
    "MEASURE": "施策",
    "Measure id (2024-008) or number in the current edition (8).": "施策 ID（2024-008）または現行の版の施策番号（8）。",
    "Target value.": "目標値。",
    "Target year: 2027, R9 …": "目標年度: 2027、R9 など。",
    "Baseline value.": "基準値。",
    "Year of the baseline.": "基準値の年度。",
    "INDICATOR": "指標",
    "Indicator id within the measure (see `kpi show MEASURE`).": "施策の中の指標 ID（`kpi show` で確認できます）。",
    "Stop at the first broken measure file (default: leave broken files out, list them, exit 1).": (
        "誤りのある施策ファイルがあれば、そこで止めます（既定: 誤りのあるファイルを除いて続け、"
        "最後に一覧を示して終了コード 1 で終わります）。"
    ),
    "Left out: {files} measure file(s) with errors (fix them, then run again; `kpi check` lists every problem):": (
        "誤りのある施策ファイル {files}件を除きました（直してからもう一度実行してください。"
        "`kpi check` ですべての問題を確認できます）:"
    ),
    "… (+{count} characters; see the file)": "…（ほか {count} 文字。ファイルをご覧ください）",
    "Wrote {path} ({size} bytes)": "{path} に書き出しました（{size} バイト）。",
    # kpi check
    "Validate kpi.toml and every measure file; list every problem.\n\n"
    "Example: kpi check --dir path/to/plan\n\n"
    "Prints one line per problem as path:line: key: message, warnings included, and exits 1 if any\n"
    "error was found (warnings alone exit 0). With --against main, a target, deadline, baseline or\n"
    "milestone that differs from main without a new [[indicators.revisions]] entry is an error.\n"
    "Without --against, each indicator that is lagging or far exceeded in the evaluation year\n"
    "(--year) while its measure's report has no issues text (課題・要因分析) is a warning.": (
        "kpi.toml と施策ファイルをすべて検証し、問題をすべて示します。\n\n"
        "例: kpi check --dir path/to/plan\n\n"
        "問題ごとに path:line: key: メッセージ の形で1行ずつ示し（警告を含みます）、エラーが一つでもあれば"
        "終了コード 1 で終わります（警告だけなら 0）。--against main を付けると、目標値・目標年度・基準値・"
        "中間目標が main と異なるのに [[indicators.revisions]] の記録が増えていないものをエラーにします。"
        "--against を付けないときは、評価年度（--year）に遅れている、または目標を大きく超えている指標について、"
        "その施策の報告に課題・要因分析がなければ警告します。"
    ),
    "PATHS": "ファイル",
    "Only report problems in these files (the whole plan is still loaded).": (
        "これらのファイルの問題だけを示します（計画全体は読み込みます）。"
    ),
    "text: one line per problem; json: a list.": "text は問題ごとに1行、json は一覧。",
    "REV": "リビジョン",
    "Also fail on targets changed since git revision REV with no revisions entry.": (
        "指定した git のリビジョン以降に、revisions の記録なしで目標が変わっていればエラーにします。"
    ),
    "{errors} error(s), {warnings} warning(s)": "エラー {errors}件、警告 {warnings}件",
    "All files are valid.": "すべてのファイルに問題はありません。",
    # kpi log, kpi target
    "Record one year's figure of an indicator.\n\n"
    "Example: kpi log 8 search-site-access R6 120,000 --note 速報値\n\n"
    "Checks the whole measure before writing, never overwrites a recorded year without --force,\n"
    "and prints the indicator's new assessment. Running it again changes nothing.": (
        "指標の1年度分の実績値を記録します。\n\n"
        "例: kpi log 8 search-site-access R6 120,000 --note 速報値\n\n"
        "書き込む前に施策全体を検証し、記録済みの年度は --force なしでは上書きしません。"
        "記録後、指標の新しい評価を表示します。同じコマンドをもう一度実行しても何も変わりません。"
    ),
    "[INDICATOR] YEAR VALUE": "[指標] 年度 値",
    "Indicator id (may be left out when the measure has one indicator), the year (2024, FY2024, R6, "
    "令和6年度 …) and the value: a number (1,234, １２３４, 12万, 約12万, 45.2% when the unit is %), or done / "
    "in_progress / not_started (実施済 / 実施中 / 未着手) for a qualitative indicator. With --delete, no value.": (
        "指標 ID（施策の指標が一つなら省略できます）、年度（2024、FY2024、R6、令和6年度 など）、値: "
        "数値（1,234、１２３４、12万、約12万、単位が % なら 45.2%）、定性的な指標なら done / in_progress / "
        "not_started（実施済 / 実施中 / 未着手）。--delete のときは値を書きません。"
    ),
    "Note kept with the figure (速報値, 推計 …).": "実績値に添える備考（速報値、推計 など）。",
    "Where the figure comes from.": "実績値の出典。",
    "Replace a figure already recorded for YEAR (a note or source not given is dropped).": (
        "その年度に記録済みの実績値を置き換えます（指定しなかった備考・出典は消えます）。"
    ),
    "Remove the entry for YEAR instead of recording one.": "記録する代わりに、その年度の記録を削除します。",
    "Revise a target, deadline or baseline, with a reason.\n\n"
    'Example: kpi target 8 search-site-access --target 140,000 --deadline R9 --reason "2025年改定で上方修正"\n\n'
    "Each changed field is recorded as an [[indicators.revisions]] entry (date, field, old, new,\n"
    "reason) in the same write. A change that would make the measure invalid is refused.": (
        "目標値・目標年度・基準値を、理由を添えて改定します。\n\n"
        '例: kpi target 8 search-site-access --target 140,000 --deadline R9 --reason "2025年改定で上方修正"\n\n'
        "変わった項目ごとに [[indicators.revisions]] の記録（日付、項目、旧、新、理由）を同じ書き込みで加えます。"
        "施策が正しくなくなる変更は受け付けません。"
    ),
    "Why the target changes (required; kept in the file).": "目標を変える理由（必須。ファイルに残ります）。",
    "Interim target YEAR=VALUE (repeatable); YEAR= removes one.": (
        "中間目標を 年度=値 で指定します（繰り返し指定できます）。年度= で削除します。"
    ),
    # kpi export, kpi db
    "Write the yearly evaluation table to a file.\n\n"
    "Example: kpi export --year R6 --output review-R6.xlsx\n\n"
    "The format follows the file name (.xlsx, .csv, .md, .html, .json) unless --format says it. A csv\n"
    "holds one table: the indicator rows, or with --table a summary, the lagging or missing list.\n\n"
    "One row per indicator grouped by pillar (baseline, target, recent actuals, 達成率, 進捗率, status,\n"
    "grade, lagging flag, notes), then counts by pillar and ministry, the lagging list and the missing\n"
    "list, the comments on the year's reports, and the provenance (edition, year, method, git\n"
    "commit, time). --layout followup: one row per measure as in the plans' follow-up tables\n"
    "(施策 | 担当府省庁 | 取組実績【予算額】 | 指標：実績値【目標値】 | 評価 | 課題・要因分析 | 今後の取組方針).": (
        "年度の評価表をファイルに書き出します。\n\n"
        "例: kpi export --year R6 --output review-R6.xlsx\n\n"
        "形式はファイル名（.xlsx、.csv、.md、.html、.json）で決まり、--format でも指定できます。"
        "csv は1ファイルに1表で、指標の行のほか、--table で集計表、遅れている指標の一覧、未報告の一覧を選べます。\n\n"
        "柱ごとに指標を1行ずつ（基準値、目標値、直近の実績値、達成率、進捗率、状況、区分、遅れの印、備考）、"
        "続いて柱別・府省庁別の集計、遅れている指標の一覧と未報告の一覧、年度の報告への有識者会議等の意見、"
        "作成情報（版、年度、評価方法、git のコミット、作成日時）を書き出します。--layout followup は"
        "計画のフォローアップ表と同じく施策ごとに1行です（施策 | 担当府省庁 | 取組実績【予算額】 | "
        "指標：実績値【目標値】 | 評価 | 課題・要因分析 | 今後の取組方針）。"
    ),
    "File to write (replaced whole; rs: a workbook for .xlsx).": (
        "書き出すファイル（全体を置き換えます。rs は .xlsx ならブック）。"
    ),
    "xlsx, csv, md, html, json, or rs (RS outcome table). Default: from -o's name.": (
        "xlsx、csv、md、html、json、rs（RS のアウトカム表）のいずれか。既定: -o のファイル名から決めます。"
    ),
    "csv: which table (one per file): evaluation, summary-by-pillar, …": (
        "csv のとき、どの表か（1ファイルに1表）: evaluation、summary-by-pillar など。"
    ),
    "html: a paper to print or save as PDF (cover, summary, follow-up table, lists).": (
        "html のとき、印刷や PDF 保存向けの資料にします（表紙、概要、フォローアップ表、一覧）。"
    ),
    "csv and rs: utf-8 (with BOM, for Excel) or cp932 (Shift_JIS).": (
        "csv と rs の文字コード: utf-8（Excel 用に BOM 付き）または cp932（Shift_JIS）。"
    ),
    "table: one row per indicator; followup: one row per measure (xlsx, md, html).": (
        "table は指標ごとに1行、followup は施策ごとに1行（xlsx、md、html）。"
    ),
    "Build a SQLite database of the plan, ready for Datasette.\n\n"
    "Example: kpi db kpi.db && datasette kpi.db -m kpi.metadata.json\n\n"
    "Tables measures, editions, indicators, actuals, revisions, assessments (for --year), ministries;\n"
    "views lagging, missing, targets_changed; full-text search on titles and indicator names. The\n"
    "Datasette metadata (PATH's name + .metadata.json) is written beside it.": (
        "計画を SQLite データベースにまとめます（Datasette でそのまま開けます）。\n\n"
        "例: kpi db kpi.db && datasette kpi.db -m kpi.metadata.json\n\n"
        "テーブルは measures、editions、indicators、actuals、revisions、assessments（--year の年度）、"
        "ministries、ビューは lagging、missing、targets_changed です。施策名と指標名は全文検索できます。"
        "Datasette 用のメタデータ（ファイル名 + .metadata.json）を同じフォルダーに書き出します。"
    ),
    "Writing": "書き出し中",
    "PATH": "ファイル",
    "SQLite file to write (replaced whole).": "書き出す SQLite ファイル（全体を置き換えます）。",
    # kpi diff
    "Compare the plan at two git revisions, measure by measure.\n\n"
    "Example: kpi diff main --format md\n\n"
    "Lists measures added, removed, renamed or retired; targets, deadlines, baselines and milestones\n"
    "changed (old → new, whether ambition is lowered, the revision's reason); figures added or\n"
    "changed; and status changes, with the counts first.": (
        "計画を2つの git リビジョンで比べ、施策ごとに違いを示します。\n\n"
        "例: kpi diff main --format md\n\n"
        "件数を先頭に、追加・削除・名称変更・廃止された施策、変わった目標値・目標年度・基準値・中間目標"
        "（旧 → 新、目標の引下げかどうか、改定の理由）、追加・変更された実績値、状況の変化を示します。"
    ),
    "BASE": "比較元",
    "Older revision. Default: the merge base with the default branch.": (
        "比較元（古い方）のリビジョン。既定: 既定のブランチとの分岐点（merge base）。"
    ),
    "HEAD": "比較先",
    "Newer revision. Default: the working tree.": "比較先（新しい方）のリビジョン。既定: 作業中のファイル（working tree）。",
    "text; md: a pull-request comment; json.": "text、md（プルリクエストのコメント用）、json のいずれか。",
    # kpi narrate, kpi comment
    "Record a measure's yearly report (words and budget).\n\n"
    'Example: kpi narrate 8 R6 --done "検索サイトを改修した" --budget 130.5\n\n'
    "Only the options given change; the file is checked whole and written atomically, and\n"
    "running the same command again changes nothing. Replaced text is shown old → new.": (
        "施策の年度の報告（取組実績などの記述と予算額）を記録します。\n\n"
        '例: kpi narrate 8 R6 --done "検索サイトを改修した" --budget 130.5\n\n'
        "指定したオプションの項目だけが変わります。ファイル全体を検証してから安全に書き込み、"
        "同じコマンドをもう一度実行しても何も変わりません。置き換えた記述は 旧 → 新 で表示します。"
    ),
    "YEAR": "年度",
    "Fiscal year of the report: 2024, FY2024, R6, 令和6年度 …": "報告の年度: 2024、FY2024、R6、令和6年度 など。",
    '取組実績: what was done in the year. "-" reads it from standard input; "" removes it.': (
        '取組実績: その年度に行ったこと。- を指定すると標準入力から読み込み、"" を指定すると削除します。'
    ),
    '課題・要因分析: why a figure lags or far exceeds its target. "-" reads it from standard input; "" removes it.': (
        "課題・要因分析: 実績値が遅れている、または目標を大きく超えている理由。"
        '- を指定すると標準入力から読み込み、"" を指定すると削除します。'
    ),
    '今後の取組方針: what the ministry will do next. "-" reads it from standard input; "" removes it.': (
        '今後の取組方針: 府省庁が次に行うこと。- を指定すると標準入力から読み込み、"" を指定すると削除します。'
    ),
    '予算額 in 百万円 (130.5, 1,234); "" removes it.': '予算額（百万円。130.5、1,234 など）。"" を指定すると削除します。',
    'What the budget covers (当初予算、補正含まず). "-" reads it from standard input; "" removes it.': (
        '予算額の範囲（当初予算、補正含まず など）。- を指定すると標準入力から読み込み、"" を指定すると削除します。'
    ),
    'The section that answered. "-" reads it from standard input; "" removes it.': (
        '回答した担当課室。- を指定すると標準入力から読み込み、"" を指定すると削除します。'
    ),
    "Edit the year's three texts in $EDITOR (VISUAL, EDITOR).": (
        "年度の3つの記述（取組実績、課題・要因分析、今後の取組方針）を $EDITOR（VISUAL、EDITOR）で編集します。"
    ),
    "nothing to record; give --done, --issues, --next, --budget, --budget-note, --contact or --edit": (
        "記録する内容がありません。--done、--issues、--next、--budget、--budget-note、--contact、--edit の"
        "いずれかを指定してください。"
    ),
    'only one option can read standard input ("-"); give the others as text': (
        "標準入力（-）から読み込めるオプションは一つだけです。ほかは文字列で指定してください。"
    ),
    "Not saved: nothing was recorded.": "保存されなかったため、何も記録していません。",
    "Add a comment on a yearly report, or answer one.\n\n"
    'Example: kpi comment 8 R6 --from 有識者会議 "周知を強化されたい"\n\n'
    'The answer to comment 1: kpi comment 8 R6 1 --response "SNS広告を開始する". Comments are\n'
    "numbered 1, 2 … per year as kpi show lists them; adding the same comment twice adds it once.": (
        "年度の報告に意見を加えるか、意見への対応を記録します。\n\n"
        '例: kpi comment 8 R6 --from 有識者会議 "周知を強化されたい"\n\n'
        '意見1への対応: kpi comment 8 R6 1 --response "SNS広告を開始する"。意見には年度ごとに kpi show の'
        "表示どおり 1、2 … と番号が付きます。同じ意見を2回加えても1件だけ記録します。"
    ),
    "TEXT|N": "本文|番号",
    'With --from: the comment ("-" reads standard input). With --response: the comment\'s number (see kpi show).': (
        "--from のときは意見の本文（- を指定すると標準入力から読み込みます）。"
        "--response のときは意見の番号（kpi show で確認できます）。"
    ),
    "Who commented: 有識者会議, 推進会議 …": "意見を述べた会議等: 有識者会議、推進会議 など。",
    'The ministry\'s answer to comment N ("-" reads standard input; "" removes it).': (
        '指定した番号の意見への府省庁の対応（- を指定すると標準入力から読み込み、"" を指定すると削除します）。'
    ),
    "give --from WHO TEXT to add a comment, or N --response TEXT to answer comment N": (
        "意見を加えるには --from 会議名 本文 を、意見への対応を記録するには 番号 --response 本文 を指定してください。"
    ),
    "'{value}' is not a comment number; give N as 1, 2 … (see `kpi show {measure}`)": (
        "「{value}」は意見の番号ではありません。1、2 … のように番号を指定してください（`kpi show {measure}` で確認できます）。"
    ),
    # kpi new
    "Create a new measure file that passes `kpi check`.\n\n"
    "Example: kpi new --title 新しい施策 --ministry 内閣府 --number 144 --pillar 1-2\n"
    "--indicator-id users --indicator-name 利用者数 --kind qualitative\n\n"
    "In a terminal it asks for every value not given as an option; otherwise all required values\n"
    "must be options. It never overwrites an existing measure.": (
        "`kpi check` を通る新しい施策ファイルを作ります。\n\n"
        "例: kpi new --title 新しい施策 --ministry 内閣府 --number 144 --pillar 1-2\n"
        "--indicator-id users --indicator-name 利用者数 --kind qualitative\n\n"
        "端末では、オプションで指定しなかった値を一つずつ尋ねます。端末でないときは、必須の値をすべて"
        "オプションで指定してください。既存の施策ファイルは上書きしません。"
    ),
    "Measure id. Default: <edition>-<number>, e.g. 2025-144.": "施策 ID。既定: <版>-<番号>（例: 2025-144）。",
    "Title as the plan writes it.": "計画に書かれているとおりの施策名。",
    "Ministry from kpi.toml (repeatable; lead first).": "kpi.toml にある担当府省庁（繰り返し指定できます。主担当を最初に）。",
    "Number in the current edition.": "現行の版の施策番号。",
    'Heading: (1)② is "1-2".': '見出し: (1)② なら "1-2"。',
    "Indicator id: a-z, 0-9, -.": "指標 ID: a-z、0-9、- で書きます。",
    "Indicator name as the plan writes it.": "計画に書かれているとおりの指標名。",
    "How figures are judged.": "実績値の評価の仕方。",
    "Which way is better.": "改善の方向（上向き／下向き）。",
    "Unit of the figures (人, 回, % …).": "実績値の単位（人、回、% など）。",
    "First year that counts (cumulative).": "数え始める年度（累計の指標）。",
    "Your answers: {command}": "入力した内容: {command}",
    "'{value}' is not a whole number; type it in digits, such as 144.": (
        "「{value}」は整数ではありません。144 のように数字で入力してください。"
    ),
    # kpi report, kpi show
    "Show attainment of every measure for a fiscal year.\n\n"
    "Example: kpi report --year R6 --ministry 厚生労働省\n\n"
    "One row per indicator: baseline, target, latest figure, 達成率 (achievement), 進捗率 (gap\n"
    "closed), status and the measure's MIC grade (①–⑤), then counts by status.": (
        "年度の全施策の達成状況を表示します。\n\n"
        "例: kpi report --year R6 --ministry 厚生労働省\n\n"
        "指標ごとに1行: 基準値、目標値、直近の実績値、達成率、進捗率（基準値から目標値までのうち進んだ割合）、"
        "状況、施策の区分（①〜⑤、総務省の目標管理型の政策評価による）。最後に状況ごとの件数を示します。"
    ),
    "Only lagging indicators (やや遅れ, 遅れ, 後退).": "遅れている指標（やや遅れ、遅れ、後退）だけ。",
    "table for people; json, csv, md for tools.": "table は人が読む表、json・csv・md は他のツール向け。",
    "Show one measure: figures, status, revisions.\n\nExample: kpi show 8": (
        "一つの施策の実績値・状況・改定履歴を表示します。\n\n例: kpi show 8"
    ),
    "text for people; json for tools.": "text は人が読む形、json は他のツール向け。",
    # kpi missing, kpi lagging
    "List indicators with no figure, and measures with no report, for a year.\n\n"
    "Example: kpi missing --year R6 --ministry 厚生労働省\n\n"
    "A measure of two ministries is listed under both; the counts say how many of each ministry's\n"
    "indicators lack a figure. Indicators whose start or baseline year is later are not expected.\n"
    "The second list: measures whose yearly report has no 取組実績 (kpi narrate … --done).": (
        "年度の実績値が未報告の指標と、報告のない施策を一覧にします。\n\n"
        "例: kpi missing --year R6 --ministry 厚生労働省\n\n"
        "2つの府省庁の施策は両方に載ります。件数は府省庁ごとの未報告の指標の数です。開始年度や基準年度が"
        "その年度より後の指標は対象外です。2つ目の一覧は、年度の報告に取組実績（kpi narrate … --done）の"
        "ない施策です。"
    ),
    "{year} has not begun; give --year {current} or earlier": (
        "{year}はまだ始まっていません。--year には {current} 以前を指定してください。"
    ),
    "List the lagging indicators, worst first, with their pace.\n\n"
    "Example: kpi lagging --year R6\n\n"
    "Lagging is やや遅れ, 遅れ or 後退; 後退 comes first, then the slowest pace (進捗率 ÷ expected share).": (
        "遅れている指標を、遅れの大きい順にペースとともに一覧にします。\n\n"
        "例: kpi lagging --year R6\n\n"
        "遅れている指標とは、状況がやや遅れ・遅れ・後退のものです。後退を先に、続いてペース"
        "（進捗率 ÷ 期待進捗）の遅い順に並べます。"
    ),
}
