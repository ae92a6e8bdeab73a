//! With the `tracing` feature, a call is a span with its operation and ids,
//! and each attempt an event with its status; no secret is recorded.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{Program, Reseller};
use partner_center_tests::events::Recorder;
use partner_center_tests::fault::{FaultServer, Step};

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

    let text = recorder.text();
    let lines: Vec<&str> = text.lines().collect();
    let hits = server.hits();
    let request_id = hits[0].header("MS-RequestId").unwrap();
    let correlation_id = hits[0].header("MS-CorrelationId").unwrap();
    let span = lines
        .iter()
        .find(|l| l.starts_with("span partner_center.call"))
        .unwrap_or_else(|| panic!("no call span in\n{text}"));
    assert!(span.contains("operation=\"AgreementStatus\""), "{span}");
    assert!(span.contains(&format!("request_id={request_id}")), "{span}");
    assert!(
        span.contains(&format!("correlation_id={correlation_id}")),
        "{span}"
    );
    assert!(text.contains("attempt=1 status=503"), "{text}");
    assert!(text.contains("attempt=2 status=200"), "{text}");
    assert!(!text.contains("secret-token-value"), "{text}");
}
