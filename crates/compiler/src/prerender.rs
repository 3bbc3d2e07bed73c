//! The prerendered first paint and the static reader pages, written at build time.
//!
//! - [`index_block`]: the default view as the app first renders it (header, view tabs,
//!   search box, facets with their counts, the first screen of results) plus the list of
//!   documents, inserted into `index.html` by `scripts/post-build.mjs` in front of the
//!   app's mount point. The app removes it (`#prerendered`) in the task that mounts itself,
//!   so no frame shows both. Same classes and structure as the app's components, so the
//!   stylesheet applies; no `data-testid` (tests and the app find only the app's own DOM),
//!   form ids prefixed `pre-`, provision ids as in the app (a fragment works without
//!   JavaScript too).
//! - [`document_page`]: `docs/<id>.html`, a document's reader that works with JavaScript
//!   disabled (title, metadata, quality notes, outline, every provision with its anchor,
//!   departments), linking back into the app.
//!
//! Counts and results come from [`hts_runtime::search::Corpus`], the code the app runs, so
//! they cannot differ. Every text is escaped ([`escape`]); every URL is relative.

use hts_runtime::model::{CodedBy, Document, Provision, ReasonKind, Sentence, TagReason};
use hts_runtime::search::{Corpus, Facet, GENERAL};
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::{percent_encode, Lang, State, View};
use std::fmt::Write;

/// How many cards the app renders in its first frame (`FIRST_SCREEN` in
/// `src/views/provisions.rs`).
pub const FIRST_SCREEN: usize = 8;

/// The site's files a static page links, relative to the site's root (their names carry
/// the build's hashes).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub stylesheet: String,
    pub icon: Option<String>,
}

/// The file the static reader of a document is written to, relative to the site's root.
pub fn document_path(id: &str) -> String {
    format!("docs/{id}.html")
}

/// Text escaped for HTML content and for quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn province_label(lang: Lang, code: &str) -> String {
    taxonomy().province(code).map(|p| if lang == Lang::Zh { p.zh.clone() } else { p.en.clone() }).unwrap_or_else(|| code.to_string())
}

fn domain_label(code: &str) -> String {
    if code == GENERAL {
        return "综合".to_string();
    }
    taxonomy().domain(code).map(|d| d.zh.clone()).unwrap_or_else(|| code.to_string())
}

fn tool_label(code: &str) -> String {
    let t = taxonomy();
    if let Some(tool) = t.tool(code) {
        return tool.zh.clone();
    }
    t.family(code).map(|f| f.zh.clone()).unwrap_or_else(|| code.to_string())
}

/// A document's display title in Chinese, as the app gives it: its title, or what it is,
/// marked as untitled (never an invented title).
pub fn document_title(doc: &Document) -> String {
    match &doc.title {
        Some(t) => t.clone(),
        None => format!("{}（原文未载标题）", hts_runtime::export::untitled(&province_label(Lang::Zh, &doc.province), Lang::Zh)),
    }
}

