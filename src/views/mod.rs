//! The four views of the URL contract (`view=`), and the buttons of their markup: run
//! from `crate::rendered`'s one click listener rather than a listener per view, which
//! measured 2.7 kB gzip less wasm (the targets' sort and exports, the reader's toggle).

pub mod compare;
pub mod documents;
pub mod provisions;
pub mod targets;

use crate::state::Ctx;
use leptos::prelude::Set;

/// Runs a rendered button of a view or note (its `data-action`) that
/// `crate::rendered` does not run itself. False: nothing to say "copied" about.
pub fn on_action(ctx: Ctx, action: &str, button: &web_sys::Element) -> bool {
    match action {
        "show-more" => provisions::show_more(ctx),
        "toggle-original" => documents::toggle_original(ctx, button),
        "sort" => targets::sort(ctx, button),
        "clear-filters" => ctx.update(|s| s.clear_filters()),
        "dismiss-notice" => ctx.ignored.set(Vec::new()),
        _ => {}
    }
    false
}
