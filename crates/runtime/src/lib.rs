//! # hts-runtime: what the browser runs
//!
//! The app's logic, tested natively, with a dependency list that is the download budget
//! (no serde_json, no file I/O, nothing only the compiler needs):
//!
//! - [`model`]: the bundle (`data/policies.json`) as Rust types;
//! - [`packed`]: the reader of the packed bundle the wasm embeds (the writer is the
//!   compiler's);
//! - [`taxonomy`]: provinces, service domains and policy tools, from `data/taxonomy.json`;
//! - [`url`]: the shareable URL contract (`taxonomy.md` section 4);
//! - [`search`]: query folding and matching, facet filtering and live counts, over
//!   [`fold`] and [`synonyms`];
//! - [`translation`]: the English edition, loaded when the reader chooses English;
//! - [`export`]: CSV, JSON and citations;
//! - [`labels`]: the interface's words in both languages;
//! - [`render`]: the content views as HTML text (app and prerendered pages);
//! - [`json`]: the small JSON reader and writer the browser uses instead of serde_json.

pub mod export;
pub mod fold;
pub mod json;
pub mod labels;
pub mod model;
pub mod packed;
pub mod packed_texts;
pub mod render;
pub mod search;
pub mod synonyms;
pub mod taxonomy;
pub mod translation;
pub mod url;

pub use model::Bundle;

/// Sorts indices by a comparison: every sort of indices goes through this one
/// instantiation of the sort code (each element type and comparison compiles its own,
/// 2–3.5 kB of wasm each).
pub fn sort_indices(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    v.sort_unstable_by(|&a, &b| cmp(a, b));
}
