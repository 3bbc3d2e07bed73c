//! The documents view: the documents that have a provision matching the filters, each
//! with its metadata, how much of its coding is reviewed and the notes on its source;
//! and the reader of one document: its outline, every provision with its anchor (the
//! linked one highlighted, the search terms marked), and in English the translation with
//! the Chinese beside it on wide screens, one click away on narrow ones.
//!
//! With `page.prerender` the reader is the static page's (`docs/<id>.html`, no script):
//! no test ids or buttons, links relative to `docs/`, each provision linking into the
//! app, the responsible departments spelled out, headings a level lower under its `h1`.

use super::{href, href_at, testid, Html, Page};
use crate::labels::{self, NOT_TRANSLATED};
use crate::model::{CodedBy, Document, Heading, Provision, Sentence};
use crate::search::Corpus;
use crate::url::{percent_encode, Lang, State, View};

/// The documents with a provision among `results`, as (position in the corpus's
/// documents, how many of the results are theirs), in the corpus's order.
pub fn matching(corpus: &Corpus, results: &[usize]) -> Vec<(usize, usize)> {
    let docs = &corpus.bundle.documents;
    let mut counts = vec![0; docs.len()];
    for &i in results {
        let doc = &corpus.provision(i).doc;
        if let Some(d) = docs.iter().position(|d| d.id == *doc) {
            counts[d] += 1;
        }
    }
    counts.into_iter().enumerate().filter(|&(_, n)| n > 0).collect()
}

/// How many of a document's sentences a reviewer coded, of how many.
pub fn review_counts(corpus: &Corpus, doc: &Document) -> (usize, usize) {
    reviewed_of(corpus.bundle.provisions.iter().filter(|p| p.doc == doc.id).flat_map(|p| &p.sentences))
}

/// How many of these sentences a reviewer coded, of how many.
pub fn reviewed_of<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> (usize, usize) {
    sentences.fold((0, 0), |(reviewed, total), s| (reviewed + usize::from(s.coded_by == CodedBy::Review), total + 1))
}

/// One part of a document's text, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part<'a> {
    Heading(&'a Heading),
    /// A provision, by its index in the corpus.
    Provision(usize),
}

/// A document's headings and provisions in reading order: each heading before the
/// provision it opens (by position), those after the last provision at the end.
pub fn parts<'a>(corpus: &'a Corpus, doc: &'a Document) -> Vec<Part<'a>> {
    let provisions = (0..corpus.bundle.provisions.len()).filter(|&i| corpus.provision(i).doc == doc.id);
    let mut parts = Vec::new();
    let mut k = 0;
    for i in provisions {
        parts.extend(doc.outline.iter().filter(|h| h.first_provision == k).map(Part::Heading));
        parts.push(Part::Provision(i));
        k += 1;
    }
    parts.extend(doc.outline.iter().filter(|h| h.first_provision >= k).map(Part::Heading));
    parts
}

/// The documents view: heading, summary and the list of `matching` (see [`matching`]).
pub fn documents(page: &Page, matching: &[(usize, usize)]) -> String {
    let docs = &page.corpus.bundle.documents;
    let mut h = Html::new();
    h.raw("<section class=\"documents\">");
    h.element("h2", &[], page.tr("文件列表", "Documents"));
    let (n, all) = (matching.len(), docs.len());
    // Without filters every document is listed: say how many, not "matching".
    let filtered = page.state.has_filters();
    let summary = match (page.lang(), filtered) {
        (Lang::Zh, true) => format!("{all} 份文件中 {n} 份有符合条件的条文"),
        (Lang::En, true) => format!("{n} of {all} documents have matching provisions"),
        (Lang::Zh, false) => format!("共 {all} 份文件"),
        (Lang::En, false) => format!("{all} documents"),
    };
    h.element("p", &[("class", "hint"), (testid(page), "document-summary")], &summary);
    h.raw("<ul class=\"doc-list\">");
    for &(d, matches) in matching {
        h.raw("<li>");
        document_card(&mut h, page, &docs[d], matches);
        h.raw("</li>");
    }
    h.raw("</ul></section>");
    h.finish()
}

