//! The operations as OpenAPI path items: parameters (with the
//! exactly-one-of groups as documented constraints), request headers and
//! body, each success and documented failure with its body and examples,
//! and the answers every call may get (a missing token, throttling).
//!
//! OpenAPI allows one operation per path and method; where the documents
//! give two (listing customers, and searching them with a filter), they are
//! one operation whose `x-partner-center-operations` names both, each
//! parameter required only where both require it.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::schemas::{instance_name, of};
use super::{clouds_of, doc_url};
use crate::docs::parse_lenient;
use crate::examples::Examples;
use crate::model::{Api, Encoding, ErrorEntry, Operation, Param, Type};

/// The `paths` object: every operation, by path and method.
pub(super) fn paths(api: &Api, examples: &Examples) -> Map<String, Value> {
    let mut by_place: BTreeMap<(&str, String), Vec<&Operation>> = BTreeMap::new();
    for o in &api.operations {
        by_place
            .entry((o.path.as_str(), o.method.to_ascii_lowercase()))
            .or_default()
            .push(o);
    }
    let mut out = Map::new();
    for ((path, method), ops) in by_place {
        let item = out.entry(path.to_string()).or_insert_with(|| json!({}));
        item[method] = operation(api, examples, &ops);
    }
    out
}

/// The collection instances the operations answer: their schema names, the
/// collection and the item.
pub(super) fn instances(api: &Api) -> BTreeMap<String, (String, Type)> {
    let mut out = BTreeMap::new();
    for o in &api.operations {
        for r in &o.responses {
            if let Some(Type::Collection(name, item)) = &r.body {
                out.insert(instance_name(name, item), (name.clone(), (**item).clone()));
            }
        }
    }
    out
}

fn operation(api: &Api, examples: &Examples, ops: &[&Operation]) -> Value {
    let first = ops[0];
    let ids: Vec<&str> = ops.iter().map(|o| o.id.as_str()).collect();
    let summaries: Vec<String> = ops
        .iter()
        .map(|o| format!("`{}`: {}", o.id, o.summary))
        .collect();
    let mut description = summaries.join("\n\n");
    for o in ops {
        description.push_str(&format!(
            "\n\nDocumented in [`{}`]({}).",
            o.doc,
            doc_url(&o.doc)
        ));
        if let Some(g) = &o.one_of {
            let names: Vec<&str> = g.params.iter().map(|p| p.name.as_str()).collect();
            description.push_str(&format!(
                "\n\n`{}` sends exactly one of the query parameters {}: the documents answer 400 to both and to neither.",
                o.id,
                names.join(", ")
            ));
        }
    }
    let mut op = json!({
        "operationId": first.id,
        "summary": first.summary,
        "description": description,
        "externalDocs": { "url": doc_url(&first.doc) },
        "parameters": parameters(api, ops),
        "responses": responses(api, examples, ops),
        "tags": [first.area],
    });
    if ops.len() > 1 {
        op["x-partner-center-operations"] = json!(ids);
    }
    if let Some(group) = ops.iter().find_map(|o| o.one_of.as_ref()) {
        let names: Vec<&str> = group.params.iter().map(|p| p.name.as_str()).collect();
        op["x-partner-center-exactly-one-of"] = json!(names);
    }
    if let Some(clouds) = clouds_of(api, first) {
        op["servers"] = clouds;
    }
    if let Some(body) = &first.body {
        let mut media = json!({ "schema": of(&body.ty, None) });
        if let Some(example) = examples.request_body(&first.id) {
            media["example"] = example;
        }
        op["requestBody"] = json!({
            "required": true,
            "description": body.description,
            "content": { "application/json": media },
        });
    }
    op
}

/// Every parameter of the operations at one place: the path's, each query
/// parameter (required where every one of them requires it), the headers
/// of the operations, and the headers every call sends.
fn parameters(api: &Api, ops: &[&Operation]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for o in ops {
        let group = o.one_of.iter().flat_map(|g| &g.params);
        let located = o
            .path_params
            .iter()
            .map(|p| (p, "path"))
            .chain(o.query.iter().map(|p| (p, "query")))
            .chain(group.map(|p| (p, "query")));
        for (p, place) in located {
            if seen
                .iter()
                .any(|(n, w)| n.eq_ignore_ascii_case(&p.name) && *w == place)
            {
                continue;
            }
            seen.push((p.name.clone(), place));
            let everywhere = ops.iter().all(|x| {
                x.path_params
                    .iter()
                    .chain(&x.query)
                    .any(|q| q.name == p.name && q.required)
            });
            let in_group = o
                .one_of
                .iter()
                .flat_map(|g| &g.params)
                .any(|q| q.name == p.name);
            out.push(parameter(
                p,
                place,
                place == "path" || (everywhere && !in_group),
            ));
        }
        for h in &o.request_headers {
            if seen
                .iter()
                .any(|(n, w)| n.eq_ignore_ascii_case(&h.name) && *w == "header")
            {
                continue;
            }
            seen.push((h.name.clone(), "header"));
            // A header taken from the body is sent by the client itself.
            let required = h.required && h.from_body.is_none();
            out.push(json!({
                "name": h.name,
                "in": "header",
                "required": required,
                "description": h.description,
                "schema": { "type": "string" },
            }));
        }
    }
    for h in super::common_request_headers(api) {
        out.push(json!({ "$ref": format!("#/components/parameters/{}", h.const_ident) }));
    }
    out
}

