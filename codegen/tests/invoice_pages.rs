//! Edits of the invoice pages, each one precise difference of `cargo codegen
//! docs`: rows that are one call (`also_rows`), a parameter table after
//! several tables of rows, a misspelt query name, a file's media type, and
//! a contradiction an example repeats with values of its own.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{assert_one, check, drift_of, fence_of, line_of, mutated};

const LINE_ITEMS: &str = "get-invoiceline-items.md";
const STATEMENT: &str = "get-invoice-statement.md";

/// The row of the Azure usage line items, which `list_invoice_line_items`
/// names among its `also_rows`.
const AZURE_USAGE: &str =
    "/v1/invoices/{invoice-id}/lineitems?provider=azure&invoicelineitemtype=usagelineitems";

#[test]
fn a_removed_row_of_an_operation_s_also_rows() {
    let (dir, _) = mutated(LINE_ITEMS, |t| {
        t.lines()
            .filter(|l| !l.contains(AZURE_USAGE))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let element = "list_invoice_line_items.also_rows[1]";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        element,
        LINE_ITEMS,
        None,
    );
}

/// A row that changes is no longer the one the spec names: the spec's is
/// missing, and the page has one the spec does not describe.
#[test]
fn a_changed_row_of_an_operation_s_also_rows() {
    let (dir, text) = mutated(LINE_ITEMS, |t| {
        t.replace(AZURE_USAGE, &AZURE_USAGE.replace("usagelineitems", "usage"))
    });
    let report = check(dir.path());
    let found: Vec<(Kind, &str, Option<usize>)> = drift_of(&report)
        .iter()
        .map(|f| (f.kind, f.element.as_str(), f.document.1))
        .collect();
    let row = line_of(&text, "invoicelineitemtype=usage&");
    assert_eq!(
        found,
        [
            (
                Kind::OnlyInSpec,
                "list_invoice_line_items.also_rows[1]",
                None
            ),
            (
                Kind::OnlyInDocuments,
                "list_invoice_line_items.syntax[2]",
                Some(row)
            ),
        ]
    );
}

/// The URI-parameter table follows four tables of rows: it is found, and
/// compared row by row.
#[test]
fn a_changed_description_in_the_table_after_several_tables_of_rows() {
    let (dir, text) = mutated(LINE_ITEMS, |t| {
        t.replace(
            "The zero-based index of the first line item to return.",
            "The index of the first line item to return.",
        )
    });
    let line = line_of(&text, "The index of the first line item to return.");
    let element = "list_invoice_line_items.params[offset].description";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        LINE_ITEMS,
        Some(line),
    );
}

/// A query name of an example that the operation does not have, where a
/// required parameter is missing, is that parameter misspelt: one difference.
#[test]
fn a_misspelt_query_name_in_an_example() {
    let (dir, text) = mutated(LINE_ITEMS, |t| {
        t.replacen(
            "?provider=Azure&invoicelineitemtype=BillingLineItems&size=2&offset=0 HTTP/1.1",
            "?provider=Azure&invoicelinetype=BillingLineItems&size=2&offset=0 HTTP/1.1",
            1,
        )
    });
    let line = fence_of(&text, "invoicelinetype=BillingLineItems");
    let element = "list_invoice_line_items.request_examples[1].query[invoicelineitemtype].name";
    let report = check(dir.path());
    assert_one(&report, Kind::Different, element, LINE_ITEMS, Some(line));
    let found = drift_of(&report)[0];
    assert_eq!(found.document_value.as_deref(), Some("invoicelinetype"));
}

/// A file's example is compared by its media type, not read as JSON: the
/// page that says PDF at last no longer has the contradiction the spec
/// records.
#[test]
fn a_file_s_example_of_the_spec_s_media_type() {
    let (dir, _) = mutated(STATEMENT, |t| {
        t.replacen(
            "Content-Type: application/json; charset=utf-8",
            "Content-Type: application/pdf",
            1,
        )
    });
    let element = "get_invoice_statement.response_examples[0].content_type";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        element,
        STATEMENT,
        None,
    );
}

#[test]
fn a_file_s_example_of_another_media_type() {
    let (dir, text) = mutated(STATEMENT, |t| {
        t.replacen(
            "Content-Type: application/json; charset=utf-8",
            "Content-Type: text/csv",
            1,
        )
    });
    let report = check(dir.path());
    let line = fence_of(&text, "Content-Type: text/csv");
    let element = "get_invoice_statement.response_examples[0].content_type";
    assert_one(&report, Kind::Different, element, STATEMENT, Some(line));
    let found = drift_of(&report)[0];
    assert_eq!(found.document_value.as_deref(), Some("text/csv"));
}

/// The one-time items of response example 5 write `"one_time"`, a value the
/// spec records as the page's contradiction, on one element: an item that
/// writes another value is drift, the others stay known.
#[test]
fn a_repeated_contradiction_with_a_new_value() {
    let (dir, text) = mutated(LINE_ITEMS, |t| {
        let five = t.find("#### Response example 5").unwrap();
        let (before, after) = t.split_at(five);
        let after = after.replacen(
            "\"billingProvider\": \"one_time\",",
            "\"billingProvider\": \"two_time\",",
            1,
        );
        format!("{before}{after}")
    });
    let report = check(dir.path());
    let line = fence_of(&text, "\"two_time\"");
    let element =
        "list_invoice_line_items_by_path.response_examples[1].body.items[].billingProvider";
    assert_one(&report, Kind::Different, element, LINE_ITEMS, Some(line));
    let known = report
        .of(Kind::Contradiction)
        .filter(|f| f.element == element)
        .count();
    assert_eq!(known, 2, "the other items' one_time");
}

const UNBILLED_RECON: &str = "get-invoice-unbilled-recon-lineitems.md";

/// An example body may be recorded twice: as not strict JSON (its no-break
/// spaces) and as another call's answer (billing line items for a request
/// of usage line items). Mended, the page no longer has the first: that
/// one is drift, the second still holds.
#[test]
fn a_body_recorded_as_not_strict_json_and_as_another_call_s_answer() {
    let (dir, _) = mutated(UNBILLED_RECON, |t| {
        let three = t.find("#### Response example 3").unwrap();
        let (before, after) = t.split_at(three);
        format!("{before}{}", after.replace('\u{a0}', " "))
    });
    let report = check(dir.path());
    let element = "list_unbilled_line_items.response_examples[2].body";
    assert_one(&report, Kind::OnlyInSpec, element, UNBILLED_RECON, None);
    let known = report
        .of(Kind::Contradiction)
        .filter(|f| f.element == element)
        .count();
    assert_eq!(known, 1, "the other call's answer");
}