fn document_card(h: &mut Html, page: &Page, doc: &Document, matches: usize) {
    let lang = page.lang();
    let n = matches.to_string();
    h.open("article", &[("class", "doc-card"), (testid(page), "document"), ("data-id", &doc.id), ("data-province", &doc.province), ("data-matches", &n)]);
    let (link, nav) = if page.prerender {
        (format!("{}docs/{}.html", page.base, percent_encode(&doc.id)), "")
    } else {
        (href(&State { doc: Some(doc.id.clone()), ..page.state.clone() }), "data-nav")
    };
    let open = format!("open-{}", doc.id);
    // Marked when its language is not the page's (a Chinese title in the English list).
    let title_lang = labels::document_title_lang(lang, doc, page.en);
    let lang_attr = if title_lang == page.tr("zh-CN", "en") { "" } else { "lang" };
    h.raw("<h3>").element("a", &[("href", &link), (nav, ""), (testid(page), &open), (lang_attr, title_lang)], &labels::document_title(lang, doc, page.en));
    h.raw("</h3>");
    let count = match (lang, page.state.has_filters()) {
        (Lang::Zh, true) => format!("{matches} / {} 条条文符合当前筛选", doc.stats.provisions),
        (Lang::En, true) => format!("{matches} of {} provisions match the filters", doc.stats.provisions),
        (Lang::Zh, false) => format!("共 {} 条条文", doc.stats.provisions),
        (Lang::En, false) => format!("{} provisions", doc.stats.provisions),
    };
    h.element("p", &[("class", "doc-matches"), (testid(page), "document-matches")], &count);
    metadata(h, page, doc);
    review_share(h, page, doc);
    if let Some(notes) = &doc.notes {
        doc_notes(h, page, notes);
    }
    quality_notes(h, page, doc);
    h.close("article");
}

/// The catalog's note on a document, each language marked, the page's language first.
fn doc_notes(h: &mut Html, page: &Page, notes: &str) {
    h.open("p", &[("class", "doc-notes"), (testid(page), "doc-notes")]);
    let (zh, en) = labels::split_note(notes);
    let parts = match page.lang() {
        Lang::Zh => [(zh, "zh-CN"), (en, "en")],
        Lang::En => [(en, "en"), (zh, "zh-CN")],
    };
    for (n, (text, lang)) in parts.into_iter().filter_map(|(t, l)| Some((t?, l))).enumerate() {
        if n > 0 {
            h.text(" ");
        }
        h.element("span", &[("lang", lang)], text);
    }
    h.close("p");
}

/// The metadata as a definition list, each value with its `data-field`; what the sources
/// do not give is said unknown.
fn metadata(h: &mut Html, page: &Page, doc: &Document) {
    let lang = page.lang();
    let unknown = page.tr("未知", "unknown");
    let row = |h: &mut Html, zh: &'static str, en: &'static str, value: &str, field: &'static str| {
        h.element("dt", &[], page.tr(zh, en));
        h.element("dd", &[(if value == unknown { "class" } else { "" }, "unknown"), ("data-field", field)], value);
    };
    h.raw("<dl class=\"meta\">");
    row(h, "省份", "Province", &labels::province(lang, &doc.province), "province");
    match (doc.issuer.as_deref(), page.en.and_then(|t| t.get(&format!("{}:issuer", doc.id)))) {
        // The authority's name in English, and as the source gives it (citations keep that).
        (Some(zh), Some(en)) => {
            h.element("dt", &[], page.tr("发文机关", "Issuer"));
            h.open("dd", &[("data-field", "issuer")]).element("span", &[("lang", "en")], en).text(" ");
            h.element("span", &[("class", "issuer-original"), ("lang", "zh-CN")], zh).close("dd");
        }
        _ => row(h, "发文机关", "Issuer", &labels::or_unknown(lang, &doc.issuer), "issuer"),
    }
    row(h, "成文日期", "Date", &labels::or_unknown(lang, &doc.date), "date");
    row(h, "文号", "Document number", &labels::or_unknown(lang, &doc.doc_number), "doc_number");
    row(h, "发布日期", "Published", &labels::or_unknown(lang, &doc.publication_date), "publication_date");
    h.element("dt", &[], page.tr("官方原文", "Official text"));
    match doc.source_url.as_deref() {
        // Only a web address is a link (never `javascript:` or the like from the catalog).
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            h.raw("<dd data-field=\"source_url\">");
            h.element("a", &[("href", url), ("rel", "noopener noreferrer"), ("target", "_blank"), (testid(page), "source-url")], url);
            h.raw("</dd>");
        }
        Some(other) => {
            h.element("dd", &[("data-field", "source_url")], other);
        }
        None => {
            let text = page.tr("未知（目录未载链接）", "unknown (no link in the catalog)");
            h.element("dd", &[("class", "unknown"), ("data-field", "source_url")], text);
        }
    }
    row(h, "来源文件", "Source file", &doc.source_file, "source_file");
    row(h, "条文数", "Provisions", &doc.stats.provisions.to_string(), "provisions");
    h.raw("</dl>");
}

/// How much of the document's coding a reviewer decided: "121 of 121 sentences reviewed".
fn review_share(h: &mut Html, page: &Page, doc: &Document) {
    let (reviewed, total) = review_counts(page.corpus, doc);
    let all = total > 0 && reviewed == total;
    let text = match page.lang() {
        Lang::Zh => format!("编码审核：{total} 句中 {reviewed} 句已人工审核{}", if all { "" } else { "，其余为关键词规则建议" }),
        Lang::En => {
            format!("Coding: {reviewed} of {total} sentences reviewed{}", if all { "" } else { "; the rest suggested by keyword rules (not reviewed)" })
        }
    };
    let (r, t) = (reviewed.to_string(), total.to_string());
    let class = if all { "review-share" } else { "review-share partial" };
    h.element("p", &[("class", class), (testid(page), "review-share"), ("data-reviewed", &r), ("data-total", &t)], &text);
}

