//! The month-end reconciliation of a CSP partner's software, as a user of
//! the client writes it: list the invoices, read the first listed, walk every
//! line item of each kind it has (page by page, never all of them in
//! memory), total what each customer is billed in exact decimals, and save
//! the invoice's statement (a PDF) to a file.

use std::collections::BTreeMap;
use std::path::Path;

use partner_center::{
    BillingProvider, Client, Invoice, InvoiceDetail, InvoiceLineItem, InvoiceLineItemType,
    LineItemProvider, LineItemType,
};
use rust_decimal::Decimal;

/// Any failure of the reconciliation: a call's, a file's, or an amount
/// that is not a decimal `rust_decimal` holds.
pub type MonthEndError = Box<dyn std::error::Error + Send + Sync>;

/// What the reconciliation saw.
#[derive(Debug)]
pub struct MonthEnd {
    /// The invoice reconciled: the first one listed, read again by its id.
    pub invoice: Invoice,
    /// The invoices on the listing's first page.
    pub invoices_listed: usize,
    /// Each kind of line item the invoice has, and how many were read.
    pub kinds: Vec<(LineItemProvider, LineItemType, usize)>,
    /// The pages of line items read, over every kind.
    pub pages: usize,
    /// What each customer is billed (by customer id), over every line item
    /// with an amount for the customer.
    pub totals: BTreeMap<String, Decimal>,
    /// Line items of a kind the client does not know (kept as JSON): read,
    /// counted here, not totalled.
    pub unknown: usize,
    /// The bytes of the statement saved.
    pub statement_bytes: u64,
}

/// Reconciles the first invoice listed: its line items of every kind, page by
/// page (`page_size` a page), totalled per customer; its statement saved
/// to `statement`.
pub async fn month_end(
    client: &Client,
    page_size: i64,
    statement: &Path,
) -> Result<MonthEnd, MonthEndError> {
    let listed = client.list_invoices().await?.into_inner();
    let first = listed.items.first().ok_or("no invoice to reconcile")?;
    let invoice = client.get_invoice(&first.id).await?.into_inner();

    let mut totals: BTreeMap<String, Decimal> = BTreeMap::new();
    let (mut kinds, mut pages, mut unknown) = (Vec::new(), 0, 0);
    for detail in &invoice.invoice_details {
        let (provider, kind) = line_items_of(detail)?;
        let mut listing = std::pin::pin!(
            client
                .list_invoice_line_items(&invoice.id, provider.clone(), kind.clone())
                .size(page_size)
                .pages()
        );
        let mut read = 0;
        while let Some(page) = listing.next().await {
            pages += 1;
            for item in page?.into_inner().items {
                read += 1;
                match billed(&item)? {
                    Some((customer, amount)) => *totals.entry(customer).or_default() += amount,
                    None if matches!(item, InvoiceLineItem::Other(_)) => unknown += 1,
                    None => {}
                }
            }
        }
        kinds.push((provider, kind, read));
    }

    let statement_bytes = save_statement(client, &invoice.id, statement).await?;

    Ok(MonthEnd {
        invoice,
        invoices_listed: listed.items.len(),
        kinds,
        pages,
        totals,
        unknown,
        statement_bytes,
    })
}

/// Saves the statement of `invoice` to `path`, whole or not at all: it is
/// written beside it first and moved there once every byte is on disk.
async fn save_statement(client: &Client, invoice: &str, path: &Path) -> Result<u64, MonthEndError> {
    let partial = path.with_extension("part");
    let written = async {
        let mut file = std::fs::File::create(&partial)?;
        let bytes = client
            .get_invoice_statement(invoice)
            .await?
            .into_inner()
            .write_to(&mut file)
            .await?;
        file.sync_all()?;
        Ok::<_, MonthEndError>(bytes)
    }
    .await;
    match written {
        Ok(bytes) => {
            std::fs::rename(&partial, path)?;
            Ok(bytes)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// The provider and line-item type to list an invoice detail's line items
/// with: the invoice writes them as `one_time` and `billing_line_items`,
/// the listing takes `OneTime` and `BillingLineItems`.
pub fn line_items_of(
    detail: &InvoiceDetail,
) -> Result<(LineItemProvider, LineItemType), MonthEndError> {
    let provider = match &detail.billing_provider {
        BillingProvider::Office => LineItemProvider::Office,
        BillingProvider::Azure => LineItemProvider::Azure,
        BillingProvider::Other(p) if p == "one_time" => LineItemProvider::OneTime,
        other => return Err(format!("no line items listed for the provider {other}").into()),
    };
    let kind = match &detail.invoice_line_item_type {
        InvoiceLineItemType::BillingLineItems => LineItemType::BillingLineItems,
        InvoiceLineItemType::UsageLineItems => LineItemType::UsageLineItems,
        other => return Err(format!("no line items listed of the type {other}").into()),
    };
    Ok((provider, kind))
}

/// The customer a line item bills and the amount, in exact decimals: the
/// total for the customer where the kind has one, the post-tax total of
/// Azure's usage, the pre-tax total of rated daily usage; `None` for daily
/// usage (quantities only) and for kinds the client does not know.
pub fn billed(item: &InvoiceLineItem) -> Result<Option<(String, Decimal)>, MonthEndError> {
    // Some kinds write the customer's id as a GUID, others as text
    // (`org:<guid>` in OneTime's): the totals are keyed by the text.
    let (customer, amount) = match item {
        InvoiceLineItem::LicenseBasedLineItem(i) => {
            (i.customer_id.to_string(), &i.total_for_customer)
        }
        InvoiceLineItem::UsageBasedLineItem(i) => (i.customer_id.to_string(), &i.post_tax_total),
        InvoiceLineItem::OneTimeInvoiceLineItem(i) => {
            (i.customer_id.clone(), &i.total_for_customer)
        }
        InvoiceLineItem::DailyRatedUsageLineItem(i) => {
            (i.customer_id.clone(), &i.billing_pre_tax_total)
        }
        _ => return Ok(None),
    };
    Ok(Some((customer, Decimal::try_from(amount)?)))
}
