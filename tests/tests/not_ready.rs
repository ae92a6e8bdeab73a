//! A success status the documents give for "not ready yet, ask again after
//! `Retry-After`" (a customer's Azure utilization records: a 204 while the
//! billing system has not the data): the client asks again after the wait
//! the service gives and answers the records; when every attempt is not
//! ready, the error says so and that a later call may succeed.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::{DateTime, Error, ErrorCategory, Uuid};
use partner_center_codegen::docs::{parse_lenient, parse_response};
use partner_center_tests::{Reply, TestServer, en_us};
use serde_json::json;

const PAGE: &str = "get-a-customer-s-utilization-record-for-azure.md";

/// A collection of the first record the page's example shows (its second
/// record's braces are misplaced: see spec/utilization.yaml).
fn records() -> Reply {
    let page = en_us(PAGE);
    let record = page
        .code_blocks
        .iter()
        .filter_map(|b| parse_response(&b.text).ok())
        .filter(|r| r.status == 200)
        .find_map(|r| parse_lenient(&r.body).ok())
        .map(|body| body.value["items"][0].clone())
        .expect("the page shows a record");
    let body =
        json!({"totalCount": 1, "items": [record], "attributes": {"objectType": "Collection"}});
    Reply::json(200, &body.to_string())
}

fn not_ready(retry_after: &str) -> Reply {
    Reply {
        status: 204,
        headers: vec![("Retry-After".into(), retry_after.into())],
        body: String::new(),
    }
}

async fn utilization(
    server: &TestServer,
) -> Result<Vec<partner_center::AzureUtilizationRecord>, Error> {
    let client = server.client().build().unwrap();
    let (start, end): (DateTime, DateTime) = (
        "2017-06-10T00:00:00Z".parse().unwrap(),
        "2017-07-09T00:00:00Z".parse().unwrap(),
    );
    let page = client
        .list_customer_azure_utilization_records(Uuid::nil(), Uuid::nil(), &start, &end)
        .await?;
    Ok(page.into_inner().items)
}

#[tokio::test]
async fn a_204_with_retry_after_is_asked_again_after_the_wait() {
    let server = TestServer::start_with(vec![not_ready("1"), records()]).await;
    let started = tokio::time::Instant::now();
    let records = utilization(&server).await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].unit.as_deref(), Some("1 GB/Hr"));
    let got = server.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].path, got[1].path);
    assert_eq!(got[0].query, got[1].query);
    // The second request came after the wait the service gave.
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn not_ready_on_every_attempt_is_its_own_retryable_error() {
    let server = TestServer::start(not_ready("0")).await;
    let error = utilization(&server).await.unwrap_err();
    let Error::NotReady {
        retry_after, call, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*retry_after, Some(Duration::ZERO));
    assert_eq!(call.attempts() as usize, server.received().len());
    assert!(call.attempts() > 1);
    assert_eq!(error.status(), Some(204));
    assert_eq!(error.category(), ErrorCategory::NotReady);
    assert!(error.is_retryable());
    assert!(
        error
            .to_string()
            .starts_with("HTTP 204: the answer is not ready yet, retry after 0s"),
        "{error}"
    );
}
