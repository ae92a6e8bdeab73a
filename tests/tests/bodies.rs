//! A response's body as the client reads it from a server on 127.0.0.1:
//! whole, however many pieces it comes in, and within the client's limit
//! (`ClientBuilder::max_body_size`), a body of exactly the limit included.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::{Client, Error, Program, Reseller, RetryPolicy};
use partner_center_tests::fault::{FaultServer, Step};

async fn call(client: &Client) -> Result<bool, Error> {
    client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .map(|s| s.is_agreement_signed)
        .map_err(Error::from)
}

/// A success body of exactly `len` bytes: the documented property and padding.
fn body_of(len: usize) -> Vec<u8> {
    let bare = r#"{"isAgreementSigned":true,"padding":""}"#;
    assert!(len >= bare.len());
    format!(
        r#"{{"isAgreementSigned":true,"padding":"{}"}}"#,
        "x".repeat(len - bare.len())
    )
    .into_bytes()
}

/// `body` in three chunks of `Transfer-Encoding: chunked`, none of which
/// decodes alone.
fn in_three_chunks(body: &[u8]) -> Step {
    let third = body.len() / 3;
    Step::Chunked {
        status: 200,
        chunks: vec![
            body[..third].to_vec(),
            body[third..2 * third].to_vec(),
            body[2 * third..].to_vec(),
        ],
    }
}

/// With `Content-Length`, the whole body at once.
fn with_length(body: &[u8]) -> Step {
    Step::Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.to_vec(),
    }
}

/// A client of `server` with this body limit, without retries.
fn limited(server: &FaultServer, limit: usize) -> Client {
    server
        .client()
        .max_body_size(limit)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_body_in_several_pieces_arrives_whole() {
    // Each chunk of a chunked body is read apart.
    let chunks: Vec<Vec<u8>> = [r#"{"isAgreem"#, r#"entSigned":"#, "true}"]
        .map(|c| c.as_bytes().to_vec())
        .into();
    let server = FaultServer::start(vec![Step::Chunked {
        status: 200,
        chunks,
    }])
    .await;
    let client = server.client().build().unwrap();
    assert!(call(&client).await.unwrap());

    // A body with a length, one byte at a time.
    let trickle = Step::Trickle {
        interval: Duration::from_millis(2),
        body: br#"{"isAgreementSigned":true}"#.to_vec(),
    };
    let server = FaultServer::start(vec![trickle]).await;
    let client = server.client().build().unwrap();
    assert!(call(&client).await.unwrap());
    assert_eq!(server.hits().len(), 1);
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_accepted() {
    let limit = 1024;
    let body = body_of(limit);
    for step in [with_length(&body), in_three_chunks(&body)] {
        let server = FaultServer::start(vec![step.clone()]).await;
        let got = call(&limited(&server, limit)).await;
        assert!(
            got.as_ref().is_ok_and(|signed| *signed),
            "{step:?}: {got:?}"
        );
    }
}

#[tokio::test]
async fn a_body_one_byte_over_the_limit_is_refused() {
    let limit = 1024;
    let body = body_of(limit + 1);
    for step in [with_length(&body), in_three_chunks(&body)] {
        let server = FaultServer::start(vec![step.clone()]).await;
        let err = call(&limited(&server, limit)).await.unwrap_err();
        match &err {
            Error::BodyTooLarge {
                meta, limit, call, ..
            } => {
                assert_eq!((meta.status(), *limit, call.attempts()), (200, 1024, 1));
            }
            other => panic!("{step:?}: {other:?}"),
        }
        assert_eq!(
            err.to_string(),
            format!(
                "HTTP 200 body is larger than the limit of 1024 bytes [MS-RequestId {}, MS-CorrelationId {}, 1 attempt]",
                err.call().unwrap().request_id(),
                err.call().unwrap().correlation_id()
            )
        );
        assert_eq!(server.hits().len(), 1);
    }
}

/// A body that says it is over the limit is refused on its word, before
/// any of it is read: even one that would take minutes to arrive.
#[tokio::test]
async fn a_body_declared_over_the_limit_is_refused_before_it_is_read() {
    let limit = 1024;
    let slow = Step::Trickle {
        interval: Duration::from_secs(10),
        body: body_of(limit + 1),
    };
    let server = FaultServer::start(vec![slow]).await;
    let client = server
        .client()
        .max_body_size(limit)
        .attempt_timeout(Duration::from_secs(5))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::BodyTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
}
