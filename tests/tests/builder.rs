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
    let base_url = |url: &str, allow: bool| build(url, allow).map(|c| c.base_url().to_string());
    assert_eq!(
        base_url("http://127.0.0.1:8080", true).unwrap(),
        "http://127.0.0.1:8080/"
    );
    assert_eq!(
        base_url("http://[::1]:8080", true).unwrap(),
        "http://[::1]:8080/"
    );
    assert_eq!(
        base_url("http://localhost", true).unwrap(),
        "http://localhost/"
    );
    let err = build("http://api.partnercenter.microsoft.com", true).unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
    assert_eq!(
        base_url("https://127.0.0.1:8443", false).unwrap(),
        "https://127.0.0.1:8443/"
    );
}

/// Each cloud's client goes to the base URL that `partner-center-rest-urls.md`
/// gives for the version of Partner Center of that name.
#[test]
fn clouds_use_their_documented_base_urls() {
    let page = partner_center_tests::en_us("partner-center-rest-urls.md");
    let table = page
        .tables
        .iter()
        .find(|t| t.header == ["Partner Center Version", "Base URL"])
        .expect("the table of base URLs");
    let documented: Vec<(&str, &str)> = table
        .rows
        .iter()
        .flat_map(|row| {
            row.cells[0]
                .lines()
                .map(|name| (name, row.cells[1].as_str()))
        })
        .collect();
    assert_eq!(documented.len(), Cloud::ALL.len(), "{documented:?}");
    for cloud in Cloud::ALL {
        let (_, url) = documented
            .iter()
            .find(|(name, _)| *name == cloud.name())
            .unwrap_or_else(|| panic!("{cloud:?}: no row for {:?}", cloud.name()));
        assert_eq!(cloud.base_url(), *url, "{cloud:?}");
        let client = Client::builder(*cloud).token("t").build().unwrap();
        assert_eq!(client.base_url(), format!("{url}/"), "{cloud:?}");
    }
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
