//! # hts-compiler: seeds → bundle, at build time only
//!
//! What `build.rs` and the `hts-compile` command run; never in the browser, so it may use
//! serde_json and the file system. It produces the [`hts_runtime::Bundle`] the runtime
//! reads, and its packed form.
//!
//! - [`corpus`]: the seeds folder and catalog in, every problem collected ([`error`]);
//! - [`document`]: one document through the phases [`pieces`] → [`assemble`] →
//!   [`annotate`] → [`metadata`], over [`text`] (decoding, sentences), [`forms`] (how
//!   official documents write metadata), [`outline`] (numbering styles), [`tagging`]
//!   (keyword rules, `data/rules.json`) and [`targets`];
//! - [`review`]: reviewed coding (`seeds/coding/*.jsonl`) applied over the rules' tags;
//! - [`translations`]: the English edition (`seeds/translations/en/*.jsonl`), checked and
//!   written as a file of its own;
//! - [`pack`]: the packed bundle the wasm embeds, checked by reading it back;
//! - [`output`]: the data set `data/policies.json`;
//! - [`synthetic`]: the benchmark's generated corpora.

pub mod accuracy;
pub mod annotate;
pub mod assemble;
pub mod catalog;
pub mod corpus;
pub mod document;
pub mod error;
pub mod forms;
pub mod metadata;
pub mod outline;
pub mod output;
pub mod pack;
pub mod pieces;
pub mod prerender;
pub mod review;
pub mod synthetic;
pub mod tagging;
pub mod targets;
pub mod text;
pub mod translations;

pub use corpus::{compile_corpus, compile_corpus_with, compile_dir, Seed};
pub use error::{BuildError, Problem};
pub use hts_runtime::Bundle;
pub use review::DataFile;
