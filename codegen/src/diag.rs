//! Errors the generator reports to a maintainer.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// A problem in the spec, at a place in one of its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl Diagnostic {
    /// The diagnostic as a maintainer reads it: the `file:line:col: error:`
    /// line, then the spec's line with the place underlined. `color` styles
    /// it for a terminal; without `source` it is the first line alone.
    pub fn render(&self, source: Option<&str>, color: bool) -> String {
        let head = self.to_string();
        let Some((source, span)) =
            source.and_then(|s| span_of(s, self.line, self.column).map(|span| (s, span)))
        else {
            return head;
        };
        let path = self.file.display().to_string();
        let report = &[Level::ERROR.primary_title(&self.message).element(
            Snippet::source(source)
                .path(&path)
                .annotation(AnnotationKind::Primary.span(span)),
        )];
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let rendered = renderer.render(report).to_string();
        // Its first line repeats the message; the contract's line stands instead.
        let snippet = rendered.split_once('\n').map_or("", |(_, rest)| rest);
        format!("{head}\n{snippet}")
    }
}

/// The byte range to underline: a key up to its colon, or a value to the end
/// of its line; at least one character.
fn span_of(source: &str, line: usize, column: usize) -> Option<std::ops::Range<usize>> {
    let start_of_line: usize = source
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let text = source[start_of_line..].lines().next()?;
    let offset = text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let is_value = text[..offset].trim_end().ends_with(':');
    let rest = &text[offset..];
    let word = if is_value {
        rest.trim_end().len()
    } else {
        rest.find(|c: char| c.is_whitespace() || c == ':')
            .unwrap_or(rest.len())
    };
    // At least one whole character: a span that ends inside one (a no-break
    // space is two bytes) is not a range of the text.
    let word = match word {
        0 => rest.chars().next().map_or(0, char::len_utf8),
        n => n,
    };
    let start = start_of_line + offset;
    Some(start..start + word)
}

/// Why a generator command failed.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read or written (exit code 2).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The spec is wrong; every problem found (exit code 1).
    Spec(Vec<Diagnostic>),
    /// The generator produced something it cannot format: a bug in the
    /// generator, not in the spec (exit code 2).
    Internal { file: String, message: String },
}

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The process exit code the command-line contract gives this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Io { .. } | Error::Internal { .. } => 2,
            Error::Spec(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: error: {source}", path.display()),
            Error::Internal { file, message } => {
                write!(f, "{file}: internal error (please report it): {message}")
            }
            Error::Spec(diagnostics) => {
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Spec(_) | Error::Internal { .. } => None,
        }
    }
}
