//! `cargo codegen docs`: compares every fact the documents state with the spec
//! and reports each difference once, with where it stands on both sides.
//!
//! One module per kind of page. On a localized page (front matter
//! `ms.contentlocale` other than en-US) tables and prose are machine-translated,
//! so their differences are reported as not comparable; the fenced code blocks
//! are not translated and are compared as usual.

mod endpoint;
mod error_codes;
mod headers;
mod report;
mod throttling;
mod urls;

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::docs::Page;
use crate::model::{Api, Field, Location};

pub use report::Format;

/// What kind of difference a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The spec states it; the documents do not.
    OnlyInSpec,
    /// The documents state it; the spec does not.
    OnlyInDocuments,
    /// Both state it, differently.
    Different,
    /// A translated table or prose differs: shown, but not drift.
    NotComparable,
}

impl Kind {
    /// Whether this finding fails the check.
    pub fn is_drift(self) -> bool {
        self != Kind::NotComparable
    }

    fn label(self) -> &'static str {
        match self {
            Kind::OnlyInSpec => "only in spec",
            Kind::OnlyInDocuments => "only in documents",
            Kind::Different => "different",
            Kind::NotComparable => "not comparable (translated)",
        }
    }
}

/// One difference between the spec and the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// What differs, e.g. `agreement_status.errors[code=2201,source=PartnerFD].description`.
    pub element: String,
    /// The document, and the line when the document has the element.
    pub document: (String, Option<usize>),
    /// Where the spec states it, when it does.
    pub spec: Option<Location>,
    pub spec_value: Option<String>,
    pub document_value: Option<String>,
}

/// The outcome of a documents check.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by document, line and element.
    pub findings: Vec<Finding>,
    /// Pages compared, by file name.
    pub compared: Vec<String>,
    /// Files of the folder that are not pages the spec describes.
    pub skipped: Vec<String>,
}

impl Report {
    /// How many findings are drift.
    pub fn drift(&self) -> usize {
        self.findings.iter().filter(|f| f.kind.is_drift()).count()
    }

    /// The findings of one kind.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.kind == kind)
    }
}

/// Compares the pages of `dir` that the spec describes with the spec. Facts
/// of pages absent from `dir` are not reported.
pub fn check(api: &Api, dir: &Path) -> Result<Report, Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();

    let mut report = Report::default();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(compare) = comparer(api, &name) else {
            report.skipped.push(name);
            continue;
        };
        let page = Page::read(&path).map_err(|e| Error::io(&path, e))?;
        let localized = page
            .front_matter_value("ms.contentlocale")
            .is_some_and(|l| !l.eq_ignore_ascii_case("en-us"));
        let mut cx = PageCx {
            file: name.clone(),
            page: &page,
            localized,
            findings: &mut report.findings,
        };
        compare(&mut cx, api);
        report.compared.push(name);
    }
    report
        .findings
        .sort_by(|a, b| (&a.document, &a.element, a.kind).cmp(&(&b.document, &b.element, b.kind)));
    Ok(report)
}

type Compare = fn(&mut PageCx<'_>, &Api);

/// The comparison for a file name, if the spec describes that page.
fn comparer(api: &Api, name: &str) -> Option<Compare> {
    match name {
        "headers.md" => Some(headers::compare),
        "partner-center-rest-urls.md" => Some(urls::compare),
        "error-codes.md" => Some(error_codes::compare),
        "api-throttling-guidance.md" => Some(throttling::compare),
        _ if api.endpoints.iter().any(|e| e.doc == name) => Some(endpoint::compare),
        _ => None,
    }
}

/// One page being compared, and where its findings go.
struct PageCx<'a> {
    file: String,
    page: &'a Page,
    localized: bool,
    findings: &'a mut Vec<Finding>,
}

/// One side of a finding: where, and what value.
struct Side<'v> {
    at: Option<&'v Location>,
    value: Option<String>,
}

impl PageCx<'_> {
    /// A difference in a table or in prose: not comparable on a localized page.
    fn text(
        &mut self,
        kind: Kind,
        element: String,
        line: Option<usize>,
        spec: Side<'_>,
        doc: Option<String>,
    ) {
        let kind = if self.localized {
            Kind::NotComparable
        } else {
            kind
        };
        self.code(kind, element, line, spec, doc);
    }

    /// A difference in a fenced code block: drift on every page.
    fn code(
        &mut self,
        kind: Kind,
        element: String,
        line: Option<usize>,
        spec: Side<'_>,
        doc: Option<String>,
    ) {
        self.findings.push(Finding {
            kind,
            element,
            document: (self.file.clone(), line),
            spec: spec.at.cloned(),
            spec_value: spec.value,
            document_value: doc,
        });
    }
}

