//! The full-text search box: typing replaces the history entry (see `url_sync`).

use crate::browser::{self, History};
use crate::i18n::tx;
use crate::state::use_ctx;
use leptos::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    let on_input = move |ev: leptos::ev::Event| {
        browser::mark("hts:input");
        let mut next = ctx.state.get_untracked();
        next.q = event_target_value(&ev);
        ctx.navigate(next, History::Replace);
    };
    view! {
        <div class="search" role="search">
            <label for="search-input">{tx("全文检索", "Full-text search")}</label>
            <input id="search-input" type="search" data-testid="search" autocomplete="off"
                placeholder=tx("如：质押、孵化、20%、patent", "e.g. 质押, 孵化, 20%, patent")
                prop:value=move || ctx.filters.with(|s| s.q.clone())
                on:input=on_input/>
            <p class="hint">{tx("多个词用空格分隔，须同时出现", "Separate terms with spaces; all must match")}</p>
        </div>
    }
}
