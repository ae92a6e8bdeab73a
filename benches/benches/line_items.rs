//! The memory of a long listing: 200,000 invoice line items (OneTime's
//! billing line items, as the documents show them), 2,000 a page, read page
//! by page through `seekOperation=Next` and its continuation header from a
//! loopback server that writes each page when asked. The heap's high-water
//! mark above what was in use before the listing (the whole process: the
//! server's page included) is printed for reading the items one page at a
//! time, beside holding them all, and one page's size. Run:
//! `cargo bench -p partner-center-benches --bench line_items`.
#![allow(clippy::unwrap_used)] // benchmark scaffolding

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use partner_center::{Client, InvoiceLineItem, LineItemProvider, LineItemType};
use partner_center_benches::alloc::{Live, live_bytes, live_peak, reset_live_peak};
use partner_center_benches::line_items::{self, INVOICE, Listing};
use partner_center_benches::{median, pin_to_cpu};

#[global_allocator]
static ALLOCATOR: Live = Live;

const ITEMS: usize = 200_000;
/// The documents' largest page (`size`: "Default max size = 2000").
const PER_PAGE: usize = 2_000;
const CUSTOMERS: usize = 500;
const RUNS: usize = 3;

/// What one read of the listing saw.
struct Read {
    items: usize,
    pages: usize,
    customers: usize,
    /// The heap's high-water mark above the bytes in use before.
    peak: usize,
}

/// Reads the listing a page at a time, counting items per customer.
async fn streamed(client: &Client) -> Read {
    let before = live_bytes();
    reset_live_peak();
    let mut per_customer: HashMap<String, usize> = HashMap::new();
    let (mut items, mut pages) = (0, 0);
    let mut listing = std::pin::pin!(
        client
            .list_invoice_line_items(
                INVOICE,
                LineItemProvider::OneTime,
                LineItemType::BillingLineItems,
            )
            .pages()
    );
    while let Some(page) = listing.next().await {
        pages += 1;
        for item in page.unwrap().into_inner().items {
            let InvoiceLineItem::OneTimeInvoiceLineItem(item) = item else {
                panic!("{item:?}")
            };
            items += 1;
            *per_customer.entry(item.customer_id).or_default() += 1;
        }
    }
    Read {
        items,
        pages,
        customers: per_customer.len(),
        peak: live_peak() - before,
    }
}

/// Reads the listing into one `Vec`, for comparison.
async fn held(client: &Client) -> Read {
    let before = live_bytes();
    reset_live_peak();
    let mut all = Vec::new();
    let mut pages = 0;
    let mut listing = std::pin::pin!(
        client
            .list_invoice_line_items(
                INVOICE,
                LineItemProvider::OneTime,
                LineItemType::BillingLineItems,
            )
            .pages()
    );
    while let Some(page) = listing.next().await {
        pages += 1;
        all.extend(page.unwrap().into_inner().items);
    }
    Read {
        items: all.len(),
        pages,
        customers: CUSTOMERS,
        peak: live_peak() - before,
    }
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    pin_to_cpu(0);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let template = line_items::template(&line_items::documented_items(&root));
    let listing = Listing {
        items: ITEMS,
        per_page: PER_PAGE,
        customers: CUSTOMERS,
    };
    let page = line_items::page_body(&listing, &template, 0).len();
    let server = line_items::start(listing, template);
    let client = Client::builder(partner_center::Cloud::Global)
        .base_url(&server.base_url)
        .allow_http_on_loopback()
        .token("bench-token")
        .build()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    println!(
        "{ITEMS} line items, {PER_PAGE} a page: one page's body is {:.2} MiB",
        mib(page)
    );
    let mut peaks = Vec::new();
    for run in 1..=RUNS {
        let started = Instant::now();
        let read = runtime.block_on(streamed(&client));
        assert_eq!((read.items, read.pages), (ITEMS, ITEMS.div_ceil(PER_PAGE)));
        assert_eq!(read.customers, CUSTOMERS);
        peaks.push(read.peak as f64);
        println!(
            "page by page, run {run}: {} items, {} pages, {} customers in {:.2?}; heap peak {:.2} MiB ({:.2} pages' bodies)",
            read.items,
            read.pages,
            read.customers,
            started.elapsed(),
            mib(read.peak),
            read.peak as f64 / page as f64
        );
    }
    let started = Instant::now();
    let all = runtime.block_on(held(&client));
    assert_eq!(all.items, ITEMS);
    println!(
        "all held, for comparison: {} items, {} pages in {:.2?}; heap peak {:.2} MiB",
        all.items,
        all.pages,
        started.elapsed(),
        mib(all.peak)
    );
    println!(
        "median heap peak page by page: {:.2} MiB, {:.4} of holding them all",
        mib(median(&mut peaks) as usize),
        median(&mut peaks) / all.peak as f64
    );
}