fn parameter(p: &Param, place: &str, required: bool) -> Value {
    let mut schema = of(&p.ty, None);
    if p.encoding == Encoding::Json {
        // A filter object, sent as its JSON text.
        schema = json!({ "type": "string", "description": "JSON text of the object below." });
    }
    let mut out = json!({
        "name": p.name,
        "in": place,
        "required": required,
        "description": p.description,
    });
    if p.repeated {
        out["schema"] = json!({ "type": "array", "items": schema });
        out["explode"] = json!(true);
    } else {
        out["schema"] = schema;
    }
    if p.encoding == Encoding::Json {
        out["x-partner-center-json"] = of(&p.ty, None);
    }
    out
}

/// Each success with its body, headers and example; each documented
/// failure by status, with an example of each; the answers of a missing
/// token and of throttling; and any other error in the documented shape.
fn responses(api: &Api, examples: &Examples, ops: &[&Operation]) -> Value {
    let mut out = Map::new();
    for o in ops {
        for r in &o.responses {
            let key = r.status.to_string();
            if out.contains_key(&key) {
                continue;
            }
            let mut response = json!({ "description": r.description });
            let mut headers = super::common_response_headers(api);
            for h in &r.headers {
                headers.insert(h.clone(), json!({ "schema": { "type": "string" } }));
            }
            response["headers"] = Value::Object(headers);
            if let Some(body) = &r.body {
                let media = r.content_type.clone().unwrap_or_else(|| match body {
                    Type::Binary => "application/octet-stream".into(),
                    _ => "application/json".into(),
                });
                let mut content = json!({ "schema": of(body, None) });
                let success = examples.success(api, o);
                if success.status == r.status
                    && *body != Type::Binary
                    && let Ok(parsed) = parse_lenient(&success.body)
                {
                    content["example"] = parsed.value;
                }
                response["content"] = json!({ media: content });
            }
            if let Some(poll) = &r.poll {
                response["x-partner-center-poll"] = json!({
                    "operationId": poll.operation,
                    "relativeTo": poll.relative_to,
                    "property": poll.property,
                    "done": poll.done,
                });
            }
            out.insert(key, response);
        }
        if let Some(n) = &o.not_ready {
            let mut headers = super::common_response_headers(api);
            headers.insert(
                "Retry-After".into(),
                json!({ "schema": { "type": "string" } }),
            );
            out.entry(n.status.to_string()).or_insert(json!({
                "description": n.description,
                "headers": headers,
                "x-partner-center-not-ready": true,
            }));
        }
    }
    let mut failures: BTreeMap<u16, Vec<&ErrorEntry>> = BTreeMap::new();
    for o in ops {
        for e in &o.errors {
            failures.entry(e.status).or_default().push(e);
        }
    }
    for (status, entries) in failures {
        let examples: Map<String, Value> = entries
            .iter()
            .map(|e| {
                let mut body = json!({
                    "description": e.description,
                    "data": e.data,
                });
                if let Some(code) = &e.code {
                    body["code"] = code
                        .parse::<i64>()
                        .map_or_else(|_| json!(code), |n| json!(n));
                }
                if let Some(source) = &e.source {
                    body["source"] = json!(source);
                }
                let summary = if e.example.is_empty() {
                    &e.description
                } else {
                    &e.example
                };
                (e.id.clone(), json!({ "summary": summary, "value": body }))
            })
            .collect();
        let names: Vec<String> = entries.iter().map(|e| format!("`{}`", e.id)).collect();
        out.insert(
            status.to_string(),
            json!({
                "description": format!("A documented failure: {}.", names.join(", ")),
                "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/ErrorBody" },
                    "examples": examples,
                }},
            }),
        );
    }
    out.entry("401")
        .or_insert(json!({ "$ref": "#/components/responses/Unauthorized" }));
    if api.throttling.is_some() {
        out.insert(
            "429".into(),
            json!({ "$ref": "#/components/responses/Throttled" }),
        );
    }
    out.insert(
        "default".into(),
        json!({ "$ref": "#/components/responses/Error" }),
    );
    Value::Object(out)
}
