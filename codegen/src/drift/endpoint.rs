//! An endpoint's page: request syntax, URI parameters, "Applies to", and every
//! example request and response.

use super::{Kind, PageCx, body, nothing, pair, same_exactly, same_ignoring_case, spec, type_name};
use crate::docs::{CodeBlock, HttpRequest, HttpResponse, Table, parse_request, parse_response};
use crate::model::{Api, Direction, Endpoint, ErrorEntry, QueryParam, Segment, ValueType};

/// Response headers that any HTTP server sends; the spec does not list them.
const HTTP_HEADERS: [&str; 7] = [
    "Content-Length",
    "Content-Type",
    "Date",
    "Connection",
    "Server",
    "Transfer-Encoding",
    "Cache-Control",
];

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let file = cx.file.clone();
    for e in api.endpoints.iter().filter(|e| e.doc == file) {
        syntax(cx, e);
        applies_to(cx, api, e);
        let page = cx.page;
        let http = page
            .code_blocks
            .iter()
            .filter(|b| b.info.eq_ignore_ascii_case("http"));
        let (responses, requests): (Vec<&CodeBlock>, Vec<&CodeBlock>) =
            http.partition(|b| b.text.trim_start().starts_with("HTTP/"));
        for (i, block) in requests.iter().enumerate() {
            request_example(cx, api, e, i, block);
        }
        responses_examples(cx, api, e, &responses);
    }
}

fn params(e: &Endpoint) -> &[QueryParam] {
    e.reseller.as_ref().map_or(&[], |r| &r.params)
}

/// The request-syntax table (the one naming `{baseURL}`) and the URI
/// parameters table after it.
fn syntax(cx: &mut PageCx<'_>, e: &Endpoint) {
    let page = cx.page;
    let id = &e.id;
    let found = page.tables.iter().enumerate().find_map(|(i, t)| {
        let row = t
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| c.contains("{baseURL}")))?;
        Some((i, row))
    });
    let Some((index, row)) = found else {
        cx.text(
            Kind::OnlyInSpec,
            format!("{id}.path"),
            None,
            spec(&e.path_at, e.path.clone()),
            None,
        );
        return;
    };
    let line = Some(row.line);
    let method = row.cells.first().cloned().unwrap_or_default();
    if method != e.method {
        cx.text(
            Kind::Different,
            format!("{id}.method"),
            line,
            spec(&e.method_at, e.method.clone()),
            Some(method),
        );
    }
    let uri = row
        .cells
        .iter()
        .find(|c| c.contains("{baseURL}"))
        .cloned()
        .unwrap_or_default();
    let uri = uri
        .split_once("{baseURL}")
        .map_or(uri.as_str(), |(_, rest)| rest);
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    if path != e.path {
        cx.text(
            Kind::Different,
            format!("{id}.path"),
            line,
            spec(&e.path_at, e.path.clone()),
            Some(path.to_string()),
        );
    }
    let doc_names: Vec<String> = query
        .split('&')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.split_once('=').map_or(p, |(n, _)| n).to_string())
        .collect();
    let ours = params(e);
    let spec_names: Vec<String> = ours.iter().map(|q| q.name.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, same_exactly);
    for &(d, s) in &pairing.pairs {
        let q = &ours[s];
        if doc_names[d] != q.name {
            let element = format!("{id}.query[{}].name", q.name);
            cx.text(
                Kind::Different,
                element,
                line,
                spec(&q.at, q.name.clone()),
                Some(doc_names[d].clone()),
            );
        }
    }
    for &d in &pairing.only_doc {
        cx.text(
            Kind::OnlyInDocuments,
            format!("{id}.query[{}]", doc_names[d]),
            line,
            nothing(),
            None,
        );
    }
    for &s in &pairing.only_spec {
        let q = &ours[s];
        cx.text(
            Kind::OnlyInSpec,
            format!("{id}.query[{}]", q.name),
            line,
            spec(&q.at, q.name.clone()),
            None,
        );
    }
    if let Some(table) = page.tables.get(index + 1).filter(|t| t.header.len() >= 4) {
        uri_parameters(cx, e, table);
    }
}

