//! How a comparison reports a finding: it names where on the page the
//! element stands, then what kind of difference it is, in one call such as
//! `cx.in_text(element, line).different(&p.at, ours, theirs)`.
//!
//! Where matters because a localized page is machine-translated in its
//! tables and prose ([`PageCx::in_text`]): a difference there is shown as
//! not comparable. Its fenced code blocks are never translated
//! ([`PageCx::in_code_block`]): a difference there is drift on every page.

use super::shape::{self, Mismatch, type_text};
use super::values::Keys;
use super::{Finding, Kind, PageCx};
use crate::docs::parse_lenient;
use crate::model::{Api, Location, Type};

impl<'p> PageCx<'p> {
    /// Reports on `element` in a table or in prose, at `line`.
    pub(super) fn in_text(
        &mut self,
        element: impl Into<String>,
        line: Option<usize>,
    ) -> Place<'_, 'p> {
        let translated = self.localized;
        self.place(element.into(), line, translated)
    }

    /// Reports on `element` in a fenced code block, at `line`.
    pub(super) fn in_code_block(
        &mut self,
        element: impl Into<String>,
        line: Option<usize>,
    ) -> Place<'_, 'p> {
        self.place(element.into(), line, false)
    }

    fn place(&mut self, element: String, line: Option<usize>, translated: bool) -> Place<'_, 'p> {
        Place {
            cx: self,
            element,
            line,
            translated,
        }
    }
}

/// Where on the page a finding is reported: its element, its line, and
/// whether the text there is translated.
pub(super) struct Place<'c, 'p> {
    cx: &'c mut PageCx<'p>,
    element: String,
    line: Option<usize>,
    translated: bool,
}

impl Place<'_, '_> {
    /// The spec states it at `at` (as `ours`, when it has a value); the
    /// documents do not.
    pub(super) fn only_in_spec(self, at: &Location, ours: impl Into<Option<String>>) {
        self.report(Kind::OnlyInSpec, Some(at.clone()), ours.into(), None);
    }

    /// The documents state it, as `theirs`; the spec does not.
    pub(super) fn only_in_documents(self, theirs: impl Into<String>) {
        self.report(Kind::OnlyInDocuments, None, None, Some(theirs.into()));
    }

    /// Both state it: the spec at `at` as `ours` (when it has a value),
    /// the documents as `theirs`.
    pub(super) fn different(
        self,
        at: &Location,
        ours: impl Into<Option<String>>,
        theirs: impl Into<String>,
    ) {
        let at = Some(at.clone());
        self.report(Kind::Different, at, ours.into(), Some(theirs.into()));
    }

    /// The differences of a body with its type, each under the element
    /// (e.g. `list_customers.response_examples[0].body`) at its path.
    pub(super) fn shape(self, found: Vec<Mismatch>) {
        let Place {
            cx,
            element,
            line,
            translated,
        } = self;
        for m in found {
            let place = Place {
                cx: &mut *cx,
                element: format!("{element}{}", m.path),
                line,
                translated,
            };
            place.report(m.kind, m.spec, m.spec_value, m.document_value);
        }
    }

    /// An example's body (empty when it has none) against the type the
    /// spec declares for it, with where it declares it. A body that is not
    /// JSON (a missing comma, say) is read as the JSON it means, and is a
    /// difference on the body itself, its slips the document's value.
    pub(super) fn example_body(
        self,
        api: &Api,
        declared: Option<(&Location, &Type)>,
        body: &str,
        keys: Keys,
    ) {
        match (declared, body.is_empty()) {
            (None, false) => self.only_in_documents(body),
            (Some((at, ty)), true) => self.only_in_spec(at, type_text(ty)),
            (Some((at, ty)), false) => match parse_lenient(body) {
                Ok(parsed) => {
                    let mut found = Vec::new();
                    if !parsed.not_json.is_empty() {
                        found.push(Mismatch {
                            path: String::new(),
                            kind: Kind::Different,
                            spec: Some(at.clone()),
                            spec_value: Some(format!("{} as JSON", type_text(ty))),
                            document_value: Some(parsed.not_json.join("; ")),
                        });
                    }
                    shape::compare(api, ty, &parsed.value, keys, &mut found);
                    self.shape(found);
                }
                Err(why) => self.different(at, type_text(ty), why),
            },
            (None, true) => {}
        }
    }

    fn report(
        self,
        kind: Kind,
        spec: Option<Location>,
        spec_value: Option<String>,
        document_value: Option<String>,
    ) {
        let kind = if self.translated {
            Kind::NotComparable
        } else {
            kind
        };
        self.cx.findings.push(Finding {
            kind,
            element: self.element,
            document: (self.cx.file.clone(), self.line),
            spec,
            spec_value,
            document_value,
            note: None,
        });
    }
}
