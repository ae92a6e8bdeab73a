//! A listing against a server that links where it should not: each next
//! link is followed on the client's own origin, with the listing's method
//! and the continuation headers the spec names, never twice to one page and
//! never past the client's limit of pages.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{DEFAULT_MAX_PAGES, Error, ListCustomersError};
use partner_center_codegen::docs::parse_lenient;
use partner_center_tests::events::Recorder;
use partner_center_tests::{Received, Reply, TestServer, en_us, example_responses};
use serde_json::{Value, json};
use std::pin::pin;
use uuid::Uuid;

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
    let mut pages = pin!(client.list_customers(2).pages());
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
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let next = link("/customers?size=2&seekOperation=Next", "GET", &hostile);
    let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
    assert_eq!(read_all(&server, None).await.0, 2);
    // Each header not sent is told, by name.
    let dropped: Vec<String> = recorder
        .events("a next link's header is not sent")
        .iter()
        .map(|e| e.field("header").unwrap().to_string())
        .collect();
    let expected: Vec<String> = hostile[1..].iter().map(|(n, _)| format!("{n:?}")).collect();
    assert_eq!(dropped, expected, "{}", recorder.text());
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
    for method in ["DELETE", "put", "CONNECT", "not a method", "GET", "get"] {
        let recorder = Recorder::default();
        let _guard = recorder.install();
        let next = link("/customers?page=2", method, &[]);
        let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
        let (read, error) = read_all(&server, None).await;
        assert_eq!(read, 2, "{method}: {error:?}");
        assert!(error.is_none(), "{method}: {error:?}");
        let methods: Vec<String> = server.received().iter().map(|r| r.method.clone()).collect();
        assert_eq!(methods, ["GET", "GET"], "{method}");
        // Another method than the listing's is told; its own, in any case, is not.
        let told: Vec<String> = recorder
            .events("a next link's method is not followed")
            .iter()
            .map(|e| e.field("link_method").unwrap().to_string())
            .collect();
        let expected = if method.eq_ignore_ascii_case("GET") {
            vec![]
        } else {
            vec![format!("{method:?}")]
        };
        assert_eq!(told, expected, "{method}");
    }
}

/// The values of header `name` in a request, every one.
fn all(request: &Received, name: &str) -> Vec<String> {
    request
        .headers
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

/// A link's headers set nothing the client sets itself: the token, the
/// ids (a new request id for each page, the listing's correlation id), the
/// contract version.
#[tokio::test]
async fn a_link_cannot_set_the_token_or_the_ids() {
    let (request_id, correlation_id) = (Uuid::new_v4().to_string(), Uuid::new_v4().to_string());
    let own = [
        ("MS-ContinuationToken", "token-2"),
        ("Authorization", "Bearer stolen"),
        ("MS-RequestId", request_id.as_str()),
        ("MS-CorrelationId", correlation_id.as_str()),
        ("MS-Contract-Version", "v2"),
        ("X-Locale", "fr-FR"),
        ("MS-PartnerCenter-Application", "other"),
    ];
    let next = link("/customers?page=2", "GET", &own);
    let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
    let (read, error) = read_all(&server, None).await;
    assert_eq!((read, error.is_none()), (2, true), "{error:?}");
    let received = server.received();
    let (first, second) = (&received[0], &received[1]);
    assert_eq!(all(second, "ms-continuationtoken"), ["token-2"]);
    assert_eq!(all(second, "authorization"), ["Bearer <token>"]);
    let sent_id = all(second, "ms-requestid");
    assert_eq!(sent_id.len(), 1, "{sent_id:?}");
    assert_ne!(sent_id[0], request_id);
    assert_ne!(Some(sent_id[0].as_str()), first.header("ms-requestid"));
    assert!(Uuid::parse_str(&sent_id[0]).is_ok(), "{sent_id:?}");
    assert_eq!(
        all(second, "ms-correlationid"),
        [first.header("ms-correlationid").unwrap()]
    );
    assert_eq!(all(second, "ms-contract-version"), ["v1"]);
    assert_eq!(all(second, "x-locale"), Vec::<String>::new());
    assert_eq!(
        all(second, "ms-partnercenter-application"),
        Vec::<String>::new()
    );
}

/// `Debug` of a listing shows where it is: the next call (its request and
/// ids) or the error that ends it, and how many pages it has asked for.
#[tokio::test]
async fn a_listing_s_debug_shows_its_state() {
    let next = link(
        "/customers?page=2",
        "GET",
        &[("MS-ContinuationToken", "t2")],
    );
    let server = TestServer::start_with(vec![page(Some(next)), page(None)]).await;
    let client = server.client().build().unwrap();
    let (request_id, correlation_id) = (Uuid::new_v4(), Uuid::new_v4());
    let call = || {
        client
            .list_customers(2)
            .request_id(request_id)
            .correlation_id(correlation_id)
    };
    let first = "Request { operation: \"ListCustomers\", method: GET, target: \"/v1/customers?size=2\", headers: [], body_bytes: None, .. }";
    let mut pages = pin!(call().pages());
    assert_eq!(
        format!("{pages:?}"),
        format!(
            "Pages {{ next: Some(Ok(Call {{ request: {first}, request_id: Some({request_id}), correlation_id: Some({correlation_id}), .. }})), pages: 0, .. }}"
        )
    );
    pages.next().await.unwrap().unwrap();
    let second = format!(
        "Request {{ operation: \"next page\", method: GET, target: \"{}/v1/customers?page=2\", headers: [(\"ms-continuationtoken\", \"t2\")], body_bytes: None, .. }}",
        server.base_url
    );
    assert_eq!(
        format!("{pages:?}"),
        format!(
            "Pages {{ next: Some(Ok(Call {{ request: {second}, request_id: None, correlation_id: Some({correlation_id}), .. }})), pages: 1, .. }}"
        )
    );
    pages.next().await.unwrap().unwrap();
    assert_eq!(format!("{pages:?}"), "Pages { next: None, pages: 2, .. }");
    assert!(pages.next().await.is_none());

    // The items: the pages, and how many items are read but not yet given.
    server.replace_replies(vec![page(None)]);
    let mut items = pin!(call().items());
    let start = format!("{:?}", call().pages());
    assert_eq!(
        format!("{items:?}"),
        format!("Items {{ pages: {start}, buffered: 0 }}")
    );
    let listed = page(None);
    let count = parse_lenient(&listed.body).unwrap().value["items"]
        .as_array()
        .unwrap()
        .len();
    assert!(count > 1, "the page lists several customers");
    items.next().await.unwrap().unwrap();
    assert_eq!(
        format!("{items:?}"),
        format!(
            "Items {{ pages: Pages {{ next: None, pages: 1, .. }}, buffered: {} }}",
            count - 1
        )
    );

    // An error that ends the listing is shown until it is given.
    let looping = link("/customers?size=2", "GET", &[]);
    server.replace_replies(vec![page(Some(looping))]);
    let mut pages = pin!(client.list_customers(2).pages());
    pages.next().await.unwrap().unwrap();
    let shown = format!("{pages:?}");
    assert!(
        shown.starts_with("Pages { next: Some(Err(InvalidNextLink { uri: \"/customers?size=2\", reason: \"it asks again for a page this listing has asked for\" })), pages: 1"),
        "{shown}"
    );
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
