//! The prerendered first paint and the static reader pages, written at build time.
//!
//! - [`index_block`]: the default view as the app first renders it (header, view tabs,
//!   search box, facets with their counts, the first screen of results) and a link to the
//!   list of documents, inserted into `index.html` by `scripts/post-build.mjs` in front of
//!   the app's mount point. The app removes it (`#prerendered`) in the task that mounts
//!   itself, so no frame shows both. It stays the same size whatever the number of
//!   documents: `index.html` is downloaded before the first result.
//! - [`documents_page`]: `docs/index.html`, the list of documents (metadata, review share,
//!   notes), each linking to its reader: how a visitor without JavaScript reaches every text.
//! - [`document_page`]: `docs/<id>.html`, a document's reader that works with JavaScript
//!   disabled (title, metadata, quality notes, outline, every provision with its anchor,
//!   departments), linking back into the app.
//!
//! The markup is the app's own: [`hts_runtime::render`] with `prerender: true` (no
//! `data-testid`, so tests and the app find only the app's DOM; form ids prefixed `pre-`;
//! relative URLs only; escaped text), and counts and results come from
//! [`hts_runtime::search::Corpus`], the code the app runs, so they cannot differ. What
//! only a static page has is here: the page around it, the notice without JavaScript, the
//! placeholder for a shared link and the toolbar.

use hts_runtime::labels;
use hts_runtime::model::Document;
pub use hts_runtime::render::escape;
use hts_runtime::render::{self, controls, reader, shell, Html, Page};
use hts_runtime::search::{Corpus, Query};
use hts_runtime::url::{Lang, State, View};
use std::fmt::Write;

/// How many cards the app renders in its first frame (`FIRST_SCREEN` in `src/page.rs`).
pub const FIRST_SCREEN: usize = 6;

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

/// The file the list of documents is written to, relative to the site's root.
pub const DOCUMENTS_PATH: &str = "docs/index.html";

/// The list of documents, as linked from `index.html`.
const DOCUMENTS_LINK: &str = "./docs/index.html";

/// A document's display title in Chinese, as the app gives it: its title, or what it is,
/// marked as untitled (never an invented title).
pub fn document_title(doc: &Document) -> String {
    labels::document_title(Lang::Zh, doc, None)
}

/// A prerendered page of `state` in Chinese; `root`: the site's root relative to it.
fn page<'a>(corpus: &'a Corpus, state: &'a State, query: &'a Query, root: &'a str) -> Page<'a> {
    Page { corpus, state, query, en: None, base: root, highlight: None, prerender: true }
}

