//! Every failure has a category a caller can decide on (not found, ask
//! again for consent, wait and retry...), whatever its variant and whether
//! the operation's page documents it: the client against the crate's test
//! server on 127.0.0.1, scripted to fail each way.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{
    AgreementStatusError, Error, ErrorCategory, GetAvailabilityError, ListAvailabilitiesError,
    Program, Reseller, RetryPolicy, TestServer, TokenError, Uuid,
};

/// An error body in the documented shape.
const ERROR_BODY: &str =
    r#"{"code": 600001, "description": "scripted", "data": [], "source": "PartnerFD"}"#;

/// A client of `server` that tries each call once.
fn once(server: &TestServer) -> partner_center::Client {
    server.client().retry(RetryPolicy::none()).build().unwrap()
}

#[tokio::test]
async fn each_status_is_its_category() {
    let server = TestServer::start().await.unwrap();
    let client = once(&server);
    let table = [
        (400, ErrorCategory::InvalidRequest, false),
        (401, ErrorCategory::Unauthorized, false),
        (403, ErrorCategory::Forbidden, false),
        (404, ErrorCategory::NotFound, false),
        (408, ErrorCategory::Timeout, true),
        (409, ErrorCategory::Conflict, false),
        (412, ErrorCategory::Conflict, false),
        (418, ErrorCategory::Other, false),
        (500, ErrorCategory::Service, true),
        (501, ErrorCategory::Service, false),
        (503, ErrorCategory::Service, true),
    ];
    for (status, category, retryable) in table {
        // An error body in the documented shape, and one that is not.
        for body in [ERROR_BODY, "<html>no</html>"] {
            server.get_customer().status(status, body);
            let error = client.get_customer(Uuid::nil()).await.unwrap_err();
            let at = format!("{status} {body}: {error}");
            assert_eq!(error.category(), category, "{at}");
            assert_eq!(error.is_retryable(), retryable, "{at}");
            assert_eq!(error.is_not_found(), status == 404, "{at}");
            assert_eq!(error.is_unauthorized(), status == 401, "{at}");
            assert!(!error.is_throttled(), "{at}");
            // The general error says the same.
            let general = error.into_error();
            assert_eq!(general.category(), category, "{at}");
            assert_eq!(general.is_retryable(), retryable, "{at}");
        }
    }
    server.get_customer().status(429, ERROR_BODY);
    let error = client.get_customer(Uuid::nil()).await.unwrap_err();
    assert_eq!(error.category(), ErrorCategory::Throttled);
    assert!(error.is_throttled() && error.is_retryable());
}

#[tokio::test]
async fn a_documented_failure_is_the_category_of_its_status() {
    let server = TestServer::start().await.unwrap();
    let client = once(&server);
    server
        .agreement_status()
        .fail(AgreementStatusError::TenantIdNotGuid);
    let error = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .unwrap_err();
    assert_eq!(error.id(), "tenant_id_not_guid");
    assert_eq!(error.category(), ErrorCategory::InvalidRequest, "{error}");
    assert!(!error.is_retryable() && !error.is_not_found());

    server
        .get_availability()
        .fail(GetAvailabilityError::NotFound);
    let error = client
        .get_availability("DZH318Z0BQ3Q", "0001", "DZH318Z0BQ3V", "US")
        .await
        .unwrap_err();
    assert_eq!(error.id(), "not_found");
    assert_eq!(error.category(), ErrorCategory::NotFound, "{error}");
    assert!(error.is_not_found() && !error.is_retryable());

    server
        .list_availabilities()
        .fail(ListAvailabilitiesError::AccessNotAllowed);
    let error = client
        .list_availabilities("DZH318Z0BQ3Q", "0001", "US")
        .await
        .unwrap_err();
    assert_eq!(error.id(), "access_not_allowed");
    assert_eq!(error.category(), ErrorCategory::Forbidden, "{error}");
}

#[tokio::test]
async fn an_answer_that_is_not_the_documented_one_is_a_response_failure() {
    let server = TestServer::start().await.unwrap();
    let client = once(&server);
    server.get_customer().status(200, r#"{"id": 5}"#);
    let error = client.get_customer(Uuid::nil()).await.unwrap_err();
    assert_eq!(error.category(), ErrorCategory::Response);
    assert!(!error.is_retryable());
    let Error::Decode { source, .. } = error.into_error() else {
        panic!("not a decode failure")
    };
    let why = source.to_string();
    assert_eq!(
        why,
        "invalid type: integer `5`, expected a formatted UUID string at line 1 column 8"
    );
}

#[tokio::test]
async fn a_token_provider_s_failure_is_unauthorized() {
    let server = TestServer::start().await.unwrap();
    let client = server
        .client()
        .token_provider(|| async { Err::<String, TokenError>("AADSTS70043: consent again".into()) })
        .build()
        .unwrap();
    let error = client.get_customer(Uuid::nil()).await.unwrap_err();
    assert_eq!(error.category(), ErrorCategory::Unauthorized);
    assert!(error.is_unauthorized() && !error.is_retryable());
    // The provider's words (which may hold a secret) are its source, not
    // in Display.
    let source = std::error::Error::source(&error).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("AADSTS70043: consent again"));
    // Nothing was sent.
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn no_connection_is_a_connection_failure_worth_retrying() {
    // A port nothing listens on any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let server = TestServer::start().await.unwrap();
    let client = server
        .client()
        .base_url(url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client.get_customer(Uuid::nil()).await.unwrap_err();
    assert_eq!(error.category(), ErrorCategory::Connection, "{error}");
    assert!(error.is_retryable());
}
