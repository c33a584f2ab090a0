"""The Japanese of ``kpi db``'s texts: its summary, its errors, and the Datasette metadata (the title, and the
description of every table, view and column). Part of kpi/i18n/ja.py's export section (``**DATABASE``), in its own
module so that no catalog module passes 400 lines. Same rules as ja.py.
"""

from __future__ import annotations

DATABASE: dict[str, str] = {
    "The ministries of the plan (kpi.toml [plan] ministries, then any other name a measure lists).": (
        "計画の府省庁（kpi.toml の [plan] ministries の順、続いて施策ファイルにだけある府省庁名）。"
    ),
    "One row per measure file (施策), retired ones included.": "施策ファイル一つにつき一行（掲載が終わった施策を含む）。",
    "Which ministries own which measure.": "どの府省庁がどの施策を担当しているか。",
    "Where each measure stands in each edition of the plan.": "各施策の計画の版ごとの掲載位置。",
    "Each measure's indicators with their current target; adopted_* are the values first adopted.": (
        "各施策の成果指標と現在の目標。adopted_* は当初採用された値。"
    ),
    "Figures reported per year: a number, or a qualitative status.": "年度ごとに報告された実績（数値、または定性指標の状況）。",
    "Recorded changes of targets, deadlines, baselines and milestones, with their reasons.": (
        "目標値・目標年度・基準値・中間目標の変更の記録と、その理由。"
    ),
    "Every indicator judged for the evaluation year (docs/assessment.md).": (
        "評価年度における各指標の評価（docs/assessment.md）。"
    ),
    "Each measure's yearly report (施策の実施状況): what was done, issues and causes, next steps, budget.": (
        "各施策の年度ごとの実施状況: 取組実績、課題・要因分析、今後の取組方針、予算額。"
    ),
    "Comments of the 有識者会議 and other bodies on the yearly reports, with the ministries' answers.": (
        "実施状況に対する有識者会議等の意見と、府省庁の対応。"
    ),
    "Row id": "行番号（ID）",
    "Ministry name as written in the plan": "府省庁名（計画の表記）",
    "Order in kpi.toml's list (null when the name is not listed there)": "kpi.toml の一覧での順番（一覧にない府省庁は null）",
    "Stable id: the edition and number where the measure first appeared, e.g. 2024-008": (
        "施策ID（初めて掲載された版と番号。例: 2024-008）"
    ),
    "Title (施策名)": "施策名",
    "Number in the current edition (null when not listed there)": "施策番号（現行版での番号。現行版に掲載がなければ null）",
    "Heading in the current edition: (1)② is 1-2": "柱（現行版での見出し。(1)② は 1-2 と記録）",
    "1 when listed in the current edition": "現行版に掲載（掲載されていれば 1）",
    "First edition that no longer lists the measure": "掲載終了（施策が載らなくなった最初の版）",
    "The lead ministry (first listed)": "主担当府省庁（最初に記載の府省庁）",
    "All ministries, lead first, joined with 、": "担当府省庁（主担当を先頭に「、」区切り）",
    "MIC grade 1–5 for the evaluation year (null: not assessable or qualitative only)": (
        "区分①〜⑤（評価年度。評価不能・定性のみは null）"
    ),
    "The grade in words": "区分（施策）の表記",
    "1 when some judged indicators had no data or were pending": "一部未報告（未報告・評価保留の指標があれば 1）",
    "The measure file, relative to the plan root": "施策ファイル（計画フォルダーからの相対パス）",
    "行政事業レビュー budget project ids (予算事業ID), comma separated": "予算事業ID（行政事業レビュー。カンマ区切り）",
    "The measure": "施策（measures.id）",
    "A ministry that owns it": "担当府省庁（ministries.id）",
    "0 for the lead ministry, then in the order listed": "順番（主担当が 0、以下記載順）",
    "Plan edition (year)": "計画の版（年）",
    "Number in that edition": "その版での施策番号",
    "Heading in that edition: (1)② is 1-2": "その版での柱（(1)② は 1-2 と記録）",
    "Headings where it is listed again (再掲), comma separated": "再掲先の柱（カンマ区切り）",
    "Indicator id, unique within the measure": "指標ID（施策の中で一意）",
    "Order within the measure file": "施策ファイル内での順番",
    "Indicator name (指標名)": "指標名",
    "level, every_year, cumulative, trend or qualitative": (
        "種類（level 水準、every_year 毎年度、cumulative 累計、trend 増減、qualitative 定性）"
    ),
    "up (上向き) or down (下向き); null for qualitative": "改善の方向（up 上向き／down 下向き。定性指標は null）",
    "Unit of the figures": "単位",
    "1 when the measure's grade is judged on it first": "主指標（施策の区分をこの指標で判定するなら 1）",
    "Current target value": "目標値（現在）",
    "Current target year": "目標年度（現在）",
    "Target as first adopted (the first revision's old value), else the current one": (
        "当初目標値（最初の変更前の値。変更がなければ現在の値）"
    ),
    "Target year as first adopted, else the current one": "当初目標年度（変更がなければ現在の値）",
    "Baseline value": "基準値",
    "Baseline year": "基準年度",
    "First year that counts (cumulative, every_year)": "集計の開始年度（累計・毎年度の指標）",
    "Interim targets as JSON [{year, value}]": "中間目標（JSON: [{year, value}]）",
    "Natural ceiling or floor (cagr method)": "上限または下限（cagr 方式で使用）",
    "fiscal (年度) or calendar (年)": "年・年度（fiscal 年度／calendar 暦年）",
    "cumulative: yearly (kpi sums) or running_total (each figure is the total so far)": (
        "累計の数え方（yearly: kpi が合計／running_total: 各実績がその時点の累計）"
    ),
    "Where the figures come from": "出典",
    "Logic-model stage: activity, output, short_outcome, mid_outcome or long_outcome": (
        "段階（activity アクティビティ、output アウトプット、short_outcome 短期アウトカム、mid_outcome 中期アウトカム、"
        "long_outcome 長期アウトカム）"
    ),
    "The indicator (indicators.id)": "指標（indicators.id）",
    "Fiscal (or calendar) year of the figure": "実績の年度（暦年の指標は年）",
    "The figure": "実績値",
    "Qualitative status: done, in_progress or not_started": (
        "定性指標の状況（done 実施済、in_progress 実施中、not_started 未着手）"
    ),
    "Note (e.g. 速報値)": "備考（例: 速報値）",
    "Source of this figure": "この実績の出典",
    "Date of the change (ISO)": "変更日（ISO 形式）",
    "target, deadline, baseline, baseline_year, milestones, direction, kind, unit, year_basis, counting or indicator": (
        "変更した項目（target, deadline, baseline, baseline_year, milestones, direction, kind, unit, year_basis, "
        "counting, indicator のいずれか）"
    ),
    "Value before, as JSON": "変更前の値（JSON）",
    "Value after, as JSON": "変更後の値（JSON）",
    "Why it changed": "変更の理由",
    "Evaluation year": "評価年度",
    "linear or cagr": "評価方法（linear 線形／cagr 年平均成長率）",
    "exceeded, achieved, on_track, behind, far_behind, regressing, pending, no_data, done, …": (
        "状況コード（exceeded 目標超過達成、achieved 目標達成、on_track 順調、behind やや遅れ、far_behind 遅れ、"
        "regressing 後退、pending 評価保留、no_data 未報告、done 実施済 …）"
    ),
    "The status in words": "状況",
    "1 for behind, far_behind and regressing": "遅れている指標（やや遅れ・遅れ・後退なら 1）",
    "1 when the deadline has come and the latest figure misses the target (期限到来・未達成)": (
        "期限到来・未達成（目標年度を過ぎ、最新の実績が目標に届いていなければ 1）"
    ),
    "1 when the status rests on a figure stale_after or more years old (古い実績)": (
        "古い実績（状況が stale_after 年以上前の実績によるものなら 1）"
    ),
    "The flags in words, beside the status": "注意（状況に添える表記）",
    "Latest figure at or before the year (cumulative: the running total)": (
        "最新実績（評価年度までの最新の実績。累計の指標はその時点の累計）"
    ),
    "Year of that figure": "実績年度",
    "Baseline used (inferred from the earliest figure when baseline_inferred)": (
        "評価に使った基準値（baseline_inferred なら最初の実績）"
    ),
    "Year of the baseline used": "評価に使った基準値の年度",
    "1 when the file gives no baseline": "基準値は最初の実績（ファイルに基準値がなければ 1）",
    "Target judged against": "評価に使った目標値",
    "達成率: a/T (up) or T/a (down)": "達成率（上向きは a/T、下向きは T/a）",
    "進捗率: share of the gap from baseline to target closed": "進捗率（基準値から目標値までの差のうち縮まった割合）",
    "Share of the straight path that time has covered": "期待進捗（経過年数から見た、直線の道筋で期待される割合）",
    "progress / expected (cagr: the growth ratio)": "ペース（進捗率 ÷ 期待進捗。cagr 方式では成長率の比）",
    "Open SDG score (cagr method)": "Open SDG のスコア（cagr 方式）",
    "Note of a qualitative status": "定性指標の状況の備考",
    "1 when lagging or far exceeded and the measure's report gives no issues text": (
        "要因分析が必要（遅れ・大幅な超過で、実施状況に課題・要因分析がなければ 1）"
    ),
    "Fiscal year reported on": "報告の対象年度",
    "取組実績: what was done in the year": "取組実績（その年度に実施したこと）",
    "課題・要因分析: why a figure lags or far exceeds its target": (
        "課題・要因分析（実績が遅れている、または目標を大きく超えている理由）"
    ),
    "今後の取組方針: what the ministry will do next": "今後の取組方針（府省庁が次に行うこと）",
    "予算額 in millions of yen (百万円)": "予算額（百万円）",
    "What the budget covers": "予算額の注記（予算額の範囲）",
    "The section that answered": "担当課室（回答した課室）",
    "When the ministry's answer arrived (ISO date)": "回答日（府省庁の回答が届いた日。ISO 形式）",
    "Fiscal year of the report commented on": "意見の対象となった実施状況の年度",
    "1, 2 … within the year's report, as `kpi comment MEASURE YEAR N` names it": (
        "番号（その年度の実施状況の中で 1, 2 …。`kpi comment MEASURE YEAR N` の N）"
    ),
    "Who commented (the file's from key), e.g. 有識者会議": "意見の出所（ファイルの from キー。例: 有識者会議）",
    "The comment": "有識者会議等の意見",
    "The ministry's answer (null until given)": "対応（府省庁の回答。回答までは null）",
    "1 when there is an answer": "回答済み（回答があれば 1）",
    "Indicators of current measures that are behind, far behind or regressing, worst first.": (
        "現行の施策の指標のうち、やや遅れ・遅れ・後退のもの（遅れの大きい順）。"
    ),
    "Indicators of current measures with no figure for {year} (after a deadline: only while no figure for "
    "the deadline or a later year is in), under each of their ministries.": (
        "現行の施策の指標のうち、{year}の実績が未報告のもの（目標年度を過ぎた指標は、目標年度以降の実績がない間だけ）"
        "。担当府省庁ごと。"
    ),
    "Indicators whose target, deadline, baseline or milestones were revised, with the reasons.": (
        "目標値・目標年度・基準値・中間目標が変更された指標と、その理由。"
    ),
    "Search measures and indicators": "施策・指標の検索",
    "Finds a word of any length, two characters included (孤独, 相談), in measure titles and indicator names; "
    "the search box of the measures and indicators tables needs three characters or more.": (
        "施策名と指標名から、2文字の語（孤独、相談）も含め、どの長さの語でも探します。measures 表と indicators "
        "表の検索欄は3文字以上が必要です。"
    ),
    "{plan} — KPI ({year})": "{plan} — 成果指標（{year}）",
    "The measures, indicators, targets and reported figures of {plan} ({edition} edition), judged for {year} "
    "with the {method} method.": (
        "{plan}（{edition}年版）の施策・成果指標・目標・報告された実績。{year}について{method}の方法で評価したもの。"
    ),
    "{plan}: measure files of the plan repository (kpi)": "{plan}: 計画リポジトリの施策ファイル（kpi）",
    "{path}: {measures} measures, {indicators} indicators, {figures} figures, {lagging} lagging and {missing} "
    "missing for {year}": (
        "{path}: 施策 {measures}件、指標 {indicators}件、実績 {figures}件を書き込みました。{year}の遅れている指標 "
        "{lagging}件、未報告 {missing}指標。"
    ),
    "metadata: {metadata}; serve with: datasette {path} -m {metadata}": (
        "メタデータ: {metadata}。公開するには: datasette {path} -m {metadata}"
    ),
    "{path}: cannot write the database ({reason}); free some space or give a writable path": (
        "{path}: データベースを書き込めません（{reason}）。空き容量を確保するか、書き込めるパスを指定してください。"
    ),
    "{path}: is a folder; give a database file name like kpi.db": (
        "{path}: フォルダーです。kpi.db のようなデータベースのファイル名を指定してください。"
    ),
    "{path}: folder {folder} does not exist; create it or give another path": (
        "{path}: フォルダー {folder} がありません。作成するか、別のパスを指定してください。"
    ),
    "{path}: exists and is not a SQLite database; not overwriting it: remove it or give another name": (
        "{path}: 既にあり、SQLite データベースではないため上書きしません。削除するか、別の名前を指定してください。"
    ),
}
