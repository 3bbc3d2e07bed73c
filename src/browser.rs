//! The few things the app asks of the browser: the URL (read, push, replace), scrolling
//! to an anchor, the clipboard, downloads, performance marks.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// The fragment without `#`, percent-decoded (a `+` stays a plus).
pub fn hash() -> Option<String> {
    let h = window().location().hash().ok()?;
    let h = h.strip_prefix('#').unwrap_or(&h);
    (!h.is_empty()).then(|| hts_runtime::url::fragment_decode(h))
}

/// Opened from a file (`offline.html`), not from a server.
pub fn is_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

fn with_fragment(mut url: String, fragment: Option<&str>) -> String {
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&hts_runtime::url::percent_encode(f));
    }
    url
}

/// Writes `query` (and an optional fragment) into the address bar.
pub fn write_url(query: &str, fragment: Option<&str>, mode: History) {
    let path = window().location().pathname().unwrap_or_default();
    let url = with_fragment(path + query, fragment);
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            History::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}

/// The absolute link to this page with `query` and an optional fragment.
pub fn absolute_url(query: &str, fragment: Option<&str>) -> String {
    let base = window().location().href().unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default();
    with_fragment(format!("{base}{query}"), fragment)
}

/// Scrolls the element with this id into view once it is on the page.
pub fn scroll_to(id: &str) {
    scroll_when_rendered(id.to_string(), SCROLL_FRAMES);
}

/// How many frames a scroll to a provision waits for it to be rendered (a card after the
/// first screen comes a frame later), and may be repeated while it settles.
const SCROLL_FRAMES: u8 = 6;

fn scroll_when_rendered(id: String, frames: u8) {
    match document().get_element_by_id(&id) {
        Some(_) => settle_scroll(id, SCROLL_FRAMES),
        None if frames > 0 => request_animation_frame(move || scroll_when_rendered(id, frames - 1)),
        None => {}
    }
}

/// Scrolls the element with this id into view, centred, or its top at the top when it is
/// taller than the window (centred, its beginning would be above it), then checks after
/// the next frame and scrolls again until it stays where it was put:
/// - provisions off screen skip layout (`content-visibility: auto`) and count at an
///   estimated height until seen, so a scroll can land wrong once those above its target
///   are laid out (an English provision 600 px off, measured);
/// - the rest of the results is written a frame after the first screen, replacing the
///   element scrolled to: the element is looked up by its id each time (holding the first
///   one, the scroll aimed at a detached element and a phone landed 3,745 px off).
fn settle_scroll(id: String, frames: u8) {
    let Some(el) = document().get_element_by_id(&id) else { return };
    let tall = || window().inner_height().ok().and_then(|h| h.as_f64()).is_some_and(|h| el.get_bounding_client_rect().height() > h);
    let scroll = |tall: bool| {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(if tall { web_sys::ScrollLogicalPosition::Start } else { web_sys::ScrollLogicalPosition::Center });
        el.scroll_into_view_with_scroll_into_view_options(&options);
    };
    // A provision that skipped layout has its estimated height until scrolled to.
    let before = tall();
    scroll(before);
    if tall() != before {
        scroll(!before);
    }
    let put = el.get_bounding_client_rect().top();
    if frames > 0 {
        request_animation_frame(move || {
            request_animation_frame(move || {
                let now = document().get_element_by_id(&id);
                let moved = now.as_ref().is_none_or(|now| *now != el || (now.get_bounding_client_rect().top() - put).abs() > 1.0);
                if moved {
                    settle_scroll(id, frames - 1);
                }
            })
        });
    }
}

/// Copies text to the clipboard and returns true. Where the page has no clipboard API
/// (it needs a secure context: not a plain-http address on the network), shows the text
/// in a prompt, selected, to copy by hand, and returns false.
pub fn copy(text: &str, prompt: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if has_clipboard {
        let _ = navigator.clipboard().write_text(text);
    } else {
        let _ = window().prompt_with_message_and_default(prompt, text);
    }
    has_clipboard
}

