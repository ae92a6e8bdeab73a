//! What kind of failure an error is, whatever its variant: the question a
//! caller asks to decide what to do next (create what was not found, ask
//! for consent again, wait and retry, give up).

use super::Error;

/// The kind of a failure. Every [`Error`] and every operation's error type
/// has one ([`Error::category`]); the `is_*` methods answer for the common
/// ones.
///
/// | category | what failed |
/// |---|---|
/// | `InvalidRequest` | an argument the client could not send, or a 400 |
/// | `Unauthorized` | a 401, or the token provider failed |
/// | `Forbidden` | a 403 |
/// | `NotFound` | a 404 |
/// | `Conflict` | a 409, or a 412 (the ETag sent is not the resource's) |
/// | `Throttled` | a 429 on every attempt |
/// | `NotReady` | the data asked for is not ready yet, on every attempt |
/// | `Timeout` | an attempt or the whole call ran out of time |
/// | `Connection` | no connection, or the connection lost mid-response |
/// | `Service` | a 5xx |
/// | `Response` | an answer that is not what the documents describe |
/// | `Other` | another status |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// The request was not valid: the client could not send an argument
    /// (nothing was sent), or the service answered 400.
    InvalidRequest,
    /// The caller is not authenticated: a 401, or no token to send.
    Unauthorized,
    /// The caller may not do this: a 403.
    Forbidden,
    /// What the request names does not exist: a 404.
    NotFound,
    /// The resource is not in the state the request expects: a 409, or a
    /// 412 (an `If-Match` ETag that is no longer the resource's).
    Conflict,
    /// The service throttled the call (429) until the client gave up.
    Throttled,
    /// The service has not the data ready yet (the status the operation's
    /// documents give for it, such as a 204 with a `Retry-After`) on
    /// every attempt: ask again later.
    NotReady,
    /// An attempt or the whole call ran out of time.
    Timeout,
    /// No connection could be made, or it was lost before the response was
    /// complete.
    Connection,
    /// The service failed: a 5xx.
    Service,
    /// The answer is not what the documents describe: a body that does not
    /// decode, an error body of another shape, a redirect, a body over the
    /// limit, unreadable HTTP, a next link that cannot be followed.
    Response,
    /// Another status (a 4xx the table does not name).
    Other,
}

impl ErrorCategory {
    /// The category of an error response's status.
    pub(crate) fn of_status(status: u16) -> ErrorCategory {
        match status {
            400 => ErrorCategory::InvalidRequest,
            401 => ErrorCategory::Unauthorized,
            403 => ErrorCategory::Forbidden,
            404 => ErrorCategory::NotFound,
            409 | 412 => ErrorCategory::Conflict,
            429 => ErrorCategory::Throttled,
            408 => ErrorCategory::Timeout,
            500..=599 => ErrorCategory::Service,
            _ => ErrorCategory::Other,
        }
    }
}

impl Error {
    /// What kind of failure this is.
    pub fn category(&self) -> ErrorCategory {
        match self {
            Error::InvalidInput { .. } => ErrorCategory::InvalidRequest,
            Error::Token { .. } => ErrorCategory::Unauthorized,
            Error::Connect { .. } | Error::ConnectionLost { .. } => ErrorCategory::Connection,
            Error::Timeout { .. } => ErrorCategory::Timeout,
            Error::Throttled { .. } => ErrorCategory::Throttled,
            Error::NotReady { .. } => ErrorCategory::NotReady,
            Error::Api(e) => ErrorCategory::of_status(e.status()),
            Error::UnexpectedBody { meta, .. } => ErrorCategory::of_status(meta.status()),
            Error::BodyTooLarge { .. }
            | Error::Decode { .. }
            | Error::Redirected { .. }
            | Error::InvalidResponse { .. }
            | Error::InvalidNextLink { .. } => ErrorCategory::Response,
        }
    }

    /// Whether what the request names does not exist (a 404).
    pub fn is_not_found(&self) -> bool {
        self.category() == ErrorCategory::NotFound
    }

    /// Whether the caller is not authenticated (a 401, or the token
    /// provider failed: with Entra ID, perhaps a consent to renew).
    pub fn is_unauthorized(&self) -> bool {
        self.category() == ErrorCategory::Unauthorized
    }

    /// Whether the service throttled the call until the client gave up.
    pub fn is_throttled(&self) -> bool {
        self.category() == ErrorCategory::Throttled
    }

    /// Whether the same call may succeed later: the failures the client
    /// retries itself (no connection, a connection lost, a timeout, the
    /// statuses 408, 429, 500, 502, 503 and 504, an answer not ready yet),
    /// met on its last attempt.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Connect { .. }
            | Error::ConnectionLost { .. }
            | Error::Timeout { .. }
            | Error::Throttled { .. }
            | Error::NotReady { .. } => true,
            Error::Api(e) => crate::retry::retryable_status(e.status()),
            Error::UnexpectedBody { meta, .. } => crate::retry::retryable_status(meta.status()),
            _ => false,
        }
    }
}
