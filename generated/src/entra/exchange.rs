//! One exchange at Entra ID's token endpoint (the v1 endpoint the secure
//! application model documents: `{authority}/{tenant}/oauth2/token`, a form
//! with the `resource`), and what it answers.

use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::Value;
use url::Url;

use super::error::{EntraError, EntraErrorKind};
use crate::token::Secret;

/// The most of a token endpoint's answer that is read.
const MAX_ANSWER: usize = 64 * 1024;

/// What is exchanged for an access token.
pub(super) enum Grant<'a> {
    /// The application's own credentials (app-only).
    ClientCredentials,
    /// A user's refresh token (App+User).
    RefreshToken(&'a str),
}

/// An access token, how long it lasts, and the refresh token that replaces
/// the one exchanged, if Entra ID rotated it.
pub(super) struct Issued {
    pub(super) access: Secret,
    pub(super) expires_in: Duration,
    pub(super) refresh: Option<Secret>,
}

/// The token endpoint of one tenant, for one application and resource.
pub(super) struct Endpoint {
    pub(super) http: reqwest::Client,
    pub(super) url: Url,
    pub(super) resource: String,
    pub(super) client_id: String,
    pub(super) client_secret: Option<Secret>,
}

impl Endpoint {
    pub(super) async fn exchange(&self, grant: Grant<'_>) -> Result<Issued, EntraError> {
        let form = self.form(grant);
        let unreachable = |e: reqwest::Error| {
            // reqwest's message names the URL: a tenant, never a secret.
            EntraError::new(EntraErrorKind::Unreachable, self.url.to_string()).with_source(e)
        };
        let mut response = self
            .http
            .post(self.url.clone())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .body(form)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if body.len() + chunk.len() > MAX_ANSWER {
                let why = format!("{status}: an answer over {MAX_ANSWER} bytes");
                return Err(EntraError::new(EntraErrorKind::UnexpectedAnswer, why));
            }
            body.extend_from_slice(&chunk);
        }
        read(status, &body)
    }

    /// The form of the exchange, as the documents' sample calls send it.
    fn form(&self, grant: Grant<'_>) -> String {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("resource", &self.resource);
        form.append_pair("client_id", &self.client_id);
        if let Some(secret) = &self.client_secret {
            form.append_pair("client_secret", &secret.0);
        }
        match grant {
            Grant::ClientCredentials => {
                form.append_pair("grant_type", "client_credentials");
            }
            Grant::RefreshToken(token) => {
                form.append_pair("grant_type", "refresh_token");
                form.append_pair("refresh_token", token);
                form.append_pair("scope", "openid");
            }
        }
        form.finish()
    }
}

/// The token endpoint's answer: a token on 200, its refusal otherwise.
fn read(status: u16, body: &[u8]) -> Result<Issued, EntraError> {
    let unexpected = |why: &str| {
        let why = format!("{status}: {why}");
        EntraError::new(EntraErrorKind::UnexpectedAnswer, why)
    };
    let Ok(Value::Object(json)) = serde_json::from_slice::<Value>(body) else {
        return Err(unexpected("a body that is not a JSON object"));
    };
    let text = |key: &str| json.get(key).and_then(Value::as_str);
    if status != 200 {
        let Some(code) = text("error") else {
            return Err(unexpected("a refusal without an `error` code"));
        };
        let codes: Vec<u32> = json
            .get("error_codes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|n| n.as_u64().and_then(|n| u32::try_from(n).ok()))
                    .collect()
            })
            .unwrap_or_default();
        let description = text("error_description").unwrap_or_default();
        return Err(EntraError::refused(
            status,
            code.to_string(),
            description.to_string(),
            &codes,
        ));
    }
    if !text("token_type").is_some_and(|t| t.eq_ignore_ascii_case("bearer")) {
        return Err(unexpected("no `token_type` of Bearer"));
    }
    let Some(access) = text("access_token").filter(|t| !t.is_empty()) else {
        return Err(unexpected("no `access_token`"));
    };
    // The documents show it as text ("3600"); the v2 endpoint writes a number.
    let seconds = match json.get("expires_in") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    };
    let Some(seconds) = seconds else {
        return Err(unexpected("no `expires_in` in seconds"));
    };
    Ok(Issued {
        access: Secret(access.to_string()),
        expires_in: Duration::from_secs(seconds),
        refresh: text("refresh_token")
            .filter(|t| !t.is_empty())
            .map(|t| Secret(t.to_string())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_keeps_its_codes() {
        let body = br#"{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity.","error_codes":[700082]}"#;
        let Err(e) = read(400, body) else {
            panic!("a refusal read as a token")
        };
        assert_eq!(e.kind(), EntraErrorKind::ReconsentRequired);
        assert_eq!(
            (e.status(), e.code(), e.aadsts()),
            (Some(400), Some("invalid_grant"), Some(700082))
        );
    }

    #[test]
    fn an_answer_that_is_no_token_says_what_is_missing() {
        for (body, why) in [
            (&b"<html>"[..], "200: a body that is not a JSON object"),
            (
                br#"{"token_type":"Bearer","expires_in":1}"#,
                "200: no `access_token`",
            ),
            (
                br#"{"token_type":"Bearer","access_token":"a"}"#,
                "200: no `expires_in` in seconds",
            ),
            (
                br#"{"token_type":"pop","access_token":"a","expires_in":1}"#,
                "200: no `token_type` of Bearer",
            ),
        ] {
            let Err(e) = read(200, body) else {
                panic!("{why}: read as a token")
            };
            assert_eq!(
                (e.kind(), e.description()),
                (EntraErrorKind::UnexpectedAnswer, why)
            );
        }
    }
}
