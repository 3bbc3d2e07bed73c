//! A provision's card (where it comes from, its text with the filtered sentences
//! emphasised and the search terms marked, its tags with who decided them, its share
//! buttons) and the list of results, optionally grouped by province.

use super::{href_at, testid, Html, Page};
use crate::export::{citation_in, Style};
use crate::labels::{self, NOT_TRANSLATED};
use crate::model::{CodedBy, Provision, ProvisionNote, ReasonKind, Sentence, TagReason};
use crate::url::{Lang, View};

/// One row of the results: a province's heading (when grouping) or a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Group(String, usize),
    Card(usize),
}

/// The first `limit` results as rows: in corpus order, or grouped by province (in the
/// corpus's order of documents) with a heading and its count before each group.
pub fn rows(corpus: &crate::search::Corpus, results: &[usize], grouped: bool, limit: usize) -> Vec<Row> {
    let mut results = results.to_vec();
    let mut rows = Vec::new();
    if grouped {
        let order: Vec<&str> = corpus.bundle.documents.iter().map(|d| d.province.as_str()).collect();
        let group = |i: usize| order.iter().position(|p| *p == corpus.provision(i).province);
        crate::sort_indices(&mut results, &|a, b| (group(a), a).cmp(&(group(b), b)));
    }
    let mut current: Option<&str> = None;
    for &i in results.iter().take(limit) {
        let province = corpus.provision(i).province.as_str();
        if grouped && current != Some(province) {
            let n = results.iter().filter(|&&j| corpus.provision(j).province == province).count();
            rows.push(Row::Group(province.to_string(), n));
            current = Some(province);
        }
        rows.push(Row::Card(i));
    }
    rows
}

/// The rows as HTML.
pub fn results(page: &Page, rows: &[Row]) -> String {
    let mut h = Html::new();
    for row in rows {
        match row {
            Row::Group(province, n) => {
                let id = format!("group-{province}");
                let label = labels::with_count(page.lang(), &labels::province(page.lang(), province), *n);
                h.element("h3", &[("class", "group"), (testid(page), &id)], &label);
            }
            Row::Card(i) => card(&mut h, page, *i),
        }
    }
    h.finish()
}

/// One provision's card.
pub fn card(h: &mut Html, page: &Page, index: usize) {
    let corpus = page.corpus;
    let lang = page.lang();
    let p = corpus.provision(index);
    let Some(doc) = corpus.bundle.documents.iter().find(|d| d.id == p.doc) else { return };
    let en = page.en;
    // A prerendered card has no address of its own to cite (nor a script to copy it).
    let cite = if page.prerender {
        ("", String::new())
    } else {
        let link = crate::url::cite_link(page.base, lang, &p.id);
        ("data-citation", citation_in(corpus, index, Style::GbT7714, lang, &link, None, en))
    };
    let class = if page.highlight == Some(p.id.as_str()) { "provision highlighted" } else { "provision" };
    h.open("article", &[("class", class), (testid(page), "provision"), ("data-id", &p.id), ("data-province", &p.province), (cite.0, &cite.1), ("id", &p.id)]);
    // A heading for each card, so a screen reader moves from card to card by heading (under
    // the province groups' `h3` when grouped), named by what tells the cards apart: the
    // province and the place, as a citation gives it (read in full, the long document title
    // came first in each).
    let level = if page.state.group_by_province { "4" } else { "3" };
    let path = labels::path(corpus, lang, p, en);
    let n = corpus.paragraph(index);
    let name = match lang {
        Lang::Zh => format!("{}：{path} 第{n}段", labels::province(lang, &p.province)),
        Lang::En => format!("{}: {path}, paragraph {n}", labels::province(lang, &p.province)),
    };
    h.open("div", &[("class", "provision-head"), ("role", "heading"), ("aria-level", level), ("aria-label", &name)]);
    let badge = format!("badge province-{}", p.province);
    h.element("span", &[("class", &badge)], &labels::province(lang, &p.province));
    // The reader keeps the filters and the search; a prerendered card opens the static
    // reader, which works without JavaScript.
    let reader = if page.prerender {
        format!("./docs/{}.html#{}", doc.id, crate::url::percent_encode(&p.id))
    } else {
        let at = crate::url::State { view: View::Documents, doc: Some(doc.id.clone()), ..page.state.clone() };
        href_at(&at, &p.id)
    };
    let head_lang = labels::document_title_lang(lang, doc, en);
    let nav = if page.prerender { "" } else { "data-nav" };
    let title = labels::document_title(lang, doc, en);
    h.element(
        "a",
        &[("class", "doc-link"), ("href", &reader), (nav, ""), ("title", page.tr("在原文中查看", "Read in the document")), ("lang", head_lang)],
        &title,
    );
    let path_lang = labels::path_lang(corpus, lang, p, en);
    h.element("span", &[("class", "path"), ("lang", path_lang)], &path);
    h.raw("</div>");
    let emphasis = corpus.emphasised_sentences(index, page.state);
    h.open("p", &[("class", "text"), ("lang", if en.is_some() { "en" } else { "zh-CN" })]);
    sentences(h, page, p, &emphasis, en.is_some());
    h.close("p");
    if en.is_some() {
        h.open("details", &[("class", "original"), (testid(page), "original")]).raw("<summary>Chinese original</summary><p class=\"text\" lang=\"zh-CN\">");
        sentences(h, page, p, &emphasis, false);
        h.raw("</p></details>");
    }
    if !p.departments.is_empty() {
        h.open("p", &[("class", "departments"), (testid(page), "departments")]);
        h.element("span", &[("class", "label")], page.tr("责任单位：", "Responsible: "));
        match en {
            // In English, each name in English where the edition has it (else in Chinese,
            // said so), in the source's order: the first named leads.
            Some(t) => {
                let names: Vec<String> =
                    p.departments.iter().enumerate().map(|(k, d)| t.department(p, k).map_or_else(|| format!("{d}{NOT_TRANSLATED}"), str::to_string)).collect();
                h.element("span", &[("lang", "en")], &names.join("; "));
            }
            None => {
                h.element("span", &[("lang", "zh-CN")], &p.departments.join("、"));
            }
        }
        h.close("p");
    }
    tags(h, page, index);
    if let Some(n) = doc.provision_notes.iter().find(|n| n.provision == p.id) {
        h.open("p", &[("class", "quality"), (testid(page), "quality-note")]).raw("<span aria-hidden=\"true\">⚠ </span>");
        h.text(&repair_note(lang, n)).close("p");
    }
    actions(h, page, index);
    h.close("article");
}

