//! The token provider: asked before every attempt, within the attempt's
//! time, its failure a token error, and the token never shown.

use super::*;

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
