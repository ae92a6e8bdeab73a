//! Edits of the pages of the newer shapes (an analytics listing whose
//! URI-parameter table comes after the request headers and orders its
//! columns its own way, a CSV download, a resource page the index leaves
//! out): each is one precise difference of `cargo codegen docs`.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{assert_one, check, drift_of, fence_of, line_of, mutated};

const ANALYTICS: &str = "get-licenses-deployment-information.md";
const DOWNLOAD: &str = "download-margins.md";

/// The table "Parameter | Type | Description | Required", under "URI
/// parameters" after "Request headers", is read by its header.
#[test]
fn a_flipped_required_flag_in_a_table_of_its_own_column_order() {
    let (dir, text) = mutated(ANALYTICS, |t| {
        t.replacen("and so on. | No |", "and so on. | Yes |", 1)
    });
    let line = line_of(&text, "| skip ");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "list_licenses_deployment.params[skip].required",
        ANALYTICS,
        Some(line),
    );
}

/// A row may leave out the optional parameters its table lists; one the
/// table no longer lists is a parameter only the spec has.
#[test]
fn an_optional_parameter_removed_from_the_table() {
    let (dir, text) = mutated(ANALYTICS, |t| {
        t.lines()
            .filter(|l| !l.starts_with("| skip "))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let table = line_of(&text, "| Parameter         |");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "list_licenses_deployment.params[skip]",
        ANALYTICS,
        Some(table),
    );
}

/// A file's example of another media type than the one the spec records
/// of the page is drift, with the page's new value.
#[test]
fn a_file_of_another_media_type() {
    let (dir, text) = mutated(DOWNLOAD, |t| {
        t.replacen(
            "Content-Type: application/json",
            "Content-Type: text/plain",
            1,
        )
    });
    let line = fence_of(&text, "Content-Type: text/plain");
    let report = check(dir.path());
    let element = "download_margins.response_examples[0].content_type";
    assert_one(&report, Kind::Different, element, DOWNLOAD, Some(line));
    assert_eq!(
        drift_of(&report)[0].document_value.as_deref(),
        Some("text/plain")
    );
}

/// Once the page gives the file the spec's media type, the recorded
/// contradiction says too much; its body is never read as JSON.
#[test]
fn a_file_of_the_spec_media_type() {
    let (dir, _) = mutated(DOWNLOAD, |t| {
        t.replacen(
            "Content-Type: application/json",
            "Content-Type: text/csv",
            1,
        )
    });
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "download_margins.response_examples[0].content_type",
        DOWNLOAD,
        None,
    );
}

/// A finding of a page as a whole is recorded on its document: once the
/// index lists the margin page, the recorded omission says too much.
#[test]
fn a_resource_page_the_index_lists_again() {
    let page = "partner-center-rest-resources.md";
    let (dir, _) = mutated(page, |t| {
        let row = "| [User](user-resources.md)";
        t.replacen(
            row,
            &format!("| [Margin](margin-resources.md) | Margin |\n{row}"),
            1,
        )
    });
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "index[margin-resources.md]",
        page,
        None,
    );
}

/// A table no model comes from, recorded on its document with its header:
/// another header is drift.
#[test]
fn a_definitions_table_with_another_header() {
    let page = "margin-resources.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen(
            "| Name            | Description          |",
            "| Name | Meaning |",
            1,
        )
    });
    let line = line_of(&text, "| Name | Meaning |");
    let report = check(dir.path());
    assert_one(
        &report,
        Kind::Different,
        "models[Definitions]",
        page,
        Some(line),
    );
}
