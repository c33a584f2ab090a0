"""The Japanese of git, diff and the target policy (kpi/history) and of every text view (kpi/views).

A part of the catalog ``kpi.i18n.ja`` (its rules are there).
"""

from __future__ import annotations

VIEWS: dict[str, str] = {
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
    "yearly growth in the better direction: {rate}": "改善の方向への年平均の伸び: {rate}",
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
}
