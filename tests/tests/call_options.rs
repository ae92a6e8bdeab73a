//! One call's own options, against the test server on 127.0.0.1: its
//! extra headers arrive (on every page of a listing), a header that is not
//! HTTP or that the client sets itself is refused before anything is sent,
//! its timeout ends it at a slow server, and its retry policy keeps a POST
//! from being sent twice after a lost connection.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::pin::pin;
use std::time::{Duration, Instant};

use partner_center::{Cart, CartLineItem, Client, Error, RetryPolicy, TestServer, Uuid};
use partner_center_tests::numbered_customer;

/// A client whose retries wait a millisecond, so that a retry is quick.
fn client(server: &TestServer) -> Client {
    let fast = RetryPolicy::default().base_delay(Duration::from_millis(1));
    server.client().retry(fast).build().unwrap()
}

fn cart() -> Cart {
    Cart::new(vec![CartLineItem::new("DZH318Z0BQ3Q:0001", 1, "monthly")])
}

#[tokio::test]
async fn an_extra_header_arrives_on_every_attempt_and_every_page() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    server.get_customer().status(503, "");
    client
        .get_customer(Uuid::new_v4())
        .header("X-Contoso-Trace", "nightly-sync")
        .header("x-contoso-trace", "nightly-sync-2")
        .await
        .unwrap();
    let log = server.take_requests();
    assert_eq!(log.len(), 2, "a 503, then the answer");
    for request in &log {
        // Set twice: the second value, once.
        assert_eq!(request.header("X-Contoso-Trace"), Some("nightly-sync-2"));
        let traces = request
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("x-contoso-trace"))
            .count();
        assert_eq!(traces, 1);
    }

    // A listing sends it with every page, as it does its timeout and retries.
    server
        .list_customers()
        .items((1..=5).map(numbered_customer).collect::<Vec<_>>(), 2);
    let mut items = pin!(
        client
            .list_customers(2)
            .header("X-Contoso-Trace", "listing")
            .items()
    );
    let mut listed = 0;
    while let Some(item) = items.next().await {
        item.unwrap();
        listed += 1;
    }
    assert_eq!(listed, 5);
    let log = server.take_requests();
    assert_eq!(log.len(), 3);
    assert!(
        log.iter()
            .all(|r| r.header("X-Contoso-Trace") == Some("listing"))
    );
}

#[tokio::test]
async fn a_header_that_cannot_be_sent_is_invalid_input_and_nothing_is_sent() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let id = Uuid::new_v4();
    let cases: [(&str, &str, &str); 8] = [
        ("Bad Name", "x", "is not a header name"),
        ("X-Ok", "line\r\nInjected: 1", "not a valid header value"),
        ("Authorization", "Bearer other", "set by the client itself"),
        ("MS-RequestId", "1", "set by the client itself"),
        ("ms-correlationid", "1", "set by the client itself"),
        ("X-Locale", "fr-FR", "set by the client itself"),
        ("Content-Length", "0", "belongs to the connection"),
        ("Host", "elsewhere.example", "belongs to the connection"),
    ];
    for (name, value, why) in cases {
        let error = client
            .get_customer(id)
            .header(name, value)
            .await
            .map_err(Error::from)
            .unwrap_err();
        let Error::InvalidInput { message, .. } = &error else {
            panic!("{name}: {error:?}");
        };
        assert!(message.contains(why), "{name}: {message}");
        assert!(!message.contains("Injected"), "the value is never shown");
    }
    // A header the operation has a setter for is the setter's.
    let subscription = client.get_subscription(id, id).await.unwrap().into_inner();
    server.take_requests();
    let error = client
        .update_subscription(id, id, &subscription)
        .if_match("etag")
        .header("If-Match", "\"other\"")
        .await
        .map_err(Error::from)
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidInput { message, .. } if message.contains("operation's setter")),
        "{error:?}"
    );
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_call_s_timeout_ends_it_at_a_slow_server() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    server.get_customer().delay(Duration::from_secs(10));
    let started = Instant::now();
    let error = client
        .get_customer(Uuid::new_v4())
        .timeout(Duration::from_millis(300))
        .await
        .map_err(Error::from)
        .unwrap_err();
    let took = started.elapsed();
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(5),
        "{took:?}"
    );
    // The next call has the client's timeout again: the server answers it.
    server.reset();
    client.get_customer(Uuid::new_v4()).await.unwrap();
}

#[tokio::test]
async fn a_post_with_retries_off_is_sent_once_after_a_lost_connection() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let customer = Uuid::new_v4();
    let carts = |server: &TestServer| {
        server
            .take_requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count()
    };

    // By default the client resends it (with the same MS-RequestId).
    server.create_cart().drop_connection();
    client.create_cart(customer, &cart()).await.unwrap();
    assert_eq!(carts(&server), 2);

    // Not this call: one attempt, and the lost connection is the answer.
    for policy in [
        RetryPolicy::none(),
        client.retry_policy().only_unprocessed(),
    ] {
        server.create_cart().drop_connection();
        let error = client
            .create_cart(customer, &cart())
            .retry(policy)
            .await
            .map_err(Error::from)
            .unwrap_err();
        assert!(matches!(error, Error::ConnectionLost { .. }), "{error:?}");
        assert_eq!(carts(&server), 1, "{policy:?}");
        server.reset();
    }

    // A 429 was not acted on: `only_unprocessed` still retries it.
    server.create_cart().throttle(Duration::ZERO);
    client
        .create_cart(customer, &cart())
        .retry(client.retry_policy().only_unprocessed())
        .await
        .unwrap();
    assert_eq!(carts(&server), 2);

    // At most so many attempts: two 503s and a third attempt never made.
    server.create_cart().status(503, "").status(503, "");
    let error = client
        .create_cart(customer, &cart())
        .retry(client.retry_policy().max_attempts(2))
        .await
        .map_err(Error::from)
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.call().unwrap().attempts(), 2);
    assert_eq!(carts(&server), 2);
}