/// The whole prerendered block for `index.html`: the app's default view.
pub fn index_block(corpus: &Corpus) -> String {
    let state = State::default();
    let query = Query::parse(&state.q);
    let page = page(corpus, &state, &query, "./");
    let results = corpus.search(&state);
    let mut h = String::with_capacity(24 * 1024);
    h.push_str("<div id=\"prerendered\" class=\"prerendered\">\n");
    h.push_str(
        "<noscript><p class=\"notice pre-noscript\">未启用 JavaScript：下面是静态版本，检索与筛选需要 JavaScript 与 WebAssembly；\
         每份文件的全文见文件列表。<span lang=\"en\">JavaScript is off: this is the static version. Search and filters need \
         JavaScript and WebAssembly; every document is readable in full from the list of documents.</span></p></noscript>\n",
    );
    h.push_str(&controls::header(&page));
    h.push_str("\n<div class=\"layout\">\n<aside class=\"sidebar\" aria-label=\"检索与筛选\">\n");
    let mut search = Html::new();
    shell::search_box(&mut search, &page);
    h.push_str(&search.finish());
    h.push_str("\n<details class=\"filters-panel\" open><summary>筛选条件</summary>\n");
    h.push_str(&controls::facets(&page, &corpus.counts(&state)));
    // The placeholder (what a shared link, query or fragment, sees until the app has its
    // results), the toolbar as the app's provisions view has it, the first screen of results.
    let _ = write!(
        h,
        "\n</details>\n</aside>\n<main class=\"content\">\n\
         <p class=\"pre-placeholder\" role=\"status\">正在载入… <span lang=\"en\">Loading…</span></p>\n\
         <section class=\"results pre-results\" aria-labelledby=\"pre-result-count\">\n<div class=\"toolbar\">\
         <h2 id=\"pre-result-count\" class=\"result-count\">{}</h2>\
         <label class=\"toggle\"><input type=\"checkbox\" id=\"pre-group\">按省份分组</label>\
         <button class=\"action\" type=\"button\">导出 CSV</button><button class=\"action\" type=\"button\">导出 JSON</button></div>\n\
         <div class=\"list\">{}</div>\n",
        labels::count_provisions(Lang::Zh, results.len()),
        render::results(&page, &render::rows(corpus, &results, false, FIRST_SCREEN)),
    );
    let rest = results.len().saturating_sub(FIRST_SCREEN);
    if rest > 0 {
        let _ = writeln!(
            h,
            "<p class=\"pre-more\">另有 {rest} 条：请从<a href=\"{DOCUMENTS_LINK}\">文件列表</a>阅读全文。\
             <span lang=\"en\">{rest} more: read them in full from the <a href=\"{DOCUMENTS_LINK}\">list of documents</a>.</span></p>"
        );
    }
    // Where a visitor without JavaScript reads everything from: the list of documents, a
    // page of its own (here it would grow with every document).
    let documents = corpus.bundle.documents.len();
    let _ = writeln!(
        h,
        "</section>\n<section class=\"pre-documents\" aria-labelledby=\"pre-documents\"><h2 id=\"pre-documents\">文件列表 <span lang=\"en\">Documents</span></h2>\
         <p><a href=\"{DOCUMENTS_LINK}\">全部 {documents} 份文件的全文 <span lang=\"en\">All {documents} documents in full</span></a></p></section>\n\
         </main>\n</div>\n{}\n</div>",
        controls::footer(&page, true),
    );
    h
}

/// A static page in `docs/`, under a CSP that allows no script at all: `title` (escaped
/// here), the skip link to `#{skip}`, the site's name linking back into the app, `main`.
fn static_page(page: &Page, assets: &Assets, title: &str, skip: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t} · 高技术服务业政策浏览器</title>\n\
         <link rel=\"stylesheet\" href=\"../{css}\">\n{icon}</head>\n<body class=\"static-page\">\n\
         <a class=\"skip-link\" href=\"#{skip}\">跳到正文 <span lang=\"en\">Skip to the text</span></a>\n\
         <header class=\"topbar\"><div class=\"brand\"><p class=\"site-name\"><a href=\"../index.html\">高技术服务业政策浏览器 <span lang=\"en\">HTS Policy Explorer</span></a></p></div></header>\n\
         {main}\n{footer}\n</body>\n</html>\n",
        t = escape(title),
        css = escape(&assets.stylesheet),
        icon = assets.icon.as_ref().map(|i| format!("<link rel=\"icon\" href=\"../{}\">\n", escape(i))).unwrap_or_default(),
        footer = controls::footer(page, true),
    )
}

/// The list of documents, `docs/index.html`: every document of the corpus with its
/// metadata, linking to its reader; readable with JavaScript disabled.
pub fn documents_page(corpus: &Corpus, assets: &Assets) -> String {
    let state = State { view: View::Documents, ..State::default() };
    let query = Query::parse(&state.q);
    let page = page(corpus, &state, &query, "../");
    // Every document, with how many of its provisions the (unfiltered) view shows.
    let shown = reader::matching(corpus, &corpus.search(&state));
    let all: Vec<(usize, usize)> = (0..corpus.bundle.documents.len()).map(|d| (d, shown.iter().find(|&&(i, _)| i == d).map_or(0, |&(_, n)| n))).collect();
    let list = reader::documents(&page, &all);
    let main = format!(
        "<main id=\"main\" class=\"static-main\" tabindex=\"-1\">\n\
         <h1>全部文件的全文 <span lang=\"en\">Every document in full</span></h1>\n\
         <p class=\"hint\">检索与筛选全部条文请用<a href=\"../index.html\">政策浏览器</a>（需要 JavaScript）。\
         <span lang=\"en\">To search and filter every provision, use the <a href=\"../index.html\">explorer</a> (needs JavaScript).</span></p>\n\
         {list}\n</main>"
    );
    static_page(&page, assets, "文件列表", "main", &main)
}