/// The whole prerendered block for `index.html`: the app's default view.
pub fn index_block(corpus: &Corpus) -> String {
    let state = State::default();
    let results = corpus.search(&state);
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<div id=\"prerendered\" class=\"prerendered\">\n");
    h.push_str(
        "<noscript><p class=\"notice pre-noscript\">未启用 JavaScript：下面是静态版本，检索与筛选需要 JavaScript 与 WebAssembly；\
         每份文件的全文见文件列表。<span lang=\"en\">JavaScript is off: this is the static version. Search and filters need \
         JavaScript and WebAssembly; every document is readable in full from the list of documents.</span></p></noscript>\n",
    );
    header(&mut h);
    h.push_str("<div class=\"layout\">\n<aside class=\"sidebar\" aria-label=\"检索与筛选\">\n");
    h.push_str(
        "<div class=\"search\" role=\"search\"><label for=\"pre-search\">全文检索</label>\
         <input id=\"pre-search\" type=\"search\" autocomplete=\"off\" placeholder=\"如：质押、孵化、20%、patent\">\
         <p class=\"hint\">多个词用空格分隔，须同时出现</p></div>\n",
    );
    h.push_str("<details class=\"filters-panel\" open><summary>筛选条件</summary>\n");
    facets(&mut h, corpus, &state);
    h.push_str("</details>\n</aside>\n<main class=\"content\">\n");
    // What a shared link (query or fragment) sees until the app has its results.
    h.push_str("<p class=\"pre-placeholder\" role=\"status\">正在载入… <span lang=\"en\">Loading…</span></p>\n");
    let _ = write!(
        h,
        "<section class=\"results pre-results\" aria-labelledby=\"pre-result-count\">\n<div class=\"toolbar\">\
         <h2 id=\"pre-result-count\" class=\"result-count\">共 {} 条条文</h2>\
         <label class=\"toggle\"><input type=\"checkbox\" id=\"pre-group\">按省份分组</label>\
         <button class=\"action\" type=\"button\">导出 CSV</button><button class=\"action\" type=\"button\">导出 JSON</button></div>\n\
         <div class=\"list\">\n",
        results.len()
    );
    for &i in results.iter().take(FIRST_SCREEN) {
        card(&mut h, corpus, i);
    }
    h.push_str("</div>\n");
    let rest = results.len().saturating_sub(FIRST_SCREEN);
    if rest > 0 {
        let _ = writeln!(
            h,
            "<p class=\"pre-more\">另有 {rest} 条：请阅读下列文件的全文。<span lang=\"en\">{rest} more: read the documents below in full.</span></p>"
        );
    }
    h.push_str("</section>\n");
    document_list(&mut h, corpus);
    h.push_str("</main>\n</div>\n");
    footer(&mut h, corpus, "./");
    h.push_str("</div>\n");
    h
}

fn header(h: &mut String) {
    h.push_str(
        "<header class=\"topbar\"><div class=\"brand\"><h1>高技术服务业政策浏览器</h1>\
         <p class=\"tagline\">比较各省加快发展高技术服务业的实施意见：逐条检索、对照、引用</p></div>\
         <a class=\"lang-switch\" href=\"./index.html?lang=en\" lang=\"en\">English</a></header>\n<nav class=\"views\" aria-label=\"视图\">",
    );
    for view in View::ALL {
        let label = match view {
            View::Provisions => "条文检索",
            View::Compare => "省际对比",
            View::Targets => "量化目标",
            View::Documents => "文件原文",
        };
        let href = if view == View::Provisions { "./index.html".to_string() } else { format!("./index.html?view={}", view.code()) };
        let current = if view == View::Provisions { " aria-current=\"page\"" } else { "" };
        let _ = write!(h, "<a class=\"view-tab\" href=\"{href}\"{current}>{label}</a>");
    }
    h.push_str("</nav>\n");
}

fn facets(h: &mut String, corpus: &Corpus, state: &State) {
    let counts = corpus.counts(state);
    let t = taxonomy();
    let count = |facet: Facet, code: &str| {
        let map = match facet {
            Facet::Province => &counts.provinces,
            Facet::Domain => &counts.domains,
            Facet::Tool => &counts.tools,
        };
        map.get(code).copied().unwrap_or(0)
    };
    let option = |h: &mut String, facet: Facet, code: &str, label: &str, family: bool| {
        let n = count(facet, code);
        let id = format!("pre-opt-{}-{}", facet.key(), escape(code));
        let class = match (family, n == 0) {
            (true, true) => "option family zero",
            (true, false) => "option family",
            (false, true) => "option zero",
            (false, false) => "option",
        };
        let disabled = if n == 0 { " disabled" } else { "" };
        let _ = write!(
            h,
            "<label class=\"{class}\" for=\"{id}\" data-code=\"{code}\"><input type=\"checkbox\" id=\"{id}\"{disabled}>\
             <span class=\"option-label\">{label}</span><span class=\"count\" aria-label=\"{n} 条\">{n}</span></label>",
            code = escape(code),
            label = escape(label),
        );
    };
    let frame_open = |h: &mut String, facet: Facet, title: &str| {
        let _ = write!(
            h,
            "<fieldset class=\"facet\" data-facet=\"{}\"><legend>{title}</legend><button class=\"link-button clear-facet\" type=\"button\" disabled>清除</button>",
            facet.key()
        );
    };
    frame_open(h, Facet::Province, "省份");
    h.push_str("<ul>");
    for code in corpus.provinces() {
        h.push_str("<li>");
        option(h, Facet::Province, code, &province_label(Lang::Zh, code), false);
        h.push_str("</li>");
    }
    h.push_str("</ul></fieldset>\n");
    frame_open(h, Facet::Domain, "服务领域");
    h.push_str("<ul>");
    for code in t.domains.iter().map(|d| d.code.as_str()).chain([GENERAL]) {
        h.push_str("<li>");
        option(h, Facet::Domain, code, &domain_label(code), false);
        h.push_str("</li>");
    }
    h.push_str("</ul></fieldset>\n");
    frame_open(h, Facet::Tool, "政策工具");
    for family in &t.families {
        h.push_str("<div class=\"family\">");
        option(h, Facet::Tool, &family.code, &family.zh, true);
        h.push_str("<ul>");
        for tool in t.tools_of(&family.code) {
            h.push_str("<li>");
            option(h, Facet::Tool, &tool.code, &tool.zh, false);
            h.push_str("</li>");
        }
        h.push_str("</ul></div>");
    }
    h.push_str("</fieldset>\n");
}