/// Name, type, required, description of each query parameter.
fn uri_parameters(cx: &mut PageCx<'_>, e: &Endpoint, table: &Table) {
    let id = &e.id;
    let ours = params(e);
    let cell = |r: usize, c: usize| table.rows[r].cells.get(c).cloned().unwrap_or_default();
    let doc_names: Vec<String> = (0..table.rows.len()).map(|r| cell(r, 0)).collect();
    let spec_names: Vec<String> = ours.iter().map(|q| q.documented_as.clone()).collect();
    let pairing = pair(&doc_names, &spec_names, same_ignoring_case);
    for &(r, s) in &pairing.pairs {
        let q = &ours[s];
        let line = Some(table.rows[r].line);
        let element = |field: &str| format!("{id}.query[{}].{field}", q.name);
        // Every parameter of an exactly-one group is optional on its own.
        let fields = [
            ("documented_as", q.documented_as.clone(), cell(r, 0), false),
            (
                "type",
                type_name(q.value_type).to_string(),
                cell(r, 1),
                true,
            ),
            ("required", "No".to_string(), cell(r, 2), false),
            ("description", q.description.clone(), cell(r, 3), false),
        ];
        for (field, ours, theirs, any_case) in fields {
            let same = if any_case {
                ours.eq_ignore_ascii_case(&theirs)
            } else {
                ours == theirs
            };
            if !same {
                cx.text(
                    Kind::Different,
                    element(field),
                    line,
                    spec(&q.at, ours),
                    Some(theirs),
                );
            }
        }
    }
    for &r in &pairing.only_doc {
        let line = Some(table.rows[r].line);
        cx.text(
            Kind::OnlyInDocuments,
            format!("{id}.query[{}]", doc_names[r]),
            line,
            nothing(),
            Some(cell(r, 3)),
        );
    }
    for &s in &pairing.only_spec {
        let q = &ours[s];
        let element = format!("{id}.query[{}]", q.name);
        cx.text(
            Kind::OnlyInSpec,
            element,
            Some(table.line),
            spec(&q.at, q.documented_as.clone()),
            None,
        );
    }
}

/// The "Applies to" line: cloud names separated by `|`, or a list under it.
fn applies_to(cx: &mut PageCx<'_>, api: &Api, e: &Endpoint) {
    let page = cx.page;
    let id = &e.id;
    let ours: Vec<String> = e.clouds.clone();
    let start = page.paragraphs.iter().position(|p| {
        p.text
            .get(..10)
            .is_some_and(|s| s.eq_ignore_ascii_case("applies to"))
    });
    let Some(start) = start else {
        let spec_value = ours.join(", ");
        cx.text(
            Kind::OnlyInSpec,
            format!("{id}.clouds"),
            None,
            spec(&e.clouds_at, spec_value),
            None,
        );
        return;
    };
    let first = &page.paragraphs[start];
    let rest = first.text.split_once(':').map_or("", |(_, r)| r);
    let names: Vec<String> = if rest.trim().is_empty() {
        page.paragraphs[start + 1..]
            .iter()
            .take_while(|p| p.in_list)
            .map(|p| p.text.clone())
            .collect()
    } else {
        rest.split('|')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };
    let line = Some(first.line);
    let mut seen = Vec::new();
    for name in &names {
        match api.clouds.iter().find(|c| &c.name == name) {
            Some(c) if ours.contains(&c.variant) => seen.push(c.variant.clone()),
            Some(c) => cx.text(
                Kind::OnlyInDocuments,
                format!("{id}.clouds[{}]", c.id),
                line,
                nothing(),
                Some(name.clone()),
            ),
            None => cx.text(
                Kind::OnlyInDocuments,
                format!("{id}.clouds[{name}]"),
                line,
                nothing(),
                Some(name.clone()),
            ),
        }
    }
    for c in api
        .clouds
        .iter()
        .filter(|c| ours.contains(&c.variant) && !seen.contains(&c.variant))
    {
        cx.text(
            Kind::OnlyInSpec,
            format!("{id}.clouds[{}]", c.id),
            line,
            spec(&e.clouds_at, c.name.clone()),
            None,
        );
    }
}

