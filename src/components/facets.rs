//! The filter panel: the search box and the three facets, each option with its live
//! count under the other filters (zero counts shown and disabled, never hidden).

use crate::app::{tx, use_ctx, Ctx};
use crate::browser::History;
use crate::i18n;
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::{Lang, State};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Key {
    Province,
    Domain,
    Tool,
}

impl Key {
    fn code(self) -> &'static str {
        match self {
            Key::Province => "province",
            Key::Domain => "domain",
            Key::Tool => "tool",
        }
    }
    fn values(self, s: &mut State) -> &mut Vec<String> {
        match self {
            Key::Province => &mut s.provinces,
            Key::Domain => &mut s.domains,
            Key::Tool => &mut s.tools,
        }
    }
    fn label(self, lang: Lang, code: &str) -> String {
        match self {
            Key::Province => i18n::province(lang, code),
            Key::Domain => i18n::domain(lang, code),
            Key::Tool => i18n::tool(lang, code),
        }
    }
    fn count(self, ctx: &Ctx, code: &str) -> usize {
        ctx.counts.with(|c| {
            let map = match self {
                Key::Province => &c.provinces,
                Key::Domain => &c.domains,
                Key::Tool => &c.tools,
            };
            map.get(code).copied().unwrap_or(0)
        })
    }
}

#[component]
pub fn Facets() -> impl IntoView {
    let ctx = use_ctx();
    let provinces = ctx.corpus.provinces().to_vec();
    let domains: Vec<String> = taxonomy().domains.iter().map(|d| d.code.clone()).collect();
    view! {
        <FacetGroup key=Key::Province title=("省份", "Province") codes=provinces/>
        <FacetGroup key=Key::Domain title=("服务领域", "Service domain") codes=domains/>
        <ToolFacet/>
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    let on_input = move |ev: leptos::ev::Event| {
        crate::browser::mark("hts:input");
        let mut next = ctx.state.get_untracked();
        next.q = event_target_value(&ev);
        ctx.navigate(next, History::Replace);
    };
    view! {
        <div class="search" role="search">
            <label for="search-input">{tx("全文检索", "Full-text search")}</label>
            <input id="search-input" type="search" data-testid="search" autocomplete="off"
                placeholder=tx("如：质押、孵化、20%、patent", "e.g. 质押, 孵化, 20%, patent")
                prop:value=move || ctx.state.with(|s| s.q.clone())
                on:input=on_input/>
            <p class="hint">{tx("多个词用空格分隔，须同时出现", "Separate terms with spaces; all must match")}</p>
        </div>
    }
}

#[component]
fn FacetGroup(key: Key, title: (&'static str, &'static str), codes: Vec<String>) -> impl IntoView {
    let ctx = use_ctx();
    let active = move || ctx.state.with(|s| !match key {
        Key::Province => s.provinces.is_empty(),
        Key::Domain => s.domains.is_empty(),
        Key::Tool => s.tools.is_empty(),
    });
    let clear = move |_| ctx.update(|s| key.values(s).clear());
    view! {
        <fieldset class="facet" data-testid=format!("facet-{}", key.code())>
            <legend>{tx(title.0, title.1)}</legend>
            <button class="link-button clear-facet" on:click=clear disabled=move || !active()
                data-testid=format!("clear-{}", key.code())>
                {tx("清除", "Clear")}
            </button>
            <ul>
                {codes.into_iter().map(|code| view! { <li><FacetOption key code/></li> }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn ToolFacet() -> impl IntoView {
    let ctx = use_ctx();
    let t = taxonomy();
    let active = move || ctx.state.with(|s| !s.tools.is_empty());
    view! {
        <fieldset class="facet" data-testid="facet-tool">
            <legend>{tx("政策工具", "Policy tool")}</legend>
            <button class="link-button clear-facet" on:click=move |_| ctx.update(|s| s.tools.clear())
                disabled=move || !active() data-testid="clear-tool">
                {tx("清除", "Clear")}
            </button>
            {t.families.iter().map(|family| {
                let tools: Vec<String> = t.tools_of(&family.code).map(|x| x.code.clone()).collect();
                view! {
                    <div class="family">
                        <FacetOption key=Key::Tool code=family.code.clone() family=true/>
                        <ul>
                            {tools.into_iter().map(|code| view! { <li><FacetOption key=Key::Tool code/></li> }).collect_view()}
                        </ul>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn FacetOption(key: Key, code: String, #[prop(optional)] family: bool) -> impl IntoView {
    let ctx = use_ctx();
    let id = format!("opt-{}-{}", key.code(), code);
    let label_for = id.clone();
    let testid = format!("facet-{}-{}", key.code(), code);
    let code_for_checked = code.clone();
    let checked = Memo::new(move |_| ctx.state.with(|s| {
        let values = match key {
            Key::Province => &s.provinces,
            Key::Domain => &s.domains,
            Key::Tool => &s.tools,
        };
        values.contains(&code_for_checked)
    }));
    let code_for_count = code.clone();
    let count = Memo::new(move |_| key.count(&ctx, &code_for_count));
    let code_for_toggle = code.clone();
    let toggle = move |_| {
        let code = code_for_toggle.clone();
        ctx.update(|s| {
            let values = key.values(s);
            if let Some(i) = values.iter().position(|c| *c == code) {
                values.remove(i);
            } else {
                values.push(code);
            }
        });
    };
    let label = move || key.label(ctx.lang.get(), &code);
    view! {
        <label class="option" class:family=family class:zero=move || count.get() == 0 for=label_for>
            <input type="checkbox" id=id data-testid=testid
                prop:checked=move || checked.get()
                disabled=move || count.get() == 0 && !checked.get()
                on:change=toggle/>
            <span class="option-label">{label}</span>
            <span class="count" aria-label=move || format!("{} {}", count.get(), ctx.t("条", "provisions"))>{move || count.get()}</span>
        </label>
    }
}
