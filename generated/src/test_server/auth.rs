//! Which requests carry a token: the service takes a Bearer token only, so
//! the test server does too, and a client that sends another scheme (Basic
//! credentials, a token without its scheme) fails its tests here rather
//! than against the service.

/// Whether `authorization` (the header's value, if any and if text) is
/// `Bearer <token>`: the scheme compared without case (RFC 9110, 11.1),
/// then one space or more and a token that is not empty.
pub(crate) fn is_bearer(authorization: Option<&str>) -> bool {
    bearer_token(authorization).is_some()
}

/// The token of `Bearer <token>`, as [`is_bearer`] reads it.
pub(crate) fn bearer_token(authorization: Option<&str>) -> Option<&str> {
    let (scheme, token) = authorization?.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::is_bearer;

    #[test]
    fn only_bearer_with_a_token_is_a_token() {
        for bearer in [
            "Bearer t",
            "bearer t",
            "BEARER a.b.c",
            "Bearer   t",
            " Bearer t ",
        ] {
            assert!(is_bearer(Some(bearer)), "{bearer:?}");
        }
        let others = [
            "Basic dTpw",
            "Bearer",
            "Bearer ",
            "Bearer \t",
            "Bearerabc",
            "Bearer:abc",
            "Token abc",
            "abc",
            "",
        ];
        for other in others {
            assert!(!is_bearer(Some(other)), "{other:?}");
        }
        assert!(!is_bearer(None));
    }
}
