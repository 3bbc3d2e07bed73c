//! The four views of the URL contract (`view=`).

pub mod compare;
pub mod documents;
pub mod provisions;
pub mod targets;
