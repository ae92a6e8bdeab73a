//! The failures of a call, each its own case: not sent, no response, a
//! documented API error, or a response that is not what the documents describe.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::catalog::{DocumentedError, ErrorCodeInfo};
use crate::response::ResponseMeta;
use crate::token::TokenError;

/// The catalogue of an endpoint's documented failures: one variant per example
/// response of the documents, and `Unknown`. Implemented by the generated
/// `<Endpoint>Error` enums.
pub trait ErrorKind: Copy + fmt::Debug + Send + Sync + 'static {
    /// Which documented failure an error response is.
    fn classify(status: u16, body: &ErrorBody) -> Self;

    /// The documents' entry for this failure; `None` for `Unknown`.
    fn documented(self) -> Option<&'static DocumentedError>;

    /// The spec's identifier of this failure, `"unknown"` for `Unknown`.
    fn id(self) -> &'static str {
        self.documented().map_or("unknown", |d| d.id)
    }
}

/// The documented error body: `{"code", "description", "data", "source"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ErrorBody {
    /// The error code as text: a number in every example, a string in the
    /// error-codes table; both are accepted.
    #[serde(deserialize_with = "code_as_text")]
    pub code: String,
    /// What went wrong, in the service's words.
    pub description: String,
    /// Help links, often empty. Items that are not strings are kept as JSON text.
    #[serde(default, deserialize_with = "items_as_text")]
    pub data: Vec<String>,
    /// The service component that reported the error (empty when absent).
    #[serde(default)]
    pub source: String,
}

fn code_as_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Code {
        Number(serde_json::Number),
        Text(String),
    }
    Ok(match Code::deserialize(d)? {
        Code::Number(n) => n.to_string(),
        Code::Text(s) => s,
    })
}

fn items_as_text<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let items = Option::<Vec<serde_json::Value>>::deserialize(d)?.unwrap_or_default();
    Ok(items
        .into_iter()
        .map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
        .collect())
}

/// What identifies a call, and how many attempts it made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallInfo {
    /// The `MS-RequestId` every attempt sent.
    pub request_id: Uuid,
    /// The `MS-CorrelationId` every attempt sent.
    pub correlation_id: Uuid,
    /// Attempts made, the first included.
    pub attempts: u32,
}

/// An error response in the documented shape, with the failure it is.
#[derive(Debug, Clone)]
pub struct ApiError<K> {
    kind: K,
    body: ErrorBody,
    meta: ResponseMeta,
    call: CallInfo,
}

impl<K: ErrorKind> ApiError<K> {
    pub(crate) fn new(body: ErrorBody, meta: ResponseMeta, call: CallInfo) -> Self {
        let kind = K::classify(meta.status.as_u16(), &body);
        ApiError {
            kind,
            body,
            meta,
            call,
        }
    }

    /// Which documented failure this is.
    pub fn kind(&self) -> K {
        self.kind
    }

    /// The error body as received.
    pub fn body(&self) -> &ErrorBody {
        &self.body
    }

    /// Status and ids of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The ids the call sent and its number of attempts.
    pub fn call(&self) -> &CallInfo {
        &self.call
    }

    /// The documents' entry for this failure, if it is a documented one.
    pub fn documented(&self) -> Option<&'static DocumentedError> {
        self.kind.documented()
    }

    /// The global catalogue's entries for this status and code: what the
    /// documents say the code means, also for an `Unknown` failure.
    pub fn catalogue(&self) -> impl Iterator<Item = &'static ErrorCodeInfo> + '_ {
        crate::error_codes::lookup(Some(self.meta.status.as_u16()), &self.body.code)
    }
}

