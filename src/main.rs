//! HTS Policy Explorer: the browser app. It renders state; all logic (search, filters,
//! counts, the URL codec, the markup) is in `hts-runtime`, and the corpus is compiled into
//! the binary by `build.rs`.
//!
//! - [`state`]: the state, the corpus and the memos;
//! - [`url_sync`]: the state written to the address bar;
//! - [`page`]: the page's frame and hosts, kept in step with the state;
//! - [`actions`]: clicks, typing, Back and Forward;
//! - [`lazy`]: the code loaded on first use (the other views, [`exports`]);
//! - [`browser`]: the calls into the browser (URL, DOM, clipboard, download, marks).

mod actions;
mod browser;
mod exports;
mod lazy;
mod page;
mod state;
mod url_sync;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Talc in place of Rust's default dlmalloc. A first visit runs the wasm unoptimised by V8,
/// where allocating is the start's largest single cost at 100 documents (CPU profiles of
/// fresh loads). Measured with 20 interleaved fresh loads each: the app's own part of the
/// start (main → first results) 58 → 55 ms at 5 documents and 123 → 114 ms at 100, and the
/// wasm 0.57 kB gzip smaller.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook_lite();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // The page's signals live as long as the tab.
    let owner = Owner::new();
    owner.set();
    std::mem::forget(owner);
    let block = document().get_element_by_id("prerendered");
    let typing = block.as_ref().is_some_and(adopt_prerendered_input);
    browser::mark("hts:main");
    let corpus = state::corpus();
    browser::mark("hts:corpus");
    let ctx = state::Ctx::new(corpus, url_sync::read_location(corpus), browser::hash());
    // A search typed before the app started has its history entry already.
    ctx.typed_entry.set(typing && ctx.state.with_untracked(|s| !s.q.is_empty()));
    let Ok(app) = document().create_element("div") else { return };
    app.set_id("app");
    // The prerendered first paint (`hts_compiler::prerender`) is replaced in this task: no
    // frame shows both, or neither.
    match (&block, document().body()) {
        (Some(block), _) => {
            let _ = block.replace_with_with_node_1(&app);
        }
        (None, Some(body)) => {
            let _ = body.prepend_with_node_1(&app);
        }
        (None, None) => {}
    }
    // The first frame shows the first screen of results, as after a keystroke; the rest of
    // the page follows a frame later.
    ctx.unsettle();
    page::mount(ctx, app);
    actions::listen(ctx);
    // The search's folded texts, once the first results are painted.
    browser::after_paint(move || corpus.prepare_search());
    if typing {
        focus_search_box();
    }
}

/// What a visitor did in the prerendered page before the app started (typed a query,
/// ticked options or grouping) becomes the app's starting state, written into the address
/// bar, so nothing is lost. Only on the default view: a shared link shows no controls
/// until the app has started. True when the visitor was typing in the search box.
fn adopt_prerendered_input(block: &web_sys::Element) -> bool {
    use hts_runtime::search::Facet;
    use hts_runtime::url::{encode, State};
    if !browser::search().is_empty() || browser::hash().is_some() {
        return false;
    }
    let value = |el: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(el, &key.into()).ok();
    let mut state = State::default();
    if let Ok(Some(input)) = block.query_selector("#pre-search") {
        state.q = value(&input, "value").and_then(|v| v.as_string()).unwrap_or_default();
    }
    if let Ok(Some(group)) = block.query_selector("#pre-group") {
        state.group_by_province = value(&group, "checked").is_some_and(|v| v.is_truthy());
    }
    let checked = value(block, "querySelectorAll")
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(block, &".facet input:checked".into()).ok())
        .map(|list| js_sys::Array::from(&list))
        .unwrap_or_default();
    for input in checked.iter().filter_map(|i| i.dyn_into::<web_sys::Element>().ok()) {
        let attr = |selector: &str, name: &str| input.closest(selector).ok().flatten().and_then(|e| e.get_attribute(name));
        let (Some(key), Some(code)) = (attr("fieldset[data-facet]", "data-facet"), attr("label[data-code]", "data-code")) else { continue };
        if let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == key) {
            state.toggle(facet, &code);
        }
    }
    if state != State::default() {
        browser::write_url(&encode(&state), None, browser::History::Replace);
    }
    let active = document().active_element().and_then(|e| e.get_attribute("id"));
    active.as_deref() == Some("pre-search")
}

/// Moves the focus to the app's search box, the caret after the text.
fn focus_search_box() {
    let Some(input) = document().get_element_by_id("search-input") else { return };
    let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() else { return };
    let _ = input.focus();
    let end = js_sys::Reflect::get(&input, &"value".into()).ok().and_then(|v| v.as_string()).map_or(0, |v| v.encode_utf16().count());
    if let Some(select) = js_sys::Reflect::get(&input, &"setSelectionRange".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = select.call2(&input, &end.into(), &end.into());
    }
}

/// Reports a panic in the console instead of a silent blank page.
fn console_error_panic_hook_lite() {
    // The message only: formatting the location would add weight to every download.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("unexpected error");
        web_sys::console::error_2(&"HTS Policy Explorer:".into(), &message.into());
    }));
}
