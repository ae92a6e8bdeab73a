//! The test server's token endpoint (Entra ID's `/{tenant}/oauth2/token`),
//! driven by the crate's own `entra` token providers as a downstream test
//! would: tokens issued for the cloud's resource, rotated refresh tokens
//! handed to the caller and the old one retired, lifetimes that end and are
//! renewed, each scripted refusal typed, and an API that takes only the
//! tokens the endpoint issued when told to.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::sync::{Arc, Mutex};
use std::time::Duration;

use partner_center::entra::{
    ClientSecretCredential, EntraError, EntraErrorKind, RefreshTokenCredential,
};
use partner_center::{
    AgreementStatusError, Client, Cloud, Error, Program, Reseller, TestServer, TokenProvider,
    TokenRefusal,
};
use partner_center_tests::raw_request;

const TENANT: &str = "contoso.onmicrosoft.com";
const APP: &str = "00000000-0000-0000-0000-000000000001";
const SECRET: &str = "app-secret-value";
const CONSENTED: &str = "refresh-token-of-the-consent";

type Stored = Arc<Mutex<Vec<String>>>;

/// A provider of App+User tokens from `refresh` at `server`'s endpoint,
/// storing each rotated refresh token in `stored`.
fn app_user(server: &TestServer, refresh: &str, stored: &Stored) -> RefreshTokenCredential {
    let stored = stored.clone();
    RefreshTokenCredential::builder(TENANT, APP, refresh, move |rotated: &str| {
        stored.lock().unwrap().push(rotated.to_string());
        Ok(())
    })
    .client_secret(SECRET)
    .authority(server.token_endpoint().authority())
    .build()
    .unwrap()
}

fn client_of(server: &TestServer, tokens: impl TokenProvider) -> Client {
    server.client().token_provider(tokens).build().unwrap()
}

async fn call(client: &Client) -> Result<(), Error> {
    let status = client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567));
    status
        .await
        .map(drop)
        .map_err(AgreementStatusError::into_error)
}

#[tokio::test]
async fn a_refresh_token_is_exchanged_once_rotated_and_the_old_one_retired() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    endpoint.require_issued_tokens();
    let stored = Stored::default();
    let client = client_of(&server, app_user(&server, CONSENTED, &stored));
    for _ in 0..3 {
        call(&client).await.unwrap();
    }
    let exchanges = endpoint.exchanges();
    assert_eq!(exchanges.len(), 1, "one exchange, then the cached token");
    let first = &exchanges[0];
    assert_eq!(first.tenant, TENANT);
    assert_eq!(first.grant_type.as_deref(), Some("refresh_token"));
    assert_eq!(first.client_id.as_deref(), Some(APP));
    assert!(first.has_client_secret);
    assert_eq!(first.resource.as_deref(), Cloud::Global.token_resource());
    assert_eq!(first.refresh_token.as_deref(), Some(CONSENTED));
    assert_eq!(first.status, 200);
    assert!(!format!("{exchanges:?}").contains(SECRET), "no secret kept");
    let rotated = stored.lock().unwrap().clone();
    assert_eq!(
        rotated.len(),
        1,
        "the rotated refresh token reached the caller"
    );
    assert_ne!(rotated[0], CONSENTED);

    // The next run starts from the stored token; a run that kept the old
    // one is refused as a consent that has to be given again.
    let next = app_user(&server, &rotated[0], &Stored::default());
    call(&client_of(&server, next)).await.unwrap();
    assert_eq!(
        endpoint.exchanges()[1].refresh_token,
        Some(rotated[0].clone())
    );
    let stale = app_user(&server, CONSENTED, &Stored::default());
    let e = stale.token().await.unwrap_err();
    let e = e.downcast_ref::<EntraError>().unwrap();
    assert_eq!(e.kind(), EntraErrorKind::ReconsentRequired);
    assert_eq!(e.aadsts(), Some(70008));
}

#[tokio::test]
async fn a_token_past_its_lifetime_is_refused_by_the_api_and_renewed_by_the_provider() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    endpoint
        .require_issued_tokens()
        .lifetime(Duration::from_secs(1));
    let tokens = RefreshTokenCredential::builder(TENANT, APP, CONSENTED, |_: &str| Ok(()))
        .authority(endpoint.authority())
        .renew_before(Duration::ZERO)
        .build()
        .unwrap();
    let client = client_of(&server, tokens);
    call(&client).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    endpoint.lifetime(Duration::from_secs(3600));
    call(&client).await.unwrap();
    call(&client).await.unwrap();
    assert_eq!(
        endpoint.exchanges().len(),
        2,
        "renewed once its lifetime ended, then reused"
    );

    // Tokens ended by the test: the provider does not know, the API says 401.
    endpoint.expire_access_tokens();
    match call(&client).await {
        Err(Error::Api(e)) => assert_eq!(e.meta().status(), 401),
        other => panic!("{other:?}"),
    }
    // A token the endpoint never issued is refused too; without the rule,
    // any Bearer token is taken.
    let fixed = server.client().build().unwrap();
    assert!(call(&fixed).await.is_err());
    server.reset();
    call(&fixed).await.unwrap();
    assert!(server.token_endpoint().exchanges().is_empty());
}

