//! Models cached in a format other than JSON (MessagePack here, through
//! rmp-serde), and read inside an untagged enum, as a user would keep the
//! invoices of a month: their amounts (`Decimal`) and dates (`DateTime`)
//! come back the same, and written as JSON again, byte for byte the same.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{DateTime, Decimal, Invoice};
use partner_center_codegen::docs::parse_lenient;
use partner_center_tests::{en_us, example_responses};
use serde::{Deserialize, Serialize};

/// The two invoices of get-a-collection-of-invoices.md's example.
fn invoices() -> Vec<Invoice> {
    let page = en_us("get-a-collection-of-invoices.md");
    let (_, response) = example_responses(&page).into_iter().next().unwrap();
    let items = parse_lenient(&response.body).unwrap().value["items"].clone();
    serde_json::from_value(items).unwrap()
}

/// What a user's cache might hold.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum Cached {
    Note { note: String },
    Invoices(Vec<Invoice>),
}

#[test]
fn invoices_round_trip_through_messagepack_exactly() {
    let invoices = invoices();
    let json = serde_json::to_string(&invoices).unwrap();
    assert!(json.contains(r#""totalCharges":"#), "{json}");

    // Field names kept (`to_vec_named`): optional properties may be absent.
    let packed = rmp_serde::to_vec_named(&invoices).unwrap();
    let back: Vec<Invoice> = rmp_serde::from_slice(&packed).unwrap();
    assert_eq!(back, invoices);
    for (back, sent) in back.iter().zip(&invoices) {
        assert_eq!(back.total_charges.as_str(), sent.total_charges.as_str());
        assert_eq!(back.invoice_date.as_str(), sent.invoice_date.as_str());
    }
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn amounts_and_dates_round_trip_through_messagepack_as_written() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        amount: Decimal,
        at: DateTime,
    }
    let row = Row {
        amount: "1234567890123456789.123456780".parse().unwrap(),
        at: "2019-08-21T17:55:58.1234567".parse().unwrap(),
    };
    for packed in [
        rmp_serde::to_vec(&row).unwrap(),
        rmp_serde::to_vec_named(&row).unwrap(),
    ] {
        let back: Row = rmp_serde::from_slice(&packed).unwrap();
        assert_eq!(back.amount.as_str(), "1234567890123456789.123456780");
        assert_eq!(back.at.as_str(), "2019-08-21T17:55:58.1234567");
    }
    // serde_json still writes the amount as a number, digit for digit.
    assert_eq!(
        serde_json::to_string(&row).unwrap(),
        r#"{"amount":1234567890123456789.123456780,"at":"2019-08-21T17:55:58.1234567"}"#
    );
}

#[test]
fn invoices_are_read_inside_an_untagged_enum() {
    let invoices = invoices();
    let cached = Cached::Invoices(invoices.clone());

    // From JSON: serde_json hands the enum's numbers over as f64, and the
    // amounts come back the same numbers.
    let json = serde_json::to_string(&cached).unwrap();
    assert_eq!(serde_json::from_str::<Cached>(&json).unwrap(), cached);

    // From MessagePack: the amounts were strings, and come back as written.
    let packed = rmp_serde::to_vec_named(&cached).unwrap();
    let back = rmp_serde::from_slice::<Cached>(&packed).unwrap();
    assert_eq!(back, cached);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);

    let note = Cached::Note {
        note: "empty month".into(),
    };
    let packed = rmp_serde::to_vec_named(&note).unwrap();
    assert_eq!(rmp_serde::from_slice::<Cached>(&packed).unwrap(), note);
}
