//! The layout shell: builds the state, listens to the URL, and lays out the page (header,
//! sidebar, the current view, footer). The only module that imports the components.

use crate::browser;
use crate::components::{english::edition_note_host, notice::notice, search_box::SearchBox};
use crate::i18n::{tr, tx};
use crate::rendered::{after_results, host};
use crate::state::{corpus, Ctx};
use crate::url_sync;
use crate::views::provisions::ProvisionsView;
use hts_runtime::render::controls;
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let corpus = corpus();
    let ctx = Ctx::new(corpus, url_sync::read_location(corpus), browser::hash());
    provide_context(ctx);
    url_sync::listen(ctx);
    crate::rendered::listen(ctx);
    effects(ctx);

    // Phones start with the filters folded away, so results come first.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1280.0) >= 900.0;
    let active_filters = move || ctx.filters.with(|s| s.provinces.len() + s.domains.len() + s.tools.len());

    // Rebuilt when the view changes, not on every change of state.
    let view = move || match ctx.view.get() {
        View::Provisions => ProvisionsView().into_any(),
        View::Compare => crate::views::compare::CompareView().into_any(),
        View::Targets => crate::views::targets::targets_view().into_any(),
        View::Documents => crate::views::documents::documents_view().into_any(),
    };

    let header = after_results(ctx, move || ctx.with_page(&controls::header));
    let facets = after_results(ctx, move || {
        let counts = ctx.counts;
        ctx.with_page(&|page| counts.with(|c| controls::facets(page, c)))
    });
    let chips = after_results(ctx, move || ctx.with_page(&controls::chips));
    let hosted = !browser::is_file();
    let footer = after_results(ctx, move || ctx.with_page(&|page| controls::footer(page, hosted)));

    view! {
        <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip_to_main>{tx("跳到内容", "Skip to content")}</a>
        {host("", "", header)}
        <div class="layout">
            <aside class="sidebar" aria-label=tx("检索与筛选", "Search and filters")>
                <SearchBox/>
                <details class="filters-panel" open=wide>
                    <summary data-testid="filters-toggle">
                        {tx("筛选条件", "Filters")}
                        {move || match active_filters() { 0 => String::new(), n => format!("（{n}）") }}
                    </summary>
                    {host("facets", "", facets)}
                </details>
            </aside>
            <main id="main" class="content" tabindex="-1">
                {notice()}
                {host("", "", chips)}
                {edition_note_host()}
                {view}
            </main>
        </div>
        {host("", "", footer)}
    }
}

/// The skip link moves focus to the top of the content (the fragment `#main` would be
/// taken for a provision link and centre the middle of the list).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        main.scroll_into_view_with_bool(true);
        let _ = main.focus();
    }
}

/// What follows the state outside the page's body: the document's language and title,
/// scrolling to a fragment, and the benchmark's marks.
fn effects(ctx: Ctx) {
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        let code = if lang == Lang::En { "en" } else { "zh-CN" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
        // The title names the view (and the document being read), then the site.
        let site = tr(lang, "高技术服务业政策浏览器", "HTS Policy Explorer");
        let view = match ctx.view.get() {
            View::Provisions => tr(lang, "条文检索", "Provisions"),
            View::Compare => tr(lang, "省际对比", "Compare provinces"),
            View::Targets => tr(lang, "量化目标", "Quantitative targets"),
            View::Documents => tr(lang, "文件列表", "Documents"),
        };
        let doc = ctx.doc.get().and_then(|id| ctx.document(&id)).map(|d| hts_runtime::export::display_title(d, lang));
        document().set_title(&match doc {
            Some(d) => format!("{d} · {site}"),
            None => format!("{view} · {site}"),
        });
        // The English edition is loaded when English is first chosen, never before.
        if lang == Lang::En {
            ctx.load_english();
        }
    });

    // A fragment scrolls to its provision once it is rendered.
    Effect::new(move |_| {
        if let Some(id) = ctx.highlight.get() {
            ctx.state.track();
            // The English arriving re-renders the texts: keep the linked one in view.
            ctx.en.track();
            request_animation_frame(move || {
                browser::scroll_to(&id);
            });
        }
    });

    // Marks for the benchmark: the first screen of results is on the page (layout
    // included) after the first render and after every change of state; then the page.
    Effect::new(move |_| {
        ctx.state.track();
        ctx.results.track();
        browser::settle_layout();
        browser::mark("hts:results-updated");
    });
    Effect::new(move |_| {
        if ctx.settled.get() {
            browser::settle_layout();
            browser::mark("hts:results-complete");
        }
    });
}
