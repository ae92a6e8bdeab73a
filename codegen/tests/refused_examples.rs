//! An example response that leaves out a property the operation's answer
//! requires is one the client refuses: the spec records it as a
//! contradiction of the example's body without a document value (the Azure
//! utilization records' example, whose collection has no attributes). An
//! optional property left out is no such finding.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::model::{Api, Operation};
use partner_center_codegen::{default_spec, load_api};

const PAGE: &str = "get-a-customer-s-utilization-record-for-azure.md";

fn utilization() -> (Api, Operation) {
    let api = load_api(&default_spec()).unwrap_or_else(|e| panic!("{e}"));
    let op = api
        .operations
        .iter()
        .find(|o| o.id == "list_customer_azure_utilization_records")
        .unwrap()
        .clone();
    (api, op)
}

/// The operation with only its contradiction of `element`, renamed `to`.
fn with_only(mut op: Operation, element: &str, to: &str) -> Operation {
    op.contradictions.retain(|c| c.element.ends_with(element));
    assert_eq!(op.contradictions.len(), 1, "{element}");
    op.contradictions[0].element = format!("{}.response_examples[0].body.{to}", op.id);
    op
}

#[test]
fn an_example_without_a_required_property_is_refused() {
    let (api, op) = utilization();
    assert!(op.refuses_response_example(&api, PAGE, 0));
    let op = with_only(op, "body.attributes", "attributes");
    assert!(op.refuses_response_example(&api, PAGE, 0));
    // Another example, or another page, is not this one.
    assert!(!op.refuses_response_example(&api, PAGE, 1));
    assert!(!op.refuses_response_example(&api, "get-margins.md", 0));
}

#[test]
fn a_required_property_of_the_items_is_followed_through_the_envelope() {
    let (api, op) = utilization();
    let op = with_only(op, "body.attributes", "items[].resource.id");
    assert!(op.refuses_response_example(&api, PAGE, 0));
}

#[test]
fn an_optional_or_unknown_property_left_out_is_not_refused() {
    let (api, op) = utilization();
    for path in [
        "links",
        "items[].unit",
        "items[].resource.name",
        "items[].nothing",
    ] {
        let op = with_only(op.clone(), "body.attributes", path);
        assert!(!op.refuses_response_example(&api, PAGE, 0), "{path}");
    }
}

/// An example that writes a number where the spec reads text (the list of
/// a customer's service requests, whose severity is 0 where an open enum
/// is) is refused; a number where the spec reads one, or at a key the spec
/// does not have, is not.
#[test]
fn a_number_where_the_spec_reads_text_is_refused() {
    const LIST: &str = "get-all-service-requests-for-a-customer.md";
    let api = load_api(&default_spec()).unwrap_or_else(|e| panic!("{e}"));
    let op = api
        .operations
        .iter()
        .find(|o| o.id == "list_customer_service_requests")
        .unwrap()
        .clone();
    assert!(op.refuses_response_example(&api, LIST, 0));
    for path in ["items[].severity", "items[].title", "items[].createdDate"] {
        let op = with_only(op.clone(), "items[].severity", path);
        assert!(op.refuses_response_example(&api, LIST, 0), "{path}");
    }
    for path in ["totalCount", "items[].nothing"] {
        let op = with_only(op.clone(), "items[].severity", path);
        assert!(!op.refuses_response_example(&api, LIST, 0), "{path}");
    }
}

/// The webhook page has no request-syntax table: its calls are its examples,
/// each under a "Request example" or "Response example" heading. The
/// callback Partner Center posts to the partner's server (`POST
/// /webhooks/callback`, under another heading) is no example of any call,
/// and each of the six calls has its own request and response.
#[test]
fn the_webhook_callback_is_no_call_s_example() {
    use partner_center_codegen::default_docs;
    use partner_center_codegen::docs::{Page, messages, parse_request};
    const WEBHOOKS: &str = "partner-center-webhooks.md";
    let api = load_api(&default_spec()).unwrap_or_else(|e| panic!("{e}"));
    let page = Page::read(&default_docs().join(WEBHOOKS)).unwrap();
    let all = messages(&api, WEBHOOKS, &page);
    let requests: Vec<(&str, String)> = all
        .iter()
        .filter(|m| m.is_request)
        .map(|m| {
            let r = parse_request(&m.text).unwrap();
            assert_eq!(r.method, m.op.method, "{}", m.op.id);
            assert_eq!(m.index, 0, "{}", m.op.id);
            (m.op.id.as_str(), r.path().to_string())
        })
        .collect();
    assert_eq!(requests.len(), 6, "{requests:?}");
    assert!(
        requests
            .iter()
            .all(|(_, path)| path != "/webhooks/callback")
    );
    assert_eq!(all.iter().filter(|m| !m.is_request).count(), 6);
}
