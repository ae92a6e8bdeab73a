//! What an operation page's examples say of each request-syntax row: the
//! requests and responses it shows (read through `docs::exchanges`), the
//! request body (the "Request body" section's table or link, else the
//! example's object type), the responses (status, and the model the
//! "Response" section links or the example's `attributes.objectType`, a
//! listing as the collection of its items) and the failure examples.

use heck::ToSnakeCase;
use serde_json::Value;

use super::bodies;
use super::rows::{RowExamples, example_path, fits};
use super::types::Typed;
use super::{Importer, Marks};
use crate::docs::{HttpResponse, Page, SyntaxRow, parse_lenient, section};
use crate::spec::raw::{ErrorCode, RawError, RawOperation, RawResponse};

/// The body, responses and failures of `op` (the row `row`), from the
/// page's sections and the row's examples.
pub(super) fn fill(
    im: &mut Importer<'_>,
    page: &Page,
    file: &str,
    row: &SyntaxRow,
    ex: &RowExamples,
    op: &mut RawOperation,
    marks: &mut Marks,
) {
    for (line, why) in &ex.broken {
        marks.add(
            file,
            *line,
            format!("an example message that does not parse: {why}"),
        );
    }
    for line in &ex.misplaced {
        marks.add(
            file,
            *line,
            "a request stands under the response example's heading: the page shows no response",
        );
    }
    for (line, r) in &ex.requests {
        if r.method != op.method || !fits(&op.path, example_path(r)) {
            let shown = format!("{} {}", r.method, example_path(r));
            marks.add(
                file,
                *line,
                format!(
                    "the example request is `{shown}`, but the request syntax (line {}) is `{} {}`",
                    row.line, op.method, op.path
                ),
            );
        }
    }
    op.body = bodies::body(im, page, file, ex, &op.name);
    let (line, paragraphs) = section(page, "REST response")
        .or_else(|| section(page, "Response"))
        .unwrap_or((row.line, Vec::new()));
    let description = paragraphs
        .first()
        .map(|p| p.text.clone())
        .unwrap_or_default();
    let links = bodies::named(im, file, &paragraphs);
    for (at, heading, r) in &ex.responses {
        let at = *at;
        if r.status >= 400 {
            match failure(r, heading) {
                Some(mut e) => {
                    let mut own = Marks::default();
                    own.add(
                        file,
                        at,
                        format!("the failure's id, proposed from its heading `{heading}`"),
                    );
                    e.decide = own.into_decide();
                    op.errors.push(e);
                    continue;
                }
                None if !r.body.trim().is_empty() => {
                    marks.add(
                        file,
                        at,
                        format!(
                            "the failure example ({}) has no code or description",
                            r.status
                        ),
                    );
                    continue;
                }
                None => marks.add(
                    file,
                    at,
                    format!(
                        "a {} response without a body: an outcome of the call, or a failure",
                        r.status
                    ),
                ),
            }
        }
        if op.responses.iter().any(|x| x.status == r.status) {
            continue;
        }
        let mut own = Marks::default();
        let typed = bodies::response_type(im, &r.body, file, at, &links, &op.name);
        if let Some(Typed { why: Some(why), .. }) = &typed {
            own.add(file, at, why);
        }
        if description.is_empty() {
            own.add(
                file,
                line,
                "the response's description: the Response section says nothing",
            );
        }
        let ty = typed.map(|t| t.ty);
        if let Some(ty) = &ty {
            bodies::register(im, file, at, ty, &r.body, false);
        }
        op.responses.push(RawResponse {
            status: r.status,
            decide: own.into_decide(),
            name: Some(r.reason.to_snake_case()).filter(|n| !n.is_empty()),
            body: ty,
            content_type: None,
            poll: None,
            headers: Vec::new(),
            description: description.clone(),
        });
    }
    if op.responses.is_empty() {
        let listing = ["collection of", "list of"]
            .iter()
            .any(|w| description.contains(w));
        let ty = links.first().map(|m| match listing {
            true => format!("{}<{m}>", im.known.default_collection()),
            false => m.clone(),
        });
        marks.add(
            file,
            line,
            "no example response shows the status or the body: 200 proposed",
        );
        op.responses.push(RawResponse {
            status: 200,
            decide: None,
            name: None,
            body: ty,
            content_type: None,
            poll: None,
            headers: Vec::new(),
            description,
        });
    }
    if op.responses.len() > 1 {
        for r in &mut op.responses {
            let mut own = Marks::default();
            own.add(
                file,
                line,
                format!("the outcome's name, proposed from the status {}", r.status),
            );
            own.onto(&mut r.decide);
        }
    } else {
        op.responses.iter_mut().for_each(|r| r.name = None);
    }
    for (line, r) in &ex.requests {
        if let Some(body) = &op.body {
            bodies::register(im, file, *line, &body.ty.clone(), &r.body, true);
        }
    }
}

/// A failure example's body: code, source, description and data.
fn failure(r: &HttpResponse, heading: &str) -> Option<RawError> {
    let v = parse_lenient(&r.body).ok()?.value;
    if v.get("code").is_none() && v.get("description").is_none() {
        return None;
    }
    let text = |key: &str| match v.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let code = match v.get("code") {
        Some(Value::Number(n)) => n.as_i64().map(ErrorCode::Number),
        Some(Value::String(s)) => Some(ErrorCode::Text(s.clone())),
        _ => None,
    };
    let data = match v.get("data") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    Some(RawError {
        id: heading.to_snake_case(),
        decide: None,
        origin: crate::spec::raw::Origin::Example,
        example: Some(heading.to_string()),
        status: r.status,
        code,
        source: text("source"),
        description: text("description").unwrap_or_default(),
        data,
        when: None,
    })
}
