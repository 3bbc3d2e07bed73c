//! HTS Policy Explorer: the browser app. It renders state; all logic (search, filters,
//! counts, the URL codec) is in `hts-runtime`, and the corpus is compiled into the binary
//! by `build.rs`.
//!
//! - [`state`]: the state, the corpus and the memos, shared by context;
//! - [`url_sync`]: the state written to and read from the address bar;
//! - [`browser`]: the calls into the browser (URL, clipboard, download, scroll, marks);
//! - [`shell`]: the layout, which places the [`components`] and the [`views`];
//! - [`i18n`]: the interface in both languages.

mod browser;
mod components;
mod i18n;
mod shell;
mod state;
mod url_sync;
mod views;

fn main() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(shell::App);
}

/// Reports a panic in the console instead of a silent blank page.
fn console_error_panic_hook_lite() {
    // The message only: formatting the location would add weight to every download.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("unexpected error");
        web_sys::console::error_2(&"HTS Policy Explorer:".into(), &message.into());
    }));
}
