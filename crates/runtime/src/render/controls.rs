//! The page's controls as markup: the header with the language switch and the view tabs,
//! the facets with their live counts, the active filters as chips, the footer, and the
//! results' companions (the general-measures offer, a hidden linked provision, the empty
//! state with its ways out). Every control that changes the state carries the state it
//! leads to (`href` on links, `data-href` on buttons and checkboxes), so the app follows
//! it like a link and a new tab gets the same view.
//!
//! With `page.prerender` (the prerendered first paint of `index.html`): no test ids, no
//! `data-href` or `data-nav` (no script follows them), links to `index.html` at the site's
//! root, form ids prefixed `pre-` (the app's own are on the page in the same task).

use super::{app_href, href, testid, Html, Page};
use crate::labels::{self, tr};
use crate::search::{Counts, Facet, GENERAL};
use crate::taxonomy::taxonomy;
use crate::url::{Lang, State, View};

/// `state` after `edit`, as a link.
fn after(state: &State, edit: impl FnOnce(&mut State)) -> String {
    let mut next = state.clone();
    edit(&mut next);
    href(&next)
}

/// A button that leads to a state (or is disabled when it would change nothing).
fn state_button(h: &mut Html, page: &Page, class: &'static str, id: &str, target: Option<String>, label: &str) {
    let target = target.unwrap_or_default();
    let enabled = match (target.is_empty(), page.prerender) {
        (true, _) => ("disabled", ""),
        (false, true) => ("", ""),
        (false, false) => ("data-href", target.as_str()),
    };
    h.element("button", &[("class", class), ("type", "button"), (testid(page), id), enabled], label);
}

/// The title bar: the name, the language switch and the view tabs.
pub fn header(page: &Page) -> String {
    let mut h = Html::new();
    let lang = page.lang();
    h.raw("<header class=\"topbar\"><div class=\"brand\">");
    h.element("h1", &[], page.tr("高技术服务业政策浏览器", "HTS Policy Explorer"));
    let tagline = page.tr(
        "比较各省加快发展高技术服务业的实施意见：逐条检索、对照、引用",
        "Compare the provinces' implementation opinions on high-tech services: search, compare and cite every provision",
    );
    h.element("p", &[("class", "tagline")], tagline).raw("</div>");
    let (other, name) = if lang == Lang::Zh { ("en", "English") } else { ("zh-CN", "中文") };
    let mut switched = page.state.clone();
    switched.switch_lang();
    // In the app, the switch keeps the provision the page is at (`data-keep-fragment`): its
    // link is written with the frame, before any fragment is followed.
    let (nav, keep) = if page.prerender { ("", "") } else { ("data-nav", "data-keep-fragment") };
    h.element(
        "a",
        &[("class", "lang-switch"), (testid(page), "lang-switch"), ("href", &app_href(page, &switched)), (nav, ""), (keep, ""), ("lang", other)],
        name,
    );
    h.raw("</header>");
    h.open("nav", &[("class", "views"), ("aria-label", page.tr("视图", "Views"))]);
    for view in View::ALL {
        let label = match view {
            View::Provisions => page.tr("条文检索", "Provisions"),
            View::Compare => page.tr("省际对比", "Compare"),
            View::Targets => page.tr("量化目标", "Targets"),
            View::Documents => page.tr("文件原文", "Documents"),
        };
        let id = format!("view-{}", view.code());
        let current = if page.state.view == view { "aria-current" } else { "" };
        h.element(
            "a",
            &[("class", "view-tab"), ("href", &app_href(page, &page.state.at_view(view))), (nav, ""), (testid(page), &id), (current, "page")],
            label,
        );
    }
    h.close("nav");
    h.finish()
}

