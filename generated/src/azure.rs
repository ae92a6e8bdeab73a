//! Any `azure_core` [`TokenCredential`] as the client's token provider
//! (feature `azure-core`): the credentials of `azure_identity` (managed
//! identity, workload identity, a client secret or certificate, the Azure
//! CLI, ...) give Partner Center tokens for app-only calls.
//!
//! The token is asked for the cloud's Partner Center resource, as the scope
//! `{resource}/.default` ([`Cloud::token_resource`](crate::Cloud::token_resource)):
//! the global cloud's unless `cloud(..)` or [`scope`](AzureCredential::scope)
//! says otherwise. It is kept until [`RENEW_BEFORE`] its `expires_on` and
//! asked for one call at a time, however many calls wait.
//!
//! The feature ties the crate to `azure_core` 1.x: its `TokenCredential`,
//! `AccessToken` and `Error` are the ones this module names.
//!
//! ```no_run
//! # use std::sync::Arc;
//! # use partner_center::{Client, Cloud};
//! # use partner_center::azure::AzureCredential;
//! # fn run(credential: Arc<dyn azure_core::credentials::TokenCredential>) -> Result<(), Box<dyn std::error::Error>> {
//! // `credential`: e.g. azure_identity's ManagedIdentityCredential::new(None)?
//! let tokens = AzureCredential::new(credential).cloud(Cloud::Global);
//! let client = Client::builder(Cloud::Global).token_provider(tokens).build()?;
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use azure_core::credentials::{AccessToken, TokenCredential};
use azure_core::time::OffsetDateTime;
use tokio::sync::Mutex;

use crate::token::{TokenCloud, TokenError, TokenFuture, TokenProvider};

/// How long before its `expires_on` a kept token is asked for again.
pub const RENEW_BEFORE: Duration = Duration::from_secs(300);

/// An `azure_core` [`TokenCredential`] as a [`TokenProvider`] of the client.
#[derive(Clone)]
pub struct AzureCredential {
    credential: Arc<dyn TokenCredential>,
    /// The scope asked for, or why there is none (a cloud whose documents
    /// state no resource).
    scope: Result<String, String>,
    kept: Arc<Mutex<Option<AccessToken>>>,
}

impl AzureCredential {
    /// Tokens from `credential`, for the default cloud's Partner Center
    /// resource (the global one's: `https://api.partnercenter.microsoft.com/.default`).
    pub fn new(credential: Arc<dyn TokenCredential>) -> Self {
        AzureCredential {
            credential,
            scope: Err(String::new()),
            kept: Arc::new(Mutex::new(None)),
        }
        .for_cloud(TokenCloud::default())
    }

    /// The scope to ask tokens for, instead of the cloud's.
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Ok(scope.into());
        self
    }

    /// The scope of `cloud`'s resource, which `cloud(..)` (generated with
    /// `Cloud`) sets.
    pub(crate) fn for_cloud(mut self, cloud: TokenCloud) -> Self {
        self.scope = match cloud.resource {
            Some(resource) => Ok(format!("{}/.default", resource.trim_end_matches('/'))),
            None => Err(format!(
                "the documents state no token resource for {}: set the scope with `AzureCredential::scope`",
                cloud.name
            )),
        };
        self
    }

    async fn token(&self) -> Result<String, TokenError> {
        let scope = self
            .scope
            .as_deref()
            .map_err(|why| TokenError::from(why.to_string()))?;
        let mut kept = self.kept.lock().await;
        if let Some(token) = kept.as_ref()
            && token.expires_on - OffsetDateTime::now_utc() > RENEW_BEFORE
        {
            return Ok(token.token.secret().to_string());
        }
        let token = self.credential.get_token(&[scope], None).await?;
        let text = token.token.secret().to_string();
        *kept = Some(token);
        Ok(text)
    }
}

impl TokenProvider for AzureCredential {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(self.token())
    }
}

impl fmt::Debug for AzureCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AzureCredential")
            .field("credential", &self.credential)
            .field("scope", &self.scope.as_deref().ok())
            .finish_non_exhaustive()
    }
}
