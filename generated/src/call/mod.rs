//! One call of an operation: its attempts, their waits, and what comes back.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use tokio::time::Instant;
use uuid::Uuid;

use crate::attempt::Failure;
use crate::client::Client;
use crate::decode::Decoder;
use crate::error::{CallInfo, Error, OperationError};
use crate::request::Request;
use crate::response::Response;
use crate::throttle::Scope;
use crate::trace::event;

mod options;

pub(crate) use options::CallOptions;

/// One call of an operation, ready to send: `.await` it, after setting the
/// ids (or the operation's optional inputs, or this call's own timeout,
/// retry policy and extra headers) if the caller wants to. All attempts of
/// the call send the same ids.
///
/// A call owns a clone of its client (a reference count): it can be
/// returned from a function, kept in a struct or spawned, and the client it
/// came from may be dropped before it is awaited.
///
/// ```no_run
/// # use partner_center::{Call, Client, Cloud, Customer, GetCustomerError, Uuid};
/// // Built on a client that does not outlive the function.
/// fn customer(token: &str, id: Uuid) -> Call<Customer, GetCustomerError> {
///     let client = Client::builder(Cloud::Global).token(token).build().unwrap();
///     client.get_customer(id)
/// }
/// ```
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<T, E> {
    pub(crate) client: Client,
    pub(crate) request: Request,
    pub(crate) decode: Decoder<T>,
    /// The model the request's values choose for what it answers, where a
    /// model is one of several that the request chooses between.
    pub(crate) choice: Option<&'static str>,
    pub(crate) request_id: Option<Uuid>,
    pub(crate) correlation_id: Option<Uuid>,
    /// This call's own timeout, retry policy and extra headers.
    pub(crate) options: CallOptions,
    _error: PhantomData<fn() -> E>,
}

impl<T, E> Call<T, E>
where
    T: Send + 'static,
    E: OperationError,
{
    /// A call of `request` on a clone of `client`.
    pub(crate) fn new(client: &Client, request: Request, decode: Decoder<T>) -> Self {
        Call {
            client: client.clone(),
            request,
            decode,
            choice: None,
            request_id: None,
            correlation_id: None,
            options: CallOptions::default(),
            _error: PhantomData,
        }
    }

    /// Decodes the answer as the model `choice` of a model chosen by the
    /// request (the operation's method works it out from its arguments).
    pub(crate) fn choosing(mut self, choice: Option<&'static str>) -> Self {
        self.choice = choice;
        self
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

    /// Sends the request, retrying as the call's [`crate::RetryPolicy`]
    /// says (the client's, unless [`Call::retry`] set another), and decodes
    /// the response.
    pub async fn send(self) -> Result<Response<T>, E> {
        self.run().await.map_err(E::from_error)
    }

    pub(crate) async fn run(self) -> Result<Response<T>, Error> {
        let request_id = self.request_id.unwrap_or_else(Uuid::new_v4);
        let correlation_id = self.correlation_id.unwrap_or_else(Uuid::new_v4);
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument as _;
            // The path as the spec writes it: the ids and the query a
            // partner may hold secret never reach a trace.
            let span = tracing::info_span!(
                "partner_center.call",
                operation = self.request.operation,
                method = self.request.method.as_str(),
                path = self.request.template,
                request_id = %request_id,
                correlation_id = %correlation_id,
                status = tracing::field::Empty,
                attempts = tracing::field::Empty,
            );
            let result = self
                .attempts(request_id, correlation_id)
                .instrument(span.clone())
                .await;
            let (status, call) = match &result {
                Ok(response) => (Some(response.meta().status()), Some(response.call())),
                Err(error) => (error.status(), error.call()),
            };
            if let Some(status) = status {
                span.record("status", status);
            }
            span.record("attempts", call.map_or(0, CallInfo::attempts));
            result
        }
        #[cfg(not(feature = "tracing"))]
        self.attempts(request_id, correlation_id).await
    }

    async fn attempts(
        mut self,
        request_id: Uuid,
        correlation_id: Uuid,
    ) -> Result<Response<T>, Error> {
        if let Some(error) = self.request.problem() {
            return Err(error);
        }
        self.options.check(&self.request)?;
        let inner = &self.client.inner;
        let retry = self.options.retry.unwrap_or(inner.retry);
        let call_timeout = self.options.timeout.unwrap_or(inner.call_timeout);
        let url = self
            .request
            .url(&inner.base_url)
            .map_err(|message| Error::InvalidInput {
                message,
                source: None,
            })?;
        // A timeout too long to add to the clock is no deadline at all.
        let deadline = Instant::now().checked_add(call_timeout);
        let mut call = CallInfo {
            request_id,
            correlation_id,
            attempts: 0,
        };
        let scope = Scope::of(&url);
        loop {
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left.is_some_and(|l| l.is_zero()) {
                return Err(Error::Timeout { meta: None, call });
            }
            // Another call of this scope was throttled: wait with it. Then
            // the client's own limit: wait for room in the scope's window.
            let blocked = match inner.holds.held_until(&scope) {
                Some(until) => Some((until, Wait::ScopeHeld)),
                None => inner
                    .limiter
                    .as_ref()
                    .and_then(|limiter| limiter.admit(&scope).err())
                    .map(|until| (until, Wait::RateLimit)),
            };
            if let Some((until, why)) = blocked {
                // A wait past the deadline ends the call now, not at it.
                if deadline.is_some_and(|d| until >= d) {
                    let wait = until.saturating_duration_since(Instant::now());
                    give_up(wait, why, call.attempts);
                    return Err(Error::Timeout { meta: None, call });
                }
                let pause = until.saturating_duration_since(Instant::now());
                wait(until, pause, why, call.attempts).await;
                continue;
            }
            let timeout = left.map_or(inner.attempt_timeout, |l| l.min(inner.attempt_timeout));
            let attempt = crate::attempt::Attempt {
                client: &self.client,
                request: &self.request,
                extra: &self.options.headers,
                url: &url,
                call: &mut call,
                timeout,
            };
            let settled = attempt
                .run()
                .await
                .and_then(|a| a.settle(self.decode, self.choice));
            let (error, retry_after) = match settled {
                Ok(response) => return Ok(response),
                Err(Failure::Final(error)) => return Err(error),
                Err(Failure::Retry(error, retry_after)) => (error, retry_after),
            };
            if let (Error::Throttled { .. }, Some(wait)) = (&error, retry_after) {
                inner.holds.hold(&scope, wait);
            }
            if call.attempts >= retry.attempts() || !retry.retries(&error) {
                return Err(error);
            }
            let (pause, why) = match retry_after {
                Some(pause) => (pause, Wait::RetryAfter),
                None => (retry.backoff(call.attempts + 1), Wait::Backoff),
            };
            // A wait that cannot be added to the clock is past any deadline.
            match Instant::now().checked_add(pause) {
                Some(until) if deadline.is_none_or(|d| until < d) => {
                    wait(until, pause, why, call.attempts).await;
                }
                _ => {
                    give_up(pause, why, call.attempts);
                    return Err(error);
                }
            }
        }
    }
}

