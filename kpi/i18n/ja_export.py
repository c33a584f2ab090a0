"""The Japanese of the exports' messages (xlsx, csv, md, html, json, rs, db): kpi/i18n/ja.py's export section.

Its own module because the exports' texts (the Datasette metadata's descriptions of every table and column above
all) would take the catalog past the 400 lines a module may have; ``JA`` takes these entries whole (``**EXPORT``).
Same rules as ja.py: English id → 日本語, the same ``{fields}`` on both sides, every id used in the code.
"""

from __future__ import annotations

EXPORT: dict[str, str] = {
    "Ministry filter": "府省庁で絞込み",
    "Pillar filter": "柱で絞込み",
    "unknown (not in a git repository)": "不明（git の管理外）",
    "{commit} (with uncommitted changes)": "{commit}（コミットしていない変更あり）",
    "{method} (on_track >= {on_track}, behind >= {behind}, exceed_margin {margin})": (
        "{method}、on_track {on_track} 以上、behind {behind} 以上、exceed_margin {margin}"
    ),
    "export\x04Plan": "計画",
    "export\x04Edition": "版",
    "{year} edition": "{year}年版",
    "export\x04Evaluation year": "評価年度",
    "export\x04Method and thresholds": "評価方法・閾値",
    "export\x04Measures commit": "施策ファイルのコミット",
    "export\x04Generated": "作成日時",
    "export\x04Tool": "作成ツール",
    "comment\x04#": "番号",
    "comment\x04From": "意見の出所",
    "comment\x04Comment": "有識者会議等の意見",
    "comment\x04Response": "対応",
    "Comments and responses ({year})": "有識者会議等の意見と対応（{year}）",
    "FY/CY{year}": "{year}年（度）",
    "{year} figures": "{year}実績",
    "column\x04FY/CY": "年・年度",
    "Baseline calendar year": "基準年",
    "Baseline year (fiscal or calendar)": "基準年（度）",
    "Target calendar year": "目標年",
    "Target year (fiscal or calendar)": "目標年（度）",
    "Calendar year of the figure": "実績年",
    "Year of the figure (fiscal or calendar)": "実績年（度）",
    "basis\x04CY": "暦年",
    "basis\x04FY": "年度",
    "[listed again] {title}": "【再掲】{title}",
    "{grade} (incomplete)": "{grade}（一部未報告）",
    "baseline taken from the first actual": "基準値は最初の実績",
    "total since {year}": "{year}からの累計",
    "calendar\x04yearly target": "毎年の目標",
    "yearly target": "毎年度の目標",
    "milestone {value} ({year})": "中間目標 {value}（{year}）",
    "adopted target {target}": "当初目標 {target}",
    "notes\x04; ": "；",
    "grade\x04not assessable": "評価不能",
    "count\x04Measures": "施策数",
    "count\x04Indicators": "指標数",
    "count\x04Lagging": "遅れている指標",
    "count\x04Missing this year": "未報告（当年度）",
    "Year of the figure": "実績年度",
    "Target year": "目標年度",
    "Last reported": "最後の報告年度",
    "Last reported (calendar year)": "最後の報告年",
    "Last reported (fiscal or calendar year)": "最後の報告年（度）",
    "export\x04Total": "合計",
    "export\x04Pace": "ペース",
    "export\x04Latest": "最新実績",
    "export\x04Ministry": "府省庁",
    "export\x04By pillar": "柱別集計",
    "export\x04Pillar": "柱",
    "Of which listed again": "うち再掲（施策）",
    "export\x04By ministry": "府省庁別集計",
    "Lagging indicators": "遅れている指標",
    "Not reported for {year}": "未報告一覧（{year}）",
    "Baseline, latest, target (fiscal or calendar year)": "基準値・実績値・目標値（年・年度）",
    "Baseline, latest, target (calendar year)": "基準値・実績値・目標値（年）",
    "Baseline, latest, target (year)": "基準値・実績値・目標値（年度）",
    "{figure} ({year})": "{figure}（{year}）",
    "figure\x04Baseline": "基準",
    "figure\x04Latest": "実績",
    "figure\x04Target": "目標",
    "mark\x04yes": "●",
    "… (cut: {count} characters, more than a cell holds; the whole text is in the measure file)": (
        "…（{count}文字のため途中まで。全文は施策ファイルを参照）"
    ),
    "sheet\x04Data": "データ",
    "{plan} evaluation data {year}": "{plan} 評価データ {year}",
    "evaluation data {year}": "評価データ {year}",
    "{status} [{flags}]": "{status}［{flags}］",
    "sheet\x04Evaluation": "評価表",
    "list\x04None": "なし",
    "sheet\x04Provenance": "作成情報",
    "evaluation table": "評価表",
    "{plan} evaluation {year}": "{plan} 評価表 {year}",
    "provenance\x04Item": "項目",
    "provenance\x04Value": "内容",
    "{cell} ({column})": "{cell}（{column}）",
    "change it in {path}": "{path} で直す",
    "change the text": "その文字を直す",
    "{output}: cell {cell}: {char} (U+{code}) cannot be written in {encoding}; {fix}, or export with --encoding utf-8": (
        "{output}: セル {cell}にある {char}（U+{code}）は {encoding} で書けません。{fix}か、--encoding utf-8 "
        "で書き出してください。"
    ),
    "{output}: the text cannot be written in {encoding}; export with --encoding utf-8": (
        "{output}: この文字列は {encoding} で書けません。--encoding utf-8 で書き出してください。"
    ),
    "list\x04(none)": "（なし）",
    "Wrote {path} ({format}, {rows} measures, {size} bytes)": "{path} を書き出しました（{format}、{rows}施策、{size}バイト）。",
    "Wrote {path} ({format}, {rows} indicators, {size} bytes)": (
        "{path} を書き出しました（{format}、{rows}指標、{size}バイト）。"
    ),
    "{name}: cannot tell the format from the name; give --format, or end it in {choices}": (
        "{name}: ファイル名から形式が分かりません。--format を指定するか、名前の末尾を {choices} のいずれかにしてください。"
    ),
    "{name}: --format rs writes a .csv or an .xlsx file; rename the output": (
        "{name}: --format rs が書き出すのは .csv か .xlsx のファイルです。出力先の名前を変えてください。"
    ),
    "{name}: --format {format} would write {format} into a {suffix} file; drop --format (the name says {named})"
    " or name the file *.{format}": (
        "{name}: --format {format} では {suffix} のファイルに {format} を書き込むことになります。--format を外す（名前"
        "からは {named}）か、ファイル名を *.{format} にしてください。"
    ),
    "the {format} export": "{format} の書き出し",
    "--encoding {encoding} applies to csv and rs only; drop it for --format {format}": (
        "--encoding {encoding} は csv と rs にだけ使えます。--format {format} では外してください。"
    ),
    "--print applies to --format html only; drop it for --format {format}": (
        "--print は --format html にだけ使えます。--format {format} では外してください。"
    ),
    "--encoding {encoding} applies to text files; {name} is a workbook, drop --encoding": (
        "--encoding {encoding} はテキストファイルに使うものです。{name} はブックなので、--encoding を外してください。"
    ),
    "--table {table} applies to --format csv only; the {format} export holds every table": (
        "--table {table} は --format csv にだけ使えます。{format} の書き出しにはすべての表が入ります。"
    ),
    "{path}: is a folder; give a file name for --output, e.g. {example}": (
        "{path}: フォルダーです。--output にはファイル名を指定してください（例: {example}）。"
    ),
    "{path}: folder {folder} does not exist; create it first or choose another --output": (
        "{path}: フォルダー {folder} がありません。先に作成するか、別の --output を指定してください。"
    ),
    "{path}: cannot write the file ({reason}); choose another --output": (
        "{path}: ファイルを書き込めません（{reason}）。別の --output を指定してください。"
    ),
    "--layout followup is written as {formats}; choose one of them with --format": (
        "--layout followup で書き出せる形式は {formats} です。--format でいずれかを指定してください。"
    ),
    "Target value": "目標値",
    "Figure reported": "成果実績",
    "Achievement rate": "達成度",
    "calendar\x04every year": "毎年",
    "every year": "毎年度",
    "upward": "増加",
    "downward": "減少",
    "rs\x04Measure": "施策名",
    "rs\x04Indicator": "成果指標",
    "rs\x04Row": "項目",
    "sheet\x04RS outcomes": "RS成果指標",
    "outcome table (RS layout) {year}": "成果指標（行政事業レビュー様式） {year}",
    "html\x04Filter": "絞り込み",
    "measure, ministry, indicator…": "施策名・府省庁・指標…",
    "html\x04all": "すべて",
    "lagging only": "遅れのみ",
    "html\x04Shown": "表示",
    "Charts: dashed = planned path from baseline to target, ◇ = milestone, ○ = target, dotted vertical = "
    "deadline, grey vertical = evaluation year, dots and line = actuals (coloured by status)": (
        "推移の図: 破線＝基準値から目標への計画の道筋、◇＝中間目標、○＝目標、縦の点線＝期限、縦の灰線＝評価年度、"
        "点と実線＝実績（色は状況）"
    ),
    "list\x04None.": "なし",
    "{count} ind.": "{count}指標",
    "join\x04, ": "、",
    "html\x04Overview": "状況の概要",
    "html\x04By pillar": "柱別",
    "html\x04By ministry": "府省庁別",
    "reported\x04never": "報告なし",
    "Progress of the outcome indicators {year}": "成果指標の進捗状況　{year}",
    "html\x04Summary": "概要",
    "Follow-up table": "フォローアップ表",
    "{name}: actuals {figures}": "{name}: 実績 {figures}",
    "target {target}": "目標 {target}",
    "deadline {year}": "期限 {year}",
    "milestone {year}: {value}": "中間目標 {year}: {value}",
    "target {year}: {value}": "目標 {year}: {value}",
    "baseline {value}": "基準値 {value}",
    "followup\x04Ministries": "担当府省庁",
    "What was done [budget]": "取組実績【予算額】",
    "Indicator: latest figure [target], status": "指標：実績値【目標値】・状況",
    "followup\x04Grade": "評価（区分）",
    "{plan} follow-up {year}": "{plan} フォローアップ（{year}）",
    "・{name}: {figure}": "・{name}：{figure}",
    "(not submitted)": "（未提出）",
    "[Budget JPY {amount} million ({note})]": "【予算額 {amount}百万円（{note}）】",
    "[Budget JPY {amount} million]": "【予算額 {amount}百万円】",
    "sheet\x04Follow-up": "フォローアップ",
    "sheet\x04Comments": "意見と対応",
    "linear": "線形（linear）",
    "cagr (compound annual growth)": "年平均成長率（cagr）",
    "{year}-{month:02d}-{day:02d} {time} JST (+09:00)": "{year}年{month}月{day}日 {time}（JST、UTC+09:00）",
    "{line} [target {target}]": "{line}【目標 {target}】",
}