impl<K: ErrorKind> fmt::Display for ApiError<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = if self.body.source.is_empty() {
            "an unnamed source"
        } else {
            &self.body.source
        };
        write!(
            f,
            "HTTP {}, error {} from {source}: {}",
            self.meta.status.as_u16(),
            self.body.code,
            self.body.description
        )?;
        write_call(f, &self.call)
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
/// | `Api` | 408, 500, 502, 503, 504 | an error body in the documented shape |
/// | `UnexpectedBody` | as `Api` | an error status without the documented body |
/// | `BodyTooLarge` | no | the body is over the client's limit |
/// | `Decode` | no | a success body that is not the documented type |
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<K> {
    /// Not sent: an argument cannot be put in a request.
    InvalidInput {
        /// Which argument, and why.
        message: String,
    },
    /// The token provider failed.
    Token {
        /// The provider's error.
        source: TokenError,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// No connection could be made.
    Connect {
        /// The HTTP client's error.
        source: reqwest::Error,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The last attempt, or the whole call, ran out of time.
    Timeout {
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The connection was lost before the response was complete.
    ConnectionLost {
        /// The HTTP client's error.
        source: reqwest::Error,
        /// Status and ids, when the response had begun.
        meta: Option<ResponseMeta>,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The service throttled the call (429) until the client gave up.
    Throttled {
        /// The last `Retry-After`, if the service sent one.
        retry_after: Option<Duration>,
        /// The `message` of the throttling body, if it had one.
        message: Option<String>,
        /// Status and ids of the last response.
        meta: ResponseMeta,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// An error response in the documented shape.
    Api(ApiError<K>),
    /// An error status whose body is not the documented error shape (an HTML
    /// page, an empty body, another JSON shape).
    UnexpectedBody {
        /// Status and ids of the response.
        meta: ResponseMeta,
        /// The first bytes of the body.
        excerpt: String,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// The body is larger than the client accepts.
    BodyTooLarge {
        /// Status and ids of the response.
        meta: ResponseMeta,
        /// The limit, in bytes.
        limit: usize,
        /// The call's ids and attempts.
        call: CallInfo,
    },
    /// A success status whose body does not decode as the documented type.
    Decode {
        /// Status and ids of the response.
        meta: ResponseMeta,
        /// The Rust type the body should have decoded to.
        expected: &'static str,
        /// Why it did not.
        message: String,
        /// The first bytes of the body.
        excerpt: String,
        /// The call's ids and attempts.
        call: CallInfo,
    },
}

impl<K> Error<K> {
    /// Status and ids of the response, when there was one.
    pub fn meta(&self) -> Option<&ResponseMeta> {
        match self {
            Error::Api(e) => Some(&e.meta),
            Error::Throttled { meta, .. }
            | Error::UnexpectedBody { meta, .. }
            | Error::BodyTooLarge { meta, .. }
            | Error::Decode { meta, .. } => Some(meta),
            Error::ConnectionLost { meta, .. } => meta.as_ref(),
            Error::InvalidInput { .. }
            | Error::Token { .. }
            | Error::Connect { .. }
            | Error::Timeout { .. } => None,
        }
    }

    /// The call's ids and attempts; `None` when nothing was sent.
    pub fn call(&self) -> Option<&CallInfo> {
        match self {
            Error::Api(e) => Some(&e.call),
            Error::Token { call, .. }
            | Error::Connect { call, .. }
            | Error::Timeout { call }
            | Error::ConnectionLost { call, .. }
            | Error::Throttled { call, .. }
            | Error::UnexpectedBody { call, .. }
            | Error::BodyTooLarge { call, .. }
            | Error::Decode { call, .. } => Some(call),
            Error::InvalidInput { .. } => None,
        }
    }

    /// Whether the call gave up waiting.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }
}

impl<K: ErrorKind> fmt::Display for Error<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { message } => {
                return write!(f, "invalid input, nothing was sent: {message}");
            }
            Error::Token { source, .. } => write!(f, "the token provider failed: {source}")?,
            Error::Connect { source, .. } => {
                write!(f, "could not connect")?;
                write_causes(f, source)?;
            }
            Error::Timeout { .. } => write!(f, "timed out")?,
            Error::ConnectionLost { source, meta, .. } => {
                match meta {
                    Some(m) => write!(
                        f,
                        "connection lost while reading the HTTP {} response",
                        m.status.as_u16()
                    )?,
                    None => write!(f, "connection lost before a response")?,
                }
                write_causes(f, source)?;
            }
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
                    write!(f, ": {m}")?;
                }
            }
            Error::Api(e) => return e.fmt(f),
            Error::UnexpectedBody { meta, excerpt, .. } => write!(
                f,
                "HTTP {} with a body that is not the documented error shape (content type {}): {excerpt:?}",
                meta.status.as_u16(),
                meta.content_type.as_deref().unwrap_or("none")
            )?,
            Error::BodyTooLarge { meta, limit, .. } => write!(
                f,
                "HTTP {} body is larger than the limit of {limit} bytes",
                meta.status.as_u16()
            )?,
            Error::Decode {
                meta,
                expected,
                message,
                excerpt,
                ..
            } => write!(
                f,
                "HTTP {} body does not decode as {expected}: {message}; body starts {excerpt:?}",
                meta.status.as_u16()
            )?,
        }
        match self.call() {
            Some(call) => write_call(f, call),
            None => Ok(()),
        }
    }
}

impl<K: ErrorKind> std::error::Error for Error<K> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Connect { source, .. } | Error::ConnectionLost { source, .. } => Some(source),
            Error::Token { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// The innermost causes of an HTTP client error, where the useful words are.
fn write_causes(f: &mut fmt::Formatter<'_>, error: &reqwest::Error) -> fmt::Result {
    let mut cause = std::error::Error::source(error);
    while let Some(c) = cause {
        write!(f, ": {c}")?;
        cause = c.source();
    }
    Ok(())
}

fn write_call(f: &mut fmt::Formatter<'_>, call: &CallInfo) -> fmt::Result {
    write!(
        f,
        " [MS-RequestId {}, MS-CorrelationId {}, {} attempt{}]",
        call.request_id,
        call.correlation_id,
        call.attempts,
        if call.attempts == 1 { "" } else { "s" }
    )
}

/// The first bytes of a body, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    const MAX: usize = 512;
    let text = String::from_utf8_lossy(&body[..body.len().min(MAX)]).into_owned();
    if body.len() > MAX {
        format!("{text}…")
    } else {
        text
    }
}
