//! Responses compressed with gzip (feature `gzip`), from a server on
//! 127.0.0.1: the client asks for them, reads them decoded, and holds the
//! decoded body to its limit, so that a small gzip of a hundred megabytes of
//! zeros ends in `BodyTooLarge` instead of in memory.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use partner_center::{DEFAULT_MAX_BODY_SIZE, Error, Program, Reseller, RetryPolicy};
use partner_center_tests::fault::{FaultServer, Step};

/// `body` as gzip, in pieces of up to a mebibyte of `body` repeated `times`.
fn gzip(body: &[u8], times: usize) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    for _ in 0..times {
        encoder.write_all(body).unwrap();
    }
    encoder.finish().unwrap()
}

fn gzipped_json(body: Vec<u8>) -> Step {
    Step::Reply {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Content-Encoding".into(), "gzip".into()),
        ],
        body,
    }
}

#[tokio::test]
async fn a_gzip_body_is_asked_for_and_read_decoded() {
    let body = gzip(br#"{"isAgreementSigned":true}"#, 1);
    let server = FaultServer::start(vec![gzipped_json(body)]).await;
    let client = server.client().build().unwrap();

    let status = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .unwrap();
    assert!(status.is_agreement_signed);
    let hits = server.hits();
    let accepted = hits[0].header("accept-encoding").unwrap_or_default();
    assert!(accepted.contains("gzip"), "{accepted:?}");
}

#[tokio::test]
async fn a_gzip_bomb_is_refused_at_the_decoded_limit() {
    // 100 MiB of zeros: about a tenth of a mebibyte on the wire.
    let bomb = gzip(&vec![0; 1 << 20], 100);
    assert!(bomb.len() < DEFAULT_MAX_BODY_SIZE / 8, "{}", bomb.len());
    let server = FaultServer::start(vec![gzipped_json(bomb)]).await;
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();

    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .map_err(Error::from)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                limit: DEFAULT_MAX_BODY_SIZE,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.hits().len(), 1);
}
