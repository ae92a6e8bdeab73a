//! `cargo codegen docs`: compares every fact the documents state with the spec
//! and reports each difference once, with where it stands on both sides.
//!
//! The pages compared are the documents the spec lists; each is compared by
//! every part of the spec that names it: `headers`, `urls` and `tokens` (clouds),
//! `error_codes`, `throttling`, `operation`, `params`, `prose`, `examples` and
//! `responses` (operations), `models` and `rate_limits`, and `index` (the resource index). On a
//! localized page (front matter `ms.contentlocale` other than en-US) tables
//! and prose are machine-translated, so their differences are reported as
//! not comparable; the fenced code blocks are not translated and are
//! compared as usual. Every comparison reports through `finding`, which
//! keeps that distinction: `cx.in_text(..)` or `cx.in_code_block(..)`, then
//! `only_in_spec`, `only_in_documents` or `different`. Where a page
//! contradicts itself and the spec says so (`contradictions`), the finding
//! is reported as a contradiction, not drift.

pub mod answer;
pub mod coverage;
mod doctype;
mod error_codes;
mod examples;
mod finding;
mod headers;
mod index;
mod models;
mod operation;
mod params;
mod prose;
mod rate_limits;
mod report;
mod responses;
pub mod shape;
mod throttling;
mod tokens;
mod urls;
pub mod values;

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::docs::Page;
use crate::model::{Api, Contradiction, Location, Origin};

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
    /// The page contradicts itself there, as the spec says: shown, not drift.
    Contradiction,
}

impl Kind {
    /// Whether this finding fails the check.
    pub fn is_drift(self) -> bool {
        !matches!(self, Kind::NotComparable | Kind::Contradiction)
    }

    fn label(self) -> &'static str {
        match self {
            Kind::OnlyInSpec => "only in spec",
            Kind::OnlyInDocuments => "only in documents",
            Kind::Different => "different",
            Kind::NotComparable => "not comparable (translated)",
            Kind::Contradiction => "contradiction (the page disagrees with itself)",
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
    /// For a contradiction: what the spec says of it.
    pub note: Option<String>,
}

/// The outcome of a documents check.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by document, element and kind.
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
        if !api.documents.iter().any(|d| d.file == name) {
            report.skipped.push(name);
            continue;
        }
        let page = Page::read(&path).map_err(|e| Error::io(&path, e))?;
        let localized = page
            .front_matter_value("ms.contentlocale")
            .is_some_and(|l| !l.eq_ignore_ascii_case("en-us"));
        let mut findings = Vec::new();
        let mut cx = PageCx {
            file: name.clone(),
            page: &page,
            localized,
            findings: &mut findings,
        };
        for compare in comparers(api, &name) {
            compare(&mut cx, api);
        }
        acknowledge(api, &name, &mut findings);
        report.findings.extend(findings);
        report.compared.push(name);
    }
    report
        .findings
        .sort_by(|a, b| (&a.document, &a.element, a.kind).cmp(&(&b.document, &b.element, b.kind)));
    Ok(report)
}