/// Why a call waits before its next attempt, as its events say (the
/// `reason` field, one word that a filter can match).
#[derive(Debug, Clone, Copy)]
enum Wait {
    /// The retry policy's backoff after a failed attempt.
    Backoff,
    /// The `Retry-After` the service answered.
    RetryAfter,
    /// A 429 that another call of the same scope had holds this one back.
    ScopeHeld,
    /// The client's rate limit has no room in the scope's window yet.
    RateLimit,
}

impl Wait {
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    fn reason(self) -> &'static str {
        match self {
            Wait::Backoff => "backoff",
            Wait::RetryAfter => "retry_after",
            Wait::ScopeHeld => "scope_held",
            Wait::RateLimit => "rate_limit",
        }
    }
}

/// Waits until `until` (`pause` from now), saying why: `retrying` after a
/// failed attempt, `held back` before one.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
async fn wait(until: Instant, pause: Duration, why: Wait, attempt: u32) {
    let wait_ms = u64::try_from(pause.as_millis()).unwrap_or(u64::MAX);
    let reason = why.reason();
    match why {
        Wait::Backoff | Wait::RetryAfter => {
            event!(attempt, wait_ms, reason, "retrying");
        }
        Wait::ScopeHeld => {
            event!(
                attempt,
                wait_ms,
                reason,
                "held back: the service throttled this scope"
            );
        }
        Wait::RateLimit => {
            event!(
                attempt,
                wait_ms,
                reason,
                "held back: the client's rate limit has no room in this scope yet"
            );
        }
    }
    tokio::time::sleep_until(until).await;
}

/// Says that the call ends rather than wait `wait`, past its deadline.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
fn give_up(wait: Duration, why: Wait, attempt: u32) {
    let wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    event!(
        attempt,
        wait_ms,
        reason = why.reason(),
        "giving up: the wait would pass the deadline"
    );
}

impl<T, E> IntoFuture for Call<T, E>
where
    T: Send + 'static,
    E: OperationError,
{
    type Output = Result<Response<T>, E>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

impl<T, E> fmt::Debug for Call<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut call = f.debug_struct("Call");
        call.field("request", &self.request)
            .field("request_id", &self.request_id)
            .field("correlation_id", &self.correlation_id);
        // Only what was set: a call without options shows as it always did.
        if !self.options.is_empty() {
            call.field("options", &self.options);
        }
        call.finish_non_exhaustive()
    }
}
