//! Each edit of a page is one precise difference of `cargo codegen docs`:
//! its kind, its element, and the line of the page where it stands.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{ENDPOINT, assert_one, check, drift_of, fence_of, line_of, mutated};

#[test]
fn a_removed_header_row() {
    let (dir, text) = mutated("headers.md", |t| {
        t.lines()
            .filter(|l| !l.starts_with("| If-Match:"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let table = line_of(&text, "| Header                       |");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "headers.request[If-Match]",
        "headers.md",
        Some(table),
    );
}

#[test]
fn a_renamed_header() {
    let (dir, text) = mutated("headers.md", |t| {
        t.replace("| X-Locale:  ", "| X-Language:")
    });
    let line = line_of(&text, "| X-Language:");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "headers.request[X-Locale].name",
        "headers.md",
        Some(line),
    );
}

#[test]
fn a_changed_value_type() {
    let (dir, text) = mutated("headers.md", |t| {
        let row = t
            .lines()
            .find(|l| l.starts_with("| MS-RequestId:"))
            .unwrap();
        t.replacen(row, &row.replace("| GUID       |", "| string     |"), 1)
    });
    let line = line_of(&text, "| MS-RequestId:");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "headers.request[MS-RequestId].type",
        "headers.md",
        Some(line),
    );
}

#[test]
fn a_renamed_query_parameter() {
    let (dir, text) = mutated(ENDPOINT, |t| {
        t.replace("?mpnId={MpnId}", "?mpnNumber={MpnId}")
    });
    let line = line_of(&text, "?mpnNumber={MpnId}");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "agreement_status.query[mpnId].name",
        ENDPOINT,
        Some(line),
    );
}

#[test]
fn a_changed_method_in_an_example() {
    let (dir, text) = mutated(ENDPOINT, |t| t.replacen("GET https://", "POST https://", 1));
    let line = fence_of(&text, "POST https://");
    let element = "agreement_status.request_examples[0].method";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        ENDPOINT,
        Some(line),
    );
}

#[test]
fn a_changed_error_code() {
    let (dir, text) = mutated(ENDPOINT, |t| {
        t.replace("\"code\": 2205,", "\"code\": 2207,")
    });
    let line = fence_of(&text, "\"code\": 2207,");
    let element = "agreement_status.errors[code=2205,source=PartnerFD].code";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        ENDPOINT,
        Some(line),
    );
}

#[test]
fn a_description_changed_by_one_character() {
    let (dir, text) = mutated(ENDPOINT, |t| {
        t.replace(
            "doesn’t match the CSP region",
            "doesn't match the CSP region",
        )
    });
    let line = fence_of(&text, "doesn't match the CSP region");
    let element = "agreement_status.errors[code=2201,source=PartnerFD].description";
    let report = check(dir.path());
    assert_one(&report, Kind::Different, element, ENDPOINT, Some(line));
    let f = drift_of(&report)[0];
    assert!(
        f.spec_value.as_deref().unwrap().contains("doesn’t"),
        "{f:#?}"
    );
    let spec_at = f.spec.as_ref().unwrap();
    assert!(spec_at.file.ends_with("agreement-status.yaml"), "{f:#?}");
}

#[test]
fn an_added_error_example() {
    let added = "\n#### Something new\n\n```http\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n{\n    \"code\": 2207,\n    \"description\": \"Something new.\",\n    \"data\": [],\n    \"source\": \"PartnerFD\"\n}\n```\n";
    let (dir, text) = mutated(ENDPOINT, |t| format!("{t}{added}"));
    let line = fence_of(&text, "\"code\": 2207,");
    let element = "agreement_status.errors[code=2207,source=PartnerFD]";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInDocuments,
        element,
        ENDPOINT,
        Some(line),
    );
}

#[test]
fn a_changed_success_body() {
    let (dir, text) = mutated(ENDPOINT, |t| {
        t.replace(
            "\"isAgreementSigned\": true",
            "\"isAgreementSigned\": \"yes\"",
        )
    });
    let line = fence_of(&text, "\"isAgreementSigned\": \"yes\"");
    let element = "agreement_status.response_examples[0].body.isAgreementSigned";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        ENDPOINT,
        Some(line),
    );
}

#[test]
fn a_changed_base_url() {
    let (dir, text) = mutated("partner-center-rest-urls.md", |t| {
        t.replace(
            "partner.partnercenterapi.microsoftonline.cn",
            "partner.partnercenterapi.example.cn",
        )
    });
    let line = line_of(&text, "example.cn");
    let report = check(dir.path());
    assert_one(
        &report,
        Kind::Different,
        "clouds[china].base_url",
        "partner-center-rest-urls.md",
        Some(line),
    );
    assert_eq!(
        drift_of(&report)[0].document_value.as_deref(),
        Some("https://partner.partnercenterapi.example.cn")
    );
}

#[test]
fn a_changed_global_error_description() {
    let (dir, text) = mutated("error-codes.md", |t| {
        t.replace("| Invalid promotion code ", "| Invalid promotion codes")
    });
    let line = line_of(&text, "Invalid promotion codes");
    let element = "error_codes[status=400,code=27007].descriptions";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        "error-codes.md",
        Some(line),
    );
}

#[test]
fn a_throttling_example_without_retry_after() {
    let (dir, text) = mutated("api-throttling-guidance.md", |t| {
        t.replace("Retry-After: 57 \n", "")
    });
    let line = fence_of(&text, "HTTP/1.1 429");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "throttling.retry_after",
        "api-throttling-guidance.md",
        Some(line),
    );
}

// One change to a page of the customer, user and license wave each: the
// element it touches, and nothing else.

