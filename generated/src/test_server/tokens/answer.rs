//! The token endpoint's answer to one exchange: a refusal of a malformed
//! form, the answer queued for it, the refusal of a retired refresh token,
//! or a token.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;
use tokio::time::Instant;
use uuid::Uuid;

use super::{Queued, TokenExchange, TokenRefusal, Tokens};
use crate::test_server::target::Segment;

/// The tenant of a token endpoint's path, `POST /{tenant}/oauth2/token`.
pub(crate) fn tenant_of<'a>(method: &str, segments: &'a [Segment<'_>]) -> Option<&'a str> {
    match segments {
        [Ok(tenant), Ok(oauth2), Ok(token)]
            if method == "POST" && oauth2 == "oauth2" && token == "token" && !tenant.is_empty() =>
        {
            Some(tenant)
        }
        _ => None,
    }
}

/// The answer to an exchange of `tenant` whose form is `body`: its status
/// and JSON body. The exchange is logged.
pub(crate) fn answer(tokens: &mut Tokens, tenant: &str, body: &[u8]) -> (u16, String) {
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    let field = |name: &str| {
        form.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let mut exchange = TokenExchange {
        tenant: tenant.to_string(),
        grant_type: field("grant_type"),
        client_id: field("client_id"),
        has_client_secret: field("client_secret").is_some(),
        resource: field("resource"),
        refresh_token: field("refresh_token"),
        status: 0,
    };
    let (status, body) = tokens.decide(&exchange);
    exchange.status = status;
    tokens.exchanges.push(exchange);
    (status, body)
}

impl Tokens {
    fn decide(&mut self, exchange: &TokenExchange) -> (u16, String) {
        let refresh = exchange.refresh_token.as_deref();
        let missing = match (exchange.grant_type.as_deref(), refresh) {
            (None, _) => Some("grant_type"),
            _ if exchange.client_id.is_none() => Some("client_id"),
            (Some("refresh_token"), None) => Some("refresh_token"),
            _ => None,
        };
        if let Some(name) = missing {
            let why = format!("The request body must contain the parameter '{name}'.");
            return refused(400, "invalid_request", 900144, &why);
        }
        match exchange.grant_type.as_deref() {
            Some("refresh_token" | "client_credentials") => {}
            Some(other) => {
                let why = format!("The grant type '{other}' is not supported.");
                return refused(400, "unsupported_grant_type", 70003, &why);
            }
            None => {}
        }
        if refresh.is_none() && !exchange.has_client_secret {
            let why = "The request body must contain 'client_secret' or 'client_assertion'.";
            return refused(401, "invalid_client", 7000218, why);
        }
        if let Some(token) = refresh {
            self.known.insert(token.to_string());
        }
        match self.queued.next() {
            Some(Queued::Refusal(refusal)) => return refusal_of(refusal),
            Some(Queued::Raw(status, body)) => return (status, body),
            None => {}
        }
        if refresh.is_some_and(|token| self.retired.contains(token)) {
            return refusal_of(TokenRefusal::ExpiredRefreshToken);
        }
        self.issue(exchange)
    }

    /// A token for `exchange`, with a new refresh token when it gave one.
    fn issue(&mut self, exchange: &TokenExchange) -> (u16, String) {
        self.count += 1;
        let access = format!("test-access-token-{}", self.count);
        let now = Instant::now();
        // A lifetime too long for the clock never ends.
        let until = now
            .checked_add(self.lifetime)
            .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400));
        self.issued.insert(access.clone(), until);
        let seconds = self.lifetime.as_secs();
        let unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut token = json!({
            "token_type": "Bearer",
            "scope": "user_impersonation",
            "expires_in": seconds.to_string(),
            "ext_expires_in": seconds.to_string(),
            "expires_on": unix.saturating_add(seconds).to_string(),
            "not_before": unix.to_string(),
            "resource": exchange.resource.clone().unwrap_or_default(),
            "access_token": access,
        });
        if let Some(given) = &exchange.refresh_token {
            let refresh = if self.rotate {
                let new = format!("test-refresh-token-{}", self.count);
                self.retired.insert(given.clone());
                self.known.insert(new.clone());
                new
            } else {
                given.clone()
            };
            token["refresh_token"] = refresh.into();
        }
        (200, token.to_string())
    }
}

/// The answer Entra ID gives for `refusal`.
fn refusal_of(refusal: TokenRefusal) -> (u16, String) {
    match refusal {
        TokenRefusal::ExpiredRefreshToken => refused(
            400,
            "invalid_grant",
            70008,
            "The refresh token has expired or was revoked.",
        ),
        TokenRefusal::ConsentRequired => refused(
            400,
            "invalid_grant",
            65001,
            "The user or an administrator has not consented to use the application.",
        ),
        TokenRefusal::MfaRequired => refused(
            400,
            "invalid_grant",
            50076,
            "Multi-factor authentication is required to use this resource.",
        ),
        TokenRefusal::InvalidClient => refused(
            401,
            "invalid_client",
            7000215,
            "The client secret is not the application's.",
        ),
    }
}

/// A refusal as Entra ID writes one: the OAuth error, a description that
/// starts with its AADSTS code, the code alone, and the ids of the request.
fn refused(status: u16, error: &str, code: u32, why: &str) -> (u16, String) {
    let (trace, correlation) = (Uuid::new_v4(), Uuid::new_v4());
    let body = json!({
        "error": error,
        "error_description": format!(
            "AADSTS{code}: {why} Trace ID: {trace} Correlation ID: {correlation}"
        ),
        "error_codes": [code],
        "trace_id": trace.to_string(),
        "correlation_id": correlation.to_string(),
    });
    (status, body.to_string())
}
