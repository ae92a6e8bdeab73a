//! The error type of an operation: its documented failures and any other
//! [`Error`], and the view of either that the generated types share.

use std::fmt;

use super::{ApiError, CallInfo, Error};
use crate::response::ResponseMeta;

/// The error type of one operation: its documented failures and any other
/// [`Error`]. Implemented by the generated `<Operation>Error` enums only.
pub trait OperationError: sealed::Sealed + Sized + 'static {
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

    pub(crate) fn category(self) -> super::ErrorCategory {
        match self {
            Parts::Documented(e) => super::ErrorCategory::of_status(e.status()),
            Parts::Other(e) => e.category(),
        }
    }

    pub(crate) fn is_retryable(self) -> bool {
        match self {
            Parts::Documented(e) => crate::retry::retryable_status(e.status()),
            Parts::Other(e) => e.is_retryable(),
        }
    }

    pub(crate) fn source(self) -> Option<&'a (dyn std::error::Error + 'static)> {
        match self {
            Parts::Documented(_) => None,
            Parts::Other(e) => std::error::Error::source(e),
        }
    }
}

impl sealed::Sealed for Error {}

/// The general error is the error type of a custom request
/// ([`crate::Client::request`]): it documents no failure of its own.
impl OperationError for Error {
    fn from_error(error: Error) -> Self {
        error
    }

    fn documented_entry(&self) -> Option<&'static crate::DocumentedError> {
        None
    }
}

pub(crate) mod sealed {
    /// Keeps [`super::OperationError`] to the crate's own types.
    pub trait Sealed {}
}

/// Which of `documented` an error response is: the entry of its status,
/// code and source, told apart by the description where several entries
/// share those; else the first entry documented by status alone (a page
/// that gives no body) of its status. `None`: none of them.
pub(crate) fn classify(documented: &[crate::DocumentedError], e: &ApiError) -> Option<usize> {
    let body = e.body();
    let coded = |d: &crate::DocumentedError| {
        d.status == e.status()
            && d.code == Some(body.code.as_str())
            && d.source == Some(body.source.as_str())
    };
    let mut same = documented.iter().enumerate().filter(|(_, d)| coded(d));
    match (same.next(), same.next()) {
        (Some((i, _)), None) => Some(i),
        (Some(first), Some(second)) => [first, second]
            .into_iter()
            .chain(same)
            .find(|(_, d)| d.description == body.description)
            .map(|(i, _)| i),
        (None, _) => documented
            .iter()
            .position(|d| (d.code.is_none() || d.source.is_none()) && d.status == e.status()),
    }
}

/// What an operation's error type shares with every other, from its
/// variants: `documented`, `id`, `api_error`, `into_error`, `meta`, `call`,
/// `category` and its `is_*` questions, `Display`, `Error`, the conversion into [`Error`] and
/// [`OperationError`]. The n-th documented variant holds the failure of the
/// n-th entry of the type's `DOCUMENTED`; `Other` holds any other [`Error`].
///
/// ```ignore
/// pub enum GetCustomerError { Other(Error) }
/// crate::error::operation_error!(GetCustomerError {});
/// ```
///
/// A type without documented failures gets an empty `DOCUMENTED` here; a
/// type with some declares its own. Every function is `#[inline]`: it is
/// compiled in the crate that calls it, so that two hundred error types
/// cost a downstream build only the ones it uses.
macro_rules! operation_error {
    ($ty:ident {}) => {
        impl $ty {
            /// The failures its page documents: none.
            pub const DOCUMENTED: &'static [crate::DocumentedError] = &[];
        }

        crate::error::operation_error!(@shared $ty {});
    };
    ($ty:ident { $($variant:ident),+ $(,)? }) => {
        crate::error::operation_error!(@shared $ty { $($variant),+ });
    };
    (@shared $ty:ident { $($variant:ident),* }) => {
        impl $ty {
            /// The documents' entry for this failure; `None` for `Other`.
            #[inline]
            pub fn documented(&self) -> Option<&'static crate::DocumentedError> {
                let hits: &[bool] = &[$(matches!(self, $ty::$variant(_))),*];
                hits.iter().position(|hit| *hit).map(|i| &Self::DOCUMENTED[i])
            }

            /// The spec's identifier of this failure, `"other"` for `Other`.
            #[inline]
            pub fn id(&self) -> &'static str {
                self.documented().map_or("other", |d| d.id)
            }

            /// The error response, for a documented failure.
            #[inline]
            pub fn api_error(&self) -> Option<&crate::ApiError> {
                self.parts().api_error()
            }

            /// The failure as the crate's general [`Error`](crate::Error).
            #[inline]
            pub fn into_error(self) -> crate::Error {
                match self {
                    $($ty::$variant(e) => crate::Error::Api(e),)*
                    $ty::Other(e) => e,
                }
            }

            /// Status and headers of the response, when there was one.
            #[inline]
            pub fn meta(&self) -> Option<&crate::ResponseMeta> {
                self.parts().meta()
            }

            /// The call's ids and attempts; `None` when nothing was sent.
            #[inline]
            pub fn call(&self) -> Option<&crate::CallInfo> {
                self.parts().call()
            }

            /// What kind of failure this is, documented or not.
            #[inline]
            pub fn category(&self) -> crate::ErrorCategory {
                self.parts().category()
            }

            /// Whether what the request names does not exist (a 404).
            #[inline]
            pub fn is_not_found(&self) -> bool {
                self.category() == crate::ErrorCategory::NotFound
            }

            /// Whether the caller is not authenticated (a 401, or the token
            /// provider failed).
            #[inline]
            pub fn is_unauthorized(&self) -> bool {
                self.category() == crate::ErrorCategory::Unauthorized
            }

            /// Whether the service throttled the call until the client gave up.
            #[inline]
            pub fn is_throttled(&self) -> bool {
                self.category() == crate::ErrorCategory::Throttled
            }

            /// Whether the same call may succeed later (see
            /// [`Error::is_retryable`](crate::Error::is_retryable)).
            #[inline]
            pub fn is_retryable(&self) -> bool {
                self.parts().is_retryable()
            }


            #[inline]
            fn parts(&self) -> crate::error::Parts<'_> {
                match self {
                    $($ty::$variant(e) => crate::error::Parts::Documented(e),)*
                    $ty::Other(e) => crate::error::Parts::Other(e),
                }
            }
        }

        impl std::fmt::Display for $ty {
            #[inline]
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.parts().show(self.documented(), f)
            }
        }

        impl std::error::Error for $ty {
            #[inline]
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                self.parts().source()
            }
        }

        impl From<$ty> for crate::Error {
            #[inline]
            fn from(e: $ty) -> crate::Error {
                e.into_error()
            }
        }

        impl crate::error::sealed::Sealed for $ty {}

        impl crate::OperationError for $ty {
            #[inline]
            fn from_error(error: crate::Error) -> Self {
                const VARIANTS: &[fn(crate::ApiError) -> $ty] = &[$($ty::$variant),*];
                let e = match error {
                    crate::Error::Api(e) => e,
                    other => return $ty::Other(other),
                };
                match crate::error::classify(Self::DOCUMENTED, &e).and_then(|i| VARIANTS.get(i)) {
                    Some(variant) => variant(e),
                    None => $ty::Other(crate::Error::Api(e)),
                }
            }


            #[inline]
            fn documented_entry(&self) -> Option<&'static crate::DocumentedError> {
                self.documented()
            }
        }
    };
}
pub(crate) use operation_error;
