//! What every response carries: the status and the ids that identify the call.

use std::ops::Deref;

use http::{HeaderMap, StatusCode};

use crate::headers;

/// The status and identifying headers of a response, success or error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseMeta {
    /// The HTTP status.
    pub status: StatusCode,
    /// `MS-RequestId` as returned.
    pub request_id: Option<String>,
    /// `MS-CorrelationId` as returned.
    pub correlation_id: Option<String>,
    /// `MS-CV`, the service's correlation vector.
    pub cv: Option<String>,
    /// `MS-ServerId`, the server that answered.
    pub server_id: Option<String>,
    /// `Content-Type` as returned.
    pub content_type: Option<String>,
}

impl ResponseMeta {
    pub(crate) fn new(status: StatusCode, map: &HeaderMap) -> Self {
        let get = |name: &http::HeaderName| {
            map.get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        ResponseMeta {
            status,
            request_id: get(&headers::MS_REQUEST_ID),
            correlation_id: get(&headers::MS_CORRELATION_ID),
            cv: get(&headers::MS_CV),
            server_id: get(&headers::MS_SERVER_ID),
            content_type: get(&http::header::CONTENT_TYPE),
        }
    }
}

/// A decoded success body and the metadata of its response. Derefs to the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<T> {
    /// The decoded body.
    pub value: T,
    /// Status and ids of the response.
    pub meta: ResponseMeta,
}

impl<T> Response<T> {
    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}
