//! The client's builder: its settings, their defaults, and the checks that
//! `build` makes.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::HeaderValue;
use url::Url;

use crate::build_error::BuildError;
use crate::client::{Auth, Client, Inner, bearer};
use crate::error::Cause;
use crate::protocol::{Names, Protocol};
use crate::rate_limit::{Limiter, RateLimit};
use crate::retry::RetryPolicy;
use crate::throttle::Holds;
use crate::token::{Secret, TokenProvider};

/// How long connecting may take, unless [`ClientBuilder::connect_timeout`] says otherwise.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt may take, from sending to the last byte of the body,
/// unless [`ClientBuilder::attempt_timeout`] says otherwise.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a whole call may take, retries and waits included, unless
/// [`ClientBuilder::call_timeout`] says otherwise.
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(120);
/// The largest response body accepted, unless [`ClientBuilder::max_body_size`]
/// says otherwise: 4 MiB.
pub const DEFAULT_MAX_BODY_SIZE: usize = 4 << 20;
/// The largest file a download reads ([`crate::Download`]), unless
/// [`ClientBuilder::max_download_size`] says otherwise: 1 GiB.
pub const DEFAULT_MAX_DOWNLOAD_SIZE: u64 = 1 << 30;
/// The most pages one listing follows, unless [`ClientBuilder::max_pages`]
/// says otherwise: a listing that never ends (a server that links on and on)
/// stops with an error after this many.
pub const DEFAULT_MAX_PAGES: u32 = 10_000;

impl ClientBuilder {
    /// A builder for `base_url`, with the spec's `protocol`: how the
    /// generated `Client::builder` starts.
    pub(crate) fn new(base_url: &str, protocol: &'static Protocol) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.to_string(),
            protocol,
            token: None,
            application: None,
            locale: None,
            retry: RetryPolicy::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            call_timeout: DEFAULT_CALL_TIMEOUT,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            max_download_size: DEFAULT_MAX_DOWNLOAD_SIZE,
            max_pages: DEFAULT_MAX_PAGES,
            rate_limit: None,
            allow_http_on_loopback: false,
        }
    }
}

/// Configures a [`Client`]. A token (or a token provider) is required; every
/// other setting has a documented default.
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: String,
    protocol: &'static Protocol,
    token: Option<TokenSource>,
    application: Option<String>,
    locale: Option<String>,
    retry: RetryPolicy,
    connect_timeout: Duration,
    attempt_timeout: Duration,
    call_timeout: Duration,
    max_body_size: usize,
    max_download_size: u64,
    max_pages: u32,
    rate_limit: Option<RateLimit>,
    allow_http_on_loopback: bool,
}

#[derive(Clone)]
enum TokenSource {
    Static(Secret),
    Provider(Arc<dyn TokenProvider>),
}

impl ClientBuilder {
    /// Sends requests to `url` instead of the cloud's base URL. It must be
    /// https, unless [`ClientBuilder::allow_http_on_loopback`] is set and the
    /// host is a loopback address. Loopback addresses are never sent through a proxy.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Allows a plain `http://` base URL whose host is a loopback address: a
    /// local test server. Any other plain http URL is still refused.
    pub fn allow_http_on_loopback(mut self) -> Self {
        self.allow_http_on_loopback = true;
        self
    }

