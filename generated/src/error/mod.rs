//! The failures of a call, each its own case: not sent, no response, a
//! documented API error, or a response that is not what the documents describe.
//!
//! `api` holds the documented error response, `operation` what the
//! generated error types of the operations share.

mod api;
mod category;
mod entra_code;
mod field;
mod operation;
mod shown;

use std::fmt;
use std::time::Duration;

pub use api::{ApiError, ErrorBody};
pub use category::ErrorCategory;
pub(crate) use field::failed_field;
pub use operation::OperationError;
pub(crate) use operation::{Parts, classify, operation_error, sealed};
pub(crate) use shown::{Shown, excerpt, write_call};

pub use crate::response::CallInfo;
use crate::response::ResponseMeta;
use crate::token::TokenError;

/// The error behind a failure, as the library that raised it reported it
/// (the HTTP client, the JSON reader). Its `Display` is that library's
/// message; `source()` goes deeper. Its type is not part of this crate's API.
pub struct Cause(pub(crate) Box<dyn std::error::Error + Send + Sync>);

impl Cause {
    pub(crate) fn new(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Cause {
        Cause(error.into())
    }
}

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Why a call failed. Every case after the call was sent carries its
/// [`CallInfo`]; every case after a response also its [`ResponseMeta`].
///
/// | case | retried | meaning |
/// |---|---|---|
/// | `InvalidInput` | no | an argument cannot be sent; nothing was |
/// | `Token` | no | the token provider failed |
/// | `Connect` | yes | no connection to the service |
/// | `Timeout` | yes | an attempt or the whole call ran out of time |
/// | `ConnectionLost` | yes | the connection closed before the response was complete |
/// | `Throttled` | yes | 429 on the last attempt |
/// | `NotReady` | yes | the documented "not ready yet" status on the last attempt |
/// | `Api` | 408, 500, 502, 503, 504 | an error body in the documented shape |
/// | `UnexpectedBody` | as `Api` | an error status without the documented body |
/// | `BodyTooLarge` | no | the body is over the client's limit |
/// | `Decode` | no | a success body that is not the documented type |
/// | `Redirected` | no | a 3xx: the client does not follow redirects |
/// | `InvalidResponse` | no | an answer that is not readable HTTP |
/// | `InvalidNextLink` | no | a listing's next page cannot be requested as given |
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Not sent: an argument cannot be put in a request.
    #[non_exhaustive]
    InvalidInput {
        /// Which argument, and why.
        message: String,
        /// The error that made it so, when there is one.
        source: Option<Cause>,
    },
    /// The token provider failed.
    #[non_exhaustive]
    Token {
        /// The provider's error.
        source: TokenError,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// No connection could be made.
    #[non_exhaustive]
    Connect {
        /// The HTTP client's error.
        source: Cause,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The last attempt, or the whole call, ran out of time.
    #[non_exhaustive]
    Timeout {
        /// Status and headers, when the response had begun.
        meta: Option<ResponseMeta>,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The connection was lost before the response was complete.
    #[non_exhaustive]
    ConnectionLost {
        /// The HTTP client's error.
        source: Cause,
        /// Status and headers, when the response had begun.
        meta: Option<ResponseMeta>,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The service throttled the call (429) until the client gave up.
    #[non_exhaustive]
    Throttled {
        /// The last `Retry-After`, if the service sent one.
        retry_after: Option<Duration>,
        /// The `message` of the throttling body, if it had one.
        message: Option<String>,
        /// Status and headers of the last response.
        meta: ResponseMeta,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The service answered that the data is not ready yet (a success
    /// status the operation's documents give for it, such as a 204 with a
    /// `Retry-After`) on every attempt. The client asks again itself,
    /// after each `Retry-After`, as it retries a 503.
    #[non_exhaustive]
    NotReady {
        /// The last `Retry-After`, if the service sent one.
        retry_after: Option<Duration>,
        /// Status and headers of the last response.
        meta: ResponseMeta,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// An error response in the documented shape that the operation does not
    /// document (documented ones are variants of its own error type).
    Api(ApiError),
    /// An error status whose body is not the documented error shape (an HTML
    /// page, an empty body, another JSON shape).
    #[non_exhaustive]
    UnexpectedBody {
        /// Status and headers of the response.
        meta: ResponseMeta,
        /// The first bytes of the body.
        excerpt: String,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The body is larger than the client accepts.
    #[non_exhaustive]
    BodyTooLarge {
        /// Status and headers of the response.
        meta: ResponseMeta,
        /// The limit, in bytes.
        limit: usize,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// A success status whose body does not decode as the documented type.
    #[non_exhaustive]
    Decode {
        /// Status and headers of the response.
        meta: ResponseMeta,
        /// The Rust type the body should have decoded to.
        expected: &'static str,
        /// The path of the field that failed (`companyProfile.domain`,
        /// `items[2].id`), when the body is JSON and the failure is in a field.
        field: Option<String>,
        /// Why it did not (the JSON reader's words, with the value they
        /// quote: `Display` leaves the value out).
        source: Cause,
        /// The first bytes of the body.
        excerpt: String,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// A redirect: the documents never redirect, and the client does not
    /// follow one (the token and ids go to the API's origin only).
    #[non_exhaustive]
    Redirected {
        /// Where the service points, if it says.
        location: Option<String>,
        /// Status and headers of the response.
        meta: ResponseMeta,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The answer is not HTTP the client can read: a head over the size
    /// limit, a malformed status line. Not retried.
    #[non_exhaustive]
    InvalidResponse {
        /// The HTTP client's error.
        source: Cause,
        /// Status and headers, when the head had been read.
        meta: Option<ResponseMeta>,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The next page of a listing cannot be requested as the service gave it.
    #[non_exhaustive]
    InvalidNextLink {
        /// The link's URI, as given.
        uri: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// Status and headers of the response, when there was one.
    pub fn meta(&self) -> Option<&ResponseMeta> {
        match self {
            Error::Api(e) => Some(&e.meta),
            Error::Throttled { meta, .. }
            | Error::NotReady { meta, .. }
            | Error::UnexpectedBody { meta, .. }
            | Error::BodyTooLarge { meta, .. }
            | Error::Decode { meta, .. }
            | Error::Redirected { meta, .. } => Some(meta),
            Error::ConnectionLost { meta, .. }
            | Error::Timeout { meta, .. }
            | Error::InvalidResponse { meta, .. } => meta.as_ref(),
            Error::InvalidInput { .. }
            | Error::Token { .. }
            | Error::Connect { .. }
            | Error::InvalidNextLink { .. } => None,
        }
    }

    /// The call's ids and attempts; `None` when nothing was sent.
    pub fn call(&self) -> Option<&CallInfo> {
        match self {
            Error::Api(e) => Some(&e.call),
            Error::Token { call, .. }
            | Error::Connect { call, .. }
            | Error::Timeout { call, .. }
            | Error::ConnectionLost { call, .. }
            | Error::Throttled { call, .. }
            | Error::NotReady { call, .. }
            | Error::UnexpectedBody { call, .. }
            | Error::BodyTooLarge { call, .. }
            | Error::Decode { call, .. }
            | Error::Redirected { call, .. }
            | Error::InvalidResponse { call, .. } => Some(call),
            Error::InvalidInput { .. } | Error::InvalidNextLink { .. } => None,
        }
    }

    /// The HTTP status of the response, when there was one.
    pub fn status(&self) -> Option<u16> {
        self.meta().map(ResponseMeta::status)
    }

    /// Whether the call gave up waiting.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }

    pub(crate) fn api(body: ErrorBody, meta: ResponseMeta, call: CallInfo) -> Error {
        Error::Api(ApiError { body, meta, call })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { message, .. } => {
                return write!(f, "invalid input, nothing was sent: {message}");
            }
            Error::InvalidNextLink { uri, reason } => {
                return write!(
                    f,
                    "the next page's link {:?} cannot be followed: {reason}",
                    Shown(uri)
                );
            }
            Error::Token { source, .. } => {
                write!(f, "the token provider failed")?;
                // Entra's code, not the provider's words (its source).
                if let Some(code) = entra_code::entra_code(source.as_ref()) {
                    write!(f, " ({code})")?;
                }
            }
            Error::Connect { .. } => write!(f, "could not connect")?,
            Error::Timeout { .. } => write!(f, "timed out")?,
            Error::ConnectionLost { meta, .. } => match meta {
                Some(m) => write!(
                    f,
                    "connection lost while reading the HTTP {} response",
                    m.status()
                )?,
                None => write!(f, "connection lost before a response")?,
            },
            Error::Throttled {
                retry_after,
                message,
                ..
            } => {
                write!(f, "throttled (HTTP 429)")?;
                if let Some(wait) = retry_after {
                    write!(f, ", retry after {}s", wait.as_secs())?;
                }
                if let Some(m) = message {
                    write!(f, ": {}", Shown(m))?;
                }
            }
            Error::NotReady {
                retry_after, meta, ..
            } => {
                write!(f, "HTTP {}: the answer is not ready yet", meta.status())?;
                if let Some(wait) = retry_after {
                    write!(f, ", retry after {}s", wait.as_secs())?;
                }
            }
            Error::Api(e) => return e.fmt(f),
            Error::Redirected { location, meta, .. } => {
                write!(f, "HTTP {} redirect, not followed", meta.status())?;
                if let Some(location) = location {
                    write!(f, " (to {:?})", Shown(location))?;
                }
            }
            Error::InvalidResponse { .. } => write!(f, "the response is not readable HTTP")?,
            Error::UnexpectedBody { meta, excerpt, .. } => write!(
                f,
                "HTTP {} with a body that is not the documented error shape (content type {}): {:?}",
                meta.status(),
                Shown(meta.content_type().unwrap_or("none")),
                excerpt
            )?,
            Error::BodyTooLarge { meta, limit, .. } => write!(
                f,
                "HTTP {} body is larger than the limit of {limit} bytes",
                meta.status()
            )?,
            Error::Decode {
                meta,
                expected,
                field,
                source,
                ..
            } => {
                // The field and the reason, never a value of the body: a
                // response may carry a secret (the excerpt is a field).
                // The type by the path users name it: the root re-exports
                // the private `api` module's items.
                let expected = expected.replace("partner_center::api::", "partner_center::");
                write!(
                    f,
                    "HTTP {} body does not decode as {expected}: ",
                    meta.status()
                )?;
                if let Some(field) = field {
                    write!(f, "field `{}`: ", Shown(field))?;
                }
                match source.0.downcast_ref::<serde_json::Error>() {
                    Some(e) => write!(f, "{}", Shown(&field::without_value(&e.to_string())))?,
                    None => write!(f, "{}", Shown(&source.to_string()))?,
                }
            }
        }
        match self.call() {
            Some(call) => write_call(f, call),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Connect { source, .. }
            | Error::ConnectionLost { source, .. }
            | Error::InvalidResponse { source, .. }
            | Error::Decode { source, .. } => Some(source),
            Error::InvalidInput { source, .. } => source
                .as_ref()
                .map(|s| s as &(dyn std::error::Error + 'static)),
            Error::Token { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}
