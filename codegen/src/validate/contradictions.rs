//! Where the documents contradict themselves, as the spec records it: on an
//! operation or a model (its elements start with its id or name), or on a
//! document, for findings of the page as a whole.

use super::{At, Validator};
use crate::model::Contradiction;
use crate::spec::SourceFile;
use crate::spec::raw::RawContradiction;

impl Validator {
    /// The contradictions of the item `prefix`, whose elements start with
    /// `prefix.` and whose pages are `pages` (its own first).
    pub(super) fn contradictions(
        &mut self,
        file: &SourceFile,
        at: At,
        prefix: &str,
        pages: &[&str],
        raw: &[RawContradiction],
    ) -> Vec<Contradiction> {
        let ours = |element: &str| element.starts_with(&format!("{prefix}.")) || element == prefix;
        let what = format!("one of `{prefix}`");
        let on = Pages {
            of: prefix,
            pages,
            what: "its `doc` or `also_on`",
        };
        self.contradictions_where(file, at, raw, on, ours, &what)
    }

    /// The contradictions of a document: findings of the page as a whole
    /// (a table no model comes from, a resource page the index leaves out),
    /// whose elements start with `models[` or `index[`.
    pub(super) fn page_contradictions(
        &mut self,
        file: &SourceFile,
        at: At,
        page: &str,
        raw: &[RawContradiction],
    ) -> Vec<Contradiction> {
        let ours = |element: &str| element.starts_with("models[") || element.starts_with("index[");
        let what = "a finding of the page as a whole (`models[..]` or `index[..]`): record the others on their operation or model";
        let on = Pages {
            of: page,
            pages: &[page],
            what: "the document itself",
        };
        self.contradictions_where(file, at, raw, on, ours, what)
    }

    /// Contradictions whose elements `ours` accepts (`what` says which), on
    /// the pages `on` allows.
    fn contradictions_where(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &[RawContradiction],
        on: Pages<'_>,
        ours: impl Fn(&str) -> bool,
        what: &str,
    ) -> Vec<Contradiction> {
        let mut out: Vec<Contradiction> = Vec::new();
        for c in raw {
            let cat = Self::field(file, at, "element", Some(&c.element));
            let page = c.page.as_deref().unwrap_or(on.pages[0]);
            if !on.pages.contains(&page) {
                let message = format!("`{page}` is not a page of `{}` ({})", on.of, on.what);
                self.field_error(file, cat, "page", message);
            }
            if !ours(&c.element) {
                self.error(
                    file,
                    cat,
                    format!("the element `{}` is not {what}", c.element),
                );
            }
            // One element may hold two contradictions of different values:
            // an example body that is not strict JSON and shows another
            // call's answer is reported both ways.
            if out.iter().any(|x| {
                x.element == c.element && x.page == page && x.document_value == c.document_value
            }) {
                self.error(
                    file,
                    cat,
                    format!("contradiction `{}` is listed twice", c.element),
                );
            }
            self.non_empty(file, cat, "note", &c.note);
            out.push(Contradiction {
                at: Self::location(file, cat),
                page: page.to_string(),
                element: c.element.clone(),
                document_value: c.document_value.clone(),
                note: c.note.clone(),
            });
        }
        out
    }
}

/// The pages a list of contradictions may name.
struct Pages<'a> {
    /// The item or document the list belongs to.
    of: &'a str,
    /// Its pages, the one a contradiction without `page:` means first.
    pages: &'a [&'a str],
    /// Where those pages come from, for the error.
    what: &'static str,
}
