//! Small components shared by the views.

pub mod card;
pub mod chips;
pub mod facets;
pub mod header;
pub mod marked;
pub mod notice;
