#![doc = include_str!("crate.md")]
#![warn(missing_docs)]
// An error is made at most once per network round trip, and it carries the
// response's headers so that nothing the service said is lost: its size is
// not worth a box.
#![allow(clippy::result_large_err)]

mod accepted;
mod attempt;
#[cfg(feature = "azure-core")]
pub mod azure;
mod build_error;
mod builder;
mod call;
mod catalog;
mod client;
mod convert;
mod custom;
mod date;
mod datetime;
mod decimal;
mod decode;
mod download;
#[cfg(feature = "entra")]
pub mod entra;
mod error;
mod json;
mod json_value;
mod paging;
mod position;
mod protocol;
mod rate_limit;
mod request;
mod response;
mod retry;
#[cfg(feature = "test-server")]
pub mod test_server;
mod throttle;
mod tls;
mod token;
mod trace;

#[rustfmt::skip]
mod api;

pub use accepted::{Accepted, MAX_POLL_INTERVAL, POLL_INTERVAL};
pub use api::*;
pub use build_error::BuildError;
pub use builder::{
    ClientBuilder, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_DOWNLOAD_SIZE, DEFAULT_MAX_PAGES,
};
pub use call::Call;
pub use catalog::{DocumentedError, ErrorCodeInfo};
pub use client::Client;
pub use custom::{Method, RequestBuilder};
pub use date::{Date, DateError};
pub use datetime::{DateTime, DateTimeError};
pub use decimal::{Decimal, DecimalError};
pub use download::Download;
pub use error::{ApiError, CallInfo, Cause, Error, ErrorBody, ErrorCategory, OperationError};
pub use json_value::{Json, JsonError};
pub use paging::{Items, NextLink, Paged, Pages};
pub use position::ListingPosition;
pub use rate_limit::RateLimit;
pub use response::{Response, ResponseMeta};
pub use retry::RetryPolicy;
#[cfg(feature = "test-server")]
pub use test_server::{
    AllOperations, Answer, InputError, Inputs, Received, Replayed, Script, Scripted, Scripting,
    TestServer, TokenEndpoint, TokenExchange, TokenRefusal,
};
pub use token::{TokenError, TokenFuture, TokenProvider};

// The crate's README (its page on crates.io) is compiled with the doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

/// Re-exported so that users need not depend on `uuid` to pass an id.
#[doc(no_inline)]
pub use uuid::Uuid;
