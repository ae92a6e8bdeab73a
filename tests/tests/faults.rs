//! The client under faults, against a misbehaving server on 127.0.0.1: what is
//! retried, with which ids, how long it waits, and what failure comes back.
//! Every test finishes in bounded time: timeouts and deadlines are short.

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

#[tokio::test]
async fn a_response_slower_than_the_attempt_timeout_is_retried_with_the_same_ids() {
    let slow = Step::Slow(Duration::from_secs(2), Box::new(Step::json(200, OK)));
    let server = FaultServer::start(vec![slow, Step::json(200, OK)]).await;
    let client = server
        .client()
        .attempt_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let status = call(&client).await.unwrap();
    assert!(status.is_agreement_signed);
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    same_ids(&hits);

    // The next call gets new ids.
    call(&client).await.unwrap();
    let next = &server.hits()[2];
    assert_ne!(next.header("MS-RequestId"), hits[0].header("MS-RequestId"));
    assert_ne!(
        next.header("MS-CorrelationId"),
        hits[0].header("MS-CorrelationId")
    );
}

#[tokio::test]
async fn a_timeout_on_every_attempt_is_a_timeout_after_all_attempts() {
    let slow = Step::Slow(Duration::from_secs(2), Box::new(Step::json(200, OK)));
    let server = FaultServer::start(vec![slow]).await;
    let client = server
        .client()
        .attempt_timeout(Duration::from_millis(200))
        .retry(
            RetryPolicy::default()
                .max_attempts(3)
                .base_delay(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 3);
    assert_eq!(server.hits().len(), 3);
    same_ids(&server.hits());
    assert!(
        err.to_string().contains("timed out") && err.to_string().contains("3 attempts"),
        "{err}"
    );
    no_token(&err);
}

#[tokio::test]
async fn a_connection_closed_before_answering_is_retried() {
    let server = FaultServer::start(vec![Step::Close, Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    call(&client).await.unwrap();
    assert_eq!(server.hits().len(), 2);
    same_ids(&server.hits());

    let server = FaultServer::start(vec![Step::Close]).await;
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::ConnectionLost { meta: None, .. }),
        "{err:?}"
    );
    no_token(&err);
}

#[tokio::test]
async fn a_connection_reset_mid_body_is_retried() {
    // The server resets once the client has read the head.
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let reset = Step::ResetMidBody {
        declared: 100,
        sent: br#"{"isAgreem"#.to_vec(),
        head_read: recorder.heads_read(),
    };
    let server = FaultServer::start(vec![reset.clone(), Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    call(&client).await.unwrap();
    assert_eq!(server.hits().len(), 2);
    same_ids(&server.hits());

    let server = FaultServer::start(vec![reset]).await;
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let err = call(&client).await.unwrap_err();
    match &err {
        Error::ConnectionLost {
            meta: Some(meta),
            call,
            ..
        } => {
            assert_eq!(meta.status(), 200);
            assert_eq!(call.attempts(), 1);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let steps = vec![
        Step::json(
            500,
            r#"{"code":1,"description":"boom","data":[],"source":"x"}"#,
        ),
        Step::with(502, "text/html", "<html>bad gateway</html>"),
        Step::json(503, ""),
        Step::json(504, "{}"),
        Step::json(200, OK),
    ];
    let server = FaultServer::start(steps).await;
    let client = server
        .client()
        .retry(
            RetryPolicy::default()
                .max_attempts(5)
                .base_delay(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let status = call(&client).await.unwrap();
    assert!(status.is_agreement_signed);
    let hits = server.hits();
    assert_eq!(hits.len(), 5);
    same_ids(&hits);
}

#[tokio::test]
async fn throttling_waits_the_seconds_of_retry_after() {
    let server = FaultServer::start(vec![Step::throttled(Some("1")), Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    call(&client).await.unwrap();
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    same_ids(&hits);
    let waited = first_gap(&hits);
    assert!(
        waited >= Duration::from_secs(1) && waited <= Duration::from_secs(1) + SLOWER,
        "waited {waited:?} for a Retry-After of 1 s"
    );
}

#[tokio::test]
async fn throttling_waits_until_an_http_date_retry_after() {
    let at = std::time::SystemTime::now() + Duration::from_secs(2);
    let date = httpdate::fmt_http_date(at);
    // Whole seconds: the date is 1 to 2 s ahead.
    let until = httpdate::parse_http_date(&date).unwrap();
    let server = FaultServer::start(vec![Step::throttled(Some(&date)), Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    call(&client).await.unwrap();
    let done = std::time::SystemTime::now();
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    // The retry went out once the date had come, and not much later.
    assert!(
        done >= until && done <= until + SLOWER,
        "done {done:?} for a Retry-After of {until:?}"
    );
    let waited = first_gap(&hits);
    assert!(
        waited <= Duration::from_secs(2) + SLOWER,
        "waited {waited:?} for a date 1 to 2 s ahead"
    );
}

#[tokio::test]
async fn throttling_without_retry_after_backs_off() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let server = FaultServer::start(vec![Step::throttled(None), Step::json(200, OK)]).await;
    // The first backoff: 200 to 400 ms.
    let base = Duration::from_millis(400);
    let client = server
        .client()
        .retry(RetryPolicy::default().base_delay(base))
        .build()
        .unwrap();
    call(&client).await.unwrap();
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    same_ids(&hits);
    let waits = recorder.waits();
    assert_eq!(waits.len(), 1, "{}", recorder.text());
    assert!(
        waits[0] >= base / 2 - Duration::from_millis(1) && waits[0] <= base,
        "chose {waits:?}"
    );
    let waited = first_gap(&hits);
    assert!(
        waited >= waits[0] && waited <= base + SLOWER,
        "waited {waited:?} for a backoff of {waits:?}"
    );
}

#[tokio::test]
async fn throttled_forever_gives_up_after_the_maximum_attempts() {
    let server = FaultServer::start(vec![Step::throttled(Some("0"))]).await;
    let client = server
        .client()
        .retry(RetryPolicy::default().max_attempts(3))
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    match &err {
        Error::Throttled {
            retry_after,
            message,
            meta,
            call,
            ..
        } => {
            assert_eq!(*retry_after, Some(Duration::ZERO));
            assert_eq!(
                message.as_deref(),
                Some("Rate limit is exceeded. Try again in 1 seconds.")
            );
            assert_eq!(meta.status(), 429);
            assert_eq!(call.attempts(), 3);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.hits().len(), 3);
    same_ids(&server.hits());
    no_token(&err);
}

#[tokio::test]
async fn a_retry_after_past_the_deadline_gives_up_at_once() {
    let server = FaultServer::start(vec![Step::throttled(Some("30")), Step::json(200, OK)]).await;
    let client = server
        .client()
        .call_timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Throttled { retry_after: Some(d), .. } if d == &Duration::from_secs(30)),
        "{err:?}"
    );
    assert_eq!(server.hits().len(), 1);
}

/// Time arithmetic never overflows: a `Retry-After` near the top of u64 is
/// a wait past the deadline, and an unbounded call timeout is no deadline.
#[tokio::test]
async fn huge_waits_and_timeouts_do_not_overflow() {
    let huge = u64::MAX.to_string();
    let server = FaultServer::start(vec![Step::throttled(Some(&huge)), Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Throttled { retry_after: Some(d), .. } if d.as_secs() == u64::MAX),
        "{err:?}"
    );
    assert_eq!(server.hits().len(), 1, "gave up instead of waiting");

    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server
        .client()
        .call_timeout(Duration::MAX)
        .attempt_timeout(Duration::MAX)
        .build()
        .unwrap();
    assert!(call(&client).await.unwrap().is_agreement_signed);
}

#[tokio::test]
async fn a_client_error_is_never_retried() {
    let body = r#"{"code":2001,"description":"Both MPN Id and Tenant Id cannot be empty.","data":[],"source":"ComplianceController"}"#;
    let server = FaultServer::start(vec![Step::json(400, body), Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .unwrap_err();
    let AgreementStatusError::NoIdentifier(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.call().attempts(), 1);
    assert_eq!(server.hits().len(), 1);
    no_token(&err);
}

#[tokio::test]
async fn malformed_json_is_a_decode_or_unexpected_body_error() {
    let server = FaultServer::start(vec![Step::json(200, r#"{"isAgreementSigned": tru"#)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { expected, .. } if expected.contains("AgreementStatus")),
        "{err:?}"
    );
    // Display says which field and why (the JSON reader's reason, without
    // the value it quotes); the reader's own words are its source.
    let cause = std::error::Error::source(&err).map(ToString::to_string);
    assert!(cause.is_some_and(|c| c.contains("EOF")), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.contains("field `isAgreementSigned`: EOF while parsing a value at line 1 column 25"),
        "{shown}"
    );

    let server = FaultServer::start(vec![Step::json(400, r#"{"code": 20"#)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::UnexpectedBody { excerpt, .. } if excerpt == r#"{"code": 20"#),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_html_error_page_keeps_its_content_type_and_an_excerpt() {
    let page = format!("<html><body>{}</body></html>", "Not found. ".repeat(200));
    let server = FaultServer::start(vec![Step::with(404, "text/html; charset=utf-8", &page)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    let Error::UnexpectedBody {
        meta,
        excerpt,
        call,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(meta.status(), 404);
    assert_eq!(meta.content_type(), Some("text/html; charset=utf-8"));
    assert!(
        excerpt.starts_with("<html><body>Not found.") && excerpt.len() < 600,
        "{excerpt}"
    );
    assert_eq!(call.attempts(), 1);
    assert!(err.to_string().contains("text/html"), "{err}");
}

#[tokio::test]
async fn an_empty_body_is_reported() {
    let server = FaultServer::start(vec![Step::json(200, "")]).await;
    let client = server.client().build().unwrap();
    assert!(matches!(
        call(&client).await.unwrap_err(),
        Error::Decode { .. }
    ));

    let server = FaultServer::start(vec![Step::json(401, "")]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::UnexpectedBody { meta, .. } if meta.status() == 401),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_success_with_another_content_type_is_not_decoded() {
    let server = FaultServer::start(vec![Step::with(200, "text/plain", OK)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { source, .. } if source.to_string().contains("text/plain")),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_over_the_cap_is_an_error() {
    let big = format!(
        r#"{{"isAgreementSigned":true,"padding":"{}"}}"#,
        "x".repeat(4096)
    );
    let server = FaultServer::start(vec![Step::json(200, &big)]).await;
    let client = server.client().max_body_size(1024).build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::BodyTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    assert_eq!(server.hits().len(), 1, "not retried");

    // Without Content-Length, the cap holds while reading.
    let server = FaultServer::start(vec![Step::Chunked {
        status: 200,
        chunks: vec![big.into_bytes()],
    }])
    .await;
    let client = server.client().max_body_size(1024).build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(matches!(&err, Error::BodyTooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn a_body_trickling_past_the_deadline_times_out() {
    let trickle = Step::Trickle {
        interval: Duration::from_millis(100),
        body: OK.as_bytes().to_vec(),
    };
    let server = FaultServer::start(vec![trickle]).await;
    let client = server
        .client()
        .attempt_timeout(Duration::from_secs(30))
        .call_timeout(Duration::from_millis(800))
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 1);
    // The status and headers had arrived: the failure keeps them.
    assert_eq!(err.meta().map(|m| m.status()), Some(200), "{err:?}");
}

#[tokio::test]
async fn the_token_provider_is_asked_before_every_attempt() {
    let server = FaultServer::start(vec![Step::json(503, ""), Step::json(200, OK)]).await;
    let asked = Arc::new(AtomicU32::new(0));
    let counter = asked.clone();
    let client = server
        .client()
        .token_provider(move || {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            async move { Ok(format!("token-{n}")) }
        })
        .build()
        .unwrap();
    call(&client).await.unwrap();
    let hits = server.hits();
    assert_eq!(hits[0].header("Authorization"), Some("Bearer token-1"));
    assert_eq!(hits[1].header("Authorization"), Some("Bearer token-2"));
    assert_eq!(asked.load(Ordering::SeqCst), 2);
    assert!(format!("{client:?}").contains("Provider"));
}

/// The provider's time is the attempt's: a provider that takes most of the
/// attempt's timeout leaves only the rest for the exchange.
#[tokio::test]
async fn the_token_provider_s_time_counts_against_the_attempt() {
    let second = Duration::from_secs(1);
    let client = |server: &FaultServer, attempt_timeout: Duration| {
        server
            .client()
            .attempt_timeout(attempt_timeout)
            .retry(RetryPolicy::none())
            .token_provider(move || async move {
                tokio::time::sleep(second).await;
                Ok("token".to_string())
            })
            .build()
            .unwrap()
    };
    // A second for the token, a second for the answer: more than 1.5 s.
    let slow = Step::Slow(second, Box::new(Step::json(200, OK)));
    let server = FaultServer::start(vec![slow.clone()]).await;
    let limit = Duration::from_millis(1500);
    let started = tokio::time::Instant::now();
    let err = call(&client(&server, limit)).await.unwrap_err();
    let took = started.elapsed();
    assert!(matches!(&err, Error::Timeout { meta: None, .. }), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 1);
    assert_eq!(server.hits().len(), 1, "sent once the token came");
    assert!(took >= limit && took <= limit + SLOWER, "took {took:?}");

    // With time for both, both fit.
    let server = FaultServer::start(vec![slow]).await;
    let both = 2 * second + SLOWER;
    let answer = call(&client(&server, both)).await.unwrap();
    assert!(answer.is_agreement_signed);
}

/// A success status the documents do not give is not an answer: the
/// domain check, which the documents answer with 200 (in use) or 404
/// (available), gets a 201. It is not taken for either, nor retried.
#[tokio::test]
async fn a_success_status_the_documents_do_not_give_is_an_unexpected_answer() {
    let bare = |status| Step::Reply {
        status,
        headers: Vec::new(),
        body: Vec::new(),
    };
    for status in [201, 206, 299] {
        let server = FaultServer::start(vec![bare(status), bare(200)]).await;
        let client = server.client().build().unwrap();
        let err = client
            .verify_domain_availability("contoso.example")
            .await
            .map_err(Error::from)
            .unwrap_err();
        let Error::Decode {
            meta,
            expected,
            source,
            excerpt,
            call,
            ..
        } = &err
        else {
            panic!("{status}: {err:?}")
        };
        assert_eq!(meta.status(), status);
        assert!(
            expected.ends_with("::VerifyDomainAvailabilityResponse"),
            "{expected}"
        );
        assert_eq!(
            source.to_string(),
            format!("status {status} is not an answer the documents give")
        );
        assert_eq!(excerpt, "");
        assert_eq!(call.attempts(), 1);
        assert_eq!(server.hits().len(), 1, "{status}: not retried");
    }
    // The first status past them is a redirect's.
    let server = FaultServer::start(vec![bare(300)]).await;
    let client = server.client().build().unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Redirected { location: None, meta, .. } if meta.status() == 300),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_failing_token_provider_is_a_token_error() {
    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server
        .client()
        .token_provider(|| async { Err("the identity service is down".into()) })
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(matches!(&err, Error::Token { .. }), "{err:?}");
    // The provider's words may hold a secret: behind `source()`, not in Display.
    assert!(
        !err.to_string().contains("identity service is down"),
        "{err}"
    );
    let source = std::error::Error::source(&err).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("the identity service is down"));
    assert!(server.hits().is_empty(), "nothing sent without a token");
}

#[tokio::test]
async fn nothing_shows_the_token() {
    let server = FaultServer::start(vec![Step::json(500, "oops")]).await;
    let builder = server.client().retry(RetryPolicy::none());
    assert!(!format!("{builder:?}").contains(TOKEN));
    let client = builder.build().unwrap();
    assert!(!format!("{client:?}").contains(TOKEN));
    let pending = client.agreement_status(Program::Csp, Reseller::MpnId(1));
    assert!(!format!("{pending:?}").contains(TOKEN));
    let err = pending.await.unwrap_err();
    no_token(&err);
    assert_eq!(
        server.hits()[0].header("Authorization"),
        Some("Bearer secret-token-value")
    );
}
