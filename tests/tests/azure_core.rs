//! The `azure-core` adapter: any `azure_core` TokenCredential (here a
//! hand-written one, no network) is the client's token provider, asked for
//! the cloud's Partner Center resource, its token kept until shortly before
//! it expires, one request at a time, and its failure the call's token error.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use azure_core::credentials::{AccessToken, TokenCredential, TokenRequestOptions};
use azure_core::error::ErrorKind;
use azure_core::time::{Duration, OffsetDateTime};
use partner_center::azure::AzureCredential;
use partner_center::{Client, Cloud, Error, Program, Reseller, TestServer, TokenProvider};

/// A credential that hands out numbered tokens of `lifetime`, and logs the
/// scopes it was asked for.
#[derive(Debug)]
struct Hand {
    lifetime: Duration,
    fail: AtomicBool,
    calls: AtomicUsize,
    scopes: Mutex<Vec<String>>,
}

impl Hand {
    fn new(lifetime: Duration) -> Arc<Hand> {
        Arc::new(Hand {
            lifetime,
            fail: AtomicBool::new(false),
            calls: AtomicUsize::new(0),
            scopes: Mutex::new(Vec::new()),
        })
    }
}

#[async_trait::async_trait]
impl TokenCredential for Hand {
    async fn get_token(
        &self,
        scopes: &[&str],
        _: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        self.scopes.lock().unwrap().push(scopes.join(" "));
        // Slow enough that waiting calls pile up behind the first.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        if self.fail.load(Ordering::SeqCst) {
            return Err(azure_core::Error::with_message(
                ErrorKind::Credential,
                "no managed identity here",
            ));
        }
        let expires_on = OffsetDateTime::now_utc() + self.lifetime;
        Ok(AccessToken::new(format!("hand-token-{n}"), expires_on))
    }
}

async fn agreement(client: &Client) -> Result<(), Error> {
    let call = client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567));
    call.await.map(drop).map_err(Into::into)
}

#[tokio::test]
async fn a_credential_s_token_is_kept_and_asked_for_once_however_many_calls_wait() {
    let server = TestServer::start().await.unwrap();
    let hand = Hand::new(Duration::hours(1));
    let tokens = AzureCredential::new(hand.clone());
    let client = server.client().token_provider(tokens).build().unwrap();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move { agreement(&client).await }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    agreement(&client).await.unwrap();
    assert_eq!(hand.calls.load(Ordering::SeqCst), 1);
    let scope = format!("{}/.default", Cloud::Global.token_resource().unwrap());
    assert_eq!(*hand.scopes.lock().unwrap(), [scope]);
    assert_eq!(server.requests().len(), 21);
    assert!(server.requests().iter().all(|r| r.has_token));
}

#[tokio::test]
async fn a_token_that_expires_within_the_margin_is_asked_for_again() {
    let hand = Hand::new(Duration::minutes(2));
    let tokens = AzureCredential::new(hand.clone());
    assert_eq!(tokens.token().await.unwrap(), "hand-token-1");
    assert_eq!(tokens.token().await.unwrap(), "hand-token-2");
    let long = Hand::new(Duration::minutes(10));
    let tokens = AzureCredential::new(long.clone()).scope("api://custom/.default");
    assert_eq!(tokens.token().await.unwrap(), "hand-token-1");
    assert_eq!(tokens.token().await.unwrap(), "hand-token-1");
    assert_eq!(*long.scopes.lock().unwrap(), ["api://custom/.default"]);
}

#[tokio::test]
async fn a_failed_credential_is_the_call_s_token_error_and_no_token_is_shown() {
    let server = TestServer::start().await.unwrap();
    let hand = Hand::new(Duration::hours(1));
    hand.fail.store(true, Ordering::SeqCst);
    let tokens = AzureCredential::new(hand.clone());
    let client = server
        .client()
        .token_provider(tokens.clone())
        .build()
        .unwrap();
    match agreement(&client).await {
        Err(error @ Error::Token { .. }) => {
            let source = std::error::Error::source(&error).unwrap();
            assert!(
                source.to_string().contains("no managed identity here"),
                "{source}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(server.requests().is_empty(), "nothing sent without a token");
    hand.fail.store(false, Ordering::SeqCst);
    agreement(&client).await.unwrap();
    let shown = format!("{tokens:?}");
    assert!(!shown.contains("hand-token"), "{shown}");
    assert!(
        shown.contains("api.partnercenter.microsoft.com/.default"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_cloud_whose_documents_state_no_resource_needs_a_scope() {
    let hand = Hand::new(Duration::hours(1));
    let tokens = AzureCredential::new(hand.clone()).cloud(Cloud::China);
    let e = tokens.token().await.unwrap_err().to_string();
    assert!(
        e.contains(Cloud::China.name()) && e.contains("scope"),
        "{e}"
    );
    assert_eq!(hand.calls.load(Ordering::SeqCst), 0, "not asked");
    let scoped = AzureCredential::new(hand.clone())
        .cloud(Cloud::China)
        .scope("https://resource.example/.default");
    assert!(scoped.token().await.is_ok());
}
