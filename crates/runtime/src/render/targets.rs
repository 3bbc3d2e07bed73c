//! The targets view: the quantitative targets of the matching provisions as a sortable
//! table (each row citing its source sentence, linked to its provision), the chart of
//! the provinces' headline growth targets, and the table's exports.
//!
//! The app keeps the sort (not part of the URL) and handles the buttons by their
//! `data-action`: `sort` (with `data-key`), `export-csv`, `export-json`, `clear-filters`.

use super::{href_at, testid, Html, Page};
use crate::export::{citation_in, figure, table_csv, table_json, target_value, Style};
use crate::labels::{self, tr};
use crate::model::{Sentence, Target, TargetKind};
use crate::search::Corpus;
use crate::translation::Translation;
use crate::url::{Lang, State, View};
use std::cmp::Ordering;

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Province,
    Indicator,
    Value,
    Unit,
    Year,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [SortKey::Province, SortKey::Indicator, SortKey::Value, SortKey::Unit, SortKey::Year];

    /// The key's name in `data-key` (and in the sort button's test id, `sort-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Province => "province",
            SortKey::Indicator => "indicator",
            SortKey::Value => "value",
            SortKey::Unit => "unit",
            SortKey::Year => "year",
        }
    }

    pub fn from_code(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// The table's order: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort { key: SortKey::Province, ascending: true }
    }
}

impl Sort {
    /// After a click on `key`'s header: the same column turns round, another one starts
    /// ascending.
    pub fn toggle(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort { key, ascending: !self.ascending }
        } else {
            Sort { key, ascending: true }
        }
    }
}

/// The province of a target (its provision's).
fn province_of<'a>(corpus: &'a Corpus, t: &Target) -> &'a str {
    corpus.index_of(&t.provision).map_or("", |i| corpus.provision(i).province.as_str())
}

/// The comparison of targets `a` and `b` (indices into the bundle's targets) in `sort`'s
/// order: a total order, ties broken by position, so an unstable sort is exact.
pub fn compare(corpus: &Corpus, sort: Sort, a: usize, b: usize) -> Ordering {
    let (ta, tb) = (&corpus.bundle.targets[a], &corpus.bundle.targets[b]);
    let order = match sort.key {
        SortKey::Province => province_of(corpus, ta).cmp(province_of(corpus, tb)),
        SortKey::Indicator => ta.indicator.cmp(&tb.indicator),
        SortKey::Value => ta.value.total_cmp(&tb.value),
        SortKey::Unit => ta.unit.cmp(&tb.unit),
        SortKey::Year => ta.year.cmp(&tb.year),
    }
    .then(a.cmp(&b));
    if sort.ascending {
        order
    } else {
        order.reverse()
    }
}

/// The indices of the targets of the matching provisions (`results`, in corpus order),
/// in `sort`'s order.
pub fn rows(corpus: &Corpus, results: &[usize], sort: Sort) -> Vec<usize> {
    let targets = &corpus.bundle.targets;
    let mut rows: Vec<usize> =
        (0..targets.len()).filter(|&i| corpus.index_of(&targets[i].provision).is_some_and(|p| results.binary_search(&p).is_ok())).collect();
    crate::sort_indices(&mut rows, &|a, b| compare(corpus, sort, a, b));
    rows
}

/// The whole view: heading, chart, count, exports, and the table or, when no target
/// matches, the empty state with its way out.
pub fn view(page: &Page, rows: &[usize], sort: Sort) -> String {
    let mut h = Html::new();
    h.element("h2", &[], page.tr("量化目标", "Quantitative targets"));
    chart(&mut h, page);
    let count = match page.lang() {
        Lang::Zh => format!("共 {} 项量化目标", rows.len()),
        Lang::En => format!("{} quantitative targets", rows.len()),
    };
    h.element("p", &[("class", "result-count"), (testid(page), "target-count")], &count);
    h.raw("<div class=\"toolbar\">");
    for (id, zh, en) in [("export-csv", "导出 CSV", "Export CSV"), ("export-json", "导出 JSON", "Export JSON")] {
        h.element("button", &[("class", "action"), ("type", "button"), (testid(page), id), ("data-action", id)], page.tr(zh, en));
    }
    h.raw("</div>");
    if rows.is_empty() {
        h.open("div", &[("class", "empty"), (testid(page), "targets-empty")]);
        h.element(
            "p",
            &[],
            page.tr(
                "当前筛选条件下的条文中没有量化目标（目标多在“发展目标”部分，常标为“目标规划”工具）。",
                "No quantitative target in the provisions matching these filters (targets mostly sit in the “goals” sections, tagged with the “Goals and targets” tool).",
            ),
        );
        h.element(
            "button",
            &[("class", "action primary"), ("type", "button"), (testid(page), "targets-empty-clear"), ("data-action", "clear-filters")],
            page.tr("清除全部筛选", "Clear all filters"),
        );
        h.close("div");
    } else {
        table(&mut h, page, rows, sort);
    }
    h.finish()
}

