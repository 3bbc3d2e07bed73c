//! The targets view: the extracted quantitative targets of the matching provisions, a
//! sortable table, and a chart of the headline growth targets.

use crate::i18n::{self, tr, tx};
use crate::state::{use_ctx, Ctx};
use hts_runtime::model::{Target, TargetKind};
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    Province,
    Indicator,
    Value,
    Unit,
    Year,
}

#[component]
pub fn TargetsView() -> impl IntoView {
    let ctx = use_ctx();
    let sort = RwSignal::new((SortKey::Province, true));
    // Indices of the targets of the matching provisions (results are in corpus order).
    let rows = Memo::new(move |_| {
        let targets = &ctx.corpus.bundle.targets;
        let mut rows: Vec<usize> = ctx
            .results
            .with(|r| (0..targets.len()).filter(|&i| ctx.corpus.index_of(&targets[i].provision).is_some_and(|p| r.binary_search(&p).is_ok())).collect());
        let (key, asc) = sort.get();
        // A total order (ties broken by position), so an unstable sort is exact.
        crate::state::sort_indices(&mut rows, &|ia, ib| {
            let (a, b) = (&targets[ia], &targets[ib]);
            let order = match key {
                SortKey::Province => province_of(a).cmp(province_of(b)),
                SortKey::Indicator => a.indicator.cmp(&b.indicator),
                SortKey::Value => a.value.total_cmp(&b.value),
                SortKey::Unit => a.unit.cmp(&b.unit),
                SortKey::Year => a.year.cmp(&b.year),
            }
            .then(ia.cmp(&ib));
            if asc {
                order
            } else {
                order.reverse()
            }
        });
        rows
    });
    let header = move |key: SortKey, zh: &'static str, en: &'static str, testid: &'static str| {
        let aria = move || {
            let (k, asc) = sort.get();
            if k == key {
                if asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        let click = move |_| {
            sort.update(|(k, asc)| {
                if *k == key {
                    *asc = !*asc
                } else {
                    *k = key;
                    *asc = true
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" on:click=click data-testid=testid>
                    {tx(zh, en)}
                    <span aria-hidden="true">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="targets">
            <h2>{tx("量化目标", "Quantitative targets")}</h2>
            <GrowthChart/>
            <p class="result-count" data-testid="target-count">{move || match ctx.lang.get() {
                Lang::Zh => format!("共 {} 项量化目标", rows.with(Vec::len)),
                Lang::En => format!("{} quantitative targets", rows.with(Vec::len)),
            }}</p>
            <div class="toolbar">
                <button class="action" data-testid="export-csv" on:click=move |_| rows.with_untracked(|r| export_targets(ctx, r, false))>{tx("导出 CSV", "Export CSV")}</button>
                <button class="action" data-testid="export-json" on:click=move |_| rows.with_untracked(|r| export_targets(ctx, r, true))>{tx("导出 JSON", "Export JSON")}</button>
            </div>
            {move || rows.with(Vec::is_empty).then(|| view! {
                <div class="empty" data-testid="targets-empty">
                    <p>{tx(
                        "当前筛选条件下的条文中没有量化目标（目标多在“发展目标”部分，常标为“目标规划”工具）。",
                        "No quantitative target in the provisions matching these filters (targets mostly sit in the 'goals' sections, tagged with the 'Goals and targets' tool).")}</p>
                    <button class="action primary" data-testid="targets-empty-clear" on:click=move |_| ctx.update(|s| s.clear_filters())>
                        {tx("清除全部筛选", "Clear all filters")}
                    </button>
                </div>
            })}
            <div class="table-scroll" class:hidden=move || rows.with(Vec::is_empty)>
                <table class="targets-table" data-testid="targets-table">
                    <thead><tr>
                        {header(SortKey::Province, "省份", "Province", "sort-province")}
                        {header(SortKey::Indicator, "指标", "Indicator", "sort-indicator")}
                        {header(SortKey::Value, "数值", "Value", "sort-value")}
                        {header(SortKey::Unit, "单位", "Unit", "sort-unit")}
                        {header(SortKey::Year, "年份", "Year", "sort-year")}
                        <th scope="col">{tx("原文（出处）", "Source sentence")}</th>
                    </tr></thead>
                    <tbody>
                        // Tens of rows: redrawn whole, no keyed list to compile.
                        {move || rows.get().into_iter().map(|index| view! { <TargetRow index/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The targets shown, as a table: labels in the CSV, codes in the JSON; each row links
/// to its provision and cites it.
fn export_targets(ctx: Ctx, rows: &[usize], json: bool) {
    use hts_runtime::export::{citation, figure, table_csv, table_json, target_value, Style};
    let lang = ctx.lang.get_untracked();
    let base = crate::browser::absolute_url("", None);
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|&k| {
            let t = &ctx.corpus.bundle.targets[k];
            let i = ctx.corpus.index_of(&t.provision);
            let province = i.map_or("", |i| ctx.corpus.provision(i).province.as_str());
            let link = format!("{base}#{}", hts_runtime::url::percent_encode(&t.provision));
            let cite = i.map(|i| citation(ctx.corpus, i, Style::GbT7714, lang, &link, Some(&t.text))).unwrap_or_default();
            let year = t.year.map(|y| y.to_string()).unwrap_or_default();
            let max = t.value_max.map(figure).unwrap_or_default();
            let qualifier = t.qualifier.clone().unwrap_or_default();
            if json {
                vec![
                    province.to_string(),
                    t.indicator.clone(),
                    figure(t.value),
                    max,
                    t.unit.clone(),
                    year,
                    t.kind.as_str().to_string(),
                    qualifier,
                    t.text.clone(),
                    t.provision.clone(),
                    link,
                    cite,
                ]
            } else {
                vec![i18n::province(lang, province), t.indicator.clone(), target_value(t, lang), t.unit.clone(), year, t.text.clone(), link, cite]
            }
        })
        .collect();
    if json {
        let keys = ["province", "indicator", "value", "value_max", "unit", "year", "kind", "qualifier", "text", "provision", "link", "citation"];
        crate::browser::download("hts-targets.json", "application/json", &table_json(&keys, &table));
    } else {
        let head: Vec<String> = [
            ("省份", "Province"),
            ("指标", "Indicator"),
            ("数值", "Value"),
            ("单位", "Unit"),
            ("年份", "Year"),
            ("原文", "Source text"),
            ("链接", "Link"),
            ("引用（GB/T 7714）", "Citation (GB/T 7714)"),
        ]
        .iter()
        .map(|(zh, en)| tr(lang, zh, en).to_string())
        .collect();
        crate::browser::download("hts-targets.csv", "text/csv;charset=utf-8", &table_csv(&head, &table));
    }
}

fn province_of(t: &Target) -> &'static str {
    let corpus = use_ctx().corpus;
    corpus.index_of(&t.provision).map_or("", |i| corpus.provision(i).province.as_str())
}

#[component]
fn TargetRow(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let target: &'static Target = &ctx.corpus.bundle.targets[index];
    // The translation key: the provision's id and the target's number within it.
    let n = ctx.corpus.bundle.targets[..index].iter().filter(|t| t.provision == target.provision).count() + 1;
    let key = format!("{}/t{n}", target.provision);
    let indicator = target.indicator.clone();
    let english = move || ctx.english().and_then(|en| en.get(&key)).map(str::to_string);
    let programme = target.kind == TargetKind::Programme;
    let province = province_of(target).to_string();
    let href = {
        let id = target.provision.clone();
        move || format!("{}#{}", ctx.href_at(View::Provisions), id)
    };
    let year = target.year.map(|y| y.to_string());
    // The sentence that states the target, shown in full and linked to its provision.
    let provision = ctx.corpus.index_of(&target.provision).map(|i| ctx.corpus.provision(i));
    let sentence = provision.and_then(|p| p.sentences.iter().find(|s| s.text.contains(&target.text))).map_or_else(|| target.text.clone(), |s| s.text.clone());
    let heading = provision.and_then(|p| p.path.last().cloned()).unwrap_or_default();
    view! {
        <tr data-testid="target" class="target-row" data-province=province.clone() data-provision=target.provision.clone()>
            <td>{ let p = province.clone(); move || i18n::province(ctx.lang.get(), &p) }</td>
            <td data-testid="target-indicator">
                {move || match english() {
                    Some(en) => view! { <span lang="en">{en}</span><span class="target-heading" lang="zh-CN">{indicator.clone()}</span> }.into_any(),
                    None => view! { <span lang="zh-CN">{indicator.clone()}</span> }.into_any(),
                }}
                {programme.then(|| view! { <span class="target-kind" data-testid="target-programme">{tx("规划数量（非结果目标）", "plan's list size (not a result)")}</span> })}
            </td>
            <td class="num" data-testid="target-value">{move || hts_runtime::export::target_value(target, ctx.lang.get())}</td>
            <td>{target.unit.clone()}</td>
            <td class="num">{move || year.clone().unwrap_or_else(|| tr(ctx.lang.get(), "未注明", "not stated").to_string())}</td>
            <td class="target-source">
                <a href=href data-provision=target.provision.clone() data-testid="target-source" lang="zh-CN">{sentence}</a>
                <span class="target-heading">{move || if heading.is_empty() { tr(ctx.lang.get(), "序言", "Preamble").to_string() } else { heading.clone() }}</span>
            </td>
        </tr>
    }
}

/// Bars for each province's headline growth target (the first growth rate it states).
#[component]
fn GrowthChart() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let lang = ctx.lang.get();
        let mut bars: Vec<(String, f64)> = Vec::new();
        let fig = hts_runtime::export::figure;
        for t in ctx.corpus.bundle.targets.iter().filter(|t| t.kind == TargetKind::Growth) {
            let p = province_of(t).to_string();
            if !bars.iter().any(|(q, _)| *q == p) && ctx.filters.with(|s| s.provinces.is_empty() || s.provinces.contains(&p)) {
                bars.push((p, t.value));
            }
        }
        let max = bars.iter().map(|(_, v)| *v).fold(1.0, f64::max);
        // Whole-pixel geometry: integers only (see `figure`).
        let (bar_h, gap, label_w, chart_w) = (26i32, 10i32, 90i32, 300i32);
        let height = bars.len() as i32 * (bar_h + gap) + gap;
        let title = tr(
            lang,
            "各省高技术服务业营业收入年均增长目标（“十二五”期间，%）",
            "Headline target: annual growth of high-tech service revenue, 12th Five-Year Plan (%)",
        );
        let items = bars
            .iter()
            .enumerate()
            .map(|(i, (p, v))| {
                let y = gap + i as i32 * (bar_h + gap);
                let w = (f64::from(chart_w) * v / max).round() as i32;
                let text_y = y + bar_h * 7 / 10;
                view! {
                    <g data-testid="growth-bar" data-province=p.clone() data-value=fig(*v)>
                        <text x=label_w - 8 y=text_y text-anchor="end" class="bar-label">{i18n::province(lang, p)}</text>
                        <rect x=label_w y=y width=w height=bar_h class="bar"></rect>
                        <text x=label_w + w + 6 y=text_y class="bar-value">{format!("{}%", fig(*v))}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <figure class="chart">
                <figcaption id="growth-chart-title">{title}</figcaption>
                <svg role="img" aria-labelledby="growth-chart-title" viewBox=format!("0 0 {} {height}", label_w + chart_w + 60)
                    width="100%" preserveAspectRatio="xMinYMin meet">
                    {items}
                </svg>
            </figure>
        }
    }
}
