//! Entra ID's code in a token provider's failure (`invalid_grant`,
//! `AADSTS70008`): what a caller searches for, shown by [`super::Error`]'s
//! `Display` without the rest of the provider's words, which may quote a
//! secret.

/// The OAuth error codes Entra ID answers (RFC 6749 and its own).
const OAUTH_CODES: [&str; 11] = [
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
    "invalid_resource",
    "interaction_required",
    "consent_required",
    "login_required",
    "temporarily_unavailable",
];

/// `Entra ID invalid_grant, AADSTS70008`: the codes `error` or its sources
/// carry, if any. An Entra provider's error of this crate gives its own;
/// any other (an `azure_core` credential's) is read for them.
pub(crate) fn entra_code(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut oauth: Option<String> = None;
    let mut aadsts: Option<u32> = None;
    let mut at = Some(error);
    while let Some(e) = at {
        #[cfg(feature = "entra")]
        if let Some(entra) = e.downcast_ref::<crate::entra::EntraError>() {
            // The code as Entra sent it, if it is one a code can be.
            let code = entra.code().filter(|c| {
                !c.is_empty()
                    && c.len() <= 64
                    && c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            });
            oauth = oauth.or_else(|| code.map(str::to_string));
            aadsts = aadsts.or(entra.aadsts());
        }
        let text = e.to_string();
        aadsts = aadsts.or_else(|| aadsts_in(&text));
        oauth = oauth.or_else(|| {
            OAUTH_CODES
                .iter()
                .find(|code| has_word(&text, code))
                .map(|code| code.to_string())
        });
        at = e.source();
    }
    match (oauth, aadsts) {
        (Some(code), Some(n)) => Some(format!("Entra ID {code}, AADSTS{n}")),
        (Some(code), None) => Some(format!("Entra ID {code}")),
        (None, Some(n)) => Some(format!("Entra ID AADSTS{n}")),
        (None, None) => None,
    }
}

/// The number of the first `AADSTS<digits>` in `text`.
fn aadsts_in(text: &str) -> Option<u32> {
    text.match_indices("AADSTS").find_map(|(at, lead)| {
        let digits: String = text[at + lead.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
}

/// Whether `word` is in `text` on its own (not inside a longer name).
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(word).any(|(at, _)| {
        !part(text[..at].chars().next_back()) && !part(text[at + word.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_found_in_any_provider_s_words() {
        let error: crate::TokenError =
            "AADSTS70008: The refresh token has expired. (invalid_grant) secret=abc".into();
        assert_eq!(
            entra_code(error.as_ref()).as_deref(),
            Some("Entra ID invalid_grant, AADSTS70008")
        );
        let error: crate::TokenError = "AADSTS700016: app not found".into();
        assert_eq!(
            entra_code(error.as_ref()).as_deref(),
            Some("Entra ID AADSTS700016")
        );
        let error: crate::TokenError = "not_invalid_grant_at_all AADSTS".into();
        assert_eq!(entra_code(error.as_ref()), None);
    }
}