/// The three facets, each option with its live count under the other filters (zero
/// counts shown and disabled, never hidden).
pub fn facets(page: &Page, counts: &Counts) -> String {
    let mut h = Html::new();
    let t = taxonomy();
    let domains: Vec<&str> = t.domains.iter().map(|d| d.code.as_str()).chain([GENERAL]).collect();
    let provinces: Vec<&str> = page.corpus.provinces().iter().map(String::as_str).collect();
    for (facet, codes, title) in [(Facet::Province, provinces, page.tr("省份", "Province")), (Facet::Domain, domains, page.tr("服务领域", "Service domain"))]
    {
        frame_open(&mut h, page, facet, title);
        h.raw("<ul>");
        for code in codes {
            h.raw("<li>");
            option(&mut h, page, counts, facet, code, false);
            h.raw("</li>");
        }
        h.raw("</ul></fieldset>");
    }
    // Tools under their families; a family is an option of its own.
    frame_open(&mut h, page, Facet::Tool, page.tr("政策工具", "Policy tool"));
    for family in &t.families {
        h.raw("<div class=\"family\">");
        option(&mut h, page, counts, Facet::Tool, &family.code, true);
        h.raw("<ul>");
        for tool in t.tools_of(&family.code) {
            h.raw("<li>");
            option(&mut h, page, counts, Facet::Tool, &tool.code, false);
            h.raw("</li>");
        }
        h.raw("</ul></div>");
    }
    h.raw("</fieldset>");
    h.finish()
}

fn frame_open(h: &mut Html, page: &Page, facet: Facet, title: &str) {
    h.open("fieldset", &[("class", "facet"), (testid(page), &format!("facet-{}", facet.key())), ("data-facet", facet.key())]);
    h.element("legend", &[], title);
    let clear = (!page.state.codes(facet).is_empty()).then(|| after(page.state, |s| s.clear_facet(facet)));
    state_button(h, page, "link-button clear-facet", &format!("clear-{}", facet.key()), clear, page.tr("清除", "Clear"));
}

fn option(h: &mut Html, page: &Page, counts: &Counts, facet: Facet, code: &str, family: bool) {
    let map = match facet {
        Facet::Province => &counts.provinces,
        Facet::Domain => &counts.domains,
        Facet::Tool => &counts.tools,
    };
    let n = map.get(code).copied().unwrap_or(0);
    let checked = page.state.is_selected(facet, code);
    let class = match (family, n == 0) {
        (true, true) => "option family zero",
        (true, false) => "option family",
        (false, true) => "option zero",
        (false, false) => "option",
    };
    let id = format!("{}opt-{}-{code}", if page.prerender { "pre-" } else { "" }, facet.key());
    h.open("label", &[("class", class), ("for", &id), ("data-code", code)]);
    let target = after(page.state, |s| s.toggle(facet, code));
    h.open(
        "input",
        &[
            ("type", "checkbox"),
            ("id", &id),
            (testid(page), &format!("facet-{}-{code}", facet.key())),
            (if checked { "checked" } else { "" }, ""),
            (if n == 0 && !checked { "disabled" } else { "" }, ""),
            (if page.prerender { "" } else { "data-href" }, &target),
        ],
    );
    h.element("span", &[("class", "option-label")], &labels::facet_option(page.lang(), facet, code));
    let n = n.to_string();
    h.element("span", &[("class", "count"), ("aria-label", &format!("{n} {}", page.tr("条", "provisions")))], &n);
    h.close("label");
}

/// The query as a label: in quotes, or as typed when it quotes a phrase itself (never
/// quotes within quotes).
fn query_label(q: &str) -> String {
    let q = q.trim();
    if q.chars().any(|c| matches!(c, '"' | '“' | '”' | '「' | '」')) {
        q.to_string()
    } else {
        format!("“{q}”")
    }
}

/// The active filters as removable chips, and "clear all"; nothing without filters.
pub fn chips(page: &Page) -> String {
    let (s, lang) = (page.state, page.lang());
    let mut h = Html::new();
    if !s.has_filters() {
        return h.finish();
    }
    h.open("div", &[("class", "chips"), (testid(page), "active-filters")]);
    h.element("span", &[("class", "chips-title")], page.tr("当前筛选：", "Filters:"));
    let mut chip = |label: String, id: String, target: String| {
        let aria = format!("{} {label}", tr(lang, "移除筛选", "Remove filter"));
        h.open("button", &[("class", "chip"), ("type", "button"), (testid(page), &id), ("aria-label", &aria), ("data-href", &target)]);
        h.text(&label).raw(" <span aria-hidden=\"true\"> ×</span></button>");
    };
    for facet in Facet::ALL {
        for code in s.codes(facet) {
            chip(labels::facet_option(lang, facet, code), format!("chip-{}-{code}", facet.key()), after(s, |n| n.remove(facet, code)));
        }
    }
    if !s.q.trim().is_empty() {
        chip(query_label(&s.q), format!("chip-q-{}", s.q), after(s, State::clear_query));
    }
    state_button(&mut h, page, "link-button", "clear-all", Some(after(s, State::clear_filters)), page.tr("清除全部", "Clear all"));
    h.close("div");
    h.finish()
}

