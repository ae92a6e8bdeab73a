//! Why a client could not be built: each setting `build` refuses, named.

use crate::error::Cause;
use crate::rate_limit::RateLimit;

/// Why a [`ClientBuilder`](crate::ClientBuilder) could not build a client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No token or token provider was given, or the token is blank.
    #[error(
        "no bearer token: call `ClientBuilder::token` (with a token that is not blank) or `ClientBuilder::token_provider`"
    )]
    MissingToken,
    /// A value cannot be sent as a header: the value itself is not shown.
    #[non_exhaustive]
    #[error(
        "the value for header {header} is not a valid header value (no control characters such as CR or LF)"
    )]
    InvalidHeaderValue {
        /// The header the value was for.
        header: &'static str,
    },
    /// The base URL is not one requests can be sent to.
    #[non_exhaustive]
    #[error("invalid base URL `{url}`: {reason}")]
    InvalidBaseUrl {
        /// The URL as given, without a password.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The HTTP client could not be set up (TLS backend, for example).
    #[error("could not build the HTTP client")]
    Http(#[source] Cause),
    /// The rate limit cannot be kept to: no requests, or a span of zero or
    /// longer than [`RateLimit::MAX_SPAN`].
    #[non_exhaustive]
    #[error("the rate limit {limit:?} cannot be kept to: {reason}")]
    InvalidRateLimit {
        /// The limit given.
        limit: RateLimit,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An https base URL, and no TLS: the crate was built without its
    /// `rustls-ring` and `rustls` features.
    #[error(
        "https needs TLS, and partner-center was built without it: enable its `rustls-ring` or `rustls` feature"
    )]
    NoTls,
}
