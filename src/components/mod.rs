//! Small components shared by the views. They import the state (`crate::state`), never
//! the shell.

pub mod chips;
pub mod english;
pub mod facets;
pub mod footer;
pub mod header;
pub mod marked;
pub mod notice;
pub mod search_box;
