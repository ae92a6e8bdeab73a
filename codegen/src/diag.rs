//! Errors the generator reports to a maintainer.

use std::fmt;
use std::path::{Path, PathBuf};

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
