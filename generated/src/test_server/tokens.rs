//! Entra ID's token endpoint on the test server: `POST /{tenant}/oauth2/token`
//! (the v1 endpoint of the secure application model), issuing, rotating,
//! expiring and refusing tokens as the test scripts it, so that a client's
//! token provider is tested against the server its calls go to.

mod answer;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use tokio::time::Instant;

pub(crate) use answer::{answer, tenant_of};

use super::TestServer;
use super::answers::sealed::Sealed;
use super::answers::{Answers, Scripted, Scripting, Times};

/// How long an access token lasts unless [`TokenEndpoint::lifetime`] says
/// otherwise: an hour, as the documents' answers show (`"expires_in":"3600"`).
const LIFETIME: Duration = Duration::from_secs(3600);

/// Scripts the token endpoint of a [`TestServer`]: Entra ID's
/// `POST {authority}/{tenant}/oauth2/token`, with the server's base URL as
/// the authority ([`TokenEndpoint::authority`]), from
/// [`TestServer::token_endpoint`].
///
/// Out of the box it issues a Bearer access token of an hour to any
/// well-formed exchange: `grant_type=refresh_token` with a `refresh_token`
/// and a `client_id` (App+User), or `grant_type=client_credentials` with a
/// `client_id` and a `client_secret` (app-only). Each refresh-token exchange
/// rotates: it answers a new refresh token and retires the one it was given,
/// which is refused from then on as an expired refresh token (the strictest
/// reading of rotation: a client that does not store the new one fails its
/// next run here rather than in production). A malformed exchange is
/// refused as Entra ID refuses it (`invalid_request`, `unsupported_grant_type`).
///
/// [`refuse`](Self::refuse) and [`answer`](Self::answer) queue one answer
/// each for the next exchanges, as [`Script`](super::Script) queues an
/// operation's failures. [`exchanges`](Self::exchanges) logs what came in:
/// never the client's secret, only whether there was one.
///
/// The API's operations take any Bearer token unless
/// [`require_issued_tokens`](Self::require_issued_tokens): then a token this
/// endpoint did not issue, or whose lifetime is over, gets the API's 401.
/// Exchanges are not in [`TestServer::requests`].
///
/// ```
/// # #[cfg(feature = "entra")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use partner_center::entra::RefreshTokenCredential;
/// use partner_center::{Program, Reseller, TestServer, TokenRefusal};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
/// let server = TestServer::start().await?;
/// let endpoint = server.token_endpoint();
/// endpoint.require_issued_tokens();
/// let tokens = RefreshTokenCredential::builder("contoso.example", "app-id", "stored", |rotated: &str| {
///     println!("store {rotated}");
///     Ok(())
/// })
/// .authority(endpoint.authority())
/// .build()?;
/// let client = server.client().token_provider(tokens).build()?;
/// client.agreement_status(Program::Csp, Reseller::MpnId(1_234_567)).await?;
/// assert_eq!(endpoint.exchanges()[0].refresh_token.as_deref(), Some("stored"));
///
/// // The next exchange needs a new consent.
/// endpoint.refuse(TokenRefusal::ExpiredRefreshToken);
/// # Ok(())
/// # })
/// # }
/// # #[cfg(not(feature = "entra"))]
/// # fn main() {}
/// ```
pub struct TokenEndpoint<'s> {
    server: &'s TestServer,
}

/// A refusal the token endpoint can be scripted to answer, with Entra ID's
/// OAuth error and AADSTS code for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenRefusal {
    /// The refresh token expired or was revoked: `invalid_grant`,
    /// AADSTS70008 (a user has to consent again).
    ExpiredRefreshToken,
    /// The consent to the application is gone: `invalid_grant`, AADSTS65001.
    ConsentRequired,
    /// The user's sign-in needs multi-factor authentication again:
    /// `invalid_grant`, AADSTS50076.
    MfaRequired,
    /// The application's secret was refused: `invalid_client`,
    /// AADSTS7000215 (status 401).
    InvalidClient,
}

/// An exchange the token endpoint received, and what it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenExchange {
    /// The tenant of the path (`/{tenant}/oauth2/token`), decoded.
    pub tenant: String,
    /// The form's `grant_type`.
    pub grant_type: Option<String>,
    /// The form's `client_id`.
    pub client_id: Option<String>,
    /// Whether the form had a `client_secret` (its value is not kept).
    pub has_client_secret: bool,
    /// The form's `resource`: the audience the token is asked for.
    pub resource: Option<String>,
    /// The form's `refresh_token`: the test's own or one this endpoint issued.
    pub refresh_token: Option<String>,
    /// The status of the answer (200 for a token).
    pub status: u16,
}

/// A scripted answer of the token endpoint.
#[derive(Debug, Clone)]
enum Queued {
    Refusal(TokenRefusal),
    Raw(u16, String),
}

