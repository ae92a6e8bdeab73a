//! Listings that resume: a listing gives out where it is as a value to
//! store (JSON here), and a new client, as another process would build it,
//! takes the listing up from it with exactly the items that were left.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{
    Client, Customer, Error, ListCustomersError, ListingPosition, RetryPolicy, TestServer, Uuid,
};
use partner_center_tests::numbered_customer;
use std::pin::pin;

/// A server listing seven customers, two a page (four pages).
async fn seven_customers() -> (TestServer, Vec<Uuid>) {
    let server = TestServer::start().await.unwrap();
    let all: Vec<Customer> = (1..=7).map(numbered_customer).collect();
    server.list_customers().items(all.clone(), 2).always();
    (server, all.into_iter().map(|c| c.id).collect())
}

/// A client as a new process builds it: nothing shared with another.
fn new_client(server: &TestServer) -> Client {
    server.client().retry(RetryPolicy::none()).build().unwrap()
}

/// The ids the listing of items gives from `position`, to its end.
async fn ids_from(client: &Client, position: &ListingPosition) -> Vec<Uuid> {
    let mut items = pin!(client.list_customers(2).items_from(position));
    let mut ids = Vec::new();
    while let Some(item) = items.next().await {
        ids.push(item.unwrap().id);
    }
    assert_eq!(
        items.position(),
        None,
        "a listing read to its end is nowhere"
    );
    ids
}

#[tokio::test]
async fn a_listing_stopped_after_two_pages_resumes_in_a_new_client_with_exactly_the_rest() {
    let (server, ids) = seven_customers().await;
    let stored = {
        let first = new_client(&server);
        let mut pages = pin!(first.list_customers(2).pages());
        for _ in 0..2 {
            pages.next().await.unwrap().unwrap();
        }
        serde_json::to_string(&pages.position().unwrap()).unwrap()
    };
    assert!(!stored.contains("test-server-token"), "no token: {stored}");
    let listed = server.take_requests();
    assert_eq!(listed.len(), 2);

    let position: ListingPosition = serde_json::from_str(&stored).unwrap();
    assert_eq!(position.operation(), "ListCustomers");
    assert!(!position.is_first_page());
    assert_eq!(ids_from(&new_client(&server), &position).await, ids[4..]);

    // The third page was asked as the second's link said, in the listing's
    // correlation, and the position was not spent: pages from it again.
    let resumed = server.take_requests();
    assert_eq!(resumed.len(), 2);
    assert_eq!(resumed[0].query_value("seekOperation"), Some("Next"));
    assert!(resumed[0].header("MS-ContinuationToken").is_some());
    let correlation = listed[0].header("MS-CorrelationId");
    assert!(correlation.is_some());
    assert!(
        resumed
            .iter()
            .all(|r| r.header("MS-CorrelationId") == correlation)
    );
    let client = new_client(&server);
    let mut pages = pin!(client.list_customers(2).pages_from(&position));
    let mut sizes = Vec::new();
    while let Some(page) = pages.next().await {
        sizes.push(page.unwrap().into_inner().items.len());
    }
    assert_eq!(sizes, [2, 1]);
}

#[tokio::test]
async fn items_resume_at_the_item_even_in_the_middle_of_a_page() {
    let (server, ids) = seven_customers().await;
    for stop in 0..=7 {
        let first = new_client(&server);
        let mut items = pin!(first.list_customers(2).items());
        let mut read = Vec::new();
        for _ in 0..stop {
            read.push(items.next().await.unwrap().unwrap().id);
        }
        let Some(position) = items.position() else {
            assert_eq!(stop, 7, "only a listing read to its end has no position");
            assert!(items.next().await.is_none());
            continue;
        };
        assert_eq!(position.items_given(), stop % 2, "after {stop}");
        let text = serde_json::to_string(&position).unwrap();
        let position: ListingPosition = serde_json::from_str(&text).unwrap();
        read.extend(ids_from(&new_client(&server), &position).await);
        assert_eq!(read, ids, "stopped after {stop}");
    }
}

#[tokio::test]
async fn a_page_that_failed_is_where_the_listing_resumes() {
    let (server, ids) = seven_customers().await;
    let first = new_client(&server);
    let mut items = pin!(first.list_customers(2).items());
    let mut read = Vec::new();
    for _ in 0..2 {
        read.push(items.next().await.unwrap().unwrap().id);
    }
    server.list_customers().status(503, "");
    assert!(items.next().await.unwrap().is_err());
    assert!(items.next().await.is_none(), "an error ends the listing");
    let position = items.position().unwrap();
    assert_eq!(position.items_given(), 0);
    read.extend(ids_from(&new_client(&server), &position).await);
    assert_eq!(read, ids);
}

#[tokio::test]
async fn a_position_on_another_host_is_refused_before_anything_is_sent() {
    let (server, _) = seven_customers().await;
    let client = new_client(&server);
    let mut pages = pin!(client.list_customers(2).pages());
    pages.next().await.unwrap().unwrap();
    let stored = serde_json::to_value(pages.position().unwrap()).unwrap();
    server.take_requests();

    let ours = server.base_url();
    for elsewhere in [
        "http://evil.example",
        "https://127.0.0.1",
        "http://localhost:1",
    ] {
        let mut moved = stored.clone();
        let uri = moved["page"]["uri"]
            .as_str()
            .unwrap()
            .replace(&ours, elsewhere);
        moved["page"]["uri"] = uri.clone().into();
        let position: ListingPosition = serde_json::from_value(moved).unwrap();
        let mut items = pin!(client.list_customers(2).items_from(&position));
        let error = items.next().await.unwrap().unwrap_err();
        let error = ListCustomersError::into_error(error);
        let text = error.to_string();
        match error {
            Error::InvalidNextLink {
                uri: refused,
                reason,
                ..
            } => {
                assert_eq!(refused, uri);
                assert!(reason.contains(&format!("leaves {ours}")), "{reason}");
                assert!(reason.contains("stored listing position"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(text.contains("cannot be followed"), "{text}");
        assert!(items.next().await.is_none());
    }

    // A position of another operation's listing.
    let users = client.list_customer_users(Uuid::nil());
    let mut pages = pin!(users.pages_from(&serde_json::from_value(stored).unwrap()));
    let error = pages.next().await.unwrap().unwrap_err().to_string();
    assert!(error.contains("one of ListCustomers"), "{error}");
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_position_before_the_first_page_resumes_with_the_call_s_own_request() {
    let (server, ids) = seven_customers().await;
    let client = new_client(&server);
    let correlation = Uuid::new_v4();
    let pages = client.list_customers(2).correlation_id(correlation).pages();
    let position = pages.position().unwrap();
    assert!(position.is_first_page());
    let text = serde_json::to_string(&position).unwrap();
    assert!(text.contains(&correlation.to_string()), "{text}");
    let position: ListingPosition = serde_json::from_str(&text).unwrap();
    assert_eq!(ids_from(&new_client(&server), &position).await, ids);
    let log = server.requests();
    assert_eq!(log[0].query_value("size"), Some("2"));
    assert_eq!(log[0].header("MS-ContinuationToken"), None);
    let correlation = correlation.to_string();
    assert!(
        log.iter()
            .all(|r| r.header("MS-CorrelationId") == Some(&correlation))
    );
}
