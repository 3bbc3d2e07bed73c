//! The compare view's content: provinces × domains and provinces × tools as heat maps
//! (numbers always shown, so they read without colour) whose cells link to exactly the
//! provisions they count, the same tables as an export, and the current results side by
//! side, one column per province, in the page's language.

use super::{href, href_at, testid, Html, Page};
use crate::labels::{self, NOT_TRANSLATED};
use crate::search::{Corpus, Facet, Matrix, GENERAL};
use crate::taxonomy::taxonomy;
use crate::translation::Translation;
use crate::url::{State, View};
use std::collections::HashMap;

/// The rows of a matrix, in the taxonomy's order, each as (code, is a family): the
/// domains and then 综合 (general measures), or each family followed by its tools.
pub fn matrix_rows(facet: Facet) -> Vec<(String, bool)> {
    let t = taxonomy();
    match facet {
        Facet::Domain => t.domains.iter().map(|d| (d.code.clone(), false)).chain([(GENERAL.to_string(), false)]).collect(),
        Facet::Tool => {
            let mut rows = Vec::new();
            for f in &t.families {
                rows.push((f.code.clone(), true));
                rows.extend(t.tools_of(&f.code).map(|x| (x.code.clone(), false)));
            }
            rows
        }
        Facet::Province => Vec::new(),
    }
}

/// The provinces shown as columns: the corpus's, narrowed by the province filter.
pub fn columns(corpus: &Corpus, state: &State) -> Vec<String> {
    corpus.provinces().iter().filter(|p| state.provinces.is_empty() || state.provinces.contains(p)).cloned().collect()
}

/// The state a cell opens: the results of this province and this row, which are exactly
/// the provisions it counts (see [`Corpus::matrix`]).
pub fn cell_state(state: &State, province: &str, facet: Facet, code: &str) -> State {
    let mut next = state.clone();
    next.open_cell(province, facet, code);
    next
}

/// A cell's shade, 0 (empty) to 4 (the largest count's quarter).
pub fn level(n: usize, max: usize) -> usize {
    if n == 0 {
        0
    } else {
        1 + (n * 4).saturating_sub(1) / max.max(1)
    }
}

/// Both matrices, each in its scrolling box.
pub fn matrices(page: &Page, domains: &Matrix, tools: &Matrix) -> String {
    let mut h = Html::new();
    let totals = page.corpus.province_totals();
    matrix(&mut h, page, Facet::Domain, domains, &totals);
    matrix(&mut h, page, Facet::Tool, tools, &totals);
    h.finish()
}

/// One matrix: a row per domain (or family and tool), a column per province, each cell
/// a link to what it counts (an empty cell a disabled button); selected rows marked.
fn matrix(h: &mut Html, page: &Page, facet: Facet, counts: &Matrix, totals: &HashMap<String, usize>) {
    let (lang, state) = (page.lang(), page.state);
    let cols = columns(page.corpus, state);
    let max = counts.max();
    let (id, caption, corner) = match facet {
        Facet::Domain => ("matrix-domain", page.tr("服务领域 × 省份", "Service domains × provinces"), page.tr("服务领域", "Domain")),
        _ => ("matrix-tool", page.tr("政策工具 × 省份", "Policy tools × provinces"), page.tr("政策工具", "Tool")),
    };
    h.raw("<div class=\"table-scroll\">").open("table", &[("class", "matrix"), (testid(page), id)]);
    h.element("caption", &[], caption);
    h.raw("<thead><tr>").element("th", &[("scope", "col")], corner);
    let names: Vec<String> = cols.iter().map(|p| labels::province(lang, p)).collect();
    for name in &names {
        h.element("th", &[("scope", "col")], name);
    }
    h.raw("</tr></thead><tbody>");
    for (code, family) in matrix_rows(facet) {
        let label = labels::facet_option(lang, facet, &code);
        let selected = state.is_selected(facet, &code);
        let class = match (family, selected) {
            (true, true) => "family selected",
            (true, false) => "family",
            (false, true) => "selected",
            (false, false) => "",
        };
        h.open("tr", &[(if class.is_empty() { "" } else { "class" }, class), (if selected { "aria-selected" } else { "" }, "true")]);
        h.open("th", &[("scope", "row")]);
        if selected {
            h.raw("✓ ");
        }
        h.text(&label).close("th");
        for (p, name) in cols.iter().zip(&names) {
            let n = counts.get(p, &code);
            let total = totals.get(p).copied().unwrap_or(0);
            let share = crate::export::percent(n, total);
            let shown = if state.shares { format!("{share}%") } else { n.to_string() };
            let aria = format!("{name} · {label} · {n} / {total} ({share}%)");
            let (cell_id, count) = (format!("cell-{p}-{code}"), n.to_string());
            let heat = format!("heat heat-{}", level(n, max));
            h.open("td", &[("class", &heat)]);
            if n == 0 {
                let attrs = [
                    ("class", "cell"),
                    ("type", "button"),
                    (testid(page), &cell_id),
                    ("data-count", &count),
                    ("aria-label", &aria),
                    ("title", &aria),
                    ("disabled", ""),
                ];
                h.element("button", &attrs, &shown);
            } else {
                let to = href(&cell_state(state, p, facet, &code));
                let nav = if page.prerender { "" } else { "data-nav" };
                let attrs =
                    [("class", "cell"), ("href", &to), (nav, ""), (testid(page), &cell_id), ("data-count", &count), ("aria-label", &aria), ("title", &aria)];
                h.element("a", &attrs, &shown);
            }
            h.close("td");
        }
        h.close("tr");
    }
    h.raw("</tbody></table></div>");
}

