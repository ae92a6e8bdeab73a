//! A typed async client for the Microsoft Partner Center REST API.
//!
//! The API modules (`headers`, `clouds`, one per endpoint) are generated from
//! the project's spec by `cargo codegen`; the client runtime beside them is
//! written by hand.
//!
//! ```no_run
//! use partner_center::{AgreementStatusError, Client, Cloud, Error, Program, Reseller};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(Cloud::Global)
//!     .token("eyJ0eXAi...")
//!     .application("contoso-billing")
//!     .build()?;
//!
//! match client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await {
//!     Ok(status) => println!("signed: {}", status.is_agreement_signed),
//!     Err(Error::Api(e)) if e.kind() == AgreementStatusError::MpaNotSigned => {
//!         println!("not signed yet: {}", e.body().description)
//!     }
//!     Err(e) => return Err(e.into()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Every call sends `Accept`, `Authorization`, `MS-Contract-Version`, a fresh
//! `MS-RequestId` and `MS-CorrelationId` (or the caller's, see [`Call`]), and
//! `MS-PartnerCenter-Application` and `X-Locale` when the builder sets them.
//! Every response, success ([`Response`]) or error ([`Error::meta`]), exposes
//! the status and the `MS-RequestId`, `MS-CorrelationId`, `MS-CV` and
//! `MS-ServerId` the service returned.

#![warn(missing_docs)]

mod catalog;
mod client;
mod error;
mod response;

#[rustfmt::skip]
mod api;

pub use api::*;
pub use catalog::{DocumentedError, ErrorCodeInfo};
pub use client::{BuildError, Call, Client, ClientBuilder, DEFAULT_TIMEOUT};
pub use error::{ApiError, Error, ErrorBody, ErrorKind};
pub use response::{Response, ResponseMeta};

/// Re-exported so that users need not depend on `uuid` to pass a tenant ID.
pub use uuid::Uuid;
