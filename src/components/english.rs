//! The note that labels the English edition as an unofficial translation (once per view),
//! and what the page says while it loads or when it could not load. The translated texts
//! themselves are rendered by `hts_runtime::render` (a text without a translation shows
//! the Chinese with "(not translated)", never an empty space).

use crate::state::use_ctx;
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

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