/// What the compiler had to do to the source, when anything.
fn quality_notes(h: &mut Html, page: &Page, doc: &Document) {
    if doc.quality_notes.is_empty() {
        return;
    }
    h.open("div", &[("class", "quality"), (testid(page), "doc-quality-notes"), ("role", "note")]);
    h.element("strong", &[], page.tr("来源文本质量说明", "About the source text")).raw("<ul>");
    for note in &doc.quality_notes {
        h.element("li", &[], &note.describe(page.lang()));
    }
    h.raw("</ul></div>");
}

/// The label of the button that shows the Chinese original on narrow screens.
pub fn original_toggle_label(shown: bool) -> &'static str {
    if shown {
        "Hide the Chinese original"
    } else {
        "Show the Chinese original"
    }
}

/// A link into the app: the state's address, from `docs/` in a static page.
fn app_link(page: &Page, state: &State, anchor: Option<&str>) -> String {
    let at = match anchor {
        Some(a) => href_at(state, a),
        None => href(state),
    };
    if page.prerender {
        format!("../index.html{at}")
    } else {
        at
    }
}

/// The reader of one document. `show_original`: the Chinese is shown under the English
/// on narrow screens too (the app's toggle, kept across renders).
pub fn reader(page: &Page, doc: &Document, show_original: bool) -> String {
    let (lang, en) = (page.lang(), page.en);
    let mut h = Html::new();
    let class = match (en.is_some(), show_original) {
        (false, _) => "reader",
        (true, false) => "reader bilingual",
        (true, true) => "reader bilingual show-original",
    };
    // A static page's reader is styled as the page's main content.
    let class = if page.prerender { format!("{class} static-reader") } else { class.to_string() };
    h.open("section", &[("class", &class), (testid(page), "reader"), ("data-doc", &doc.id)]);
    let back = State { doc: None, view: View::Documents, ..page.state.clone() };
    let nav = if page.prerender { "" } else { "data-nav" };
    h.element("a", &[("class", "back"), ("href", &app_link(page, &back, None)), (nav, "")], page.tr("← 返回文件列表", "← All documents"));
    if page.prerender {
        let here = State { doc: Some(doc.id.clone()), view: View::Documents, ..page.state.clone() };
        h.raw(" · ").element("a", &[("class", "open-in-app"), ("href", &app_link(page, &here, None))], page.tr("在检索器中打开", "Open in the explorer"));
    }
    let title_lang = labels::document_title_lang(lang, doc, en);
    let title_tag = if page.prerender { "h1" } else { "h2" };
    h.element(title_tag, &[("lang", title_lang)], &labels::document_title(lang, doc, en));
    if let (Some(_), Some(title)) = (en, &doc.title) {
        h.element("p", &[("class", "original-title"), ("lang", "zh-CN")], title);
    }
    quality_notes(&mut h, page, doc);
    metadata(&mut h, page, doc);
    review_share(&mut h, page, doc);
    // The app shows the notes in the list of documents; a static page is on its own.
    if let Some(notes) = doc.notes.as_ref().filter(|_| page.prerender) {
        doc_notes(&mut h, page, notes);
    }
    if !page.prerender {
        let done = page.tr("已复制 BibTeX", "BibTeX copied");
        h.element(
            "button",
            &[
                ("class", "action"),
                ("type", "button"),
                (testid(page), "copy-bibtex"),
                ("data-action", "copy-bibtex"),
                ("data-doc", &doc.id),
                ("data-done", done),
            ],
            page.tr("复制 BibTeX", "Copy BibTeX"),
        );
    }
    outline(&mut h, page, doc);
    if en.is_some() && !page.prerender {
        let pressed = if show_original { "true" } else { "false" };
        h.element(
            "button",
            &[
                ("class", "action original-toggle"),
                ("type", "button"),
                (testid(page), "show-original"),
                ("data-action", "toggle-original"),
                ("aria-pressed", pressed),
            ],
            original_toggle_label(show_original),
        );
    }
    h.raw("<div class=\"document-text\" id=\"text\">");
    if let Some(a) = &doc.addressee {
        bilingual(&mut h, page, &format!("{}:addressee", doc.id), a, "addressee", None);
    }
    for part in parts(page.corpus, doc) {
        match part {
            Part::Heading(heading) => reader_heading(&mut h, page, heading),
            Part::Provision(i) => provision(&mut h, page, doc, page.corpus.provision(i)),
        }
    }
    if let Some(s) = &doc.signature {
        bilingual(&mut h, page, &format!("{}:signature", doc.id), s, "signature", None);
    }
    if let Some(d) = &doc.date {
        h.element("p", &[("class", "signature")], d);
    }
    h.raw("</div></section>");
    h.finish()
}

