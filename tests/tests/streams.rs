//! Listings as a user writes them with `futures`: a function that returns
//! one, a listing on a client that is gone before it is read, `try_collect`,
//! `buffer_unordered` over the listed ids, and a listing read in another
//! task; each against the test server on 127.0.0.1.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::pin::pin;

use futures_util::{Stream, StreamExt, TryFutureExt, TryStreamExt};
use partner_center::{Call, Client, Customer, Error, GetCustomerError, TestServer, Uuid};
use partner_center_tests::numbered_customer;

/// A server listing seven customers, two a page (four pages).
async fn seven_customers() -> (TestServer, Vec<Uuid>) {
    let server = TestServer::start().await.unwrap();
    let all: Vec<Customer> = (1..=7).map(numbered_customer).collect();
    server.list_customers().items(all.clone(), 2).always();
    (server, all.into_iter().map(|c| c.id).collect())
}

/// Every customer of the partner, as one stream with the crate's error: the
/// client is built here and dropped when the function returns.
fn all_customers(server: &TestServer) -> impl Stream<Item = Result<Customer, Error>> + use<> {
    let client = server.client().build().unwrap();
    client.list_customers(2).items().map_err(Error::from)
}

/// A call returned from a function, on a client of its own.
fn one_customer(server: &TestServer, id: Uuid) -> Call<Customer, GetCustomerError> {
    server.client().build().unwrap().get_customer(id)
}

#[tokio::test]
async fn a_function_returns_a_listing_of_its_own_client_and_try_collect_reads_it_all() {
    let (server, ids) = seven_customers().await;
    let customers: Vec<Customer> = all_customers(&server).try_collect().await.unwrap();
    let listed: Vec<Uuid> = customers.into_iter().map(|c| c.id).collect();
    assert_eq!(listed, ids);
    assert_eq!(server.requests().len(), 4, "one request a page");
}

#[tokio::test]
async fn a_listing_built_on_a_temporary_client_is_read_after_the_client_is_gone() {
    let (server, ids) = seven_customers().await;
    let mut items = pin!(server.client().build().unwrap().list_customers(2).items());
    let mut listed = Vec::new();
    while let Some(customer) = items.next().await {
        listed.push(customer.unwrap().id);
    }
    assert_eq!(listed, ids);
    // The pages as a stream too, collected whole without a pin.
    let pages: Vec<_> = server
        .client()
        .build()
        .unwrap()
        .list_customers(2)
        .pages()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, [2, 2, 2, 1]);
}

#[tokio::test]
async fn buffer_unordered_gets_every_listed_customer_a_few_at_a_time() {
    let (server, ids) = seven_customers().await;
    let client = server.client().build().unwrap();
    let fetched: Vec<Customer> = client
        .list_customers(2)
        .items()
        .map_ok(|c| client.get_customer(c.id).send().map_err(Error::from))
        .map_err(Error::from)
        .try_buffer_unordered(3)
        .map_ok(|response| response.into_inner())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(fetched.len(), ids.len());
    // The same with plain `buffer_unordered` over ids at hand, each call a
    // future of its own (a call owns its client: nothing borrowed).
    let uuids = ids.clone();
    let answers: Vec<_> = futures_util::stream::iter(uuids.clone())
        .map(|id| client.get_customer(id).send())
        .buffer_unordered(4)
        .collect()
        .await;
    assert!(answers.iter().all(Result::is_ok), "{answers:?}");
    let mut asked: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.path.clone())
        .filter(|path| path.starts_with("/v1/customers/"))
        .collect();
    asked.sort();
    asked.dedup();
    let mut expected: Vec<String> = uuids
        .iter()
        .map(|id| format!("/v1/customers/{id}"))
        .collect();
    expected.sort();
    assert_eq!(asked, expected, "each listed customer asked for");
    // A call returned from a function, its client dropped, still sends.
    let first = one_customer(&server, uuids[0]).await.unwrap();
    assert!(!first.id.is_nil());
}

#[tokio::test]
async fn a_listing_is_read_in_a_task_of_its_own() {
    let (server, ids) = seven_customers().await;
    let client: Client = server.client().build().unwrap();
    let listing = client.list_customers(2).items();
    drop(client);
    let task = tokio::spawn(async move {
        let mut items = pin!(listing);
        let mut listed = Vec::new();
        while let Some(customer) = items.next().await {
            listed.push(customer.unwrap().id);
        }
        listed
    });
    assert_eq!(task.await.unwrap(), ids);
}

/// A `next()` given up on (a timeout, a `select!` that took another branch)
/// leaves its page's call in the listing: the next `next()` takes it up,
/// and the page is neither lost nor asked for twice.
#[tokio::test]
async fn a_next_given_up_on_does_not_lose_its_page() {
    let (server, ids) = seven_customers().await;
    let client = server.client().build().unwrap();
    server
        .list_customers()
        .delay(std::time::Duration::from_millis(400));
    let mut items = pin!(client.list_customers(2).items());
    let early = tokio::time::timeout(std::time::Duration::from_millis(50), items.next()).await;
    assert!(early.is_err(), "the first page is still on its way");
    let mut listed = Vec::new();
    while let Some(customer) = items.next().await {
        listed.push(customer.unwrap().id);
    }
    assert_eq!(listed, ids);
    assert_eq!(server.requests().len(), 4, "one request a page, none twice");
}
