//! One call of an endpoint: its attempts, their waits, and what comes back.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use http::{HeaderValue, Method};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use url::Url;
use uuid::Uuid;

use crate::client::{Auth, Client, bearer};
use crate::error::{ApiError, CallInfo, Error, ErrorBody, ErrorKind, excerpt};
use crate::headers;
use crate::response::{Response, ResponseMeta};
use crate::retry::{parse_retry_after, retryable_status};

#[cfg(feature = "tracing")]
macro_rules! event {
    ($($t:tt)*) => { tracing::debug!($($t)*) };
}
#[cfg(not(feature = "tracing"))]
macro_rules! event {
    ($($t:tt)*) => {};
}

/// The method, path and query of a request, built by the generated methods.
#[derive(Debug)]
pub(crate) struct RequestParts {
    operation: &'static str,
    method: Method,
    segments: Vec<String>,
    query: Vec<(&'static str, String)>,
    invalid: Option<String>,
}

impl RequestParts {
    pub(crate) fn new(method: Method, operation: &'static str) -> Self {
        RequestParts {
            operation,
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
            let operation = self.operation;
            self.invalid = Some(format!(
                "{operation}: path parameter {name} cannot be {value:?}"
            ));
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
/// if the caller wants its own. All attempts of the call send the same ids.
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<'c, T, K> {
    client: &'c Client,
    request: RequestParts,
    request_id: Option<Uuid>,
    correlation_id: Option<Uuid>,
    _types: PhantomData<fn() -> (T, K)>,
}

/// What one attempt gave.
enum Outcome<T, K> {
    Final(Result<Response<T>, Error<K>>),
    /// Worth another attempt, after `Retry-After` if the service sent one.
    Retry(Error<K>, Option<Duration>),
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

    /// Sends the request, retrying as the client's [`crate::RetryPolicy`]
    /// says, and decodes the response.
    pub async fn send(self) -> Result<Response<T>, Error<K>> {
        let request_id = self.request_id.unwrap_or_else(Uuid::new_v4);
        let correlation_id = self.correlation_id.unwrap_or_else(Uuid::new_v4);
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument as _;
            let span = tracing::info_span!(
                "partner_center.call",
                operation = self.request.operation,
                request_id = %request_id,
                correlation_id = %correlation_id,
            );
            self.run(request_id, correlation_id).instrument(span).await
        }
        #[cfg(not(feature = "tracing"))]
        self.run(request_id, correlation_id).await
    }

    async fn run(self, request_id: Uuid, correlation_id: Uuid) -> Result<Response<T>, Error<K>> {
        if let Some(message) = self.request.invalid {
            return Err(Error::InvalidInput { message });
        }
        let inner = &self.client.inner;
        let url = self
            .request
            .url(&inner.base_url)
            .map_err(|message| Error::InvalidInput { message })?;
        // A timeout too long to add to the clock is no deadline at all.
        let deadline = Instant::now().checked_add(inner.call_timeout);
        let mut call = CallInfo {
            request_id,
            correlation_id,
            attempts: 0,
        };
        loop {
            call.attempts += 1;
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left.is_some_and(|l| l.is_zero()) {
                return Err(Error::Timeout { call });
            }
            let timeout = left.map_or(inner.attempt_timeout, |l| l.min(inner.attempt_timeout));
            let outcome = self.attempt(&url, call, timeout).await;
            let (error, retry_after) = match outcome {
                Outcome::Final(result) => return result,
                Outcome::Retry(error, retry_after) => (error, retry_after),
            };
            if call.attempts >= inner.retry.attempts() {
                return Err(error);
            }
            let wait = retry_after.unwrap_or_else(|| inner.retry.backoff(call.attempts + 1));
            // A wait that cannot be added to the clock is past any deadline.
            let past = match (Instant::now().checked_add(wait), deadline) {
                (None, _) => true,
                (Some(end), Some(deadline)) => end >= deadline,
                (Some(_), None) => false,
            };
            if past {
                event!(
                    attempt = call.attempts,
                    wait_ms = wait.as_millis() as u64,
                    "giving up: the wait would pass the deadline"
                );
                return Err(error);
            }
            event!(
                attempt = call.attempts,
                wait_ms = wait.as_millis() as u64,
                "retrying"
            );
            tokio::time::sleep(wait).await;
        }
    }

    async fn attempt(&self, url: &Url, call: CallInfo, timeout: Duration) -> Outcome<T, K> {
        let inner = &self.client.inner;
        let authorization = match &inner.auth {
            Auth::Static(value) => value.clone(),
            Auth::Provider(provider) => match provider.token().await {
                Ok(token) => match bearer(&token) {
                    Some(value) => value,
                    None => {
                        let source = "the token is not a valid header value".into();
                        return Outcome::Final(Err(Error::Token { source, call }));
                    }
                },
                Err(source) => return Outcome::Final(Err(Error::Token { source, call })),
            },
        };
        let mut request = inner
            .http
            .request(self.request.method.clone(), url.clone())
            .timeout(timeout)
            .header(headers::ACCEPT, headers::ACCEPT_DEFAULT)
            .header(headers::AUTHORIZATION, authorization)
            .header(
                headers::MS_CONTRACT_VERSION,
                headers::MS_CONTRACT_VERSION_DEFAULT,
            )
            .header(headers::MS_REQUEST_ID, uuid_header(call.request_id))
            .header(headers::MS_CORRELATION_ID, uuid_header(call.correlation_id));
        if let Some(application) = &inner.application {
            request = request.header(headers::MS_PARTNER_CENTER_APPLICATION, application.clone());
        }
        if let Some(locale) = &inner.locale {
            request = request.header(headers::X_LOCALE, locale.clone());
        }

        let mut response = match request.send().await {
            Ok(response) => response,
            Err(e) => return transport(e, None, call),
        };
        let meta = ResponseMeta::new(response.status(), response.headers());
        let status = meta.status.as_u16();
        event!(attempt = call.attempts, status, "response");
        let retry_after = response
            .headers()
            .get(headers::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = match read_body(&mut response, inner.max_body_size).await {
            Ok(Some(body)) => body,
            Ok(None) => {
                let limit = inner.max_body_size;
                return Outcome::Final(Err(Error::BodyTooLarge { meta, limit, call }));
            }
            Err(e) => return transport(e, Some(meta), call),
        };
        if status == 429 {
            let message = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("message")?.as_str().map(str::to_string));
            let error = Error::Throttled {
                retry_after,
                message,
                meta,
                call,
            };
            return Outcome::Retry(error, retry_after);
        }
        match decode(meta, &body, call) {
            Ok(response) => Outcome::Final(Ok(response)),
            Err(error) if retryable_status(status) => Outcome::Retry(error, retry_after),
            Err(error) => Outcome::Final(Err(error)),
        }
    }
}

fn uuid_header(id: Uuid) -> HeaderValue {
    let mut buf = Uuid::encode_buffer();
    HeaderValue::from_str(id.hyphenated().encode_lower(&mut buf))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A failure without a complete response: all are worth another attempt.
fn transport<T, K>(e: reqwest::Error, meta: Option<ResponseMeta>, call: CallInfo) -> Outcome<T, K> {
    if e.is_builder() {
        return Outcome::Final(Err(Error::InvalidInput {
            message: e.to_string(),
        }));
    }
    let error = if e.is_timeout() {
        Error::Timeout { call }
    } else if e.is_connect() {
        Error::Connect { source: e, call }
    } else {
        Error::ConnectionLost {
            source: e,
            meta,
            call,
        }
    };
    Outcome::Retry(error, None)
}

/// The body, or `None` as soon as it is known to be over `limit` bytes.
async fn read_body(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Option<Vec<u8>>, reqwest::Error> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}

/// A success body as `T`; an error body as the documented error shape.
// An error is made at most once per network round-trip: its size is not worth a box.
#[allow(clippy::result_large_err)]
fn decode<T: DeserializeOwned, K: ErrorKind>(
    meta: ResponseMeta,
    body: &[u8],
    call: CallInfo,
) -> Result<Response<T>, Error<K>> {
    if !meta.status.is_success() {
        return match serde_json::from_slice::<ErrorBody>(body) {
            Ok(error) => Err(Error::Api(ApiError::new(error, meta, call))),
            Err(_) => Err(Error::UnexpectedBody {
                meta,
                excerpt: excerpt(body),
                call,
            }),
        };
    }
    let decoded = match meta.content_type.as_deref() {
        Some(t) if !t.to_ascii_lowercase().contains("json") => {
            Err(format!("content type is {t}, not JSON"))
        }
        _ => serde_json::from_slice::<T>(body).map_err(|e| e.to_string()),
    };
    match decoded {
        Ok(value) => Ok(Response { value, meta }),
        Err(message) => Err(Error::Decode {
            meta,
            expected: std::any::type_name::<T>(),
            message,
            excerpt: excerpt(body),
            call,
        }),
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
