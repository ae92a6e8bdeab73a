//! What one call may set for itself: its timeout, its retry policy and
//! extra headers, instead of (or beside) the client's.

use std::fmt;
use std::time::Duration;

use http::{HeaderName, HeaderValue};

use super::Call;
use crate::error::Error;
use crate::request::Request;
use crate::retry::RetryPolicy;

/// Headers that HTTP itself or the connection owns: a call cannot set them.
const FRAMING: &[&str] = &[
    "connection",
    "content-length",
    "content-type",
    "host",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// A call's own settings; each one unset takes the client's.
#[derive(Clone, Default)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    /// Sent after the client's and the operation's headers.
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    /// Why an extra header cannot be sent: reported when the call is awaited.
    invalid: Option<String>,
}

impl CallOptions {
    pub(crate) fn is_empty(&self) -> bool {
        self.timeout.is_none()
            && self.retry.is_none()
            && self.headers.is_empty()
            && self.invalid.is_none()
    }

    /// Whether the call can be sent with these options: a header that could
    /// not be set, or one that the operation sets itself, is refused.
    pub(crate) fn check(&self, request: &Request) -> Result<(), Error> {
        let operation = request.operation;
        let refuse = |message: String| {
            Err(Error::InvalidInput {
                message: format!("{operation}: {message}"),
                source: None,
            })
        };
        if let Some(problem) = &self.invalid {
            return refuse(problem.clone());
        }
        let own = request.headers.iter().map(|(name, _)| name);
        if let Some(name) = own
            .into_iter()
            .find(|name| self.headers.iter().any(|(extra, _)| extra == *name))
        {
            return refuse(format!(
                "header {name} is the operation's own: set it with the operation's setter, not `Call::header`"
            ));
        }
        Ok(())
    }

    fn refuse(&mut self, why: String) {
        self.invalid.get_or_insert(why);
    }
}

impl fmt::Debug for CallOptions {
    /// The extra headers' names, never their values (one may be a secret).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("CallOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("headers", &names)
            .field("invalid", &self.invalid)
            .finish()
    }
}

impl<T, E> Call<T, E> {
    /// How long this call may take, every attempt and wait included,
    /// instead of the client's
    /// [`ClientBuilder::call_timeout`](crate::ClientBuilder::call_timeout).
    /// Each attempt still ends after the client's attempt timeout at most.
    /// Past it, the call ends with [`Error::Timeout`]. On a listing, every
    /// page's call has this timeout.
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # async fn run(client: &partner_center::Client, id: partner_center::Uuid)
    /// # -> Result<(), partner_center::Error> {
    /// let customer = client.get_customer(id).timeout(Duration::from_secs(5)).await?;
    /// # Ok(()) }
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// How this call is retried, instead of the client's
    /// [`ClientBuilder::retry`](crate::ClientBuilder::retry): no retry
    /// ([`RetryPolicy::none`]), at most so many attempts
    /// (`client.retry_policy().max_attempts(2)`), or only the failures after
    /// which the service cannot have acted ([`RetryPolicy::only_unprocessed`]).
    /// On a listing, every page's call retries so.
    ///
    /// By default the client resends every operation, a POST included,
    /// with the same `MS-RequestId` (see [`RetryPolicy`]); a POST that must
    /// not be sent twice after a lost connection says so here:
    ///
    /// ```no_run
    /// # use partner_center::{Cart, Client, Error, Uuid};
    /// # async fn run(client: &Client, customer: Uuid, cart: &Cart) -> Result<(), Error> {
    /// use partner_center::RetryPolicy;
    ///
    /// let created = client.create_cart(customer, cart).retry(RetryPolicy::none()).await?;
    /// # Ok(()) }
    /// ```
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.options.retry = Some(policy);
        self
    }

    /// Sends the header `name: value` with this call, on every attempt
    /// (and, on a listing, with every page), replacing an extra header of
    /// the same name set before.
    ///
    /// A name or value that is not valid HTTP, a header the client sets
    /// itself (`Authorization`, `MS-RequestId`, `MS-CorrelationId`,
    /// `MS-Contract-Version`, `Accept`, `MS-PartnerCenter-Application`,
    /// `X-Locale`: the ids have their own setters, the rest are the
    /// builder's), one the connection owns (`Host`, `Content-Length`,
    /// `Content-Type`, ...), or one the operation has a setter for
    /// (`If-Match`), is refused: awaiting the call gives
    /// [`Error::InvalidInput`] and nothing is sent. Never a panic, and the
    /// value is never shown (`Debug` shows the names only).
    ///
    /// ```no_run
    /// # async fn run(client: &partner_center::Client, id: partner_center::Uuid)
    /// # -> Result<(), partner_center::Error> {
    /// let customer = client
    ///     .get_customer(id)
    ///     .header("X-Contoso-Trace", "nightly-sync")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            self.options
                .refuse(format!("{name:?} is not a header name (Call::header)"));
            return self;
        };
        if self.client.inner.names.is_own(&name) {
            self.options.refuse(format!(
                "header {name} is set by the client itself (the ids with `Call::request_id` and `Call::correlation_id`, the others on the ClientBuilder): `Call::header` cannot set it"
            ));
            return self;
        }
        if FRAMING.contains(&name.as_str()) {
            self.options.refuse(format!(
                "header {name} belongs to the connection: `Call::header` cannot set it"
            ));
            return self;
        }
        let Ok(mut value) = HeaderValue::from_str(value) else {
            self.options.refuse(format!(
                "the value for header {name} is not a valid header value (no control characters such as CR or LF)"
            ));
            return self;
        };
        value.set_sensitive(true);
        self.options.headers.retain(|(n, _)| *n != name);
        self.options.headers.push((name, value));
        self
    }
}
