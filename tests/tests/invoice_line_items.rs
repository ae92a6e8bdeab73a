//! Invoice line items, as a user reads them: the billing provider and
//! line-item type of the request choose the model of the items (the bodies
//! do not say it), each documented combination its own typed variant with
//! exact amounts, any other kept as JSON, never a failure; and every page
//! of a listing is read as the request chose.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{
    InvoiceLineItem, LineItemProvider, LineItemType, OneTimeInvoiceLineItem, TestServer,
};
use partner_center_tests::{Reply, TestServer as Loopback};
use serde_json::json;
use std::pin::pin;

const INVOICE: &str = "1234000000";

/// The items of the first page the crate's test server answers (out of the
/// box: the page's example of the request's provider and type).
async fn first_page(
    server: &TestServer,
    provider: LineItemProvider,
    kind: LineItemType,
) -> Vec<InvoiceLineItem> {
    let client = server.client().build().unwrap();
    let page = client
        .list_invoice_line_items(INVOICE, provider, kind)
        .size(2)
        .offset(0)
        .await
        .unwrap();
    page.into_inner().items
}

/// The OneTime billing line items the crate's test server answers out of
/// the box (response example 5 of the page, by the previous syntax's path).
async fn documented_one_time(client: &partner_center::Client) -> Vec<InvoiceLineItem> {
    client
        .list_invoice_line_items_by_path(
            "G000024135",
            LineItemProvider::OneTime,
            LineItemType::BillingLineItems,
        )
        .await
        .unwrap()
        .into_inner()
        .items
}

#[tokio::test]
async fn each_documented_provider_and_type_reads_its_own_model_with_exact_amounts() {
    let server = TestServer::start().await.unwrap();

    // Office's billing line items: licence-based (response example 1).
    let office = first_page(
        &server,
        LineItemProvider::Office,
        LineItemType::BillingLineItems,
    )
    .await;
    let [
        InvoiceLineItem::LicenseBasedLineItem(first),
        InvoiceLineItem::LicenseBasedLineItem(_),
    ] = &office[..]
    else {
        panic!("{office:#?}")
    };
    assert_eq!(first.offer_name, "EXCHANGE ONLINE (PLAN 2)");
    assert_eq!(first.quantity, 3);
    assert_eq!(first.unit_price.as_str(), "0.0");
    assert_eq!(first.tier2_mpn_id, -1);

    // Azure's billing line items: usage-based (response example 2), their
    // rates to the last digit the service wrote.
    let azure = first_page(
        &server,
        LineItemProvider::Azure,
        LineItemType::BillingLineItems,
    )
    .await;
    let InvoiceLineItem::UsageBasedLineItem(usage) = &azure[0] else {
        panic!("{azure:#?}")
    };
    assert_eq!(usage.pretax_effective_rate.as_str(), "0.08500671");
    assert_eq!(usage.post_tax_total.as_str(), "69.67");
    let InvoiceLineItem::UsageBasedLineItem(small) = &azure[1] else {
        panic!("{azure:#?}")
    };
    assert_eq!(small.overage_quantity.as_str(), "0.000882");
    assert_eq!(small.customer_company_name.as_deref(), Some("601 tests"));

    // Azure's usage line items: a day's usage (response example 3, a model
    // no resource page defines).
    let daily = first_page(
        &server,
        LineItemProvider::Azure,
        LineItemType::UsageLineItems,
    )
    .await;
    let InvoiceLineItem::DailyUsageLineItem(day) = &daily[0] else {
        panic!("{daily:#?}")
    };
    assert_eq!(day.consumed_quantity.as_str(), "2.9616");
    assert_eq!(day.usage_date.as_str(), "2019-08-05T00:00:00");

    // OneTime's billing line items, by the previous syntax's path (response
    // example 5): amounts written as text are read exactly all the same.
    let client = server.client().build().unwrap();
    let one_time = documented_one_time(&client).await;
    let one_time: Vec<&OneTimeInvoiceLineItem> = one_time
        .iter()
        .map(|item| match item {
            InvoiceLineItem::OneTimeInvoiceLineItem(item) => item,
            other => panic!("{other:#?}"),
        })
        .collect();
    assert_eq!(one_time.len(), 4);
    assert_eq!(one_time[1].effective_unit_price.as_str(), "14.4");
    assert_eq!(one_time[1].tax_total.as_str(), "73");
    assert_eq!(one_time[2].billable_quantity.as_str(), "3.1618");
    assert_eq!(one_time[3].total_for_customer.as_str(), "17.61");
    assert_eq!(
        one_time[3].customer_id,
        "org:9060d13d-c5ed-482e-b059-a15a38cbb28e"
    );

    // The request said which: provider and type, in the query and in the path.
    let sent = server.requests();
    assert_eq!(sent[0].query_value("provider"), Some("Office"));
    assert_eq!(
        sent[0].query_value("invoicelineitemtype"),
        Some("BillingLineItems")
    );
    assert_eq!(
        sent[3].path,
        "/v1/invoices/G000024135/lineitems/OneTime/BillingLineItems"
    );
}

