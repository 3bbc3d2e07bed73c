//! The active filters as removable chips, and "clear all".

use crate::i18n::{self, tr, tx};
use crate::state::use_ctx;
use hts_runtime::search::Facet;
use leptos::prelude::*;

/// What a chip removes.
#[derive(Clone)]
enum Chip {
    Option(Facet, String),
    Query(String),
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let chips = move || {
        let lang = ctx.lang.get();
        ctx.filters.with(|s| {
            let mut chips: Vec<(Chip, String)> = Vec::new();
            for facet in Facet::ALL {
                chips.extend(s.codes(facet).iter().map(|c| (Chip::Option(facet, c.clone()), i18n::facet_option(lang, facet, c))));
            }
            if !s.q.trim().is_empty() {
                chips.push((Chip::Query(s.q.clone()), format!("“{}”", s.q)));
            }
            chips
        })
    };
    move || {
        let chips = chips();
        let lang = ctx.lang.get_untracked();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="chips" data-testid="active-filters">
                    <span class="chips-title">{tx("当前筛选：", "Filters:")}</span>
                    {chips.into_iter().map(|(chip, label)| {
                        let aria = format!("{} {}", tr(lang, "移除筛选", "Remove filter"), label);
                        let testid = match &chip {
                            Chip::Option(facet, code) => format!("chip-{}-{code}", facet.key()),
                            Chip::Query(q) => format!("chip-q-{q}"),
                        };
                        let remove = move |_| ctx.update(|s| match &chip {
                            Chip::Option(facet, code) => s.remove(*facet, code),
                            Chip::Query(_) => s.clear_query(),
                        });
                        view! {
                            <button class="chip" data-testid=testid aria-label=aria on:click=remove>
                                {label} <span aria-hidden="true">" ×"</span>
                            </button>
                        }
                    }).collect_view()}
                    <button class="link-button" data-testid="clear-all" on:click=move |_| ctx.update(|s| s.clear_filters())>
                        {tx("清除全部", "Clear all")}
                    </button>
                </div>
            }
        })
    }
}
