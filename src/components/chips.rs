//! The active filters as removable chips, and "clear all".

use crate::app::{tx, use_ctx};
use crate::i18n;
use leptos::prelude::*;

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let chips = move || {
        let lang = ctx.lang.get();
        ctx.state.with(|s| {
            let mut chips: Vec<(&'static str, String, String)> = Vec::new();
            chips.extend(s.provinces.iter().map(|c| ("province", c.clone(), i18n::province(lang, c))));
            chips.extend(s.domains.iter().map(|c| ("domain", c.clone(), i18n::domain(lang, c))));
            chips.extend(s.tools.iter().map(|c| ("tool", c.clone(), i18n::tool(lang, c))));
            if !s.q.trim().is_empty() {
                chips.push(("q", s.q.clone(), format!("“{}”", s.q)));
            }
            chips
        })
    };
    let remove = move |key: &'static str, code: String| {
        ctx.update(|s| match key {
            "province" => s.provinces.retain(|c| *c != code),
            "domain" => s.domains.retain(|c| *c != code),
            "tool" => s.tools.retain(|c| *c != code),
            _ => s.q.clear(),
        })
    };
    move || {
        let chips = chips();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="chips" data-testid="active-filters">
                    <span class="chips-title">{tx("当前筛选：", "Filters:")}</span>
                    {chips.into_iter().map(|(key, code, label)| {
                        let aria = format!("{} {}", ctx.t("移除筛选", "Remove filter"), label);
                        let testid = format!("chip-{key}-{code}");
                        view! {
                            <button class="chip" data-testid=testid aria-label=aria on:click=move |_| remove(key, code.clone())>
                                {label} <span aria-hidden="true">" ×"</span>
                            </button>
                        }
                    }).collect_view()}
                    <button class="link-button" data-testid="clear-all" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {tx("清除全部", "Clear all")}
                    </button>
                </div>
            }
        })
    }
}
