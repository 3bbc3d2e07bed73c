//! The note that labels the English edition as an unofficial translation (once per view),
//! and what the page says while it loads or when it could not load: markup from
//! `hts_runtime::render::notes`. The translated texts themselves are rendered by
//! `hts_runtime::render` (a text without a translation shows the Chinese with "(not
//! translated)", never an empty space).

use crate::rendered::{host, markup};
use crate::state::use_ctx;
use hts_runtime::render::notes::{edition_note, Edition};
use leptos::prelude::*;

pub fn edition_note_host() -> impl IntoView {
    let ctx = use_ctx();
    host(
        "",
        "",
        markup(move || {
            let edition = match (ctx.en.with(Option::is_some), ctx.en_failed.get()) {
                (true, _) => Edition::Loaded,
                (false, true) => Edition::Failed,
                (false, false) => Edition::Loading,
            };
            edition_note(ctx.lang.get(), ctx.view.get(), edition)
        }),
    )
}