/// The results, one column per province, so one measure reads across provinces: each
/// provision's place (a link to it among the results), its sentences (those meeting the
/// filters emphasised, the search terms marked) in the page's language, and its tags.
pub fn side_by_side(page: &Page, results: &[usize]) -> String {
    let (corpus, lang) = (page.corpus, page.lang());
    let mut h = Html::new();
    let title = page.tr("并列阅读：当前筛选下各省条文", "Side by side: each province's provisions under the current filters");
    h.element("h3", &[("class", "side-title")], title);
    // Translated text is labelled as what it is (the page's edition note is for the
    // results and the reader).
    if page.en.is_some() {
        h.element("p", &[("class", "hint"), (testid(page), "side-translation"), ("lang", "en")], SIDE_TRANSLATED);
    }
    h.raw("<div class=\"side-by-side\">");
    let results_view = page.state.at_view(View::Provisions);
    let text_lang = if page.en.is_some() { "en" } else { "zh-CN" };
    for p in columns(corpus, page.state) {
        let items: Vec<usize> = results.iter().copied().filter(|&i| corpus.provision(i).province == p).collect();
        let column = format!("side-{p}");
        h.open("section", &[("class", "side-column"), (testid(page), &column)]);
        // Under the side-by-side's `h3`.
        h.element("h4", &[], &labels::with_count(lang, &labels::province(lang, &p), items.len()));
        h.raw("<ul>");
        for i in items {
            let prov = corpus.provision(i);
            h.open("li", &[("class", "mini"), (testid(page), "side-provision"), ("data-province", &p), ("data-id", &prov.id)]);
            let path_lang = labels::path_lang(corpus, lang, prov, page.en);
            let nav = if page.prerender { "" } else { "data-nav" };
            let to = href_at(&results_view, &prov.id);
            h.element("a", &[("class", "path"), ("href", &to), (nav, ""), ("lang", path_lang)], &labels::path(corpus, lang, prov, page.en));
            h.open("p", &[("lang", text_lang)]);
            let emphasis = corpus.emphasised_sentences(i, page.state);
            for (s, emph) in prov.sentences.iter().zip(emphasis) {
                sentence(&mut h, page, &s.id, &s.text, emph);
            }
            h.close("p");
            let tags: Vec<String> = corpus
                .provision_domains(i)
                .iter()
                .map(|c| labels::domain(lang, c))
                .chain(corpus.provision_tools(i).iter().map(|c| labels::tool(lang, c)))
                .collect();
            h.element("p", &[("class", "mini-tags"), (testid(page), "side-tags")], &tags.join(" · "));
            h.close("li");
        }
        h.raw("</ul></section>");
    }
    h.raw("</div>");
    h.finish()
}

const SIDE_TRANSLATED: &str =
    "Unofficial English translation; the Chinese original is authoritative (a provision's place opens it among the results, original one click away).";