/// How long a download's object URL lives after the click: the browser reads the blob
/// after `click()` returns (revoking at once makes some browsers download nothing).
const DOWNLOAD_URL_LIFETIME_MS: u32 = 40_000;

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    gloo::timers::callback::Timeout::new(DOWNLOAD_URL_LIFETIME_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Calls `f` with every `name` event of the window, for as long as the page lives. (Not
/// leptos's `window_event_listener`: the handle that removes its listener keeps the
/// callback in a `SendWrapper`, whose thread check linked `std::thread::current` into the
/// wasm, and with it what was left of dlmalloc: 2.6 kB gzip.)
pub fn on_window_event(name: &str, f: impl Fn(web_sys::Event) + 'static) {
    let f: Box<dyn FnMut(web_sys::Event)> = Box::new(f);
    let f = wasm_bindgen::closure::Closure::wrap(f);
    let _ = window().add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    f.forget();
}

/// Runs `f` in a task after the next frame is painted: a timer set from that frame's
/// animation-frame callback (a timer set now may run before the frame).
pub fn after_paint(f: impl FnOnce() + 'static) {
    // Boxed: one instantiation of the timer for every caller.
    let f: Box<dyn FnOnce()> = Box::new(f);
    request_animation_frame(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
}

/// Whether the media query matches (true when the browser cannot tell).
pub fn media_matches(query: &str) -> bool {
    window().match_media(query).ok().flatten().is_none_or(|list| list.matches())
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

/// The text of an element of the page (`offline.html` inlines the English edition in a
/// `<script type="application/json">`), if the page has it.
pub fn inline_text(id: &str) -> Option<String> {
    document().get_element_by_id(id).map(|e| e.inner_html())
}

/// Fetches a file beside the page (a relative URL, so it works under any sub-path) as text.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Sets the content of the element with this id, if it is on the page.
pub fn set_html(id: &str, html: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        replace_content(&el, html);
    }
}

/// Replaces an element's content. A control focused inside it is focused again in the new
/// content: the facets and tabs are written again a frame after the change they follow,
/// and a keyboard user's place (the checkbox just ticked, the tab just reached) would
/// otherwise fall to the page, so the next Tab or Enter went nowhere.
///
/// A new view writes the frame before its hosts: the control (the tab just followed) is
/// then in none of the new markup, and is focused when a host brings it, if the focus has
/// not gone anywhere else meanwhile. A control no host brings back once the page is
/// painted (a compare cell that led to the provisions) hands the focus to where what it
/// led to begins, rather than to the page.
pub fn replace_content(host: &web_sys::Element, html: &str) {
    let active = document().active_element();
    let focused = active.as_ref().filter(|f| *f != host && host.contains(Some(f)));
    let lost = active.is_none() || active == document().body().map(Into::into);
    let pending = MISSING_FOCUS.with(|m| m.take()).filter(|_| lost);
    let again = focused.and_then(same_control).or(pending);
    host.set_inner_html(html);
    if let Some(selector) = again {
        match host.query_selector(&selector).ok().flatten() {
            Some(control) => focus(Some(control)),
            None => {
                MISSING_FOCUS.with(|m| m.set(Some(selector)));
                after_paint(focus_content_if_lost);
            }
        }
    }
}

/// The end of [`replace_content`]'s wait: a control still missing and the focus still
/// nowhere, the provision the address names takes it ("show it" led there: the card
/// itself, read whole, not a link in it), or else the content.
fn focus_content_if_lost() {
    let lost = document().active_element().is_none_or(|a| Some(&a) == document().body().map(Into::into).as_ref());
    if MISSING_FOCUS.with(|m| m.take()).is_some() && lost {
        let linked = hash().and_then(|id| document().get_element_by_id(&id));
        if let Some(card) = &linked {
            write_attribute(card, "tabindex", "-1");
        }
        focus(linked.or_else(|| document().get_element_by_id("main")));
    }
}

thread_local! {
    /// The control that lost the focus when its markup was written, not yet found again.
    static MISSING_FOCUS: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// A selector for the control in new markup that stands where this one stood: the same
/// element with the same id, test id, index and key; a plain link, the same address.
fn same_control(el: &web_sys::Element) -> Option<String> {
    let mut selector = el.local_name();
    let tag = selector.len();
    for name in ["id", "data-testid", "data-index", "data-key"] {
        if let Some(value) = el.get_attribute(name) {
            selector.push_str(&attribute_selector(name, &value));
        }
    }
    if selector.len() == tag {
        selector.push_str(&attribute_selector("href", &el.get_attribute("href")?));
    }
    Some(selector)
}

fn attribute_selector(name: &str, value: &str) -> String {
    format!("[{name}=\"{}\"]", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Sets an attribute of the element with this id, if it is on the page.
pub fn set_attribute(id: &str, name: &str, value: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        write_attribute(&el, name, value);
    }
}

/// Sets an attribute when its value is new: a write, even of the same value, invalidates
/// style (of `<html lang>`: the whole page, ~1.7 ms of each keystroke's frame).
pub fn write_attribute(el: &web_sys::Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// The `value` of a form field.
pub fn value(el: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Sets the `value` of the form field with this id, unless it already holds it (a caret
/// in the field stays where it is).
pub fn set_value(id: &str, value: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if self::value(&el) != value {
            let _ = js_sys::Reflect::set(&el, &"value".into(), &value.into());
        }
    }
}

/// Says `text` to screen readers through the page's polite live region (a button's new
/// label alone is not announced).
pub fn announce(text: &str) {
    if let Some(region) = document().get_element_by_id("announce") {
        region.set_text_content(Some(text));
    }
}

/// Focuses an element, if it is there and can take the focus.
pub fn focus(el: Option<web_sys::Element>) {
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Tells the reader something went wrong with what they asked for.
pub fn alert(message: &str) {
    let _ = window().alert_with_message(message);
}
