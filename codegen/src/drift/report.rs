//! The report, as text for people and as JSON for tools.

use std::fmt::Write as _;
use std::path::Path;

use super::{Finding, Kind, Report};

/// How `cargo codegen docs` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

impl Report {
    /// The report in `format`; spec paths are shown relative to `root` when below it.
    pub fn render(&self, format: Format, root: &Path) -> String {
        match format {
            Format::Text => self.text(root),
            Format::Json => self.json(root),
        }
    }

    fn spec_at(f: &Finding, root: &Path) -> Option<String> {
        f.spec.as_ref().map(|at| {
            let file = at.file.strip_prefix(root).unwrap_or(&at.file);
            format!("{}:{}", file.display(), at.line)
        })
    }

    fn document_at(f: &Finding) -> String {
        match f.document.1 {
            Some(line) => format!("{}:{line}", f.document.0),
            None => f.document.0.clone(),
        }
    }

    fn text(&self, root: &Path) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let _ = writeln!(out, "{}: {}", f.kind.label(), f.element);
            let _ = writeln!(out, "  document: {}", Self::document_at(f));
            if let Some(at) = Self::spec_at(f, root) {
                let _ = writeln!(out, "  spec:     {at}");
            }
            if let Some(v) = &f.spec_value {
                let _ = writeln!(out, "  spec value:     {v:?}");
            }
            if let Some(v) = &f.document_value {
                let _ = writeln!(out, "  document value: {v:?}");
            }
            if let Some(note) = &f.note {
                let _ = writeln!(out, "  note: {note}");
            }
        }
        for name in &self.skipped {
            let _ = writeln!(out, "skipped: {name} (not a page the spec describes)");
        }
        let count = |k| self.of(k).count();
        let _ = writeln!(
            out,
            "{} difference(s): {} only in spec, {} only in documents, {} different; \
             {} not comparable (translated), {} known contradiction(s) of the pages; \
             {} page(s) compared, {} file(s) skipped",
            self.drift(),
            count(Kind::OnlyInSpec),
            count(Kind::OnlyInDocuments),
            count(Kind::Different),
            count(Kind::NotComparable),
            count(Kind::Contradiction),
            self.compared.len(),
            self.skipped.len()
        );
        out
    }

    fn json(&self, root: &Path) -> String {
        let findings: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "kind": f.kind,
                    "drift": f.kind.is_drift(),
                    "element": f.element,
                    "document": Self::document_at(f),
                    "spec": Self::spec_at(f, root),
                    "spec_value": f.spec_value,
                    "document_value": f.document_value,
                    "note": f.note,
                })
            })
            .collect();
        let count = |k| self.of(k).count();
        let value = serde_json::json!({
            "findings": findings,
            "summary": {
                "drift": self.drift(),
                "only_in_spec": count(Kind::OnlyInSpec),
                "only_in_documents": count(Kind::OnlyInDocuments),
                "different": count(Kind::Different),
                "not_comparable": count(Kind::NotComparable),
                "contradictions": count(Kind::Contradiction),
            },
            "compared": self.compared,
            "skipped": self.skipped,
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }
}
