//! The full-text search box: typing replaces the history entry (see `url_sync`). Under it,
//! how the query was read (`patent → 专利`, `知識產權 → 知识产权`) and which English or
//! pinyin words had no Chinese term and were searched as written.

use crate::browser::{self, History};
use crate::i18n::tx;
use crate::rendered::markup;
use crate::state::use_ctx;
use hts_runtime::render::notes;
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
    // How the query was read, and the words searched as written.
    let notes = markup(move || {
        let lang = ctx.lang.get();
        let en = ctx.searched_edition();
        ctx.query.with(|q| notes::query_notes(lang, q, &ctx.corpus.unmapped_in(q, en)))
    });
    view! {
        <div class="search" role="search">
            <label for="search-input">{tx("全文检索", "Full-text search")}</label>
            <input id="search-input" type="search" data-testid="search" autocomplete="off"
                placeholder=tx("如：质押、孵化、20%、patent", "e.g. 质押, 孵化, 20%, patent")
                prop:value=move || ctx.filters.with(|s| s.q.clone())
                on:input=on_input/>
            <p class="hint">{tx("多个词用空格分隔，须同时出现；英文短语可加引号", "Separate terms with spaces; all must match. Quote an English phrase to keep it whole")}</p>
            <div aria-live="polite" inner_html=move || notes.get()></div>
        </div>
    }
}
