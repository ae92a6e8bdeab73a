//! An operation page's example responses: each against the operation's
//! responses (status, headers, body), and its failure examples against the
//! operation's documented failures (status, code, source, description).

use super::PageCx;
use super::answer::shown_instead;
use super::shape;
use super::values::Keys;
use crate::docs::{
    CodeBlock, HttpResponse, file_signature, http_header, parse_lenient, parse_response,
};
use crate::model::{Api, Direction, ErrorEntry, Operation, Origin, Response, Type};

/// A failure example's body, read leniently: `code` may be a number or a string.
pub(super) struct Failure<'b> {
    block: &'b CodeBlock,
    status: u16,
    code: String,
    description: String,
    source: String,
    data: Vec<String>,
}

pub(super) fn response<'b>(
    cx: &mut PageCx<'_>,
    api: &Api,
    op: &Operation,
    i: usize,
    block: &'b CodeBlock,
    text: &str,
    failures: &mut Vec<Failure<'b>>,
) {
    let element = |field: &str| format!("{}.response_examples[{i}].{field}", op.id);
    let line = Some(block.line);
    let example: HttpResponse = match parse_response(text) {
        Ok(r) => r,
        Err(why) => {
            cx.in_code_block(element("response"), line)
                .different(&op.at, None, why);
            return;
        }
    };
    for (name, value) in &example.headers {
        let known = http_header(name).is_some()
            || api
                .headers
                .iter()
                .any(|h| h.direction == Direction::Response && h.name.eq_ignore_ascii_case(name));
        if !known {
            cx.in_code_block(element(&format!("headers[{name}]")), line)
                .only_in_documents(value.clone());
        }
    }
    if let Some(r) = op.responses.iter().find(|r| r.status == example.status) {
        if r.body == Some(Type::Binary) {
            return file(cx, r, &example, &element, line);
        }
        // An example the spec records as another call's answer is
        // compared with the type it shows, and the difference is the
        // contradiction itself.
        let instead = shown_instead(api, op, &cx.file, i);
        let declared = instead.as_ref().or(r.body.as_ref()).map(|t| (&r.at, t));
        cx.in_code_block(element("body"), line).example_body(
            api,
            declared,
            &example.body,
            Keys::Exact,
        );
        if let Some(shown) = &instead {
            let ours = r.body.as_ref().map(shape::type_text);
            cx.in_code_block(element("body"), line)
                .different(&r.at, ours, shape::type_text(shown));
        }
    } else if (200..300).contains(&example.status) {
        let ours: Vec<String> = op.responses.iter().map(|r| r.status.to_string()).collect();
        cx.in_code_block(element("status"), line).different(
            &op.at,
            ours.join(", "),
            example.status.to_string(),
        );
    } else {
        match failure_body(block, example.status, &example.body) {
            Ok(failure) => failures.push(failure),
            Err(why) => cx
                .in_code_block(element("body"), line)
                .different(&op.at, None, why),
        }
    }
}

/// A response that is a file: what it holds is not JSON the spec
/// describes, but the example must show one, of the spec's media type, and,
/// where the media type says how a file of it starts (a PDF's `%PDF-`),
/// one that starts so.
fn file(
    cx: &mut PageCx<'_>,
    r: &Response,
    example: &HttpResponse,
    element: &dyn Fn(&str) -> String,
    line: Option<usize>,
) {
    if example.body.trim().is_empty() {
        cx.in_code_block(element("body"), line)
            .only_in_spec(&r.at, "binary".to_string());
    }
    let Some(ours) = &r.content_type else { return };
    let theirs = example
        .header("Content-Type")
        .map(|v| v.split(';').next().unwrap_or_default().trim());
    match theirs {
        Some(theirs) if theirs.eq_ignore_ascii_case(ours) => {}
        Some(theirs) => {
            cx.in_code_block(element("content_type"), line)
                .different(&r.at, ours.clone(), theirs)
        }
        None => cx
            .in_code_block(element("content_type"), line)
            .only_in_spec(&r.at, ours.clone()),
    }
    if let Some(signature) = file_signature(ours)
        && !example.body.trim().is_empty()
        && !example.body.starts_with(signature)
    {
        // Its beginning: whole lines, up to 200 characters.
        let mut shown: String = example.body.chars().take(200).collect();
        if shown.len() < example.body.len() {
            if let Some(end) = shown.rfind('\n') {
                shown.truncate(end);
            }
            shown.push('…');
        }
        cx.in_code_block(element("body"), line).different(
            &r.at,
            format!("a file of {ours} ({signature}…)"),
            shown,
        );
    }
}

