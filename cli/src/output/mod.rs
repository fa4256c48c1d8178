//! The output formats of `check`: one module each.

pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;
