//! The documents view: the list of documents with their metadata, and the reader of
//! one document (`doc=`): table of contents, every provision with an anchor, search
//! terms marked, quality notes first. The markup is `hts_runtime::render::reader`'s;
//! its links are followed by `crate::rendered`, and the copy button runs there too.

use crate::rendered::host;
use crate::state::{use_ctx, Ctx};
use crate::views::provisions::EmptyResults;
use hts_runtime::model::Document;
use hts_runtime::render::reader;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DocumentsView() -> impl IntoView {
    let ctx = use_ctx();
    // Rebuilt when another document is opened (the English is followed by the markup).
    move || match ctx.doc.get().and_then(|id| ctx.document(&id)) {
        Some(doc) => reader_view(ctx, doc).into_any(),
        None => list(ctx).into_any(),
    }
}

/// The documents with a provision matching the filters (all of them without filters),
/// each with how many of its provisions match.
fn list(ctx: Ctx) -> impl IntoView {
    let html = Memo::new(move |_| {
        let matching = ctx.results.with(|r| reader::matching(ctx.corpus, r));
        ctx.with_page(&|page| reader::documents(page, &matching))
    });
    (host("", "", html), move || ctx.results.with(Vec::is_empty).then(EmptyResults))
}

/// The reader. On narrow screens the Chinese original shows on request: the button
/// turns it on in the page at once (keeping its focus), and the choice is kept for
/// the renders that follow (a new search, a linked provision).
fn reader_view(ctx: Ctx, doc: &'static Document) -> impl IntoView {
    let show_original = StoredValue::new(false);
    let html = Memo::new(move |_| ctx.with_page(&|page| reader::reader(page, doc, show_original.get_value())));
    let toggle = move |ev: leptos::ev::MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(button) = target.and_then(|t| t.closest("[data-action=toggle-original]").ok().flatten()) else { return };
        let shown = !show_original.get_value();
        show_original.set_value(shown);
        if let Ok(Some(section)) = button.closest(".reader") {
            let class = section.class_name();
            let others = class.split_whitespace().filter(|c| *c != "show-original");
            let mut next = others.collect::<Vec<_>>().join(" ");
            if shown {
                next.push_str(" show-original");
            }
            section.set_class_name(&next);
        }
        let _ = button.set_attribute("aria-pressed", if shown { "true" } else { "false" });
        button.set_text_content(Some(reader::original_toggle_label(shown)));
    };
    view! { <div on:click=toggle inner_html=move || html.get()></div> }
}