/// The table: sortable headers, then a row per target.
fn table(h: &mut Html, page: &Page, rows: &[usize], sort: Sort) {
    h.open("div", &[("class", "table-scroll")]).open("table", &[("class", "targets-table"), (testid(page), "targets-table")]);
    h.raw("<thead><tr>");
    let headers = [("省份", "Province"), ("指标", "Indicator"), ("数值", "Value"), ("单位", "Unit"), ("年份", "Year")];
    for (key, (zh, en)) in SortKey::ALL.into_iter().zip(headers) {
        let (aria, arrow) = match (sort.key == key, sort.ascending) {
            (false, _) => ("none", ""),
            (true, true) => ("ascending", " ▲"),
            (true, false) => ("descending", " ▼"),
        };
        let id = format!("sort-{}", key.code());
        h.open("th", &[("scope", "col"), ("aria-sort", aria)]);
        h.open("button", &[("class", "sort"), ("type", "button"), (testid(page), &id), ("data-action", "sort"), ("data-key", key.code())]);
        h.text(page.tr(zh, en)).element("span", &[("aria-hidden", "true")], arrow).close("button").close("th");
    }
    h.element("th", &[("scope", "col")], page.tr("原文（出处）", "Source sentence"));
    h.raw("</tr></thead><tbody>");
    for &index in rows {
        row(h, page, index);
    }
    h.raw("</tbody></table></div>");
}

/// The key of a target's English indicator: its provision's id and its number within it
/// (`hunan-hts-2-1/t2`).
pub fn translation_key(corpus: &Corpus, index: usize) -> String {
    let targets = &corpus.bundle.targets;
    let provision = &targets[index].provision;
    let n = targets[..index].iter().filter(|t| t.provision == *provision).count() + 1;
    format!("{provision}/t{n}")
}

/// One target: province, indicator (in English with the Chinese beneath when there is
/// a translation), value with its bound, unit, year, and the sentence that states it,
/// linked to its provision in the results.
fn row(h: &mut Html, page: &Page, index: usize) {
    let (corpus, lang) = (page.corpus, page.lang());
    let t = &corpus.bundle.targets[index];
    let province = province_of(corpus, t);
    h.open("tr", &[(testid(page), "target"), ("class", "target-row"), ("data-province", province), ("data-provision", &t.provision)]);
    h.element("td", &[], &labels::province(lang, province));
    h.open("td", &[(testid(page), "target-indicator")]);
    match page.en.and_then(|en| en.get(&translation_key(corpus, index))) {
        Some(en) => {
            h.element("span", &[("lang", "en")], en).element("span", &[("class", "target-heading"), ("lang", "zh-CN")], &t.indicator);
        }
        None => {
            h.element("span", &[("lang", "zh-CN")], &t.indicator);
        }
    }
    if t.kind == TargetKind::Programme {
        h.element(
            "span",
            &[("class", "target-kind"), (testid(page), "target-programme")],
            page.tr("规划数量（非结果目标）", "plan's list size (not a result)"),
        );
    }
    h.close("td");
    h.element("td", &[("class", "num"), (testid(page), "target-value")], &target_value(t, lang));
    unit(h, page, &t.unit);
    let year = t.year.map_or_else(|| page.tr("未注明", "not stated").to_string(), |y| y.to_string());
    h.element("td", &[("class", "num")], &year);
    // The sentence that states the target, shown in full and linked to its provision.
    let at = corpus.index_of(&t.provision);
    let provision = at.map(|i| corpus.provision(i));
    let source = source_sentence(corpus, t);
    let sentence = source.map_or(t.text.as_str(), |s| s.text.as_str());
    let sentence_en = page.en.zip(source).and_then(|(en, s)| en.get(&s.id));
    // Its heading, in English where the edition has it.
    let heading_en = page.en.zip(at).and_then(|(en, i)| corpus.path_en(i, en)).and_then(|path| path.last().copied());
    let (heading, heading_lang) = match (provision.and_then(|p| p.path.last()), heading_en) {
        (None, _) => (page.tr("序言", "Preamble"), if lang == Lang::En { "en" } else { "zh-CN" }),
        (Some(_), Some(en)) => (en, "en"),
        (Some(zh), None) => (zh.as_str(), "zh-CN"),
    };
    let href = href_at(&page.state.at_view(View::Provisions), &t.provision);
    let nav = if page.prerender { "" } else { "data-nav" };
    h.open("td", &[("class", "target-source")]);
    // In English the sentence's translation is the link, the original beneath it.
    let (shown, shown_lang) = sentence_en.map_or((sentence, "zh-CN"), |en| (en, "en"));
    h.element("a", &[("href", &href), (nav, ""), ("data-provision", &t.provision), (testid(page), "target-source"), ("lang", shown_lang)], shown);
    if sentence_en.is_some() {
        h.element("span", &[("class", "target-heading"), ("lang", "zh-CN")], sentence);
    }
    h.element("span", &[("class", "target-heading"), ("lang", heading_lang)], heading);
    h.raw("</td></tr>");
}

