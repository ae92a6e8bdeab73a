//! Throttling shared across the calls of one client: a 429 with
//! `Retry-After` seen by one call holds back the calls of the same scope (the
//! customer under `/customers/{id}`, else the partner) until it ends; calls
//! of other scopes go on.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use partner_center::{Error, RetryPolicy, Uuid};
use partner_center_tests::limited::LimitedServer;
use partner_center_tests::{Reply, TestServer, en_us, example_responses};

/// The throttled answer of api-throttling-guidance.md, with `Retry-After`
/// set to `seconds`.
fn throttled(seconds: u64) -> Reply {
    let page = en_us("api-throttling-guidance.md");
    let (_, example) = example_responses(&page)
        .into_iter()
        .find(|(_, r)| r.status == 429)
        .unwrap();
    let mut reply = Reply::from_example(&example);
    let retry_after = reply
        .headers
        .iter_mut()
        .find(|(n, _)| n.eq_ignore_ascii_case("Retry-After"))
        .expect("the example sends Retry-After");
    retry_after.1 = seconds.to_string();
    reply
}

fn customer() -> Reply {
    let page = en_us("get-a-customer-by-id.md");
    let (_, example) = example_responses(&page)
        .into_iter()
        .find(|(_, r)| r.status == 200)
        .unwrap();
    Reply::from_example(&example)
}

async fn client_of(server: &TestServer) -> partner_center::Client {
    server.client().retry(RetryPolicy::none()).build().unwrap()
}

#[tokio::test]
async fn a_429_holds_back_the_next_call_of_the_same_customer_until_it_ends() {
    let server = TestServer::start_with(vec![throttled(1), customer()]).await;
    let client = client_of(&server).await;
    let id = Uuid::new_v4();
    let err = client.get_customer(id).await.unwrap_err().into_error();
    assert!(
        matches!(err, Error::Throttled { retry_after: Some(w), .. } if w == Duration::from_secs(1)),
        "{err:?}"
    );
    let start = Instant::now();
    // Another handle of the same client shares its holds.
    let clone = client.clone();
    clone.get_customer(id).await.unwrap();
    let waited = start.elapsed();
    assert!(
        (Duration::from_millis(900)..Duration::from_secs(30)).contains(&waited),
        "{waited:?}"
    );
    assert_eq!(server.received().len(), 2);
}

#[tokio::test]
async fn another_customer_and_the_partner_are_not_held_back() {
    // A hold of a minute: a call it held back could not end within 30 s.
    let server = TestServer::start_with(vec![throttled(60), customer()]).await;
    let client = client_of(&server).await;
    let err = client.get_customer(Uuid::new_v4()).await.unwrap_err();
    assert!(matches!(err.into_error(), Error::Throttled { .. }));
    let start = Instant::now();
    client.get_customer(Uuid::new_v4()).await.unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );

    // A partner-wide 429 holds partner calls, not a customer's.
    let server = TestServer::start_with(vec![throttled(60), customer()]).await;
    let client = client_of(&server).await;
    let err = client.list_customers(10).await.unwrap_err();
    assert!(matches!(err.into_error(), Error::Throttled { .. }));
    let start = Instant::now();
    client.get_customer(Uuid::new_v4()).await.unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn a_429_outside_a_customer_holds_back_the_partner_s_calls() {
    let page = en_us("get-a-list-of-customers.md");
    let (_, example) = example_responses(&page)
        .into_iter()
        .find(|(_, r)| r.status == 200)
        .unwrap();
    let server = TestServer::start_with(vec![throttled(1), Reply::from_example(&example)]).await;
    let client = client_of(&server).await;
    let err = client.list_customers(10).await.unwrap_err();
    assert!(matches!(err.into_error(), Error::Throttled { .. }));
    let start = Instant::now();
    client.list_customers(10).await.unwrap();
    let waited = start.elapsed();
    assert!(
        (Duration::from_millis(900)..Duration::from_secs(30)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test]
async fn a_hold_past_the_deadline_ends_the_call_at_once() {
    let server = TestServer::start_with(vec![throttled(60), customer()]).await;
    let client = server
        .client()
        .retry(RetryPolicy::none())
        .call_timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let id = Uuid::new_v4();
    let _ = client.get_customer(id).await.unwrap_err();
    let start = Instant::now();
    let err = client.get_customer(id).await.unwrap_err().into_error();
    assert!(matches!(err, Error::Timeout { meta: None, .. }), "{err:?}");
    // At once, not after waiting out its deadline (20 s) for nothing.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(server.received().len(), 1, "the held call never went out");
}

/// Many tasks at once, as a bulk sync runs: once one of them is answered a
/// 429 with `Retry-After`, the others calling the same customer wait for it
/// to end instead of each bouncing off the limit alone, while the calls of
/// another customer go on.
#[tokio::test]
async fn a_429_seen_by_one_task_holds_back_the_other_tasks_of_its_customer() {
    let server = LimitedServer::start(20, Duration::from_secs(1), 1);
    let client = server.client().build().unwrap();
    let (held, other) = (Uuid::new_v4(), Uuid::new_v4());
    let calls = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (client, calls) = (client.clone(), calls.clone());
            tokio::spawn(async move {
                while calls.fetch_add(1, Ordering::Relaxed) < 40 {
                    client.get_customer(held).await.unwrap();
                }
            })
        })
        .collect();
    // Another customer, ten calls a second: never over its limit.
    for _ in 0..15 {
        client.get_customer(other).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for task in tasks {
        task.await.unwrap();
    }

    let refused = server.refused();
    let first = *refused[&held.to_string()].first().expect("a 429");
    // Requests already on their way when the 429 was answered may still
    // arrive just after it; none sent after the client read it, until the
    // second of `Retry-After` is nearly over.
    let (from, to) = (
        first + Duration::from_millis(250),
        first + Duration::from_millis(900),
    );
    let arrived = server.arrived();
    let during = |customer: Uuid| {
        arrived[&customer.to_string()]
            .iter()
            .filter(|at| (from..to).contains(*at))
            .count()
    };
    assert_eq!(during(held), 0, "a call of the held customer went out");
    assert!(during(other) > 0, "the other customer was held back too");
    assert!(!refused.contains_key(&other.to_string()));
}
