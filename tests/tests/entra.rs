//! The Entra ID token providers (feature `entra`) against a token endpoint
//! on 127.0.0.1 that answers as the secure application model's page shows:
//! the documented form goes out, the documented answer is a token, the token
//! is cached and renewed before it expires, a rotated refresh token reaches
//! the caller before it is used, one exchange serves any number of waiting
//! calls, each refusal that needs a new consent is typed, and no secret is
//! ever shown.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::sync::{Arc, Mutex};

use partner_center::entra::{
    ClientSecretCredential, EntraError, EntraErrorKind, RefreshTokenCredential,
};
use partner_center::{Error, Program, Reseller, TokenError, TokenProvider};
use partner_center_tests::{Reply, TestServer, en_us, example_responses};

const TENANT: &str = "contoso.onmicrosoft.com";
const APP: &str = "00000000-0000-0000-0000-000000000001";
const SECRET: &str = "app-secret-value";
const REFRESH: &str = "first-refresh-token";

/// The answer of "Get access token" in enable-secure-app-model.md: its
/// `Response body:` block, a JSON object written in an `http` fence.
fn documented_answer() -> String {
    let page = en_us("enable-secure-app-model.md");
    let block = page
        .code_blocks
        .iter()
        .find(|b| b.text.contains("\"access_token\":\"AccessTokenValue\""))
        .expect("the page's access-token answer");
    block.text.trim().to_string()
}

/// The documented answer, with `changes` applied to its JSON.
fn answer_with(changes: &[(&str, serde_json::Value)]) -> Reply {
    let mut json: serde_json::Value = serde_json::from_str(&documented_answer()).unwrap();
    for (key, value) in changes {
        json[*key] = value.clone();
    }
    Reply::json(200, &json.to_string())
}

type Stored = Arc<Mutex<Vec<String>>>;

fn credential(server: &TestServer, stored: &Stored) -> RefreshTokenCredential {
    let stored = stored.clone();
    RefreshTokenCredential::builder(TENANT, APP, REFRESH, move |rotated: &str| {
        stored.lock().unwrap().push(rotated.to_string());
        Ok(())
    })
    .client_secret(SECRET)
    .authority(&server.base_url)
    .build()
    .unwrap()
}

