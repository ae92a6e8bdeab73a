//! The header constants and the headers table say what `headers.md` says.

use partner_center::headers::{
    self, Direction, HEADERS, HeaderInfo, Origin, Requirement, ValueType,
};
use partner_center_codegen::docs::Table;
use partner_center_tests::{en_us, example_requests, example_responses};

fn column(table: &Table, name: &str) -> usize {
    table
        .header
        .iter()
        .position(|h| h.eq_ignore_ascii_case(name))
        .unwrap_or_else(|| panic!("table at line {} has no {name} column", table.line))
}

fn rows(direction: Direction) -> Vec<&'static HeaderInfo> {
    HEADERS
        .iter()
        .filter(|h| h.direction == direction && h.origin == Origin::Table)
        .collect()
}

fn compare(table: &Table, direction: Direction) {
    let (name, description, value_type) = (
        column(table, "Header"),
        column(table, "Description"),
        column(table, "Value Type"),
    );
    let ours = rows(direction);
    assert_eq!(table.rows.len(), ours.len(), "{direction:?} headers: count");
    for (row, h) in table.rows.iter().zip(ours) {
        let at = format!("headers.md:{}", row.line);
        let cells = &row.cells;
        assert_eq!(h.documented_as, cells[name], "{at}: name as documented");
        assert!(
            cells[name]
                .trim_end_matches(':')
                .eq_ignore_ascii_case(h.name),
            "{at}"
        );
        assert_eq!(h.description, cells[description], "{at}: description");
        let expected_type = match cells[value_type].as_str() {
            "string" => ValueType::String,
            "GUID" => ValueType::Guid,
            other => panic!("{at}: unknown value type {other}"),
        };
        assert_eq!(h.value_type, expected_type, "{at}: value type");
        let expected_requirement = if cells[description].starts_with("Required.") {
            Requirement::Required
        } else if cells[description].starts_with("Optional.") {
            Requirement::Optional
        } else {
            Requirement::Unspecified
        };
        assert_eq!(
            h.requirement, expected_requirement,
            "{at}: required or optional"
        );
        assert_eq!(h.document, "headers.md", "{at}");
    }
}

#[test]
fn request_and_response_tables_match_the_document() {
    let page = en_us("headers.md");
    let request: Vec<_> = page.tables_under("REST request headers").collect();
    let response: Vec<_> = page.tables_under("REST response headers").collect();
    assert_eq!((request.len(), response.len()), (1, 1), "one table each");
    assert_eq!(
        request[0].rows.len(),
        8,
        "the page documents 8 request headers"
    );
    assert_eq!(
        response[0].rows.len(),
        3,
        "the page documents 3 response headers"
    );
    compare(request[0], Direction::Request);
    compare(response[0], Direction::Response);
}

#[test]
fn constants_are_the_documented_names() {
    let pairs = [
        (&headers::AUTHORIZATION, "Authorization"),
        (&headers::ACCEPT, "Accept"),
        (&headers::MS_REQUEST_ID, "MS-RequestId"),
        (&headers::MS_CORRELATION_ID, "MS-CorrelationId"),
        (&headers::MS_CONTRACT_VERSION, "MS-Contract-Version"),
        (&headers::IF_MATCH, "If-Match"),
        (
            &headers::MS_PARTNER_CENTER_APPLICATION,
            "MS-PartnerCenter-Application",
        ),
        (&headers::X_LOCALE, "X-Locale"),
        (&headers::MS_CV, "MS-CV"),
        (&headers::MS_SERVER_ID, "MS-ServerId"),
        (
            &headers::MS_PARTNER_CENTER_CLIENT,
            "MS-PartnerCenter-Client",
        ),
        (&headers::RETRY_AFTER, "Retry-After"),
        (&headers::LOCATION, "Location"),
        (&headers::MS_CONTINUATION_TOKEN, "MS-ContinuationToken"),
    ];
    for (constant, name) in pairs {
        assert_eq!(*constant, name);
        assert!(HEADERS.iter().any(|h| h.name == name), "{name} in HEADERS");
    }
    let mut distinct: Vec<_> = HEADERS.iter().map(|h| h.name).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        pairs.len(),
        "one constant per distinct header"
    );
}

#[test]
fn headers_outside_the_tables_are_where_the_spec_says() {
    for h in HEADERS.iter().filter(|h| h.origin == Origin::Example) {
        let page = en_us(h.document);
        let messages: Vec<(u16, Option<String>)> = match h.direction {
            Direction::Response => example_responses(&page)
                .iter()
                .map(|(_, r)| (r.status, r.header(h.name).map(str::to_string)))
                .collect(),
            Direction::Request => example_requests(&page)
                .iter()
                .map(|(_, r)| (0, r.header(h.name).map(str::to_string)))
                .collect(),
            _ => Vec::new(),
        };
        assert!(!messages.is_empty(), "{} has examples", h.document);
        // The AgreementStatus page shows MS-CV and MS-ServerId in every
        // response; the page of a request header shows it in its request.
        assert!(
            messages.iter().any(|(_, v)| v.is_some()),
            "{} is in an example of {}",
            h.name,
            h.document
        );
        if h.document == "verify-indirect-reseller-mpa-status.md" {
            assert!(messages.iter().all(|(_, v)| v.is_some()), "{}", h.name);
        }
    }
    let throttling = en_us("api-throttling-guidance.md");
    for h in HEADERS.iter().filter(|h| h.origin == Origin::Prose) {
        assert_eq!(h.document, "api-throttling-guidance.md");
        let shown = throttling.code_blocks.iter().any(|b| {
            b.text
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{}:", h.name)))
        });
        assert!(shown, "{} appears in the throttling example", h.name);
    }
}
