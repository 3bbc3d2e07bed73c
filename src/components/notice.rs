//! Says which parts of the URL were ignored (unknown codes, bad values): markup from
//! `hts_runtime::render::notes`, its button dismissed by `crate::rendered`.

use crate::rendered::{host, markup};
use crate::state::use_ctx;
use hts_runtime::render::notes;
use leptos::prelude::*;

pub fn notice() -> impl IntoView {
    let ctx = use_ctx();
    host("", "", markup(move || ctx.ignored.with(|ignored| notes::notice(ctx.lang.get(), ignored))))
}