/// What the token endpoint knows and has been told.
#[derive(Debug)]
pub(crate) struct Tokens {
    lifetime: Duration,
    rotate: bool,
    require_issued: bool,
    queued: Answers<Queued>,
    /// The id of the next answer scripted.
    next_id: u64,
    /// Refresh tokens given or issued so far, and those no longer taken.
    known: HashSet<String>,
    retired: HashSet<String>,
    /// Access tokens issued, and when each expires.
    issued: HashMap<String, Instant>,
    exchanges: Vec<TokenExchange>,
    /// Tokens issued so far: each new token's number.
    count: u64,
}

impl Default for Tokens {
    fn default() -> Self {
        Tokens {
            lifetime: LIFETIME,
            rotate: true,
            require_issued: false,
            queued: Answers::default(),
            next_id: 0,
            known: HashSet::new(),
            retired: HashSet::new(),
            issued: HashMap::new(),
            exchanges: Vec::new(),
            count: 0,
        }
    }
}

impl Tokens {
    /// Whether the API refuses `token` (a Bearer token's text): only when
    /// told to require issued tokens, for one not issued or expired.
    pub(crate) fn refuses(&self, token: Option<&str>) -> bool {
        if !self.require_issued {
            return false;
        }
        let until = token.and_then(|t| self.issued.get(t));
        until.is_none_or(|until| Instant::now() >= *until)
    }
}

impl TestServer {
    /// Scripts the server's token endpoint (Entra ID's, for the `entra`
    /// token providers): see [`TokenEndpoint`].
    pub fn token_endpoint(&self) -> TokenEndpoint<'_> {
        TokenEndpoint { server: self }
    }
}

impl TokenEndpoint<'_> {
    fn with<T>(&self, change: impl FnOnce(&mut Tokens) -> T) -> T {
        change(&mut self.server.shared.tokens())
    }

    /// The authority to give a token provider (its `.authority(..)`): the
    /// server's base URL, whose `/{tenant}/oauth2/token` this endpoint is.
    pub fn authority(&self) -> String {
        self.server.base_url()
    }

    /// Access tokens issued from now on last `lifetime` (`expires_in`, in
    /// whole seconds, rounded down; an hour unless told).
    pub fn lifetime(&self, lifetime: Duration) -> &Self {
        self.with(|t| t.lifetime = lifetime);
        self
    }

    /// Whether refresh-token exchanges rotate (they do unless told): answer
    /// a new refresh token and retire the one given.
    pub fn rotate(&self, rotate: bool) -> &Self {
        self.with(|t| t.rotate = rotate);
        self
    }

    /// Refuses the next exchange as `refusal` (then the one after gets the
    /// next answer, or a token). Once, as every scripted answer, unless it
    /// says [`.times(n)`](Scripted::times) or [`.always()`](Scripted::always).
    pub fn refuse(&self, refusal: TokenRefusal) -> Scripted<'_, Self> {
        self.queue(Queued::Refusal(refusal))
    }

    /// Answers the next exchange with `status` and `body` (sent as JSON): a
    /// 5xx, a body that is no token. Once, unless it says otherwise.
    pub fn answer(&self, status: u16, body: impl Into<String>) -> Scripted<'_, Self> {
        self.queue(Queued::Raw(status, body.into()))
    }

    fn queue(&self, answer: Queued) -> Scripted<'_, Self> {
        let id = self.with(|t| {
            let id = t.next_id;
            t.next_id += 1;
            t.queued.push(id, answer);
            id
        });
        Scripted::new(self, id)
    }

    /// Retires every refresh token given or issued so far: the next
    /// exchange of one is refused as [`TokenRefusal::ExpiredRefreshToken`]
    /// (a revoked consent). A refresh token never seen before is still taken.
    pub fn revoke_refresh_tokens(&self) -> &Self {
        self.with(|t| {
            let known: Vec<String> = t.known.iter().cloned().collect();
            t.retired.extend(known);
        });
        self
    }

    /// Ends the lifetime of every access token issued so far: with
    /// [`require_issued_tokens`](Self::require_issued_tokens), the API
    /// answers 401 to them, as to a token that expired.
    pub fn expire_access_tokens(&self) -> &Self {
        let now = Instant::now();
        self.with(|t| t.issued.values_mut().for_each(|until| *until = now));
        self
    }

    /// From now on the API's operations answer 401 (the catalogue's missing
    /// token) to a Bearer token this endpoint did not issue or that expired,
    /// not only to a request without one.
    pub fn require_issued_tokens(&self) -> &Self {
        self.with(|t| t.require_issued = true);
        self
    }

    /// Every exchange received so far, in order.
    pub fn exchanges(&self) -> Vec<TokenExchange> {
        self.with(|t| t.exchanges.clone())
    }
}

impl Sealed for TokenEndpoint<'_> {
    fn set_times(&self, id: u64, times: Times) {
        self.with(|t| t.queued.set(id, times));
    }

    fn times_of(&self, id: u64) -> Option<Times> {
        self.with(|t| t.queued.times(id))
    }
}

impl Scripting for TokenEndpoint<'_> {}

impl std::fmt::Debug for TokenEndpoint<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenEndpoint")
            .field("authority", &self.authority())
            .finish_non_exhaustive()
    }
}
