//! The client, its builder, and one call in flight.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderValue, Method};
use serde::de::DeserializeOwned;
use url::Url;
use uuid::Uuid;

use crate::Cloud;
use crate::error::{ApiError, Error, ErrorBody, ErrorKind, excerpt};
use crate::headers;
use crate::response::{Response, ResponseMeta};

/// Timeout of a whole call unless [`ClientBuilder::timeout`] sets another.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A Partner Center REST API client. Cheap to clone: clones share connections.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    authorization: HeaderValue,
    application: Option<HeaderValue>,
    locale: Option<HeaderValue>,
}

impl Client {
    /// A builder for a client of `cloud`, using its documented base URL.
    pub fn builder(cloud: Cloud) -> ClientBuilder {
        ClientBuilder {
            base_url: cloud.base_url().to_string(),
            token: None,
            application: None,
            locale: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The base URL requests are sent to.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("token", &"<redacted>")
            .field("application", &self.inner.application)
            .field("locale", &self.inner.locale)
            .finish()
    }
}

/// Configures a [`Client`]: the bearer token is required, the rest optional.
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: String,
    token: Option<String>,
    application: Option<String>,
    locale: Option<String>,
    timeout: Duration,
}

impl ClientBuilder {
    /// Sends requests to `url` instead of the cloud's base URL: a local test
    /// server, or a proxy. Loopback addresses are never sent through a proxy.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The bearer token sent as `Authorization: Bearer <token>`. Never shown
    /// by `Debug` or in errors.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
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

    /// The longest a whole call may take, from sending to the last byte of the
    /// body. Default: [`DEFAULT_TIMEOUT`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let token = self.token.ok_or(BuildError::MissingToken)?;
        let mut authorization = header_value("Authorization", &format!("Bearer {token}"))?;
        authorization.set_sensitive(true);
        let application = self
            .application
            .map(|a| header_value("MS-PartnerCenter-Application", &a))
            .transpose()?;
        let locale = self
            .locale
            .map(|l| header_value("X-Locale", &l))
            .transpose()?;

        let invalid = |reason: &str| BuildError::InvalidBaseUrl {
            url: self.base_url.clone(),
            reason: reason.to_string(),
        };
        let base_url = Url::parse(&self.base_url).map_err(|e| invalid(&e.to_string()))?;
        if !matches!(base_url.scheme(), "https" | "http") || base_url.cannot_be_a_base() {
            return Err(invalid("expected an http or https URL"));
        }
        if base_url.query().is_some() || base_url.fragment().is_some() {
            return Err(invalid("a base URL has no query or fragment"));
        }

        let mut http = reqwest::Client::builder().timeout(self.timeout);
        if is_loopback(&base_url) {
            http = http.no_proxy();
        }
        let http = http.build().map_err(BuildError::Http)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                authorization,
                application,
                locale,
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("application", &self.application)
            .field("locale", &self.locale)
            .field("timeout", &self.timeout)
            .finish()
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

/// Why a [`ClientBuilder`] could not build a client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No token was given.
    #[error("no bearer token: call `ClientBuilder::token`")]
    MissingToken,
    /// A value cannot be sent as a header: the value itself is not shown.
    #[error(
        "the value for header {header} is not a valid header value (no control characters such as CR or LF)"
    )]
    InvalidHeaderValue {
        /// The header the value was for.
        header: &'static str,
    },
    /// The base URL is not an http(s) URL that paths can be appended to.
    #[error("invalid base URL `{url}`: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The HTTP client could not be set up (TLS backend, for example).
    #[error("could not build the HTTP client")]
    Http(#[source] reqwest::Error),
}

/// The method, path and query of a request, built by the generated methods.
#[derive(Debug)]
pub(crate) struct RequestParts {
    method: Method,
    segments: Vec<String>,
    query: Vec<(&'static str, String)>,
    invalid: Option<String>,
}

impl RequestParts {
    pub(crate) fn new(method: Method) -> Self {
        RequestParts {
            method,
            segments: Vec::new(),
            query: Vec::new(),
            invalid: None,
        }
    }

    /// A literal segment of the path template.
    pub(crate) fn segment(&mut self, segment: &str) {
        self.segments.push(segment.to_string());
    }