    /// A fixed bearer token, sent as `Authorization: Bearer <token>`. Never
    /// shown by `Debug`, `Display` or in errors.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(TokenSource::Static(Secret(token.into())));
        self
    }

    /// A provider asked for the token before every attempt, so that a
    /// refreshed token is used when a call is retried.
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.token = Some(TokenSource::Provider(Arc::new(provider)));
        self
    }

    /// The name of the application, sent as `MS-PartnerCenter-Application`.
    pub fn application(mut self, name: impl Into<String>) -> Self {
        self.application = Some(name.into());
        self
    }

    /// The language of the response, sent as `X-Locale` (the service's default
    /// is `en-US`).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// How calls are retried; [`RetryPolicy::none`] turns retries off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// How long connecting may take. Default: [`DEFAULT_CONNECT_TIMEOUT`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, from sending to the last byte of the
    /// body. Default: [`DEFAULT_ATTEMPT_TIMEOUT`].
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// How long a whole call may take, every attempt and wait included.
    /// Default: [`DEFAULT_CALL_TIMEOUT`].
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = timeout;
        self
    }

    /// The largest response body accepted, in bytes; a larger one is an
    /// error, not an allocation. Default: [`DEFAULT_MAX_BODY_SIZE`].
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The largest file a download reads ([`DEFAULT_MAX_DOWNLOAD_SIZE`] by
    /// default); a longer one is [`crate::Error::BodyTooLarge`] once past it.
    pub fn max_download_size(mut self, bytes: u64) -> Self {
        self.max_download_size = bytes;
        self
    }

    /// The most pages one listing follows ([`DEFAULT_MAX_PAGES`] by
    /// default); the page after them is [`crate::Error::InvalidNextLink`].
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.max_pages = pages;
        self
    }

    /// Keeps the client's calls under `limit` in each scope: at most
    /// `limit.requests()` requests in any span of `limit.per()` to one
    /// customer (a path under `/customers/{id}`), and as many to the
    /// partner's own resources (any other path), as Partner Center counts
    /// its limits. Every attempt counts, retries included. A request with no
    /// room in its window waits until there is; a call whose deadline
    /// ([`ClientBuilder::call_timeout`]) comes before the room does ends at
    /// once with [`crate::Error::Timeout`]. Clones of the client share the
    /// counts. Off by default: no call waits for a limit of the client's.
    ///
    /// The limits the documents state are in [`crate::rate_limits`]:
    /// `.rate_limit(partner_center::rate_limits::CUSTOMER)`. A partner whose
    /// other programs call the API too gives this client a share of it
    /// instead ([`RateLimit::new`]).
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = Some(limit);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        if let Some(limit) = self.rate_limit
            && let Some(reason) = limit.problem()
        {
            return Err(BuildError::InvalidRateLimit { limit, reason });
        }
        let auth = match self.token.clone().ok_or(BuildError::MissingToken)? {
            TokenSource::Static(Secret(token)) if token.trim().is_empty() => {
                return Err(BuildError::MissingToken);
            }
            TokenSource::Static(Secret(token)) => {
                Auth::Static(bearer(&token).ok_or(BuildError::InvalidHeaderValue {
                    header: "Authorization",
                })?)
            }
            TokenSource::Provider(p) => Auth::Provider(p),
        };
        let application = self
            .application
            .as_deref()
            .map(|a| header_value(self.protocol.application.unwrap_or("application"), a))
            .transpose()?;
        let locale = self
            .locale
            .as_deref()
            .map(|l| header_value(self.protocol.locale.unwrap_or("locale"), l))
            .transpose()?;
        let base_url = self.checked_base_url()?;
        let names = Names::new(self.protocol).ok_or(BuildError::InvalidHeaderValue {
            header: "a header of the spec",
        })?;

        #[cfg(not(any(feature = "rustls", feature = "rustls-ring")))]
        if base_url.scheme() == "https" {
            return Err(BuildError::NoTls);
        }
        crate::tls::install_ring();
        // The documents never redirect: a redirect is answered as an error,
        // never followed to another origin with the token and ids.
        let mut http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .referer(false);
        if is_loopback(&base_url) {
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|e| BuildError::Http(Cause(Box::new(e))))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                protocol: self.protocol,
                names,
                base_url,
                auth,
                application,
                locale,
                retry: self.retry,
                attempt_timeout: self.attempt_timeout,
                call_timeout: self.call_timeout,
                max_body_size: self.max_body_size,
                max_download_size: self.max_download_size,
                max_pages: self.max_pages,
                holds: Holds::default(),
                limiter: self.rate_limit.map(Limiter::new),
            }),
        })
    }

    fn checked_base_url(&self) -> Result<Url, BuildError> {
        let invalid = |reason: &str| BuildError::InvalidBaseUrl {
            url: redacted(&self.base_url),
            reason: reason.to_string(),
        };
        let url = Url::parse(&self.base_url).map_err(|e| invalid(&e.to_string()))?;
        if !url.username().is_empty() || url.password().is_some() {
            // It would send a Basic authorization beside the Bearer one.
            return Err(invalid("a base URL carries no user name or password"));
        }
        if url.cannot_be_a_base() || url.host().is_none() {
            return Err(invalid("it is not a URL that paths can be appended to"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(invalid("a base URL has no query or fragment"));
        }
        match url.scheme() {
            "https" => Ok(url),
            "http" if self.allow_http_on_loopback && is_loopback(&url) => Ok(url),
            "http" if self.allow_http_on_loopback => {
                Err(invalid("plain http is only allowed for a loopback address"))
            }
            "http" => Err(invalid(
                "plain http is refused: use https, or allow_http_on_loopback() for a local test server",
            )),
            _ => Err(invalid("expected an https URL")),
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let token = match &self.token {
            None => "none",
            Some(TokenSource::Static(_)) => "<redacted>",
            Some(TokenSource::Provider(_)) => "provider",
        };
        f.debug_struct("ClientBuilder")
            .field("base_url", &redacted(&self.base_url))
            .field("token", &token)
            .field("application", &self.application)
            .field("locale", &self.locale)
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("call_timeout", &self.call_timeout)
            .field("max_body_size", &self.max_body_size)
            .field("rate_limit", &self.rate_limit)
            .field("allow_http_on_loopback", &self.allow_http_on_loopback)
            .finish()
    }
}

/// A URL as it may be shown: without its password.
fn redacted(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("redacted"));
            parsed.to_string()
        }
        Ok(_) => url.to_string(),
        // Not a URL: everything before an `@` may be a secret.
        Err(_) => match url.rsplit_once('@') {
            Some((_, host)) => format!("<redacted>@{host}"),
            None => url.to_string(),
        },
    }
}

fn header_value(header: &'static str, value: &str) -> Result<HeaderValue, BuildError> {
    HeaderValue::from_str(value).map_err(|_| BuildError::InvalidHeaderValue { header })
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    /// With ring, an https client builds, ring becomes the process's
    /// provider where none was, and a second client finds it there.
    #[cfg(feature = "rustls-ring")]
    #[test]
    fn with_ring_an_https_client_is_built() {
        for _ in 0..2 {
            let client = crate::Client::builder(crate::Cloud::Global)
                .token("t")
                .build();
            assert!(client.is_ok(), "{:?}", client.err());
        }
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
    }

    /// Without a TLS backend an https client could only fail every call:
    /// `build()` says so, naming the feature.
    #[cfg(not(any(feature = "rustls", feature = "rustls-ring")))]
    #[test]
    fn without_tls_an_https_client_is_not_built() {
        let err = crate::Client::builder(crate::Cloud::Global)
            .token("t")
            .build()
            .unwrap_err();
        assert!(matches!(err, super::BuildError::NoTls), "{err:?}");
        assert!(err.to_string().contains("`rustls` feature"), "{err}");
        let local = crate::Client::builder(crate::Cloud::Global)
            .token("t")
            .base_url("http://127.0.0.1:1")
            .allow_http_on_loopback()
            .build();
        assert!(local.is_ok(), "plain http on loopback needs no TLS");
    }
}
