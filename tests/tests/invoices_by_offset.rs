//! The partner's invoices, as a user pages through them: a size and a
//! zero-based offset ask for the first page, and each next page is the link
//! the service gives, with the offset it chose (the page's note: size and
//! offset count for legacy invoices only, the service may ignore them).
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{BillingProvider, Invoice, InvoiceDocumentType, InvoiceType, TestServer};
use partner_center_codegen::docs::parse_lenient;
use partner_center_tests::{Reply, TestServer as Loopback, en_us, example_responses};
use serde_json::{Value, json};
use std::pin::pin;

/// The documented page: two invoices, and a next link with `offset=2`.
fn documented() -> Value {
    let page = en_us("get-a-collection-of-invoices.md");
    let (_, response) = example_responses(&page).into_iter().next().unwrap();
    parse_lenient(&response.body).unwrap().value
}

#[tokio::test]
async fn the_next_page_is_the_link_with_the_service_s_offset() {
    let first = documented();
    // The last page: the documented invoices again, under other ids, and no
    // link to a next one.
    let mut last = first.clone();
    for invoice in last["items"].as_array_mut().unwrap() {
        let id = invoice["id"].as_str().unwrap().replace('0', "9");
        invoice["id"] = json!(id);
    }
    last["links"].as_object_mut().unwrap().remove("next");
    let server = Loopback::start_with(vec![
        Reply::json(200, &first.to_string()),
        Reply::json(200, &last.to_string()),
    ])
    .await;
    let client = server.client().build().unwrap();

    // Asked for 200 from the first: the service answers 2, and says where
    // the next 2 are.
    let mut items = pin!(client.list_invoices().size(200).offset(0).items());
    let mut invoices: Vec<Invoice> = Vec::new();
    while let Some(invoice) = items.next().await {
        invoices.push(invoice.unwrap());
    }
    let ids: Vec<&str> = invoices.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["D02005YFHI", "G000024130", "D92995YFHI", "G999924139"]
    );

    let got = server.received();
    assert_eq!(got.len(), 2, "one request a page");
    assert_eq!(got[0].path, "/v1/invoices");
    assert_eq!(got[0].query.as_deref(), Some("size=200&offset=0"));
    // Not worked out by the client: the link, relative to /v1.
    assert_eq!(got[1].path, "/v1/invoices");
    assert_eq!(got[1].query.as_deref(), Some("size=2&offset=2"));
    let correlation = |i: usize| got[i].header("ms-correlationid").unwrap().to_string();
    assert_eq!(correlation(0), correlation(1), "one listing");

    // What an invoice says, amounts exact; the values the examples write
    // that the tables do not list are kept as written.
    let recurring = &invoices[0];
    assert_eq!(recurring.total_charges.as_str(), "24606.35");
    assert_eq!(recurring.currency_symbol, "£");
    assert_eq!(recurring.invoice_type, InvoiceType::Recurring);
    assert_eq!(recurring.document_type, InvoiceDocumentType::Invoice);
    let receipts = recurring.tax_receipts.as_deref().unwrap();
    assert_eq!(receipts[0].id, "123456");
    let one_time = &invoices[1];
    assert_eq!(one_time.document_type.as_str(), "void_note");
    assert_eq!(
        one_time.invoice_details[0].billing_provider,
        BillingProvider::from("one_time")
    );
    let amendment = &one_time.amendments.as_deref().unwrap()[0];
    assert_eq!(amendment.amends_of.as_deref(), Some("G000024130"));
    assert_eq!(amendment.total_charges.as_str(), "107661.12");
}

#[tokio::test]
async fn the_test_server_pages_your_invoices() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // Out of the box: the page's example.
    let page = client.list_invoices().size(2).offset(0).await.unwrap();
    assert_eq!(page.total_count, 2);
    let documented = page.into_inner().items;

    // Your own invoices, one a page.
    server.list_invoices().items(documented.clone(), 1);
    let mut pages = pin!(client.list_invoices().size(1).pages());
    let mut listed = Vec::new();
    while let Some(page) = pages.next().await {
        listed.extend(page.unwrap().into_inner().items);
    }
    assert_eq!(listed, documented);
    assert_eq!(server.requests().len(), 3);
}
