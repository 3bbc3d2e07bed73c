//! The English edition on the page: titles and outline paths in English, the note that
//! labels the translation as unofficial (once per view), and what the page says while it
//! loads or when it could not load. A text without a translation shows the Chinese with
//! "(not translated)", never an empty space.

use crate::i18n;
use crate::state::use_ctx;
use hts_runtime::model::Document;
use hts_runtime::translation::Translation;
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

/// Said after a Chinese text shown where its English is missing.
pub const NOT_TRANSLATED: &str = " (not translated)";

/// A document's title in English when there is a translation; an untitled document is
/// named by what it is, in the reader's language.
pub fn document_title(lang: Lang, doc: &Document, en: Option<&Translation>) -> String {
    match (en, &doc.title) {
        (Some(en), Some(title)) => en.get(&doc.id).map(str::to_string).unwrap_or_else(|| format!("{title}{NOT_TRANSLATED}")),
        _ => i18n::document_title(lang, doc),
    }
}

/// The note above a view that shows translated text: unofficial, the original one click
/// away; or that the English is loading (the Chinese shows meanwhile); or that it could
/// not be loaded.
#[component]
pub fn EditionNote() -> impl IntoView {
    let ctx = use_ctx();
    let translated_view = move || matches!(ctx.view.get(), View::Provisions | View::Documents);
    // One element whose words follow the state: the least code in the download.
    let state = move || match (ctx.en.with(Option::is_some), ctx.en_failed.get()) {
        (true, _) => ("edition-note", "unofficial-translation", "note", "Unofficial translation. ", TRANSLATED),
        (false, true) => ("edition-note failed", "en-failed", "status", "", FAILED),
        (false, false) => ("edition-note loading", "en-loading", "status", "", LOADING),
    };
    move || {
        (ctx.lang.get() == Lang::En && translated_view()).then(|| {
            let (class, testid, role, strong, text) = state();
            view! { <p class=class role=role lang="en" data-testid=testid><strong>{strong}</strong>{text}</p> }
        })
    }
}

const TRANSLATED: &str =
    "Provisions, headings and titles are shown in an unofficial English translation; the Chinese original is authoritative and one click away.";
const FAILED: &str = "The English translation could not be loaded: the texts are shown in the Chinese original.";
const LOADING: &str = "Loading English… the Chinese original is shown meanwhile.";
