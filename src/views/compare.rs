//! The compare view: provinces × domains and provinces × tools as heat maps (numbers
//! always shown, so they read without colour), then the matching provisions side by side.

use crate::components::marked::marked;
use crate::i18n::{self, tx};
use crate::state::{use_ctx, Ctx};
use hts_runtime::search::{Facet, GENERAL};
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::View;
use leptos::prelude::*;

/// The provinces shown as columns: the corpus's, narrowed by the province filter.
fn columns() -> Vec<String> {
    let ctx = use_ctx();
    let mut out = ctx.corpus.provinces().to_vec();
    ctx.filters.with(|s| out.retain(|p| s.provinces.is_empty() || s.provinces.contains(p)));
    out
}

#[component]
pub fn CompareView() -> impl IntoView {
    let ctx = use_ctx();
    let domain_rows: Vec<(String, bool)> = taxonomy().domains.iter().map(|d| (d.code.clone(), false)).chain([(GENERAL.to_string(), false)]).collect();
    let mut tool_rows: Vec<(String, bool)> = Vec::new();
    for f in &taxonomy().families {
        tool_rows.push((f.code.clone(), true));
        tool_rows.extend(taxonomy().tools_of(&f.code).map(|t| (t.code.clone(), false)));
    }
    view! {
        <section class="compare">
            <h2>{tx("省际对比", "Compare provinces")}</h2>
            <p class="hint">{tx(
                "每格为该省、该行在其余筛选条件下的条文数（本表的行与省份筛选除外：列为所选省份，已选的行加粗标出），颜色越深数量越多；点击数字即打开正好这些条文。",
                "Each cell counts the provisions of that province and row under the other filters (not this table's own: the columns are the selected provinces, selected rows are marked); darker means more. A click opens exactly the provisions counted.")}</p>
            <label class="toggle">
                <input type="checkbox" data-testid="compare-shares" prop:checked=move || ctx.state.with(|s| s.shares)
                    on:change=move |_| ctx.update(|s| s.toggle_shares())/>
                {tx("显示为占该省全部条文的比例", "Show as shares of each province's provisions")}
            </label>
            <div class="toolbar">
                <button class="action" data-testid="export-csv" on:click=move |_| export_matrices(ctx, false)>{tx("导出 CSV", "Export CSV")}</button>
                <button class="action" data-testid="export-json" on:click=move |_| export_matrices(ctx, true)>{tx("导出 JSON", "Export JSON")}</button>
            </div>
            <Matrix facet=Facet::Domain rows=domain_rows caption=("服务领域 × 省份", "Service domains × provinces")/>
            <Matrix facet=Facet::Tool rows=tool_rows caption=("政策工具 × 省份", "Policy tools × provinces")/>
            <SideBySide/>
        </section>
    }
}

/// Both matrices as one long table: matrix, row, province, count and share of the
/// province's provisions (labels in the CSV, codes in the JSON).
fn export_matrices(ctx: Ctx, json: bool) {
    let lang = ctx.lang.get_untracked();
    let totals = ctx.corpus.province_totals();
    let cols = columns_untracked(ctx);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let t = taxonomy();
    let domain_codes = t.domains.iter().map(|d| d.code.clone()).chain([GENERAL.to_string()]);
    let tool_codes = t.families.iter().flat_map(|f| std::iter::once(f.code.clone()).chain(t.tools_of(&f.code).map(|x| x.code.clone())));
    for (facet, codes) in [(Facet::Domain, domain_codes.collect::<Vec<_>>()), (Facet::Tool, tool_codes.collect())] {
        let m = ctx.filters.with_untracked(|s| ctx.corpus.matrix(s, facet));
        for code in &codes {
            for p in &cols {
                let n = m.get(p, code);
                let total = totals.get(p).copied().unwrap_or(0);
                let share = if total == 0 { 0.0 } else { n as f64 * 100.0 / total as f64 };
                let share = hts_runtime::export::figure(share);
                if json {
                    rows.push(vec![facet.key().to_string(), code.clone(), p.clone(), n.to_string(), total.to_string(), share]);
                } else {
                    let label = i18n::facet_option(lang, facet, code);
                    let matrix =
                        if facet == Facet::Domain { i18n::tr(lang, "服务领域", "Service domain") } else { i18n::tr(lang, "政策工具", "Policy tool") };
                    rows.push(vec![matrix.to_string(), label, i18n::province(lang, p), n.to_string(), total.to_string(), share]);
                }
            }
        }
    }
    if json {
        let text = hts_runtime::export::table_json(&["matrix", "code", "province", "count", "province_provisions", "share_percent"], &rows);
        crate::browser::download("hts-compare.json", "application/json", &text);
    } else {
        let head: Vec<String> = [
            ("表", "Table"),
            ("行", "Row"),
            ("省份", "Province"),
            ("条文数", "Provisions"),
            ("该省条文总数", "Province's provisions"),
            ("占比（%）", "Share (%)"),
        ]
        .iter()
        .map(|(zh, en)| i18n::tr(lang, zh, en).to_string())
        .collect();
        crate::browser::download("hts-compare.csv", "text/csv;charset=utf-8", &hts_runtime::export::table_csv(&head, &rows));
    }
}