/// A provision's outline path as the card shows it.
fn path_text(p: &Provision) -> String {
    if p.path.is_empty() {
        "序言".to_string()
    } else {
        p.path.join(" › ")
    }
}

/// One result card, as `ProvisionCard` renders it in Chinese with no filter; its document
/// link opens the static reader (which works without JavaScript).
fn card(h: &mut String, corpus: &Corpus, index: usize) {
    let p = corpus.provision(index);
    let Some(doc) = corpus.bundle.documents.iter().find(|d| d.id == p.doc) else { return };
    let _ = write!(
        h,
        "<article class=\"provision\" data-id=\"{id}\" data-province=\"{province}\" id=\"{id}\">\
         <header class=\"provision-head\"><span class=\"badge province-{province}\">{badge}</span>\
         <a class=\"doc-link\" href=\"./{page}#{fragment}\" title=\"在原文中查看\" lang=\"zh-CN\">{title}</a>\
         <span class=\"path\" lang=\"{path_lang}\">{path}</span></header><p class=\"text\" lang=\"zh-CN\">",
        id = escape(&p.id),
        province = escape(&p.province),
        badge = escape(&province_label(Lang::Zh, &p.province)),
        page = escape(&document_path(&doc.id)),
        fragment = escape(&percent_encode(&p.id)),
        title = escape(&document_title(doc)),
        path_lang = if p.path.is_empty() { "en" } else { "zh-CN" },
        path = escape(&path_text(p)),
    );
    for s in &p.sentences {
        let _ = write!(h, "<span class=\"sentence\">{}</span>", escape(&s.text));
    }
    h.push_str("</p>");
    if !p.departments.is_empty() {
        let _ =
            write!(h, "<p class=\"departments\"><span class=\"label\">责任单位：</span><span lang=\"zh-CN\">{}</span></p>", escape(&p.departments.join("、")));
    }
    h.push_str("<ul class=\"tags\" aria-label=\"标签\">");
    let domains = corpus.provision_domains(index).iter().map(|c| (c, "domain", domain_label(c)));
    let tools = corpus.provision_tools(index).iter().map(|c| (c, "tool", tool_label(c)));
    for (code, kind, label) in domains.chain(tools) {
        let (reviewed, why) = provenance(p, code);
        let _ = write!(
            h,
            "<li><span class=\"tag {kind} {state}\" tabindex=\"0\" data-code=\"{code}\" data-coded-by=\"{by}\" data-reason=\"{why}\" title=\"{why}\">{label}</span></li>",
            state = if reviewed { "reviewed" } else { "suggested" },
            code = escape(code),
            by = if reviewed { "review" } else { "rules" },
            why = escape(&why),
            label = escape(&label),
        );
    }
    h.push_str("</ul>");
    if !doc.quality_notes.is_empty() {
        let notes: Vec<String> = doc.quality_notes.iter().map(|n| n.describe(Lang::Zh)).collect();
        let _ = write!(h, "<p class=\"quality\"><span aria-hidden=\"true\">⚠ </span>来源文本有缺陷，已自动修复，请核对原文：{}</p>", escape(&notes.join(" ")));
    }
    h.push_str("<div class=\"actions\"><button class=\"action\" type=\"button\">复制链接</button><button class=\"action\" type=\"button\">复制引用</button></div></article>\n");
}

