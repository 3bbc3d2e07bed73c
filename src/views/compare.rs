//! The compare view: the shares toggle and the exports; the heat maps and the provisions
//! side by side are rendered as HTML text by `hts_runtime::render::compare` (cells are
//! links to what they count, followed in the app by `crate::rendered`).

use crate::i18n::tx;
use crate::rendered::{host, markup};
use crate::state::use_ctx;
use hts_runtime::render::{compare, controls};
use hts_runtime::search::Facet;
use leptos::prelude::*;

#[component]
pub fn CompareView() -> impl IntoView {
    let ctx = use_ctx();
    // The counts follow the filters (and the edition searched) only, not the language or
    // the shares toggle.
    let domains = Memo::new(move |_| {
        let en = ctx.searched_edition();
        ctx.filters.with(|s| ctx.corpus.matrix_in(s, Facet::Domain, en))
    });
    let tools = Memo::new(move |_| {
        let en = ctx.searched_edition();
        ctx.filters.with(|s| ctx.corpus.matrix_in(s, Facet::Tool, en))
    });
    let matrices = markup(move || domains.with(|d| tools.with(|t| ctx.with_page(&|page| compare::matrices(page, d, t)))));
    let toolbar = crate::rendered::after_results(ctx, move || ctx.with_page(&|page| controls::toolbar(page, controls::Switch::Shares)));
    let side = markup(move || ctx.results.with(|r| ctx.with_page(&|page| compare::side_by_side(page, r))));
    view! {
        <section class="compare">
            <h2>{tx("省际对比", "Compare provinces")}</h2>
            <p class="hint">{tx(
                "每格为该省、该行在其余筛选条件下的条文数（本表的行与省份筛选除外：列为所选省份，已选的行加粗标出），颜色越深数量越多；点击数字即打开正好这些条文。",
                "Each cell counts the provisions of that province and row under the other filters (not this table's own: the columns are the selected provinces, selected rows are marked); darker means more. A click opens exactly the provisions counted.")}</p>
            {host("", "", toolbar)}
            {host("matrices", "compare-matrices", matrices)}
            {host("side", "compare-side", side)}
        </section>
    }
}
