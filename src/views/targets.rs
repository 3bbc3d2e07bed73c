//! The targets view: the extracted quantitative targets of the matching provisions, a
//! sortable table, and a chart of the headline growth targets, rendered as markup by
//! `hts_runtime::render::targets`. The sort is the view's own (not in the URL, reset when
//! the view opens); the buttons in the markup run in `crate::rendered`'s click handler.

use crate::rendered::{host, markup};
use crate::state::{use_ctx, Ctx};
use hts_runtime::render::targets::{self, Sort, SortKey};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn targets_view() -> impl IntoView {
    let ctx = use_ctx();
    ctx.sort.set(Sort::default());
    // Indices of the targets of the matching provisions, in the chosen order.
    let rows = Memo::new(move |_| {
        let sort = ctx.sort.get();
        ctx.results.with(|r| targets::rows(ctx.corpus, r, sort))
    });
    host("targets", "", markup(move || rows.with(|rows| ctx.with_page(&|page| targets::view(page, rows, ctx.sort.get())))))
}

/// The rows shown, in their order, as a file's text (`json` or CSV).
pub fn export(ctx: Ctx, json: bool) -> String {
    let rows = ctx.results.with_untracked(|r| targets::rows(ctx.corpus, r, ctx.sort.get_untracked()));
    targets::export(ctx.corpus, &rows, ctx.lang.get_untracked(), &crate::browser::absolute_url("", None), json)
}

/// Sorts by a column (keeping the focus on its button, which the new markup replaces).
pub fn sort(ctx: Ctx, button: &web_sys::Element) {
    let Some(key) = button.get_attribute("data-key").and_then(|k| SortKey::from_code(&k)) else { return };
    ctx.sort.update(|s| *s = s.toggle(key));
    request_animation_frame(move || {
        let selector = format!("[data-action=sort][data-key={}]", key.code());
        let button = document().query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}