fn reason_text(r: &TagReason) -> String {
    let kind = match r.kind {
        ReasonKind::Heading => "所在标题：",
        ReasonKind::Target => "量化目标：",
        ReasonKind::Keyword => "关键词：",
        ReasonKind::Review => "人工审核",
    };
    if r.matched.is_empty() {
        kind.trim_end_matches('：').to_string()
    } else {
        format!("{kind}{}", r.matched)
    }
}

/// Who decided a tag, in Chinese, as the card says it (`provenance` in
/// `src/components/card.rs`): reviewed when every sentence carrying it was reviewed.
fn provenance(p: &Provision, code: &str) -> (bool, String) {
    let carriers: Vec<&Sentence> = p.sentences.iter().filter(|s| s.domains.iter().chain(&s.tools).any(|c| c == code)).collect();
    if !carriers.is_empty() && carriers.iter().all(|s| s.coded_by == CodedBy::Review) {
        let notes: Vec<&str> = carriers.iter().filter_map(|s| s.note.as_deref()).collect();
        let text = if notes.is_empty() { "人工审核编码".to_string() } else { format!("人工审核编码：{}", notes.join(" · ")) };
        return (true, text);
    }
    let label = "关键词规则建议（未经审核）";
    let reason = carriers.iter().filter(|s| s.coded_by == CodedBy::Rules).flat_map(|s| s.reasons.iter()).find(|r| r.code == code);
    match reason {
        Some(r) => (false, format!("{label}。{}", reason_text(r))),
        None => (false, label.to_string()),
    }
}

/// Label and value pairs of a document's metadata, unknown values said to be unknown.
fn metadata(h: &mut String, doc: &Document) {
    let row = |h: &mut String, zh: &str, en: &str, value: &Option<String>, field: &str| {
        let (class, value) = match value {
            Some(v) => ("", escape(v)),
            None => (" class=\"unknown\"", "未知 <span lang=\"en\">unknown</span>".to_string()),
        };
        let _ = write!(h, "<dt>{zh} <span lang=\"en\">{en}</span></dt><dd{class} data-field=\"{field}\">{value}</dd>");
    };
    h.push_str("<dl class=\"meta\">");
    row(h, "省份", "Province", &Some(format!("{} · {}", province_label(Lang::Zh, &doc.province), province_label(Lang::En, &doc.province))), "province");
    row(h, "发文机关", "Issuer", &doc.issuer, "issuer");
    row(h, "成文日期", "Date", &doc.date, "date");
    row(h, "文号", "Document number", &doc.doc_number, "doc_number");
    row(h, "发布日期", "Published", &doc.publication_date, "publication_date");
    row(h, "来源文件", "Source file", &Some(doc.source_file.clone()), "source_file");
    row(h, "条文数", "Provisions", &Some(doc.stats.provisions.to_string()), "provisions");
    h.push_str("</dl>");
}

fn quality_notes(h: &mut String, doc: &Document) {
    if doc.quality_notes.is_empty() {
        return;
    }
    h.push_str("<div class=\"quality\" role=\"note\"><strong>来源文本质量说明 <span lang=\"en\">About the source text</span></strong><ul>");
    for n in &doc.quality_notes {
        let _ = write!(h, "<li>{} <span lang=\"en\">{}</span></li>", escape(&n.describe(Lang::Zh)), escape(&n.describe(Lang::En)));
    }
    h.push_str("</ul></div>");
}

