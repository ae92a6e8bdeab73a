//! What every response carries: the status and the headers that identify the
//! call, and the ids and attempts of the call (`CallInfo`).

use std::ops::Deref;

use http::HeaderMap;
use uuid::Uuid;

use crate::protocol::Protocol;

/// The status and headers of a response, success or error. The headers are
/// kept as received; the ones that identify the call have their own accessor.
#[derive(Clone)]
pub struct ResponseMeta {
    status: u16,
    headers: HeaderMap,
    protocol: &'static Protocol,
}

impl ResponseMeta {
    pub(crate) fn new(status: u16, headers: HeaderMap, protocol: &'static Protocol) -> Self {
        ResponseMeta {
            status,
            headers,
            protocol,
        }
    }

    pub(crate) fn protocol(&self) -> &'static Protocol {
        self.protocol
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The value of a response header (its name in any case), if it was sent
    /// as visible ASCII text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// `MS-RequestId` as returned.
    pub fn request_id(&self) -> Option<&str> {
        self.header(self.protocol.replies.request_id?)
    }

    /// `MS-CorrelationId` as returned.
    pub fn correlation_id(&self) -> Option<&str> {
        self.header(self.protocol.replies.correlation_id?)
    }

    /// `MS-CV`, the service's correlation vector.
    pub fn cv(&self) -> Option<&str> {
        self.header(self.protocol.replies.cv?)
    }

    /// `MS-ServerId`, the server that answered.
    pub fn server_id(&self) -> Option<&str> {
        self.header(self.protocol.replies.server_id?)
    }

    /// `Content-Type` as returned.
    pub fn content_type(&self) -> Option<&str> {
        self.header(http::header::CONTENT_TYPE.as_str())
    }
}

impl std::fmt::Debug for ResponseMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseMeta")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish()
    }
}

/// A decoded success body and the metadata of its response. Derefs to the body.
#[derive(Debug, Clone)]
pub struct Response<T> {
    value: T,
    meta: ResponseMeta,
    call: CallInfo,
}

impl<T> Response<T> {
    pub(crate) fn new(value: T, meta: ResponseMeta, call: CallInfo) -> Self {
        Response { value, meta, call }
    }

    /// The call's ids (the ones it sent) and attempts.
    pub fn call(&self) -> &CallInfo {
        &self.call
    }

    /// The decoded body.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// Status and headers of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The decoded body, without the metadata.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The decoded body and the metadata.
    pub fn into_parts(self) -> (T, ResponseMeta) {
        (self.value, self.meta)
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// What identifies a call, and how many attempts it made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallInfo {
    pub(crate) request_id: Uuid,
    pub(crate) correlation_id: Uuid,
    pub(crate) attempts: u32,
}

impl CallInfo {
    /// The `MS-RequestId` every attempt sent.
    pub fn request_id(&self) -> Uuid {
        self.request_id
    }

    /// The `MS-CorrelationId` every attempt sent.
    pub fn correlation_id(&self) -> Uuid {
        self.correlation_id
    }

    /// Attempts made, the first included.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}
