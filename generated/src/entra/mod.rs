//! Tokens from Microsoft Entra ID (feature `entra`): the App+User flow of the
//! secure application model (a partner user's refresh token, exchanged for
//! access tokens and rotated) and the app-only flow (the application's
//! secret).
//!
//! Tokens come from the chosen cloud's Entra ID authority for its Partner
//! Center resource, as the spec states them ([`Cloud::authority`](crate::Cloud::authority),
//! [`Cloud::token_resource`](crate::Cloud::token_resource)): the global cloud's unless
//! the builder's `cloud(..)` says otherwise. A cloud whose documents state
//! neither needs `authority(..)` and `resource(..)`, or `build()` says so.
//!
//! Both cache the access token until [`renew_before`](RefreshTokenBuilder::renew_before)
//! its expiry and exchange one at a time: however many calls wait for a
//! token, one request goes to Entra ID. Neither shows a token or a secret in
//! `Debug` or in an error.
//!
//! ```no_run
//! use partner_center::entra::RefreshTokenCredential;
//! use partner_center::{Client, Cloud};
//!
//! # async fn run(stored: String) -> Result<(), Box<dyn std::error::Error>> {
//! let tokens = RefreshTokenCredential::builder(
//!     "contoso.onmicrosoft.com",                 // the partner's tenant
//!     "00000000-0000-0000-0000-000000000001",    // the application's id
//!     stored,                                    // the refresh token of the consent
//!     |rotated: &str| {
//!         // Store it (a key vault, a database): the next run starts from it.
//!         std::fs::write("refresh-token", rotated)?;
//!         Ok(())
//!     },
//! )
//! .client_secret(std::env::var("APP_SECRET")?)
//! .build()?;
//! let client = Client::builder(Cloud::Global).token_provider(tokens).build()?;
//! # Ok(())
//! # }
//! ```

mod error;
mod exchange;
mod settings;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

pub use error::{EntraError, EntraErrorKind};
use exchange::{Endpoint, Grant};
use settings::Settings;

use crate::token::{Secret, TokenCloud, TokenError, TokenFuture, TokenProvider};

/// How long before its expiry a cached access token is renewed.
pub const RENEW_BEFORE: Duration = Duration::from_secs(300);
/// How long one exchange at the token endpoint may take.
pub const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(30);

/// What stores a rotated refresh token; an error keeps the new one unused.
/// It runs while the other calls wait for the token: keep it short (a slow
/// store can hand the token to a task and return).
type Rotate = dyn Fn(&str) -> Result<(), TokenError> + Send + Sync;

/// Access tokens for a partner user (App+User), from the refresh token of
/// the user's consent: the token provider most Partner Center operations
/// need. Each exchange may return a new refresh token: it goes to the
/// callback given to [`builder`](Self::builder) before it is used, so the
/// caller can store it; the one exchanged may stop working soon after.
#[derive(Clone)]
pub struct RefreshTokenCredential {
    core: Arc<Core>,
}

/// Access tokens for the application itself (app-only: the client
/// credentials flow), for the operations the documents allow App only.
#[derive(Clone)]
pub struct ClientSecretCredential {
    core: Arc<Core>,
}

struct Core {
    endpoint: Endpoint,
    renew_before: Duration,
    rotate: Option<Box<Rotate>>,
    state: Mutex<State>,
}

struct State {
    access: Option<(Secret, Instant)>,
    /// `None` for app-only.
    refresh: Option<Secret>,
}

macro_rules! settings {
    () => {
        /// The cloud's facts, which `cloud(..)` (generated with `Cloud`) sets.
        pub(crate) fn for_cloud(mut self, cloud: TokenCloud) -> Self {
            self.settings.cloud = cloud;
            self
        }

        /// Entra ID's authority, instead of the cloud's
        /// ([`Cloud::authority`](crate::Cloud::authority)): for a cloud whose
        /// documents state none, or a local token endpoint in tests.
        pub fn authority(mut self, authority: impl Into<String>) -> Self {
            self.settings.authority = Some(authority.into());
            self
        }

        /// The resource the token is for, instead of the cloud's
        /// ([`Cloud::token_resource`](crate::Cloud::token_resource)).
        pub fn resource(mut self, resource: impl Into<String>) -> Self {
            self.settings.resource = Some(resource.into());
            self
        }

        /// How long before its expiry an access token is renewed (default
        /// [`RENEW_BEFORE`]).
        pub fn renew_before(mut self, before: Duration) -> Self {
            self.settings.renew_before = before;
            self
        }

        /// How long one exchange may take (default [`EXCHANGE_TIMEOUT`]).
        pub fn timeout(mut self, timeout: Duration) -> Self {
            self.settings.timeout = timeout;
            self
        }
    };
}

