//! Markup from `hts_runtime::render` on the page: one host element per view whose
//! content is set from the state, and one click handler on the content area for every
//! link (`data-nav`: followed in the app, the URL is the state) and button
//! (`data-action`) inside such markup.

use crate::browser;
use crate::i18n::tr;
use crate::state::Ctx;
use hts_runtime::export::{citation_in, matched_sentences_in, results_csv_in, results_json_in, Style};
use hts_runtime::render::Page;
use hts_runtime::url::{self, Lang, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

impl Ctx {
    /// Calls `f` with what the renderers read, now (tracked: a caller in a reactive
    /// context re-runs when any of it changes).
    pub fn with_page(&self, f: &dyn Fn(&Page) -> String) -> String {
        let base = browser::absolute_url("", None);
        let en = self.english();
        self.state.with(|state| {
            self.query.with(|query| {
                self.highlight
                    .with(|highlight| f(&Page { corpus: self.corpus, state, query, en, base: &base, highlight: highlight.as_deref(), prerender: false }))
            })
        })
    }
}

/// Markup that follows the state once the page has settled: while a change is being
/// shown (the frame of a keystroke) it keeps its last markup, so that frame renders the
/// results only; the facets, tabs and toolbars follow a frame later, with the rest of
/// the list.
pub fn after_results(ctx: Ctx, render: impl Fn() -> String + Send + Sync + 'static) -> Memo<String> {
    let render: Box<dyn Fn() -> String + Send + Sync> = Box::new(render);
    Memo::new(move |prev: Option<&String>| match prev {
        Some(markup) if !ctx.settled.get() => markup.clone(),
        _ => render(),
    })
}

/// A memo of markup. Every one shares this instantiation of `Memo<String>` (each
/// distinct memo closure would compile its own copy of the memo's code).
pub fn markup(render: impl Fn() -> String + Send + Sync + 'static) -> Memo<String> {
    let render: Box<dyn Fn() -> String + Send + Sync> = Box::new(render);
    Memo::new(move |_| render())
}

/// An element whose content is the markup `render` returns, rendered again whenever what
/// it reads changes. One instantiation for every view.
pub fn host(class: &'static str, testid: &'static str, render: Memo<String>) -> impl IntoView {
    view! { <div class=class data-testid=testid inner_html=move || render.get()></div> }
}

/// Listens to clicks on the whole page for the rendered controls.
pub fn listen(ctx: Ctx) {
    let _ = window_event_listener(leptos::ev::click, move |ev| on_click(ctx, ev));
}

/// Follows a rendered link or state control, or runs a rendered button. A control that
/// is rendered again by its own click keeps the focus (found again by its id).
fn on_click(ctx: Ctx, ev: leptos::ev::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if let Ok(Some(control)) = target.closest("[data-href]") {
        if let Some(href) = control.get_attribute("data-href") {
            let id = control.id();
            ctx.follow(&href);
            if !id.is_empty() {
                request_animation_frame(move || {
                    if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = el.focus();
                    }
                });
            }
        }
        return;
    }
    if let Ok(Some(link)) = target.closest("a[data-nav]") {
        // A new tab or window gets the plain link.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        if let Some(href) = link.get_attribute("href") {
            ctx.follow(&href);
        }
        return;
    }
    let Ok(Some(button)) = target.closest("[data-action]") else { return };
    let attr = |name: &str| button.get_attribute(name).unwrap_or_default();
    let lang = ctx.lang.get_untracked();
    let index: Option<usize> = attr("data-index").parse().ok();
    let copied = match (attr("data-action").as_str(), index) {
        ("copy-link", Some(i)) => copy_link(ctx, lang, i, &button),
        ("copy-citation", Some(i)) => copy_citation(ctx, lang, i, Style::GbT7714),
        ("copy-plain", Some(i)) => copy_citation(ctx, lang, i, Style::Plain),
        ("export-csv", _) => export(ctx, false),
        ("export-json", _) => export(ctx, true),
        ("copy-bibtex", _) => {
            let doc = attr("data-doc");
            let Some(d) = ctx.document(&doc) else { return };
            let reader = url::State { view: View::Documents, doc: Some(doc), ..url::State::default() };
            let link = browser::absolute_url(&url::encode(&reader), None);
            browser::copy(&hts_runtime::export::bibtex_in(d, lang, &link, ctx.english_untracked()), "BibTeX:")
        }
        (action, _) => crate::views::on_action(ctx, action, &button),
    };
    if copied {
        flash(&button, &attr("data-done"));
    }
}

