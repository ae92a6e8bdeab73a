//! Every call of the documents is an operation of the spec: each
//! request-syntax row of every page of `../shared/docs/develop` (beside the
//! workspace, where it is), and each request example of a page that has no
//! such table, is a row of an operation documented on its page, or on a
//! page the spec leaves out on purpose (`left_out`, with the reason).
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

mod common;

use std::fmt::Write as _;
use std::path::Path;

use partner_center_codegen::drift::coverage::{By, Coverage, coverage};
use partner_center_codegen::{default_spec, load_api, workspace_root};

#[test]
fn every_call_of_the_documents_is_an_operation_of_the_spec() {
    let folder = workspace_root().join("../shared/docs/develop");
    if !folder.is_dir() {
        eprintln!("skipped: {} is not on this machine", folder.display());
        return;
    }
    let api = load_api(&default_spec()).unwrap();
    let found = coverage(&api, &folder).unwrap();
    let operations: std::collections::BTreeSet<&str> = found
        .calls
        .iter()
        .filter_map(|c| match &c.by {
            By::Operation(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    eprintln!(
        "{} call(s) of the documents: {} described by {} operation(s) of the spec, {} on {} page(s) left out",
        found.calls.len(),
        found.described(),
        operations.len(),
        found.left_out(),
        api.left_out.len(),
    );
    assert_eq!(
        missing(&found),
        "",
        "calls of the documents the spec misses"
    );
    assert!(
        found.stale_left_out.is_empty(),
        "left out, but no operation page of the documents: {:?}",
        found.stale_left_out
    );
    // Every operation of the spec is a call of the documents, but one its
    // page gives no row for, which the spec records (as the entitlements'
    // artifact link, taken from its examples).
    let unpaired: Vec<&str> = api
        .operations
        .iter()
        .filter(|o| {
            let no_row = format!("{}.path", o.id);
            !o.contradictions
                .iter()
                .any(|c| c.element == no_row && c.document_value.is_none())
        })
        .map(|o| o.id.as_str())
        .filter(|id| !operations.contains(id))
        .collect();
    assert!(
        unpaired.is_empty(),
        "operations no call of the documents is: {unpaired:?}"
    );
}

/// The calls the spec misses, one line each: `page:line: METHOD uri`.
fn missing(found: &Coverage) -> String {
    let mut out = String::new();
    for c in found.missing() {
        writeln!(out, "{}:{}: {} {}", c.file, c.line, c.method, c.uri).unwrap();
    }
    out
}

/// A page that writes one call in a request-syntax table.
const TABLE_PAGE: &str = "# Get a widget\n\n## Request syntax\n\n| Method | Request URI |\n|---|---|\n| **GET** | [*{baseURL}*](partner-center-rest-urls.md)/v1/widgets/{widget-id} HTTP/1.1 |\n";

/// A page that writes its calls only as request examples (as the webhook
/// registration page does), and a callback that is not under such a heading.
const EXAMPLE_PAGE: &str = "# Gadgets\n\n## Receiving\n\n```http\nPOST /gadgets/callback\n```\n\n### Request example\n\n```http\nGET /v1/gadgets/3b8a6f0c-5d1e-4f7a-9c2b-8e4d6a1f0b3c HTTP/1.1\nAccept: application/json\n```\n";

fn write_pages(dir: &Path, pages: &[(&str, &str)]) {
    for (name, text) in pages {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn a_call_no_operation_describes_is_named_with_its_page_and_line() {
    let api = load_api(&default_spec()).unwrap();
    let pages = tempfile::tempdir().unwrap();
    let described = "get-a-customer-by-id.md";
    let text = std::fs::read_to_string(default_spec().join("docs/en-us").join(described)).unwrap();
    write_pages(
        pages.path(),
        &[
            (described, &text),
            ("widgets.md", TABLE_PAGE),
            ("gadgets.md", EXAMPLE_PAGE),
        ],
    );
    let found = coverage(&api, pages.path()).unwrap();
    let customer: Vec<&By> = found
        .calls
        .iter()
        .filter(|c| c.file == described)
        .map(|c| &c.by)
        .collect();
    assert_eq!(customer, [&By::Operation("get_customer".into())]);
    // The example's line is the request line under the fence; the callback
    // under another heading is not a call.
    assert_eq!(
        missing(&found),
        "gadgets.md:12: GET /v1/gadgets/3b8a6f0c-5d1e-4f7a-9c2b-8e4d6a1f0b3c\nwidgets.md:7: GET /v1/widgets/{widget-id}\n"
    );
    assert_eq!((found.described(), found.left_out()), (1, 0));
}

#[test]
fn a_page_left_out_is_counted_apart_and_a_stale_entry_is_named() {
    let spec = common::spec_copy(|_, text| text.to_string());
    let left_out = "left_out:\n  - file: widgets.md\n    reason: \"Widgets are not sold yet.\"\n  - file: gone.md\n    reason: \"Removed from the documents.\"\n";
    std::fs::write(spec.path().join("left-out.yaml"), left_out).unwrap();
    let api = load_api(spec.path()).unwrap();
    let pages = tempfile::tempdir().unwrap();
    write_pages(
        pages.path(),
        &[("widgets.md", TABLE_PAGE), ("gadgets.md", EXAMPLE_PAGE)],
    );
    let found = coverage(&api, pages.path()).unwrap();
    assert_eq!(found.left_out(), 1);
    assert_eq!(
        missing(&found),
        "gadgets.md:12: GET /v1/gadgets/3b8a6f0c-5d1e-4f7a-9c2b-8e4d6a1f0b3c\n"
    );
    assert_eq!(found.stale_left_out, ["gone.md"]);
}

#[test]
fn a_page_both_described_and_left_out_is_refused_where_it_is_left_out() {
    let spec = common::spec_copy(|_, text| text.to_string());
    let left_out = "left_out:\n  - file: get-a-customer-by-id.md\n    reason: \"\"\n";
    std::fs::write(spec.path().join("left-out.yaml"), left_out).unwrap();
    let error = load_api(spec.path()).unwrap_err().to_string();
    assert!(error.contains("left-out.yaml:2:"), "{error}");
    assert!(
        error.contains(
            "page `get-a-customer-by-id.md` is left out but also listed under `documents`"
        ),
        "{error}"
    );
    assert!(error.contains("reason"), "{error}");
}
