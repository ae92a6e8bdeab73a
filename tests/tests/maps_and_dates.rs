//! Maps as a user of the crate meets them, against the crate's own test
//! server: the Azure Rate Card's rates, a map of exact amounts by meter
//! quantity.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{Decimal, TestServer};

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
