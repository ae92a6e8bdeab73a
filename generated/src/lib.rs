//! A typed async client for the Microsoft Partner Center REST API.
//!
//! # Layout
//!
//! The modules of the API are generated from the project's spec by `cargo
//! codegen`, by concern, and each concern by the API's areas (`customers`,
//! `users`, `licenses`, ...: one per file of the spec):
//!
//! - [`operations`]`::<area>`: each operation's error type, the types of its
//!   inputs and outcomes, and its method on [`Client`] (one method per
//!   operation: [`Client`]'s page lists them all);
//! - [`models`]`::<area>`: the resource models, every documented property
//!   typed;
//! - the reference tables: [`headers`], [`clouds`], [`error_codes`].
//!
//! Every type users name is also re-exported at the crate's root
//! (`partner_center::Customer` is `partner_center::models::customers::Customer`).
//! The client runtime beside them (calls, retries, errors, paging) is
//! written by hand. What the test server knows of each operation is
//! generated apart, compiled only with the `test-server` feature (see
//! [Testing](#testing)).
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
//!     // A documented failure is a variant of the operation's error type.
//!     Err(AgreementStatusError::MpaNotSigned(e)) => {
//!         println!("not signed yet: {}", e.body().description)
//!     }
//!     Err(e) => return Err(e.into()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Operations
//!
//! One method per operation of the documents, named in their words.
//! Required inputs are arguments (a GUID where the documents require one,
//! an enum where they name the values, exactly one of two identifiers as one
//! enum); optional inputs are set on the returned [`Call`] before awaiting
//! it. A request body is serialized once, when the method is called, and
//! every attempt sends the same bytes.
//!
//! A listing's call gives its first page when awaited; [`Call::pages`] and
//! [`Call::items`] follow the `links.next` of each page (its URI, and the
//! continuation token the spec names among its headers; the listing's own
//! method, whatever the link says), each page its own call with its own
//! retries and deadline, all sharing one `MS-CorrelationId`. A link to
//! another origin or with a user name, one that asks again for a page the
//! listing has read, or one past [`ClientBuilder::max_pages`] ends the
//! listing with [`Error::InvalidNextLink`] after that page.
//!
//! ```no_run
//! # use partner_center::{Client, Error};
//! # async fn run(client: &Client) -> Result<(), Error> {
//! use std::pin::pin;
//!
//! let mut customers = pin!(client.list_customers(100).items());
//! while let Some(customer) = customers.next().await {
//!     println!("{}", customer?.id);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! [`Pages`] and [`Items`] are [`futures_core::Stream`]s that own a clone of
//! the client (as every [`Call`] does): a function can return one, it can
//! be built on a client that is dropped before it is read, and `futures`'
//! combinators (`try_collect`, `buffer_unordered`, ...) take it as it is.
//! A listing is pinned (`pin!`, or `Box::pin`) before `next` is called on
//! it: that keeps the loop reading one listing, where a listing built in
//! the `while let` condition itself would start again every time round
//! and never end (it does not compile; [`Pages`] says more).
//!
//! ```no_run
//! # use partner_center::{Client, Customer, Error};
//! use futures_util::{Stream, TryStreamExt};
//!
//! // A listing returned from a function, collected whole.
//! fn customers(client: &Client) -> impl Stream<Item = Result<Customer, Error>> + use<> {
//!     client.list_customers(100).items().map_err(Error::from)
//! }
//!
//! # async fn run(client: &Client) -> Result<(), Error> {
//! let all: Vec<Customer> = customers(client).try_collect().await?;
//! # Ok(())
//! # }
//! ```
//!
//! A listing says where it is ([`Pages::position`], [`Items::position`]) as a
//! [`ListingPosition`]: plain serde data (the next page's link and
//! continuation token, the items of it already given, the listing's
//! correlation id; no token) to store between runs. [`Call::pages_from`] and
//! [`Call::items_from`] take the listing up from it, later, with a new
//! client; the stored link is checked as a next link is, so a position on
//! another host is refused before anything is sent.
//!
//! ```no_run
//! # use partner_center::{Client, Error, ListingPosition};
//! # async fn run(client: &Client, stored: Option<ListingPosition>) -> Result<(), Error> {
//! let call = client.list_customers(100);
//! let mut customers = std::pin::pin!(match &stored {
//!     Some(position) => call.items_from(position),
//!     None => call.items(),
//! });
//! while let Some(customer) = customers.next().await {
//!     println!("{}", customer?.id);
//!     // Save `customers.position()` (e.g. as JSON) to take up from here.
//! }
//! # Ok(())
//! # }
//! ```
//!
//! An update that the documents guard with an ETag sends `If-Match` from the
//! resource as it was read; a stale one is a typed failure:
//!
//! ```no_run
//! # use partner_center::{Client, Error, UpdateCustomerBillingProfileError, Uuid};
//! # async fn run(client: &Client, customer: Uuid) -> Result<(), Error> {
//! let mut profile = client.get_customer_billing_profile(customer).await?.into_inner();
//! profile.email = "billing@contoso.example".into();
//! match client.update_customer_billing_profile(customer, &profile).await {
//!     Ok(updated) => println!("now {}", updated.email),
//!     Err(UpdateCustomerBillingProfileError::PreconditionFailed(_)) => println!("changed meanwhile"),
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Models keep every documented property, `Option` where an example shows it
//! missing; unknown JSON fields are ignored, enum values the documents do not
//! list are kept as `Other(text)`, dates are read with or without a time zone
//! ([`DateTime`]), and amounts are exact decimals ([`Decimal`]), never floats.
//!
//! # Requests the spec does not describe
//!
//! An operation the crate lacks, or a parameter the spec has not caught up
//! with, goes through the same client: [`Client::request`] (a [`Method`], a
//! path on the base URL; query, headers, a JSON body) ends in a [`Call`]
//! with the client's token, ids, retries, holds, rate limit, body limit and
//! [`Error`], typed or as [`Json`]; a [`ResourceCollection`] follows its next
//! links. A URL of another origin is refused before anything is sent.
//!
//! ```no_run
//! # use partner_center::{Client, Customer, Error, Method, ResourceCollection};
//! # async fn run(client: &Client) -> Result<(), Error> {
//! let customer = client
//!     .request(Method::Get, "/v1/customers/0c39d6d5-c70d-4c55-bc02-f620844f3fd1")
//!     .query("expand", "profiles")
//!     .json::<Customer>()
//!     .await?;
//! let mut customers = std::pin::pin!(client
//!     .request(Method::Get, "/v1/customers")
//!     .query("size", 100)
//!     .json::<ResourceCollection<Customer>>()
//!     .items());
//! while let Some(customer) = customers.next().await {
//!     println!("{}", customer?.id);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Ids and models
//!
//! An id the documents type as a GUID, or that a later call takes as one (a
//! customer's, a user's, a role's, a cart's, a subscription's), is a
//! [`Uuid`] in the models as in the arguments: one call's answer is the next
//! call's argument as it is. An id whose documented examples are not GUIDs
//! (an order's, an offer's, a product's) stays text. An argument has one name per
//! concept in every operation: `customer_tenant_id` (whether the path
//! template says `{customer-id}` or `{customer-tenant-id}`),
//! `subscription_id`, `order_id`.
//!
//! ```no_run
//! # use partner_center::{Client, Error};
//! # async fn run(client: &Client) -> Result<(), Error> {
//! let customers = client.list_customers(10).await?.into_inner();
//! for listed in &customers.items {
//!     let customer = client.get_customer(listed.id).await?;
//!     let subscriptions = client.list_subscriptions(customer.id).await?;
//!     println!("{}: {}", customer.company_profile.domain, subscriptions.items.len());
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Models are `#[non_exhaustive]`: they are built with `new`, which takes
//! the required properties and fills the metadata `attributes` with the
//! model's object type (`{"objectType": "CustomerUser"}`), and (for a model
//! a request sends, or one inside it) a `with_` setter per property; every
//! field is public to read and change.
//!
//! ```no_run
//! # use partner_center::{Client, CustomerUser, Error, PasswordProfile, Uuid};
//! # async fn run(client: &Client, customer: Uuid) -> Result<(), Error> {
//! let user = CustomerUser::new()
//!     .with_user_principal_name("ada@contoso.onmicrosoft.com")
//!     .with_display_name("Ada Lovelace")
//!     .with_usage_location("US")
//!     .with_password_profile(PasswordProfile::new("Pa55word!", true));
//! let created = client.create_customer_user(customer, &user).await?;
//! println!("{:?}", created.id); // a Uuid
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
//! | a downloaded file | 1 GiB ([`DEFAULT_MAX_DOWNLOAD_SIZE`]) | [`ClientBuilder::max_download_size`] |
//! | pages of one listing | 10,000 ([`DEFAULT_MAX_PAGES`]) | [`ClientBuilder::max_pages`] |
//! | requests per scope | no limit | [`ClientBuilder::rate_limit`] |
//!
//! Timeouts, connection failures and the statuses 408, 429, 500, 502, 503 and
//! 504 are retried; no other 4xx ever is. A retried response that says how
//! long to wait (`Retry-After`, in seconds or as an HTTP-date: the documents
//! give it on 429, and HTTP allows it on 503) is waited for; other retries
//! back off exponentially with jitter, and no wait goes past the call's
//! deadline: the call gives up instead. A 429 with `Retry-After` holds back
//! every call of the client (and its clones) in the same scope until it
//! ends, instead of each finding the limit alone: the scope is the customer
//! of a path under `/customers/{id}`, else the partner, as Partner Center
//! counts its limits (api-throttling-guidance.md). A hold lasts at most
//! five minutes, whatever `Retry-After` says; a call whose deadline falls
//! inside it ends at once with [`Error::Timeout`]. Every attempt of a call sends the
//! same `MS-RequestId` and `MS-CorrelationId`, as the documents ask, and the
//! next call gets new ones. A token provider
//! ([`ClientBuilder::token_provider`]) is asked before every attempt. Base
//! URLs must be https; plain http is allowed only for a loopback address,
//! and only with [`ClientBuilder::allow_http_on_loopback`].
//!
//! # One call's own options
//!
//! A [`Call`] may set, for itself alone, what the builder sets for every
//! call: [`Call::timeout`] (the whole call, instead of the client's call
//! timeout), [`Call::retry`] (a [`RetryPolicy`] instead of the client's:
//! [`RetryPolicy::none`], `client.retry_policy().max_attempts(2)`, or
//! [`RetryPolicy::only_unprocessed`]) and [`Call::header`] (an extra
//! header). On a listing they hold for every page. By default every
//! operation is resent after a retryable failure, a POST included, with the
//! same `MS-RequestId` (the service's way to recognise a repeat, as
//! headers.md says); a POST that must not be sent twice after a lost
//! connection turns that off for itself. An extra header that is not valid
//! HTTP, or that the client, the connection or the operation's own setter
//! sets (`Authorization`, the ids, `Host`, `If-Match`, ...), is refused:
//! the call gives [`Error::InvalidInput`] and sends nothing.
//!
//! ```no_run
//! # use std::time::Duration;
//! # use partner_center::{Cart, Client, Error, RetryPolicy, Uuid};
//! # async fn run(client: &Client, customer: Uuid, cart: &Cart) -> Result<(), Error> {
//! let created = client
//!     .create_cart(customer, cart)
//!     .timeout(Duration::from_secs(20))
//!     .retry(RetryPolicy::none()) // sent once, whatever happens
//!     .header("X-Contoso-Batch", "2026-12-07")
//!     .await?;
//! # Ok(())
//! # }
//! ```
//!
//! # Rate limits
//!
//! A bulk sync (every subscription of 10,000 customers) is bounded by
//! Partner Center's limits, not by the CPU, and without a limit of its own a
//! client learns them from 429s. [`ClientBuilder::rate_limit`] keeps the
//! client (and its clones) under one: at most [`RateLimit::requests`] in any
//! span of [`RateLimit::per`], counted apart for each scope, as the service
//! counts (the customer of a path under `/customers/{id}`, else the
//! partner). Every attempt counts, retries included; a request with no room
//! waits for it, and a call whose deadline comes first ends at once with
//! [`Error::Timeout`]. Waiting calls are not served in order: each asks again
//! when room may have come. The limits the documents state are constants of
//! [`rate_limits`], one per resource:
//!
//! ```no_run
//! # use partner_center::{Client, Cloud};
//! # fn run() -> Result<(), partner_center::BuildError> {
//! let client = Client::builder(Cloud::Global)
//!     .token("eyJ0eXAi...")
//!     // 500 requests per minute per tenant (customer-resources.md).
//!     .rate_limit(partner_center::rate_limits::CUSTOMER)
//!     .build()?;
//! # Ok(())
//! # }
//! ```
//!
//! How it counts: each scope's window is cut into 64 slots, and a request
//! counts until its slot is a window and one slot old, so that two requests
//! the limit apart are always more than a window and a slot apart: a
//! service counting over the same window sees no more than the limit even
//! when requests take different times to reach it. A burst of the limit
//! follows the one before it after a window and two slots (a window plus
//! about 3%). A scope costs about 400 bytes whatever the limit, and the
//! scopes with nothing counted any more are forgotten whenever the client
//! meets a new scope with twice as many kept as the last time it forgot
//! some: it never holds more than twice the most scopes it called within
//! one window, and 64 (a sync of 10,000 customers a minute: some 10 MB at
//! most). A 429 still holds the scope back
//! as above, since the service may count the calls of the partner's other
//! programs too.
//!
//! # Failures
//!
//! Each operation has its own error type: a variant per failure its page
//! documents, and `Other` with the general [`Error`] (not sent, token,
//! connect, timeout, connection lost, throttled, an undocumented API error,
//! an unexpected body, a body over the limit, an undecodable success). Every
//! operation's error converts into [`Error`], so code calling several
//! operations can use `?` with one error type. Every failure after sending
//! carries the ids and the number of attempts ([`Error::call`]), and every
//! failure after a response its status and headers ([`Error::meta`]). The
//! token never appears in `Debug`, `Display` or an error.
//!
//! ```no_run
//! # use partner_center::{Client, Error, Uuid};
//! // Two operations, two error types, one `?`.
//! async fn users_of(client: &Client, customer: Uuid) -> Result<Vec<String>, Error> {
//!     let company = client.get_customer(customer).await?.company_profile.domain.clone();
//!     let users = client.list_customer_users(customer).await?.into_inner();
//!     Ok(users
//!         .items
//!         .into_iter()
//!         .filter_map(|u| u.user_principal_name)
//!         .map(|name| format!("{name} ({company})"))
//!         .collect())
//! }
//! ```
//!
//! `Display` says what went wrong once, never a secret: a success body that
//! does not decode names the field's path and serde's reason, the value it
//! quotes left out (``HTTP 200 body does not decode as ...Customer: field
//! `companyProfile.domain`: invalid type: integer, expected a string at
//! line 3 column 57``; the path is [`Error::Decode`]'s `field`), and a token
//! provider's failure names Entra ID's codes (`the token provider failed
//! (Entra ID invalid_grant, AADSTS70008)`), the provider's own words being
//! its `source()`.
//!
//! Whatever its variant, documented or not, a failure has an
//! [`ErrorCategory`] (`category()`), and `is_not_found()`,
//! `is_unauthorized()`, `is_throttled()` and `is_retryable()` answer the
//! usual questions:
//!
//! ```no_run
//! # use partner_center::{Client, Customer, Error, Uuid};
//! // A customer that may not exist.
//! async fn find(client: &Client, id: Uuid) -> Result<Option<Customer>, Error> {
//!     match client.get_customer(id).await {
//!         Ok(customer) => Ok(Some(customer.into_inner())),
//!         Err(e) if e.is_not_found() => Ok(None),
//!         Err(e) => Err(e.into()),
//!     }
//! }
//! ```
//!
//! # Testing
//!
//! With the `test-server` feature, `TestServer` is a local Partner Center
//! on 127.0.0.1, generated from the spec like the client: each operation
//! answers its page's success example out of the box, the rules the pages
//! state are enforced (a missing token is a 401, a broken rule gets the
//! failure its page documents), answers are scripted per operation
//! (`server.get_customer()`, named like the client's method) or for all,
//! each answer given once unless it says `.times(n)` or `.always()`
//! (`Script` states the rule), and every request is logged, the token as
//! present or absent only. The
//! `test_server` module documents it; the `partner-center-test-server`
//! program runs it on a port of your choice. It answers Entra ID's token
//! endpoint too (`TokenEndpoint`: tokens issued, rotated, expired and
//! refused as the test scripts), so that a test covers its auth path
//! against the same server. The feature adds the server
//! side of hyper to the build; without it, nothing of the server is built.
//!
//! With the `entra` feature, the `entra` module gives tokens from Microsoft
//! Entra ID: App+User from a partner user's refresh token (cached, renewed
//! before expiry, rotations handed to the caller to store) and app-only from
//! the application's secret.
//!
//! With the `azure-core` feature, the `azure` module's `AzureCredential`
//! turns any `azure_core` `TokenCredential` (azure_identity's managed
//! identity, workload identity, ...) into the client's token provider, for
//! the chosen cloud's Partner Center resource.
//!
//! With the `tracing` feature, each call is a `partner_center.call` span
//! with the fields to filter on: `operation` (the spec's name, such as
//! `GetCustomer`), `method`, `path` (the spec's template, such as
//! `/v1/customers/{customer-tenant-id}`: never the ids or the query, which
//! a partner may hold secret), `request_id`, `correlation_id`, and once the
//! call ends `status` (if a response came) and `attempts`. Each attempt's
//! response is an event (`attempt`, `status`), and so is each wait, with
//! `attempt`, `wait_ms` and its `reason`: `backoff` (the retry policy's) or
//! `retry_after` (the service's `Retry-After`) between two attempts (the
//! message `retrying`), `scope_held` (a 429 another call of the scope had)
//! or `rate_limit` (the client's own limit has no room yet) before one
//! (`held back: ...`). A call that gives up rather than wait past its
//! deadline says so (`giving up: ...`) with the same fields.
//!
//! # TLS, compression, dates and amounts
//!
//! TLS is rustls, never OpenSSL. The default feature `rustls-ring` gives it
//! ring as its crypto provider, which the client installs as the process's
//! rustls provider on `build()` unless the process has installed one
//! (install your own first to choose it); `rustls` instead gives it
//! aws-lc-rs (post-quantum key exchange; its C library makes a cold build
//! slower, BENCHMARKS.md has the figures). With neither, only plain http on
//! a loopback address builds. With the `gzip` feature the client sends
//! `Accept-Encoding: gzip` and reads compressed answers (large line-item
//! listings are JSON, which compresses well); the body size limit counts
//! the decoded bytes, so a small compressed body that decodes past it is
//! [`Error::BodyTooLarge`].
//!
//! [`DateTime`], [`Date`] and [`Decimal`] keep the service's text. They
//! serialize with any serde format: serde_json writes a [`Decimal`] as a
//! JSON number digit for digit, every other format (MessagePack, bincode,
//! YAML...) as a string, so a model cached there comes back exact. The
//! features `time`, `jiff`, `chrono` and `rust_decimal` convert them to and
//! from those crates' types, which the features then bring into this
//! crate's API by your choice: `From` into theirs, `TryFrom` back (a year
//! outside 0000 to 9999, an offset of seconds, a number beyond
//! `rust_decimal`'s 28 places is refused, never rounded). A time written
//! without a zone is UTC, as the crate reads it everywhere.
//!
//! ```
//! # #[cfg(all(feature = "chrono", feature = "rust_decimal"))]
//! # fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use partner_center::{DateTime, Decimal};
//!
//! let invoiced: DateTime = "2019-08-21T17:55:58.1234567".parse()?;
//! let utc: chrono::DateTime<chrono::Utc> = invoiced.into();
//! assert_eq!(utc.timestamp(), 1_566_410_158);
//!
//! let total: Decimal = "12.50".parse()?;
//! let exact = rust_decimal::Decimal::try_from(&total)?;
//! assert_eq!(exact.to_string(), "12.50");
//! assert_eq!(DateTime::try_from(utc)?.as_str(), "2019-08-21T17:55:58.1234567Z");
//! # Ok(())
//! # }
//! ```
//!
//! Every call sends `Accept`, `Authorization`, `MS-Contract-Version`, a fresh
//! `MS-RequestId` and `MS-CorrelationId` (or the caller's, see [`Call`]), and
//! `MS-PartnerCenter-Application` and `X-Locale` when the builder sets them.
//! Every response, success ([`Response`]) or error ([`Error::meta`]), exposes
//! the status and the `MS-RequestId`, `MS-CorrelationId`, `MS-CV` and
//! `MS-ServerId` the service returned, and any other header
//! ([`ResponseMeta::header`]).

#![warn(missing_docs)]
// An error is made at most once per network round trip, and it carries the
// response's headers so that nothing the service said is lost: its size is
// not worth a box.
#![allow(clippy::result_large_err)]

mod accepted;
mod attempt;
#[cfg(feature = "azure-core")]
pub mod azure;
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
pub use builder::{
    BuildError, ClientBuilder, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_DOWNLOAD_SIZE, DEFAULT_MAX_PAGES,
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
