//! An error response in the documented shape: its body, and the response and
//! call it came with.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use super::{CallInfo, Shown, write_call};
use crate::catalog::ErrorCodeInfo;
use crate::response::ResponseMeta;

/// The documented error body: `{"code", "description", "data", "source"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
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

/// An error response in the documented shape.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub(super) body: ErrorBody,
    pub(super) meta: ResponseMeta,
    pub(super) call: CallInfo,
}

impl ApiError {
    /// An error of no response, to tell which variant a constructor makes.
    #[cfg(feature = "test-server")]
    pub(crate) fn placeholder(protocol: &'static crate::protocol::Protocol) -> ApiError {
        ApiError {
            body: ErrorBody {
                code: String::new(),
                description: String::new(),
                data: Vec::new(),
                source: String::new(),
            },
            meta: ResponseMeta::new(0, http::HeaderMap::new(), protocol),
            call: CallInfo {
                request_id: uuid::Uuid::nil(),
                correlation_id: uuid::Uuid::nil(),
                attempts: 0,
            },
        }
    }

    /// The error body as received.
    pub fn body(&self) -> &ErrorBody {
        &self.body
    }

    /// Status and headers of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The ids the call sent and its number of attempts.
    pub fn call(&self) -> &CallInfo {
        &self.call
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.meta.status()
    }

    /// The global catalogue's entries for this status and code: what the
    /// documents say the code means, also for an undocumented failure.
    pub fn catalogue(&self) -> impl Iterator<Item = &'static ErrorCodeInfo> + '_ {
        let status = self.meta.status();
        self.meta
            .protocol()
            .error_codes
            .iter()
            .filter(move |e| e.status == status && e.code == self.body.code)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match self.body.source.as_str() {
            "" => "an unnamed source",
            s => s,
        };
        write!(
            f,
            "HTTP {}, error {} from {}: {}",
            self.meta.status(),
            Shown(&self.body.code),
            Shown(source),
            Shown(&self.body.description)
        )?;
        write_call(f, &self.call)
    }
}

impl std::error::Error for ApiError {}
