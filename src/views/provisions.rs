//! The results view: the count, the list of matching provisions (optionally grouped by
//! province), exports, and an empty state that offers to clear the filters.

use crate::browser::download;
use crate::components::card::ProvisionCard;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::url::Lang;
use leptos::prelude::*;

#[component]
pub fn ProvisionsView() -> impl IntoView {
    let ctx = use_ctx();
    let count = move || i18n::count_provisions(ctx.lang.get(), ctx.results.with(Vec::len));
    let grouped = Memo::new(move |_| ctx.state.with(|s| s.group_by_province));
    let export_csv =
        move |_| ctx.results.with_untracked(|r| download("hts-provisions.csv", "text/csv;charset=utf-8", &hts_runtime::export::to_csv(ctx.corpus, r)));
    let export_json =
        move |_| ctx.results.with_untracked(|r| download("hts-provisions.json", "application/json", &hts_runtime::export::to_json(ctx.corpus, r)));
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
            {move || if ctx.results.with(Vec::is_empty) { Some(view! { <EmptyResults/> }) } else { None }}
            <List/>
        </section>
    }
}

/// Results are rendered a page at a time, so a keystroke costs the same at 5 documents
/// and at 500; of a page, the first screen comes at once and the rest a frame later.
const PAGE: usize = 50;
const FIRST_SCREEN: usize = 8;

/// One row of the list: a province heading (when grouping) or a card.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Row {
    Group(String, usize),
    Card(usize),
}

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
    // Grouping orders by province (in corpus order) and puts a heading before each group.
    let rows = move || {
        let lang = ctx.lang.get();
        // Cards are rebuilt when the English edition arrives (they render it statically).
        let english = ctx.english().is_some();
        let grouped = grouped.get();
        let mut results = ctx.results.get();
        if grouped {
            let order: Vec<&str> = ctx.corpus.bundle.documents.iter().map(|d| d.province.as_str()).collect();
            // Indices are in document order, so (group, index) keeps it within a group.
            results.sort_unstable_by_key(|&i| (order.iter().position(|p| *p == ctx.corpus.provision(i).province), i));
        }
        let mut rows = Vec::new();
        let mut current: Option<&str> = None;
        for &i in results.iter().take(rendered()) {
            let province = ctx.corpus.provision(i).province.as_str();
            if grouped && current != Some(province) {
                let n = results.iter().filter(|&&j| ctx.corpus.provision(j).province == province).count();
                rows.push((Row::Group(province.to_string(), n), lang, english));
                current = Some(province);
            }
            rows.push((Row::Card(i), lang, english));
        }
        rows
    };
    view! {
        <div class="list" data-testid="result-list" data-complete=move || complete().to_string()>
            <For each=rows key=|row| row.clone() let:row>
                {match row.0 {
                    Row::Group(province, n) => view! {
                        <h3 class="group" data-testid=format!("group-{province}")>{format!("{}（{n}）", i18n::province(row.1, &province))}</h3>
                    }.into_any(),
                    Row::Card(index) => view! { <ProvisionCard index/> }.into_any(),
                }}
            </For>
        </div>
        {move || (remaining() > 0).then(|| view! {
            <button class="action more" data-testid="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || match ctx.lang.get() {
                    Lang::Zh => format!("再显示 {} 条（还有 {} 条）", remaining().min(PAGE), remaining()),
                    Lang::En => format!("Show {} more ({} left)", remaining().min(PAGE), remaining()),
                }}
            </button>
        })}
    }
}

#[component]
pub fn EmptyResults() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="empty" data-testid="empty">
            <p>{tx("没有符合条件的条文。", "No provision matches these filters.")}</p>
            <button class="action primary" data-testid="empty-clear" on:click=move |_| ctx.update(|s| s.clear_filters())>
                {tx("清除全部筛选", "Clear all filters")}
            </button>
        </div>
    }
}