    /// A path parameter: percent-encoded when the URL is built. Empty, `.` and
    /// `..` would change the path itself, so they are refused.
    pub(crate) fn param(&mut self, name: &str, value: &str) {
        if matches!(value, "" | "." | "..") && self.invalid.is_none() {
            self.invalid = Some(format!("path parameter {name} cannot be {value:?}"));
        }
        self.segments.push(value.to_string());
    }

    pub(crate) fn query(&mut self, name: &'static str, value: String) {
        self.query.push((name, value));
    }

    fn url(&self, base: &Url) -> Result<Url, String> {
        let mut url = base.clone();
        url.path_segments_mut()
            .map_err(|()| format!("base URL {base} cannot take a path"))?
            .pop_if_empty()
            .extend(&self.segments);
        if !self.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&self.query);
        }
        Ok(url)
    }
}

/// One call of an endpoint, ready to send: `.await` it, after setting the ids
/// if the caller wants its own.
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<'c, T, K> {
    client: &'c Client,
    request: RequestParts,
    request_id: Option<Uuid>,
    correlation_id: Option<Uuid>,
    _types: PhantomData<fn() -> (T, K)>,
}

impl<'c, T, K> Call<'c, T, K>
where
    T: DeserializeOwned,
    K: ErrorKind,
{
    pub(crate) fn new(client: &'c Client, request: RequestParts) -> Self {
        Call {
            client,
            request,
            request_id: None,
            correlation_id: None,
            _types: PhantomData,
        }
    }

    /// Sends `id` as `MS-RequestId` instead of a fresh one: to repeat a call
    /// whose outcome is unknown, so that the service sees the same call.
    pub fn request_id(mut self, id: Uuid) -> Self {
        self.request_id = Some(id);
        self
    }

    /// Sends `id` as `MS-CorrelationId` instead of a fresh one.
    pub fn correlation_id(mut self, id: Uuid) -> Self {
        self.correlation_id = Some(id);
        self
    }

    /// Sends the request and decodes the response.
    pub async fn send(self) -> Result<Response<T>, Error<K>> {
        if let Some(message) = self.request.invalid {
            return Err(Error::InvalidInput { message });
        }
        let inner = &self.client.inner;
        let url = self
            .request
            .url(&inner.base_url)
            .map_err(|message| Error::InvalidInput { message })?;
        let request_id = self.request_id.unwrap_or_else(Uuid::new_v4);
        let correlation_id = self.correlation_id.unwrap_or_else(Uuid::new_v4);

        let mut request = inner
            .http
            .request(self.request.method, url)
            .header(headers::ACCEPT, headers::ACCEPT_DEFAULT)
            .header(headers::AUTHORIZATION, inner.authorization.clone())
            .header(
                headers::MS_CONTRACT_VERSION,
                headers::MS_CONTRACT_VERSION_DEFAULT,
            )
            .header(headers::MS_REQUEST_ID, request_id.to_string())
            .header(headers::MS_CORRELATION_ID, correlation_id.to_string());
        if let Some(application) = &inner.application {
            request = request.header(headers::MS_PARTNER_CENTER_APPLICATION, application.clone());
        }
        if let Some(locale) = &inner.locale {
            request = request.header(headers::X_LOCALE, locale.clone());
        }

        let transport = |source| Error::Transport {
            source,
            request_id,
            correlation_id,
        };
        let response = request.send().await.map_err(transport)?;
        let meta = ResponseMeta::new(response.status(), response.headers());
        let body = response.bytes().await.map_err(transport)?;

        if meta.status.is_success() {
            match serde_json::from_slice::<T>(&body) {
                Ok(value) => Ok(Response { value, meta }),
                Err(e) => Err(Error::Decode {
                    meta,
                    expected: std::any::type_name::<T>(),
                    message: e.to_string(),
                    excerpt: excerpt(&body),
                }),
            }
        } else {
            match serde_json::from_slice::<ErrorBody>(&body) {
                Ok(error) => Err(Error::Api(ApiError::new(error, meta))),
                Err(_) => Err(Error::UnexpectedBody {
                    meta,
                    excerpt: excerpt(&body),
                }),
            }
        }
    }
}

impl<'c, T, K> IntoFuture for Call<'c, T, K>
where
    T: DeserializeOwned + Send + 'c,
    K: ErrorKind,
{
    type Output = Result<Response<T>, Error<K>>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

impl<T, K> fmt::Debug for Call<'_, T, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("request", &self.request)
            .field("request_id", &self.request_id)
            .field("correlation_id", &self.correlation_id)
            .finish_non_exhaustive()
    }
}
