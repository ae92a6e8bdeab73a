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