/// A target's unit: in English, its English (`data/taxonomy.json`) with the Chinese
/// beneath; a unit the list lacks stays Chinese, marked so.
fn unit(h: &mut Html, page: &Page, unit: &str) {
    h.open("td", &[(testid(page), "target-unit")]);
    match (page.lang(), crate::taxonomy::taxonomy().unit_en(unit)) {
        (Lang::En, Some(en)) => {
            h.element("span", &[("lang", "en")], en).element("span", &[("class", "target-heading"), ("lang", "zh-CN")], unit);
        }
        (Lang::En, None) if !unit.is_ascii() => {
            h.element("span", &[("lang", "zh-CN")], unit);
        }
        _ => {
            h.text(unit);
        }
    }
    h.close("td");
}

/// Each province's headline growth target (the first growth rate it states), for the
/// provinces the filters select (all when none is selected), in the bundle's order.
pub fn growth_bars<'a>(corpus: &'a Corpus, state: &State) -> Vec<(&'a str, &'a Target)> {
    let mut bars: Vec<(&str, &Target)> = Vec::new();
    for t in corpus.bundle.targets.iter().filter(|t| t.kind == TargetKind::Growth) {
        let p = province_of(corpus, t);
        if !bars.iter().any(|(q, _)| *q == p) && (state.provinces.is_empty() || state.provinces.iter().any(|s| s == p)) {
            bars.push((p, t));
        }
    }
    bars
}

/// Bars for the headline growth targets, in whole-pixel geometry (integers only, see
/// [`figure`]).
fn chart(h: &mut Html, page: &Page) {
    let bars = growth_bars(page.corpus, page.state);
    let max = bars.iter().map(|(_, t)| t.value).fold(1.0, f64::max);
    let (bar_h, gap, label_w, chart_w) = (26i32, 10i32, 90i32, 300i32);
    // Each bar's value as the source bounds it (`≥ 20%` for 20%以上), in a sentence for
    // screen readers, which read the chart as one image.
    let values: Vec<String> =
        bars.iter().map(|(p, t)| format!("{}{}{}%", labels::province(page.lang(), p), page.tr("：", ": "), target_value(t, page.lang()))).collect();
    let height = bars.len() as i32 * (bar_h + gap) + gap;
    h.raw("<figure class=\"chart\">");
    h.element(
        "figcaption",
        &[("id", "growth-chart-title")],
        page.tr(
            "各省高技术服务业营业收入年均增长目标（“十二五”期间，%）",
            "Headline target: annual growth of high-tech service revenue, 12th Five-Year Plan (%)",
        ),
    );
    h.element("p", &[("id", "growth-chart-values"), ("class", "visually-hidden")], &values.join(page.tr("；", "; ")));
    // The chart follows the province filter only: under others it still shows every
    // province's headline target, and says so beside a table they narrowed.
    let s = page.state;
    if !s.domains.is_empty() || !s.tools.is_empty() || !s.q.trim().is_empty() {
        let note = page.tr(
            "图为各省总体增长目标，不随服务领域、政策工具与检索词筛选。",
            "The chart shows each province's overall growth target: the domain, tool and search filters do not narrow it.",
        );
        h.element("p", &[("class", "hint"), (testid(page), "chart-scope")], note);
    }
    let view_box = format!("0 0 {} {height}", label_w + chart_w + 80);
    h.open(
        "svg",
        &[
            ("role", "img"),
            ("aria-labelledby", "growth-chart-title"),
            ("aria-describedby", "growth-chart-values"),
            ("viewBox", &view_box),
            ("width", "100%"),
            ("preserveAspectRatio", "xMinYMin meet"),
        ],
    );
    for (i, (p, t)) in bars.iter().enumerate() {
        let y = gap + i as i32 * (bar_h + gap);
        let w = (f64::from(chart_w) * t.value / max).round() as i32;
        let text_y = y + bar_h * 7 / 10;
        let value = figure(t.value);
        let n = |n: i32| n.to_string();
        h.open("g", &[(testid(page), "growth-bar"), ("data-province", p), ("data-value", &value)]);
        let label = labels::province(page.lang(), p);
        h.element("text", &[("x", &n(label_w - 8)), ("y", &n(text_y)), ("text-anchor", "end"), ("class", "bar-label")], &label);
        h.element("rect", &[("x", &n(label_w)), ("y", &n(y)), ("width", &n(w)), ("height", &n(bar_h)), ("class", "bar")], "");
        h.element("text", &[("x", &n(label_w + w + 6)), ("y", &n(text_y)), ("class", "bar-value")], &format!("{}%", target_value(t, page.lang())));
        h.close("g");
    }
    h.raw("</svg></figure>");
}