/// The results or both compare matrices as a file (labels in the CSV, codes in the JSON;
/// rows link to each provision: the page's address with `#id`), or the targets in their
/// sort. False: nothing to say "copied" about.
fn export(ctx: Ctx, json: bool) -> bool {
    let (name, mime) = if json { ("json", "application/json") } else { ("csv", "text/csv;charset=utf-8") };
    let en = ctx.english_untracked();
    let text = ctx.state.with_untracked(|s| match s.view {
        View::Provisions => {
            let base = browser::absolute_url("", None);
            let results = ctx.results.get_untracked();
            Some(("provisions", if json { results_json_in(ctx.corpus, &results, s, &base, en) } else { results_csv_in(ctx.corpus, &results, s, &base, en) }))
        }
        View::Compare => Some(("compare", hts_runtime::render::compare::export(ctx.corpus, s, en, json))),
        View::Targets => Some(("targets", crate::views::targets::export(ctx, json))),
        View::Documents => None,
    });
    if let Some((what, text)) = text {
        browser::download(&format!("hts-{what}.{name}"), mime, &text);
    }
    false
}

/// A provision's link with the page's state: from `offline.html` a file address, which
/// opens only on this computer, and the button says so.
fn copy_link(ctx: Ctx, lang: Lang, i: usize, button: &web_sys::Element) -> bool {
    let p = ctx.corpus.provision(i);
    let link = ctx.state.with_untracked(|s| hts_runtime::render::share_link(&browser::absolute_url("", None), s, &p.id));
    if browser::is_file() {
        let done = tr(
            lang,
            "已复制本地文件链接：仅本机可打开，分享请用网站地址",
            "Copied a local file link: it opens only on this computer; share the website's address instead",
        );
        let _ = button.set_attribute("data-done", done);
        return browser::copy(
            &link,
            tr(lang, "复制链接（本地文件链接，仅本机可打开）：", "Copy the link (a local file link: it opens only on this computer):"),
        );
    }
    browser::copy(&link, tr(lang, "复制链接：", "Copy the link:"))
}

/// The citation in a style, quoting the sentences that meet the filters (if any).
fn copy_citation(ctx: Ctx, lang: Lang, i: usize, style: Style) -> bool {
    let en = ctx.english_untracked();
    let joiner = if en.is_some() { " " } else { "" };
    let quote = ctx.state.with_untracked(|s| matched_sentences_in(ctx.corpus, i, s, en).join(joiner));
    let link = browser::absolute_url("", Some(&ctx.corpus.provision(i).id));
    let text = citation_in(ctx.corpus, i, style, lang, &link, (!quote.is_empty()).then_some(quote.as_str()), en);
    browser::copy(&text, tr(lang, "复制引用：", "Copy the citation:"))
}

/// Says "copied" on the button for two seconds (only when the clipboard took it, not
/// after the prompt of [`browser::copy`]).
fn flash(button: &web_sys::Element, done: &str) {
    let label = button.text_content().unwrap_or_default();
    if done.is_empty() || label == done {
        return;
    }
    button.set_text_content(Some(done));
    let button = button.clone();
    gloo::timers::callback::Timeout::new(2000, move || button.set_text_content(Some(&label))).forget();
}
