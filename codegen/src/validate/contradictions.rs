//! Where the documents contradict themselves, as the spec records it: on an
//! operation or a model (its elements start with its id or name), or on a
//! document, for findings of the page as a whole.

use super::{At, Validator};
use crate::model::Contradiction;
use crate::spec::SourceFile;
use crate::spec::raw::RawContradiction;

impl Validator {
    /// The contradictions of an item, whose elements start with `prefix.`.
    pub(super) fn contradictions(
        &mut self,
        file: &SourceFile,
        at: At,
        prefix: &str,
        raw: &[RawContradiction],
    ) -> Vec<Contradiction> {
        let ours = |element: &str| element.starts_with(&format!("{prefix}.")) || element == prefix;
        let what = format!("one of `{prefix}`");
        self.contradictions_where(file, at, raw, ours, &what)
    }

    /// The contradictions of a document: findings of the page as a whole
    /// (a table no model comes from, a resource page the index leaves out),
    /// whose elements start with `models[` or `index[`.
    pub(super) fn page_contradictions(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &[RawContradiction],
    ) -> Vec<Contradiction> {
        let ours = |element: &str| element.starts_with("models[") || element.starts_with("index[");
        let what = "a finding of the page as a whole (`models[..]` or `index[..]`): record the others on their operation or model";
        self.contradictions_where(file, at, raw, ours, what)
    }

    /// Contradictions whose elements `ours` accepts (`what` says which).
    fn contradictions_where(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &[RawContradiction],
        ours: impl Fn(&str) -> bool,
        what: &str,
    ) -> Vec<Contradiction> {
        let mut out: Vec<Contradiction> = Vec::new();
        for c in raw {
            let cat = Self::field(file, at, "element", Some(&c.element));
            if !ours(&c.element) {
                self.error(
                    file,
                    cat,
                    format!("the element `{}` is not {what}", c.element),
                );
            }
            if out.iter().any(|x| x.element == c.element) {
                self.error(
                    file,
                    cat,
                    format!("contradiction `{}` is listed twice", c.element),
                );
            }
            self.non_empty(file, cat, "note", &c.note);
            out.push(Contradiction {
                at: Self::location(file, cat),
                element: c.element.clone(),
                document_value: c.document_value.clone(),
                note: c.note.clone(),
            });
        }
        out
    }
}