/// The documents, each linking to its static reader: what a visitor without JavaScript
/// reads everything from.
fn document_list(h: &mut String, corpus: &Corpus) {
    h.push_str(
        "<section class=\"documents pre-documents\" aria-labelledby=\"pre-documents-title\">\
         <h2 id=\"pre-documents-title\">文件列表 <span lang=\"en\">Documents</span></h2>\n<ul class=\"doc-list\">\n",
    );
    for doc in &corpus.bundle.documents {
        let _ = write!(
            h,
            "<li><article class=\"doc-card\" data-id=\"{id}\"><h3><a href=\"./{page}\">{title}</a></h3>",
            id = escape(&doc.id),
            page = escape(&document_path(&doc.id)),
            title = escape(&document_title(doc)),
        );
        metadata(h, doc);
        quality_notes(h, doc);
        h.push_str("</article></li>\n");
    }
    h.push_str("</ul>\n</section>\n");
}

fn footer(h: &mut String, corpus: &Corpus, root: &str) {
    let names: Vec<String> = corpus.provinces().iter().map(|p| province_label(Lang::Zh, p)).collect();
    let _ = writeln!(
        h,
        "<footer class=\"site-footer\"><p><span>数据来源：{names}的 {n} 份加快发展高技术服务业实施意见（落实国办发〔2011〕58号）。\
         标签由关键词规则生成，仅供检索参考；引用请以原文为准。</span> \
         <a href=\"{root}data/policies.json\" download=\"policies.json\">下载数据集（JSON）</a></p></footer>",
        names = escape(&names.join("、")),
        n = corpus.bundle.documents.len(),
    );
}

/// The app's link to a document in its reader, from `docs/`, optionally at an anchor.
fn app_link(doc: &str, anchor: Option<&str>) -> String {
    let mut url = format!("../index.html?view=documents&doc={}", percent_encode(doc));
    if let Some(a) = anchor {
        url.push('#');
        url.push_str(&percent_encode(a));
    }
    url
}

/// The static reader of one document, `docs/<id>.html`: readable with JavaScript
/// disabled, under a CSP that allows no script at all.
pub fn document_page(corpus: &Corpus, doc: &Document, assets: &Assets) -> String {
    let title = document_title(doc);
    let mut h = String::with_capacity(128 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t} · 高技术服务业政策浏览器</title>\n\
         <link rel=\"stylesheet\" href=\"../{css}\">\n{icon}</head>\n<body class=\"static-page\">\n\
         <a class=\"skip-link\" href=\"#text\">跳到正文 <span lang=\"en\">Skip to the text</span></a>\n\
         <header class=\"topbar\"><div class=\"brand\"><p class=\"site-name\"><a href=\"../index.html\">高技术服务业政策浏览器 <span lang=\"en\">HTS Policy Explorer</span></a></p></div></header>\n\
         <main class=\"static-main\">\n<article class=\"reader static-reader\" data-doc=\"{id}\">\n\
         <p class=\"back\"><a href=\"../index.html?view=documents\">← 全部文件 <span lang=\"en\">All documents</span></a> · \
         <a class=\"open-in-app\" href=\"{app}\">在检索器中打开 <span lang=\"en\">Open in the explorer</span></a></p>\n<h1>{t}</h1>\n",
        t = escape(&title),
        css = escape(&assets.stylesheet),
        icon = assets.icon.as_ref().map(|i| format!("<link rel=\"icon\" href=\"../{}\">\n", escape(i))).unwrap_or_default(),
        id = escape(&doc.id),
        app = escape(&app_link(&doc.id, None)),
    );
    quality_notes(&mut h, doc);
    metadata(&mut h, doc);
    if let Some(notes) = &doc.notes {
        let _ = write!(h, "<p class=\"doc-notes\">{}</p>", escape(notes));
    }
    h.push_str("\n<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">目录 <span lang=\"en\">Contents</span></h2><ol>");
    for heading in &doc.outline {
        let _ = write!(h, "<li class=\"toc-{}\"><a href=\"#{}\">{}</a></li>", heading.level, escape(&percent_encode(&heading.id)), escape(&heading.text));
    }
    h.push_str("</ol></nav>\n<div class=\"document-text\" id=\"text\">\n");
    if let Some(a) = &doc.addressee {
        let _ = writeln!(h, "<div class=\"addressee\">{}</div>", escape(a));
    }
    let provisions: Vec<&Provision> = corpus.bundle.provisions.iter().filter(|p| p.doc == doc.id).collect();
    let heading_html = |h: &mut String, heading: &hts_runtime::model::Heading| {
        let _ = writeln!(
            h,
            "<div id=\"{id}\" class=\"doc-h-anchor\"><div class=\"doc-h\" role=\"heading\" aria-level=\"{level}\">{text}</div></div>",
            id = escape(&heading.id),
            level = (heading.level + 1).min(6),
            text = escape(&heading.text),
        );
    };
    for (k, p) in provisions.iter().enumerate() {
        for heading in doc.outline.iter().filter(|x| x.first_provision == k) {
            heading_html(&mut h, heading);
        }
        let _ = write!(
            h,
            "<div class=\"reader-provision\" id=\"{id}\" data-id=\"{id}\"><p class=\"zh\" lang=\"zh-CN\">{text}",
            id = escape(&p.id),
            text = escape(&p.text)
        );
        if let Some(r) = p.responsibility.as_ref().filter(|r| **r != p.text) {
            let _ = write!(h, "<span class=\"responsibility\">{}</span>", escape(r));
        }
        let _ = write!(
            h,
            " <a class=\"in-app\" href=\"{}\" title=\"在检索器中打开此条 · Open this provision in the explorer\">↗<span class=\"visually-hidden\">在检索器中打开此条 <span lang=\"en\">Open this provision in the explorer</span></span></a></p>",
            escape(&app_link(&doc.id, Some(&p.id)))
        );
        if !p.departments.is_empty() {
            let _ = write!(
                h,
                "<p class=\"departments\"><span class=\"label\">责任单位 <span lang=\"en\">Responsible</span>：</span>{}</p>",
                escape(&p.departments.join("、"))
            );
        }
        h.push_str("</div>\n");
    }
    for heading in doc.outline.iter().filter(|x| x.first_provision >= provisions.len()) {
        heading_html(&mut h, heading);
    }
    if let Some(s) = &doc.signature {
        let _ = writeln!(h, "<div class=\"signature\">{}</div>", escape(s));
    }
    if let Some(d) = &doc.date {
        let _ = writeln!(h, "<p class=\"signature\">{}</p>", escape(d));
    }
    h.push_str("</div>\n</article>\n</main>\n");
    footer(&mut h, corpus, "../");
    h.push_str("</body>\n</html>\n");
    h
}