fn failure_body<'b>(block: &'b CodeBlock, status: u16, text: &str) -> Result<Failure<'b>, String> {
    let v = parse_lenient(text)?.value;
    let text_of = |key: &str| match &v[key] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let data = match &v["data"] {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    Ok(Failure {
        block,
        status,
        code: text_of("code"),
        description: text_of("description"),
        source: text_of("source"),
        data,
    })
}

/// The element naming an error entry: by code and source, and by id where
/// two entries share those.
fn error_element(op: &Operation, x: &ErrorEntry) -> String {
    let (code, source) = (
        x.code.as_deref().unwrap_or_default(),
        x.source.as_deref().unwrap_or_default(),
    );
    let shared = op
        .errors
        .iter()
        .filter(|y| y.code == x.code && y.source == x.source)
        .count()
        > 1;
    if shared {
        format!("{}.errors[code={code},source={source},id={}]", op.id, x.id)
    } else {
        format!("{}.errors[code={code},source={source}]", op.id)
    }
}

/// Matches each failure example with a documented failure, most certain
/// first: everything equal; same code and source; same description; same
/// heading. Failures the page only describes have no example.
pub(super) fn failure_examples(cx: &mut PageCx<'_>, op: &Operation, failures: &[Failure<'_>]) {
    let entries: Vec<&ErrorEntry> = op
        .errors
        .iter()
        .filter(|x| x.origin == Origin::Example)
        .collect();
    let code = |x: &ErrorEntry| x.code.clone().unwrap_or_default();
    let source = |x: &ErrorEntry| x.source.clone().unwrap_or_default();
    type Same = fn(&Failure<'_>, &ErrorEntry) -> bool;
    let passes: [Same; 4] = [
        |f, x| {
            f.status == x.status
                && Some(&f.code) == x.code.as_ref()
                && Some(&f.source) == x.source.as_ref()
                && f.description == x.description
        },
        |f, x| Some(&f.code) == x.code.as_ref() && Some(&f.source) == x.source.as_ref(),
        |f, x| f.description == x.description,
        |f, x| f.block.heading == x.example,
    ];
    let mut used = vec![false; entries.len()];
    let mut matched: Vec<Option<usize>> = vec![None; failures.len()];
    for same in passes {
        for (i, f) in failures.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            if let Some(j) = (0..entries.len()).find(|&j| !used[j] && same(f, entries[j])) {
                used[j] = true;
                matched[i] = Some(j);
            }
        }
    }
    for (f, m) in failures.iter().zip(&matched) {
        let line = Some(f.block.line);
        let Some(j) = *m else {
            let element = format!("{}.errors[code={},source={}]", op.id, f.code, f.source);
            cx.in_code_block(element, line)
                .only_in_documents(f.description.clone());
            continue;
        };
        let x = entries[j];
        let base = error_element(op, x);
        let fields = [
            ("status", x.status.to_string(), f.status.to_string()),
            ("code", code(x), f.code.clone()),
            ("source", source(x), f.source.clone()),
            ("description", x.description.clone(), f.description.clone()),
            ("data", x.data.join("\n"), f.data.join("\n")),
        ];
        for (field, ours, theirs) in fields {
            if ours != theirs {
                cx.in_code_block(format!("{base}.{field}"), line)
                    .different(&x.at, ours, theirs);
            }
        }
        if f.block.heading != x.example {
            // The heading is prose: translated on localized pages.
            let element = format!("{base}.example");
            cx.in_text(element, line)
                .different(&x.at, x.example.clone(), f.block.heading.clone());
        }
    }
    for (j, x) in entries.iter().enumerate() {
        if !used[j] {
            cx.in_code_block(error_element(op, x), None)
                .only_in_spec(&x.at, x.description.clone());
        }
    }
}
