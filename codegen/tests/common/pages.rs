//! How the documents-check tests edit the pages and read the report: a copy
//! of `spec/docs/en-us` with one page edited, checked against the spec, and
//! where on the page an edit stands.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::path::Path;

use partner_center_codegen::drift::{self, Finding, Kind, Report};
use partner_center_codegen::{default_docs, default_spec, load_api};

pub fn check(dir: &Path) -> Report {
    let api = load_api(&default_spec()).unwrap_or_else(|e| panic!("{e}"));
    drift::check(&api, dir).unwrap_or_else(|e| panic!("{e}"))
}

pub fn drift_of(report: &Report) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.kind.is_drift())
        .collect()
}

/// A copy of spec/docs/en-us with `file` edited; the edit must change it.
pub fn mutated(file: &str, edit: impl Fn(&str) -> String) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(default_docs()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let path = dir.path().join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = edit(&before);
    assert_ne!(before, after, "the mutation of {file} changed nothing");
    std::fs::write(&path, &after).unwrap();
    (dir, after)
}

/// 1-based line of the first line containing `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
        + 1
}

/// 1-based line of the code fence that opens the block containing `needle`.
pub fn fence_of(text: &str, needle: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let at = line_of(text, needle) - 1;
    (0..at)
        .rev()
        .find(|&i| lines[i].starts_with("```"))
        .unwrap()
        + 1
}

/// Exactly one difference, of `kind`, on `element`, at `file:line` (or at the file).
pub fn assert_one(report: &Report, kind: Kind, element: &str, file: &str, line: Option<usize>) {
    let found = drift_of(report);
    assert_eq!(found.len(), 1, "expected one difference, got {found:#?}");
    let f = found[0];
    assert_eq!((f.kind, f.element.as_str()), (kind, element), "{f:#?}");
    assert_eq!(f.document, (file.to_string(), line), "{f:#?}");
}

pub const ENDPOINT: &str = "verify-indirect-reseller-mpa-status.md";
