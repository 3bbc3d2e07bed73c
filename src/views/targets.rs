//! The targets view: the extracted quantitative targets of the matching provisions, a
//! sortable table, and a chart of the headline growth targets, rendered as markup by
//! `hts_runtime::render::targets`. The sort is the view's own (not in the URL); the
//! buttons in the markup are handled here by their `data-action`.

use crate::state::{use_ctx, Ctx};
use hts_runtime::render::targets::{self, Sort, SortKey};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn TargetsView() -> impl IntoView {
    let ctx = use_ctx();
    let sort = RwSignal::new(Sort::default());
    // Indices of the targets of the matching provisions, in the chosen order.
    let rows = Memo::new(move |_| {
        let sort = sort.get();
        ctx.results.with(|r| targets::rows(ctx.corpus, r, sort))
    });
    let html = Memo::new(move |_| {
        let sort = sort.get();
        rows.with(|rows| ctx.with_page(&|page| targets::view(page, rows, sort)))
    });
    let click = move |ev: leptos::ev::MouseEvent| on_click(ctx, sort, rows, ev);
    view! { <section class="targets" on:click=click inner_html=move || html.get()></section> }
}

/// The view's buttons: sort by a column (keeping the focus on its button, which the new
/// markup replaces), export the rows shown, clear the filters.
fn on_click(ctx: Ctx, sort: RwSignal<Sort>, rows: Memo<Vec<usize>>, ev: leptos::ev::MouseEvent) {
    let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("[data-action]").ok().flatten()) else {
        return;
    };
    let attr = |name: &str| button.get_attribute(name).unwrap_or_default();
    let export = |json: bool| {
        let text = rows.with_untracked(|r| targets::export(ctx.corpus, r, ctx.lang.get_untracked(), &crate::browser::absolute_url("", None), json));
        match json {
            true => crate::browser::download("hts-targets.json", "application/json", &text),
            false => crate::browser::download("hts-targets.csv", "text/csv;charset=utf-8", &text),
        }
    };
    match attr("data-action").as_str() {
        "sort" => {
            let Some(key) = SortKey::from_code(&attr("data-key")) else { return };
            sort.update(|s| *s = s.toggle(key));
            request_animation_frame(move || {
                let selector = format!("[data-action=sort][data-key={}]", key.code());
                let button = document().query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            });
        }
        "export-csv" => export(false),
        "export-json" => export(true),
        "clear-filters" => ctx.update(|s| s.clear_filters()),
        _ => {}
    }
}
