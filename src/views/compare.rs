//! The compare view: provinces × domains and provinces × tools as heat maps (numbers
//! always shown, so they read without colour), then the matching provisions side by side.

use crate::components::marked::marked;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::search::Facet;
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::View;
use leptos::prelude::*;
use std::collections::HashMap;

/// The provinces shown as columns: the corpus's, narrowed by the province filter.
fn columns() -> Vec<String> {
    let ctx = use_ctx();
    let mut out = ctx.corpus.provinces().to_vec();
    ctx.filters.with(|s| out.retain(|p| s.provinces.is_empty() || s.provinces.contains(p)));
    out
}

#[component]
pub fn CompareView() -> impl IntoView {
    let domain_rows: Vec<(String, bool)> = taxonomy().domains.iter().map(|d| (d.code.clone(), false)).collect();
    let mut tool_rows: Vec<(String, bool)> = Vec::new();
    for f in &taxonomy().families {
        tool_rows.push((f.code.clone(), true));
        tool_rows.extend(taxonomy().tools_of(&f.code).map(|t| (t.code.clone(), false)));
    }
    view! {
        <section class="compare">
            <h2>{tx("省际对比", "Compare provinces")}</h2>
            <p class="hint">{tx(
                "每格为符合当前筛选条件的条文数，颜色越深数量越多；点击数字查看这些条文。",
                "Each cell counts the provisions matching the current filters; darker means more. Click a number to read them.")}</p>
            <Matrix facet=Facet::Domain rows=domain_rows caption=("服务领域 × 省份", "Service domains × provinces")/>
            <Matrix facet=Facet::Tool rows=tool_rows caption=("政策工具 × 省份", "Policy tools × provinces")/>
            <SideBySide/>
        </section>
    }
}

#[component]
fn Matrix(facet: Facet, rows: Vec<(String, bool)>, caption: (&'static str, &'static str)) -> impl IntoView {
    let ctx = use_ctx();
    let counts = Memo::new(move |_| ctx.filters.with(|s| ctx.corpus.matrix(s, facet)));
    let max = Memo::new(move |_| counts.with(|c: &HashMap<(String, String), usize>| c.values().copied().max().unwrap_or(0)));
    let rows = StoredValue::new(rows);
    move || {
        let cols = columns();
        let lang = ctx.lang.get();
        let corner = if facet == Facet::Domain { i18n::tr(lang, "服务领域", "Domain") } else { i18n::tr(lang, "政策工具", "Tool") };
        let head = cols.iter().map(|p| view! { <th scope="col">{i18n::province(lang, p)}</th> }).collect_view();
        let body = rows.with_value(|rows| {
            rows.iter()
                .map(|(code, is_family)| {
                    let label = if facet == Facet::Domain { i18n::domain(lang, code) } else { i18n::tool(lang, code) };
                    let cells = cols
                        .iter()
                        .map(|p| {
                            let n = counts.with(|c| c.get(&(p.clone(), code.clone())).copied().unwrap_or(0));
                            let level = if n == 0 { 0 } else { 1 + (n * 4).saturating_sub(1) / max.get().max(1) };
                            let (p2, code2) = (p.clone(), code.clone());
                            let open = move |_| ctx.update(|s| s.open_cell(&p2, facet, &code2));
                            let aria = format!("{} · {} · {n}", i18n::province(lang, p), label);
                            view! {
                                <td class=format!("heat heat-{level}")>
                                    <button class="cell" data-testid=format!("cell-{p}-{code}") aria-label=aria on:click=open disabled=n == 0>{n}</button>
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr class:family=*is_family><th scope="row">{label}</th>{cells}</tr> }
                })
                .collect_view()
        });
        view! {
            <div class="table-scroll">
                <table class="matrix" data-testid=if facet == Facet::Domain { "matrix-domain" } else { "matrix-tool" }>
                    <caption>{i18n::tr(lang, caption.0, caption.1)}</caption>
                    <thead><tr><th scope="col">{corner}</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    }
}

/// The current results, one column per province, so one measure reads across provinces.
#[component]
fn SideBySide() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let cols = columns();
        let results = ctx.results.get();
        let lang = ctx.lang.get();
        let columns = cols.iter().map(|p| {
            let items: Vec<usize> = results.iter().copied().filter(|&i| &ctx.corpus.provision(i).province == p).collect();
            let n = items.len();
            let list = items.into_iter().map(|i| {
                let prov = ctx.corpus.provision(i);
                let href = format!("{}#{}", ctx.href_at(View::Provisions), prov.id);
                let ranges = ctx.query.with(|q| q.highlights(&prov.text));
                view! {
                    <li class="mini" data-testid="side-provision" data-province=p.clone()>
                        <a class="path" href=href>{if prov.path.is_empty() { i18n::tr(lang, "序言", "Preamble").to_string() } else { prov.path.join(" › ") }}</a>
                        <p lang="zh-CN">{marked(&prov.text, &ranges)}</p>
                    </li>
                }
            }).collect_view();
            view! {
                <section class="side-column" data-testid=format!("side-{p}")>
                    <h3>{format!("{}（{n}）", i18n::province(lang, p))}</h3>
                    <ul>{list}</ul>
                </section>
            }
        }).collect_view();
        view! {
            <h3 class="side-title">{i18n::tr(lang, "并列阅读：当前筛选下各省条文", "Side by side: each province's provisions under the current filters")}</h3>
            <div class="side-by-side">{columns}</div>
        }
    }
}
