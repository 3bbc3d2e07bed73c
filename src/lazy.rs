//! Code loaded on first use. The compare, targets and documents views, and the exports
//! (files, citations, BibTeX), took 18.9 of the wasm's 156.1 kB gzip, and most visits never
//! open them:
//! their entry points are split functions (`wasm_split`), which `scripts/post-build.mjs`
//! cuts out of the wasm into modules the page fetches the first time one is called.
//! Measured (`scripts/bench`, 5 documents): the main wasm 156.1 → 137.2 kB gzip, and
//! 29.8 kB in the modules (views 16.2, exports 9.8, code they share 3.8). Together 11 kB
//! more than one wasm: the function table stays exported, so Binaryen optimises less around
//! it. The service worker precaches the modules once the app has started.
//!
//! A split function is async (its module may have to be fetched first), and the views are
//! rendered by memos, which cannot wait: the views' module hands back plain function
//! pointers ([`Views`]), kept for good once it is loaded, and until then a view renders a
//! placeholder and renders again when the module arrives.

use crate::exports::Export;
use crate::state::Ctx;
use hts_runtime::labels::tr;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The renderers of the views that are not the results list.
pub struct Views {
    pub matrices: fn(Ctx) -> String,
    pub side_by_side: fn(Ctx) -> String,
    pub targets: fn(Ctx) -> String,
    pub documents: fn(Ctx) -> String,
}

static VIEWS: OnceLock<Views> = OnceLock::new();

/// The markup of a view, or while its module loads (tracked: the memo runs again when it
/// arrives) or after it failed to, a placeholder that says so (`says`: the first part of
/// the view) or nothing (the parts after it).
pub fn view(ctx: Ctx, pick: fn(&Views) -> fn(Ctx) -> String, says: bool) -> String {
    if let Some(views) = VIEWS.get() {
        return pick(views)(ctx);
    }
    ctx.lazy_loaded.track();
    load_views(ctx);
    let lang = ctx.lang.get();
    if !says {
        String::new()
    } else if ctx.lazy_failed.get() {
        let text = tr(lang, "无法载入此视图：请检查网络连接后刷新页面。", "This view could not be loaded: check the connection and reload the page.");
        format!("<p class=\"notice\" role=\"alert\" data-testid=\"view-failed\">{text}</p>")
    } else {
        format!("<p class=\"hint\" role=\"status\" data-testid=\"view-loading\">{}</p>", tr(lang, "正在载入…", "Loading…"))
    }
}

/// Starts loading the views' module, once (called from the memos that render a view: a
/// plain flag, not a signal, since nothing follows it).
fn load_views(ctx: Ctx) {
    static REQUESTED: AtomicBool = AtomicBool::new(false);
    if REQUESTED.swap(true, Ordering::Relaxed) {
        return;
    }
    leptos::task::spawn_local(async move {
        match views().await {
            Ok(views) => {
                let _ = VIEWS.set(views);
                ctx.lazy_loaded.set(true);
            }
            Err(_) => ctx.lazy_failed.set(true),
        }
    });
}

#[leptos::wasm_split::wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn views() -> Result<Views, SplitLoaderError> {
    Ok(crate::page::lazy_views())
}

/// Runs an export from the exports' module, loading it first if need be (false: the
/// button says "copied" itself once the clipboard took the text).
pub fn export(ctx: Ctx, export: Export, button: web_sys::Element) -> bool {
    leptos::task::spawn_local(async move {
        match run_export(ctx, export).await {
            Ok(true) => crate::actions::flash(&button, &button.get_attribute("data-done").unwrap_or_default()),
            Ok(false) => {}
            Err(_) => {
                let lang = ctx.lang.get_untracked();
                crate::browser::alert(tr(
                    lang,
                    "无法载入导出功能：请检查网络连接后重试。",
                    "The export could not be loaded: check the connection and try again.",
                ));
            }
        }
    });
    false
}

#[leptos::wasm_split::wasm_split(exports, wasm_split_path = ::leptos::wasm_split, fallible)]
fn run_export(ctx: Ctx, export: Export) -> Result<bool, SplitLoaderError> {
    Ok(crate::exports::run(ctx, export))
}
