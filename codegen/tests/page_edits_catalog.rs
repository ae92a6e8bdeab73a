//! Edits of the catalog's pages (the audit records, the Azure rate card),
//! each one precise difference of `cargo codegen docs`: several
//! request-syntax rows of one call, a body that is not JSON, a date query
//! value that is not yyyy-mm-dd.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{assert_one, check, drift_of, fence_of, line_of, mutated};

const AUDIT: &str = "get-a-record-of-partner-center-activity-by-user.md";
const RATE_CARD: &str = "get-prices-for-microsoft-azure.md";

#[test]
fn a_row_that_names_a_parameter_the_call_does_not_have_is_no_row_of_it() {
    let (dir, text) = mutated(AUDIT, |t| {
        t.replacen(
            "/v1/auditrecords?startDate={startDate}&endDate={endDate} HTTP/1.1",
            "/v1/auditrecords?startDate={startDate}&untilDate={endDate} HTTP/1.1",
            1,
        )
    });
    let line = line_of(&text, "&untilDate={endDate}");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInDocuments,
        "list_audit_records.syntax[1]",
        AUDIT,
        Some(line),
    );
}

#[test]
fn rows_may_leave_out_an_optional_parameter_that_the_table_lists() {
    // The three filter rows lose their filter: they are then rows of the
    // start and end dates, like the second row. The filter is optional and
    // its URI-parameter row still describes it, so no row has to name it;
    // the rows were only the place the page wrote these fields and this
    // operator (the rest of the page still writes `substring`).
    let (dir, _) = mutated(AUDIT, |t| {
        t.lines()
            .map(|l| match l.find("&filter={\"Field\"") {
                Some(at) if l.starts_with("| **GET**") => {
                    format!("{} HTTP/1.1 |\n", &l[..at])
                }
                _ => format!("{l}\n"),
            })
            .collect()
    });
    let report = check(dir.path());
    let found = drift_of(&report);
    let mut elements: Vec<&str> = found.iter().map(|f| f.element.as_str()).collect();
    elements.sort_unstable();
    assert_eq!(
        elements,
        [
            "AuditRecordFilterOperator.values[equals]",
            "AuditRecordSearchField.values[CompanyName]",
            "AuditRecordSearchField.values[CustomerId]",
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|f| f.kind == Kind::OnlyInSpec));
}

#[test]
fn a_response_body_that_is_not_json() {
    let (dir, text) = mutated(RATE_CARD, |t| {
        t.replacen("\"currency\": \"USD\",", "\"currency\": \"USD\"", 1)
    });
    let fence = fence_of(&text, "\"currency\": \"USD\"");
    let report = check(dir.path());
    let element = "get_azure_rate_card.response_examples[0].body";
    assert_one(&report, Kind::Different, element, RATE_CARD, Some(fence));
    let f = drift_of(&report)[0];
    // The line of the body where the next property starts without a comma.
    assert_eq!(
        f.document_value.as_deref(),
        Some("line 4: a missing comma"),
        "{f:#?}"
    );
    assert_eq!(
        f.spec_value.as_deref(),
        Some("AzureRateCard as JSON"),
        "{f:#?}"
    );
}

#[test]
fn a_date_written_as_the_table_says_ends_the_known_contradiction() {
    // The example writes `6/1/2017 12:00:00 AM` where the table says
    // yyyy-mm-dd; the spec records it. Written 2017-06-01, the page no
    // longer contradicts itself there, and the record is too much.
    let (dir, _) = mutated(AUDIT, |t| {
        t.replacen(
            "startDate=6/1/2017%2012:00:00%20AM",
            "startDate=2017-06-01",
            1,
        )
    });
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "list_audit_records.request_examples[0].query[startDate].type",
        AUDIT,
        None,
    );
}

#[test]
fn a_date_written_otherwise_is_not_the_known_contradiction() {
    let (dir, text) = mutated(AUDIT, |t| {
        t.replacen(
            "startDate=6/1/2017%2012:00:00%20AM",
            "startDate=2017-6-1",
            1,
        )
    });
    let fence = fence_of(&text, "startDate=2017-6-1");
    let report = check(dir.path());
    let element = "list_audit_records.request_examples[0].query[startDate].type";
    assert_one(&report, Kind::Different, element, AUDIT, Some(fence));
    let f = drift_of(&report)[0];
    assert_eq!(f.document_value.as_deref(), Some("2017-6-1"), "{f:#?}");
}

/// `list of requiredProducts` names the heading RequiredProducts in the
/// singular (the spec's PromotionRequiredProduct): a list of another name
/// is a difference of that property's type.
#[test]
fn a_list_of_another_model_than_its_plural_heading() {
    let file = "promotion-resources.md";
    let (dir, text) = mutated(file, |t| {
        t.replacen(
            "| requiredProducts | list of requiredProducts |",
            "| requiredProducts | list of requiredSkus |",
            1,
        )
    });
    let line = line_of(&text, "| requiredProducts | list of requiredSkus |");
    let report = check(dir.path());
    let element = "Promotion.properties[requiredProducts].type";
    assert_one(&report, Kind::Different, element, file, Some(line));
    let f = drift_of(&report)[0];
    assert_eq!(
        f.document_value.as_deref(),
        Some("list of requiredSkus"),
        "{f:#?}"
    );
}
