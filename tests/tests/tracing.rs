//! With the `tracing` feature, a call is a span with the fields people
//! filter on (operation, method, the path as the spec writes it, status,
//! attempts, and the ids the call sent), each attempt an event with its
//! status, and each wait an event with its reason. No customer id, query
//! value or token is recorded anywhere.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use partner_center::{Program, RateLimit, Reseller, RetryPolicy, TestServer, Uuid};
use partner_center_tests::fault::{FaultServer, Step};
use partner_center_tests::trace::{Recorded, Recorder};

fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(50))
}

fn call_spans(recorder: &Recorder) -> Vec<Recorded> {
    let spans = recorder.spans();
    assert!(
        spans.iter().all(|s| s.name == "partner_center.call"),
        "{spans:#?}"
    );
    spans
}

/// The `waiting` events, each with the span it happened in.
fn waits(recorder: &Recorder) -> Vec<Recorded> {
    recorder
        .events()
        .into_iter()
        .filter(|e| e.field("message") == Some("waiting"))
        .collect()
}

#[tokio::test]
async fn a_call_is_a_span_with_an_event_per_attempt() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let server = FaultServer::start(vec![
        Step::json(503, ""),
        Step::json(200, r#"{"isAgreementSigned":true}"#),
    ])
    .await;
    let client = server.client().build().unwrap();
    client
        .agreement_status(Program::Csp, Reseller::MpnId(7))
        .await
        .unwrap();

    let hits = server.hits();
    let spans = call_spans(&recorder);
    assert_eq!(spans.len(), 1, "{spans:#?}");
    let span = &spans[0];
    assert_eq!(span.field("operation"), Some("AgreementStatus"));
    assert_eq!(span.field("method"), Some("GET"));
    assert_eq!(
        span.field("path"),
        Some("/v1/compliance/{ProgramName}/agreementstatus")
    );
    assert_eq!(span.field("request_id"), hits[0].header("MS-RequestId"));
    assert_eq!(
        span.field("correlation_id"),
        hits[0].header("MS-CorrelationId")
    );
    assert_eq!(span.field("status"), Some("200"));
    assert_eq!(span.field("attempts"), Some("2"));

    let events = recorder.events();
    let responses: Vec<_> = events
        .iter()
        .filter(|e| e.field("message") == Some("response"))
        .map(|e| (e.field("attempt"), e.field("status"), e.span))
        .collect();
    assert_eq!(
        responses,
        [
            (Some("1"), Some("503"), Some(0)),
            (Some("2"), Some("200"), Some(0))
        ]
    );
    assert!(!recorder.text().contains("secret-token-value"));
}

#[tokio::test]
async fn the_span_names_the_path_of_the_spec_never_an_id_or_a_query_value() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let server = TestServer::start().await.unwrap();
    server.list_subscriptions().status(503, "");
    let client = server.client().retry(quick_retries()).build().unwrap();
    let (customer, order) = (Uuid::new_v4(), Uuid::new_v4());
    client
        .list_subscriptions(customer)
        .order_id(order)
        .await
        .unwrap();

    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    assert!(
        sent[1].path.contains(&customer.to_string()),
        "{:?}",
        sent[1]
    );
    assert_eq!(
        sent[1].query_value("order_id"),
        Some(order.to_string().as_str())
    );

    let spans = call_spans(&recorder);
    assert_eq!(spans.len(), 1, "{spans:#?}");
    let request_id = sent[0].header("MS-RequestId").unwrap();
    let correlation_id = sent[0].header("MS-CorrelationId").unwrap();
    let expected: BTreeMap<String, String> = [
        ("operation", "ListSubscriptions"),
        ("method", "GET"),
        ("path", "/v1/customers/{customer-tenant-id}/subscriptions"),
        ("request_id", request_id),
        ("correlation_id", correlation_id),
        ("status", "200"),
        ("attempts", "2"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(spans[0].fields, expected);

    // The 503 had no Retry-After: the retry backed off, and said so.
    let waits = waits(&recorder);
    assert_eq!(waits.len(), 1, "{waits:#?}");
    assert_eq!(waits[0].field("reason"), Some("backoff"));
    assert_eq!(waits[0].field("attempt"), Some("1"));
    assert_eq!(waits[0].span, Some(0));

    let text = recorder.text().to_ascii_lowercase();
    for secret in [customer.to_string(), order.to_string(), "order_id=".into()] {
        assert!(!text.contains(&secret), "{secret} in\n{text}");
        assert!(
            !text.contains(&secret.replace('-', "")),
            "{secret} in\n{text}"
        );
    }
    assert!(!text.contains("token"), "{text}");
}

/// A 429 with `Retry-After` makes its call wait (`retry_after`) and holds
/// back another call of the same customer (`scope_held`); once the hold
/// ends, the client's rate limit lets one of the two through and keeps the
/// other waiting (`rate_limit`).
#[tokio::test]
async fn every_wait_says_why_in_the_call_s_span() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let server = TestServer::start().await.unwrap();
    server.get_customer().throttle(Duration::from_secs(1));
    let client = server
        .client()
        .retry(quick_retries())
        .rate_limit(RateLimit::new(1, Duration::from_millis(200)))
        .build()
        .unwrap();
    let customer = Uuid::new_v4();
    let first = client.get_customer(customer);
    let second = async {
        while server.requests().is_empty() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        client.get_customer(customer).await
    };
    let (first, second) = tokio::join!(first.send(), second);
    first.unwrap();
    second.unwrap();
    assert_eq!(server.requests().len(), 3, "the held call waited, unsent");

    let spans = call_spans(&recorder);
    assert_eq!(spans.len(), 2);
    let waits = waits(&recorder);
    let reasons: BTreeSet<&str> = waits.iter().filter_map(|w| w.field("reason")).collect();
    assert_eq!(
        reasons,
        BTreeSet::from(["rate_limit", "retry_after", "scope_held"]),
        "{waits:#?}"
    );
    for wait in &waits {
        let span = &spans[wait.span.unwrap()];
        assert_eq!(span.field("operation"), Some("GetCustomer"), "{wait:?}");
        assert!(wait.field("wait_ms").is_some(), "{wait:?}");
    }
    let attempts: Vec<Option<&str>> = spans.iter().map(|s| s.field("attempts")).collect();
    assert_eq!(attempts, [Some("2"), Some("1")]);
    assert!(!recorder.text().contains(&customer.to_string()));
}
