//! The results view: the count, the list of matching provisions (optionally grouped by
//! province), exports, and an empty state that offers to clear the filters.

use crate::browser::download;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::render;
use hts_runtime::search::{Facet, GENERAL};
use hts_runtime::url::{Lang, State};
use leptos::prelude::*;

#[component]
pub fn ProvisionsView() -> impl IntoView {
    let ctx = use_ctx();
    let count = move || i18n::count_provisions(ctx.lang.get(), ctx.results.with(Vec::len));
    let grouped = Memo::new(move |_| ctx.state.with(|s| s.group_by_province));
    // Rows carry the link to each provision: the page's address with `#id`.
    let export = move |json: bool| {
        let base = crate::browser::absolute_url("", None);
        ctx.results.with_untracked(|r| {
            ctx.state.with_untracked(|s| {
                if json {
                    download("hts-provisions.json", "application/json", &hts_runtime::export::results_json(ctx.corpus, r, s, &base))
                } else {
                    download("hts-provisions.csv", "text/csv;charset=utf-8", &hts_runtime::export::results_csv(ctx.corpus, r, s, &base))
                }
            })
        })
    };
    let export_csv = move |_| export(false);
    let export_json = move |_| export(true);
    view! {
        <section class="results" aria-labelledby="result-count">
            <div class="toolbar">
                <h2 id="result-count" class="result-count" data-testid="result-count" aria-live="polite">{count}</h2>
                <label class="toggle">
                    <input type="checkbox" data-testid="group-by-province" prop:checked=grouped
                        on:change=move |_| ctx.update(|s| s.toggle_grouping())/>
                    {tx("按省份分组", "Group by province")}
                </label>
                <button class="action" data-testid="export-csv" on:click=export_csv>{tx("导出 CSV", "Export CSV")}</button>
                <button class="action" data-testid="export-json" on:click=export_json>{tx("导出 JSON", "Export JSON")}</button>
            </div>
            <GeneralOffer/>
            <HiddenLink/>
            {move || if ctx.results.with(Vec::is_empty) { Some(view! { <EmptyResults/> }) } else { None }}
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
    let shown = RwSignal::new(PAGE);
    let grouped = Memo::new(move |_| ctx.state.with(|s| s.group_by_province));
    // A new search starts again from the first page.
    Effect::new(move |_| {
        ctx.results.track();
        shown.set(PAGE);
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
    let html = Memo::new(move |_| {
        let rows = ctx.results.with(|r| render::rows(ctx.corpus, r, grouped.get(), rendered()));
        ctx.with_page(&|page| render::results(page, &rows))
    });
    view! {
        <div class="list" data-testid="result-list" data-complete=move || complete().to_string() inner_html=move || html.get()></div>
        {move || (remaining() > 0).then(|| view! {
            <button class="action more" data-testid="show-more" on:click=move |_| show_more(ctx, shown)>
                {move || match ctx.lang.get() {
                    Lang::Zh => format!("再显示 {} 条（还有 {} 条）", remaining().min(PAGE), remaining()),
                    Lang::En => format!("Show {} more ({} left)", remaining().min(PAGE), remaining()),
                }}
            </button>
        })}
    }
}

/// With a domain filter but not 综合: how many general measures (sentences with no
/// service domain) also apply, added in one click.
#[component]
fn GeneralOffer() -> impl IntoView {
    let ctx = use_ctx();
    let extra = Memo::new(move |_| ctx.filters.with(|s| ctx.corpus.general_also(s)));
    let add = move |_| ctx.update(|s| s.toggle(Facet::Domain, GENERAL));
    move || {
        extra.get().map(|n| {
            let text = match ctx.lang.get() {
                Lang::Zh => format!("另有 {n} 条综合措施（不限服务领域）也适用：一并显示"),
                Lang::En => format!(
                    "{n} general measure{} (for every domain) also appl{}: show them too",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "ies" } else { "y" }
                ),
            };
            view! {
                <p class="general-offer"><button class="link-button" data-testid="general-offer" data-count=n on:click=add>{text}</button></p>
            }
        })
    }
}

/// Shows the next page and moves focus to its first card (the button moves down).
fn show_more(ctx: crate::state::Ctx, shown: RwSignal<usize>) {
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

/// A `#provision-id` link whose provision the filters hide: said so, with a way to show it.
#[component]
fn HiddenLink() -> impl IntoView {
    let ctx = use_ctx();
    let hidden = Memo::new(move |_| {
        let i = ctx.highlight.with(|h| h.as_deref().and_then(|id| ctx.corpus.index_of(id)))?;
        ctx.results.with(|r| !r.contains(&i)).then(|| ctx.corpus.provision(i).id.clone())
    });
    move || {
        hidden.get().map(|id| {
            let show = {
                let id = id.clone();
                move |_| ctx.navigate_to_anchor(ctx.state.with_untracked(State::cleared), &id)
            };
            view! {
                <div class="notice" role="status" data-testid="hidden-link">
                    <p>{move || match ctx.lang.get() {
                        Lang::Zh => format!("链接指向的条文 {id} 不在当前筛选结果中。"),
                        Lang::En => format!("The linked provision {id} is hidden by the current filters."),
                    }}</p>
                    <button class="action" data-testid="hidden-link-show" on:click=show>{tx("清除筛选并显示该条文", "Clear the filters and show it")}</button>
                </div>
            }
        })
    }
}

/// What removing one filter would give, for each active filter (and the query).
fn relaxations(ctx: crate::state::Ctx) -> Vec<(String, State, usize)> {
    let lang = ctx.lang.get();
    let state = ctx.filters.get();
    let mut out = Vec::new();
    for facet in Facet::ALL {
        for code in state.codes(facet) {
            let mut next = state.clone();
            next.remove(facet, code);
            out.push((crate::i18n::facet_option(lang, facet, code), next, 0));
        }
    }
    if !state.q.trim().is_empty() {
        let mut next = state.clone();
        next.clear_query();
        out.push((format!("“{}”", state.q), next, 0));
    }
    for r in &mut out {
        r.2 = ctx.corpus.search(&r.1).len();
    }
    out.retain(|r| r.2 > 0);
    // The largest first, ties in the order above.
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::state::sort_indices(&mut order, &|a, b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    let mut slots: Vec<Option<(String, State, usize)>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[component]
pub fn EmptyResults() -> impl IntoView {
    let ctx = use_ctx();
    let suggestions = move || {
        let list = relaxations(ctx);
        let intro = (!list.is_empty()).then(|| view! { <p>{tx("去掉其中一个条件可得到结果：", "Removing one filter gives results:")}</p> });
        let items = list
            .into_iter()
            .map(|(label, next, n)| {
                let text = match ctx.lang.get() {
                    Lang::Zh => format!("去掉 {label}（{n} 条）"),
                    Lang::En => format!("Remove {label} ({n})"),
                };
                view! { <li><button class="link-button" data-testid="empty-remove" data-count=n on:click=move |_| ctx.update(|s| {
                    let keep = (s.view, s.lang, s.doc.clone(), s.group_by_province, s.shares);
                    *s = State { view: keep.0, lang: keep.1, doc: keep.2, group_by_province: keep.3, shares: keep.4, ..next.clone() };
                })>{text}</button></li> }
            })
            .collect_view();
        view! { {intro}<ul class="empty-suggestions">{items}</ul> }
    };
    view! {
        <div class="empty" data-testid="empty">
            <p>{tx("没有符合条件的条文。", "No provision matches these filters.")}</p>
            {suggestions}
            <button class="action primary" data-testid="empty-clear" on:click=move |_| ctx.update(|s| s.clear_filters())>
                {tx("清除全部筛选", "Clear all filters")}
            </button>
        </div>
    }
}