/// Every static page of the site, as (path relative to the site's root, HTML).
pub fn document_pages(corpus: &Corpus, assets: &Assets) -> Vec<(String, String)> {
    corpus.bundle.documents.iter().map(|d| (document_path(&d.id), document_page(corpus, d, assets))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::OnceLock;

    /// The seeds as the app reads them: packed, then unpacked by the runtime.
    fn corpus() -> &'static Corpus {
        static CORPUS: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get_or_init(|| {
            let bundle = crate::compile_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("the seeds compile");
            Corpus::from_json(&crate::pack::pack(&bundle).expect("the seeds pack")).expect("the packed seeds read back")
        })
    }

    /// The number shown for a facet option in the block.
    fn shown_count(block: &str, facet: &str, code: &str) -> usize {
        let at = block.find(&format!("for=\"pre-opt-{facet}-{code}\"")).unwrap_or_else(|| panic!("option {facet} {code}"));
        let rest = &block[at..];
        let start = rest.find("<span class=\"count\"").expect("a count");
        let digits = &rest[start..][rest[start..].find('>').expect("tag end") + 1..];
        digits[..digits.find('<').expect("end")].parse().expect("a number")
    }

    fn css(name: &str) -> Assets {
        Assets { stylesheet: name.into(), icon: None }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape("质押 20%"), "质押 20%");
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let mut bundle = corpus().bundle.clone();
        let doc = &mut bundle.documents[0];
        doc.title = Some("<script>alert(1)</script>".into());
        doc.issuer = Some("\"><img src=x onerror=alert(1)>".into());
        let first = bundle.provisions.iter_mut().find(|p| p.doc == bundle.documents[0].id).expect("a provision");
        first.text = "<b>bold</b>".into();
        first.sentences[0].text = "<i>x</i>".into();
        let hostile = Corpus::new(bundle);
        let page = document_page(&hostile, &hostile.bundle.documents[0], &css("main.css"));
        let block = index_block(&hostile);
        for html in [&page, &block] {
            assert!(!html.contains("<script>alert"), "no raw script");
            assert!(!html.contains("<img src=x"), "no raw attribute break-out");
            assert!(!html.contains("<i>x</i>") && !html.contains("<b>bold</b>"));
        }
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(block.contains("&lt;i&gt;x&lt;/i&gt;"));
    }

    #[test]
    fn counts_and_results_equal_the_runtime() {
        let c = corpus();
        let block = index_block(c);
        let counts = c.counts(&State::default());
        for p in c.provinces() {
            assert_eq!(shown_count(&block, "province", p), counts.provinces[p], "province {p}");
        }
        for (code, n) in &counts.domains {
            assert_eq!(shown_count(&block, "domain", code), *n, "domain {code}");
        }
        for (code, n) in &counts.tools {
            assert_eq!(shown_count(&block, "tool", code), *n, "tool {code}");
        }
        let results = c.search(&State::default());
        assert!(block.contains(&format!("共 {} 条条文", results.len())));
        let cards: Vec<&str> = block.split("<article class=\"provision\" data-id=\"").skip(1).map(|s| &s[..s.find('"').expect("id end")]).collect();
        let expected: Vec<&str> = results.iter().take(FIRST_SCREEN).map(|&i| c.provision(i).id.as_str()).collect();
        assert_eq!(cards, expected, "the first screen of results, in the app's order");
    }

    #[test]
    fn block_links_every_document_and_uses_relative_urls_only() {
        let c = corpus();
        let block = index_block(c);
        for d in &c.bundle.documents {
            assert!(block.contains(&format!("href=\"./docs/{}.html\"", d.id)), "{} listed", d.id);
        }
        for url in block.split("href=\"").skip(1) {
            assert!(url.starts_with("./"), "relative: {}", &url[..40.min(url.len())]);
        }
        assert!(!block.contains("data-testid"), "the tests and the app see only the app's own DOM");
        assert!(!block.contains("<script"), "no script in the block");
    }

    #[test]
    fn document_page_has_every_provision_heading_and_link_back() {
        let c = corpus();
        for doc in &c.bundle.documents {
            let page = document_page(c, doc, &Assets { stylesheet: "main-abc.css".into(), icon: Some("icon-1.svg".into()) });
            assert!(page.contains("href=\"../main-abc.css\"") && page.contains("<link rel=\"icon\" href=\"../icon-1.svg\">"));
            assert!(page.contains(&format!("<h1>{}</h1>", escape(&document_title(doc)))));
            assert!(page.contains("script-src 'none'"));
            for p in c.bundle.provisions.iter().filter(|p| p.doc == doc.id) {
                assert!(page.contains(&format!("class=\"reader-provision\" id=\"{}\"", p.id)), "{}", p.id);
                assert!(page.contains(&format!("href=\"../index.html?view=documents&amp;doc={}#{}\"", doc.id, p.id)));
                if !p.departments.is_empty() {
                    assert!(page.contains(&escape(&p.departments.join("、"))));
                }
            }
            for heading in &doc.outline {
                assert!(page.contains(&format!("<div id=\"{}\" class=\"doc-h-anchor\">", heading.id)));
                assert!(page.contains(&format!("href=\"#{}\"", heading.id)));
            }
            for url in page.split("href=\"").skip(1) {
                assert!(url.starts_with("../") || url.starts_with('#'), "relative: {}", &url[..40.min(url.len())]);
            }
        }
    }

    #[test]
    fn unknown_metadata_and_missing_titles_are_said_so() {
        let c = corpus();
        let mut doc = c.bundle.documents[0].clone();
        doc.title = None;
        doc.issuer = None;
        doc.doc_number = None;
        let page = document_page(c, &doc, &css("main.css"));
        assert!(page.contains("（原文未载标题）"));
        assert!(page.contains("<dd class=\"unknown\" data-field=\"issuer\">未知 <span lang=\"en\">unknown</span></dd>"));
        assert!(page.contains("<dd class=\"unknown\" data-field=\"doc_number\">"));
    }
}
