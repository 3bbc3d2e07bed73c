//! What the reader does: one listener on the window for each kind of event, all through
//! [`on_event`] (one closure type, compiled once). Clicks follow the rendered links and
//! state controls (`data-nav`, `data-href`: the URL is the state) and run the rendered
//! buttons (`data-action`); typing in the search box searches; Back, Forward and a new
//! fragment are read back into the state.

use crate::browser::{self, History};
use crate::exports::Export;
use crate::lazy;
use crate::page::PAGE;
use crate::state::Ctx;
use hts_runtime::export::Style;
use hts_runtime::labels::tr;
use hts_runtime::render::{reader, targets};
use hts_runtime::url::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn listen(ctx: Ctx) {
    for name in ["click", "input", "popstate", "hashchange"] {
        browser::on_window_event(name, move |ev| on_event(ctx, ev));
    }
}

fn on_event(ctx: Ctx, ev: web_sys::Event) {
    match ev.type_().as_str() {
        "click" => {
            if let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() {
                on_click(ctx, &ev);
            }
        }
        "input" => on_input(ctx, &ev),
        "popstate" => {
            let decoded = crate::url_sync::read_location(ctx.corpus);
            ctx.unsettle();
            ctx.end_typing();
            ctx.ignored.set(decoded.ignored);
            ctx.highlight.set(browser::hash());
            ctx.state.set(decoded.state);
        }
        "hashchange" => ctx.highlight.set(browser::hash()),
        _ => {}
    }
}

/// Typing in the search box: one history entry for the search (see `crate::url_sync`).
fn on_input(ctx: Ctx, ev: &web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if input.id() != "search-input" {
        return;
    }
    browser::mark("hts:input");
    let mut next = ctx.state.get_untracked();
    next.q = browser::value(&input);
    ctx.navigate(next, History::Replace);
}

/// Follows a rendered link or state control, or runs a rendered button. A control that
/// is rendered again by its own click keeps the focus (`browser::replace_content`).
fn on_click(ctx: Ctx, ev: &web_sys::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if let Ok(Some(control)) = target.closest("[data-href]") {
        if let Some(href) = control.get_attribute("data-href") {
            ctx.follow(&href);
        }
        return;
    }
    if let Ok(Some(link)) = target.closest("a[data-nav]") {
        // A new tab or window gets the plain link.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let Some(href) = link.get_attribute("href") else { return };
        // A link that keeps the fragment (the language switch) keeps the provision the page
        // is at, so a cited paragraph stays in view.
        match ctx.highlight.get_untracked() {
            Some(anchor) if link.has_attribute("data-keep-fragment") && !href.contains('#') => {
                ctx.follow(&format!("{href}#{}", hts_runtime::url::percent_encode(&anchor)))
            }
            _ => ctx.follow(&href),
        }
        return;
    }
    let Ok(Some(button)) = target.closest("[data-action]") else { return };
    let attr = |name: &str| button.get_attribute(name).unwrap_or_default();
    let lang = ctx.lang.get_untracked();
    let index: Option<usize> = attr("data-index").parse().ok();
    let action = attr("data-action");
    if browser::is_file() && matches!(action.as_str(), "copy-citation" | "copy-plain" | "copy-bibtex") {
        // From `offline.html` the citation's link is this computer's file: say so.
        let done = tr(lang, "已复制：其中的链接是本地文件，仅本机可打开", "Copied: its link is a local file that opens only on this computer");
        let _ = button.set_attribute("data-done", done);
    }
    let copied = match (action.as_str(), index) {
        ("copy-link", Some(i)) => copy_link(ctx, lang, i, &button),
        ("copy-citation", Some(i)) => lazy::export(ctx, Export::Citation(i, Style::GbT7714), button.clone()),
        ("copy-plain", Some(i)) => lazy::export(ctx, Export::Citation(i, Style::Plain), button.clone()),
        ("export-csv", _) => lazy::export(ctx, Export::File { json: false }, button.clone()),
        ("export-json", _) => lazy::export(ctx, Export::File { json: true }, button.clone()),
        ("copy-bibtex", _) => lazy::export(ctx, Export::Bibtex(attr("data-doc")), button.clone()),
        ("skip-to-main", _) => {
            // The fragment `#main` would be taken for a provision link: focus the content.
            ev.prevent_default();
            let main = document().get_element_by_id("main");
            if let Some(main) = &main {
                main.scroll_into_view_with_bool(true);
            }
            browser::focus(main);
            false
        }
        ("show-more", _) => show_more(ctx),
        ("toggle-original", _) => toggle_original(ctx, &button),
        ("sort", _) => sort(ctx, &button),
        ("clear-filters", _) => {
            ctx.update(|s| s.clear_filters());
            false
        }
        ("dismiss-notice", _) => {
            ctx.ignored.set(Vec::new());
            false
        }
        _ => false,
    };
    if copied {
        flash(&button, &attr("data-done"));
    }
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

/// Says "copied" on the button for two seconds (only when the clipboard took it, not
/// after the prompt of [`browser::copy`]).
pub fn flash(button: &web_sys::Element, done: &str) {
    let label = button.text_content().unwrap_or_default();
    if done.is_empty() || label == done {
        return;
    }
    button.set_text_content(Some(done));
    browser::announce(done);
    let button = button.clone();
    gloo::timers::callback::Timeout::new(2000, move || button.set_text_content(Some(&label))).forget();
}

/// Shows the next page of results and moves focus to its first card (the button moves
/// down).
fn show_more(ctx: Ctx) -> bool {
    let first_new = ctx.shown.get_untracked();
    ctx.shown.update(|n| *n += PAGE);
    if let Some(id) = ctx.results.with_untracked(|r| r.get(first_new).map(|&i| ctx.corpus.provision(i).id.clone())) {
        request_animation_frame(move || browser::focus(document().get_element_by_id(&id).and_then(|card| card.query_selector("a").ok().flatten())));
    }
    false
}

/// On narrow screens the Chinese original shows on request: the button turns it on in
/// the page at once (keeping its focus), and the choice is kept for the renders that
/// follow (a new search, a linked provision) while this document is open.
fn toggle_original(ctx: Ctx, button: &web_sys::Element) -> bool {
    let shown = ctx.show_original.with_untracked(Option::is_none);
    ctx.show_original.set(if shown { ctx.state.with_untracked(|s| s.doc.clone()) } else { None });
    if let Ok(Some(section)) = button.closest(".reader") {
        let _ = section.class_list().toggle_with_force("show-original", shown);
    }
    let _ = button.set_attribute("aria-pressed", if shown { "true" } else { "false" });
    button.set_text_content(Some(reader::original_toggle_label(shown)));
    false
}

/// Sorts the targets by a column (the new markup's button of that column keeps the focus).
fn sort(ctx: Ctx, button: &web_sys::Element) -> bool {
    let Some(key) = button.get_attribute("data-key").and_then(|k| targets::SortKey::from_code(&k)) else { return false };
    ctx.sort.update(|s| *s = s.toggle(key));
    false
}
