//! # hts-core: the pure heart of HTS Policy Explorer
//!
//! Everything that needs no browser lives here, so that `build.rs` (native, at build time)
//! and the app (wasm, at run time) share one implementation and it is tested natively:
//!
//! - [`taxonomy`]: provinces, service domains and policy tools (codes and labels), read from
//!   `data/taxonomy.json`;
//! - [`compile`]: the corpus compiler, seeds + catalog → [`model::Bundle`], built from
//!   [`text`] (decoding, sentence splitting), [`outline`] (numbering styles),
//!   [`tagging`] (keyword rules from `data/rules.json`) and [`targets`];
//! - [`pack`]: the bundle as the app embeds it (strings stored once, derived fields left out);
//! - [`search`]: query normalisation and matching, facet filtering and live counts;
//! - [`url`]: the shareable URL contract (`taxonomy.md` section 4).

pub mod catalog;
pub mod compile;
pub mod error;
pub mod export;
pub mod json;
pub mod model;
pub mod outline;
pub mod pack;
pub mod search;
pub mod synthetic;
pub mod tagging;
pub mod targets;
pub mod taxonomy;
pub mod text;
pub mod url;

pub use compile::{compile_corpus, compile_dir};
pub use error::{BuildError, Problem};
pub use model::Bundle;

/// The seeds compiled, for the unit tests.
#[cfg(test)]
pub(crate) fn seeds_bundle() -> Bundle {
    compile_dir(&std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("the seeds compile")
}
