//! One attempt of a call: the headers every call sends, the response, and
//! what it means (a value, a failure, or a reason to try again).

use std::time::Duration;

use http::HeaderValue;
use url::Url;
use uuid::Uuid;

use crate::call::{Decoder, Payload, event, without_bom};
use crate::client::{Auth, Client, bearer};
use crate::error::{CallInfo, Cause, Error, ErrorBody, excerpt};
use crate::request::Request;
use crate::response::{Response, ResponseMeta};
use crate::retry::{parse_retry_after, retryable_status};

/// What one attempt gave.
pub(crate) enum Outcome<T> {
    Final(Result<Response<T>, Error>),
    /// Worth another attempt, after `Retry-After` if the service sent one.
    Retry(Error, Option<Duration>),
}

pub(crate) struct Attempt<'a> {
    pub(crate) client: &'a Client,
    pub(crate) request: &'a Request,
    pub(crate) url: &'a Url,
    /// The call so far: its attempts count the ones sent, this one once it is.
    pub(crate) call: &'a mut CallInfo,
    pub(crate) timeout: Duration,
}

impl Attempt<'_> {
    pub(crate) async fn run<T>(self, decode: Decoder<T>) -> Outcome<T> {
        let inner = &self.client.inner;
        let started = tokio::time::Instant::now();
        let authorization = match &inner.auth {
            Auth::Static(value) => value.clone(),
            // The provider is asked within the attempt's time, so that one
            // that never answers cannot hold the call past its deadline.
            Auth::Provider(provider) => {
                match tokio::time::timeout(self.timeout, provider.token()).await {
                    Ok(Ok(token)) => match bearer(&token) {
                        Some(value) => value,
                        None => {
                            let source = "the token is empty or not a valid header value".into();
                            let call = *self.call;
                            return Outcome::Final(Err(Error::Token { source, call }));
                        }
                    },
                    Ok(Err(source)) => {
                        let call = *self.call;
                        return Outcome::Final(Err(Error::Token { source, call }));
                    }
                    Err(_) => {
                        let call = *self.call;
                        return Outcome::Final(Err(Error::Timeout { meta: None, call }));
                    }
                }
            }
        };
        let timeout = self.timeout.saturating_sub(started.elapsed());
        let request = self.request;
        let names = &inner.names;
        let mut builder = inner
            .http
            .request(request.method.clone(), self.url.clone())
            .timeout(timeout);
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
        for (name, value) in &request.headers {
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
        let mut response = match builder.send().await {
            Ok(response) => response,
            Err(e) => return transport(e, None, call),
        };
        let status = response.status().as_u16();
        event!(attempt = call.attempts, status, "response");
        let retry_after = names
            .retry_after
            .as_ref()
            .and_then(|name| response.headers().get(name))
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let protocol = inner.protocol;
        let meta = ResponseMeta::new(status, std::mem::take(response.headers_mut()), protocol);
        let body = match read_body(&mut response, inner.max_body_size).await {
            Ok(Some(body)) => body,
            Ok(None) => {
                let limit = inner.max_body_size;
                return Outcome::Final(Err(Error::BodyTooLarge { meta, limit, call }));
            }
            Err(e) => return transport(e, Some(meta), call),
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
            return Outcome::Retry(error, retry_after);
        }
        let payload = Payload {
            bytes: &body,
            content_type: meta.content_type(),
        };
        let decoded = decode(status, &payload);
        let success = (200..300).contains(&status);
        if decoded.is_none() && (300..400).contains(&status) {
            // The documents never redirect, and the client does not follow:
            // the token and ids go to the API's own origin only.
            let location = meta
                .header(http::header::LOCATION.as_str())
                .map(str::to_string);
            return Outcome::Final(Err(Error::Redirected {
                location,
                meta,
                call,
            }));
        }
        match decoded {
            Some(Ok(value)) => Outcome::Final(Ok(Response::new(value, meta))),
            Some(Err(cause)) => Outcome::Final(Err(undecodable::<T>(meta, cause, &body, call))),
            None if success => {
                let cause = Cause::new(format!(
                    "status {status} is not an answer the documents give"
                ));
                Outcome::Final(Err(undecodable::<T>(meta, cause, &body, call)))
            }
            None => {
                let error = match serde_json::from_slice::<ErrorBody>(without_bom(&body)) {
                    Ok(error) => Error::api(error, meta, call),
                    Err(_) => Error::UnexpectedBody {
                        meta,
                        excerpt: excerpt(&body),
                        call,
                    },
                };
                if retryable_status(status) {
                    Outcome::Retry(error, retry_after)
                } else {
                    Outcome::Final(Err(error))
                }
            }
        }
    }
}

fn undecodable<T>(meta: ResponseMeta, source: Cause, body: &[u8], call: CallInfo) -> Error {
    Error::Decode {
        meta,
        expected: std::any::type_name::<T>(),
        source,
        excerpt: excerpt(body),
        call,
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
fn transport<T>(e: reqwest::Error, meta: Option<ResponseMeta>, call: CallInfo) -> Outcome<T> {
    if e.is_builder() {
        return Outcome::Final(Err(Error::InvalidInput {
            message: "the request cannot be built".into(),
            source: Some(Cause::new(e)),
        }));
    }
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(c) = cause {
        if c.downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
        {
            let source = Cause::new(e);
            return Outcome::Final(Err(Error::InvalidResponse { source, meta, call }));
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
