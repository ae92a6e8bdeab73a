//! What is retried, with which ids and waits, and when the client gives up.

use super::*;

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
