//! The `decide:` marks of a draft: what `cargo codegen import` could not
//! decide (a name, a model only in prose, a type spelling it does not know,
//! a page that disagrees with itself). Each is an error until a person
//! decides and removes it, so that a draft never passes unread.

use std::collections::HashMap;

use super::Validator;
use crate::spec::SourceFile;
use crate::spec::raw::RawFile;

impl Validator {
    /// Reports every `decide:` of `part` (the file `file`), at its line.
    pub(super) fn undecided(&mut self, file: &SourceFile, part: &RawFile) {
        let marks = marks(part);
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

/// The marks of a file, in the order its items are written.
fn marks(part: &RawFile) -> Vec<&str> {
    let mut out: Vec<&Option<String>> = Vec::new();
    for o in &part.operations {
        out.push(&o.decide);
        out.extend(o.path_params.iter().map(|p| &p.decide));
        out.extend(o.query_params.iter().map(|p| &p.decide));
        out.extend(o.request_headers.iter().map(|h| &h.decide));
        out.extend(o.body.iter().map(|b| &b.decide));
        out.extend(o.responses.iter().map(|r| &r.decide));
        out.extend(o.errors.iter().map(|e| &e.decide));
    }
    for m in &part.models {
        out.push(&m.decide);
        out.extend(m.properties.iter().map(|p| &p.decide));
    }
    if let Some(c) = &part.collection {
        out.extend(c.properties.iter().map(|p| &p.decide));
    }
    out.into_iter().filter_map(Option::as_deref).collect()
}
