//! The builder refuses what cannot be sent and never shows the token.

use partner_center::{BuildError, Client, Cloud};

#[test]
fn a_token_is_required_and_not_blank() {
    let err = Client::builder(Cloud::Global).build().unwrap_err();
    assert!(matches!(err, BuildError::MissingToken), "{err:?}");
    for blank in ["", "   ", "\t"] {
        let err = Client::builder(Cloud::Global)
            .token(blank)
            .build()
            .unwrap_err();
        assert!(
            matches!(err, BuildError::MissingToken),
            "{blank:?}: {err:?}"
        );
    }
}

/// A user name and password in the base URL would send a Basic
/// authorization beside the Bearer one, and show the password in errors.
#[test]
fn a_base_url_with_credentials_is_refused_without_showing_them() {
    for url in [
        "https://user:hunter2@api.example.com",
        "https://user@api.example.com",
    ] {
        let builder = Client::builder(Cloud::Global).token("t").base_url(url);
        assert!(!format!("{builder:?}").contains("hunter2"), "{builder:?}");
        let err = builder.build().unwrap_err();
        assert!(matches!(err, BuildError::InvalidBaseUrl { .. }), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(shown.contains("user name or password"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}

#[test]
fn header_values_with_line_breaks_are_refused_without_echoing_them() {
    let err = Client::builder(Cloud::Global)
        .token("abc\r\nX-Evil: 1")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::InvalidHeaderValue {
                header: "Authorization",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.to_string().contains("abc"), "{err}");

    let err = Client::builder(Cloud::Global)
        .token("t")
        .locale("en-US\nX: y")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::InvalidHeaderValue {
                header: "X-Locale",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn base_urls_must_be_http_urls_without_query() {
    for url in [
        "not a url",
        "ftp://example.com",
        "https://example.com/?a=b",
        "mailto:x@example.com",
    ] {
        let err = Client::builder(Cloud::Global)
            .token("t")
            .base_url(url)
            .build()
            .unwrap_err();
        assert!(
            matches!(err, BuildError::InvalidBaseUrl { .. }),
            "{url}: {err:?}"
        );
    }
}

#[test]
fn plain_http_only_for_loopback_and_only_when_allowed() {
    let build = |url: &str, allow: bool| {
        let builder = Client::builder(Cloud::Global).token("t").base_url(url);
        if allow {
            builder.allow_http_on_loopback()
        } else {
            builder
        }
        .build()
    };
    assert!(matches!(
        build("http://127.0.0.1:8080", false),
        Err(BuildError::InvalidBaseUrl { .. })
    ));
    assert!(build("http://127.0.0.1:8080", true).is_ok());
    assert!(build("http://[::1]:8080", true).is_ok());
    assert!(build("http://localhost", true).is_ok());
    let err = build("http://api.partnercenter.microsoft.com", true).unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
    assert!(build("https://127.0.0.1:8443", false).is_ok());
}

#[test]
fn clouds_use_their_documented_base_urls() {
    let client = Client::builder(Cloud::China).token("t").build().unwrap();
    assert_eq!(
        client.base_url(),
        "https://partner.partnercenterapi.microsoftonline.cn/"
    );
    assert_eq!(Cloud::Germany.base_url(), Cloud::Global.base_url());
}

#[test]
fn debug_never_shows_the_token() {
    let builder = Client::builder(Cloud::Global)
        .token("super-secret")
        .application("app");
    let shown = format!("{builder:?}");
    assert!(
        !shown.contains("super-secret") && shown.contains("app"),
        "{shown}"
    );
    let client = builder.build().unwrap();
    let shown = format!("{client:?}");
    assert!(
        !shown.contains("super-secret") && shown.contains("redacted"),
        "{shown}"
    );
}
