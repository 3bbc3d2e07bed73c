//! What the reader takes away: the results as a file, a provision's citation, a
//! document's BibTeX entry. Run from the exports' module, loaded on first use
//! ([`crate::lazy::export`]).

use crate::browser;
use crate::state::Ctx;
use hts_runtime::export::{citation_in, matched_sentences_in, results_csv_in, results_json_in, Style};
use hts_runtime::labels::tr;
use hts_runtime::render::targets;
use hts_runtime::url::{self, View};
use leptos::prelude::*;

/// An export the reader asked for.
pub enum Export {
    /// The view's results as a CSV or JSON file.
    File { json: bool },
    /// The citation of the provision at this index, in a style.
    Citation(usize, Style),
    /// The BibTeX entry of the document with this id.
    Bibtex(String),
}

/// Runs the export; true when the clipboard took the text (the button then says so).
pub fn run(ctx: Ctx, export: Export) -> bool {
    match export {
        Export::File { json } => {
            file(ctx, json);
            false
        }
        Export::Citation(i, style) => copy_citation(ctx, i, style),
        Export::Bibtex(doc) => copy_bibtex(ctx, &doc),
    }
}

/// The results or both compare matrices as a file (labels in the CSV, codes in the JSON;
/// rows link to each provision: the page's address with `#id`), or the targets in their
/// sort.
fn file(ctx: Ctx, json: bool) {
    let (name, mime) = if json { ("json", "application/json") } else { ("csv", "text/csv;charset=utf-8") };
    let en = ctx.english_untracked();
    let base = browser::absolute_url("", None);
    let text = ctx.state.with_untracked(|s| match s.view {
        View::Provisions => {
            let results = ctx.results.get_untracked();
            Some(("provisions", if json { results_json_in(ctx.corpus, &results, s, &base, en) } else { results_csv_in(ctx.corpus, &results, s, &base, en) }))
        }
        View::Compare => Some(("compare", hts_runtime::render::compare::export(ctx.corpus, s, en, json))),
        View::Targets => {
            let rows = ctx.results.with_untracked(|r| targets::rows(ctx.corpus, r, ctx.sort.get_untracked()));
            Some(("targets", targets::export(ctx.corpus, &rows, s.lang, &base, en, json)))
        }
        View::Documents => None,
    });
    if let Some((what, text)) = text {
        browser::download(&format!("hts-{what}.{name}"), mime, &text);
    }
}

/// The citation in a style, quoting the sentences that meet the filters (if any).
fn copy_citation(ctx: Ctx, i: usize, style: Style) -> bool {
    let lang = ctx.lang.get_untracked();
    let en = ctx.english_untracked();
    let joiner = if en.is_some() { " " } else { "" };
    let quote = ctx.state.with_untracked(|s| matched_sentences_in(ctx.corpus, i, s, en).join(joiner));
    let link = url::cite_link(&browser::absolute_url("", None), lang, &ctx.corpus.provision(i).id);
    let text = citation_in(ctx.corpus, i, style, lang, &link, (!quote.is_empty()).then_some(quote.as_str()), en);
    let prompt = if browser::is_file() {
        tr(lang, "复制引用（其中的链接是本地文件，仅本机可打开）：", "Copy the citation (its link is a local file that opens only on this computer):")
    } else {
        tr(lang, "复制引用：", "Copy the citation:")
    };
    browser::copy(&text, prompt)
}

/// A document's BibTeX entry, linking to its reader.
fn copy_bibtex(ctx: Ctx, doc: &str) -> bool {
    let Some(d) = ctx.document(doc) else { return false };
    let lang = ctx.lang.get_untracked();
    let reader = url::State { view: View::Documents, doc: Some(doc.to_string()), lang, ..url::State::default() };
    let link = browser::absolute_url(&url::encode(&reader), None);
    browser::copy(&hts_runtime::export::bibtex_in(d, lang, &link, ctx.english_untracked()), "BibTeX:")
}
