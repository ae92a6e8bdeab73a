//! Where the bearer token comes from: fixed, or asked for before every attempt.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// An error of a token provider.
pub type TokenError = Box<dyn std::error::Error + Send + Sync>;

/// The future a [`TokenProvider`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, TokenError>> + Send + 'a>>;

/// Gives the bearer token for an attempt. It is asked before every attempt,
/// so a token refreshed while a call is being retried is used on the retry.
///
/// Any `Fn() -> impl Future<Output = Result<String, TokenError>>` is one.
pub trait TokenProvider: Send + Sync + 'static {
    /// The token to send now.
    fn token(&self) -> TokenFuture<'_>;
}

impl<F, Fut> TokenProvider for F
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<String, TokenError>> + Send + 'static,
{
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(self())
    }
}

/// A token that is never shown: `Debug` prints `<redacted>`.
#[derive(Clone)]
pub(crate) struct Secret(pub(crate) String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// What the spec states of a cloud's tokens, for the providers that get
/// them (`entra`, `azure-core`): the generated `Cloud` gives it, and its
/// first cloud is the default, so that the runtime names no cloud.
#[cfg(any(feature = "entra", feature = "azure-core"))]
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenCloud {
    pub(crate) name: &'static str,
    // The `azure-core` adapter leaves the authority to its credential.
    #[cfg_attr(not(feature = "entra"), allow(dead_code))]
    pub(crate) authority: Option<&'static str>,
    pub(crate) resource: Option<&'static str>,
}