#[test]
fn a_renamed_model_property() {
    let page = "customer-resources.md";
    let (dir, text) = mutated(page, |t| t.replacen("| commerceId  ", "| commerceKey ", 1));
    let line = line_of(&text, "| commerceKey");
    let element = "Customer.properties[commerceId].name";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_changed_model_property_type() {
    let page = "customer-resources.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen(
            "| allowDelegatedAccess  | boolean ",
            "| allowDelegatedAccess  | string  ",
            1,
        )
    });
    let line = line_of(&text, "| allowDelegatedAccess");
    let element = "Customer.properties[allowDelegatedAccess].type";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_flipped_required_flag() {
    let page = "get-a-user-account-by-id.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen(
            "| **user-id**            | **guid** | Y ",
            "| **user-id**            | **guid** | N ",
            1,
        )
    });
    let line = line_of(&text, "| **user-id**");
    let element = "get_customer_user.params[user-id].required";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_removed_parameter() {
    let page = "get-a-user-account-by-id.md";
    let (dir, text) = mutated(page, |t| {
        t.lines()
            .filter(|l| !l.starts_with("| **user-id**"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let table = line_of(&text, "| Name                   | Type     |");
    let element = "get_customer_user.params[user-id]";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        element,
        page,
        Some(table),
    );
}

#[test]
fn a_changed_method_in_a_syntax_row() {
    let page = "delete-user-accounts-for-a-customer.md";
    let (dir, text) = mutated(page, |t| t.replacen("| DELETE     |", "| PATCH      |", 1));
    let line = line_of(&text, "| PATCH      |");
    let element = "delete_customer_user.method";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_changed_status_in_a_response_example() {
    let page = "create-a-customer.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen("HTTP/1.1 201 Created", "HTTP/1.1 200 OK", 1)
    });
    let line = fence_of(&text, "HTTP/1.1 200 OK");
    let element = "create_customer.response_examples[0].status";
    assert_one(
        &check(dir.path()),
        Kind::Different,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_required_property_missing_from_a_response_example() {
    let page = "get-a-customer-by-id.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen("  \"relationshipToPartner\": \"reseller\",\n", "", 1)
    });
    let line = fence_of(&text, "\"allowDelegatedAccess\": true");
    let element = "get_customer.response_examples[0].body.relationshipToPartner";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_model_left_out_of_the_resource_index() {
    let page = "partner-center-rest-resources.md";
    let (dir, text) = mutated(page, |t| t.replacen("UserCredentials<br/>", "", 1));
    let line = line_of(&text, "[User](user-resources.md)");
    let element = "index[user-resources.md].UserCredentials";
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        element,
        page,
        Some(line),
    );
}

#[test]
fn a_model_is_named_in_the_index_by_its_heading() {
    // order-resources.md's RenewsTo is OrderRenewsTo in the spec (cart-
    // resources.md has a RenewsTo of its own): the index names its heading.
    let page = "partner-center-rest-resources.md";
    let (dir, text) = mutated(page, |t| {
        let row = t
            .lines()
            .find(|l| l.starts_with("| [Order](order-resources.md)"))
            .unwrap();
        t.replacen(row, &row.replacen("RenewsTo<br/>", "", 1), 1)
    });
    let line = line_of(&text, "[Order](order-resources.md)");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "index[order-resources.md].RenewsTo",
        page,
        Some(line),
    );
}

/// A URI-parameter table of Parameter, Type and Description (the analytics
/// pages) says nothing of which are required: a changed type is the one
/// difference, not a "required" read from the descriptions.
#[test]
fn a_changed_type_in_a_table_without_a_required_column() {
    const PAGE: &str = "get-all-subscription-analytics.md";
    let (dir, text) = mutated(PAGE, |t| t.replacen("| skip | int |", "| skip | bool |", 1));
    let line = line_of(&text, "| skip | bool |");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "list_subscription_analytics.params[skip].type",
        PAGE,
        Some(line),
    );
}

/// A table row that names the placeholder of a syntax row's query
/// (`filter_string` of `?filter={filter_string}`) is that parameter.
#[test]
fn a_placeholder_row_is_its_query_parameter() {
    const PAGE: &str = "get-subscription-analytics-by-search-query.md";
    let (dir, text) = mutated(PAGE, |t| {
        t.replacen(
            "| filter_string | string | Yes |",
            "| filter_string | int | Yes |",
            1,
        )
    });
    let line = line_of(&text, "| filter_string | int | Yes |");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "list_subscription_analytics.params[filter].type",
        PAGE,
        Some(line),
    );
}

/// The pages of one call number their examples each from 0: that the
/// search-query page's example is one row says nothing of the grouped
/// page's, which is still read as a page of rows.
#[test]
fn another_page_s_example_of_the_call_is_its_own() {
    const PAGE: &str = "get-subscription-analytics-grouped-by-dates-or-terms.md";
    let (dir, text) = mutated(PAGE, |t| {
        t.replacen("\"TotalCount\": 7", "\"TotalCount\": \"7\"", 1)
    });
    let line = fence_of(&text, "\"TotalCount\": \"7\"");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "list_subscription_analytics.response_examples[0].body.TotalCount",
        PAGE,
        Some(line),
    );
}

#[test]
fn a_row_that_writes_a_parameter_twice_that_is_sent_once() {
    // Only a parameter the spec repeats (licenseGroupIds=Group1&licenseGroupIds=Group2)
    // may be written several times in one row; mpnId is sent once.
    let (dir, text) = mutated(ENDPOINT, |t| {
        t.replace("?mpnId={MpnId}&", "?mpnId={MpnId}&mpnId={MpnId}&")
    });
    let line = line_of(&text, "?mpnId={MpnId}&mpnId={MpnId}&");
    assert_one(
        &check(dir.path()),
        Kind::OnlyInDocuments,
        "agreement_status.query[mpnId]",
        ENDPOINT,
        Some(line),
    );
}
