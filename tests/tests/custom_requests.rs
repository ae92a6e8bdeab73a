//! `client.request(method, path)`, the escape hatch for what the spec does
//! not describe, as a user writes it: against the crate's test server (an
//! operation the spec has, sent by hand, answers what the generated method
//! answers; a path no operation has is a typed 404; retries, token, ids and
//! paging as for any call) and a hand-written server (query, headers, body,
//! and never a token to another host).
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::collections::BTreeMap;
use std::time::Duration;

use partner_center::{
    Customer, Error, Json, Method, ResourceCollection, RetryPolicy, TestServer, Uuid,
};
use partner_center_tests::Reply;
use partner_center_tests::numbered_customer;

const CUSTOMER: &str = "0c39d6d5-c70d-4c55-bc02-f620844f3fd1";

#[tokio::test]
async fn an_operation_sent_by_hand_answers_what_its_method_answers() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let id: Uuid = CUSTOMER.parse().unwrap();
    let typed = client.get_customer(id).await.unwrap().into_inner();
    let by_hand = client
        .request(Method::Get, &format!("/v1/customers/{CUSTOMER}"))
        .json::<Customer>()
        .await
        .unwrap();
    assert_eq!(by_hand.value(), &typed);
    assert_eq!(by_hand.call().attempts(), 1);
    // The same request reached the server: the operation it is, the token,
    // the client's ids and standard headers.
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].operation, Some("get_customer"));
    assert!(sent[1].has_token);
    let request_id = by_hand.call().request_id().to_string();
    assert_eq!(sent[1].header("MS-RequestId"), Some(request_id.as_str()));
    assert_eq!(sent[1].header("MS-Contract-Version"), Some("v1"));

    // As JSON, the crate's own value type.
    let json = client
        .request(Method::Get, &format!("/v1/customers/{CUSTOMER}"))
        .json::<Json>()
        .await
        .unwrap();
    assert_eq!(
        json.get("id").unwrap().as_str(),
        Some(typed.id.to_string().as_str())
    );
}

#[tokio::test]
async fn a_path_no_operation_has_is_a_typed_not_found() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let error = client
        .request(Method::Get, "/v1/no-such-thing")
        .json::<Json>()
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
    let Error::Api(api) = &error else {
        panic!("not an API error: {error:?}")
    };
    assert_eq!(api.status(), 404);
    assert_eq!(api.body().code, "1000");
    assert_eq!(server.requests()[0].operation, None);
}

#[tokio::test]
async fn a_custom_request_is_retried_and_sends_the_same_ids() {
    let server = TestServer::start().await.unwrap();
    let fast = RetryPolicy::default().base_delay(Duration::from_millis(1));
    let client = server.client().retry(fast).build().unwrap();
    server.get_customer().status(503, "");
    let id = Uuid::new_v4();
    let answer = client
        .request(Method::Get, &format!("/v1/customers/{CUSTOMER}"))
        .json::<Customer>()
        .request_id(id)
        .await
        .unwrap();
    assert_eq!(answer.call().attempts(), 2);
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    for request in &sent {
        assert_eq!(
            request.header("MS-RequestId"),
            Some(id.to_string().as_str())
        );
        assert!(request.has_token);
    }
}

#[tokio::test]
async fn a_custom_request_waits_out_a_429_and_keeps_the_body_limit() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    server.get_customer().throttle(Duration::from_secs(1));
    let started = std::time::Instant::now();
    let answer = client
        .request(Method::Get, &format!("/v1/customers/{CUSTOMER}"))
        .json::<Customer>()
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited the Retry-After"
    );
    assert_eq!(answer.call().attempts(), 2);

    let small = server.client().max_body_size(16).build().unwrap();
    let error = small
        .request(Method::Get, &format!("/v1/customers/{CUSTOMER}"))
        .json::<Json>()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::BodyTooLarge { limit: 16, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_custom_listing_follows_its_next_links() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let all: Vec<Customer> = (1..=5).map(numbered_customer).collect();
    server.list_customers().items(all.clone(), 2).always();
    let mut items = std::pin::pin!(
        client
            .request(Method::Get, "/v1/customers")
            .query("size", 2)
            .json::<ResourceCollection<Customer>>()
            .items()
    );
    let mut listed = Vec::new();
    while let Some(item) = items.next().await {
        listed.push(item.unwrap());
    }
    assert_eq!(listed, all);
    let sent = server.requests();
    assert_eq!(sent.len(), 3, "three pages");
    assert_eq!(sent[0].query_value("size"), Some("2"));
    // The next pages carry the continuation token the page gave.
    assert!(
        sent[1..]
            .iter()
            .all(|r| r.header("MS-ContinuationToken").is_some())
    );
    let correlation = sent[0].header("MS-CorrelationId");
    assert!(
        sent.iter()
            .all(|r| r.header("MS-CorrelationId") == correlation)
    );
}

