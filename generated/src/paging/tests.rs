//! How links resolve and which of their headers a listing sends.

use http::{HeaderName, HeaderValue, Method};

use super::{Like, NextLink, Paged, follow, resolve};
use crate::error::Error;
use crate::protocol::Names;
use crate::request::Request;

/// A page of a spec that names the client's own headers among its
/// continuation headers, which the generator does not refuse.
#[derive(serde::Deserialize)]
struct Careless {}

impl crate::error::sealed::Sealed for Careless {}

impl Paged for Careless {
    type Item = ();
    const RELATIVE_TO: &'static str = "/v1";
    const CONTINUATION: &'static [&'static str] = &[
        "MS-ContinuationToken",
        "Authorization",
        "MS-RequestId",
        "MS-CorrelationId",
        "MS-PartnerCenter-Application",
        "X-Locale",
        "MS-Contract-Version",
    ];

    fn next_link(&self) -> Option<NextLink<'_>> {
        None
    }

    fn into_items(self) -> Vec<()> {
        Vec::new()
    }
}

/// What the pages of a listing of customers take from its first request.
fn listing() -> Like {
    Like::first(&Request::new("GET", "list_customers", "/v1/customers"))
}

/// The headers of the headers table, as the client sets them.
fn names() -> Names {
    let name = HeaderName::from_static;
    Names {
        defaults: vec![(name("ms-contract-version"), HeaderValue::from_static("v1"))],
        authorization: Some(http::header::AUTHORIZATION),
        request_id: Some(name("ms-requestid")),
        correlation_id: Some(name("ms-correlationid")),
        application: Some(name("ms-partnercenter-application")),
        locale: Some(name("x-locale")),
        retry_after: None,
    }
}

#[test]
fn a_link_sets_no_header_the_client_sets_itself() {
    let base = url::Url::parse("https://api.example.com").unwrap();
    let mut link = NextLink::new("/customers?seekOperation=Next");
    link.headers = vec![
        ("ms-continuationtoken", "t2"),
        ("Authorization", "Bearer stolen"),
        ("MS-RequestId", "0d2d9fd8-7e71-4b9b-9f3c-6b9a4e1f2a10"),
        ("MS-CorrelationId", "5e0d7c1a-3f4b-4c2e-9a8d-1b2c3d4e5f60"),
        ("MS-PartnerCenter-Application", "other"),
        ("X-Locale", "fr-FR"),
        ("MS-Contract-Version", "v2"),
        ("X-Other", "1"),
    ];
    let request = follow::<Careless>(&base, &names(), &link, &listing()).unwrap();
    let sent: Vec<(&str, &str)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.to_str().unwrap()))
        .collect();
    assert_eq!(sent, [("ms-continuationtoken", "t2")]);
    assert_eq!(request.method, Method::GET);
    assert_eq!(
        request.url(&base).unwrap().as_str(),
        "https://api.example.com/v1/customers?seekOperation=Next"
    );
}

#[test]
fn a_continuation_header_that_cannot_be_sent_ends_the_listing() {
    let base = url::Url::parse("https://api.example.com").unwrap();
    let mut link = NextLink::new("/customers?seekOperation=Next");
    link.headers = vec![("MS-ContinuationToken", "a\nb")];
    let error = follow::<Careless>(&base, &names(), &link, &listing()).unwrap_err();
    match error {
        Error::InvalidNextLink { uri, reason } => {
            assert_eq!(uri, "/customers?seekOperation=Next");
            assert_eq!(
                reason,
                "invalid input, nothing was sent: next page: the value for header \
                 ms-continuationtoken is not a valid header value"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn links_resolve_on_the_base_and_its_prefix() {
    let base = url::Url::parse("https://api.example.com").unwrap();
    let at = |uri: &str| resolve(&base, "/v1", uri).map(|u| u.to_string());
    assert_eq!(
        at("/customers?size=40").unwrap(),
        "https://api.example.com/v1/customers?size=40"
    );
    assert_eq!(
        at("/v1/customers?size=40").unwrap(),
        "https://api.example.com/v1/customers?size=40"
    );
    assert_eq!(at("/v1?x=1").unwrap(), "https://api.example.com/v1?x=1");
    assert_eq!(at("/v1").unwrap(), "https://api.example.com/v1");
    assert_eq!(at("/v10/x").unwrap(), "https://api.example.com/v1/v10/x");
    assert_eq!(
        at("invoices").unwrap(),
        "https://api.example.com/v1/invoices"
    );
    assert_eq!(
        at("https://api.example.com/v1/x").unwrap(),
        "https://api.example.com/v1/x"
    );
    let leaves = Err("it leaves https://api.example.com".to_string());
    assert_eq!(at("https://evil.example.com/v1/x"), leaves);
    assert_eq!(at("http://api.example.com/v1/x"), leaves);
    assert_eq!(at("https://api.example.com:8443/v1/x"), leaves);
    assert_eq!(
        at("https://api.example.com:443/v1/x").unwrap(),
        "https://api.example.com/v1/x"
    );
    assert_eq!(
        at("//evil.example.com/x").unwrap(),
        "https://api.example.com/v1/evil.example.com/x"
    );
    assert_eq!(
        at("/x\r\nHost: evil"),
        Err("it holds control characters".to_string())
    );
    let credentials = Err("it carries a user name or password".to_string());
    assert_eq!(at("https://user:secret@api.example.com/v1/x"), credentials);
    assert_eq!(at("https://user@api.example.com/v1/x"), credentials);
    assert_eq!(at("https://:secret@api.example.com/v1/x"), credentials);
}