/// The sentences, the filtered ones emphasised and the search terms marked: in Chinese,
/// or in English (a sentence without one in Chinese, said so).
fn sentences(h: &mut Html, page: &Page, p: &Provision, emphasis: &[bool], english: bool) {
    for (s, &emph) in p.sentences.iter().zip(emphasis) {
        let translated = if english { page.en.and_then(|t| t.get(&s.id)) } else { None };
        let text = translated.unwrap_or(&s.text);
        let missing = english && translated.is_none();
        h.open("span", &[("class", if emph { "sentence" } else { "sentence dim" }), (if missing { "lang" } else { "" }, "zh-CN")]);
        h.marked(text, &page.query.highlights(text));
        if missing {
            h.text(NOT_TRANSLATED);
        }
        if english {
            h.text(" ");
        }
        h.close("span");
    }
}

/// What the repair did to this provision, in words; the document's own notes are in the
/// documents view, once.
fn repair_note(lang: Lang, n: &ProvisionNote) -> String {
    let tr = |zh, en| labels::tr(lang, zh, en);
    let mut parts =
        vec![tr("来源文本在此处有缺陷，已自动修复，请核对原文：", "The source text is damaged here and was repaired; check the original:").to_string()];
    if n.repeats_removed > 0 {
        parts.push(match lang {
            Lang::Zh => format!("删除了重复出现的 {} 句（保留首次出现）。", n.repeats_removed),
            Lang::En => {
                format!("{} repeated sentence{} removed (the first occurrence kept).", n.repeats_removed, if n.repeats_removed == 1 { "" } else { "s" })
            }
        });
    }
    if n.out_of_order_heading {
        parts.push(
            tr("所在标题编号顺序错乱，条文位置可能不是原始顺序。", "It sits under a heading numbered out of order: its place may not be the original.")
                .to_string(),
        );
    }
    parts.join(if lang == Lang::Zh { "" } else { " " })
}

fn reason_text(lang: Lang, r: &TagReason) -> String {
    let kind = match r.kind {
        ReasonKind::Heading => labels::tr(lang, "所在标题：", "Under heading: "),
        ReasonKind::Target => labels::tr(lang, "量化目标：", "Quantitative target: "),
        ReasonKind::Keyword => labels::tr(lang, "关键词：", "Keyword: "),
        ReasonKind::Review => labels::tr(lang, "人工审核", "Reviewed"),
    };
    if r.matched.is_empty() {
        kind.trim_end_matches(['：', ':', ' ']).to_string()
    } else {
        format!("{kind}{}", r.matched)
    }
}