#[tokio::test]
async fn each_scripted_refusal_reaches_the_caller_typed() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    let cases = [
        (
            TokenRefusal::ExpiredRefreshToken,
            EntraErrorKind::ReconsentRequired,
            70008,
        ),
        (
            TokenRefusal::ConsentRequired,
            EntraErrorKind::ReconsentRequired,
            65001,
        ),
        (
            TokenRefusal::MfaRequired,
            EntraErrorKind::MfaRequired,
            50076,
        ),
        (
            TokenRefusal::InvalidClient,
            EntraErrorKind::InvalidClient,
            7000215,
        ),
    ];
    let tokens = app_user(&server, CONSENTED, &Stored::default());
    for (refusal, kind, code) in cases {
        endpoint.refuse(refusal);
        let e = tokens.token().await.unwrap_err();
        let e = e.downcast_ref::<EntraError>().unwrap();
        assert_eq!((e.kind(), e.aadsts()), (kind, Some(code)), "{refusal:?}");
    }
    endpoint.answer(503, "<html>busy</html>");
    let e = tokens.token().await.unwrap_err();
    let e = e.downcast_ref::<EntraError>().unwrap();
    assert_eq!(e.kind(), EntraErrorKind::UnexpectedAnswer);
    // Nothing queued any more: a token. A refusal through the client is
    // its token error, the Entra error as its source.
    assert!(tokens.token().await.is_ok());
    endpoint.refuse(TokenRefusal::MfaRequired);
    let stale = app_user(&server, "another-consent", &Stored::default());
    match call(&client_of(&server, stale)).await {
        Err(error @ Error::Token { .. }) => {
            let source = std::error::Error::source(&error).unwrap();
            let entra = source.downcast_ref::<EntraError>().unwrap();
            assert_eq!(entra.kind(), EntraErrorKind::MfaRequired);
        }
        other => panic!("{other:?}"),
    }
    let statuses: Vec<u16> = endpoint.exchanges().iter().map(|e| e.status).collect();
    assert_eq!(statuses, [400, 400, 400, 401, 503, 200, 400]);
}

#[tokio::test]
async fn an_app_only_credential_exchanges_its_secret() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    endpoint.require_issued_tokens();
    let tokens = ClientSecretCredential::builder(TENANT, APP, SECRET)
        .authority(endpoint.authority())
        .build()
        .unwrap();
    call(&client_of(&server, tokens)).await.unwrap();
    let exchanges = endpoint.exchanges();
    assert_eq!(exchanges.len(), 1);
    assert_eq!(
        exchanges[0].grant_type.as_deref(),
        Some("client_credentials")
    );
    assert!(exchanges[0].has_client_secret);
    assert_eq!(exchanges[0].refresh_token, None);
}

#[tokio::test]
async fn a_malformed_exchange_is_refused_as_entra_id_refuses_it() {
    let server = TestServer::start().await.unwrap();
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let cases = [
        ("client_id=a", 400, "invalid_request", "grant_type"),
        (
            "grant_type=refresh_token&client_id=a",
            400,
            "invalid_request",
            "refresh_token",
        ),
        (
            "grant_type=password&client_id=a",
            400,
            "unsupported_grant_type",
            "password",
        ),
        (
            "grant_type=client_credentials&client_id=a",
            401,
            "invalid_client",
            "client_secret",
        ),
    ];
    for (body, status, error, names) in cases {
        let path = format!("/{TENANT}/oauth2/token");
        let answer = raw_request(&server.base_url(), "POST", &path, &form, body).await;
        assert_eq!(answer.status, status, "{body}");
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(json["error"], error, "{body}");
        let description = json["error_description"].as_str().unwrap();
        assert!(description.starts_with("AADSTS"), "{description}");
        assert!(description.contains(names), "{description}");
    }
    // Only POST to a tenant's /oauth2/token is the endpoint; no API request
    // was logged for any of it.
    let get = raw_request(&server.base_url(), "GET", "/t/oauth2/token", &[], "").await;
    assert_eq!(get.status, 404);
    assert_eq!(server.token_endpoint().exchanges().len(), 4);
    assert_eq!(server.requests().len(), 1, "the GET, an unknown path");
}
