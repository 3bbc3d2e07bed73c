//! The results view: the count, the list of matching provisions (optionally grouped by
//! province), exports, and an empty state that offers to clear the filters.

use crate::app::tx;
use crate::app::use_ctx;
use crate::components::card::ProvisionCard;
use crate::export::download;
use crate::i18n;
use leptos::prelude::*;

#[component]
pub fn ProvisionsView() -> impl IntoView {
    let ctx = use_ctx();
    let count = move || i18n::count_provisions(ctx.lang.get(), ctx.results.with(Vec::len));
    let grouped = move || ctx.state.with(|s| s.group_by_province);
    let export_csv = move |_| ctx.results.with_untracked(|r| download("hts-provisions.csv", "text/csv;charset=utf-8", &hts_core::export::to_csv(ctx.corpus, r)));
    let export_json = move |_| ctx.results.with_untracked(|r| download("hts-provisions.json", "application/json", &hts_core::export::to_json(ctx.corpus, r)));
    view! {
        <section class="results" aria-labelledby="result-count">
            <div class="toolbar">
                <h2 id="result-count" class="result-count" data-testid="result-count" aria-live="polite">{count}</h2>
                <label class="toggle">
                    <input type="checkbox" data-testid="group-by-province" prop:checked=grouped
                        on:change=move |_| ctx.update(|s| s.group_by_province = !s.group_by_province)/>
                    {tx("按省份分组", "Group by province")}
                </label>
                <button class="action" data-testid="export-csv" on:click=export_csv>{tx("导出 CSV", "Export CSV")}</button>
                <button class="action" data-testid="export-json" on:click=export_json>{tx("导出 JSON", "Export JSON")}</button>
            </div>
            {move || if ctx.results.with(Vec::is_empty) { Some(view! { <EmptyResults/> }) } else { None }}
            {move || if grouped() { view! { <Grouped/> }.into_any() } else { view! { <List/> }.into_any() }}
        </section>
    }
}

/// Results are rendered a page at a time, so a keystroke costs the same at 5 documents
/// and at 500.
const PAGE: usize = 20;

#[component]
fn List() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE);
    // A new search starts again from the first page.
    Effect::new(move |_| {
        ctx.results.track();
        shown.set(PAGE);
    });
    // A linked provision (`#id`) is always rendered, however far down the results it is.
    let linked = move || {
        ctx.highlight.with(|h| h.as_ref().and_then(|id| ctx.results.with(|r| r.iter().position(|&i| ctx.corpus.provision(i).id == *id))))
    };
    let limit = move || shown.get().max(linked().map_or(0, |p| p + 1));
    let visible = move || ctx.results.with(|r| r.iter().copied().take(limit()).collect::<Vec<_>>());
    let remaining = move || ctx.results.with(Vec::len).saturating_sub(limit());
    view! {
        <div class="list">
            <For each=move || { let lang = ctx.lang.get(); visible().into_iter().map(move |i| (i, lang)).collect::<Vec<_>>() } key=|k| *k let:item>
                <ProvisionCard index=item.0/>
            </For>
        </div>
        {move || (remaining() > 0).then(|| view! {
            <button class="action more" data-testid="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || match ctx.lang.get() {
                    hts_core::url::Lang::Zh => format!("再显示 {} 条（还有 {} 条）", remaining().min(PAGE), remaining()),
                    hts_core::url::Lang::En => format!("Show {} more ({} left)", remaining().min(PAGE), remaining()),
                }}
            </button>
        })}
    }
}

#[component]
fn Grouped() -> impl IntoView {
    let ctx = use_ctx();
    let groups = move || {
        let results = ctx.results.get();
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for i in results {
            let province = &ctx.corpus.provision(i).province;
            match groups.iter_mut().find(|(p, _)| p == province) {
                Some((_, list)) => list.push(i),
                None => groups.push((province.clone(), vec![i])),
            }
        }
        groups
    };
    view! {
        <For each=move || { let lang = ctx.lang.get(); groups().into_iter().map(move |g| (g, lang)).collect::<Vec<_>>() } key=|((p, list), lang)| (p.clone(), list.clone(), *lang) let:item>
            {let group = item.0;
            view! {
            <section class="group" data-testid=format!("group-{}", group.0)>
                <h3>{ let (p, n) = (group.0.clone(), group.1.len()); move || format!("{}（{n}）", i18n::province(ctx.lang.get(), &p)) }</h3>
                {group.1.iter().map(|&index| view! { <ProvisionCard index/> }).collect_view()}
            </section>
            }}
        </For>
    }
}

#[component]
pub fn EmptyResults() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="empty" data-testid="empty">
            <p>{tx("没有符合条件的条文。", "No provision matches these filters.")}</p>
            <button class="action primary" data-testid="empty-clear" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                {tx("清除全部筛选", "Clear all filters")}
            </button>
        </div>
    }
}