/// The sentence of its provision that states target `t` (its text as the bundle keeps it
/// when no sentence holds it whole).
fn source_sentence<'a>(corpus: &'a Corpus, t: &Target) -> Option<&'a Sentence> {
    let i = corpus.index_of(&t.provision)?;
    corpus.provision(i).sentences.iter().find(|s| s.text.contains(&t.text))
}

/// The targets shown (`rows`), as a download: a CSV with labels in `lang`, or JSON with
/// codes; each row links to its provision (`base` with `#id`) and cites it.
///
/// In English with the English edition `en` the citation is [`citation_in`]'s (the
/// English outline path), and three fields follow the Chinese originals: the indicator's
/// and the source sentence's unofficial translation, and the unit's English
/// (`data/taxonomy.json`); each empty (CSV) or `null` (JSON) where there is none.
pub fn export(corpus: &Corpus, rows: &[usize], lang: Lang, base: &str, en: Option<&Translation>, json: bool) -> String {
    let en = crate::export::english(lang, en);
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|&k| {
            let t = &corpus.bundle.targets[k];
            let i = corpus.index_of(&t.provision);
            let province = province_of(corpus, t);
            let link = crate::url::cite_link(base, lang, &t.provision);
            // In English the quote is the source sentence's translation where there is one.
            let sentence_en = en.zip(source_sentence(corpus, t)).and_then(|(en, s)| en.get(&s.id));
            let quote = sentence_en.unwrap_or(&t.text);
            let cite = i.map(|i| citation_in(corpus, i, Style::GbT7714, lang, &link, Some(quote), en)).unwrap_or_default();
            let year = t.year.map(|y| y.to_string()).unwrap_or_default();
            let mut row = if json {
                let max = t.value_max.map(figure).unwrap_or_default();
                let qualifier = t.qualifier.clone().unwrap_or_default();
                vec![
                    province.to_string(),
                    t.indicator.clone(),
                    figure(t.value),
                    max,
                    t.unit.clone(),
                    year,
                    t.kind.as_str().to_string(),
                    qualifier,
                    t.text.clone(),
                    t.provision.clone(),
                    link,
                    cite,
                ]
            } else {
                vec![labels::province(lang, province), t.indicator.clone(), target_value(t, lang), t.unit.clone(), year, t.text.clone(), link, cite]
            };
            if let Some(en) = en {
                row.push(en.get(&translation_key(corpus, k)).unwrap_or_default().to_string());
                row.push(crate::taxonomy::taxonomy().unit_en(&t.unit).unwrap_or_default().to_string());
                row.push(sentence_en.unwrap_or_default().to_string());
            }
            row
        })
        .collect();
    if json {
        let mut keys = vec!["province", "indicator", "value", "value_max", "unit", "year", "kind", "qualifier", "text", "provision", "link", "citation"];
        if en.is_some() {
            keys.extend(["indicator_en", "unit_en", "sentence_en"]);
        }
        table_json(&keys, &table)
    } else {
        let mut head: Vec<String> = [
            ("省份", "Province"),
            ("指标", "Indicator"),
            ("数值", "Value"),
            ("单位", "Unit"),
            ("年份", "Year"),
            ("原文", "Source text"),
            ("链接", "Link"),
            ("引用（GB/T 7714）", "Citation (GB/T 7714)"),
        ]
        .iter()
        .map(|(zh, en)| tr(lang, zh, en).to_string())
        .collect();
        if en.is_some() {
            head.extend(
                ["Indicator (English, unofficial translation)", "Unit (English)", "Source sentence (English, unofficial translation)"].map(String::from),
            );
        }
        table_csv(&head, &table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bundle, Provision, Sentence};
    use crate::search::Query;
    use crate::translation::Translation;

    fn sentence(id: &str, text: &str) -> Sentence {
        Sentence { id: id.to_string(), text: text.to_string(), domains: vec![], tools: vec![], reasons: vec![], coded_by: Default::default(), note: None }
    }

    fn provision(id: &str, province: &str, path: &[&str], sentences: &[&str]) -> Provision {
        Provision {
            id: id.to_string(),
            doc: format!("{province}-hts"),
            province: province.to_string(),
            position: 0,
            path: path.iter().map(|s| s.to_string()).collect(),
            text: sentences.concat(),
            departments: vec![],
            responsibility: None,
            sentences: sentences.iter().enumerate().map(|(n, s)| sentence(&format!("{id}:{}", n + 1), s)).collect(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn target(provision: &str, indicator: &str, text: &str, value: f64, unit: &str, year: Option<u16>, kind: TargetKind, qualifier: Option<&str>) -> Target {
        Target {
            provision: provision.to_string(),
            indicator: indicator.to_string(),
            text: text.to_string(),
            value,
            value_max: None,
            unit: unit.to_string(),
            year,
            kind,
            qualifier: qualifier.map(str::to_string),
        }
    }

    /// Hunan (two provisions, three targets) and Jilin (one provision, two targets).
    fn corpus() -> Corpus {
        let provisions = vec![
            provision("hunan-hts-1-1", "hunan", &["一、发展目标"], &["到2015年，营业收入年均增长20%以上。", "知识产权中介服务机构达到500家以上。"]),
            provision("hunan-hts-2-1", "hunan", &[], &["建设10个产业基地。"]),
            provision("jilin-hts-1-1", "jilin", &["一、目标"], &["年均增长18%左右，农村带宽达到4兆。"]),
        ];
        let targets = vec![
            target("hunan-hts-1-1", "营业收入年均增长", "年均增长20%以上", 20.0, "%", Some(2015), TargetKind::Growth, Some("以上")),
            target("hunan-hts-1-1", "知识产权中介服务机构", "达到500家以上", 500.0, "家", None, TargetKind::Count, Some("以上")),
            target("hunan-hts-2-1", "产业基地", "10个产业基地", 10.0, "个", None, TargetKind::Programme, None),
            target("jilin-hts-1-1", "营业收入年均增长", "年均增长18%左右", 18.0, "%", Some(2015), TargetKind::Growth, Some("左右")),
            target("jilin-hts-1-1", "农村带宽", "农村带宽达到4兆", 4.0, "兆", Some(2015), TargetKind::Level, None),
        ];
        Corpus::new(Bundle { schema_version: 1, documents: vec![], provisions, targets })
    }

    fn render(corpus: &Corpus, state: &State, en: Option<&Translation>, sort: Sort) -> String {
        let results: Vec<usize> =
            (0..corpus.bundle.provisions.len()).filter(|&i| state.provinces.is_empty() || state.provinces.contains(&corpus.provision(i).province)).collect();
        let rows = rows(corpus, &results, sort);
        let query = Query::parse(&state.q);
        let page = Page { corpus, state, query: &query, en, base: "https://example.org/", highlight: None, prerender: false };
        view(&page, &rows, sort)
    }

    #[test]
    fn a_click_sorts_by_a_column_then_turns_it_round() {
        let s = Sort::default();
        assert_eq!(s, Sort { key: SortKey::Province, ascending: true });
        assert_eq!(s.toggle(SortKey::Province), Sort { key: SortKey::Province, ascending: false });
        let by_value = s.toggle(SortKey::Value);
        assert_eq!(by_value, Sort { key: SortKey::Value, ascending: true });
        assert_eq!(by_value.toggle(SortKey::Value).toggle(SortKey::Year), Sort { key: SortKey::Year, ascending: true });
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_code(key.code()), Some(key));
        }
        assert_eq!(SortKey::from_code("nonsense"), None);
    }

    #[test]
    fn rows_are_the_targets_of_the_results_in_the_sort_order() {
        let c = corpus();
        let all = [0, 1, 2];
        let sort = |key, ascending| rows(&c, &all, Sort { key, ascending });
        // By province: hunan before jilin, ties in the bundle's order.
        assert_eq!(sort(SortKey::Province, true), [0, 1, 2, 3, 4]);
        assert_eq!(sort(SortKey::Province, false), [4, 3, 2, 1, 0]);
        assert_eq!(sort(SortKey::Value, false), [1, 0, 3, 2, 4]);
        assert_eq!(sort(SortKey::Value, true), [4, 2, 3, 0, 1]);
        // No year sorts first; ties by position.
        assert_eq!(sort(SortKey::Year, true), [1, 2, 0, 3, 4]);
        // Units by their text: `%`, then 个 < 兆 < 家 by code point.
        assert_eq!(sort(SortKey::Unit, true), [0, 3, 2, 4, 1]);
        // Only the matching provisions' targets.
        assert_eq!(rows(&c, &[1, 2], Sort::default()), [2, 3, 4]);
        assert!(rows(&c, &[], Sort::default()).is_empty());
    }

    #[test]
    fn a_row_shows_the_value_with_its_bound_and_links_its_source_sentence() {
        let c = corpus();
        let state = State { provinces: vec!["hunan".to_string()], ..State::default() };
        let html = render(&c, &state, None, Sort::default());
        assert!(html.contains("共 3 项量化目标"), "{html}");
        let row = html.split("<tr ").find(|r| r.contains("知识产权中介服务机构")).unwrap();
        assert!(row.starts_with(r#"data-testid="target" class="target-row" data-province="hunan" data-provision="hunan-hts-1-1">"#), "{row}");
        assert!(
            row.contains(r#"<td class="num" data-testid="target-value">≥ 500</td><td data-testid="target-unit">家</td><td class="num">未注明</td>"#),
            "{row}"
        );
        // The whole sentence, linked to the provision in the results with the filters kept.
        assert!(
            row.contains(r#"<a href="?province=hunan#hunan-hts-1-1" data-nav="" data-provision="hunan-hts-1-1" data-testid="target-source" lang="zh-CN">知识产权中介服务机构达到500家以上。</a><span class="target-heading" lang="zh-CN">一、发展目标</span>"#),
            "{row}"
        );
        // A plan's list size is said to be one; a preamble provision is named so.
        let programme = html.split("<tr ").find(|r| r.contains("产业基地")).unwrap();
        assert!(programme.contains(r#"<span class="target-kind" data-testid="target-programme">规划数量（非结果目标）</span>"#), "{programme}");
        assert!(programme.contains(r#"<span class="target-heading" lang="zh-CN">序言</span>"#), "{programme}");
        assert_eq!(html.matches("data-testid=\"target-programme\"").count(), 1);
        assert!(!html.contains("jilin-hts"), "filtered like the results");
    }

    // Regression: in English the units (家, 个, 亿元) and the source headings stayed
    // Chinese under the page's `lang="en"`.
    #[test]
    fn in_english_a_unit_reads_in_english_and_what_stays_chinese_is_marked() {
        let mut h = Html::new();
        let c = corpus();
        let state = State { lang: Lang::En, ..State::default() };
        let query = crate::search::Query::parse("");
        let page = Page { corpus: &c, state: &state, query: &query, en: None, base: "", highlight: None, prerender: false };
        for u in ["家", "亿元", "%", "平方米"] {
            unit(&mut h, &page, u);
        }
        assert_eq!(
            h.finish(),
            concat!(
                r#"<td data-testid="target-unit"><span lang="en">count</span><span class="target-heading" lang="zh-CN">家</span></td>"#,
                r#"<td data-testid="target-unit"><span lang="en">100 million yuan</span><span class="target-heading" lang="zh-CN">亿元</span></td>"#,
                r#"<td data-testid="target-unit">%</td>"#,
                r#"<td data-testid="target-unit"><span lang="zh-CN">平方米</span></td>"#,
            )
        );
        let html = render(&c, &state, None, Sort::default());
        assert!(html.contains(r#"<span class="target-heading" lang="zh-CN">一、发展目标</span>"#), "a heading without its English is marked Chinese: {html}");
    }

    #[test]
    fn the_headers_say_the_sort_and_carry_their_action() {
        let c = corpus();
        let html = render(&c, &State::default(), None, Sort { key: SortKey::Value, ascending: false });
        assert!(html.contains(
            r#"<th scope="col" aria-sort="descending"><button class="sort" type="button" data-testid="sort-value" data-action="sort" data-key="value">数值<span aria-hidden="true"> ▼</span></button></th>"#
        ), "{html}");
        assert!(html.contains(r#"<th scope="col" aria-sort="none"><button class="sort" type="button" data-testid="sort-province" data-action="sort" data-key="province">省份<span aria-hidden="true"></span></button></th>"#));
        assert!(html.contains(r#"<th scope="col">原文（出处）</th>"#));
        assert!(html.contains(r#"data-testid="export-csv" data-action="export-csv">导出 CSV</button>"#));
        let values: Vec<&str> = html.match_indices(r#"data-testid="target-value">"#).map(|(at, m)| html[at + m.len()..].split('<').next().unwrap()).collect();
        assert_eq!(values, ["≥ 500", "≥ 20", "约 18", "10", "4"]);
    }

    #[test]
    fn in_english_the_indicator_reads_in_english_with_the_chinese_beneath() {
        let c = corpus();
        let en = Translation::from_json(r#"{"texts": {"jilin-hts-1-1/t2": "Rural bandwidth <fast>"}}"#).unwrap();
        let state = State { lang: Lang::En, provinces: vec!["jilin".to_string()], ..State::default() };
        let html = render(&c, &state, Some(&en), Sort::default());
        assert!(html.contains("<h2>Quantitative targets</h2>") && html.contains("2 quantitative targets"), "{html}");
        assert!(html.contains(r#"<td data-testid="target-indicator"><span lang="en">Rural bandwidth &lt;fast&gt;</span><span class="target-heading" lang="zh-CN">农村带宽</span></td>"#), "{html}");
        // Without a translation, the Chinese alone; values and years in English words.
        assert!(
            html.contains(
                r#"<td data-testid="target-indicator"><span lang="zh-CN">营业收入年均增长</span></td><td class="num" data-testid="target-value">about 18</td>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<a href="?province=jilin&amp;lang=en#jilin-hts-1-1""#), "{html}");
        assert!(html.contains(r#"<td>Jilin</td>"#), "{html}");
        assert_eq!(translation_key(&c, 4), "jilin-hts-1-1/t2");
        assert_eq!(translation_key(&c, 1), "hunan-hts-1-1/t2");
    }

    #[test]
    fn no_target_says_so_and_offers_to_clear_the_filters_without_a_bare_table() {
        let c = corpus();
        let state = State { provinces: vec!["sichuan".to_string()], ..State::default() };
        let html = render(&c, &state, None, Sort::default());
        assert!(html.contains(r#"<div class="empty" data-testid="targets-empty">"#), "{html}");
        assert!(html.contains(r#"data-testid="targets-empty-clear" data-action="clear-filters">清除全部筛选</button>"#), "{html}");
        assert!(!html.contains("targets-table") && !html.contains("<table"), "{html}");
        assert!(html.contains("共 0 项量化目标"));
    }

    #[test]
    fn the_chart_has_a_bar_per_selected_province_headline_growth_target() {
        let c = corpus();
        let bars = growth_bars(&c, &State::default());
        let values = |bars: Vec<(&str, &Target)>| bars.iter().map(|(p, t)| (p.to_string(), t.value)).collect::<Vec<_>>();
        assert_eq!(values(bars), [("hunan".to_string(), 20.0), ("jilin".to_string(), 18.0)]);
        let jilin = State { provinces: vec!["jilin".to_string()], ..State::default() };
        assert_eq!(values(growth_bars(&c, &jilin)), [("jilin".to_string(), 18.0)]);
        let html = render(&c, &State::default(), None, Sort::default());
        assert!(
            html.contains(r#"<svg role="img" aria-labelledby="growth-chart-title" aria-describedby="growth-chart-values" viewBox="0 0 470 82" width="100%" preserveAspectRatio="xMinYMin meet">"#),
            "{html}"
        );
        assert!(html.contains(
            r#"<g data-testid="growth-bar" data-province="hunan" data-value="20"><text x="82" y="28" text-anchor="end" class="bar-label">湖南省</text><rect x="90" y="10" width="300" height="26" class="bar"></rect><text x="396" y="28" class="bar-value">≥ 20%</text></g>"#
        ), "{html}");
        // Regression: 20%以上 read "20%", and screen readers heard no value at all.
        assert!(html.contains(r#"<p id="growth-chart-values" class="visually-hidden">湖南省：≥ 20%；吉林省：约 18%</p>"#), "{html}");
        assert!(
            html.contains(
                r#"data-province="jilin" data-value="18"><text x="82" y="64" text-anchor="end" class="bar-label">吉林省</text><rect x="90" y="46" width="270""#
            ),
            "{html}"
        );
    }

    #[test]
    fn a_prerendered_table_has_no_test_ids_and_no_app_links() {
        let c = corpus();
        let state = State::default();
        let query = Query::parse("");
        let page = Page { corpus: &c, state: &state, query: &query, en: None, base: "", highlight: None, prerender: true };
        let html = view(&page, &rows(&c, &[0, 1, 2], Sort::default()), Sort::default());
        assert!(!html.contains("data-testid") && !html.contains("data-nav"), "{html}");
    }

    #[test]
    fn exports_give_labels_in_csv_and_codes_in_json_each_row_linked() {
        let c = corpus();
        let rows = [1, 4];
        let csv = export(&c, &rows, Lang::Zh, "https://example.org/", None, false);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').trim().split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert_eq!(lines[0], "省份,指标,数值,单位,年份,原文,链接,引用（GB/T 7714）");
        assert!(lines[1].starts_with("湖南省,知识产权中介服务机构,≥ 500,家,,达到500家以上,https://example.org/#hunan-hts-1-1"), "{}", lines[1]);
        let en = export(&c, &rows, Lang::En, "https://example.org/", None, false);
        assert!(
            en.contains("Province,Indicator,Value,Unit,Year,Source text,Link,Citation (GB/T 7714)") && en.contains("\r\nJilin,农村带宽,4,兆,2015,"),
            "{en}"
        );
        let json = export(&c, &rows, Lang::En, "https://example.org/", None, true);
        assert!(json.starts_with(r#"[{"province":"hunan","indicator":"知识产权中介服务机构","value":500,"value_max":null,"unit":"家","year":null,"kind":"count","qualifier":"以上","text":"达到500家以上","provision":"hunan-hts-1-1","link":"https://example.org/?lang=en#hunan-hts-1-1","citation":null}"#), "{json}");
        assert!(json.contains(r#""province":"jilin""#) && json.contains(r#""year":2015"#), "{json}");
    }

    #[test]
    fn english_exports_add_the_indicator_unit_and_sentence_in_english_beside_the_originals() {
        let c = corpus();
        let en = Translation::from_json(
            r#"{"texts": {"hunan-hts-1-1/t2": "IP agencies", "hunan-hts-1-1:2": "IP agencies reach 500 or more.", "一、发展目标": "I. Goals"}}"#,
        )
        .unwrap();
        let csv = export(&c, &[1, 4], Lang::En, "https://example.org/", Some(&en), false);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').trim().split("\r\n").collect();
        assert!(
            lines[0].ends_with(r#","Indicator (English, unofficial translation)",Unit (English),"Source sentence (English, unofficial translation)""#),
            "{}",
            lines[0]
        );
        assert!(lines[1].ends_with(",IP agencies,count,IP agencies reach 500 or more."), "{}", lines[1]);
        // Jilin's target has no translation and 兆 no English: empty, never made up.
        assert!(lines[2].ends_with(",,,"), "{}", lines[2]);
        let json = export(&c, &[1, 4], Lang::En, "https://example.org/", Some(&en), true);
        assert!(json.contains(r#""indicator_en":"IP agencies","unit_en":"count","sentence_en":"IP agencies reach 500 or more."}"#), "{json}");
        assert!(json.contains(r#""indicator_en":null,"unit_en":null,"sentence_en":null}"#), "{json}");
        // In Chinese the edition is not used: the same columns as without it.
        assert_eq!(export(&c, &[1, 4], Lang::Zh, "https://example.org/", Some(&en), false), export(&c, &[1, 4], Lang::Zh, "https://example.org/", None, false));
    }
}
