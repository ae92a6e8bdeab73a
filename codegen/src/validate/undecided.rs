//! The `decide:` marks of a draft: what `cargo codegen import` could not
//! decide (a name, a model only in prose, a type spelling it does not know,
//! a page that disagrees with itself). Each is an error until a person
//! decides and removes it, so that a draft never passes unread.

use std::collections::HashMap;

use super::Validator;
use crate::spec::SourceFile;
use crate::spec::raw::{RawFile, marks};

impl Validator {
    /// Reports every `decide:` of `part` (the file `file`), at its line.
    pub(super) fn undecided(&mut self, file: &SourceFile, part: &RawFile) {
        let mut marks = marks(&part.operations, &part.models);
        for c in &part.collections {
            marks.extend(c.properties.iter().filter_map(|p| p.decide.as_deref()));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, text) in marks.iter().enumerate() {
            let nth = seen.entry(text).or_insert(0);
            // A mark written with escapes is not found by its value: the
            // k-th `decide:` of the file is.
            let at = file
                .locate("decide", Some(text), 1, *nth)
                .or_else(|| file.locate("decide", None, 1, k))
                .unwrap_or((1, 1));
            *nth += 1;
            self.error(file, at, format!("undecided: {text}"));
        }
    }
}
