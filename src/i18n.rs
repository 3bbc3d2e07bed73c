//! Interface language: the one translation mechanism. Every string is written in both
//! languages at its call site, so a missing translation cannot hide: `tr(lang, "省份",
//! "Province")` in the language given ([`hts_runtime::labels`], shared with the
//! renderers), and [`tx`], the same pair as a reactive view in the language of the moment.

use crate::state::use_ctx;
use leptos::prelude::*;

pub use hts_runtime::labels::{count_provisions, tr};

/// [`tr`] in the current language, reactive: a view that follows language switches.
/// Every call site shares this one closure type, which keeps the wasm small (each
/// distinct closure is compiled separately).
pub fn tx(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_ctx().lang;
    move || tr(lang.get(), zh, en)
}
