//! Small components shared by the views. They import the state (`crate::state`), never
//! the shell.

pub mod english;
pub mod notice;
pub mod search_box;
