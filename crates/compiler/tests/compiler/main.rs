//! Integration tests of the corpus compiler: one binary, a module per feature, fixture
//! folders under `fixtures/`. The seeds themselves are checked in `seeds`.

mod common;
mod damaged;
mod errors;
mod numbering;
mod packing;
mod properties;
mod review;
mod scripts;
mod seeds;
mod translations;
