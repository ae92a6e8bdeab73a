//! With the `tracing` feature, a call is a span with its operation and ids,
//! and each attempt an event with its status; no secret is recorded.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use partner_center::{Program, Reseller};
use partner_center_tests::fault::{FaultServer, Step};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Records every span and event as one line of `name field=value ...`.
#[derive(Clone, Default)]
struct Recorder {
    lines: Arc<Mutex<Vec<String>>>,
    next_id: Arc<AtomicU64>,
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut line = Line(format!("span {}", span.metadata().name()));
        span.record(&mut line);
        self.lines.lock().unwrap().push(line.0);
        Id::from_u64(self.next_id.fetch_add(1, Ordering::SeqCst) + 1)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut line = Line("record".into());
        values.record(&mut line);
        self.lines.lock().unwrap().push(line.0);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line("event".into());
        event.record(&mut line);
        self.lines.lock().unwrap().push(line.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
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

    let lines = recorder.lines.lock().unwrap().clone();
    let text = lines.join("\n");
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