fn request_example(cx: &mut PageCx<'_>, api: &Api, e: &Endpoint, i: usize, block: &CodeBlock) {
    let element = |field: &str| format!("{}.request_examples[{i}].{field}", e.id);
    let line = Some(block.line);
    let example: HttpRequest = match parse_request(&block.text) {
        Ok(r) => r,
        Err(why) => {
            cx.code(
                Kind::Different,
                element("request"),
                line,
                spec(&e.at, None),
                Some(why),
            );
            return;
        }
    };
    if example.method != e.method {
        cx.code(
            Kind::Different,
            element("method"),
            line,
            spec(&e.method_at, e.method.clone()),
            Some(example.method.clone()),
        );
    }
    // The target is absolute: `https://host/path?query`.
    let target = example
        .target
        .split_once("://")
        .map_or(example.target.as_str(), |(_, r)| r);
    let target = target.find('/').map_or("", |i| &target[i..]);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if !path_matches(e, path) {
        cx.code(
            Kind::Different,
            element("path"),
            line,
            spec(&e.path_at, e.path.clone()),
            Some(path.to_string()),
        );
    }
    let ours = params(e);
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    // The page writes `mpnid` where the syntax says `mpnId`: names compare without case.
    for (name, value) in &pairs {
        match ours.iter().find(|q| q.name.eq_ignore_ascii_case(name)) {
            Some(q) if !value_fits(value, q.value_type) => {
                let ours = type_name(q.value_type).to_string();
                cx.code(
                    Kind::Different,
                    element(&format!("query[{}].type", q.name)),
                    line,
                    spec(&q.at, ours),
                    Some(value.to_string()),
                );
            }
            Some(_) => {}
            None => cx.code(
                Kind::OnlyInDocuments,
                element(&format!("query[{name}]")),
                line,
                nothing(),
                Some(value.to_string()),
            ),
        }
    }
    if !ours.is_empty() && pairs.len() != 1 {
        let names: Vec<&str> = ours.iter().map(|q| q.name.as_str()).collect();
        let got: Vec<&str> = pairs.iter().map(|(n, _)| *n).collect();
        cx.code(
            Kind::Different,
            element("query"),
            line,
            spec(&e.at, format!("exactly one of {}", names.join(", "))),
            Some(got.join("&")),
        );
    }
    for (name, value) in &example.headers {
        if name.eq_ignore_ascii_case("Host") {
            continue;
        }
        let known = api
            .headers
            .iter()
            .find(|h| h.direction == Direction::Request && h.name.eq_ignore_ascii_case(name));
        match known {
            Some(h) if !value_fits(value, h.value_type) => {
                let ours = type_name(h.value_type).to_string();
                cx.code(
                    Kind::Different,
                    element(&format!("headers[{}].type", h.name)),
                    line,
                    spec(&h.at, ours),
                    Some(value.clone()),
                );
            }
            Some(_) => {}
            None => cx.code(
                Kind::OnlyInDocuments,
                element(&format!("headers[{name}]")),
                line,
                nothing(),
                Some(value.clone()),
            ),
        }
    }
}

fn path_matches(e: &Endpoint, path: &str) -> bool {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    parts.len() == e.segments.len()
        && parts
            .iter()
            .zip(&e.segments)
            .all(|(part, segment)| match segment {
                Segment::Literal(s) => s == part,
                Segment::Param(_) => !part.is_empty(),
            })
}

fn value_fits(value: &str, t: ValueType) -> bool {
    match t {
        ValueType::String => true,
        ValueType::Guid => super::uuid_like(value),
        ValueType::Int => value.parse::<i64>().is_ok(),
        ValueType::Bool => value == "true" || value == "false",
    }
}

/// A failure example's body, read leniently: `code` may be a number or a string.
struct FailureBody {
    code: String,
    description: String,
    source: String,
    data: Vec<String>,
}

fn failure_body(text: &str) -> Result<FailureBody, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
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
    Ok(FailureBody {
        code: text_of("code"),
        description: text_of("description"),
        source: text_of("source"),
        data,
    })
}

fn responses_examples(cx: &mut PageCx<'_>, api: &Api, e: &Endpoint, blocks: &[&CodeBlock]) {
    let mut failures: Vec<(&CodeBlock, HttpResponse, FailureBody)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let line = Some(block.line);
        let element = |field: &str| format!("{}.response_examples[{i}].{field}", e.id);
        let example = match parse_response(&block.text) {
            Ok(r) => r,
            Err(why) => {
                cx.code(
                    Kind::Different,
                    element("response"),
                    line,
                    spec(&e.at, None),
                    Some(why),
                );
                continue;
            }
        };
        for (name, value) in &example.headers {
            let known = HTTP_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
                || api.headers.iter().any(|h| {
                    h.direction == Direction::Response && h.name.eq_ignore_ascii_case(name)
                });
            if !known {
                cx.code(
                    Kind::OnlyInDocuments,
                    element(&format!("headers[{name}]")),
                    line,
                    nothing(),
                    Some(value.clone()),
                );
            }
        }
        if (200..300).contains(&example.status) {
            success(cx, e, block, &example);
        } else {
            match failure_body(&example.body) {
                Ok(body) => failures.push((block, example, body)),
                Err(why) => cx.code(
                    Kind::Different,
                    element("body"),
                    line,
                    spec(&e.at, None),
                    Some(why),
                ),
            }
        }
    }
    failure_examples(cx, e, &failures);
}

