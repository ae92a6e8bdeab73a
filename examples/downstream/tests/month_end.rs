//! The month-end reconciliation against the client's test server: the
//! invoices and the invoice it answers are the pages' examples; its line
//! items are the documented OneTime items, served by thousands over many
//! pages, each billed an amount that a float would not add up exactly.

use std::collections::BTreeMap;

use partner_center::{
    Decimal, InvoiceLineItem, LineItemProvider, LineItemType, OneTimeInvoiceLineItem, TestServer,
};
use partner_center_downstream::month_end;

const ITEMS: usize = 3_000;
const PER_PAGE: usize = 200;
const CUSTOMERS: usize = 3;

#[tokio::test]
async fn the_month_end_totals_thousands_of_line_items_per_customer_exactly() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();

    // The documented OneTime items, as the server answers them out of the
    // box; then thousands like them, three customers in turn, each billed
    // 0.10 (a tenth is not a float: 1,000 of them added as floats are not 100).
    let documented = client
        .list_invoice_line_items_by_path(
            "G000024135",
            LineItemProvider::OneTime,
            LineItemType::BillingLineItems,
        )
        .await
        .unwrap()
        .into_inner()
        .items;
    let one_time: Vec<&OneTimeInvoiceLineItem> = documented
        .iter()
        .filter_map(|item| match item {
            InvoiceLineItem::OneTimeInvoiceLineItem(item) => Some(item),
            _ => None,
        })
        .collect();
    let tenth: Decimal = "0.10".parse().unwrap();
    let items = (0..ITEMS).map(|i| {
        let mut item = one_time[i % one_time.len()].clone();
        item.customer_id = format!("customer-{}", i % CUSTOMERS);
        item.total_for_customer = tenth.clone();
        InvoiceLineItem::OneTimeInvoiceLineItem(item)
    });
    server.list_invoice_line_items().items(items, PER_PAGE);
    let listed = client.list_invoices().await.unwrap().into_inner().items;
    server.take_requests();

    let statement = std::env::temp_dir().join(format!("statement-{}.pdf", std::process::id()));
    let done = month_end(&client, PER_PAGE as i64, &statement)
        .await
        .unwrap();

    // The invoice listed first, read again by its id; the kinds of its details.
    assert_eq!(done.invoices_listed, listed.len());
    let sent = server.requests();
    assert_eq!(sent[1].path, format!("/v1/invoices/{}", listed[0].id));
    assert_eq!(
        done.kinds,
        [(
            LineItemProvider::OneTime,
            LineItemType::BillingLineItems,
            ITEMS
        )]
    );
    // Every page read, each asked for with the continuation the page before gave.
    assert_eq!(done.pages, ITEMS.div_ceil(PER_PAGE));
    let pages: Vec<_> = sent
        .iter()
        .filter(|r| r.path.contains("/lineitems"))
        .collect();
    assert_eq!(pages.len(), done.pages);
    assert!(
        pages[1..]
            .iter()
            .all(|p| p.query_value("seekOperation") == Some("Next"))
    );
    // Exact totals: a thousand tenths are a hundred.
    let expected: BTreeMap<String, rust_decimal::Decimal> = (0..CUSTOMERS)
        .map(|c| {
            (
                format!("customer-{c}"),
                rust_decimal::Decimal::new(10_000, 2),
            )
        })
        .collect();
    assert_eq!(done.totals, expected);
    assert_eq!(done.unknown, 0);

    // The statement saved as the server sends it.
    let saved = std::fs::read(&statement).unwrap();
    std::fs::remove_file(&statement).unwrap();
    let sent = client
        .get_invoice_statement(&done.invoice.id)
        .await
        .unwrap()
        .into_inner()
        .bytes()
        .await
        .unwrap();
    assert!(!saved.is_empty());
    assert_eq!(saved, sent);
    assert_eq!(saved.len() as u64, done.statement_bytes);
}