#[tokio::test]
async fn query_headers_and_body_are_sent_as_given() {
    let server = partner_center_tests::TestServer::start(Reply::json(200, r#"{"ok": true}"#)).await;
    let client = server.client().build().unwrap();
    let body = BTreeMap::from([("displayName", "Contoso & Co")]);
    let answer = client
        .request(Method::Post, "v1/customers/preview?api-version=2")
        .query("filter", "a b&c")
        .header("X-Preview", "on")
        .body(&body)
        .json::<Json>()
        .await
        .unwrap();
    assert_eq!(answer.get("ok").unwrap().as_bool(), Some(true));
    let sent = &server.received()[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/v1/customers/preview");
    assert_eq!(
        sent.query_pairs(),
        [
            ("api-version".to_string(), "2".to_string()),
            ("filter".to_string(), "a b&c".to_string())
        ]
    );
    assert_eq!(sent.header("X-Preview"), Some("on"));
    assert_eq!(sent.header("Authorization"), Some("Bearer <token>"));
    assert_eq!(sent.header("Content-Type"), Some("application/json"));
    assert_eq!(sent.body, br#"{"displayName":"Contoso & Co"}"#);

    // No body to read: any 2xx.
    server.replace_replies(vec![Reply::json(204, "")]);
    let done = client
        .request(Method::Delete, "/v1/customers/preview")
        .empty()
        .await
        .unwrap();
    assert_eq!(done.meta().status(), 204);
}

#[tokio::test]
async fn the_token_never_goes_to_another_host() {
    let server = partner_center_tests::TestServer::start(Reply::json(200, "{}")).await;
    let client = server.client().build().unwrap();
    for path in [
        "https://elsewhere.example/v1/customers",
        "http://127.0.0.2:1/v1/customers",
        &format!(
            "{}/v1/customers",
            server.base_url.replace("http:", "https:")
        ),
    ] {
        let error = client
            .request(Method::Get, path)
            .json::<Json>()
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::InvalidInput { .. }),
            "{path}: {error:?}"
        );
        assert!(error.to_string().contains("leaves"), "{error}");
    }
    let with_user = server.base_url.replace("http://", "http://user:pw@");
    let error = client
        .request(Method::Get, &with_user)
        .json::<Json>()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput { .. }), "{error:?}");
    assert!(server.received().is_empty(), "nothing was sent");

    // A full URL on the client's own origin is taken; so is a path that
    // looks like a host: it stays a path.
    let own = format!("{}/v1/customers", server.base_url);
    client
        .request(Method::Get, &own)
        .json::<Json>()
        .await
        .unwrap();
    client
        .request(Method::Get, "//elsewhere.example/v1")
        .json::<Json>()
        .await
        .unwrap();
    let sent = server.received();
    assert_eq!(sent[0].path, "/v1/customers");
    assert_eq!(sent[1].path, "/elsewhere.example/v1");
}

#[tokio::test]
async fn the_client_s_own_headers_are_refused() {
    let server = partner_center_tests::TestServer::start(Reply::json(200, "{}")).await;
    let client = server.client().build().unwrap();
    for name in [
        "Authorization",
        "ms-requestid",
        "MS-CorrelationId",
        "Content-Type",
        "Accept",
    ] {
        let error = client
            .request(Method::Get, "/v1/x")
            .header(name, "mine")
            .json::<Json>()
            .await
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "invalid input, nothing was sent: custom request: header {name} is the client's own: the client sets it on every call"
            )
        );
    }
    let error = client
        .request(Method::Get, "/v1/x")
        .header("X-Note", "line\nbreak")
        .json::<Json>()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput { .. }), "{error:?}");
    assert!(server.received().is_empty(), "nothing was sent");
}
