//! Why Entra ID gave no token: each reason a partner acts on differently.

use std::fmt;

use crate::TokenError;

/// What went wrong, by what the caller has to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntraErrorKind {
    /// The refresh token expired, was revoked or lost its consent
    /// (`invalid_grant`; AADSTS70008, 700082, 50173, 65001 ...): a user has
    /// to consent again and the new refresh token be stored.
    ReconsentRequired,
    /// The user's sign-in needs multi-factor authentication again
    /// (AADSTS50076, 50079): consent again, with MFA.
    MfaRequired,
    /// The application's id or secret was refused (`invalid_client`,
    /// `unauthorized_client`): fix the application's credentials.
    InvalidClient,
    /// Any other refusal of the token endpoint (its code says which).
    Refused,
    /// The token endpoint could not be reached, or did not answer in time.
    Unreachable,
    /// The token endpoint answered with something that is not a token.
    UnexpectedAnswer,
    /// Entra ID rotated the refresh token and the caller's callback could
    /// not store it: the new token was not used.
    RotationNotStored,
    /// The provider's settings cannot work (an authority that is no URL).
    InvalidConfiguration,
}

/// An error of a token provider of [`crate::entra`]. It never holds a token
/// or a secret: the client's [`crate::Error::Token`] carries it as its
/// source (`downcast_ref::<EntraError>()`).
#[derive(Debug)]
pub struct EntraError {
    pub(super) kind: EntraErrorKind,
    pub(super) status: Option<u16>,
    pub(super) code: Option<String>,
    pub(super) aadsts: Option<u32>,
    pub(super) description: String,
    pub(super) source: Option<TokenError>,
}

/// AADSTS codes of a refresh token that can no longer be used.
const RECONSENT: [u32; 6] = [70008, 700082, 700084, 50173, 65001, 50132];
/// AADSTS codes of a sign-in that needs multi-factor authentication.
const MFA: [u32; 2] = [50076, 50079];

impl EntraError {
    pub(super) fn new(kind: EntraErrorKind, description: impl Into<String>) -> Self {
        EntraError {
            kind,
            status: None,
            code: None,
            aadsts: None,
            description: description.into(),
            source: None,
        }
    }

    pub(super) fn with_source(mut self, source: impl Into<TokenError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The refusal of the token endpoint: `status`, the OAuth `error` code
    /// and Entra's description (which starts with its AADSTS code).
    pub(super) fn refused(status: u16, code: String, description: String, codes: &[u32]) -> Self {
        let aadsts = codes.first().copied().or_else(|| aadsts_of(&description));
        let kind = match (code.as_str(), aadsts) {
            (_, Some(n)) if MFA.contains(&n) => EntraErrorKind::MfaRequired,
            (_, Some(n)) if RECONSENT.contains(&n) => EntraErrorKind::ReconsentRequired,
            ("invalid_grant" | "interaction_required" | "consent_required", _) => {
                EntraErrorKind::ReconsentRequired
            }
            ("invalid_client" | "unauthorized_client", _) => EntraErrorKind::InvalidClient,
            _ => EntraErrorKind::Refused,
        };
        EntraError {
            kind,
            status: Some(status),
            code: Some(code),
            aadsts,
            description,
            source: None,
        }
    }

    /// What the caller has to do about it.
    pub fn kind(&self) -> EntraErrorKind {
        self.kind
    }

    /// Whether a user has to consent again (a new refresh token is needed).
    pub fn needs_consent(&self) -> bool {
        matches!(
            self.kind,
            EntraErrorKind::ReconsentRequired | EntraErrorKind::MfaRequired
        )
    }

    /// The HTTP status of the token endpoint's refusal.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The OAuth error code of the refusal: `invalid_grant`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Entra's own error number: 70008 for `AADSTS70008`.
    pub fn aadsts(&self) -> Option<u32> {
        self.aadsts
    }

    /// Entra's description of the refusal, or what went wrong.
    pub fn description(&self) -> &str {
        &self.description
    }
}

/// `AADSTS70008: The provided authorization code or refresh token has expired` → 70008.
fn aadsts_of(description: &str) -> Option<u32> {
    let rest = &description[description.find("AADSTS")? + "AADSTS".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

impl fmt::Display for EntraError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            EntraErrorKind::ReconsentRequired => {
                "the refresh token can no longer be used: a user has to consent again"
            }
            EntraErrorKind::MfaRequired => {
                "multi-factor authentication is required: a user has to consent again with MFA"
            }
            EntraErrorKind::InvalidClient => "Entra ID refused the application's credentials",
            EntraErrorKind::Refused => "Entra ID refused to issue a token",
            EntraErrorKind::Unreachable => "the token endpoint could not be reached",
            EntraErrorKind::UnexpectedAnswer => "the token endpoint's answer is not a token",
            EntraErrorKind::RotationNotStored => {
                "the rotated refresh token could not be stored, so it was not used"
            }
            EntraErrorKind::InvalidConfiguration => "the token provider's settings cannot work",
        };
        f.write_str(what)?;
        match (&self.code, self.status) {
            (Some(code), Some(status)) => write!(f, " ({status} {code}: {})", self.description),
            _ if self.description.is_empty() => Ok(()),
            _ => write!(f, ": {}", self.description),
        }
    }
}

impl std::error::Error for EntraError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
