//! Title bar: the name, the language switch and the view tabs.

use crate::i18n::tx;
use crate::state::use_ctx;
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let switch_lang = move |_| ctx.update(|s| s.switch_lang());
    view! {
        <header class="topbar">
            <div class="brand">
                <h1>{tx("高技术服务业政策浏览器", "HTS Policy Explorer")}</h1>
                <p class="tagline">
                    {tx(
                        "比较各省加快发展高技术服务业的实施意见：逐条检索、对照、引用",
                        "Compare the provinces' implementation opinions on high-tech services: search, compare and cite every provision",
                    )}
                </p>
            </div>
            <button class="lang-switch" data-testid="lang-switch" on:click=switch_lang
                lang=move || if ctx.lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                {move || if ctx.lang.get() == Lang::Zh { "English" } else { "中文" }}
            </button>
        </header>
        <nav class="views" aria-label=tx("视图", "Views")>
            {View::ALL.into_iter().map(|v| view! { <ViewTab view=v/> }).collect_view()}
        </nav>
    }
}

#[component]
fn ViewTab(view: View) -> impl IntoView {
    let ctx = use_ctx();
    let label = match view {
        View::Provisions => tx("条文检索", "Provisions"),
        View::Compare => tx("省际对比", "Compare"),
        View::Targets => tx("量化目标", "Targets"),
        View::Documents => tx("文件原文", "Documents"),
    };
    let current = move || ctx.view.get() == view;
    let href = move || ctx.href_at(view);
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(|s| s.view = view);
    };
    view! {
        <a class="view-tab" href=href on:click=go data-testid=format!("view-{}", view.code())
            aria-current=move || current().then_some("page")>
            {label}
        </a>
    }
}
