//! Maps and dates as a user of the crate meets them, against the crate's
//! own test server: the Azure Rate Card's rates, a map of exact amounts by
//! meter quantity; and the audit records, searched by dates without a time.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{
    AuditOperationStatus, AuditOperationType, AuditRecordFilter, AuditRecordFilterOperator,
    AuditRecordSearchField, AuditResourceType, Date, Decimal, TestServer,
};

fn amount(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[tokio::test]
async fn a_rate_card_s_rates_read_as_exact_decimals_by_key() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // Out of the box, the page's example: one rate a meter, from quantity 0.
    let card = client.get_azure_rate_card().await.unwrap();
    assert_eq!(card.currency, "USD");
    assert!(!card.is_tax_included);
    let compute = &card.meters[1];
    assert_eq!(compute.name, "Compute Hours");
    assert_eq!(compute.rates["0"], amount("3.9729"));
    assert_eq!(compute.rates["0"].as_str(), "3.9729");
    // As written: 7395.0 stays 7395.0, and equals 7395.
    assert_eq!(card.meters[0].rates["0"].as_str(), "7395.0");
    assert_eq!(card.meters[0].rates["0"], amount("7395"));
    assert_eq!(card.offer_terms[0].discount, amount("0.15"));

    // Tiered rates, in the market and currency asked for: each tier's rate
    // by the quantity it starts at, digit for digit (no float would keep
    // the first one).
    server.get_azure_rate_card().answer(
        200,
        &[],
        r#"{"locale": "fr", "currency": "EUR", "isTaxIncluded": false,
            "meters": [{"id": "m-1", "name": "Data Transfer Out", "tags": [],
              "rates": {"0": 0.12345678901234567891, "10240": 0.083, "51200": 0.07},
              "category": "Networking", "subcategory": "", "region": "Zone 1",
              "unit": "1 GB", "includedQuantity": 5.0, "effectiveDate": "2017-01-01T00:00:00Z"}],
            "offerTerms": [], "attributes": {"objectType": "AzureRateCard"}}"#,
    );
    let card = client
        .get_azure_rate_card()
        .currency("EUR")
        .region("FR")
        .await
        .unwrap();
    let rates = &card.meters[0].rates;
    let tiers: Vec<(&str, &str)> = rates
        .iter()
        .map(|(quantity, rate)| (quantity.as_str(), rate.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            ("0", "0.12345678901234567891"),
            ("10240", "0.083"),
            ("51200", "0.07")
        ]
    );
    assert_eq!(rates.get("10240"), Some(&amount("0.0830")));
    assert_eq!(card.meters[0].included_quantity, amount("5"));
    let sent = server.requests();
    assert_eq!(sent[1].query_value("currency"), Some("EUR"));
    assert_eq!(sent[1].query_value("region"), Some("FR"));
    // Written back, the rates are the same numbers, digit for digit.
    let json = serde_json::to_string(&card.meters[0]).unwrap();
    assert!(json.contains(r#""0":0.12345678901234567891"#), "{json}");
}

#[tokio::test]
async fn an_audit_search_sends_its_dates_as_yyyy_mm_dd() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let june = Date::new(2017, 6, 1).unwrap();
    let customer = AuditRecordFilter::new(
        AuditRecordSearchField::CustomerId,
        "0c39d6d5-c70d-4c55-bc02-f620844f3fd1",
        AuditRecordFilterOperator::Equals,
    );
    let records = client
        .list_audit_records()
        .start_date(&june)
        .end_date(&"2017-06-30".parse().unwrap())
        .filter(&customer)
        .await
        .unwrap();

    let sent = server.requests();
    assert_eq!(sent[0].query_value("startDate"), Some("2017-06-01"));
    assert_eq!(sent[0].query_value("endDate"), Some("2017-06-30"));
    let filter: serde_json::Value =
        serde_json::from_str(sent[0].query_value("filter").unwrap()).unwrap();
    assert_eq!(
        filter,
        serde_json::json!({"Field": "CustomerId", "Value": "0c39d6d5-c70d-4c55-bc02-f620844f3fd1", "Operator": "equals"})
    );

    // The page's records: an order created, licenses assigned.
    let order = &records.items[0];
    assert_eq!(order.resource_type, AuditResourceType::Order);
    assert_eq!(order.operation_type, AuditOperationType::CreateOrder);
    assert_eq!(order.operation_status, AuditOperationStatus::Succeeded);
    assert_eq!(
        order.operation_date.as_str(),
        "2017-06-15T22:56:05.0589308Z"
    );
    let partner_on_record = order
        .customized_data
        .iter()
        .find(|d| d.key == "PartnerOnRecord-0")
        .unwrap();
    assert_eq!(partner_on_record.value, None);
    assert!(order.application_id.is_none());
    let licenses = &records.items[1];
    assert_eq!(
        licenses.operation_type,
        AuditOperationType::UpdateCustomerUserLicenses
    );
    assert_eq!(
        licenses.application_id.as_deref(),
        Some("Partner Center Native App")
    );
}

#[tokio::test]
async fn an_audit_search_refuses_nothing_the_page_allows() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let start = Date::new(2017, 6, 1).unwrap();
    let end = Date::new(2017, 6, 30).unwrap();
    let filters = [
        (
            AuditRecordSearchField::CompanyName,
            "bri",
            AuditRecordFilterOperator::Substring,
        ),
        (
            AuditRecordSearchField::CustomerId,
            "0c39d6d5-c70d-4c55-bc02-f620844f3fd1",
            AuditRecordFilterOperator::Equals,
        ),
        (
            AuditRecordSearchField::ResourceType,
            "Subscription",
            AuditRecordFilterOperator::Equals,
        ),
    ];
    // Nothing (the last 30 days), a start date, a start and an end date, an
    // end date alone: the first two rows of the request syntax, and what
    // the table leaves optional.
    client.list_audit_records().await.unwrap();
    client
        .list_audit_records()
        .start_date(&start)
        .await
        .unwrap();
    client
        .list_audit_records()
        .start_date(&start)
        .end_date(&end)
        .await
        .unwrap();
    client.list_audit_records().end_date(&end).await.unwrap();
    // Each filter of the other rows, with both dates and without any (the
    // dates are optional when a filter is supplied).
    for (field, value, operator) in filters {
        let filter = AuditRecordFilter::new(field, value, operator);
        client
            .list_audit_records()
            .start_date(&start)
            .end_date(&end)
            .filter(&filter)
            .await
            .unwrap();
        client.list_audit_records().filter(&filter).await.unwrap();
    }
    let sent = server.requests();
    assert_eq!(sent.len(), 10);
    assert!(
        sent.iter()
            .all(|r| r.operation == Some("list_audit_records"))
    );
    assert_eq!(sent[0].query, []);
}

#[test]
fn a_date_is_a_calendar_day_written_yyyy_mm_dd() {
    // What the request example writes is no date of the table's format:
    // the client cannot send it (the spec records the contradiction).
    assert!("6/1/2017 12:00:00 AM".parse::<Date>().is_err());
    let day: Date = "2017-06-01".parse().unwrap();
    assert_eq!(day, Date::new(2017, 6, 1).unwrap());
    assert!(Date::new(2017, 2, 29).is_err());
}