/// The spec side of a finding.
fn spec<'v>(at: &'v Location, value: impl Into<Option<String>>) -> Side<'v> {
    Side {
        at: Some(at),
        value: value.into(),
    }
}

/// No spec side: the documents state something the spec does not.
fn nothing<'v>() -> Side<'v> {
    Side {
        at: None,
        value: None,
    }
}

/// Pairs document items with spec items: first by equal keys, then the
/// leftovers by position, so that a renamed item is one difference rather than
/// one missing and one extra. Returns (document index, spec index) pairs and
/// the leftovers of each side.
fn pair(doc: &[String], spec: &[String], same: fn(&str, &str) -> bool) -> Pairing {
    let mut spec_used = vec![false; spec.len()];
    let mut doc_match: Vec<Option<usize>> = vec![None; doc.len()];
    for (i, d) in doc.iter().enumerate() {
        if let Some(j) = (0..spec.len()).find(|&j| !spec_used[j] && same(d, &spec[j])) {
            spec_used[j] = true;
            doc_match[i] = Some(j);
        }
    }
    for i in 0..doc.len() {
        if doc_match[i].is_none()
            && i < spec.len()
            && !spec_used[i]
            && !doc.iter().any(|d| same(d, &spec[i]))
        {
            spec_used[i] = true;
            doc_match[i] = Some(i);
        }
    }
    Pairing {
        pairs: doc_match
            .iter()
            .enumerate()
            .filter_map(|(i, j)| j.map(|j| (i, j)))
            .collect(),
        only_doc: (0..doc.len()).filter(|&i| doc_match[i].is_none()).collect(),
        only_spec: (0..spec.len()).filter(|&j| !spec_used[j]).collect(),
    }
}

struct Pairing {
    pairs: Vec<(usize, usize)>,
    only_doc: Vec<usize>,
    only_spec: Vec<usize>,
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn same_exactly(a: &str, b: &str) -> bool {
    a == b
}

/// Compares a JSON body of a code block with the spec's fields: the body as
/// `{prefix}.body`, each field as `{prefix}.fields[name]`.
fn body(
    cx: &mut PageCx<'_>,
    prefix: &str,
    at: &Location,
    line: Option<usize>,
    text: &str,
    fields: &[Field],
) {
    let body = match serde_json::from_str(text) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => {
            let element = format!("{prefix}.body");
            let expected = spec(at, "a JSON object".to_string());
            cx.code(
                Kind::Different,
                element,
                line,
                expected,
                Some(text.to_string()),
            );
            return;
        }
    };
    let doc_names: Vec<String> = body.keys().cloned().collect();
    let spec_names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, same_exactly);
    for &(d, s) in &pairing.pairs {
        let (name, f) = (&doc_names[d], &fields[s]);
        let element = |what: &str| format!("{prefix}.fields[{}].{what}", f.name);
        if *name != f.name {
            cx.code(
                Kind::Different,
                element("name"),
                line,
                spec(&f.at, f.name.clone()),
                Some(name.clone()),
            );
        } else if !json_fits(&body[name], f.value_type) {
            let (ours, theirs) = (
                type_name(f.value_type).to_string(),
                json_type(&body[name]).to_string(),
            );
            cx.code(
                Kind::Different,
                element("type"),
                line,
                spec(&f.at, ours),
                Some(theirs),
            );
        }
    }
    for &d in &pairing.only_doc {
        let element = format!("{prefix}.fields[{}]", doc_names[d]);
        cx.code(
            Kind::OnlyInDocuments,
            element,
            line,
            nothing(),
            Some(body[&doc_names[d]].to_string()),
        );
    }
    for &s in &pairing.only_spec {
        let f = &fields[s];
        let element = format!("{prefix}.fields[{}]", f.name);
        cx.code(
            Kind::OnlyInSpec,
            element,
            line,
            spec(&f.at, f.name.clone()),
            None,
        );
    }
}

/// The JSON type of a value, in the spec's words.
fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Bool(_) => "bool",
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "int",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(s) if uuid_like(s) => "guid",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
        serde_json::Value::Null => "null",
    }
}

/// `8-4-4-4-12` hexadecimal digits.
fn uuid_like(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The spec's name of a value type.
fn type_name(t: crate::model::ValueType) -> &'static str {
    match t {
        crate::model::ValueType::String => "string",
        crate::model::ValueType::Guid => "guid",
        crate::model::ValueType::Int => "int",
        crate::model::ValueType::Bool => "bool",
    }
}

/// Whether a JSON value can be of the spec type (a GUID is also a string).
fn json_fits(v: &serde_json::Value, t: crate::model::ValueType) -> bool {
    let found = json_type(v);
    found == type_name(t) || (found == "guid" && t == crate::model::ValueType::String)
}