/// The table of contents: a fragment link to every heading.
fn outline(h: &mut Html, page: &Page, doc: &Document) {
    h.open("nav", &[("class", "toc"), ("aria-label", page.tr("目录", "Contents"))]);
    // Under the title: `h3` under the app's `h2`, `h2` under a static page's `h1`.
    h.element(if page.prerender { "h2" } else { "h3" }, &[], page.tr("目录", "Contents")).raw("<ol>");
    for heading in &doc.outline {
        let class = format!("toc-{}", heading.level);
        let target = format!("#{}", percent_encode(&heading.id));
        let (text, lang) = in_edition(page, &heading.id, &heading.text);
        h.open("li", &[("class", &class)]).element("a", &[("href", &target), ("lang", lang)], &text).close("li");
    }
    h.raw("</ol></nav>");
}

/// A text in the edition of the page: the English (with its language) when there is
/// one, else the Chinese (said so where English was asked for).
fn in_edition(page: &Page, id: &str, zh: &str) -> (String, &'static str) {
    match page.en.map(|t| t.get(id)) {
        None => (zh.to_string(), "zh-CN"),
        Some(Some(t)) => (t.to_string(), "en"),
        Some(None) => (format!("{zh}{NOT_TRANSLATED}"), "zh-CN"),
    }
}

/// One text of the reader (a heading, the addressee, the signature): the Chinese, and in
/// English the translation before it (the original beside it on wide screens, hidden on
/// narrow ones until asked for). A heading is one by its role and level.
fn bilingual(h: &mut Html, page: &Page, id: &str, zh: &str, class: &'static str, level: Option<u8>) {
    let class = if page.en.is_some() { format!("{class} pair") } else { class.to_string() };
    let level = level.map(|l| l.to_string());
    let (role, aria_level) = match &level {
        Some(l) => (("role", "heading"), ("aria-level", l.as_str())),
        None => (("", ""), ("", "")),
    };
    h.open("div", &[("class", &class), role, aria_level]);
    if page.en.is_some() {
        let (text, lang) = in_edition(page, id, zh);
        h.element("span", &[("class", "en"), ("lang", lang)], &text);
    }
    h.element("span", &[("class", "zh"), ("lang", "zh-CN")], zh);
    h.close("div");
}

/// A heading of the text: the anchor sits on a wrapper, on one element whatever the
/// edition.
fn reader_heading(h: &mut Html, page: &Page, heading: &Heading) {
    h.open("div", &[("id", &heading.id), ("class", "doc-h-anchor"), (testid(page), "reader-heading")]);
    // Under the app's `h2` title (`h1` in a static page), outline level 1 is level 3.
    let level = if page.prerender { (heading.level + 1).min(6) } else { (heading.level + 2).min(5) };
    bilingual(h, page, &heading.id, &heading.text, "doc-h", Some(level));
    h.close("div");
}

/// The app's "cite" button at the end of a provision's text (in the language it is read
/// in): its citation (GB/T 7714) copied, as a result card's is, without leaving the reader.
fn cite(h: &mut Html, page: &Page, p: &Provision) {
    let Some(i) = page.corpus.index_of(&p.id).filter(|_| !page.prerender) else { return };
    h.text(" ").element(
        "button",
        &[
            ("class", "link-button cite"),
            ("type", "button"),
            (testid(page), "reader-cite"),
            ("data-action", "copy-citation"),
            ("data-index", &i.to_string()),
            ("data-done", page.tr("已复制引用", "Citation copied")),
            ("aria-label", page.tr("复制此条的引用（GB/T 7714）", "Copy this provision's citation (GB/T 7714)")),
        ],
        page.tr("引用", "Cite"),
    );
}