#[tokio::test]
async fn a_kind_the_documents_do_not_list_is_kept_as_json_never_an_error() {
    let server = TestServer::start().await.unwrap();
    // Office's usage line items: no page shows their model nor an example;
    // and a provider the page does not list.
    let item = json!({
        "partnerId": "934f3416-bc2f-47f3-b492-77e517d4e572",
        "unitPrice": 0.0012,
        "quantity": 9.5,
        "hasPartnerEarnedCredit": false,
        "invoiceLineItemType": "usage_line_items",
        "billingProvider": "marketplace",
        "attributes": {"objectType": "DailyRatedUsageLineItem"}
    });
    let page =
        json!({"totalCount": 1, "items": [item], "attributes": {"objectType": "Collection"}});
    let client = server.client().build().unwrap();
    for provider in [
        LineItemProvider::Office,
        LineItemProvider::from("Marketplace"),
    ] {
        server
            .list_invoice_line_items()
            .answer(200, &[], page.to_string());
        let items = client
            .list_invoice_line_items(INVOICE, provider.clone(), LineItemType::UsageLineItems)
            .has_partner_earned_credit(false)
            .await
            .unwrap()
            .into_inner()
            .items;
        let [InvoiceLineItem::Other(kept)] = &items[..] else {
            panic!("{provider}: {items:#?}")
        };
        // As the service sent it, its amounts to the digit.
        let kept = serde_json::to_value(kept).unwrap();
        assert_eq!(kept, item, "{provider}");
        assert_eq!(kept["unitPrice"].to_string(), "0.0012");
    }
    let sent = server.requests();
    assert_eq!(sent[1].query_value("provider"), Some("Marketplace"));
    assert_eq!(sent[1].query_value("hasPartnerEarnedCredit"), Some("false"));
}

#[tokio::test]
async fn every_page_of_a_listing_reads_the_model_the_request_chose() {
    // The test server's own pages: the OneTime items of example 5, two a
    // page, each next page asked for with a continuation token.
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let documented = documented_one_time(&client).await;
    server
        .list_invoice_line_items()
        .items(documented.clone(), 2);
    let mut listed = Vec::new();
    let mut items = pin!(
        client
            .list_invoice_line_items(
                "G000773581",
                LineItemProvider::OneTime,
                LineItemType::BillingLineItems,
            )
            .items()
    );
    while let Some(item) = items.next().await {
        let item = item.unwrap();
        assert!(
            matches!(item, InvoiceLineItem::OneTimeInvoiceLineItem(_)),
            "{item:#?}"
        );
        listed.push(item);
    }
    assert_eq!(listed, documented);
    let pages = &server.requests()[1..];
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1].query_value("provider"), Some("OneTime"));
    assert_eq!(pages[1].query_value("seekOperation"), Some("Next"));
    assert!(pages[1].header("MS-ContinuationToken").is_some());
}