fn columns_untracked(ctx: Ctx) -> Vec<String> {
    let mut out = ctx.corpus.provinces().to_vec();
    ctx.filters.with_untracked(|s| out.retain(|p| s.provinces.is_empty() || s.provinces.contains(p)));
    out
}

#[component]
fn Matrix(facet: Facet, rows: Vec<(String, bool)>, caption: (&'static str, &'static str)) -> impl IntoView {
    let ctx = use_ctx();
    let counts = Memo::new(move |_| ctx.filters.with(|s| ctx.corpus.matrix(s, facet)));
    let max = Memo::new(move |_| counts.with(hts_runtime::search::Matrix::max));
    let rows = StoredValue::new(rows);
    let totals = StoredValue::new(ctx.corpus.province_totals());
    move || {
        let shares = ctx.state.with(|s| s.shares);
        let cols = columns();
        let lang = ctx.lang.get();
        let corner = if facet == Facet::Domain { i18n::tr(lang, "服务领域", "Domain") } else { i18n::tr(lang, "政策工具", "Tool") };
        let head = cols.iter().map(|p| view! { <th scope="col">{i18n::province(lang, p)}</th> }).collect_view();
        let body = rows.with_value(|rows| {
            rows.iter()
                .map(|(code, is_family)| {
                    let label = if facet == Facet::Domain { i18n::domain(lang, code) } else { i18n::tool(lang, code) };
                    let selected = ctx.filters.with(|s| s.is_selected(facet, code));
                    let cells = cols
                        .iter()
                        .map(|p| {
                            let n = counts.with(|c| c.get(p, code));
                            let level = if n == 0 { 0 } else { 1 + (n * 4).saturating_sub(1) / max.get().max(1) };
                            let (p2, code2) = (p.clone(), code.clone());
                            let open = move |_| ctx.update(|s| s.open_cell(&p2, facet, &code2));
                            let total = totals.with_value(|t| t.get(p).copied().unwrap_or(0));
                            let share = hts_runtime::export::percent(n, total);
                            let shown = if shares { format!("{share}%") } else { n.to_string() };
                            let aria = format!("{} · {} · {n} / {total} ({share}%)", i18n::province(lang, p), label);
                            view! {
                                <td class=format!("heat heat-{level}")>
                                    <button class="cell" data-testid=format!("cell-{p}-{code}") data-count=n aria-label=aria.clone() title=aria
                                        on:click=open disabled=n == 0>{shown}</button>
                                </td>
                            }
                        })
                        .collect_view();
                    let mark = selected.then_some("✓ ");
                    view! {
                        <tr class:family=*is_family class:selected=selected aria-selected=selected.then_some("true")>
                            <th scope="row">{mark}{label}</th>{cells}
                        </tr>
                    }
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
                let emphasis = ctx.filters.with(|s| ctx.corpus.emphasised_sentences(i, s));
                let sentences = ctx.query.with(|q| {
                    prov.sentences
                        .iter()
                        .zip(emphasis)
                        .map(|(s, emph)| view! { <span class="sentence" class:dim=!emph>{marked(&s.text, &q.highlights(&s.text))}</span> })
                        .collect_view()
                });
                let tags = ctx
                    .corpus
                    .provision_domains(i)
                    .iter()
                    .map(|c| i18n::domain(lang, c))
                    .chain(ctx.corpus.provision_tools(i).iter().map(|c| i18n::tool(lang, c)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li class="mini" data-testid="side-provision" data-province=p.clone() data-id=prov.id.clone()>
                        <a class="path" href=href>{if prov.path.is_empty() { i18n::tr(lang, "序言", "Preamble").to_string() } else { prov.path.join(" › ") }}</a>
                        <p lang="zh-CN">{sentences}</p>
                        <p class="mini-tags" data-testid="side-tags">{tags}</p>
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
