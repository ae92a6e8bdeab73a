//! One attempt of a call: the headers every call sends, the response, and
//! what it means (a value, a failure, or a reason to try again).

use std::any::type_name;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderName, HeaderValue};
use url::Url;
use uuid::Uuid;

use crate::client::{Auth, Client, bearer};
use crate::decode::{Decoder, Payload, without_bom};
use crate::error::{CallInfo, Cause, Error, ErrorBody, excerpt};
use crate::request::Request;
use crate::response::{Response, ResponseMeta};
use crate::retry::{parse_retry_after, retryable_status};
use crate::trace::event;

/// Why an attempt gave no value: the call ends, or is worth another attempt
/// (after `Retry-After` if the service sent one).
pub(crate) enum Failure {
    Final(Error),
    Retry(Error, Option<Duration>),
}

/// A response that is not a throttled one, read whole: what it means is
/// for the operation to say ([`Answer::settle`]).
pub(crate) struct Answer {
    status: u16,
    meta: ResponseMeta,
    body: Bytes,
    /// A success's body that is a file, not yet read; how much of it may
    /// be read, and how long a piece of it may take.
    open: Option<reqwest::Response>,
    download_limit: u64,
    idle: Duration,
    retry_after: Option<Duration>,
    call: CallInfo,
}

pub(crate) struct Attempt<'a> {
    pub(crate) client: &'a Client,
    pub(crate) request: &'a Request,
    /// The call's extra headers ([`crate::Call::header`]), sent last.
    pub(crate) extra: &'a [(HeaderName, HeaderValue)],
    pub(crate) url: &'a Url,
    /// The call so far: its attempts count the ones sent, this one once it is.
    pub(crate) call: &'a mut CallInfo,
    pub(crate) timeout: Duration,
}

impl Attempt<'_> {
    /// Sends the request and reads the response, within the attempt's
    /// timeout (one timer for the whole exchange). The same for every
    /// operation: nothing here depends on what the operation decodes.
    pub(crate) async fn run(self) -> Result<Answer, Failure> {
        let inner = &self.client.inner;
        let started = tokio::time::Instant::now();
        let authorization = match &inner.auth {
            Auth::Static(value) => value.clone(),
            // The provider is asked within the attempt's time, so that one
            // that never answers cannot hold the call past its deadline.
            Auth::Provider(provider) => {
                let call = *self.call;
                match tokio::time::timeout(self.timeout, provider.token()).await {
                    Ok(Ok(token)) => match bearer(&token) {
                        Some(value) => value,
                        None => {
                            let source = "the token is empty or not a valid header value".into();
                            return Err(Failure::Final(Error::Token { source, call }));
                        }
                    },
                    Ok(Err(source)) => return Err(Failure::Final(Error::Token { source, call })),
                    Err(_) => return Err(Failure::Final(Error::Timeout { meta: None, call })),
                }
            }
        };
        let timeout = self.timeout.saturating_sub(started.elapsed());
        let request = self.request;
        let names = &inner.names;
        let mut builder = inner.http.request(request.method.clone(), self.url.clone());
        for (name, value) in &names.defaults {
            builder = builder.header(name, value);
        }
        let settings = [
            (&names.authorization, Some(authorization)),
            (&names.request_id, Some(uuid_header(self.call.request_id))),
            (
                &names.correlation_id,
                Some(uuid_header(self.call.correlation_id)),
            ),
            (&names.application, inner.application.clone()),
            (&names.locale, inner.locale.clone()),
        ];
        for (name, value) in settings {
            if let (Some(name), Some(value)) = (name, value) {
                builder = builder.header(name, value);
            }
        }
        for (name, value) in request.headers.iter().chain(self.extra) {
            builder = builder.header(name.clone(), value.clone());
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(
                    http::header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )
                .body(body.clone());
        }

        self.call.attempts += 1;
        let call = *self.call;
        let protocol = inner.protocol;
        // The response's head, once it is read: a timeout while reading the
        // body still reports the status and headers.
        let mut head: Option<ResponseMeta> = None;
        let exchange = async {
            let mut response = builder.send().await?;
            let status = response.status().as_u16();
            event!(attempt = call.attempts, status, "response");
            let retry_after = names
                .retry_after
                .as_ref()
                .and_then(|name| response.headers().get(name))
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after);
            let headers = std::mem::take(response.headers_mut());
            head = Some(ResponseMeta::new(status, headers, protocol));
            // A file is read as it arrives, by the caller, after the attempt.
            if request.streamed && (200..300).contains(&status) {
                return Ok((status, retry_after, Some(Bytes::new()), Some(response)));
            }
            let body = read_body(&mut response, inner.max_body_size).await?;
            Ok::<_, reqwest::Error>((status, retry_after, body, None))
        };
        let (status, retry_after, body, open) = match tokio::time::timeout(timeout, exchange).await
        {
            Ok(Ok(read)) => read,
            Ok(Err(e)) => return Err(transport(e, head, call)),
            Err(_) => return Err(Failure::Retry(Error::Timeout { meta: head, call }, None)),
        };
        let Some(meta) = head else {
            // The exchange only ends well once it has the head.
            return Err(Failure::Retry(Error::Timeout { meta: None, call }, None));
        };
        let Some(body) = body else {
            let limit = inner.max_body_size;
            return Err(Failure::Final(Error::BodyTooLarge { meta, limit, call }));
        };
        if let Some(throttled) = protocol.throttled.as_ref().filter(|t| t.status == status) {
            let message = throttled.message.and_then(|field| {
                let body = serde_json::from_slice::<serde_json::Value>(without_bom(&body)).ok()?;
                body.get(field)?.as_str().map(str::to_string)
            });
            let error = Error::Throttled {
                retry_after,
                message,
                meta,
                call,
            };
            return Err(Failure::Retry(error, retry_after));
        }
        if request.not_ready == Some(status) {
            let error = Error::NotReady {
                retry_after,
                meta,
                call,
            };
            return Err(Failure::Retry(error, retry_after));
        }
        Ok(Answer {
            status,
            meta,
            body,
            open,
            download_limit: inner.max_download_size,
            idle: inner.attempt_timeout,
            retry_after,
            call,
        })
    }
}