#[tokio::test]
async fn pages_by_offset_read_the_model_the_request_chose() {
    // Azure's daily usage, as the service pages it: the next page is the
    // link it gives, with the offset it chose (response example 3).
    let page = |offset: usize, next: Option<&str>| {
        let day = |n: usize| {
            json!({
                "customerBillableAccount": "1439508127",
                "usageDate": format!("2019-08-0{n}T00:00:00"),
                "invoiceLineItemType": "usage_line_items",
                "partnerId": "1F5CCB06-8E36-4A74-A74C-FCAA9E000000",
                "partnerName": "TEST_TEST_BIG FOOT CONSULTING",
                "partnerBillableAccountId": "1010578050",
                "customerId": "9E9B71BA-3442-458B-B519-E1CCF72FBB54",
                "domainName": "test600.onmicrosoft.com",
                "customerCompanyName": "600 TEST",
                "mpnId": 4390934,
                "tier2MpnId": -1,
                "invoiceNumber": INVOICE,
                "subscriptionId": "F9BA6DA0-6DAC-4F88-B623-313C9B9C117A",
                "subscriptionName": "MICROSOFT AZURE",
                "subscriptionDescription": "MICROSOFT AZURE",
                "billingCycleType": "MONTHLY",
                "orderId": "568297985577171353",
                "serviceName": "STORAGE",
                "serviceType": "STANDARD PAGE BLOB",
                "resourceGuid": "9CC63CF8-6593-410A-B0E7-26A4EF71E8B3",
                "resourceName": "DISK DELETE OPERATIONS",
                "region": "",
                "consumedQuantity": format!("{n}.0001").parse::<serde_json::Number>().unwrap(),
                "chargeStartDate": "2019-08-05T00:00:00",
                "chargeEndDate": "2019-09-04T00:00:00",
                "unit": "10K",
                "billingProvider": "azure",
                "attributes": {"objectType": "DailyUsageLineItem"}
            })
        };
        let mut body = json!({
            "totalCount": 4,
            "items": [day(offset + 1), day(offset + 2)],
            "links": {"self": {"uri": format!("/invoices/{INVOICE}/lineitems?provider=Azure&invoicelineitemtype=UsageLineItems&size=2&offset={offset}"), "method": "GET", "headers": []}},
            "attributes": {"objectType": "Collection"}
        });
        if let Some(next) = next {
            body["links"]["next"] = json!({"uri": next, "method": "GET", "headers": []});
        }
        Reply::json(200, &body.to_string())
    };
    let next = format!(
        "/invoices/{INVOICE}/lineitems?provider=Azure&invoicelineitemtype=UsageLineItems&size=2&offset=2"
    );
    let server = Loopback::start_with(vec![page(0, Some(&next)), page(2, None)]).await;
    let client = server.client().build().unwrap();
    let mut pages = pin!(
        client
            .list_invoice_line_items(
                INVOICE,
                LineItemProvider::Azure,
                LineItemType::UsageLineItems,
            )
            .size(2)
            .offset(0)
            .pages()
    );
    let mut consumed = Vec::new();
    while let Some(page) = pages.next().await {
        for item in page.unwrap().into_inner().items {
            let InvoiceLineItem::DailyUsageLineItem(day) = item else {
                panic!("{item:#?}")
            };
            consumed.push(day.consumed_quantity.as_str().to_string());
        }
    }
    assert_eq!(consumed, ["1.0001", "2.0001", "3.0001", "4.0001"]);
    let got = server.received();
    assert_eq!(got.len(), 2);
    let query = |i: usize| got[i].query_pairs();
    assert!(
        query(0).contains(&("offset".into(), "0".into())),
        "{:?}",
        query(0)
    );
    // The link, as the service gave it, relative to /v1.
    assert_eq!(got[1].path, format!("/v1/invoices/{INVOICE}/lineitems"));
    assert!(
        query(1).contains(&("offset".into(), "2".into())),
        "{:?}",
        query(1)
    );
    assert!(query(1).contains(&("provider".into(), "Azure".into())));
}

#[tokio::test]
async fn one_time_usage_line_items_read_as_daily_rated_usage_with_exact_amounts() {
    // The billed consumption page's first example: OneTime's usage line
    // items are daily rated usage, their rates to the last digit written.
    let server = TestServer::start().await.unwrap();
    let items = first_page(
        &server,
        LineItemProvider::OneTime,
        LineItemType::UsageLineItems,
    )
    .await;
    let rated: Vec<&partner_center::DailyRatedUsageLineItem> = items
        .iter()
        .map(|item| match item {
            InvoiceLineItem::DailyRatedUsageLineItem(item) => item,
            other => panic!("{other:#?}"),
        })
        .collect();
    assert_eq!(rated.len(), 2);
    assert_eq!(rated[0].unit_price.as_str(), "0.0209496384791679");
    assert_eq!(rated[0].billing_pre_tax_total.as_str(), "0.486031696515249");
    assert!(rated[0].entitlement_id.is_none());
    assert_eq!(
        rated[1].effective_unit_price.as_ref().map(|d| d.as_str()),
        Some("0.1999968000511991808131")
    );
}

#[tokio::test]
async fn a_listing_of_thousands_is_read_a_page_at_a_time() {
    // 4,000 OneTime line items, 250 a page: each page is asked for with
    // seekOperation=Next and the token the page before gave, and only one
    // page is held at a time.
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let documented = documented_one_time(&client).await;
    let all: Vec<InvoiceLineItem> = documented.iter().cycle().take(4_000).cloned().collect();
    server.list_invoice_line_items().items(all, 250);
    let mut pages = pin!(
        client
            .list_invoice_line_items(
                "G000773581",
                LineItemProvider::OneTime,
                LineItemType::BillingLineItems,
            )
            .pages()
    );
    let (mut read, mut items, mut largest) = (0, 0, 0);
    while let Some(page) = pages.next().await {
        let page = page.unwrap().into_inner();
        read += 1;
        largest = largest.max(page.items.len());
        for item in &page.items {
            assert!(
                matches!(item, InvoiceLineItem::OneTimeInvoiceLineItem(_)),
                "{item:#?}"
            );
            items += 1;
        }
    }
    assert_eq!((read, items, largest), (16, 4_000, 250));
    let sent = &server.requests()[1..];
    assert_eq!(sent.len(), 16);
    for next in &sent[1..] {
        assert_eq!(next.query_value("seekOperation"), Some("Next"));
        assert!(next.header("MS-ContinuationToken").is_some());
    }
}
