//! A typed async client for the Microsoft Partner Center REST API.
//!
//! The API modules (`headers`, `clouds`, one per endpoint) are generated from
//! the project's spec by `cargo codegen`; the client runtime beside them is
//! written by hand.
//!
//! ```no_run
//! use partner_center::{AgreementStatusError, Client, Cloud, Program, Reseller};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(Cloud::Global)
//!     .token("eyJ0eXAi...")
//!     .application("contoso-billing")
//!     .build()?;
//!
//! match client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await {
//!     Ok(status) => println!("signed: {}", status.is_agreement_signed),
//!     Err(AgreementStatusError::MpaNotSigned(e)) => {
//!         println!("not signed yet: {}", e.body().description)
//!     }
//!     Err(e) => return Err(e.into()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Retries, timeouts, limits
//!
//! | setting | default | builder |
//! |---|---|---|
//! | attempts per call | 4 ([`RetryPolicy::DEFAULT_MAX_ATTEMPTS`]) | [`ClientBuilder::retry`] |
//! | backoff | 500 ms doubling to 30 s, with jitter | [`RetryPolicy`] |
//! | connect timeout | 10 s ([`DEFAULT_CONNECT_TIMEOUT`]) | [`ClientBuilder::connect_timeout`] |
//! | attempt timeout | 30 s ([`DEFAULT_ATTEMPT_TIMEOUT`]) | [`ClientBuilder::attempt_timeout`] |
//! | whole call | 120 s ([`DEFAULT_CALL_TIMEOUT`]) | [`ClientBuilder::call_timeout`] |
//! | response body | 4 MiB ([`DEFAULT_MAX_BODY_SIZE`]) | [`ClientBuilder::max_body_size`] |
//!
//! Timeouts, connection failures and the statuses 408, 429, 500, 502, 503 and
//! 504 are retried; no other 4xx ever is. A 429 waits its `Retry-After`
//! (seconds or an HTTP-date), other retries back off exponentially with
//! jitter, and no wait goes past the call's deadline: the call gives up
//! instead. Every attempt of a call sends the same `MS-RequestId` and
//! `MS-CorrelationId`, as the documents ask, and the next call gets new ones.
//! A token provider ([`ClientBuilder::token_provider`]) is asked before every
//! attempt. Base URLs must be https; plain http is allowed only for a loopback
//! address, and only with [`ClientBuilder::allow_http_on_loopback`].
//!
//! Failures are told apart by [`Error`]: not sent, token, connect, timeout,
//! connection lost, throttled, a documented API error, an undocumented body,
//! a body over the limit, an undecodable success. Every failure after sending
//! carries the ids and the number of attempts ([`Error::call`]), and every
//! failure after a response its status and ids ([`Error::meta`]). The token
//! never appears in `Debug`, `Display` or an error.
//!
//! With the `tracing` feature, each call is a `partner_center.call` span
//! (operation, request id, correlation id), with an event per attempt
//! (attempt, status) and per wait.
//!
//! Every call sends `Accept`, `Authorization`, `MS-Contract-Version`, a fresh
//! `MS-RequestId` and `MS-CorrelationId` (or the caller's, see [`Call`]), and
//! `MS-PartnerCenter-Application` and `X-Locale` when the builder sets them.
//! Every response, success ([`Response`]) or error ([`Error::meta`]), exposes
//! the status and the `MS-RequestId`, `MS-CorrelationId`, `MS-CV` and
//! `MS-ServerId` the service returned.

#![warn(missing_docs)]
// An error is made at most once per network round trip, and it carries the
// response's headers so that nothing the service said is lost: its size is
// not worth a box.
#![allow(clippy::result_large_err)]

mod attempt;
mod call;
mod catalog;
mod client;
mod datetime;
mod decimal;
mod error;
mod paging;
mod protocol;
mod request;
mod response;
mod retry;
mod token;

#[rustfmt::skip]
mod api;

pub use api::*;
pub use call::Call;
pub use catalog::{DocumentedError, ErrorCodeInfo};
pub use client::{
    BuildError, Client, ClientBuilder, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE,
};
pub use datetime::{DateTime, DateTimeError};
pub use decimal::{Decimal, DecimalError};
pub use error::{ApiError, CallInfo, Error, ErrorBody, OperationError, TransportError};
pub use paging::{Items, NextLink, Paged, Pages};
pub use response::{Response, ResponseMeta};
pub use retry::RetryPolicy;
pub use token::{TokenError, TokenFuture, TokenProvider};

/// Re-exported so that users need not depend on `uuid` to pass an id.
#[doc(no_inline)]
pub use uuid::Uuid;
