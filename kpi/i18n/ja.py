"""The Japanese of every message: English message id → 日本語, as an officer writes it.

Keep each entry on its own lines and the ``{fields}`` of both sides the same (tests/test_messages.py checks
both, that every id is used in the code, and that every message of the code is here). Words follow
``../shared/reference/glossary.md`` and the plan's own vocabulary. One section per layer; add to your own.
"""

from __future__ import annotations

from kpi.i18n.ja_db import DATABASE
from kpi.i18n.ja_edit import EDIT
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
    "module 'kpi' has no attribute {name!r}": "モジュール kpi に属性 {name!r} はありません。",
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
    "yearly growth in the better direction: {rate}": "改善の方向への年平均の伸び: {rate}",
    "pace: {share} of the pace needed to reach the target": "進捗ペース: 目標達成に必要なペースの {share}",
    # --- edit: log, target, new, narrate, comment, collect, import ---
    **EDIT,  # kpi/i18n/ja_edit.py: log, target, new, narrate, comment and what they print
    # --- history: git, diff, the target policy ---
    "{count} measure added": "施策の追加 {count}件",
    "{count} measures added": "施策の追加 {count}件",
    "{count} measure removed": "施策の削除 {count}件",
    "{count} measures removed": "施策の削除 {count}件",
    "{count} measure retired": "施策の廃止 {count}件",
    "{count} measures retired": "施策の廃止 {count}件",
    "{count} measure renamed": "施策のファイル名の変更 {count}件",
    "{count} measures renamed": "施策のファイル名の変更 {count}件",
    "{count} indicator added": "指標の追加 {count}件",
    "{count} indicators added": "指標の追加 {count}件",
    "{count} indicator removed": "指標の削除 {count}件",
    "{count} indicators removed": "指標の削除 {count}件",
    "{count} figure added": "実績の追加 {count}件",
    "{count} figures added": "実績の追加 {count}件",
    "{count} figure changed": "実績の修正 {count}件",
    "{count} figures changed": "実績の修正 {count}件",
    "{count} figure removed": "実績の削除 {count}件",
    "{count} figures removed": "実績の削除 {count}件",
    "{count} target lowered": "目標の引下げ {count}件",
    "{count} targets lowered": "目標の引下げ {count}件",
    "{count} target raised": "目標の引上げ {count}件",
    "{count} targets raised": "目標の引上げ {count}件",
    "{count} other target change": "その他の目標の変更 {count}件",
    "{count} other target changes": "その他の目標の変更 {count}件",
    "{count} target change without a revisions entry": "revisions の記録がない目標の変更 {count}件",
    "{count} target changes without a revisions entry": "revisions の記録がない目標の変更 {count}件",
    "{count} other change": "その他の変更 {count}件",
    "{count} other changes": "その他の変更 {count}件",
    "{count} status changed": "状況の変化 {count}件",
    "{count} statuses changed": "状況の変化 {count}件",
    "{count} measure now lagging": "新たに遅れている施策 {count}件",
    "{count} measures now lagging": "新たに遅れている施策 {count}件",
    "{count} measure no longer lagging": "遅れを脱した施策 {count}件",
    "{count} measures no longer lagging": "遅れを脱した施策 {count}件",
    "{count} yearly report changed": "実施状況の報告の変更 {count}件",
    "{count} yearly reports changed": "実施状況の報告の変更 {count}件",
    "no changes": "変更はありません",
    "the working tree": "作業中のファイル",
    "commit {commit}": "コミット {commit}",
    "{where}: the tree holds the path {path!r}, which leaves the plan folder; "
    "kpi reads nothing from this commit — do not merge it, and ask its author to rewrite the branch": (
        "{where}: 計画のフォルダーの外を指すパス「{path}」が含まれています。"
        "kpi はこのコミットを読みません。マージせず、作成者にブランチの作り直しを依頼してください。"
    ),
    "git is not installed or not on PATH; install git to compare revisions": (
        "git が見つかりません（未インストールか PATH にありません）。版を比較するには git をインストールしてください。"
    ),
    "exit code {code}": "終了コード {code}",
    "git {command} failed in {folder}: {message}": "{folder} で git {command} が失敗しました: {message}",
    "{root}: not in a git repository; run kpi inside a clone of the plan repository (or git init)": (
        "{root}: git のリポジトリではありません。計画のリポジトリを複製したフォルダーで kpi を実行してください"
        "（または git init してください）。"
    ),
    "{root}: outside the repository at {top}": "{root}: リポジトリ {top} の外にあります。",
    "{rev!r} is not a commit; give a branch, tag or commit id (see git log --oneline)": (
        "「{rev}」はコミットではありません。ブランチ名、タグ、コミットIDを指定してください（git log --oneline で確認できます）。"
    ),
    "{rev!r} is not a commit in {top}; give a branch, tag or commit id (see git log --oneline)": (
        "「{rev}」は {top} のコミットではありません。ブランチ名、タグ、コミットIDを指定してください"
        "（git log --oneline で確認できます）。"
    ),
    "{top}: cannot tell the default branch (no origin/HEAD, main or master); give BASE explicitly, e.g. kpi diff main": (
        "{top}: 既定のブランチが分かりません（origin/HEAD、main、master のいずれもありません）。"
        "比較元（BASE）を指定してください。例: kpi diff main"
    ),
    "{one} and {other} have no common history; give BASE explicitly": (
        "{one} と {other} には共通の履歴がありません。比較元（BASE）を指定してください。"
    ),
    "{path}: not in commit {commit}; the plan did not exist there, give a later BASE": (
        "{path}: コミット {commit} にありません。この時点では計画がありません。もっと後の比較元（BASE）を指定してください。"
    ),
    "{path} at {commit} cannot be read ({error}); give another revision": (
        "コミット {commit} の {path} を読み込めません（{error}）。別の版を指定してください。"
    ),
    "{path} at {commit}: plan.measures {folder!r} leaves the plan folder; give another revision": (
        "コミット {commit} の {path}: plan.measures「{folder}」が計画のフォルダーの外を指しています。別の版を指定してください。"
    ),
    "commit {commit}: cannot lay out its measures folder ({error}); give another revision": (
        "コミット {commit}: 施策ファイルのフォルダーを展開できません（{error}）。別の版を指定してください。"
    ),
    "{field} changed since {label} ({old} → {new}) with no matching revisions entry; "
    'add [[indicators.revisions]] with date, field = "{field}", old = {old}, '
    'new = {new} and reason = "..."': (
        "{field} が {label} から変わっています（{old} → {new}）が、対応する revisions の記録がありません。"
        '[[indicators.revisions]] に date、field = "{field}"、old = {old}、new = {new}、reason = "..." を加えてください。'
    ),
    "the {field} revision of {date} at {label} was removed or edited; "
    "revisions are the record of past changes: restore it and add a new entry instead": (
        "{label} にあった {date} の {field} の revisions の記録が削除または修正されています。"
        "revisions は過去の変更の記録です。元に戻し、新しい記録を加えてください。"
    ),
    'indicator "{id}" was deleted since {label}; its target would leave the plan with '
    "no record: restore it and add [[indicators.revisions]] with date, "
    'field = "indicator", old = "active", new = "removed" and reason = "..."': (
        "指標「{id}」が {label} から削除されています。このままでは目標が記録なしに計画から消えます。"
        '指標を元に戻し、[[indicators.revisions]] に date、field = "indicator"、old = "active"、new = "removed"、'
        'reason = "..." を加えてください。'
    ),
    "the measure {id} was deleted since {label}; a measure leaves the plan by retired = <edition>: "
    "restore the file and add retired = {edition} (the first edition that no longer lists it)": (
        "施策 {id} のファイルが {label} から削除されています。施策は retired = <版> で計画から外します。"
        "ファイルを元に戻し、retired = {edition}（掲載しなくなる最初の版）を加えてください。"
    ),
    "{path}: no such file; give measure files of the plan (paths from the current folder)": (
        "{path}: ファイルがありません。計画の施策ファイルを指定してください（今いるフォルダーからのパス）。"
    ),
    "{path}: not in the plan folder {root}; give files under it or --dir that plan": (
        "{path}: 計画のフォルダー {root} の中にありません。その中のファイルを指定するか、--dir でその計画を指定してください。"
    ),
    "is behind (やや遅れ)": "がやや遅れ",
    "is far behind (遅れ)": "が遅れ",
    "is regressing (後退)": "が後退",
    "far exceeded its target (目標超過達成)": "が目標超過達成",
    "{why}, achievement {achievement}": "{why}（達成率 {achievement}）",
    'indicator "{id}" ({name}) {why} in {year} and the report gives no reasons; '
    'write them (課題・要因分析): kpi narrate {number} {fy} --issues "..."': (
        "指標「{id}」（{name}）{why}（{year}）ですが、実施状況の報告に理由がありません。"
        '課題・要因分析を書いてください: kpi narrate {number} {fy} --issues "..."'
    ),
    # --- views: labels, tables, show, diff text ---
    "status\x04no data": "未報告",
    "status\x04exceeded": "目標超過達成",
    "status\x04achieved": "目標達成",
    "status\x04pending": "評価保留",
    "status\x04on track": "順調",
    "status\x04behind": "やや遅れ",
    "status\x04far behind": "遅れ",
    "status\x04regressing": "後退",
    "status\x04done": "実施済",
    "status\x04in progress": "実施中",
    "status\x04not started": "未着手",
    "grade\x04exceeded": "目標超過達成",
    "grade\x04achieved": "目標達成",
    "grade\x04substantial progress": "相当程度進展あり",
    "grade\x04limited progress": "進展が大きくない",
    "grade\x04not moving toward target": "目標に向かっていない",
    "grade\x04qualitative": "定性",
    "flag\x04deadline passed, not met": "期限到来・未達成",
    "flag\x04old figure ({year})": "古い実績（{year}）",
    "direction\x04up": "上向き",
    "direction\x04down": "下向き",
    "kind\x04level": "水準",
    "kind\x04every year": "毎年度",
    "calendar kind\x04every year": "毎年",
    "kind\x04cumulative": "累計",
    "kind\x04trend": "増減",
    "kind\x04qualitative": "定性",
    "stage\x04Activity": "アクティビティ",
    "stage\x04Output": "アウトプット",
    "stage\x04Short-term outcome": "短期アウトカム",
    "stage\x04Mid-term outcome": "中期アウトカム",
    "stage\x04Long-term outcome": "長期アウトカム",
    "column\x04Measure": "施策",
    "column\x04Ministries": "府省庁",
    "column\x04Pillar": "柱",
    "column\x04Indicator": "指標",
    "column\x04Unit": "単位",
    "column\x04Baseline": "基準値",
    "column\x04Target (year)": "目標値（年度）",
    "column\x04Latest (year)": "実績値（年度）",
    "column, calendar years\x04Target (year)": "目標値（年・年度）",
    "column, calendar years\x04Latest (year)": "実績値（年・年度）",
    "column\x04Achievement": "達成率",
    "column\x04Progress": "進捗率",
    "column\x04Expected": "期待進捗",
    "column\x04Pace": "進捗ペース",
    "column\x04Score": "スコア",
    "column\x04Status": "状況",
    "column\x04Grade": "区分",
    "column\x04Kind": "種類",
    "column\x04Direction": "改善の方向",
    "column\x04Note": "備考",
    "column\x04Year": "年度",
    "column\x04Value": "値",
    "column\x04Source": "出典",
    "column\x04Editions": "掲載",
    "column\x04Target changes": "目標の変更",
    "column\x04Lagging": "遅れている指標",
    "column\x04Measures": "施策数",
    "column\x04Indicators": "指標数",
    "column\x04Indicator ID": "指標ID",
    "column\x04Baseline year": "基準年度",
    "column\x04Target": "目標値",
    "column\x04Deadline": "目標年度",
    "column\x04Latest actual": "最新実績",
    "column\x04Actual year": "実績年度",
    "column\x04Status code": "状況コード",
    "column\x04Grade (measure)": "区分（施策）",
    "column\x04Notes": "備考",
    "column\x04Listed again": "再掲",
    "column\x04Chart": "推移",
    "column\x04Primary": "主指標",
    "column\x04Flags": "注意",
    "column\x04Year basis": "年・年度",
    "column\x04What was done": "取組実績",
    "column\x04Issues and causes": "課題・要因分析",
    "column\x04Next steps": "今後の取組方針",
    "column\x04Budget (JPY million)": "予算額（百万円）",
    "column\x04Budget note": "予算額の注記",
    "column\x04Section": "担当課室",
    "column\x04Answered": "回答日",
    "column\x04Comments": "有識者会議等の意見",
    "column\x04Response": "対応",
    "column\x04Stage": "段階",
    "column\x04RS project id": "予算事業ID",
    "column\x04Explanation needed": "要因分析が必要",
    " (primary)": "（主指標）",
    "figure\x04{value} ({year})": "{value}（{year}）",
    "method\x04linear": "直線法",
    "method\x04growth rate (CAGR)": "年平均成長率法",
    "{plan} — {year} ({edition} edition, {method})": "{plan}　{year}の達成状況（{edition}年版、{method}）",
    " ({label})": "（{label}）",
    "aim\x04increase": "増加",
    "aim\x04decrease": "減少",
    " (adopted {adopted})": "（当初 {adopted}）",
    "{status} {count}": "{status} {count}件",
    "{total} indicators in {measures} measures: {counts}; lagging {lagging}": (
        "指標 {total}件（施策 {measures}件）: {counts}　遅れている指標 {lagging}件"
    ),
    "Indicators with no figure for {year}: {missing} of {expected}": (
        "{year}の実績が未報告の指標: {missing}指標（報告対象 {expected}指標中）"
    ),
    "Indicators with no figure for {year}: {missing} of {expected}; {compiling} being compiled": (
        "{year}の実績が未報告の指標: {missing}指標（報告対象 {expected}指標中、うち集計中 {compiling}指標）"
    ),
    "{ministry}  {count} of {indicators} indicators": "{ministry}  未報告 {count}指標（{indicators}指標中）",
    "reason\x04Being compiled": "集計中",
    "never reported": "実績の報告なし",
    "last {year}": "直近の実績: {year}",
    "missing\x04 ({when})": "（{when}）",
    "Lagging indicators  {year}": "遅れている指標　{year}",
    "{count} lagging indicators": "遅れている指標 {count}件",
    "{pace} = progress ÷ expected": "{pace} = 進捗率 ÷ 期待進捗",
    "pace {pace} (progress ÷ expected)": "進捗ペース {pace}（進捗率÷期待進捗）",
    "figure\x04pace —": "進捗ペース －",
    "figure\x04latest": "実績",
    "figure\x04target": "目標",
    "figure\x04achievement": "達成率",
    "figure\x04progress": "進捗率",
    "figure\x04expected": "期待進捗",
    "* baseline taken from the first figure": "* 基準値は最初の実績",
    "Grade (measure): {marks}": "区分（施策）: {marks}",
    "(primary) the measure's grade follows this indicator": "（主指標） 施策の区分はこの指標で判定",
    "† some indicators not reported": "† 一部未報告の指標あり",
    "{title} ({ministries})": "{title}（{ministries}）",
    "{edition}: No. {number} {heading}": "{edition}年版 No. {number}（{heading}）",
    "{heading}, also {also}": "{heading}、再掲 {also}",
    "not listed from the {edition} edition on": "{edition}年版から掲載なし",
    "source: {source}": "出典: {source}",
    " (incomplete)": "（一部未報告）",
    "Grade for {year}: {grade}": "区分（{year}）: {grade}",
    "removed from the plan ({reason})": "計画から外した指標（{reason}）",
    "milestone: {value}": "中間目標: {value}",
    "counts from: {year}": "集計の起点: {year}",
    "trend: {chart}  ({low}–{high})": "推移: {chart}（{low}～{high}）",
    "{date} {field} {old} → {new} ({reason})": "{date} {field} {old} → {new}（{reason}）",
    "counting: each figure is the running total so far (the latest is the total)": (
        "記入方法: 各年度の数値はそれまでの累計（最新の数値が合計）"
    ),
    "counting: each figure is that year's amount (kpi adds them up)": "記入方法: 各年度の数値はその年度の分（kpiが合計）",
    "total: {value} ({year})": "累計: {value}（{year}）",
    "change\x04added": "追加",
    "change\x04removed": "削除",
    "change\x04retired": "廃止",
    "change\x04renamed": "ファイル名の変更",
    "change\x04changed": "変更",
    "{change}, was {old_id}": "{change}、旧 {old_id}",
    "diff\x04yes": "はい",
    "diff\x04no": "いいえ",
    "{edition} edition": "{edition}年版",
    "diff\x04working tree": "作業中のファイル",
    "merge base with {branch}": "{branch} との分岐点",
    "diff\x04 (working tree)": "（作業中のファイル）",
    " (lowers ambition)": "（目標の引下げ）",
    " (**lowers ambition**)": "（**目標の引下げ**）",
    " (raises ambition)": "（目標の引上げ）",
    "; reason: {reason}": "、理由: {reason}",
    "; NO revisions entry": "、revisions の記録なし",
    "; **no revisions entry**": "、**revisions の記録なし**",
    "{year}: {figure} (new)": "{year}: {figure}（追加）",
    "{year}: {figure} removed": "{year}: {figure}（削除）",
    "status: {old} → {new}": "状況: {old} → {new}",
    "status: {new}": "状況: {new}",
    "{base} → {head}, judged for {year}": "{base} → {head}、{year}の達成状況で比較",
    "{base} → {head}, statuses judged for {year}.": "{base} → {head}、状況は{year}で判定しています。",
    "not compared: {path} does not load (run kpi check)": (
        "比較していません: {path} を読み込めません（kpi check で確認してください）"
    ),
    "> Not compared: `{path}` does not load (run `kpi check`).": (
        "> 比較していません: `{path}` を読み込めません（`kpi check` で確認してください）。"
    ),
    "> **Warning:** {count} target change(s) have no matching revisions entry; "
    "`kpi check --against` fails until each gets one (field, old, new, reason).": (
        "> **警告:** 目標の変更 {count}件に対応する revisions の記録がありません。"
        "それぞれに記録（field、old、new、reason）を加えるまで `kpi check --against` は失敗します。"
    ),
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
    # --- export: xlsx, csv, md, html, json, rs, db ---
    **EXPORT,  # kpi/i18n/ja_export.py
    **DATABASE,  # kpi/i18n/ja_db.py
}
