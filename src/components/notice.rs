//! Says which parts of the URL were ignored (unknown codes, bad values).

use crate::i18n::{tr, tx};
use crate::state::use_ctx;
use leptos::prelude::*;

#[component]
pub fn Notice() -> impl IntoView {
    let ctx = use_ctx();
    let text = move || {
        ctx.ignored.with(|ignored| {
            if ignored.is_empty() {
                return None;
            }
            let parts: Vec<String> = ignored.iter().map(|i| format!("{}={}", i.key, i.value)).collect();
            let intro = tr(ctx.lang.get(), "链接中的以下内容无法识别，已忽略：", "These parts of the link were not recognised and were ignored: ");
            Some(format!("{intro}{}", parts.join(", ")))
        })
    };
    move || {
        text().map(|t| {
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>{t}</span>
                    <button class="link-button" on:click=move |_| ctx.ignored.set(Vec::new())>
                        {tx("知道了", "Dismiss")}
                    </button>
                </div>
            }
        })
    }
}