/// Builds a [`RefreshTokenCredential`].
pub struct RefreshTokenBuilder {
    settings: Settings,
    refresh: Secret,
    rotate: Box<Rotate>,
}

impl RefreshTokenCredential {
    /// For the application `client_id` in the partner's `tenant` (its id or
    /// domain), from the `refresh_token` of a user's consent; `on_rotate`
    /// receives each new refresh token Entra ID issues, before it is used.
    pub fn builder(
        tenant: impl Into<String>,
        client_id: impl Into<String>,
        refresh_token: impl Into<String>,
        on_rotate: impl Fn(&str) -> Result<(), TokenError> + Send + Sync + 'static,
    ) -> RefreshTokenBuilder {
        RefreshTokenBuilder {
            settings: Settings::new(tenant.into(), client_id.into()),
            refresh: Secret(refresh_token.into()),
            rotate: Box::new(on_rotate),
        }
    }
}

impl RefreshTokenBuilder {
    settings!();

    /// The application's secret (a confidential application).
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.settings.client_secret = Some(Secret(secret.into()));
        self
    }

    /// The credential, or why its settings cannot work.
    pub fn build(self) -> Result<RefreshTokenCredential, EntraError> {
        let core = self.settings.core(Some(self.refresh), Some(self.rotate))?;
        Ok(RefreshTokenCredential {
            core: Arc::new(core),
        })
    }
}

/// Builds a [`ClientSecretCredential`].
pub struct ClientSecretBuilder {
    settings: Settings,
}

impl ClientSecretCredential {
    /// For the application `client_id` with its `secret`, in `tenant`.
    pub fn builder(
        tenant: impl Into<String>,
        client_id: impl Into<String>,
        secret: impl Into<String>,
    ) -> ClientSecretBuilder {
        let mut settings = Settings::new(tenant.into(), client_id.into());
        settings.client_secret = Some(Secret(secret.into()));
        ClientSecretBuilder { settings }
    }
}

impl ClientSecretBuilder {
    settings!();

    /// The credential, or why its settings cannot work.
    pub fn build(self) -> Result<ClientSecretCredential, EntraError> {
        let core = self.settings.core(None, None)?;
        Ok(ClientSecretCredential {
            core: Arc::new(core),
        })
    }
}

impl Core {
    /// The cached token, or a new one: one exchange at a time, the others
    /// waiting for it.
    async fn token(&self) -> Result<String, EntraError> {
        let mut state = self.state.lock().await;
        let now = Instant::now();
        if let Some((token, until)) = &state.access
            && until.saturating_duration_since(now) > self.renew_before
        {
            return Ok(token.0.clone());
        }
        let grant = match &state.refresh {
            Some(refresh) => Grant::RefreshToken(&refresh.0),
            None => Grant::ClientCredentials,
        };
        let issued = self.endpoint.exchange(grant).await?;
        if let (Some(new), Some(old)) = (issued.refresh, &state.refresh)
            && new.0 != old.0
        {
            if let Some(rotate) = &self.rotate {
                rotate(&new.0).map_err(|e| {
                    EntraError::new(EntraErrorKind::RotationNotStored, String::new()).with_source(e)
                })?;
            }
            state.refresh = Some(new);
        }
        let Some(until) = now.checked_add(issued.expires_in) else {
            let why = "an `expires_in` past any clock";
            return Err(EntraError::new(EntraErrorKind::UnexpectedAnswer, why));
        };
        let token = issued.access.0.clone();
        state.access = Some((issued.access, until));
        Ok(token)
    }
}

impl TokenProvider for RefreshTokenCredential {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move { self.core.token().await.map_err(TokenError::from) })
    }
}

impl TokenProvider for ClientSecretCredential {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move { self.core.token().await.map_err(TokenError::from) })
    }
}

impl fmt::Debug for Core {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("token_endpoint", &self.endpoint.url.as_str())
            .field("client_id", &self.endpoint.client_id)
            .field("resource", &self.endpoint.resource)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for RefreshTokenCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.core.fmt(f)
    }
}

impl fmt::Debug for ClientSecretCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.core.fmt(f)
    }
}

impl fmt::Debug for RefreshTokenBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshTokenBuilder")
            .field("cloud", &self.settings.cloud.name)
            .field("tenant", &self.settings.tenant)
            .field("client_id", &self.settings.client_id)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for ClientSecretBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSecretBuilder")
            .field("cloud", &self.settings.cloud.name)
            .field("tenant", &self.settings.tenant)
            .field("client_id", &self.settings.client_id)
            .finish_non_exhaustive()
    }
}
