//! A listing against a server that links where it should not: each next
//! link is followed on the client's own origin, with the listing's method
//! and the continuation headers the spec names, never twice to one page and
//! never past the client's limit of pages.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{DEFAULT_MAX_PAGES, Error, ListCustomersError};
use partner_center_codegen::docs::parse_lenient;
use partner_center_tests::{Reply, TestServer, en_us, example_responses};
use serde_json::{Value, json};

/// A page of customers as the documents show it, linking to `next`.
fn page(next: Option<Value>) -> Reply {
    let page = en_us("get-a-list-of-customers.md");
    let (_, documented) = example_responses(&page)
        .into_iter()
        .find(|(_, r)| r.status < 300)
        .expect("a success example");
    let mut body = parse_lenient(&documented.body).expect("JSON").value;
    match next {
        Some(next) => body["links"]["next"] = next,
        None => {
            body["links"].as_object_mut().unwrap().remove("next");
        }
    }
    Reply::json(200, &body.to_string())
}

/// A next link to `uri` with these headers.
fn link(uri: &str, method: &str, headers: &[(&str, &str)]) -> Value {
    let headers: Vec<Value> = headers
        .iter()
        .map(|(key, value)| json!({"key": key, "value": value}))
        .collect();
    json!({"uri": uri, "method": method, "headers": headers})
}

/// The listing's pages until it ends: how many were read, and its error.
async fn read_all(server: &TestServer, max_pages: Option<u32>) -> (usize, Option<Error>) {
    let mut builder = server.client();
    if let Some(max) = max_pages {
        builder = builder.max_pages(max);
    }
    let client = builder.build().unwrap();
    let mut pages = client.list_customers(2).pages();
    let mut read = 0;
    while let Some(page) = pages.next().await {
        match page {
            Ok(_) => read += 1,
            Err(e) => return (read, Some(ListCustomersError::into_error(e))),
        }
    }
    (read, None)
}

#[tokio::test]
async fn a_link_sends_its_continuation_token_and_no_other_header() {
    let hostile = [
        ("MS-ContinuationToken", "token-2"),
        ("Content-Length", "100"),
        ("Host", "elsewhere.example"),
        ("Connection", "Upgrade"),
        ("Upgrade", "websocket"),
        ("Proxy-Authorization", "Basic dTpw"),
        ("Cookie", "session=stolen"),
        ("X-Other", "1"),
    ];
    let next = link("/customers?size=2&seekOperation=Next", "GET", &hostile);
    let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
    assert_eq!(read_all(&server, None).await.0, 2);
    let second = &server.received()[1];
    assert_eq!(second.header("ms-continuationtoken"), Some("token-2"));
    let address = server.base_url.trim_start_matches("http://");
    assert_eq!(second.header("host"), Some(address));
    for name in [
        "content-length",
        "upgrade",
        "proxy-authorization",
        "cookie",
        "x-other",
    ] {
        assert_eq!(second.header(name), None, "{name} sent");
    }
    assert_ne!(second.header("connection"), Some("Upgrade"));
    assert!(second.body.is_empty());
}

#[tokio::test]
async fn a_listing_follows_with_its_own_method_whatever_the_link_says() {
    for method in ["DELETE", "put", "CONNECT", "not a method"] {
        let next = link("/customers?page=2", method, &[]);
        let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
        let (read, error) = read_all(&server, None).await;
        assert_eq!(read, 2, "{method}: {error:?}");
        assert!(error.is_none(), "{method}: {error:?}");
        let methods: Vec<String> = server.received().iter().map(|r| r.method.clone()).collect();
        assert_eq!(methods, ["GET", "GET"], "{method}");
    }
}

#[tokio::test]
async fn a_loop_of_links_ends_the_listing_before_a_page_is_asked_twice() {
    // A -> B -> A, and one URI whose continuation token alternates.
    let cases = [
        vec![
            link("/customers?page=b", "GET", &[]),
            link("/customers?size=2", "GET", &[]),
        ],
        vec![
            link("/customers?next", "GET", &[("MS-ContinuationToken", "1")]),
            link("/customers?next", "GET", &[("MS-ContinuationToken", "2")]),
            link("/customers?next", "GET", &[("MS-ContinuationToken", "1")]),
        ],
    ];
    for links in cases {
        let replies: Vec<Reply> = links.iter().cloned().map(|l| page(Some(l))).collect();
        let sent = replies.len();
        let server = TestServer::start_with(replies).await;
        let (read, error) = read_all(&server, None).await;
        assert_eq!(read, sent, "every page before the loop");
        match error {
            Some(Error::InvalidNextLink { reason, .. }) => {
                assert!(reason.contains("asks again"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(server.received().len(), sent, "nothing asked twice");
    }
}

#[tokio::test]
async fn a_listing_that_never_ends_stops_at_the_client_s_limit() {
    // Every page links to a new one.
    let replies: Vec<Reply> = (0..10)
        .map(|n| page(Some(link(&format!("/customers?page={n}"), "GET", &[]))))
        .collect();
    let server = TestServer::start_with(replies).await;
    let (read, error) = read_all(&server, Some(5)).await;
    assert_eq!(read, 5);
    match error {
        Some(Error::InvalidNextLink { reason, .. }) => {
            assert!(reason.contains("5 pages"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.received().len(), 5);
    assert_eq!(DEFAULT_MAX_PAGES, 10_000, "the documented default");
}

#[tokio::test]
async fn a_link_with_a_user_name_or_password_is_not_followed() {
    for userinfo in ["user:secret@", "user@", ":secret@"] {
        // A link to the server's own origin, with a user name or password.
        let server = TestServer::start(page(None)).await;
        let address = server.base_url.trim_start_matches("http://");
        let uri = format!("http://{userinfo}{address}/v1/customers?page=2");
        server.replace_replies(vec![page(Some(link(&uri, "GET", &[]))), page(None)]);
        let (read, error) = read_all(&server, None).await;
        assert_eq!(read, 1);
        match error {
            Some(Error::InvalidNextLink { reason, .. }) => {
                assert!(reason.contains("user name or password"), "{reason}");
            }
            other => panic!("{userinfo}: {other:?}"),
        }
        let received = server.received();
        assert_eq!(received.len(), 1, "nothing sent to {uri}");
        assert_eq!(received[0].header("authorization"), Some("Bearer <token>"));
    }
}
