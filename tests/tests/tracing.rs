//! With the `tracing` feature, a call is a span with the fields people
//! filter on (operation, method, the path as the spec writes it, status,
//! attempts, and the ids the call sent), each attempt an event with its
//! status, and each wait an event with its reason. No customer id, query
//! value or token is recorded anywhere.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use partner_center::{Program, RateLimit, Reseller, RetryPolicy, TestServer, Uuid};
use partner_center_tests::events::{Recorded, Recorder};
use partner_center_tests::fault::{FaultServer, Step};

const CALL: &str = "partner_center.call";

/// A text field as the recorder shows it: `Debug`, in quotes.
fn text(value: &str) -> String {
    format!("{value:?}")
}

fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(50))
}

/// The events that say the call waits, before an attempt or between two.
fn waits(recorder: &Recorder) -> Vec<Recorded> {
    recorder
        .recorded()
        .into_iter()
        .filter(|r| r.kind == "event" && r.field("reason").is_some())
        .collect()
}

#[tokio::test]
async fn a_call_is_a_span_with_an_event_per_attempt() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
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
    let spans = recorder.spans(CALL);
    assert_eq!(spans.len(), 1, "{}", recorder.text());
    let span = &spans[0];
    assert_eq!(
        span.field("operation"),
        Some(text("AgreementStatus").as_str())
    );
    assert_eq!(span.field("method"), Some(text("GET").as_str()));
    let path = text("/v1/compliance/{ProgramName}/agreementstatus");
    assert_eq!(span.field("path"), Some(path.as_str()));
    assert_eq!(span.field("request_id"), hits[0].header("MS-RequestId"));
    let correlation_id = hits[0].header("MS-CorrelationId");
    assert_eq!(span.field("correlation_id"), correlation_id);
    assert_eq!(span.field("status"), Some("200"));
    assert_eq!(span.field("attempts"), Some("2"));

    let responses: Vec<_> = recorder
        .events("response")
        .iter()
        .map(|e| (e.number("attempt"), e.number("status"), e.span))
        .collect();
    assert_eq!(
        responses,
        [
            (Some(1), Some(503), span.span),
            (Some(2), Some(200), span.span)
        ]
    );
    assert!(!recorder.text().contains("secret-token-value"));
}

#[tokio::test]
async fn the_span_names_the_path_of_the_spec_never_an_id_or_a_query_value() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
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
    let order_text = order.to_string();
    assert_eq!(sent[1].query_value("order_id"), Some(order_text.as_str()));

    let spans = recorder.spans(CALL);
    assert_eq!(spans.len(), 1, "{}", recorder.text());
    let request_id = sent[0].header("MS-RequestId").unwrap();
    let correlation_id = sent[0].header("MS-CorrelationId").unwrap();
    let expected: BTreeMap<String, String> = [
        ("operation", text("ListSubscriptions")),
        ("method", text("GET")),
        (
            "path",
            text("/v1/customers/{customer-tenant-id}/subscriptions"),
        ),
        ("request_id", request_id.to_string()),
        ("correlation_id", correlation_id.to_string()),
        ("status", "200".to_string()),
        ("attempts", "2".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(spans[0].fields, expected);

    // The 503 had no Retry-After: the retry backed off, and said so.
    let waits = waits(&recorder);
    assert_eq!(waits.len(), 1, "{}", recorder.text());
    assert!(waits[0].is("retrying"), "{:?}", waits[0]);
    assert_eq!(waits[0].field("reason"), Some(text("backoff").as_str()));
    assert_eq!(waits[0].number("attempt"), Some(1));
    assert_eq!(waits[0].span, spans[0].span);

    let all = recorder.text().to_ascii_lowercase();
    for secret in [customer.to_string(), order_text, "order_id=".into()] {
        assert!(!all.contains(&secret), "{secret} in\n{all}");
        assert!(
            !all.contains(&secret.replace('-', "")),
            "{secret} in\n{all}"
        );
    }
    assert!(!all.contains("token"), "{all}");
}

/// A 429 with `Retry-After` makes its call wait (`retry_after`) and holds
/// back another call of the same customer (`scope_held`); once the hold
/// ends, the client's rate limit lets one of the two through and keeps the
/// other waiting (`rate_limit`).
#[tokio::test]
async fn every_wait_says_why_in_the_call_s_span() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
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

    let spans = recorder.spans(CALL);
    assert_eq!(spans.len(), 2, "{}", recorder.text());
    let waits = waits(&recorder);
    let reasons: BTreeSet<&str> = waits.iter().filter_map(|w| w.field("reason")).collect();
    let expected = ["rate_limit", "retry_after", "scope_held"].map(text);
    assert_eq!(
        reasons,
        expected.iter().map(String::as_str).collect(),
        "{}",
        recorder.text()
    );
    for wait in &waits {
        let span = spans.iter().find(|s| s.span == wait.span).unwrap();
        assert_eq!(span.field("operation"), Some(text("GetCustomer").as_str()));
        assert!(wait.number("wait_ms").is_some(), "{wait:?}");
    }
    let attempts: Vec<Option<u64>> = spans.iter().map(|s| s.number("attempts")).collect();
    assert_eq!(attempts, [Some(2), Some(1)]);
    assert!(!recorder.text().contains(&customer.to_string()));
}