/// Where the data comes from, named from the corpus itself, and the data set to download
/// (`hosted`: not from `offline.html`, which has no file beside it).
pub fn footer(page: &Page, hosted: bool) -> String {
    let lang = page.lang();
    let documents = page.corpus.bundle.documents.len();
    let names: Vec<String> = page.corpus.provinces().iter().map(|p| labels::province(lang, p)).collect();
    // How the tags were made, as the bundle says (regression: "tags come from keyword
    // rules" stood under tags every one of which was reviewed).
    let (reviewed, total) = super::reader::reviewed_of(page.corpus.bundle.provisions.iter().flat_map(|p| &p.sentences));
    let tags = match (lang, reviewed == total) {
        (Lang::Zh, true) => format!("标签均经人工审核编码（{total} 句）"),
        (Lang::Zh, false) => format!("标签：{total} 句中 {reviewed} 句经人工审核编码，其余为关键词规则建议"),
        (Lang::En, true) => format!("Tags: all {total} sentences coded by human review"),
        (Lang::En, false) => format!("Tags: {reviewed} of {total} sentences coded by human review, the rest suggested by keyword rules"),
    };
    let sources = match lang {
        Lang::Zh => format!("数据来源：{}的 {documents} 份加快发展高技术服务业实施意见（落实国办发〔2011〕58号）。{tags}，仅供检索参考；引用请以原文为准。", names.join("、")),
        Lang::En => format!("Sources: {documents} implementation opinions on accelerating the high-tech service industry, from {} (implementing State Council guidance 国办发〔2011〕58号). {tags}; they guide retrieval: cite the original text.", names.join(", ")),
    };
    let mut h = Html::new();
    h.raw("<footer class=\"site-footer\"><p>").element("span", &[(testid(page), "sources")], &sources);
    if hosted {
        let data = if page.prerender { format!("{}data/policies.json", page.base) } else { "data/policies.json".to_string() };
        h.raw(" ").element(
            "a",
            &[("href", &data), ("download", "policies.json"), (testid(page), "download-data")],
            page.tr("下载数据集（JSON）", "Download the data set (JSON)"),
        );
    }
    h.raw("</p></footer>");
    h.finish()
}

/// With a domain filter but not 综合: how many general measures (sentences with no
/// service domain) also apply, added in one click. `extra` is that count.
pub fn general_offer(page: &Page, extra: Option<usize>) -> String {
    let mut h = Html::new();
    let Some(n) = extra else { return h.finish() };
    let text = match page.lang() {
        Lang::Zh => format!("另有 {n} 条综合措施（不限服务领域）也适用：一并显示"),
        Lang::En => {
            format!("{n} general measure{} (for every domain) also appl{}: show them too", if n == 1 { "" } else { "s" }, if n == 1 { "ies" } else { "y" })
        }
    };
    let target = after(page.state, |s| s.toggle(Facet::Domain, GENERAL));
    h.raw("<p class=\"general-offer\">");
    h.element(
        "button",
        &[("class", "link-button"), ("type", "button"), (testid(page), "general-offer"), ("data-count", &n.to_string()), ("data-href", &target)],
        &text,
    );
    h.raw("</p>");
    h.finish()
}

/// A `#provision-id` link whose provision the filters hide: said so, with a way to show it.
pub fn hidden_link(page: &Page, results: &[usize]) -> String {
    let mut h = Html::new();
    let Some(i) = page.highlight.and_then(|id| page.corpus.index_of(id)) else { return h.finish() };
    if results.contains(&i) {
        return h.finish();
    }
    let id = &page.corpus.provision(i).id;
    let text = match page.lang() {
        Lang::Zh => format!("链接指向的条文 {id} 不在当前筛选结果中。"),
        Lang::En => format!("The linked provision {id} is hidden by the current filters."),
    };
    h.open("div", &[("class", "notice"), ("role", "status"), (testid(page), "hidden-link")]).element("p", &[], &text);
    let target = super::href_at(&page.state.cleared(), id);
    h.element(
        "button",
        &[("class", "action"), ("type", "button"), (testid(page), "hidden-link-show"), ("data-href", &target)],
        page.tr("清除筛选并显示该条文", "Clear the filters and show it"),
    );
    h.close("div");
    h.finish()
}

