//! The filter panel: the three facets, each option with its live count under the other
//! filters (zero counts shown and disabled, never hidden).

use crate::i18n::{self, tr, tx};
use crate::state::use_ctx;
use hts_runtime::search::Facet;
use hts_runtime::taxonomy::taxonomy;
use leptos::prelude::*;

#[component]
pub fn Facets() -> impl IntoView {
    let ctx = use_ctx();
    let provinces = ctx.corpus.provinces().to_vec();
    // The ten domains, then 综合: the general measures (sentences with no domain).
    let domains: Vec<String> = taxonomy().domains.iter().map(|d| d.code.clone()).chain([hts_runtime::search::GENERAL.to_string()]).collect();
    view! {
        <FacetGroup facet=Facet::Province title=("省份", "Province") codes=provinces/>
        <FacetGroup facet=Facet::Domain title=("服务领域", "Service domain") codes=domains/>
        <ToolFacet/>
    }
}

/// A facet's frame: its legend and its "clear" button.
fn facet_frame(facet: Facet, title: (&'static str, &'static str), options: impl IntoView) -> impl IntoView {
    let ctx = use_ctx();
    let active = move || ctx.filters.with(|s| !s.codes(facet).is_empty());
    let clear = move |_| ctx.update(|s| s.clear_facet(facet));
    view! {
        <fieldset class="facet" data-testid=format!("facet-{}", facet.key())>
            <legend>{tx(title.0, title.1)}</legend>
            <button class="link-button clear-facet" on:click=clear disabled=move || !active()
                data-testid=format!("clear-{}", facet.key())>
                {tx("清除", "Clear")}
            </button>
            {options}
        </fieldset>
    }
}

#[component]
fn FacetGroup(facet: Facet, title: (&'static str, &'static str), codes: Vec<String>) -> impl IntoView {
    let options = view! {
        <ul>
            {codes.into_iter().map(|code| view! { <li><FacetOption facet code/></li> }).collect_view()}
        </ul>
    };
    facet_frame(facet, title, options)
}

/// Tools under their families; a family is an option of its own.
#[component]
fn ToolFacet() -> impl IntoView {
    let t = taxonomy();
    let families = t
        .families
        .iter()
        .map(|family| {
            let tools: Vec<String> = t.tools_of(&family.code).map(|x| x.code.clone()).collect();
            view! {
                <div class="family">
                    <FacetOption facet=Facet::Tool code=family.code.clone() family=true/>
                    <ul>
                        {tools.into_iter().map(|code| view! { <li><FacetOption facet=Facet::Tool code/></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view();
    facet_frame(Facet::Tool, ("政策工具", "Policy tool"), families)
}

#[component]
fn FacetOption(facet: Facet, code: String, #[prop(optional)] family: bool) -> impl IntoView {
    let ctx = use_ctx();
    let id = format!("opt-{}-{}", facet.key(), code);
    let label_for = id.clone();
    let testid = format!("facet-{}-{}", facet.key(), code);
    let code = StoredValue::new(code);
    let checked = Memo::new(move |_| ctx.filters.with(|s| code.with_value(|c| s.is_selected(facet, c))));
    let count = Memo::new(move |_| code.with_value(|c| ctx.count(facet, c)));
    let toggle = move |_| ctx.update(|s| code.with_value(|c| s.toggle(facet, c)));
    let label = move || code.with_value(|c| i18n::facet_option(ctx.lang.get(), facet, c));
    let aria = move || format!("{} {}", count.get(), tr(ctx.lang.get(), "条", "provisions"));
    view! {
        <label class="option" class:family=family class:zero=move || count.get() == 0 for=label_for>
            <input type="checkbox" id=id data-testid=testid
                prop:checked=move || checked.get()
                disabled=move || count.get() == 0 && !checked.get()
                on:change=toggle/>
            <span class="option-label">{label}</span>
            <span class="count" aria-label=aria>{move || count.get()}</span>
        </label>
    }
}
