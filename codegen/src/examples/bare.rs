//! A success example written as bare JSON: some pages show their response
//! as a body alone, with no status line (get-a-list-of-products.md), so it
//! is no HTTP message and [`messages`](crate::docs::messages) passes it
//! over. Where an operation has no other success example, the test server
//! answers such a body, as long as it has the shape of the success's type.

use crate::docs::{HttpResponse, Page, parse_lenient};
use crate::drift::Kind;
use crate::drift::shape::compare;
use crate::drift::values::Keys;
use crate::model::{Api, Operation, Type};

/// The first bare JSON body of `page` that answers `op`, as its first
/// documented success would send it, and the line of its block: one under
/// a heading that names a response, on a page that documents no other
/// operation (so that the body is `op`'s), read leniently, and with
/// nothing the success's type has otherwise (a property it lacks, or a
/// value of another type) but properties the spec does not name.
pub fn bare_success(
    api: &Api,
    op: &Operation,
    file: &str,
    page: &Page,
) -> Option<(usize, HttpResponse)> {
    let alone = api
        .operations
        .iter()
        .filter(|o| o.documented_on(file))
        .count()
        == 1;
    let success = op.responses.first()?;
    let ty = success.body.as_ref()?;
    if !alone || op.choice.is_some() || *ty == Type::Binary || !op.documented_on(file) {
        return None;
    }
    page.code_blocks.iter().find_map(|block| {
        let text = block.text.trim_start_matches('\u{feff}').trim_start();
        let named = block.heading.to_ascii_lowercase().contains("response");
        if !named || !text.starts_with(['{', '[']) {
            return None;
        }
        let read = parse_lenient(text).ok()?;
        let mut mismatches = Vec::new();
        compare(api, ty, &read.value, Keys::Exact, &mut mismatches);
        if mismatches.iter().any(|m| m.kind != Kind::OnlyInDocuments) {
            return None;
        }
        let response = HttpResponse {
            status: success.status,
            reason: String::new(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: read.value.to_string(),
        };
        Some((block.line, response))
    })
}
