//! The failures of a call, each its own case: not sent, no response, a
//! documented API error, or a response that is not what the documents describe.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::catalog::{DocumentedError, ErrorCodeInfo};
use crate::response::ResponseMeta;

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

/// An error response in the documented shape, with the failure it is.
#[derive(Debug, Clone)]
pub struct ApiError<K> {
    kind: K,
    body: ErrorBody,
    meta: ResponseMeta,
}

impl<K: ErrorKind> ApiError<K> {
    pub(crate) fn new(body: ErrorBody, meta: ResponseMeta) -> Self {
        let kind = K::classify(meta.status.as_u16(), &body);
        ApiError { kind, body, meta }
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
        write!(
            f,
            "HTTP {}, error {} from {}: {}",
            self.meta.status.as_u16(),
            self.body.code,
            if self.body.source.is_empty() {
                "an unnamed source"
            } else {
                &self.body.source
            },
            self.body.description
        )?;
        write_ids(f, &self.meta)
    }
}

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<K> {
    /// Not sent: an argument cannot be put in a request.
    InvalidInput {
        /// Which argument, and why.
        message: String,
    },
    /// No usable response: connecting, sending or reading failed, or timed out.
    Transport {
        /// The HTTP client's error.
        source: reqwest::Error,
        /// The `MS-RequestId` the call sent.
        request_id: Uuid,
        /// The `MS-CorrelationId` the call sent.
        correlation_id: Uuid,
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
    },
}

impl<K> Error<K> {
    /// Status and ids of the response, when there was one.
    pub fn meta(&self) -> Option<&ResponseMeta> {
        match self {
            Error::Api(e) => Some(&e.meta),
            Error::UnexpectedBody { meta, .. } | Error::Decode { meta, .. } => Some(meta),
            Error::InvalidInput { .. } | Error::Transport { .. } => None,
        }
    }

    /// Whether the call gave up waiting.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport { source, .. } if source.is_timeout())
    }
}

impl<K: ErrorKind> fmt::Display for Error<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { message } => {
                write!(f, "invalid input, nothing was sent: {message}")
            }
            Error::Transport {
                source,
                request_id,
                correlation_id,
            } => {
                let what = if source.is_timeout() {
                    "timed out"
                } else if source.is_connect() {
                    "could not connect"
                } else {
                    "failed before a complete response"
                };
                write!(
                    f,
                    "call {what} (MS-RequestId {request_id}, MS-CorrelationId {correlation_id}): {source}"
                )?;
                let mut cause = std::error::Error::source(source);
                while let Some(c) = cause {
                    write!(f, ": {c}")?;
                    cause = c.source();
                }
                Ok(())
            }
            Error::Api(e) => e.fmt(f),
            Error::UnexpectedBody { meta, excerpt } => {
                write!(
                    f,
                    "HTTP {} with a body that is not the documented error shape (content type {}): {excerpt:?}",
                    meta.status.as_u16(),
                    meta.content_type.as_deref().unwrap_or("none")
                )?;
                write_ids(f, meta)
            }
            Error::Decode {
                meta,
                expected,
                message,
                excerpt,
            } => {
                write!(
                    f,
                    "HTTP {} body does not decode as {expected}: {message}; body starts {excerpt:?}",
                    meta.status.as_u16()
                )?;
                write_ids(f, meta)
            }
        }
    }
}

impl<K: ErrorKind> std::error::Error for Error<K> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn write_ids(f: &mut fmt::Formatter<'_>, meta: &ResponseMeta) -> fmt::Result {
    let ids = [
        ("MS-RequestId", &meta.request_id),
        ("MS-CorrelationId", &meta.correlation_id),
    ];
    for (name, value) in ids {
        if let Some(v) = value {
            write!(f, " [{name} {v}]")?;
        }
    }
    Ok(())
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