/// A sentence as the cards show it: in English when there is an edition (its Chinese,
/// said so, where the translation lacks it), else in Chinese; dimmed unless it meets the
/// filters; the search terms marked.
fn sentence(h: &mut Html, page: &Page, id: &str, zh: &str, emph: bool) {
    let en = page.en;
    let translated = en.and_then(|t| t.get(id));
    let text = translated.unwrap_or(zh);
    let missing = en.is_some() && translated.is_none();
    h.open("span", &[("class", if emph { "sentence" } else { "sentence dim" }), (if missing { "lang" } else { "" }, "zh-CN")]);
    h.marked(text, &page.query.highlights(text));
    if missing {
        h.text(NOT_TRANSLATED);
    }
    if en.is_some() {
        h.text(" ");
    }
    h.close("span");
}

/// The keys of the JSON export's objects.
pub const EXPORT_KEYS: [&str; 6] = ["matrix", "code", "province", "count", "province_provisions", "share_percent"];

/// Both matrices as one long table, a row per (matrix, row, province): the count and the
/// share of the province's provisions; labels in the state's language (for the CSV) or
/// codes (for the JSON). The counts are the matrices' (the query also searched in `en`).
pub fn export_rows(corpus: &Corpus, state: &State, en: Option<&Translation>, codes: bool) -> Vec<Vec<String>> {
    let lang = state.lang;
    let totals = corpus.province_totals();
    let cols = columns(corpus, state);
    let mut rows = Vec::new();
    for facet in [Facet::Domain, Facet::Tool] {
        let m = corpus.matrix_in(state, facet, en);
        let table = if facet == Facet::Domain { labels::tr(lang, "服务领域", "Service domain") } else { labels::tr(lang, "政策工具", "Policy tool") };
        for (code, _) in matrix_rows(facet) {
            let label = labels::facet_option(lang, facet, &code);
            for p in &cols {
                let n = m.get(p, &code);
                let total = totals.get(p).copied().unwrap_or(0);
                let share = crate::export::figure(if total == 0 { 0.0 } else { n as f64 * 100.0 / total as f64 });
                rows.push(if codes {
                    vec![facet.key().to_string(), code.clone(), p.clone(), n.to_string(), total.to_string(), share]
                } else {
                    vec![table.to_string(), label.clone(), labels::province(lang, p), n.to_string(), total.to_string(), share]
                });
            }
        }
    }
    rows
}

