//! Two listing envelopes besides `{totalCount, items, links}`, as a user
//! reads them from the crate's test server (feature `test-server`): the
//! analytics pages' `{Value, @nextLink, TotalCount}`, followed page by page
//! by its `@nextLink`; the margins' `{pageSize, totalSize, results}`, one
//! page; and the margins as a CSV file, read as it arrives.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{LicensesDeploymentInformation, Margin, TestServer};
use std::pin::pin;

fn row(n: i64) -> LicensesDeploymentInformation {
    let mut row = LicensesDeploymentInformation::new(n, n + 10);
    row.customer_name = Some(format!("Customer {n}"));
    row.service_code = Some("o365".into());
    row
}

fn margin(n: u32) -> Margin {
    let date = |text: &str| text.parse().unwrap();
    Margin::new(
        format!("margin-{n}"),
        format!("{n}.5").parse().unwrap(),
        "DZH318Z08L40",
        "Software As A Service Support Preview App",
        "SaaS",
        "Market Place Test",
        date("2021-08-04T23:16:22.4736653Z"),
        date("2022-03-31T23:59:59Z"),
        "live",
        date("2021-08-04T23:16:22.4736653Z"),
    )
}

#[tokio::test]
async fn a_deployment_listing_is_followed_by_its_next_link() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let rows: Vec<_> = (1..=5).map(row).collect();
    server
        .list_licenses_deployment()
        .items(rows.clone(), 2)
        .always();

    // The first page: two rows, five in all, and the URI of the next.
    let first = client
        .list_licenses_deployment()
        .top(2)
        .filter("serviceCode eq 'O365'")
        .await
        .unwrap();
    assert_eq!(first.value, rows[..2]);
    assert_eq!(first.total_count, 5);
    assert!(first.next_link.is_some());

    // Every row, over three pages.
    let mut listed = Vec::new();
    let mut items = pin!(
        client
            .list_licenses_deployment()
            .top(2)
            .filter("serviceCode eq 'O365'")
            .items()
    );
    while let Some(row) = items.next().await {
        listed.push(row.unwrap());
    }
    assert_eq!(listed, rows);

    // Each page was asked for under /partner/v1, with the query the
    // listing began with.
    let sent = server.take_requests();
    assert_eq!(sent.len(), 4);
    for request in &sent {
        assert_eq!(request.operation, Some("list_licenses_deployment"));
        assert_eq!(
            request.path,
            "/partner/v1/analytics/commercial/deployment/license"
        );
        assert_eq!(request.query_value("top"), Some("2"));
        assert_eq!(request.query_value("filter"), Some("serviceCode eq 'O365'"));
    }
    assert_ne!(sent[2].query, sent[3].query, "another page each time");
}

#[tokio::test]
async fn the_deployment_page_s_example_is_the_last_page() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let page = client.list_licenses_deployment().await.unwrap();
    assert_eq!(page.total_count, 2);
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[1].licenses_sold, 5);
    assert_eq!(page.next_link, None);
    let mut pages = pin!(client.list_licenses_deployment().pages());
    assert!(pages.next().await.unwrap().is_ok());
    assert!(pages.next().await.is_none());
}

#[tokio::test]
async fn margins_are_one_page() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();

    // The page's example: two margins.
    let documented = client.list_margins().await.unwrap();
    assert_eq!(documented.total_size, 2);
    assert_eq!(documented.results[0].margin_percentage.to_string(), "10.0");

    // Yours: all on the one page the documents show, whatever the size.
    let margins: Vec<_> = (1..=3).map(margin).collect();
    server.list_margins().items(margins.clone(), 1);
    let mut listed = Vec::new();
    let mut items = pin!(client.list_margins().items());
    while let Some(margin) = items.next().await {
        listed.push(margin.unwrap());
    }
    assert_eq!(listed, margins);
    assert_eq!(server.requests().len(), 2, "one request for the one page");
}

#[tokio::test]
async fn margins_download_as_a_csv_file() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();

    // The page's example, in the media type the spec reads.
    let download = client.download_margins().await.unwrap().into_inner();
    assert_eq!(download.content_type(), Some("text/csv"));
    let mut file = Vec::new();
    let written = download.write_to(&mut file).await.unwrap();
    assert_eq!(written, file.len() as u64);
    let text = String::from_utf8(file).unwrap();
    assert!(text.starts_with("\"id\",\"productId\","), "{text}");
    assert!(text.contains("\"DZH318Z08L40\""), "{text}");

    // A longer file, written a chunk at a time as it arrives.
    let line = "\"97620c21cc32_97cdce68\",\"DZH318Z08L40\",\"Market Place Test\"\n";
    let long = line.repeat(20_000);
    server
        .download_margins()
        .answer(200, &[("Content-Type", "text/csv")], long.clone());
    let download = client.download_margins().await.unwrap().into_inner();
    let mut file = Vec::new();
    download.write_to(&mut file).await.unwrap();
    assert_eq!(file, long.as_bytes());
}
