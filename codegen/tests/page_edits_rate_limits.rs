//! Edits of a resource page's rate limit ("The **Customer** resource has a
//! rate limit of 500 requests per minute per tenant identifier."), each one
//! precise difference of `cargo codegen docs` against the model's
//! `rate_limit`.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{assert_one, check, drift_of, line_of, mutated};

const CUSTOMERS: &str = "customer-resources.md";
const SENTENCE: &str =
    ">The **Customer** resource has a rate limit of 500 requests per minute per tenant identifier.";

fn edited(to: &str) -> (tempfile::TempDir, String) {
    mutated(CUSTOMERS, |t| {
        assert!(t.contains(SENTENCE), "the page no longer states its limit");
        t.replacen(SENTENCE, to, 1)
    })
}

#[test]
fn a_changed_number_of_requests_is_a_difference() {
    let (dir, text) = edited(&SENTENCE.replace("500", "300"));
    // The note's paragraph starts on its `[!NOTE]` line.
    let line = line_of(&text, "300 requests per minute") - 1;
    let report = check(dir.path());
    assert_one(
        &report,
        Kind::Different,
        "Customer.rate_limit",
        CUSTOMERS,
        Some(line),
    );
    let f = drift_of(&report)[0];
    assert_eq!(
        f.document_value.as_deref(),
        Some(
            "The Customer resource has a rate limit of 300 requests per minute per tenant identifier."
        )
    );
    assert_eq!(
        f.spec_value.as_deref(),
        Some(
            "The Customer resource has a rate limit of 500 requests per minute per tenant identifier."
        )
    );
}

#[test]
fn a_changed_span_is_a_difference() {
    let (dir, _) = edited(&SENTENCE.replace("per minute", "per second"));
    let report = check(dir.path());
    let f = drift_of(&report)[0];
    assert_eq!(
        (f.kind, f.element.as_str()),
        (Kind::Different, "Customer.rate_limit")
    );
    assert!(
        f.document_value
            .as_deref()
            .unwrap()
            .contains("per second per")
    );
}

#[test]
fn a_limit_the_page_no_longer_states_is_only_in_the_spec() {
    let (dir, _) = edited(">The **Customer** resource is not limited.");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "Customer.rate_limit",
        CUSTOMERS,
        None,
    );
}

#[test]
fn a_limit_of_a_resource_the_page_does_not_model_is_only_in_the_documents() {
    let (dir, text) = edited(&format!(
        "{SENTENCE}\n\nThe **Contract** resource has a rate limit of 20 requests per hour per partner."
    ));
    let line = line_of(&text, "The **Contract** resource");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInDocuments,
        "Contract.rate_limit",
        CUSTOMERS,
        Some(line),
    );
}

#[test]
fn words_that_read_as_no_limit_are_a_difference_with_the_words() {
    let (dir, _) = edited(&SENTENCE.replace("500 requests", "many requests"));
    let report = check(dir.path());
    let f = drift_of(&report)[0];
    assert_eq!(
        (f.kind, f.element.as_str()),
        (Kind::Different, "Customer.rate_limit")
    );
    assert_eq!(
        f.document_value.as_deref(),
        Some("many requests per minute per tenant identifier")
    );
}