/// No results: what removing one filter (or the query) would give, the largest first, and
/// a way to clear them all.
pub fn empty(page: &Page, en: Option<&crate::translation::Translation>) -> String {
    let (s, lang) = (page.state, page.lang());
    let mut options: Vec<(String, State)> = Vec::new();
    for facet in Facet::ALL {
        for code in s.codes(facet) {
            let mut next = s.clone();
            next.remove(facet, code);
            options.push((labels::facet_option(lang, facet, code), next));
        }
    }
    if !s.q.trim().is_empty() {
        let mut next = s.clone();
        next.clear_query();
        options.push((query_label(&s.q), next));
    }
    let counts: Vec<usize> = options.iter().map(|(_, next)| page.corpus.search_in(next, en).len()).collect();
    // The largest first, ties in the order above.
    let mut order: Vec<usize> = (0..options.len()).filter(|&k| counts[k] > 0).collect();
    crate::sort_indices(&mut order, &|a, b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    let mut h = Html::new();
    h.open("div", &[("class", "empty"), (testid(page), "empty")]).element("p", &[], page.tr("没有符合条件的条文。", "No provision matches these filters."));
    if counts.iter().any(|&n| n > 0) {
        h.element("p", &[], page.tr("去掉其中一个条件可得到结果：", "Removing one filter gives results:"));
    }
    h.raw("<ul class=\"empty-suggestions\">");
    for k in order {
        let (label, next, n) = (&options[k].0, &options[k].1, counts[k]);
        let text = match lang {
            Lang::Zh => format!("去掉 {label}（{n} 条）"),
            Lang::En => format!("Remove {label} ({n})"),
        };
        h.raw("<li>");
        h.element(
            "button",
            &[("class", "link-button"), ("type", "button"), (testid(page), "empty-remove"), ("data-count", &n.to_string()), ("data-href", &href(next))],
            &text,
        );
        h.raw("</li>");
    }
    h.raw("</ul>");
    state_button(&mut h, page, "action primary", "empty-clear", Some(after(s, State::clear_filters)), page.tr("清除全部筛选", "Clear all filters"));
    h.close("div");
    h.finish()
}

/// The switch a view's toolbar carries.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    /// The results: group by province.
    Grouping,
    /// The compare view: shares instead of counts.
    Shares,
}

/// A view's toolbar: its switch (a checkbox leading to the switched state) and the export
/// buttons, which the app runs by their `data-action` for the view shown.
pub fn toolbar(page: &Page, switch: Switch) -> String {
    let s = page.state;
    let (on, id, label, target) = match switch {
        Switch::Grouping => (s.group_by_province, "group-by-province", page.tr("按省份分组", "Group by province"), after(s, State::toggle_grouping)),
        Switch::Shares => {
            (s.shares, "compare-shares", page.tr("显示为占该省全部条文的比例", "Show as shares of each province's provisions"), after(s, State::toggle_shares))
        }
    };
    let mut h = Html::new();
    h.raw("<label class=\"toggle\">");
    h.open("input", &[("type", "checkbox"), ("id", id), (testid(page), id), (if on { "checked" } else { "" }, ""), ("data-href", &target)]);
    h.text(label).raw("</label>");
    if switch == Switch::Shares {
        h.raw("<div class=\"toolbar\">");
    }
    export_buttons(&mut h, page);
    if switch == Switch::Shares {
        h.raw("</div>");
    }
    h.finish()
}

/// "Export CSV" and "Export JSON" (`data-action="export-csv"`, `"export-json"`).
pub fn export_buttons(h: &mut Html, page: &Page) {
    for (id, label) in [("export-csv", page.tr("导出 CSV", "Export CSV")), ("export-json", page.tr("导出 JSON", "Export JSON"))] {
        h.element("button", &[("class", "action"), ("type", "button"), (testid(page), id), ("data-action", id)], label);
    }
}
