//! The client against a hostile server and a careless caller: each case was
//! a way through before, and is now refused or reported as what it is.

use std::time::Duration;

use partner_center::{AgreementStatusError, Client, Error, Program, Reseller, RetryPolicy};
use partner_center_tests::SLOWER;
use partner_center_tests::fault::{FaultServer, Step};

const OK: &str = r#"{"isAgreementSigned":true}"#;

async fn call(client: &Client, program: Program) -> Result<bool, Error> {
    client
        .agreement_status(program, Reseller::MpnId(1))
        .await
        .map(|s| s.is_agreement_signed)
        .map_err(Error::from)
}

#[tokio::test]
async fn control_characters_in_a_path_value_are_refused_before_sending() {
    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    // The URL parser drops TAB, CR and LF after the `.`/`..` check: `.\t.`
    // would become `..`, one level up, authenticated.
    for value in [".\t.", "a\nb", "x\r", "\u{1b}[31m"] {
        let err = call(&client, Program::from(value)).await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { .. }),
            "{value:?}: {err:?}"
        );
        assert!(err.call().is_none(), "nothing was sent");
    }
    assert!(server.hits().is_empty());
}

#[tokio::test]
async fn a_redirect_is_an_error_and_is_never_followed() {
    let elsewhere = FaultServer::start(vec![Step::json(200, OK)]).await;
    let location = format!(
        "{}/v1/compliance/csp/agreementstatus?mpnId=1",
        elsewhere.base_url
    );
    let redirect = Step::Reply {
        status: 302,
        headers: vec![
            ("Location".into(), location.clone()),
            (
                "MS-RequestId".into(),
                "aa04fb9d-c6b6-4754-8a6a-86e00cdd5ccb".into(),
            ),
        ],
        body: Vec::new(),
    };
    let server = FaultServer::start(vec![redirect]).await;
    let client = server.client().application("contoso").build().unwrap();
    let err = call(&client, Program::Csp).await.unwrap_err();
    match &err {
        Error::Redirected {
            location: Some(to),
            meta,
            call,
            ..
        } => {
            assert_eq!(to, &location);
            assert_eq!(meta.status(), 302);
            assert_eq!(
                meta.request_id(),
                Some("aa04fb9d-c6b6-4754-8a6a-86e00cdd5ccb")
            );
            assert_eq!(call.attempts(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.hits().len(), 1, "not retried");
    assert!(elsewhere.hits().is_empty(), "the other origin got nothing");
}

#[tokio::test]
async fn a_retry_after_on_503_is_waited_for() {
    let busy = Step::Reply {
        status: 503,
        headers: vec![("Retry-After".into(), "1".into())],
        body: b"busy".to_vec(),
    };
    let server = FaultServer::start(vec![busy, Step::json(200, OK)]).await;
    let client = server.client().build().unwrap();
    assert!(call(&client, Program::Csp).await.unwrap());
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    let waited = hits[1].at - hits[0].at;
    // At least the second it asked for, and not much more.
    assert!(
        waited >= Duration::from_secs(1) && waited <= Duration::from_secs(1) + SLOWER,
        "waited {waited:?}"
    );
}

#[tokio::test]
async fn a_token_provider_that_never_answers_cannot_outlast_the_call() {
    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server
        .client()
        .call_timeout(Duration::from_millis(300))
        .token_provider(std::future::pending)
        .build()
        .unwrap();
    let err = call(&client, Program::Csp).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 0, "no attempt was sent");
    assert!(server.hits().is_empty());
}

#[tokio::test]
async fn a_blank_token_from_a_provider_is_not_sent() {
    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server
        .client()
        .token_provider(|| async { Ok("  ".to_string()) })
        .build()
        .unwrap();
    let err = call(&client, Program::Csp).await.unwrap_err();
    assert!(matches!(&err, Error::Token { .. }), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 0);
    assert!(server.hits().is_empty());
}

#[tokio::test]
async fn a_response_head_too_large_to_read_is_not_retried_as_a_lost_connection() {
    let huge = Step::Reply {
        status: 200,
        headers: vec![("X-Padding".into(), "x".repeat(1 << 20))],
        body: OK.as_bytes().to_vec(),
    };
    let server = FaultServer::start(vec![huge]).await;
    let client = server.client().build().unwrap();
    let err = call(&client, Program::Csp).await.unwrap_err();
    assert!(matches!(&err, Error::InvalidResponse { .. }), "{err:?}");
    assert_eq!(server.hits().len(), 1, "not retried");
    let mut chain = Vec::new();
    let mut cause = std::error::Error::source(&err);
    while let Some(c) = cause {
        chain.push(c.to_string());
        cause = c.source();
    }
    // The cause is kept: what the HTTP client says, down to the parser's words.
    let url = format!(
        "{}/v1/compliance/csp/agreementstatus?mpnId=1",
        server.base_url
    );
    assert_eq!(
        chain.first().map(String::as_str),
        Some(format!("error sending request for url ({url})").as_str()),
        "{chain:?}"
    );
    assert_eq!(
        chain.last().map(String::as_str),
        Some("message head is too large"),
        "{chain:?}"
    );
}

#[tokio::test]
async fn server_text_reaches_display_with_its_control_characters_escaped() {
    let body = r#"{"code": "1\u001b[2J", "description": "Bad.\r\nX-Injected: yes\u001b[31m \u202egnp.exe\u2066", "data": [], "source": "Partner\nFD"}"#;
    let server = FaultServer::start(vec![Step::json(400, body)]).await;
    let client = server.client().build().unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AgreementStatusError::Other(Error::Api(_))),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    // Nor the controls that reorder what follows them on a line.
    assert!(!shown.contains(['\u{202e}', '\u{2066}']), "{shown:?}");
    assert!(
        shown.contains("Bad.\\r\\nX-Injected: yes\\u{1b}[31m \\u{202e}gnp.exe\\u{2066}"),
        "{shown}"
    );

    let throttled = Step::Reply {
        status: 429,
        headers: vec![("Retry-After".into(), "0".into())],
        body: br#"{"statusCode": 429, "message": "Slow\u001b]0;pwned\u0007 down"}"#.to_vec(),
    };
    let server = FaultServer::start(vec![throttled]).await;
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let (request_id, correlation_id) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let shown = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .request_id(request_id)
        .correlation_id(correlation_id)
        .await
        .unwrap_err()
        .to_string();
    assert_eq!(
        shown,
        format!(
            "throttled (HTTP 429), retry after 0s: Slow\\u{{1b}}]0;pwned\\u{{7}} down \
             [MS-RequestId {request_id}, MS-CorrelationId {correlation_id}, 1 attempt]"
        )
    );
}

#[test]
fn open_enums_parse_and_compare_whatever_the_case() {
    let parsed: Program = "csp".parse().unwrap();
    assert_eq!(parsed, Program::Csp);
    assert_eq!(Program::Other("CSP".into()), Program::Csp);
    assert_eq!(Program::from("CsP".to_string()), Program::Csp);
    assert_ne!(Program::from("other"), Program::Csp);
    let set: std::collections::HashSet<Program> =
        [Program::Csp, Program::Other("csp".into())].into();
    assert_eq!(set.len(), 1, "equal values hash alike");
}
