//! The test server's one scripting rule: every scripted answer, whatever
//! its kind, is given once unless it says `.times(n)` or `.always()`;
//! answers given a number of times come before the `always` one, and a
//! listing is one answer, all its pages included. The token endpoint's
//! answers keep the same rule.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::{Duration, Instant};

use partner_center::{
    AgreementStatusError, Client, Customer, Program, Reseller, RetryPolicy, Scripted, Scripting,
    TestServer, TokenRefusal, Uuid,
};
use partner_center_tests::numbered_customer;

/// What `get_customer` gave, in a word: each call one request (no retries).
async fn get(client: &Client) -> String {
    match client.get_customer(Uuid::nil()).await {
        Ok(got) if got.value() == &numbered_customer(7) => "scripted value".into(),
        Ok(_) => "documented".into(),
        Err(e) => format!("{:?} {:?}", e.category(), e.meta().map(|m| m.status())),
    }
}

/// Says the answer is for every request, when `always`.
fn given<S: Scripting>(answer: Scripted<'_, S>, always: bool) {
    if always {
        answer.always();
    }
}

#[tokio::test]
async fn each_kind_of_answer_is_once_by_default_and_always_when_told() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    type Kind = fn(&TestServer, bool);
    let kinds: [(&str, Kind, &str); 6] = [
        (
            "not_found",
            |s, a| given(s.get_customer().not_found(), a),
            "NotFound Some(404)",
        ),
        (
            "status",
            |s, a| given(s.get_customer().status(500, ""), a),
            "Service Some(500)",
        ),
        (
            "answer",
            |s, a| given(s.get_customer().answer(418, &[("X-Why", "tea")], ""), a),
            "Other Some(418)",
        ),
        (
            "throttle",
            |s, a| given(s.get_customer().throttle(Duration::ZERO), a),
            "Throttled Some(429)",
        ),
        (
            "drop_connection",
            |s, a| given(s.get_customer().drop_connection(), a),
            "Connection None",
        ),
        (
            "respond",
            |s, a| given(s.get_customer().respond(&numbered_customer(7)), a),
            "scripted value",
        ),
    ];
    for (kind, script, expected) in kinds {
        script(&server, false);
        let once = [get(&client).await, get(&client).await];
        assert_eq!(once, [expected, "documented"], "{kind} once");
        script(&server, true);
        let always = [get(&client).await, get(&client).await, get(&client).await];
        assert_eq!(always, [expected; 3], "{kind} always");
        server.reset();
        assert_eq!(get(&client).await, "documented", "{kind} after reset");
    }
}

#[tokio::test]
async fn a_documented_failure_once_or_always() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let check = || client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567));
    server
        .agreement_status()
        .fail(AgreementStatusError::MpaNotSigned);
    assert!(matches!(
        check().await,
        Err(AgreementStatusError::MpaNotSigned(_))
    ));
    assert!(check().await.is_ok());
    server
        .agreement_status()
        .fail(AgreementStatusError::MpaNotSigned)
        .always();
    for _ in 0..3 {
        assert!(matches!(
            check().await,
            Err(AgreementStatusError::MpaNotSigned(_))
        ));
    }
}

#[tokio::test]
async fn n_times_then_the_always_answer_then_the_documented_one_after_reset() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    // Scripted after the `always` answer, given before it all the same.
    server
        .get_customer()
        .respond(&numbered_customer(7))
        .always();
    server.get_customer().status(503, "").times(2);
    server.all().not_found();
    let got = [
        get(&client).await,
        get(&client).await,
        get(&client).await,
        get(&client).await,
        get(&client).await,
    ];
    assert_eq!(
        got,
        [
            "Service Some(503)",
            "Service Some(503)",
            // Every operation's once answer, before the operation's `always`.
            "NotFound Some(404)",
            "scripted value",
            "scripted value"
        ]
    );
    // A later `always` answer replaces the earlier one; `times(0)` is none.
    server.get_customer().status(500, "").always();
    server.get_customer().status(400, "").times(0);
    assert_eq!(get(&client).await, "Service Some(500)");
    server.reset();
    assert_eq!(get(&client).await, "documented");
}

#[tokio::test]
async fn a_listing_once_is_all_its_pages_once() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let all: Vec<Customer> = (1..=5).map(numbered_customer).collect();
    server.list_customers().items(all.clone(), 2);
    let mut items = std::pin::pin!(client.list_customers(2).items());
    let mut listed = Vec::new();
    while let Some(item) = items.next().await {
        listed.push(item.unwrap());
    }
    assert_eq!(listed, all, "three pages of one answer");
    // The next listing gets the page's example again.
    let again = client.list_customers(2).await.unwrap().into_inner();
    assert_ne!(again.items, all[..2]);

    // Twice: two whole listings, then the example.
    server.list_customers().items(all.clone(), 2).times(2);
    for _ in 0..2 {
        let mut items = std::pin::pin!(client.list_customers(2).items());
        let mut count = 0;
        while let Some(item) = items.next().await {
            item.unwrap();
            count += 1;
        }
        assert_eq!(count, 5);
    }
    let again = client.list_customers(2).await.unwrap().into_inner();
    assert_ne!(again.items, all[..2]);
}

#[tokio::test]
async fn a_delay_once_or_always() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let wait = Duration::from_millis(150);
    let timed = || async {
        let started = Instant::now();
        assert_eq!(get(&client).await, "documented");
        started.elapsed()
    };
    server.get_customer().delay(wait);
    assert!(timed().await >= wait);
    server.get_customer().delay(wait).always();
    for _ in 0..2 {
        assert!(timed().await >= wait, "every request waits");
    }
    // A failure once comes before the `always` delay: it is not delayed.
    server.get_customer().status(500, "");
    let started = Instant::now();
    assert_eq!(get(&client).await, "Service Some(500)");
    assert!(
        started.elapsed() < wait,
        "a once answer comes before the delay"
    );
}

#[tokio::test]
async fn the_token_endpoint_keeps_the_same_rule() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    let tokens = partner_center::entra::ClientSecretCredential::builder(
        "contoso.onmicrosoft.com",
        "00000000-0000-0000-0000-000000000001",
        "app-secret-value",
    )
    .authority(endpoint.authority())
    .build()
    .unwrap();
    let client = server
        .client()
        .token_provider(tokens)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    endpoint.refuse(TokenRefusal::InvalidClient).always();
    for _ in 0..2 {
        let error = client.get_customer(Uuid::nil()).await.unwrap_err();
        assert!(error.is_unauthorized(), "{error}");
    }
    server.reset();
    let endpoint = server.token_endpoint();
    endpoint.answer(503, "").once();
    assert!(client.get_customer(Uuid::nil()).await.is_err());
    assert_eq!(get(&client).await, "documented", "a token the next time");
    assert_eq!(endpoint.exchanges().len(), 2);
}