fn success(cx: &mut PageCx<'_>, e: &Endpoint, block: &CodeBlock, example: &HttpResponse) {
    let id = &e.id;
    let r = &e.response;
    let line = Some(block.line);
    if example.status != r.status {
        let (a, b) = (r.status.to_string(), example.status.to_string());
        cx.code(
            Kind::Different,
            format!("{id}.response.status"),
            line,
            spec(&e.at, a),
            Some(b),
        );
    }
    body(
        cx,
        &format!("{id}.response"),
        &e.at,
        line,
        &example.body,
        &r.fields,
    );
}

/// The element naming an error entry: by code and source, and by id where
/// two entries share those.
fn error_element(e: &Endpoint, x: &ErrorEntry) -> String {
    let shared = e
        .errors
        .iter()
        .filter(|y| y.code == x.code && y.source == x.source)
        .count()
        > 1;
    if shared {
        format!(
            "{}.errors[code={},source={},id={}]",
            e.id, x.code, x.source, x.id
        )
    } else {
        format!("{}.errors[code={},source={}]", e.id, x.code, x.source)
    }
}

/// Matches each failure example with a catalogue entry, most certain first:
/// everything equal; same code and source; same description; same heading.
fn failure_examples(
    cx: &mut PageCx<'_>,
    e: &Endpoint,
    failures: &[(&CodeBlock, HttpResponse, FailureBody)],
) {
    type Same = fn(&CodeBlock, &HttpResponse, &FailureBody, &ErrorEntry) -> bool;
    let passes: [Same; 4] = [
        |_, r, b, x| {
            r.status == x.status
                && b.code == x.code
                && b.source == x.source
                && b.description == x.description
        },
        |_, _, b, x| b.code == x.code && b.source == x.source,
        |_, _, b, x| b.description == x.description,
        |block, _, _, x| block.heading == x.example,
    ];
    let mut used = vec![false; e.errors.len()];
    let mut matched: Vec<Option<usize>> = vec![None; failures.len()];
    for same in passes {
        for (i, (block, r, b)) in failures.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            if let Some(j) =
                (0..e.errors.len()).find(|&j| !used[j] && same(block, r, b, &e.errors[j]))
            {
                used[j] = true;
                matched[i] = Some(j);
            }
        }
    }
    for ((block, r, b), m) in failures.iter().zip(&matched) {
        let line = Some(block.line);
        let Some(j) = *m else {
            let element = format!("{}.errors[code={},source={}]", e.id, b.code, b.source);
            cx.code(
                Kind::OnlyInDocuments,
                element,
                line,
                nothing(),
                Some(b.description.clone()),
            );
            continue;
        };
        let x = &e.errors[j];
        let base = error_element(e, x);
        let fields = [
            ("status", x.status.to_string(), r.status.to_string()),
            ("code", x.code.clone(), b.code.clone()),
            ("source", x.source.clone(), b.source.clone()),
            ("description", x.description.clone(), b.description.clone()),
            ("data", x.data.join("\n"), b.data.join("\n")),
        ];
        for (field, ours, theirs) in fields {
            if ours != theirs {
                cx.code(
                    Kind::Different,
                    format!("{base}.{field}"),
                    line,
                    spec(&x.at, ours),
                    Some(theirs),
                );
            }
        }
        if block.heading != x.example {
            // The heading is prose: translated on localized pages.
            let element = format!("{base}.example");
            cx.text(
                Kind::Different,
                element,
                line,
                spec(&x.at, x.example.clone()),
                Some(block.heading.clone()),
            );
        }
    }
    for (j, x) in e.errors.iter().enumerate() {
        if !used[j] {
            cx.code(
                Kind::OnlyInSpec,
                error_element(e, x),
                None,
                spec(&x.at, x.description.clone()),
                None,
            );
        }
    }
}