/// Who decided a tag of a provision, in words: reviewed when every sentence that carries
/// it was coded by a reviewer (with the reviewer's notes), else suggested by the keyword
/// rules (with the rule's reason). Never empty.
pub fn provenance(lang: Lang, p: &Provision, code: &str) -> (bool, String) {
    let carriers: Vec<&Sentence> = p.sentences.iter().filter(|s| s.domains.iter().chain(&s.tools).any(|c| c == code)).collect();
    if !carriers.is_empty() && carriers.iter().all(|s| s.coded_by == CodedBy::Review) {
        let notes: Vec<&str> = carriers.iter().filter_map(|s| s.note.as_deref()).collect();
        let label = labels::tr(lang, "人工审核编码", "reviewed coding");
        // A coder's note is on the whole sentence (and points to the coding guide's
        // sections, in the coders' English), not on this one tag: it is said so.
        let about = labels::tr(
            lang,
            "。编码员对整句的说明（英文；§ 为项目编码指南的章节）：",
            ". The coder's note on the whole sentence (§: sections of the project's coding guide): ",
        );
        let text = if notes.is_empty() { label.to_string() } else { format!("{label}{about}{}", notes.join(" · ")) };
        return (true, text);
    }
    let label = labels::tr(lang, "关键词规则建议（未经审核）", "suggested by keyword rules (not reviewed)");
    let reason = carriers.iter().filter(|s| s.coded_by == CodedBy::Rules).flat_map(|s| s.reasons.iter()).find(|r| r.code == code);
    match reason {
        Some(r) => (false, format!("{label}{}{}", labels::tr(lang, "。", ". "), reason_text(lang, r))),
        None => (false, label.to_string()),
    }
}

/// Domain and tool tags: reviewed tags solid, rule-suggested tags dashed; who decided
/// (and why) shows on hover and on keyboard focus.
fn tags(h: &mut Html, page: &Page, index: usize) {
    let (corpus, lang) = (page.corpus, page.lang());
    let p = corpus.provision(index);
    h.open("ul", &[("class", "tags"), ("aria-label", page.tr("标签", "Tags"))]);
    let domains = corpus.provision_domains(index).iter().map(|c| (c, "tag domain", labels::domain(lang, c)));
    let tools = corpus.provision_tools(index).iter().map(|c| (c, "tag tool", labels::tool(lang, c)));
    for (code, kind, label) in domains.chain(tools) {
        let (reviewed, why) = provenance(lang, p, code);
        let class = format!("{kind} {}", if reviewed { "reviewed" } else { "suggested" });
        h.raw("<li>");
        let by = if reviewed { "review" } else { "rules" };
        h.element("span", &[("class", &class), ("tabindex", "0"), ("data-code", code), ("data-coded-by", by), ("data-reason", &why), ("title", &why)], &label);
        h.raw("</li>");
    }
    h.close("ul");
}

/// The share buttons; the app handles them by their `data-action` and says "copied" in
/// their `data-done` words.
fn actions(h: &mut Html, page: &Page, index: usize) {
    let i = index.to_string();
    h.raw("<div class=\"actions\">");
    let buttons = [
        ("copy-link", "copy-link", page.tr("复制链接", "Copy link"), page.tr("已复制链接", "Link copied")),
        ("copy-citation", "copy-citation", page.tr("复制引用（GB/T 7714）", "Copy citation (GB/T 7714)"), page.tr("已复制引用", "Citation copied")),
        ("copy-citation-plain", "copy-plain", page.tr("复制简式引用", "Copy plain citation"), page.tr("已复制引用", "Citation copied")),
    ];
    for (id, action, label, done) in buttons {
        let action = if page.prerender { "" } else { action };
        h.element(
            "button",
            &[("class", "action"), ("type", "button"), (testid(page), id), ("data-action", action), ("data-index", &i), ("data-done", done)],
            label,
        );
    }
    h.raw("</div>");
}

/// The link a card's "copy link" gives: the page's state at the provision.
pub fn share_link(base: &str, state: &crate::url::State, id: &str) -> String {
    format!("{base}{}", href_at(state, id))
}
