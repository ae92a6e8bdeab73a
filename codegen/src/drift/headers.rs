//! `headers.md`: the request and response headers tables.

use super::shape::scalar_name;
use super::{PageCx, Same, pair};
use crate::docs::Table;
use crate::model::{Api, Direction, Header, Origin, Requirement};

/// The page's first table is the request headers, its second the response
/// headers: found by position, since localized pages translate the headings.
pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let tables: Vec<&Table> = page.tables.iter().filter(|t| t.header.len() >= 3).collect();
    for (i, direction) in [Direction::Request, Direction::Response]
        .into_iter()
        .enumerate()
    {
        let ours: Vec<&Header> = api
            .headers
            .iter()
            .filter(|h| h.direction == direction && h.origin == Origin::Table && h.doc == cx.file)
            .collect();
        let side = match direction {
            Direction::Request => "request",
            Direction::Response => "response",
        };
        match tables.get(i) {
            Some(table) => compare_table(cx, table, side, &ours),
            None => {
                for h in ours {
                    cx.in_text(format!("headers.{side}[{}]", h.name), None)
                        .only_in_spec(&h.at, h.documented_as.clone());
                }
            }
        }
    }
}

fn compare_table(cx: &mut PageCx<'_>, table: &Table, side: &str, ours: &[&Header]) {
    let cell = |row: usize, col: usize| table.rows[row].cells.get(col).cloned().unwrap_or_default();
    let doc_names: Vec<String> = (0..table.rows.len())
        .map(|r| cell(r, 0).trim_end_matches(':').trim().to_string())
        .collect();
    let spec_names: Vec<String> = ours.iter().map(|h| h.name.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, Same::IgnoringCase);

    for &(r, s) in &pairing.pairs {
        let h = ours[s];
        let line = Some(table.rows[r].line);
        let element = |field: &str| format!("headers.{side}[{}].{field}", h.name);
        let (name, description, value_type) = (cell(r, 0), cell(r, 1), cell(r, 2));
        if name != h.documented_as {
            cx.in_text(element("name"), line)
                .different(&h.at, h.documented_as.clone(), name);
        }
        if !value_type.eq_ignore_ascii_case(scalar_name(h.value_type)) {
            let ours = scalar_name(h.value_type).to_string();
            cx.in_text(element("type"), line)
                .different(&h.at, ours, value_type);
        }
        if description != h.description {
            cx.in_text(element("description"), line).different(
                &h.at,
                h.description.clone(),
                description,
            );
        } else if requirement(&description) != h.requirement {
            // Said by the description: only compared when the descriptions agree.
            let ours = format!("{:?}", h.requirement).to_lowercase();
            let theirs = format!("{:?}", requirement(&description)).to_lowercase();
            cx.in_text(element("requirement"), line)
                .different(&h.at, ours, theirs);
        }
    }
    for &r in &pairing.only_doc {
        let element = format!("headers.{side}[{}]", doc_names[r]);
        cx.in_text(element, Some(table.rows[r].line))
            .only_in_documents(cell(r, 1));
    }
    for &s in &pairing.only_spec {
        let h = ours[s];
        let element = format!("headers.{side}[{}]", h.name);
        cx.in_text(element, Some(table.line))
            .only_in_spec(&h.at, h.description.clone());
    }
}

/// What a description says of the header: "Required." or "Optional." first.
fn requirement(description: &str) -> Requirement {
    if description.starts_with("Required.") {
        Requirement::Required
    } else if description.starts_with("Optional.") {
        Requirement::Optional
    } else {
        Requirement::Unspecified
    }
}
