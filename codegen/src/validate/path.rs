//! An operation's path template, split into literals and its declared
//! parameters, and the other request-syntax rows of its page it names.

use std::collections::BTreeSet;

use super::{At, Validator};
use crate::model::{Location, Param, Segment};
use crate::spec::SourceFile;
use crate::spec::raw::RawOperation;

impl Validator {
    /// Splits the path template; its `{params}` must be exactly the declared
    /// ones (`params`, those of `o.path_params` that are not in error).
    pub(super) fn path(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        params: &[Param],
    ) -> Vec<Segment> {
        let path = o.path.as_str();
        let mut segments = Vec::new();
        let mut used = BTreeSet::new();
        let problem = |v: &mut Self, message: String| v.field_error(file, at, "path", message);
        let Some(rest) = path.strip_prefix('/') else {
            problem(self, format!("path `{path}` must start with `/`"));
            return segments;
        };
        for part in rest.split('/') {
            if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                match params.iter().position(|p| p.name == name) {
                    Some(i) if used.insert(i) => segments.push(Segment::Param(i)),
                    Some(_) => problem(self, format!("path parameter `{{{name}}}` is used twice")),
                    // Declared, but in error itself: reported already.
                    None if o.path_params.iter().any(|p| p.name == name) => {}
                    None => problem(
                        self,
                        format!("path parameter `{{{name}}}` is not declared under `path_params`"),
                    ),
                }
            } else if matches!(part, "." | "..") {
                problem(
                    self,
                    format!("path `{path}` has a `{part}` segment, which URLs drop"),
                );
            } else if part.is_empty() || part.contains(['{', '}', '?', '#', '%', ' ']) {
                problem(
                    self,
                    format!("path `{path}` has an invalid segment `{part}`"),
                );
            } else {
                segments.push(Segment::Literal(part.to_string()));
            }
        }
        for (i, p) in params.iter().enumerate() {
            if !used.contains(&i) {
                problem(
                    self,
                    format!(
                        "path parameter `{}` is declared but not used in `{path}`",
                        p.name
                    ),
                );
            }
        }
        segments
    }

    /// The other rows of the page that are this call: each a URI after
    /// `{baseURL}`, once.
    pub(super) fn also_rows(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
    ) -> Vec<(Location, String)> {
        let mut out: Vec<(Location, String)> = Vec::new();
        for uri in &o.also_rows {
            let row = Self::field(file, at, "also_rows", None);
            if !uri.starts_with('/') || uri.chars().any(char::is_whitespace) {
                let message = format!(
                    "`{uri}` is not a row's URI: the text after `{{baseURL}}`, from its `/` to the end (no ` HTTP/1.1`)"
                );
                self.error(file, row, message);
            } else if out.iter().any(|(_, u)| u == uri) {
                self.error(file, row, format!("the row `{uri}` is named twice"));
            }
            out.push((Self::location(file, row), uri.clone()));
        }
        out
    }
}