/// The static reader of one document, `docs/<id>.html`: readable with JavaScript
/// disabled, under a CSP that allows no script at all.
pub fn document_page(corpus: &Corpus, doc: &Document, assets: &Assets) -> String {
    let state = State { view: View::Documents, doc: Some(doc.id.clone()), ..State::default() };
    let query = Query::parse(&state.q);
    let page = page(corpus, &state, &query, "../");
    let main = format!("<main class=\"static-main\">\n{}\n</main>", reader::reader(&page, doc, false));
    static_page(&page, assets, &document_title(doc), "text", &main)
}

/// Every static page of the site, as (path relative to the site's root, HTML): the list of
/// documents, then each document's reader.
pub fn document_pages(corpus: &Corpus, assets: &Assets) -> Vec<(String, String)> {
    let readers = corpus.bundle.documents.iter().map(|d| (document_path(&d.id), document_page(corpus, d, assets)));
    std::iter::once((DOCUMENTS_PATH.to_string(), documents_page(corpus, assets))).chain(readers).collect()
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
            let packed = crate::pack::pack(&bundle).expect("the seeds pack");
            Corpus::from_packed(&packed.json, &packed.texts).expect("the packed seeds read back")
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
        let list = documents_page(&hostile, &css("main.css"));
        for html in [&page, &block, &list] {
            assert!(!html.contains("<script>alert"), "no raw script");
            assert!(!html.contains("<img src=x"), "no raw attribute break-out");
            assert!(!html.contains("<i>x</i>") && !html.contains("<b>bold</b>"));
        }
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && list.contains("&quot;&gt;&lt;img src=x"));
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

    /// Where a relative `href` on the page at `from` (a path from the site's root) leads,
    /// from the site's root; `None` when it leaves the site.
    fn resolve(from: &str, href: &str) -> Option<String> {
        let href = href.split(['#', '?']).next().unwrap_or_default();
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop();
        for part in href.split('/') {
            match part {
                "." => {}
                ".." => {
                    parts.pop()?;
                }
                p => parts.push(p),
            }
        }
        Some(parts.join("/"))
    }

    /// Every `href` of a page.
    fn hrefs(html: &str) -> Vec<String> {
        html.split("href=\"").skip(1).map(|u| u[..u.find('"').expect("end of the URL")].replace("&amp;", "&")).collect()
    }

    #[test]
    fn resolve_follows_relative_paths() {
        assert_eq!(resolve("docs/index.html", "./a.html").as_deref(), Some("docs/a.html"));
        assert_eq!(resolve("docs/index.html", "../docs/a.html#x").as_deref(), Some("docs/a.html"));
        assert_eq!(resolve("index.html", "./docs/index.html").as_deref(), Some("docs/index.html"));
        assert_eq!(resolve("index.html", "../x.html"), None);
    }

    #[test]
    fn block_links_the_list_of_documents_and_uses_relative_urls_only() {
        let c = corpus();
        let block = index_block(c);
        let n = c.bundle.documents.len();
        assert!(block.contains(&format!("<a href=\"./docs/index.html\">全部 {n} 份文件的全文 <span lang=\"en\">All {n} documents in full</span></a>")));
        let rest = c.search(&State::default()).len() - FIRST_SCREEN;
        let more = &block[block.find("<p class=\"pre-more\">").expect("the rest is said")..];
        assert!(
            more.starts_with(&format!("<p class=\"pre-more\">另有 {rest} 条"))
                && more[..more.find("</p>").expect("end")].contains("href=\"./docs/index.html\"")
        );
        assert!(!block.contains("doc-card") && !block.contains("doc-list"), "the documents are listed on a page of their own");
        // The app's search box, with the prerendered page's id (`src/main.rs` adopts what
        // was typed into `#pre-search`).
        assert!(block.contains("<label for=\"pre-search\">") && block.contains("<input id=\"pre-search\" type=\"search\""));
        for url in hrefs(&block) {
            assert!(url.starts_with("./"), "relative: {}", &url[..40.min(url.len())]);
            assert!(resolve("index.html", &url).is_some(), "{url}");
        }
        assert!(!block.contains("data-testid"), "the tests and the app see only the app's own DOM");
        assert!(!block.contains("<script"), "no script in the block");
    }

    #[test]
    fn documents_page_links_every_document_relatively() {
        let c = corpus();
        let assets = Assets { stylesheet: "main-abc.css".into(), icon: Some("icon-1.svg".into()) };
        let pages = document_pages(c, &assets);
        let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths[0], DOCUMENTS_PATH);
        let list = &pages[0].1;
        assert_eq!(list, &documents_page(c, &assets));
        assert!(list.contains("<title>文件列表 · 高技术服务业政策浏览器</title>"));
        assert!(list.contains("script-src 'none'") && !list.contains("<script") && !list.contains("data-testid"));
        assert!(list.contains("href=\"../main-abc.css\"") && list.contains("<link rel=\"icon\" href=\"../icon-1.svg\">"));
        assert!(list.contains("<a class=\"skip-link\" href=\"#main\">") && list.contains("<main id=\"main\""));
        assert!(list.contains("<p class=\"site-name\"><a href=\"../index.html\">"));
        assert!(list.contains("<footer class=\"site-footer\">") && list.contains("href=\"../data/policies.json\""));
        let urls = hrefs(list);
        for url in &urls {
            assert!(url.starts_with("./") || url.starts_with("../") || url.starts_with('#'), "relative: {url}");
            if url.starts_with('#') {
                continue;
            }
            let target = resolve(DOCUMENTS_PATH, url).unwrap_or_else(|| panic!("{url} leaves the site"));
            if target.starts_with("docs/") {
                assert!(paths.contains(&target.as_str()), "{url} leads to a page of the site");
            }
        }
        for d in &c.bundle.documents {
            let to_reader = urls.iter().filter(|u| resolve(DOCUMENTS_PATH, u).as_deref() == Some(document_path(&d.id).as_str())).count();
            assert_eq!(to_reader, 1, "{} linked once", d.id);
            assert!(list.contains(&format!("data-id=\"{}\"", d.id)));
            assert!(list.contains(&escape(&document_title(d))), "{}'s title", d.id);
        }
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "no page written twice");
    }

    #[test]
    fn document_page_has_every_provision_heading_and_link_back() {
        let c = corpus();
        for doc in &c.bundle.documents {
            let page = document_page(c, doc, &Assets { stylesheet: "main-abc.css".into(), icon: Some("icon-1.svg".into()) });
            assert!(page.contains("href=\"../main-abc.css\"") && page.contains("<link rel=\"icon\" href=\"../icon-1.svg\">"));
            assert!(page.contains(&format!("<h1 lang=\"zh-CN\">{}</h1>", escape(&document_title(doc)))));
            assert!(page.contains("script-src 'none'"));
            if let Some(notes) = &doc.notes {
                // Each language marked: the Chinese, then the English.
                let (zh, en) = hts_runtime::labels::split_note(notes);
                let spans: Vec<String> =
                    [(zh, "zh-CN"), (en, "en")].into_iter().filter_map(|(t, l)| Some(format!("<span lang=\"{l}\">{}</span>", escape(t?)))).collect();
                assert!(page.contains(&format!("<p class=\"doc-notes\">{}</p>", spans.join(" "))), "the notes on {}", doc.id);
            }
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
        assert!(page.contains("<dd class=\"unknown\" data-field=\"issuer\">未知</dd>"));
        assert!(page.contains("<dd class=\"unknown\" data-field=\"doc_number\">"));
    }
}