type Compare = fn(&mut PageCx<'_>, &Api);

/// The comparisons of a page: one for each part of the spec that names it.
fn comparers(api: &Api, name: &str) -> Vec<Compare> {
    let mut out: Vec<Compare> = Vec::new();
    let names = |doc: &str| doc == name;
    if api
        .headers
        .iter()
        .any(|h| h.origin == Origin::Table && names(&h.doc))
    {
        out.push(headers::compare);
    }
    if api.clouds.iter().any(|c| names(&c.doc)) {
        out.push(urls::compare);
    }
    let cites =
        |fact: &Option<crate::model::CloudFact>| fact.as_ref().is_some_and(|f| names(&f.doc));
    if api
        .clouds
        .iter()
        .any(|c| names(&c.doc) || cites(&c.authority) || cites(&c.token_resource))
    {
        out.push(tokens::compare);
    }
    if api.error_codes.as_ref().is_some_and(|c| names(&c.doc)) {
        out.push(error_codes::compare);
    }
    if api.throttling.as_ref().is_some_and(|t| names(&t.doc)) {
        out.push(throttling::compare);
    }
    if api.operations.iter().any(|o| o.documented_on(name)) {
        out.push(operation::compare);
        out.push(examples::compare);
    }
    if api.models.iter().any(|m| names(&m.doc)) {
        out.push(models::compare);
        out.push(rate_limits::compare);
    }
    if api.documents.iter().any(|d| d.index && names(&d.file)) {
        out.push(index::compare);
    }
    out
}

/// The page's contradictions that the spec knows of are reported as such,
/// as long as the page still says what the spec records of it there; a
/// page that says something else there again is drift (the contradiction
/// the spec knows is no longer the page's), and a known one the page no
/// longer has is drift too (the spec says too much).
fn acknowledge(api: &Api, name: &str, findings: &mut Vec<Finding>) {
    let known: Vec<&Contradiction> = api
        .operations
        .iter()
        .flat_map(|o| &o.contradictions)
        .chain(api.models.iter().flat_map(|m| &m.contradictions))
        .chain(api.documents.iter().flat_map(|d| &d.contradictions))
        .filter(|c| c.page == name)
        .collect();
    // A finding is the contradiction of its element and value; an element
    // may have several (the items of an example, each with its own value).
    for f in findings.iter_mut().filter(|f| f.kind.is_drift()) {
        let mut same_element = known.iter().filter(|c| c.element == f.element).peekable();
        let Some(first) = same_element.peek().copied() else {
            continue;
        };
        match same_element.find(|c| c.document_value == f.document_value) {
            Some(c) => {
                f.kind = Kind::Contradiction;
                f.note = Some(c.note.clone());
            }
            None => {
                f.kind = Kind::Different;
                f.spec = f.spec.clone().or_else(|| Some(first.at.clone()));
                f.note = Some(changed(first));
            }
        }
    }
    for c in known {
        let seen = findings.iter().any(|f| {
            f.element == c.element && (f.kind.is_drift() || f.document_value == c.document_value)
        });
        if !seen {
            findings.push(Finding {
                kind: Kind::OnlyInSpec,
                element: c.element.clone(),
                document: (name.to_string(), None),
                spec: Some(c.at.clone()),
                spec_value: Some(format!("a contradiction: {}", c.note)),
                document_value: None,
                note: None,
            });
        }
    }
}

/// What a finding says of a known contradiction whose page now says
/// something else there.
fn changed(c: &Contradiction) -> String {
    let recorded = match &c.document_value {
        Some(value) => format!("{value:?}"),
        None => "nothing".into(),
    };
    format!(
        "the recorded contradiction no longer matches: the spec records that the page says {recorded} here; \
         check the page again, then update the spec or the contradiction's `document_value`"
    )
}

/// One page being compared, and where its findings go (reported through
/// `finding`).
struct PageCx<'a> {
    file: String,
    page: &'a Page,
    localized: bool,
    findings: &'a mut Vec<Finding>,
}

/// Pairs document items with spec items: first by equal keys, then the
/// leftovers by position, so that a renamed item is one difference rather than
/// one missing and one extra. Linear in the items: keys are looked up in a map.
fn pair(doc: &[String], spec: &[String], same: Same) -> Pairing {
    let key = |s: &str| match same {
        Same::Exactly => s.to_string(),
        Same::IgnoringCase => s.to_ascii_lowercase(),
    };
    let mut by_key: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (j, s) in spec.iter().enumerate().rev() {
        by_key.entry(key(s)).or_default().push(j);
    }
    let mut spec_used = vec![false; spec.len()];
    let mut doc_match: Vec<Option<usize>> = vec![None; doc.len()];
    for (i, d) in doc.iter().enumerate() {
        if let Some(j) = by_key.get_mut(&key(d)).and_then(Vec::pop) {
            spec_used[j] = true;
            doc_match[i] = Some(j);
        }
    }
    let doc_keys: std::collections::HashSet<String> = doc.iter().map(|d| key(d)).collect();
    for i in 0..doc.len() {
        if doc_match[i].is_none()
            && i < spec.len()
            && !spec_used[i]
            && !doc_keys.contains(&key(&spec[i]))
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

/// How `pair` compares keys.
#[derive(Clone, Copy)]
enum Same {
    Exactly,
    IgnoringCase,
}

struct Pairing {
    pairs: Vec<(usize, usize)>,
    only_doc: Vec<usize>,
    only_spec: Vec<usize>,
}
