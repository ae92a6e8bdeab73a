//! A success example written as bare JSON (no status line) is what the
//! test server answers for an operation that shows no other: the catalog's
//! products by country, whose page writes its listings so. Only under a
//! heading that names a response, and only a body of the success's shape.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::docs::Page;
use partner_center_codegen::examples::{Examples, bare_success};
use partner_center_codegen::model::Api;
use partner_center_codegen::{default_docs, default_spec, load_api};

const PRODUCTS: &str = "get-a-list-of-products.md";

fn api() -> Api {
    load_api(&default_spec()).unwrap_or_else(|e| panic!("{e}"))
}

fn page(edit: impl Fn(&str) -> String) -> Page {
    let text = std::fs::read_to_string(default_docs().join(PRODUCTS)).unwrap();
    let edited = edit(&text);
    Page::parse(&edited)
}

fn bare(api: &Api, page: &Page) -> Option<(usize, String)> {
    let op = api
        .operations
        .iter()
        .find(|o| o.id == "list_products")
        .unwrap();
    bare_success(api, op, PRODUCTS, page).map(|(line, r)| (line, r.body))
}

#[test]
fn the_listing_of_the_page_is_served_with_the_success_status() {
    let api = api();
    let (line, body) = bare(&api, &page(str::to_string)).expect("a bare success");
    let text = std::fs::read_to_string(default_docs().join(PRODUCTS)).unwrap();
    let fence = text.lines().nth(line - 1).unwrap();
    assert!(fence.starts_with("```"), "{line}: {fence}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(json["items"][0]["id"].is_string(), "{body}");

    let served = Examples::read(&api, &default_docs());
    let op = api
        .operations
        .iter()
        .find(|o| o.id == "list_products")
        .unwrap();
    let success = served.success(&api, op);
    assert_eq!(success.status, 200);
    assert_eq!(success.body, body);
    assert_eq!(success.origin, format!("{PRODUCTS}:{line}"));
}

#[test]
fn a_body_under_another_heading_is_not_a_response() {
    let api = api();
    let page = page(|t| t.replace("### Response example for", "### Sample of"));
    assert_eq!(bare(&api, &page), None);
}

#[test]
fn a_body_without_a_property_the_model_requires_is_not_served() {
    let api = api();
    let page = page(|t| t.replace("\"publisherName\"", "\"publisher\""));
    assert_eq!(bare(&api, &page), None);
}