/// The export file's text: JSON with codes, or CSV with labels and a header row in the
/// state's language.
pub fn export(corpus: &Corpus, state: &State, en: Option<&Translation>, json: bool) -> String {
    let rows = export_rows(corpus, state, en, json);
    if json {
        return crate::export::table_json(&EXPORT_KEYS, &rows);
    }
    let head: Vec<String> =
        [("表", "Table"), ("行", "Row"), ("省份", "Province"), ("条文数", "Provisions"), ("该省条文总数", "Province's provisions"), ("占比（%）", "Share (%)")]
            .iter()
            .map(|&(zh, en)| labels::tr(state.lang, zh, en).to_string())
            .collect();
    crate::export::table_csv(&head, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bundle, Document, Heading, Provision, Sentence};
    use crate::search::Query;
    use crate::url::Lang;

    /// A sentence as (domains, tools, text).
    type Tags<'a> = (&'a [&'a str], &'a [&'a str], &'a str);

    fn corpus(provisions: &[(&str, &[&str], &[Tags])]) -> Corpus {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let provisions = provisions
            .iter()
            .enumerate()
            .map(|(n, (province, path, sentences))| Provision {
                id: format!("{province}-hts-{n}"),
                doc: format!("{province}-hts"),
                province: province.to_string(),
                position: n,
                path: codes(path),
                text: sentences.iter().map(|s| s.2).collect(),
                departments: vec![],
                responsibility: None,
                sentences: sentences
                    .iter()
                    .enumerate()
                    .map(|(k, (d, t, text))| Sentence {
                        id: format!("{province}-hts-{n}:{}", k + 1),
                        text: text.to_string(),
                        domains: codes(d),
                        tools: codes(t),
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect();
        let document =
            |province: &str, outline: Vec<Heading>| Document { id: format!("{province}-hts"), province: province.to_string(), outline, ..Default::default() };
        let heading = Heading { id: "hunan-hts-h1".into(), level: 1, text: "一、任务".into(), first_provision: 1 };
        let documents = vec![document("hunan", vec![heading]), document("jilin", vec![])];
        Corpus::new(Bundle { schema_version: 1, documents, provisions, targets: vec![] })
    }

    fn sample() -> Corpus {
        corpus(&[
            ("hunan", &[], &[(&["testing"], &["platforms"], "建设检测平台。"), (&[], &["tax"], "落实税收优惠。")]),
            ("hunan", &["一、任务"], &[(&["it"], &["tax"], "软件企业减税。"), (&["testing", "ip"], &["tax", "talent"], "引进<检测>人才。")]),
            ("jilin", &[], &[(&[], &["finance"], "支持融资。")]),
            ("jilin", &[], &[(&["testing"], &[], "发展检测。"), (&[], &["talent"], "培养人才。")]),
        ])
    }

    fn state(q: &str, domains: &[&str], tools: &[&str]) -> State {
        let v = |c: &[&str]| c.iter().map(|s| s.to_string()).collect();
        State { q: q.to_string(), domains: v(domains), tools: v(tools), view: View::Compare, ..State::default() }
    }

    fn render(corpus: &Corpus, state: &State, en: Option<&Translation>, f: &dyn Fn(&Page) -> String) -> String {
        let query = Query::parse(&state.q);
        f(&Page { corpus, state, query: &query, en, base: "https://example.org/", highlight: None, prerender: false })
    }

    fn matrices_of(c: &Corpus, s: &State) -> String {
        let (d, t) = (c.matrix(s, Facet::Domain), c.matrix(s, Facet::Tool));
        render(c, s, None, &|page| matrices(page, &d, &t))
    }

    #[test]
    fn rows_follow_the_taxonomy() {
        let domains = matrix_rows(Facet::Domain);
        assert_eq!(domains.last(), Some(&(GENERAL.to_string(), false)));
        assert_eq!(domains.len(), taxonomy().domains.len() + 1);
        let tools = matrix_rows(Facet::Tool);
        assert_eq!(tools[0], ("supply".to_string(), true));
        assert_eq!(tools.iter().filter(|r| r.1).count(), taxonomy().families.len());
        assert_eq!(tools.len(), taxonomy().families.len() + taxonomy().tools.len());
        assert!(matrix_rows(Facet::Province).is_empty());
    }

    #[test]
    fn columns_are_the_filtered_provinces_and_shades_rise_with_the_count() {
        let c = sample();
        assert_eq!(columns(&c, &State::default()), ["hunan", "jilin"]);
        assert_eq!(columns(&c, &State { provinces: vec!["jilin".into()], ..State::default() }), ["jilin"]);
        assert_eq!([0, 1, 2, 3, 4, 8].map(|n| level(n, 8)), [0, 1, 1, 2, 2, 4]);
        assert_eq!(level(3, 0), 12, "no max: never divides by zero");
    }

    #[test]
    fn every_cell_opens_exactly_what_it_counts() {
        let c = sample();
        for s in [state("", &[], &[]), state("", &["testing"], &["tax"]), state("检测", &["general"], &["supply"]), state("", &["ip"], &[])] {
            for facet in [Facet::Domain, Facet::Tool] {
                let m = c.matrix(&s, facet);
                for (code, _) in matrix_rows(facet) {
                    for p in columns(&c, &s) {
                        let opened = cell_state(&s, &p, facet, &code);
                        assert_eq!(opened.view, View::Provisions);
                        assert_eq!(opened.provinces, std::slice::from_ref(&p));
                        assert_eq!(c.search(&opened).len(), m.get(&p, &code), "{s:?} {p} {code}");
                    }
                }
            }
        }
    }

    #[test]
    fn cells_link_to_their_state_and_empty_cells_are_disabled() {
        let c = sample();
        let s = state("", &["testing"], &[]);
        let html = matrices_of(&c, &s);
        assert_eq!(html.matches("<table class=\"matrix\"").count(), 2);
        assert!(html.contains("data-testid=\"matrix-domain\"") && html.contains("data-testid=\"matrix-tool\""));
        let to = href(&cell_state(&s, "hunan", Facet::Domain, "testing"));
        assert_eq!(to, "?province=hunan&domain=testing");
        let cell = format!(
            "<td class=\"heat heat-4\"><a class=\"cell\" href=\"{}\" data-nav=\"\" data-testid=\"cell-hunan-testing\" data-count=\"2\" \
             aria-label=\"湖南省 · 检验检测服务 · 2 / 2 (100.0%)\" title=\"湖南省 · 检验检测服务 · 2 / 2 (100.0%)\">2</a></td>",
            crate::render::escape(&to)
        );
        assert!(html.contains(&cell), "{html}");
        assert!(html.contains(
            "<td class=\"heat heat-0\"><button class=\"cell\" type=\"button\" data-testid=\"cell-jilin-ip\" data-count=\"0\" \
             aria-label=\"吉林省 · 知识产权服务 · 0 / 2 (0.0%)\" title=\"吉林省 · 知识产权服务 · 0 / 2 (0.0%)\" disabled=\"\">0</button></td>"
        ));
        // The selected row is marked, once; a family row says so.
        assert_eq!(html.matches("<tr class=\"selected\" aria-selected=\"true\"><th scope=\"row\">✓ 检验检测服务</th>").count(), 1);
        assert!(html.contains("<tr class=\"family\"><th scope=\"row\">供给型</th>"));
        assert!(html.contains("<caption>服务领域 × 省份</caption><thead><tr><th scope=\"col\">服务领域</th><th scope=\"col\">湖南省</th><th scope=\"col\">吉林省</th></tr></thead>"));
    }

    #[test]
    fn shares_and_english_labels() {
        let c = sample();
        let s = State { shares: true, lang: Lang::En, provinces: vec!["jilin".into()], ..state("", &[], &[]) };
        let html = matrices_of(&c, &s);
        assert!(html.contains("data-testid=\"cell-jilin-testing\" data-count=\"1\""));
        assert!(html.contains(">50.0%</a>"));
        assert!(html.contains("<caption>Policy tools × provinces</caption>"));
        assert!(!html.contains("cell-hunan-"), "only the selected provinces are columns");
        // The cell's link keeps the language and the shares; the province is replaced.
        assert!(html.contains("href=\"?province=jilin&amp;domain=testing&amp;lang=en&amp;measure=share\""), "{html}");
    }

    #[test]
    fn side_by_side_in_chinese_marks_emphasis_and_search_terms() {
        let c = sample();
        let s = state("检测", &["testing"], &[]);
        let results = c.search(&s);
        let html = render(&c, &s, None, &|page| side_by_side(page, &results));
        assert!(html.starts_with("<h3 class=\"side-title\">并列阅读：当前筛选下各省条文</h3><div class=\"side-by-side\">"));
        assert!(html.contains("<section class=\"side-column\" data-testid=\"side-hunan\"><h4>湖南省（2）</h4><ul>"));
        assert!(!html.contains("side-translation"));
        assert!(html.contains("<h4>吉林省（1）</h4>"));
        assert!(
            html.contains(
                "<li class=\"mini\" data-testid=\"side-provision\" data-province=\"hunan\" data-id=\"hunan-hts-1\">\
             <a class=\"path\" href=\"?domain=testing&amp;q=%E6%A3%80%E6%B5%8B#hunan-hts-1\" data-nav=\"\" lang=\"zh-CN\">一、任务</a>\
             <p lang=\"zh-CN\"><span class=\"sentence dim\">软件企业减税。</span><span class=\"sentence\">引进&lt;<mark>检测</mark>&gt;人才。</span></p>\
             <p class=\"mini-tags\" data-testid=\"side-tags\">信息技术服务 · 检验检测服务 · 知识产权服务 · 税收优惠 · 人才培养与引进</p></li>"
            ),
            "{html}"
        );
        assert!(html.contains("data-nav=\"\" lang=\"zh-CN\">序言</a>"));
    }

    /// Regression: a card's preamble read "序言" marked `lang="en"`, and an untranslated
    /// path in the English edition was marked English too.
    #[test]
    fn a_cards_path_is_marked_in_the_language_it_is_shown_in() {
        let c = sample();
        let cards = |s: &State, en: Option<&Translation>| {
            render(&c, s, en, &|page| crate::render::results(page, &[crate::render::Row::Card(0), crate::render::Row::Card(1)]))
        };
        let zh = cards(&state("", &[], &[]), None);
        assert!(zh.contains("<span class=\"path\" lang=\"zh-CN\">序言</span>"), "{zh}");
        assert!(zh.contains("<span class=\"path\" lang=\"zh-CN\">一、任务</span>"), "{zh}");
        let en = Translation::from_json(r#"{"texts": {"hunan-hts-0:1": "Build platforms."}}"#).unwrap();
        let english = cards(&State { lang: Lang::En, ..state("", &[], &[]) }, Some(&en));
        assert!(english.contains("<span class=\"path\" lang=\"en\">Preamble</span>"), "{english}");
        assert!(english.contains("<span class=\"path\" lang=\"zh-CN\">一、任务</span>"), "{english}");
    }

    #[test]
    fn side_by_side_in_english_shows_the_translation() {
        let c = sample();
        let en = Translation::from_json(r#"{"texts": {"jilin-hts-2:1": "Support financing.", "jilin-hts-3:1": "Develop testing."}}"#).unwrap();
        let s = State { lang: Lang::En, provinces: vec!["jilin".into()], ..state("", &[], &[]) };
        let results = c.search(&s);
        let html = render(&c, &s, Some(&en), &|page| side_by_side(page, &results));
        assert!(html.contains("<h4>Jilin (2)</h4>"), "Latin brackets in English: {html}");
        assert!(html.contains("Side by side: each province"));
        assert!(html.contains("<p class=\"hint\" data-testid=\"side-translation\" lang=\"en\">Unofficial English translation;"));
        assert!(html.contains("<a class=\"path\" href=\"?province=jilin&amp;lang=en#jilin-hts-2\" data-nav=\"\" lang=\"en\">Preamble</a>"), "{html}");
        assert!(html.contains("<p lang=\"en\"><span class=\"sentence\">Support financing. </span></p>"));
        // A sentence the translation lacks: its Chinese, marked as such.
        assert!(html.contains("<span class=\"sentence\">Develop testing. </span><span class=\"sentence\" lang=\"zh-CN\">培养人才。 (not translated) </span>"));
        assert!(html.contains("Testing and certification · Talent"));
        assert!(!html.contains("side-hunan"));
        // A path whose headings are translated reads in English; else in Chinese.
        let s = State { lang: Lang::En, ..state("", &[], &[]) };
        let html = render(&c, &s, Some(&en), &|page| side_by_side(page, &[1]));
        assert!(html.contains("lang=\"zh-CN\">一、任务</a>"), "{html}");
        let en = Translation::from_json(r#"{"texts": {"hunan-hts-h1": "I. Tasks"}}"#).unwrap();
        let html = render(&c, &s, Some(&en), &|page| side_by_side(page, &[1]));
        assert!(html.contains("lang=\"en\">I. Tasks</a>"), "{html}");
    }

    #[test]
    fn a_prerendered_side_by_side_has_no_test_ids_or_app_links() {
        let c = sample();
        let s = state("", &[], &[]);
        let query = Query::parse("");
        let page = Page { corpus: &c, state: &s, query: &query, en: None, base: "", highlight: None, prerender: true };
        let html = side_by_side(&page, &[0]) + &matrices(&page, &c.matrix(&s, Facet::Domain), &c.matrix(&s, Facet::Tool));
        assert!(!html.contains("data-testid") && !html.contains("data-nav"));
    }

    #[test]
    fn exports_count_per_matrix_row_and_province() {
        let c = sample();
        let s = state("", &[], &["tax"]);
        let rows = export_rows(&c, &s, None, true);
        assert_eq!(rows.len(), (matrix_rows(Facet::Domain).len() + matrix_rows(Facet::Tool).len()) * 2);
        assert!(rows.contains(&["domain", "testing", "hunan", "1", "2", "50"].map(String::from).to_vec()));
        assert!(rows.contains(&["tool", "environment", "jilin", "1", "2", "50"].map(String::from).to_vec()));
        assert!(rows.contains(&["domain", "general", "hunan", "1", "2", "50"].map(String::from).to_vec()));
        let json = export(&c, &s, None, true);
        assert!(json.contains(r#"{"matrix":"domain","code":"design","province":"hunan","count":0,"province_provisions":2,"share_percent":0}"#), "{json}");
        let csv = export(&c, &State { lang: Lang::En, ..s.clone() }, None, false);
        let mut lines = csv.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("Table,Row,Province,Provisions,Province's provisions,Share (%)"));
        assert!(csv.contains("Service domain,Testing and certification,Hunan,1,2,50"), "{csv}");
        assert!(export(&c, &s, None, false).contains("服务领域,检验检测服务,湖南省,1,2,50"));
    }
}
