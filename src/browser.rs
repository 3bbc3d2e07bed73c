//! The few things the app asks of the browser: the URL (read, push, replace, listen),
//! scrolling to an anchor, the clipboard, performance marks.

use leptos::prelude::*;

/// How a state change enters the history: a deliberate action pushes an entry (Back
/// undoes it), typing replaces the current one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The fragment without `#`, percent-decoded.
pub fn hash() -> Option<String> {
    let h = window().location().hash().ok()?;
    let h = h.strip_prefix('#').unwrap_or(&h);
    (!h.is_empty()).then(|| hts_runtime::url::percent_decode(h))
}

/// Opened from a file (`offline.html`), not from a server.
pub fn is_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

fn path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// Writes `query` (and an optional fragment) into the address bar.
pub fn write_url(query: &str, fragment: Option<&str>, mode: History) {
    let mut url = path();
    url.push_str(query);
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&hts_runtime::url::percent_encode(f));
    }
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            History::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}

/// The absolute link to this page with `query` and an optional fragment.
pub fn absolute_url(query: &str, fragment: Option<&str>) -> String {
    let location = window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default().to_string();
    let mut url = format!("{base}{query}");
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&hts_runtime::url::percent_encode(f));
    }
    url
}

/// Scrolls the element with this id into view, if it is on the page.
pub fn scroll_to(id: &str) -> bool {
    let Some(el) = document().get_element_by_id(id) else { return false };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Copies text; falls back to a prompt where the clipboard is not available (file://).
pub fn copy(text: &str) {
    let clipboard = window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

/// `performance.mark(name)`, read by the benchmark.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Forces style and layout now, so a mark taken after it includes their cost.
pub fn settle_layout() {
    if let Some(body) = document().body() {
        let _ = body.offset_height();
    }
}
