//! The client under faults, against a misbehaving server on 127.0.0.1: what is
//! retried, with which ids, how long it waits, and what failure comes back.
//! Every test finishes in bounded time: timeouts and deadlines are short.
//!
//! `retries`: timeouts, closed connections, server errors and throttling;
//! `bodies`: answers the client cannot take; `tokens`: the token provider.

mod bodies;
mod retries;
mod tokens;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use partner_center::{AgreementStatusError, Client, Error, Program, Reseller, RetryPolicy};
use partner_center_tests::SLOWER;
use partner_center_tests::events::Recorder;
use partner_center_tests::fault::{FaultServer, Hit, Step};

const OK: &str = r#"{"isAgreementSigned":true}"#;
const TOKEN: &str = "secret-token-value";

/// The time between the first two requests the server received.
fn first_gap(hits: &[Hit]) -> Duration {
    hits[1].at - hits[0].at
}

type Outcome = Result<partner_center::Response<partner_center::AgreementStatus>, Error>;

/// The call, its failure as the crate's general error.
async fn call(client: &Client) -> Outcome {
    client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .map_err(Error::from)
}

/// Every attempt of one call sent the same ids.
fn same_ids(hits: &[Hit]) {
    for name in ["MS-RequestId", "MS-CorrelationId"] {
        let first = hits[0].header(name).expect(name);
        assert!(uuid::Uuid::parse_str(first).is_ok(), "{name} {first}");
        assert!(
            hits.iter().all(|h| h.header(name) == Some(first)),
            "{name} differs across attempts: {hits:#?}"
        );
    }
}

/// Nothing shown of an error mentions the token.
fn no_token(err: &dyn std::fmt::Debug) {
    let shown = format!("{err:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
}
