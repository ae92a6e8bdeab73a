//! A loopback server that pages any number of invoice line items without
//! holding them: each page is written when it is asked for, from the
//! OneTime line items the documents show (get-invoiceline-items.md), and
//! links to the next with `seekOperation=Next` and its continuation header,
//! as the documents' OneTime listing does. The crate's test server keeps a
//! scripted listing in memory, so a bench of the client's memory over
//! hundreds of thousands of items uses this one instead.

use std::path::Path;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use partner_center_codegen::docs::{Page, parse_lenient, parse_response};
use serde_json::{Value, json};

/// The continuation header of the next links.
const TOKEN: &str = "MS-ContinuationToken";

/// The invoice whose line items are listed.
pub const INVOICE: &str = "G000773581";

/// What the server pages: `items` line items, `per_page` on each page,
/// their customers taking turns among `customers`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The line items in all.
    pub items: usize,
    /// The line items on each page but the last.
    pub per_page: usize,
    /// The customers the items belong to, in turn.
    pub customers: usize,
}

/// A server started for the process; it stops with it.
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
}

/// The OneTime line items of the documents' first response example that
/// shows them and reads as JSON, as JSON objects.
pub fn documented_items(root: &Path) -> Vec<Value> {
    let file = root.join("spec/docs/en-us/get-invoiceline-items.md");
    let page = Page::read(&file).unwrap();
    page.code_blocks
        .iter()
        .filter(|b| b.text.contains("\"OneTimeInvoiceLineItem\""))
        .filter_map(|b| parse_response(&b.text).ok())
        .filter_map(|r| parse_lenient(&r.body).ok())
        .find_map(|body| body.value["items"].as_array().cloned())
        .expect("the page shows OneTime line items")
}

/// Starts the server on 127.0.0.1 on a thread of its own (and the second
/// core), paging `listing` made of the [`template`] items in turn.
pub fn start(listing: Listing, template: Vec<String>) -> Server {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        crate::pin_to_cpu(1);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new()
                .fallback(answer)
                .with_state(Arc::new((listing, template)));
            axum::serve(listener, app).await.unwrap();
        });
    });
    let address = rx.recv().unwrap();
    Server {
        base_url: format!("http://{address}"),
    }
}

async fn answer(
    State(shared): State<Arc<(Listing, Vec<String>)>>,
    headers: HeaderMap,
) -> impl IntoResponse {
    let (listing, template) = &*shared;
    let page = headers
        .get(TOKEN)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        page_body(listing, template, page),
    )
}

/// Page `n` (from 0) of `listing`: its items, and a next link but on the
/// last. Written as text from the template's text, so that the server holds
/// little more than the page it sends.
pub fn page_body(listing: &Listing, template: &[String], n: usize) -> String {
    let first = n * listing.per_page;
    let last = (first + listing.per_page).min(listing.items);
    let mut items = String::new();
    for i in first..last {
        let customer = i % listing.customers;
        if i > first {
            items.push(',');
        }
        items.push_str(
            &template[i % template.len()]
                .replace(
                    CUSTOMER,
                    &format!("org:00000000-0000-0000-0000-{customer:012}"),
                )
                .replace(NAME, &format!("Customer {customer}")),
        );
    }
    let base = format!(
        "/invoices/{INVOICE}/lineitems/OneTime/BillingLineItems?size={}",
        listing.per_page
    );
    let mut links = json!({"self": {"uri": base, "method": "GET", "headers": []}});
    if last < listing.items {
        links["next"] = json!({
            "uri": format!("{base}&seekOperation=Next"),
            "method": "GET",
            "headers": [{"key": TOKEN, "value": (n + 1).to_string()}]
        });
    }
    format!(
        r#"{{"totalCount": {}, "items": [{items}], "links": {links}, "attributes": {{"objectType": "Collection"}}}}"#,
        last - first
    )
}

/// The documented items as the template of [`page_body`]: compact JSON
/// with their customer's id and name left to fill in.
pub fn template(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|item| {
            let mut item = item.clone();
            item["customerId"] = json!(CUSTOMER);
            item["customerName"] = json!(NAME);
            item.to_string()
        })
        .collect()
}

const CUSTOMER: &str = "@customer-id@";
const NAME: &str = "@customer-name@";
