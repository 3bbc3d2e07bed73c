//! HTS Policy Explorer: the browser app. It renders state; all logic (search, filters,
//! counts, the URL codec) is in `hts-core`, and the corpus is compiled into the binary by
//! `build.rs`.

mod app;
mod browser;
mod components;
mod export;
mod i18n;
mod views;

fn main() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(app::App);
}

/// Reports a panic in the console instead of a silent blank page.
fn console_error_panic_hook_lite() {
    // The message only: formatting the location would add weight to every download.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("unexpected error");
        web_sys::console::error_2(&"HTS Policy Explorer:".into(), &message.into());
    }));
}
