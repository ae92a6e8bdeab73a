//! The client: what its calls share (the HTTP connections, the settings,
//! and the throttling state of each scope). [`crate::ClientBuilder`] makes one.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::HeaderValue;
use url::Url;

use crate::protocol::{Names, Protocol};
use crate::rate_limit::Limiter;
use crate::retry::RetryPolicy;
use crate::throttle::Holds;
use crate::token::TokenProvider;

/// A Partner Center REST API client. Cheap to clone: clones share connections.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) protocol: &'static Protocol,
    pub(crate) names: Names,
    pub(crate) base_url: Url,
    pub(crate) auth: Auth,
    pub(crate) application: Option<HeaderValue>,
    pub(crate) locale: Option<HeaderValue>,
    pub(crate) retry: RetryPolicy,
    pub(crate) attempt_timeout: Duration,
    pub(crate) call_timeout: Duration,
    pub(crate) max_body_size: usize,
    pub(crate) max_download_size: u64,
    pub(crate) max_pages: u32,
    /// The scopes a 429 holds back, shared by every call of the client.
    pub(crate) holds: Holds,
    /// The requests each scope may still send, if a rate limit is set;
    /// shared like the holds.
    pub(crate) limiter: Option<Limiter>,
}

/// Where the bearer token comes from.
#[derive(Clone)]
pub(crate) enum Auth {
    /// `Bearer <token>`, checked when the client was built.
    Static(HeaderValue),
    Provider(Arc<dyn TokenProvider>),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Static(_) => f.write_str("Static(<redacted>)"),
            Auth::Provider(_) => f.write_str("Provider"),
        }
    }
}

/// A bearer token header value; `None` if the token is blank or cannot be
/// sent as one.
pub(crate) fn bearer(token: &str) -> Option<HeaderValue> {
    if token.trim().is_empty() {
        return None;
    }
    let mut value = HeaderValue::from_str(&format!("Bearer {token}")).ok()?;
    value.set_sensitive(true);
    Some(value)
}

impl Client {
    /// The base URL requests are sent to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// How this client's calls are retried ([`crate::ClientBuilder::retry`]):
    /// a start for one call's own policy, such as
    /// `client.retry_policy().max_attempts(2)` (see [`crate::Call::retry`]).
    pub fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base_url.as_str())
            .field("auth", &inner.auth)
            .field("application", &inner.application)
            .field("locale", &inner.locale)
            .field("retry", &inner.retry)
            .field("attempt_timeout", &inner.attempt_timeout)
            .field("call_timeout", &inner.call_timeout)
            .field("max_body_size", &inner.max_body_size)
            .field("max_download_size", &inner.max_download_size)
            .field("max_pages", &inner.max_pages)
            .field("rate_limit", &inner.limiter.as_ref().map(Limiter::limit))
            .finish()
    }
}
