//! The results view: the count, the list of matching provisions (optionally grouped by
//! province), exports, and an empty state that offers to clear the filters.

use crate::i18n;
use crate::state::use_ctx;
use hts_runtime::render::{self, controls};
use leptos::prelude::*;

#[component]
pub fn ProvisionsView() -> impl IntoView {
    let ctx = use_ctx();
    let count = move || i18n::count_provisions(ctx.lang.get(), ctx.results.with(Vec::len));
    let toolbar = crate::rendered::after_results(ctx, move || ctx.with_page(&|page| controls::toolbar(page, controls::Switch::Grouping)));
    // The general-measures offer, a hidden linked provision, or the empty state.
    let companions = crate::rendered::markup(move || {
        let en = ctx.searched_edition();
        let extra = ctx.filters.with(|s| ctx.corpus.general_also_in(s, en));
        ctx.results.with(|r| {
            ctx.with_page(&|page| {
                let mut html = controls::general_offer(page, extra) + &controls::hidden_link(page, r);
                if r.is_empty() {
                    html += &controls::empty(page, en);
                }
                html
            })
        })
    });
    view! {
        <section class="results" aria-labelledby="result-count">
            <div class="toolbar">
                <h2 id="result-count" class="result-count" data-testid="result-count" aria-live="polite">{count}</h2>
                {crate::rendered::host("toolbar-controls", "", toolbar)}
            </div>
            {crate::rendered::host("", "", companions)}
            <List/>
        </section>
    }
}

/// Results are rendered a page at a time, so a keystroke costs the same at 5 documents
/// and at 500; of a page, the first screen comes at once and the rest a frame later.
const PAGE: usize = 50;
const FIRST_SCREEN: usize = 8;

#[component]
fn List() -> impl IntoView {
    let ctx = use_ctx();
    // The list starts with its first page.
    let shown = ctx.shown;
    shown.set(PAGE);
    let grouped = Memo::new(move |_| ctx.state.with(|s| s.group_by_province));
    // A new search starts again from the first page (set only when more were shown: a
    // set re-renders the list, and after a keystroke it is already rendered).
    Effect::new(move |_| {
        ctx.results.track();
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    // A linked provision (`#id`) is always rendered, however far down the results it is.
    let linked = move || {
        let target = ctx.highlight.with(|h| h.as_deref().and_then(|id| ctx.corpus.index_of(id)))?;
        ctx.results.with(|r| r.iter().position(|&i| i == target))
    };
    let limit = move || shown.get().max(linked().map_or(0, |p| p + 1));
    let rendered = move || if ctx.settled.get() { limit() } else { limit().min(FIRST_SCREEN.max(linked().map_or(0, |p| p + 1))) };
    let complete = move || ctx.settled.get() || rendered() >= ctx.results.with(Vec::len);
    let remaining = move || ctx.results.with(Vec::len).saturating_sub(limit());
    let html = crate::rendered::markup(move || {
        let rows = ctx.results.with(|r| render::rows(ctx.corpus, r, grouped.get(), rendered()));
        ctx.with_page(&|page| render::results(page, &rows))
    });
    let more = crate::rendered::markup(move || {
        let remaining = remaining();
        hts_runtime::render::notes::show_more(ctx.lang.get(), remaining.min(PAGE), remaining)
    });
    view! {
        <div class="list" data-testid="result-list" data-complete=move || complete().to_string() inner_html=move || html.get()></div>
        {crate::rendered::host("", "", more)}
    }
}

/// Shows the next page and moves focus to its first card (the button moves down).
pub fn show_more(ctx: crate::state::Ctx) {
    let shown = ctx.shown;
    let first_new = shown.get_untracked();
    shown.update(|n| *n += PAGE);
    let Some(id) = ctx.results.with_untracked(|r| r.get(first_new).map(|&i| ctx.corpus.provision(i).id.clone())) else { return };
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let link = document().get_element_by_id(&id).and_then(|card| card.query_selector("a").ok().flatten());
        if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    });
}
