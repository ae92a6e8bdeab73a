//! The client's own rate limit ([`ClientBuilder::rate_limit`]): a bulk sync
//! of many calls at once against a server that allows each customer so many
//! requests a window stays under it, and no call fails. (How close it comes
//! to the fastest the limit allows is measured by the `rate_limit` bench,
//! not here.)
//!
//! [`ClientBuilder::rate_limit`]: partner_center::ClientBuilder::rate_limit
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use partner_center::{BuildError, Client, RateLimit, Uuid, rate_limits};
use partner_center_tests::limited::{LimitedServer, most_within};

/// `calls` calls of `get_customer` from `tasks` tasks, each call to the
/// next of `customers` in turn; the failures.
async fn sync(client: &Client, customers: &[Uuid], calls: usize, tasks: usize) -> Vec<String> {
    let next = Arc::new(AtomicUsize::new(0));
    let customers: Arc<[Uuid]> = customers.into();
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let (client, next, customers) = (client.clone(), next.clone(), customers.clone());
            tokio::spawn(async move {
                let mut failures = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= calls {
                        return failures;
                    }
                    let customer = customers[i % customers.len()];
                    if let Err(e) = client.get_customer(customer).await {
                        failures.push(e.to_string());
                    }
                }
            })
        })
        .collect();
    let mut failures = Vec::new();
    for handle in handles {
        failures.extend(handle.await.unwrap());
    }
    failures
}

/// 2,000 calls from 32 tasks over four customers, against a server that
/// refuses a customer's request past `REQUESTS` in any span of `PER`: the
/// client keeping to the same limit is never refused, so no call fails; no
/// span of its requests to one customer holds more than the limit, and no
/// span of their arrivals at the server more than the limit and what one
/// window admits (a window's requests may reach the server late, into the
/// next).
///
/// The window is short so that the test takes under a second: 500 calls a
/// second per customer is about half of what this runtime's single thread
/// sends to the four of them at once, so the limit shapes the calls.
#[tokio::test]
async fn two_thousand_calls_from_32_tasks_stay_under_the_server_s_limit() {
    const REQUESTS: usize = 250;
    const PER: Duration = Duration::from_millis(500);
    let server = LimitedServer::start(REQUESTS, PER, 1);
    let client = server
        .client()
        .rate_limit(RateLimit::new(REQUESTS as u32, PER))
        .build()
        .unwrap();
    let customers: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
    let failures = sync(&client, &customers, 2_000, 32).await;
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..1]
    );
    assert_eq!(server.refusals(), 0);
    let (sent, arrived) = (server.sent(), server.arrived());
    assert_eq!(sent.len(), 4);
    for customer in customers.iter().map(Uuid::to_string) {
        assert_eq!(sent[&customer].len(), 500, "every call was sent once");
        let most = most_within(&sent[&customer], PER);
        assert!(most <= REQUESTS, "{most} requests sent within {PER:?}");
        let most = most_within(&arrived[&customer], PER);
        assert!(
            most <= 2 * REQUESTS,
            "{most} requests arrived within {PER:?}"
        );
    }
}

/// Without a limit of its own, the same sync bounces off the server's:
/// the first window's worth of each customer's calls go through, the
/// others are refused (and, retries off, fail).
#[tokio::test]
async fn without_a_limit_the_same_sync_is_refused() {
    const REQUESTS: usize = 250;
    let server = LimitedServer::start(REQUESTS, Duration::from_secs(60), 0);
    let client = server
        .client()
        .retry(partner_center::RetryPolicy::none())
        .build()
        .unwrap();
    let customers: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
    let failures = sync(&client, &customers, 2_000, 32).await;
    assert_eq!(failures.len(), 2_000 - 4 * REQUESTS);
    assert_eq!(server.refusals(), 2_000 - 4 * REQUESTS);
}

#[test]
fn the_documented_limits_are_constants_and_a_limit_that_cannot_be_kept_is_refused() {
    assert_eq!(rate_limits::CUSTOMER, RateLimit::per_minute(500));
    assert_eq!(rate_limits::ORDER, RateLimit::per_minute(500));
    assert_eq!(rate_limits::SUBSCRIPTION, RateLimit::per_minute(500));
    let builder = Client::builder(partner_center::Cloud::Global).token("t");
    assert!(
        builder
            .clone()
            .rate_limit(rate_limits::CUSTOMER)
            .build()
            .is_ok()
    );
    for (limit, words) in [
        (RateLimit::per_second(0), "no requests"),
        (RateLimit::new(5, Duration::ZERO), "zero"),
        (
            RateLimit::new(5, Duration::from_secs(400 * 86_400)),
            "MAX_SPAN",
        ),
    ] {
        let err = builder.clone().rate_limit(limit).build().unwrap_err();
        assert!(
            matches!(err, BuildError::InvalidRateLimit { limit: l, .. } if l == limit),
            "{err:?}"
        );
        assert!(err.to_string().contains(words), "{err}");
    }
}