impl Answer {
    /// The operation's value of this response, or why there is none.
    pub(crate) fn settle<T>(
        mut self,
        decode: Decoder<T>,
        choice: Option<&'static str>,
    ) -> Result<Response<T>, Failure> {
        let download = self.open.take().map(|response| {
            let meta = self.meta.clone();
            crate::Download::new(response, meta, self.call, self.download_limit, self.idle)
        });
        let payload = Payload {
            bytes: &self.body,
            content_type: self.meta.content_type(),
            location: self.meta.header(http::header::LOCATION.as_str()),
            choice,
            download: std::cell::Cell::new(download),
        };
        match decode(self.status, &payload) {
            Some(Ok(value)) => Ok(Response::new(value, self.meta, self.call)),
            Some(Err(cause)) => Err(Failure::Final(self.undecodable(cause, type_name::<T>()))),
            None => Err(self.unanswered(type_name::<T>())),
        }
    }

    /// A response of a status the operation does not answer with: a
    /// redirect, an error (retried for a retryable status), or a success
    /// the documents do not give.
    fn unanswered(self, expected: &'static str) -> Failure {
        let status = self.status;
        if (200..300).contains(&status) {
            let cause = Cause::new(format!(
                "status {status} is not an answer the documents give"
            ));
            return Failure::Final(self.undecodable(cause, expected));
        }
        if (300..400).contains(&status) {
            // The documents never redirect, and the client does not follow:
            // the token and ids go to the API's own origin only.
            let location = self
                .meta
                .header(http::header::LOCATION.as_str())
                .map(str::to_string);
            return Failure::Final(Error::Redirected {
                location,
                meta: self.meta,
                call: self.call,
            });
        }
        let (meta, call) = (self.meta, self.call);
        let error = match serde_json::from_slice::<ErrorBody>(without_bom(&self.body)) {
            Ok(error) => Error::api(error, meta, call),
            Err(_) => Error::UnexpectedBody {
                meta,
                excerpt: excerpt(&self.body),
                call,
            },
        };
        if retryable_status(status) {
            Failure::Retry(error, self.retry_after)
        } else {
            Failure::Final(error)
        }
    }

    fn undecodable(self, source: Cause, expected: &'static str) -> Error {
        let field = source
            .0
            .downcast_ref::<serde_json::Error>()
            .and_then(|e| crate::error::failed_field(without_bom(&self.body), e));
        Error::Decode {
            field,
            excerpt: excerpt(&self.body),
            meta: self.meta,
            expected,
            source,
            call: self.call,
        }
    }
}

fn uuid_header(id: Uuid) -> HeaderValue {
    let mut buf = Uuid::encode_buffer();
    HeaderValue::from_str(id.hyphenated().encode_lower(&mut buf))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A failure without a complete response: worth another attempt, unless the
/// service's answer was not HTTP the client can read (a head over the size
/// limit, a malformed status line): that answer would not change.
fn transport(e: reqwest::Error, meta: Option<ResponseMeta>, call: CallInfo) -> Failure {
    if e.is_builder() {
        return Failure::Final(Error::InvalidInput {
            message: "the request cannot be built".into(),
            source: Some(Cause::new(e)),
        });
    }
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(c) = cause {
        if c.downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
        {
            let source = Cause::new(e);
            return Failure::Final(Error::InvalidResponse { source, meta, call });
        }
        cause = c.source();
    }
    let error = if e.is_timeout() {
        Error::Timeout { meta, call }
    } else if e.is_connect() {
        Error::Connect {
            source: Cause::new(e),
            call,
        }
    } else {
        Error::ConnectionLost {
            source: Cause::new(e),
            meta,
            call,
        }
    };
    Failure::Retry(error, None)
}

/// The body, or `None` as soon as it is known to be over `limit` bytes. A
/// body that comes in one piece is kept as it came, without a copy.
async fn read_body(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Option<Bytes>, reqwest::Error> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let mut first = Bytes::new();
    let mut joined: Option<Vec<u8>> = None;
    while let Some(chunk) = response.chunk().await? {
        let len = joined.as_ref().map_or(first.len(), Vec::len) + chunk.len();
        if len > limit {
            return Ok(None);
        }
        match &mut joined {
            Some(all) => all.extend_from_slice(&chunk),
            None if first.is_empty() => first = chunk,
            None => {
                let mut all = Vec::with_capacity(len);
                all.extend_from_slice(&first);
                all.extend_from_slice(&chunk);
                joined = Some(all);
            }
        }
    }
    Ok(Some(joined.map_or(first, Bytes::from)))
}
