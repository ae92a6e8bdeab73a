//! The test server (feature `test-server`) reads a request as strictly as
//! the service would, so that a client that gets it wrong fails its tests:
//! only a Bearer token is a token, and bytes that are not UTF-8 are never
//! read lossily into a value that is then answered as valid.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::TestServer;
use partner_center_tests::wire::{Answer, address, exchange};

/// How long an answer may take on a busy machine.
const WITHIN: Duration = Duration::from_secs(10);

/// `request` (a head without its blank line, then a body) sent to `server`.
async fn send(server: &TestServer, head: &str, body: &[u8]) -> Answer {
    let mut request = format!(
        "{head}\r\nHost: test\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    let address = address(&server.base_url());
    exchange(&address, &request, WITHIN).await.unwrap()
}

/// A customer read with `authorization` as the header's value, if any.
async fn get_customer(server: &TestServer, authorization: Option<&str>) -> Answer {
    let mut head = "GET /v1/customers/0d2d9fd8-7e71-4b9b-9f3c-6b9a4e1f2a10 HTTP/1.1".to_string();
    if let Some(value) = authorization {
        head.push_str(&format!("\r\nAuthorization: {value}"));
    }
    send(server, &head, b"").await
}

#[tokio::test]
async fn only_a_bearer_token_is_a_token() {
    let server = TestServer::start().await.unwrap();
    let missing = get_customer(&server, None).await;
    assert_eq!(missing.status, 401);
    let refused = [
        "Basic dTpw",
        "Digest username=\"u\"",
        "Token abc",
        "Bearer",
        "Bearer    ",
        "Bearerabc",
        "BearerBearer abc",
        "Bearer: abc",
        "abc",
    ];
    for value in refused {
        let answer = get_customer(&server, Some(value)).await;
        assert_eq!(answer.status, 401, "{value:?}");
        assert_eq!(
            answer.body, missing.body,
            "{value:?}: the missing token's answer"
        );
    }
    // The scheme is compared without case (RFC 9110, 11.1).
    let accepted = ["Bearer t", "bearer t", "BEARER eyJ0eXAi.x.y", "Bearer   t"];
    for value in accepted {
        let answer = get_customer(&server, Some(value)).await;
        assert_eq!(answer.status, 200, "{value:?}");
    }
    let log = server.requests();
    let tokens: Vec<bool> = log.iter().map(|r| r.has_token).collect();
    let expected: Vec<bool> = [false; 10].into_iter().chain([true; 4]).collect();
    assert_eq!(tokens, expected, "the log says which carried a token");
}

#[tokio::test]
async fn a_body_whose_strings_are_not_utf8_is_not_json() {
    let server = TestServer::start().await.unwrap();
    let head =
        "POST /v1/customers HTTP/1.1\r\nAuthorization: Bearer t\r\nContent-Type: application/json";
    let answer = send(
        &server,
        head,
        b"{\"companyProfile\": {\"domain\": \"\xFF\xFEa\"}}",
    )
    .await;
    assert_eq!(answer.status, 400, "{}", answer.head);
    let body = answer.json();
    assert_eq!(body["code"], 800002, "{body}");
    assert!(body["data"].to_string().contains("not JSON"), "{body}");
    // The same body in UTF-8 is.
    let answer = send(
        &server,
        head,
        "{\"companyProfile\": {\"domain\": \"ÿa\"}}".as_bytes(),
    )
    .await;
    assert_eq!(answer.status, 201, "{}", answer.head);
}

#[tokio::test]
async fn a_path_or_query_that_is_not_utf8_once_decoded_is_refused() {
    let server = TestServer::start().await.unwrap();
    let bearer = "\r\nAuthorization: Bearer t";
    // `ProgramName` is text: read lossily, `%FF` was a program, and answered.
    let head = format!("GET /v1/compliance/%FF/agreementstatus?mpnId=1234567 HTTP/1.1{bearer}");
    let answer = send(&server, &head, b"").await;
    assert_eq!(answer.status, 400, "{}", answer.head);
    let data = answer.json()["data"].to_string();
    assert!(
        data.contains("ProgramName") && data.contains("%FF"),
        "{data}"
    );
    assert!(data.contains("UTF-8"), "{data}");
    assert!(!data.contains('\u{FFFD}'), "{data}");
    // A GUID cut short: what was sent is shown, not a replacement character.
    let head = format!("GET /v1/customers/%C3 HTTP/1.1{bearer}");
    let answer = send(&server, &head, b"").await;
    assert_eq!(answer.status, 400, "{}", answer.head);
    let data = answer.json()["data"].to_string();
    assert!(data.contains("%C3") && !data.contains('\u{FFFD}'), "{data}");
    // A query value: a number's neighbour, never read.
    let head =
        format!("GET /v1/compliance/csp/agreementstatus?mpnId=1234567&note=%FF HTTP/1.1{bearer}");
    let answer = send(&server, &head, b"").await;
    assert_eq!(answer.status, 400, "{}", answer.head);
    assert!(answer.json()["data"].to_string().contains("UTF-8"));
    // Well-formed UTF-8, percent-encoded, is text as before.
    let head = format!("GET /v1/compliance/%C3%BF/agreementstatus?mpnId=1234567 HTTP/1.1{bearer}");
    assert_eq!(send(&server, &head, b"").await.status, 200);

    let log = server.requests();
    let operations: Vec<_> = log.iter().map(|r| r.operation).collect();
    let status = Some("agreement_status");
    let expected = [status, Some("get_customer"), status, status];
    assert_eq!(operations, expected);
}