/// One provision with its anchor: its text with the search terms marked, and in English
/// its sentences' translations (a sentence without one in Chinese, said so) and the
/// responsibility clause as written; a provision that is only a clause has no sentence,
/// and shows it.
fn provision(h: &mut Html, page: &Page, doc: &Document, p: &Provision) {
    let highlighted = page.highlight == Some(p.id.as_str());
    let class = match (page.en.is_some(), highlighted) {
        (false, false) => "reader-provision",
        (false, true) => "reader-provision highlighted",
        (true, false) => "reader-provision pair",
        (true, true) => "reader-provision pair highlighted",
    };
    h.open("div", &[("class", class), ("id", &p.id), (testid(page), "reader-provision"), ("data-id", &p.id)]);
    let responsibility = p.responsibility.as_deref().filter(|r| *r != p.text);
    if let Some(t) = page.en {
        h.open("p", &[("class", "en"), ("lang", "en"), (testid(page), "translated")]);
        for s in &p.sentences {
            match t.get(&s.id) {
                Some(text) => {
                    h.raw("<span>").marked(text, &page.query.highlights(text));
                }
                None => {
                    h.raw("<span lang=\"zh-CN\">").marked(&s.text, &page.query.highlights(&s.text)).text(NOT_TRANSLATED);
                }
            }
            h.raw(" </span>");
        }
        let clause = if p.sentences.is_empty() { Some(p.text.as_str()) } else { responsibility };
        if let Some(r) = clause {
            h.element("span", &[("class", "responsibility"), ("lang", "zh-CN")], r);
        }
        cite(h, page, p);
        h.close("p");
    }
    h.raw("<p class=\"zh\" lang=\"zh-CN\">").marked(&p.text, &page.query.highlights(&p.text));
    if let Some(r) = responsibility {
        h.element("span", &[("class", "responsibility")], r);
    }
    if page.en.is_none() {
        cite(h, page, p);
    }
    if page.prerender {
        // The way back into the app, at this provision.
        let at = State { doc: Some(doc.id.clone()), view: View::Documents, ..page.state.clone() };
        let label = page.tr("在检索器中打开此条", "Open this provision in the explorer");
        h.raw(" ").open("a", &[("class", "in-app"), ("href", &app_link(page, &at, Some(&p.id))), ("title", label)]);
        h.raw("↗").element("span", &[("class", "visually-hidden")], label).raw("</a>");
    }
    h.raw("</p>");
    // The app's cards list the departments; a static page has no cards.
    if page.prerender && !p.departments.is_empty() {
        // Named in English too, as the static page's own words are.
        let label = match page.lang() {
            Lang::Zh => "<span class=\"label\">责任单位 <span lang=\"en\">Responsible</span>：</span>",
            Lang::En => "<span class=\"label\">Responsible: </span>",
        };
        h.raw("<p class=\"departments\">").raw(label);
        h.text(&p.departments.join("、")).raw("</p>");
    }
    h.close("div");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bundle, DocumentStats, QualityNote, Sentence};
    use crate::search::Query;
    use crate::translation::Translation;

    fn sentence(id: &str, text: &str, coded_by: CodedBy) -> Sentence {
        Sentence { id: id.to_string(), text: text.to_string(), domains: vec![], tools: vec![], reasons: vec![], coded_by, note: None }
    }

    fn provision(doc: &str, n: usize, sentences: &[&str], responsibility: Option<&str>) -> Provision {
        let id = format!("{doc}-{n}");
        let coded = if doc == "hunan-hts" { CodedBy::Review } else { CodedBy::Rules };
        let mut text = sentences.concat();
        if sentences.is_empty() {
            text = responsibility.unwrap_or_default().to_string();
        }
        Provision {
            id: id.clone(),
            doc: doc.to_string(),
            province: doc.trim_end_matches("-hts").to_string(),
            position: n,
            path: vec![],
            text,
            departments: responsibility.map(|_| vec!["省科技厅".to_string(), "省财政厅".to_string()]).unwrap_or_default(),
            responsibility: responsibility.map(str::to_string),
            sentences: sentences.iter().enumerate().map(|(k, s)| sentence(&format!("{id}:{}", k + 1), s, coded)).collect(),
        }
    }

    fn heading(id: &str, level: u8, text: &str, first_provision: usize) -> Heading {
        Heading { id: id.to_string(), level, text: text.to_string(), first_provision }
    }

    fn document(id: &str, province: &str, title: Option<&str>, outline: Vec<Heading>, provisions: usize) -> Document {
        Document {
            id: id.to_string(),
            province: province.to_string(),
            title: title.map(str::to_string),
            issuer: Some("湖南省人民政府".to_string()),
            date: None,
            doc_number: Some("湘政发〔2013〕1号".to_string()),
            publication_date: None,
            source_file: format!("{id}.txt"),
            source_url: None,
            addressee: Some("各市州人民政府：".to_string()),
            signature: Some("湖南省人民政府".to_string()),
            notes: None,
            quality_notes: vec![],
            provision_notes: vec![],
            front_matter: vec![],
            outline,
            stats: DocumentStats { provisions, ..DocumentStats::default() },
        }
    }

    /// Hunan (two headings, three provisions, a trailing heading; reviewed) and Jilin
    /// (untitled, one provision, coded by the rules, a quality note).
    fn corpus() -> Corpus {
        let outline =
            vec![heading("hunan-hts-h1", 1, "一、发展目标", 0), heading("hunan-hts-h2", 2, "（一）重点任务", 1), heading("hunan-hts-h3", 1, "三、附则", 3)];
        let mut jilin = document("jilin-hts", "jilin", None, vec![], 1);
        jilin.quality_notes = vec![QualityNote::NoOutline];
        jilin.source_url = Some("javascript:alert(1)".to_string());
        let documents = vec![document("hunan-hts", "hunan", Some("湖南省关于<加快>发展的意见"), outline, 3), jilin];
        let provisions = vec![
            provision("hunan-hts", 1, &["发展质押融资。", "支持企业上市。"], None),
            provision("hunan-hts", 2, &["建设平台。"], Some("（省科技厅、省财政厅负责）")),
            provision("hunan-hts", 3, &[], Some("（省科技厅、省财政厅负责）")),
            provision("jilin-hts", 1, &["发展物流。"], None),
        ];
        Corpus::new(Bundle { schema_version: 1, documents, provisions, targets: vec![] })
    }

    fn english() -> Translation {
        Translation::from_json(
            r#"{"lang": "en", "texts": {"hunan-hts": "Opinions of Hunan", "hunan-hts-h1": "I. Goals", "hunan-hts-1:1": "Develop pledge financing.",
                "hunan-hts-2:1": "Build platforms.", "hunan-hts:addressee": "To the city governments:",
                "hunan-hts:issuer": "Hunan Provincial People's Government"}}"#,
        )
        .unwrap()
    }

    fn render(c: &Corpus, state: &State, en: Option<&Translation>, highlight: Option<&str>, prerender: bool, show_original: bool) -> String {
        let query = Query::parse(&state.q);
        let page = Page { corpus: c, state, query: &query, en, base: "https://example.org/", highlight, prerender };
        reader(&page, &c.bundle.documents[0], show_original)
    }

    fn list(c: &Corpus, state: &State, results: &[usize]) -> String {
        let query = Query::parse(&state.q);
        let page = Page { corpus: c, state, query: &query, en: None, base: "https://example.org/", highlight: None, prerender: false };
        documents(&page, &matching(c, results))
    }

    #[test]
    fn documents_match_by_their_provisions_and_count_reviewed_sentences() {
        let c = corpus();
        assert_eq!(matching(&c, &[0, 1, 2, 3]), [(0, 3), (1, 1)]);
        assert_eq!(matching(&c, &[3]), [(1, 1)]);
        assert!(matching(&c, &[]).is_empty());
        assert_eq!(review_counts(&c, &c.bundle.documents[0]), (3, 3));
        assert_eq!(review_counts(&c, &c.bundle.documents[1]), (0, 1));
    }

    #[test]
    fn the_list_without_filters_counts_documents_and_provisions_not_matches() {
        let c = corpus();
        let all = list(&c, &State::default(), &[0, 1, 2, 3]);
        assert!(all.contains(">共 2 份文件<") && all.contains(">共 3 条条文<"), "{all}");
        assert!(!all.contains("符合"), "{all}");
        let filtered = list(&c, &State { q: "质押".into(), ..State::default() }, &[0]);
        assert!(filtered.contains(">2 份文件中 1 份有符合条件的条文<") && filtered.contains(">1 / 3 条条文符合当前筛选<"), "{filtered}");
    }

    #[test]
    fn headings_come_before_the_provision_they_open_and_late_ones_at_the_end() {
        let c = corpus();
        let order: Vec<String> = parts(&c, &c.bundle.documents[0])
            .into_iter()
            .map(|p| match p {
                Part::Heading(h) => h.id.clone(),
                Part::Provision(i) => c.provision(i).id.clone(),
            })
            .collect();
        assert_eq!(order, ["hunan-hts-h1", "hunan-hts-1", "hunan-hts-h2", "hunan-hts-2", "hunan-hts-3", "hunan-hts-h3"]);
    }

    #[test]
    fn the_list_shows_each_matching_document_with_metadata_and_a_link_to_its_reader() {
        let c = corpus();
        let state = State { view: View::Documents, provinces: vec!["jilin".to_string()], ..State::default() };
        let html = list(&c, &state, &[3]);
        assert!(
            html.starts_with(
                "<section class=\"documents\"><h2>文件列表</h2><p class=\"hint\" data-testid=\"document-summary\">2 份文件中 1 份有符合条件的条文</p>"
            ),
            "{html}"
        );
        assert_eq!(html.matches("data-testid=\"document\"").count(), 1);
        assert!(html.contains(r#"<article class="doc-card" data-testid="document" data-id="jilin-hts" data-province="jilin" data-matches="1">"#), "{html}");
        // The link keeps the filters.
        assert!(html.contains(r#"<h3><a href="?province=jilin&amp;view=documents&amp;doc=jilin-hts" data-nav="" data-testid="open-jilin-hts">吉林"#), "{html}");
        assert!(html.contains(r#"<dt>成文日期</dt><dd class="unknown" data-field="date">未知</dd>"#));
        assert!(html.contains(r#"<dd data-field="doc_number">湘政发〔2013〕1号</dd>"#));
        // An address that is not the web's is no link.
        assert!(!html.contains("href=\"javascript") && html.contains(r#"<dd data-field="source_url">javascript:alert(1)</dd>"#));
        assert!(html.contains(r#"<p class="review-share partial" data-testid="review-share" data-reviewed="0" data-total="1">编码审核：1 句中 0 句已人工审核，其余为关键词规则建议</p>"#), "{html}");
        assert!(html.contains(r#"<div class="quality" data-testid="doc-quality-notes" role="note"><strong>来源文本质量说明</strong><ul><li>"#));
        let all = list(&c, &State { view: View::Documents, ..State::default() }, &[0, 1, 2, 3]);
        assert!(
            all.contains(r#"<p class="review-share" data-testid="review-share" data-reviewed="3" data-total="3">编码审核：3 句中 3 句已人工审核</p>"#),
            "{all}"
        );
        assert!(all.contains(r#"<dd data-field="source_url"#) && all.contains("未知（目录未载链接）"));
        assert!(all.contains("湖南省关于&lt;加快&gt;发展的意见"), "titles escaped");
    }

    #[test]
    fn the_reader_has_the_outline_every_provision_anchored_and_the_terms_marked() {
        let c = corpus();
        let state = State { view: View::Documents, doc: Some("hunan-hts".to_string()), q: "质押".to_string(), ..State::default() };
        let html = render(&c, &state, None, Some("hunan-hts-2"), false, false);
        assert!(html.starts_with(r#"<section class="reader" data-testid="reader" data-doc="hunan-hts"><a class="back" href="?q=%E8%B4%A8%E6%8A%BC&amp;view=documents" data-nav="">← 返回文件列表</a><h2 lang="zh-CN">湖南省关于&lt;加快&gt;发展的意见</h2>"#), "{html}");
        assert!(html.contains(r#"data-action="copy-bibtex" data-doc="hunan-hts""#));
        assert!(html.contains(r##"<li class="toc-2"><a href="#hunan-hts-h2" lang="zh-CN">（一）重点任务</a></li>"##), "{html}");
        assert!(html.contains(r#"<div id="hunan-hts-h1" class="doc-h-anchor" data-testid="reader-heading"><div class="doc-h" role="heading" aria-level="3"><span class="zh" lang="zh-CN">一、发展目标</span></div></div>"#), "{html}");
        assert!(html.contains(r#"<div class="reader-provision" id="hunan-hts-1" data-testid="reader-provision" data-id="hunan-hts-1"><p class="zh" lang="zh-CN">发展<mark>质押</mark>融资。支持企业上市。 <button class="link-button cite" type="button" data-testid="reader-cite" data-action="copy-citation" data-index="0" data-done="已复制引用" aria-label="复制此条的引用（GB/T 7714）">引用</button></p></div>"#), "{html}");
        assert!(html.contains(r#"<div class="reader-provision highlighted" id="hunan-hts-2""#));
        // Each provision ends with its "cite" button.
        assert!(html.contains(r#"建设平台。<span class="responsibility">（省科技厅、省财政厅负责）</span> <button class="link-button cite" type="button" data-testid="reader-cite" data-action="copy-citation" data-index="1" data-done="已复制引用" aria-label="复制此条的引用（GB/T 7714）">引用</button></p>"#));
        assert!(html.contains(r#"<div class="addressee"><span class="zh" lang="zh-CN">各市州人民政府：</span></div>"#));
        assert_eq!(html.matches("data-testid=\"reader-provision\"").count(), 3);
        assert!(!html.contains("show-original") && !html.contains("translated") && !html.contains("in-app"));
        // The document-text's last heading comes after the last provision.
        assert!(html.find("hunan-hts-3\"").unwrap() < html.find("id=\"hunan-hts-h3\"").unwrap());
    }

    #[test]
    fn in_english_the_translation_comes_first_with_the_original_beside_it() {
        let c = corpus();
        let en = english();
        let state = State { view: View::Documents, doc: Some("hunan-hts".to_string()), lang: Lang::En, q: "pledge".to_string(), ..State::default() };
        let html = render(&c, &state, Some(&en), None, false, false);
        assert!(html.starts_with(r#"<section class="reader bilingual" data-testid="reader""#), "{html}");
        assert!(html.contains(r#"<h2 lang="en">Opinions of Hunan</h2><p class="original-title" lang="zh-CN">湖南省关于&lt;加快&gt;发展的意见</p>"#), "{html}");
        assert!(html.contains(r#"<button class="action original-toggle" type="button" data-testid="show-original" data-action="toggle-original" aria-pressed="false">Show the Chinese original</button>"#));
        assert!(html.contains(r##"<li class="toc-1"><a href="#hunan-hts-h1" lang="en">I. Goals</a></li>"##));
        assert!(html.contains(r##"<a href="#hunan-hts-h2" lang="zh-CN">（一）重点任务 (not translated)</a>"##));
        assert!(html.contains(r#"<div class="doc-h pair" role="heading" aria-level="3"><span class="en" lang="en">I. Goals</span><span class="zh" lang="zh-CN">一、发展目标</span></div>"#), "{html}");
        assert!(html.contains(
            r#"<div class="reader-provision pair" id="hunan-hts-1" data-testid="reader-provision" data-id="hunan-hts-1"><p class="en" lang="en" data-testid="translated"><span>Develop <mark>pledge</mark> financing. </span><span lang="zh-CN">支持企业上市。 (not translated) </span> <button class="link-button cite" type="button" data-testid="reader-cite" data-action="copy-citation" data-index="0" data-done="Citation copied" aria-label="Copy this provision&#39;s citation (GB/T 7714)">Cite</button></p><p class="zh" lang="zh-CN">"#
        ), "{html}");
        // The clause as written after the translation; a provision that is only a clause shows it.
        assert!(html.contains(r#"<span>Build platforms. </span><span class="responsibility" lang="zh-CN">（省科技厅、省财政厅负责）</span> <button class="link-button cite" type="button" data-testid="reader-cite" data-action="copy-citation" data-index="1" data-done="Citation copied" aria-label="Copy this provision&#39;s citation (GB/T 7714)">Cite</button></p><p class="zh" lang="zh-CN">建设平台。<span class="responsibility">（省科技厅、省财政厅负责）</span></p>"#));
        assert!(html.contains(r#"data-testid="translated"><span class="responsibility" lang="zh-CN">（省科技厅、省财政厅负责）</span> <button class="link-button cite" type="button" data-testid="reader-cite" data-action="copy-citation" data-index="2" data-done="Citation copied" aria-label="Copy this provision&#39;s citation (GB/T 7714)">Cite</button></p>"#), "{html}");
        assert!(html.contains(r#"<div class="addressee pair"><span class="en" lang="en">To the city governments:</span>"#));
        assert!(html.contains(r#"<div class="signature pair"><span class="en" lang="zh-CN">湖南省人民政府 (not translated)</span>"#));
        // The issuer in English, beside the name the source gives.
        assert!(html.contains(r#"<dd data-field="issuer"><span lang="en">Hunan Provincial People&#39;s Government</span> <span class="issuer-original" lang="zh-CN">湖南省人民政府</span></dd>"#), "{html}");
        assert!(html.contains("Coding: 3 of 3 sentences reviewed"));
        let shown = render(&c, &state, Some(&en), None, false, true);
        assert!(shown.starts_with(r#"<section class="reader bilingual show-original""#));
        assert!(shown.contains(r#"aria-pressed="true">Hide the Chinese original</button>"#));
    }

    #[test]
    fn a_static_page_has_no_test_ids_or_buttons_and_links_relatively() {
        let c = corpus();
        let state = State { view: View::Documents, doc: Some("hunan-hts".to_string()), ..State::default() };
        let html = render(&c, &state, None, None, true, false);
        assert!(!html.contains("data-testid") && !html.contains("data-nav") && !html.contains("<button"), "{html}");
        assert!(html.contains(r#"<a class="back" href="../index.html?view=documents">"#), "{html}");
        assert!(html.contains(r#"<a class="open-in-app" href="../index.html?view=documents&amp;doc=hunan-hts">"#));
        assert!(html.starts_with(r#"<section class="reader static-reader" data-doc="hunan-hts">"#), "{html}");
        assert!(html.contains(r#"<h1 lang="zh-CN">"#) && html.contains("<h2>目录</h2>"));
        assert!(html.contains(r#"<div class="doc-h" role="heading" aria-level="2">"#));
        assert!(
            html.contains(r##"<a class="in-app" href="../index.html?view=documents&amp;doc=hunan-hts#hunan-hts-2" title="在检索器中打开此条">"##),
            "{html}"
        );
        assert!(html.contains(r#"<p class="departments"><span class="label">责任单位 <span lang="en">Responsible</span>：</span>省科技厅、省财政厅</p>"#));
        for url in html.split("href=\"").skip(1) {
            assert!(url.starts_with("../") || url.starts_with('#'), "relative: {url}");
        }
        let query = Query::parse("");
        // From the site's root (`index.html`) and from `docs/index.html`.
        for (base, link) in [("./", "./docs/hunan-hts.html"), ("../", "../docs/hunan-hts.html")] {
            let page = Page { corpus: &c, state: &state, query: &query, en: None, base, highlight: None, prerender: true };
            let listed = documents(&page, &matching(&c, &[0, 3]));
            assert!(listed.contains(&format!(r#"<h3><a href="{link}">"#)) && !listed.contains("data-testid"), "{listed}");
        }
    }

    #[test]
    fn the_english_documents_list_shows_a_translated_title_in_english() {
        let c = corpus();
        let en = english();
        let state = State { view: View::Documents, lang: Lang::En, ..State::default() };
        let query = Query::parse("");
        let page = Page { corpus: &c, state: &state, query: &query, en: Some(&en), base: "", highlight: None, prerender: false };
        let html = documents(&page, &matching(&c, &[0, 3]));
        assert!(html.contains(r#"data-testid="open-hunan-hts">Opinions of Hunan</a>"#), "{html}");
        // An untitled document is described in English; a title without English is marked Chinese.
        assert!(html.contains(r#"data-testid="open-jilin-hts">Jilin"#), "{html}");
        let without = Page { en: None, ..page };
        assert!(documents(&without, &matching(&c, &[0, 3])).contains(r#"data-testid="open-hunan-hts" lang="zh-CN">湖南省关于&lt;加快&gt;发展的意见</a>"#));
    }
}