fn form(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

fn pair(name: &str, value: &str) -> (String, String) {
    (name.to_string(), value.to_string())
}

#[tokio::test]
async fn the_documented_exchange_gives_the_documented_token_to_the_client() {
    let entra = TestServer::start(Reply::json(200, &documented_answer())).await;
    let tokens = credential(&entra, &Stored::default());
    let page = en_us("verify-indirect-reseller-mpa-status.md");
    let (_, example) = example_responses(&page).into_iter().next().unwrap();
    let api = TestServer::start(Reply::from_example(&example)).await;
    let client = partner_center::Client::builder(partner_center::Cloud::Global)
        .base_url(&api.base_url)
        .allow_http_on_loopback()
        .token_provider(tokens)
        .build()
        .unwrap();
    client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap();

    let exchanges = entra.received();
    assert_eq!(exchanges.len(), 1);
    let x = &exchanges[0];
    assert_eq!(
        (x.method.as_str(), x.path.as_str()),
        ("POST", "/contoso.onmicrosoft.com/oauth2/token")
    );
    assert_eq!(
        x.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        form(&x.body),
        [
            pair("resource", "https://api.partnercenter.microsoft.com"),
            pair("client_id", APP),
            pair("client_secret", SECRET),
            pair("grant_type", "refresh_token"),
            pair("refresh_token", REFRESH),
            pair("scope", "openid"),
        ]
    );
    let call = &api.received()[0];
    assert_eq!(
        call.header("authorization"),
        Some("Bearer AccessTokenValue")
    );
}

#[tokio::test]
async fn a_token_is_reused_until_the_renewal_margin_before_its_expiry() {
    // 301 s left is more than the default margin of 300 s: reused.
    let entra = TestServer::start(answer_with(&[("expires_in", "301".into())])).await;
    let tokens = credential(&entra, &Stored::default());
    for _ in 0..3 {
        assert_eq!(tokens.token().await.unwrap(), "AccessTokenValue");
    }
    assert_eq!(entra.received().len(), 1);

    // 299 s left is inside the margin: renewed on every call, before a 401.
    let entra = TestServer::start(answer_with(&[("expires_in", 299.into())])).await;
    let tokens = credential(&entra, &Stored::default());
    for _ in 0..3 {
        tokens.token().await.unwrap();
    }
    assert_eq!(entra.received().len(), 3);
}

#[tokio::test]
async fn a_rotated_refresh_token_is_stored_before_use_and_used_next() {
    let entra = TestServer::start(answer_with(&[
        ("refresh_token", "second-refresh-token".into()),
        ("expires_in", "1".into()),
    ]))
    .await;
    let stored = Stored::default();
    let tokens = credential(&entra, &stored);
    tokens.token().await.unwrap();
    assert_eq!(*stored.lock().unwrap(), ["second-refresh-token"]);
    // Expired at once (1 s is inside the margin): the next call exchanges
    // the rotated token, which is no rotation to store again.
    tokens.token().await.unwrap();
    let sent: Vec<String> = entra
        .received()
        .iter()
        .map(|r| {
            let f = form(&r.body);
            f.into_iter().find(|(k, _)| k == "refresh_token").unwrap().1
        })
        .collect();
    assert_eq!(sent, [REFRESH, "second-refresh-token"]);
    assert_eq!(stored.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_rotation_that_cannot_be_stored_is_not_used() {
    let entra = TestServer::start(answer_with(&[("refresh_token", "second".into())])).await;
    let tokens = RefreshTokenCredential::builder(TENANT, APP, REFRESH, |_: &str| {
        Err(TokenError::from("the vault is read-only"))
    })
    .authority(&entra.base_url)
    .build()
    .unwrap();
    let e = tokens.token().await.unwrap_err();
    let e = e.downcast_ref::<EntraError>().unwrap();
    assert_eq!(e.kind(), EntraErrorKind::RotationNotStored);
    assert_eq!(
        std::error::Error::source(e).unwrap().to_string(),
        "the vault is read-only"
    );
    // The next exchange still sends the token the caller holds.
    let _ = tokens.token().await;
    let last = entra.received().pop().unwrap();
    assert!(form(&last.body).contains(&pair("refresh_token", REFRESH)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_waiting_calls_cause_one_exchange() {
    let entra = TestServer::start(Reply::json(200, &documented_answer())).await;
    let tokens = credential(&entra, &Stored::default());
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let tokens = tokens.clone();
        tasks.push(tokio::spawn(async move { tokens.token().await.unwrap() }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), "AccessTokenValue");
    }
    assert_eq!(entra.received().len(), 1);
}

#[tokio::test]
async fn each_refusal_that_needs_a_new_consent_is_typed_with_its_code() {
    let cases = [
        (
            400,
            "invalid_grant",
            70008,
            EntraErrorKind::ReconsentRequired,
        ),
        (
            400,
            "invalid_grant",
            700082,
            EntraErrorKind::ReconsentRequired,
        ),
        (
            400,
            "invalid_grant",
            50173,
            EntraErrorKind::ReconsentRequired,
        ),
        (
            400,
            "interaction_required",
            50076,
            EntraErrorKind::MfaRequired,
        ),
        (
            401,
            "invalid_client",
            7000215,
            EntraErrorKind::InvalidClient,
        ),
        (
            400,
            "temporarily_unavailable",
            90033,
            EntraErrorKind::Refused,
        ),
    ];
    for (status, code, aadsts, kind) in cases {
        let body = serde_json::json!({
            "error": code,
            "error_description": format!("AADSTS{aadsts}: what Entra ID says."),
            "error_codes": [aadsts],
        });
        let entra = TestServer::start(Reply::json(status, &body.to_string())).await;
        let tokens = credential(&entra, &Stored::default());
        let page = en_us("verify-indirect-reseller-mpa-status.md");
        let (_, example) = example_responses(&page).into_iter().next().unwrap();
        let api = TestServer::start(Reply::from_example(&example)).await;
        let client = partner_center::Client::builder(partner_center::Cloud::Global)
            .base_url(&api.base_url)
            .allow_http_on_loopback()
            .token_provider(tokens)
            .build()
            .unwrap();
        let err = client
            .agreement_status(Program::Csp, Reseller::MpnId(1))
            .await
            .unwrap_err();
        let Error::Token { source, .. } = err.into_error() else {
            panic!("{code}: not a token error")
        };
        let e = source.downcast_ref::<EntraError>().unwrap();
        assert_eq!(
            (e.kind(), e.status(), e.code(), e.aadsts()),
            (kind, Some(status), Some(code), Some(aadsts)),
        );
        assert_eq!(
            e.description(),
            format!("AADSTS{aadsts}: what Entra ID says.")
        );
        assert_eq!(
            e.needs_consent(),
            matches!(
                kind,
                EntraErrorKind::ReconsentRequired | EntraErrorKind::MfaRequired
            )
        );
        assert!(
            api.received().is_empty(),
            "no call went out without a token"
        );
    }
}

#[tokio::test]
async fn app_only_sends_the_client_credentials_grant() {
    let entra = TestServer::start(Reply::json(200, &documented_answer())).await;
    let tokens = ClientSecretCredential::builder(TENANT, APP, SECRET)
        .authority(&entra.base_url)
        .build()
        .unwrap();
    assert_eq!(tokens.token().await.unwrap(), "AccessTokenValue");
    tokens.token().await.unwrap();
    let exchanges = entra.received();
    assert_eq!(exchanges.len(), 1, "cached");
    assert_eq!(
        form(&exchanges[0].body),
        [
            pair("resource", "https://api.partnercenter.microsoft.com"),
            pair("client_id", APP),
            pair("client_secret", SECRET),
            pair("grant_type", "client_credentials"),
        ]
    );
}

#[tokio::test]
async fn no_secret_is_shown_by_debug_or_by_an_error() {
    let refusal =
        serde_json::json!({"error": "invalid_grant", "error_description": "AADSTS70008: expired."});
    let entra = TestServer::start(Reply::json(400, &refusal.to_string())).await;
    let tokens = credential(&entra, &Stored::default());
    let e = tokens.token().await.unwrap_err();
    let shown = format!("{tokens:?} {e} {e:?}");
    for secret in [SECRET, REFRESH] {
        assert!(!shown.contains(secret), "{secret} shown in {shown}");
    }
    assert_eq!(
        e.to_string(),
        "the refresh token can no longer be used: a user has to consent again (400 invalid_grant: AADSTS70008: expired.)"
    );
}

#[test]
fn settings_that_cannot_work_are_refused_at_build() {
    for (tenant, authority) in [
        ("a/b", "https://login.microsoftonline.com"),
        (TENANT, "not a url"),
        (TENANT, "ftp://host"),
        // The secret would cross the network in the clear.
        (TENANT, "http://login.microsoftonline.com"),
        (TENANT, "https://user:pw@login.microsoftonline.com"),
    ] {
        let e = ClientSecretCredential::builder(tenant, APP, SECRET)
            .authority(authority)
            .build()
            .unwrap_err();
        assert_eq!(
            e.kind(),
            EntraErrorKind::InvalidConfiguration,
            "{tenant} {authority}"
        );
    }
}

#[tokio::test]
async fn an_expiry_past_any_clock_is_no_token_and_no_panic() {
    let entra = TestServer::start(answer_with(&[(
        "expires_in",
        "18446744073709551615".into(),
    )]))
    .await;
    let tokens = credential(&entra, &Stored::default());
    let e = tokens.token().await.unwrap_err();
    let e = e.downcast_ref::<EntraError>().unwrap();
    assert_eq!(e.kind(), EntraErrorKind::UnexpectedAnswer);
    assert_eq!(e.description(), "an `expires_in` past any clock");
}

#[test]
fn a_builder_shows_no_secret() {
    let builder = RefreshTokenCredential::builder(TENANT, APP, REFRESH, |_: &str| Ok(()))
        .client_secret(SECRET);
    let shown = format!("{builder:?}");
    assert!(
        shown.contains(APP) && !shown.contains(SECRET) && !shown.contains(REFRESH),
        "{shown}"
    );
    let shown = format!("{:?}", ClientSecretCredential::builder(TENANT, APP, SECRET));
    assert!(shown.contains(APP) && !shown.contains(SECRET), "{shown}");
}
