//! The test server (feature `test-server`) keeps what a client can hold to
//! the limits its documentation states, as a slow or hostile client on
//! 127.0.0.1 finds them: a request head has 10 seconds to arrive (an idle
//! keep-alive connection as much before it is closed), a body 10 seconds, a
//! body is at most 1 MiB, and the server holds at most 64 connections at
//! once, a connection over that waiting until one closes.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::{RetryPolicy, TestServer, Uuid};
use partner_center_tests::wire::{address, closed_within, connect, exchange, read_answer};
use tokio::io::AsyncWriteExt;
use tokio::task::JoinSet;
use tokio::time::Instant;

/// The limits the test server documents.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
const BODY_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_BODY: usize = 1 << 20;
const MAX_CONNECTIONS: usize = 64;

/// What a timer may be late by on a busy machine.
const MARGIN: Duration = Duration::from_secs(4);

/// A request that keeps every rule: the first page of customers.
const LIST: &[u8] =
    b"GET /v1/customers?size=1 HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer t\r\n\r\n";

/// The head of a customer's creation with a body of `length` bytes.
fn create(length: &str) -> String {
    format!(
        "POST /v1/customers HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\n{length}\r\n"
    )
}

#[tokio::test]
async fn slow_request_heads_are_closed_after_ten_seconds() {
    let server = TestServer::start().await.unwrap();
    let address = address(&server.base_url());
    // 200 clients, each sending one more header line every two seconds.
    let mut slow = JoinSet::new();
    for _ in 0..200 {
        let address = address.clone();
        slow.spawn(async move {
            let since = Instant::now();
            let mut stream = connect(&address).await;
            let start = b"GET /v1/customers?size=1 HTTP/1.1\r\nHost: test\r\n";
            stream.write_all(start).await.unwrap();
            let every = Some(Duration::from_secs(2));
            closed_within(&mut stream, since, HEAD_TIMEOUT + MARGIN, every).await
        });
    }
    let closed: Vec<Duration> = slow.join_all().await.into_iter().flatten().collect();
    // Each connection the server took is cut off at the timeout; the others
    // wait their turn in the listen backlog, holding nothing of the server.
    assert!(
        closed.len() >= MAX_CONNECTIONS,
        "{} of 200 slow heads closed",
        closed.len()
    );
    let first = closed.iter().min().unwrap();
    assert!(
        *first >= HEAD_TIMEOUT - MARGIN / 4,
        "closed after {first:?}"
    );
}

#[tokio::test]
async fn a_connection_that_stops_sending_is_cut_off_after_ten_seconds() {
    let server = TestServer::start().await.unwrap();
    let address = address(&server.base_url());
    let since = Instant::now();
    // Silent from the start.
    let mut silent = connect(&address).await;
    // Kept alive after an answer, and idle.
    let mut idle = connect(&address).await;
    idle.write_all(LIST).await.unwrap();
    let answer = read_answer(&mut idle, MARGIN).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_ne!(answer.header("Connection"), Some("close"), "kept alive");
    let answered = Instant::now();
    // Stopped in the middle of a body.
    let request = format!("{}{{\"a\":", create("Content-Length: 100\r\n"));
    let within = BODY_TIMEOUT + MARGIN;
    let (silent, idle, body) = tokio::join!(
        closed_within(&mut silent, since, HEAD_TIMEOUT + MARGIN, None),
        closed_within(&mut idle, answered, HEAD_TIMEOUT + MARGIN, None),
        exchange(&address, request.as_bytes(), within),
    );
    let silent = silent.expect("a connection that never sends is closed");
    let idle = idle.expect("an idle keep-alive connection is closed");
    assert!(silent >= HEAD_TIMEOUT - MARGIN / 4, "after {silent:?}");
    assert!(idle >= HEAD_TIMEOUT - MARGIN / 4, "after {idle:?}");
    let body = body.expect("a late body is answered, not held");
    assert_eq!(body.status, 408, "{}", body.head);
    assert_eq!(body.header("Connection"), Some("close"));
    assert!(answered.elapsed() >= BODY_TIMEOUT - MARGIN / 4);
}

#[tokio::test]
async fn a_connection_over_the_cap_waits_until_one_closes() {
    let server = TestServer::start().await.unwrap();
    let address = address(&server.base_url());
    let mut held = Vec::new();
    for _ in 0..MAX_CONNECTIONS {
        held.push(connect(&address).await);
    }
    // Accepted by now: the server holds as many as it takes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut over = connect(&address).await;
    over.write_all(LIST).await.unwrap();
    let early = read_answer(&mut over, Duration::from_secs(1)).await;
    assert!(
        early.is_none(),
        "answered over the cap: {:?}",
        early.map(|a| a.head)
    );
    drop(held.pop());
    let answer = read_answer(&mut over, MARGIN).await;
    assert_eq!(answer.expect("answered once one closed").status, 200);
}

#[tokio::test]
async fn more_calls_at_once_than_the_cap_all_succeed_promptly() {
    let server = TestServer::start().await.unwrap();
    // Without retries: a connection closed under a call would fail it.
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let started = Instant::now();
    let mut calls = JoinSet::new();
    for _ in 0..(MAX_CONNECTIONS * 3 / 2) {
        let client = client.clone();
        calls.spawn(async move { client.get_customer(Uuid::new_v4()).await.map(|_| ()) });
    }
    for result in calls.join_all().await {
        result.unwrap();
    }
    // Connections kept alive give way to the waiting ones, rather than
    // holding their place until they time out.
    let took = started.elapsed();
    assert!(took < HEAD_TIMEOUT / 2, "took {took:?}");
}

#[tokio::test]
async fn a_body_over_one_mib_is_answered_as_too_large_without_being_read() {
    let server = TestServer::start().await.unwrap();
    let address = address(&server.base_url());
    // Declared: answered at once, none of the 16 MiB awaited or read.
    let head = create(&format!("Content-Length: {}\r\n", 16 << 20));
    let answer = exchange(&address, head.as_bytes(), MARGIN).await;
    let answer = answer.expect("answered without waiting for the body");
    assert_eq!(answer.status, 413, "{}", answer.head);
    assert_eq!(answer.header("Connection"), Some("close"));
    let body = answer.json();
    assert_eq!(body["code"], 800002);
    assert!(body["data"].to_string().contains("1 MiB"), "{body}");

    // Sent in chunks with no length: read up to the limit and no further.
    let over = MAX_BODY + 1;
    let mut request = create("Transfer-Encoding: chunked\r\n").into_bytes();
    request.extend(format!("{over:x}\r\n").bytes());
    request.extend(std::iter::repeat_n(b' ', over));
    let answer = exchange(&address, &request, MARGIN).await;
    assert_eq!(answer.expect("answered").status, 413);

    // At the limit, a body is read and judged.
    let pad = " ".repeat(MAX_BODY - 2);
    let request = format!(
        "{}{{{pad}}}",
        create(&format!("Content-Length: {MAX_BODY}\r\n"))
    );
    let answer = exchange(&address, request.as_bytes(), MARGIN)
        .await
        .unwrap();
    assert_eq!(answer.status, 201, "{}", answer.head);

    let log = server.take_requests();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|r| r.operation == Some("create_customer")));
    assert!(log[0].body.is_empty() && log[1].body.is_empty());
    assert_eq!(log[2].body.len(), MAX_BODY);
    assert!(server.requests().is_empty(), "taken");
}
