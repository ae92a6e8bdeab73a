//! Reading the spec: its YAML files, as written, with where each thing stands.

mod load;
pub mod raw;

pub use load::{Loaded, SourceFile, load};
