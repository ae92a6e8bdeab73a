//! An operation page's example requests and responses: each message of
//! its code blocks with the operation it shows (read in `docs::messages`),
//! and each request against it (method, path, query, headers, body). The
//! responses and failures are compared in `responses`.

use super::shape::{self, type_text};
use super::values::Keys;
use super::{PageCx, responses};
use crate::docs::{
    CodeBlock, HttpRequest, http_header, is_placeholder, messages, parse_lenient, parse_request,
    path_fits, query_pairs, text_fits, uuid_like,
};
use crate::model::{Api, Direction, Encoding, Operation, Param, ValueType};

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let file = cx.file.clone();
    let messages = messages(api, &file, page);
    let ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.documented_on(&file))
        .collect();
    let mut failures: Vec<Vec<responses::Failure<'_>>> = ops.iter().map(|_| Vec::new()).collect();
    for m in &messages {
        let slot = ops.iter().position(|o| o.id == m.op.id).unwrap_or(0);
        if m.is_request {
            request(cx, api, m.op, m.index, m.block, parse_request(&m.text));
        } else {
            responses::response(
                cx,
                api,
                m.op,
                m.index,
                m.block,
                &m.text,
                &mut failures[slot],
            );
        }
    }
    for (op, failures) in ops.iter().zip(&failures) {
        responses::failure_examples(cx, op, failures);
    }
}

fn request(
    cx: &mut PageCx<'_>,
    api: &Api,
    op: &Operation,
    i: usize,
    block: &CodeBlock,
    parsed: Result<HttpRequest, String>,
) {
    let element = |field: &str| format!("{}.request_examples[{i}].{field}", op.id);
    let line = Some(block.line);
    let example = match parsed {
        Ok(r) => r,
        Err(why) => {
            cx.in_code_block(element("request"), line)
                .different(&op.at, None, why);
            return;
        }
    };
    if example.method != op.method {
        cx.in_code_block(element("method"), line).different(
            &op.method_at,
            op.method.clone(),
            example.method.clone(),
        );
    }
    if !path_fits(api, op, example.path()) {
        cx.in_code_block(element("path"), line).different(
            &op.path_at,
            op.path.clone(),
            example.path().to_string(),
        );
    }
    query(cx, api, op, &element, line, example.query());
    for (name, value) in &example.headers {
        if http_header(name).is_some() {
            continue;
        }
        let known = api
            .headers
            .iter()
            .find(|h| h.direction == Direction::Request && h.name.eq_ignore_ascii_case(name));
        match known {
            Some(h)
                if !is_placeholder(value)
                    && h.value_type == ValueType::Guid
                    && !uuid_like(value) =>
            {
                let field = element(&format!("headers[{}].type", h.name));
                cx.in_code_block(field, line)
                    .different(&h.at, "guid".to_string(), value.clone());
            }
            Some(_) => {}
            None => {
                let field = element(&format!("headers[{name}]"));
                cx.in_code_block(field, line)
                    .only_in_documents(value.clone());
            }
        }
    }
    // A header the operation requires that its example does not send.
    for h in op.request_headers.iter().filter(|h| h.required) {
        if example.header(&h.name).is_none() {
            let field = element(&format!("headers[{}]", h.name));
            cx.in_code_block(field, line)
                .only_in_spec(&h.at, h.name.clone());
        }
    }
    let declared = op.body.as_ref().map(|b| (&b.at, &b.ty));
    cx.in_code_block(element("body"), line).example_body(
        api,
        declared,
        &example.body,
        Keys::AnyCase,
    );
}

/// The query of an example against the operation's query parameters.
fn query(
    cx: &mut PageCx<'_>,
    api: &Api,
    op: &Operation,
    element: &dyn Fn(&str) -> String,
    line: Option<usize>,
    query: &str,
) {
    let group: Vec<&Param> = op.one_of.iter().flat_map(|g| &g.params).collect();
    let ours: Vec<&Param> = op.query.iter().chain(group.iter().copied()).collect();
    let pairs = query_pairs(query);
    // A name the operation does not know where a required parameter is
    // missing is that parameter, misspelt (`nvoicelineitemtype`): one
    // difference, paired in order.
    let known = |name: &str| ours.iter().any(|q| q.name.eq_ignore_ascii_case(name));
    let unknown: Vec<&String> = pairs.iter().map(|(n, _)| n).filter(|n| !known(n)).collect();
    let missing: Vec<&Param> = op
        .query
        .iter()
        .filter(|q| q.required && !pairs.iter().any(|(n, _)| n.eq_ignore_ascii_case(&q.name)))
        .collect();
    let misspelt: Vec<(&String, &Param)> = unknown
        .iter()
        .copied()
        .zip(missing.iter().copied())
        .collect();
    for (name, q) in &misspelt {
        let field = element(&format!("query[{}].name", q.name));
        cx.in_code_block(field, line)
            .different(&q.at, q.name.clone(), (*name).clone());
    }
    let is_misspelt = |name: &str| misspelt.iter().any(|(n, _)| n.as_str() == name);
    // Names compare without case: one page writes `mpnid` where the syntax says `mpnId`.
    for (name, value) in pairs.iter().filter(|(n, _)| !is_misspelt(n)) {
        match ours.iter().find(|q| q.name.eq_ignore_ascii_case(name)) {
            Some(q) if q.encoding == Encoding::Json => match parse_lenient(value) {
                Ok(parsed) => {
                    let mut found = Vec::new();
                    shape::compare(api, &q.ty, &parsed.value, Keys::Exact, &mut found);
                    cx.in_code_block(element(&format!("query[{}]", q.name)), line)
                        .shape(found);
                }
                Err(why) => {
                    let field = element(&format!("query[{}].type", q.name));
                    cx.in_code_block(field, line)
                        .different(&q.at, type_text(&q.ty), why);
                }
            },
            Some(q) if !text_fits(api, q, value) => {
                let field = element(&format!("query[{}].type", q.name));
                cx.in_code_block(field, line)
                    .different(&q.at, type_text(&q.ty), value.clone());
            }
            Some(_) => {}
            None => {
                let field = element(&format!("query[{name}]"));
                cx.in_code_block(field, line)
                    .only_in_documents(value.clone());
            }
        }
    }
    for q in missing.iter().skip(misspelt.len()) {
        let field = element(&format!("query[{}]", q.name));
        cx.in_code_block(field, line)
            .only_in_spec(&q.at, q.name.clone());
    }
    let sent = pairs
        .iter()
        .filter(|(n, _)| group.iter().any(|q| q.name.eq_ignore_ascii_case(n)))
        .count();
    if !group.is_empty() && sent != 1 {
        let names: Vec<&str> = group.iter().map(|q| q.name.as_str()).collect();
        let got: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
        cx.in_code_block(element("query"), line).different(
            &op.at,
            format!("exactly one of {}", names.join(", ")),
            got.join("&"),
        );
    }
}
