//! The error type of an operation: its documented failures and any other
//! [`Error`], and the view of either that the generated types share.

use std::fmt;

use super::{ApiError, CallInfo, Error};
use crate::response::ResponseMeta;

/// The error type of one operation: its documented failures and any other
/// [`Error`]. Implemented by the generated `<Operation>Error` enums only.
pub trait OperationError: sealed::Sealed + Sized {
    /// The failure a call's error is, for this operation.
    #[doc(hidden)]
    fn from_error(error: Error) -> Self;

    /// The documents' entry for this failure; `None` for any other.
    #[doc(hidden)]
    fn documented_entry(&self) -> Option<&'static crate::DocumentedError>;
}

/// A failure of an operation's error type, seen as what it holds: the
/// response of a documented failure, or any other [`Error`]. The generated
/// error types answer their shared questions through it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Parts<'a> {
    Documented(&'a ApiError),
    Other(&'a Error),
}

impl<'a> Parts<'a> {
    pub(crate) fn api_error(self) -> Option<&'a ApiError> {
        match self {
            Parts::Documented(e) => Some(e),
            Parts::Other(_) => None,
        }
    }

    pub(crate) fn meta(self) -> Option<&'a ResponseMeta> {
        match self {
            Parts::Documented(e) => Some(e.meta()),
            Parts::Other(e) => e.meta(),
        }
    }

    pub(crate) fn call(self) -> Option<&'a CallInfo> {
        match self {
            Parts::Documented(e) => Some(e.call()),
            Parts::Other(e) => e.call(),
        }
    }

    /// A documented failure as `id (heading): response`; any other as itself.
    pub(crate) fn show(
        self,
        documented: Option<&crate::DocumentedError>,
        f: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        match (self, documented) {
            (Parts::Documented(e), Some(d)) => write!(f, "{} ({}): {e}", d.id, d.example),
            (Parts::Documented(e), None) => fmt::Display::fmt(e, f),
            (Parts::Other(e), _) => fmt::Display::fmt(e, f),
        }
    }

    pub(crate) fn source(self) -> Option<&'a (dyn std::error::Error + 'static)> {
        match self {
            Parts::Documented(_) => None,
            Parts::Other(e) => std::error::Error::source(e),
        }
    }
}

pub(crate) mod sealed {
    /// Keeps [`super::OperationError`] to the crate's own types.
    pub trait Sealed {}
}
