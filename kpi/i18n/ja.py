"""The Japanese of every message: English message id → 日本語, as an officer writes it.

Keep each entry on its own lines and the ``{fields}`` of both sides the same (tests/test_messages.py checks
both, that every id is used in the code, and that every message of the code is here). Words follow
``../shared/reference/glossary.md`` and the plan's own vocabulary. One section per layer; add to your own.
"""

from __future__ import annotations

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
    "grade\x04not assessable": "評価不能",
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
    "{status} [{flags}]": "{status}［{flags}］",
    "… (+{count} characters; see the file)": "…（ほか {count}文字。続きはファイルをご覧ください）",
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
}
