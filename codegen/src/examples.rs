//! The responses the test server sends, taken from the documents: each
//! operation's success example, each documented failure's example and the
//! throttled response, read from the pages the spec describes (a success
//! written as bare JSON too, where an operation has no other). Where a page
//! shows none, the response is made from the spec: the smallest body the
//! model allows, or the failure's code and description.

mod bare;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use crate::docs::{
    HttpRequest, HttpResponse, Page, file_signature, messages, parse_lenient, parse_request,
    parse_response, percent_decode, query_pairs, split_messages,
};
use crate::drift::answer::not_the_answer;
use crate::model::{
    Api, ChosenBy, Direction, ErrorEntry, GlobalCode, ModelKind, Operation, Segment, Semantics,
    Type, ValueType,
};

pub use bare::bare_success;

/// A response as the test server sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Where it comes from: the page and line of its example, or how it
    /// was made.
    pub origin: String,
}

/// The documents' example responses, for the operations of a spec.
#[derive(Debug, Default)]
pub struct Examples {
    /// By operation id.
    operations: BTreeMap<String, Documented>,
    throttled: Option<Served>,
}

/// The example responses of one operation.
#[derive(Debug, Default)]
struct Documented {
    success: Option<Served>,
    /// For an operation whose answer's model the request chooses: each
    /// success example, by the values its request gave the parameters that
    /// choose (by their names on the wire), the first of each.
    chosen: Vec<(Vec<(String, String)>, Served)>,
    /// By error id.
    failures: BTreeMap<String, Served>,
    /// The body of its first example request, as JSON.
    request_body: Option<Value>,
    /// Whether `success` and `request_body` come from the operation's own
    /// page (`doc`): they do when it has them, before its `also_on` pages,
    /// whatever the order of the files.
    success_on_doc: bool,
    request_on_doc: bool,
}

impl Examples {
    /// The examples of the pages under `docs`; a page that cannot be read
    /// (or a folder that does not exist) gives none.
    pub fn read(api: &Api, docs: &Path) -> Examples {
        let mut files: Vec<&str> = api.operations.iter().flat_map(Operation::pages).collect();
        files.sort_unstable();
        files.dedup();
        let mut out = Examples::default();
        for file in files {
            let Ok(page) = Page::read(&docs.join(file)) else {
                continue;
            };
            let all = messages(api, file, &page);
            for m in all.iter().filter(|m| m.is_request) {
                let entry = out.operations.entry(m.op.id.clone()).or_default();
                let on_doc = file == m.op.doc;
                let body = parse_request(&m.text).ok().map(|r| r.body);
                if (entry.request_body.is_none() || on_doc && !entry.request_on_doc)
                    && let Some(Ok(read)) =
                        body.filter(|b| !b.is_empty()).map(|b| parse_lenient(&b))
                {
                    entry.request_body = Some(read.value);
                    entry.request_on_doc = on_doc;
                }
            }
            // The request each response answers: the one before it.
            let mut asked: BTreeMap<&str, (usize, HttpRequest)> = BTreeMap::new();
            for m in &all {
                if m.is_request {
                    if let Ok(request) = parse_request(&m.text) {
                        asked.insert(m.op.id.as_str(), (m.index, request));
                    }
                    continue;
                }
                let Ok(response) = parse_response(&m.text) else {
                    continue;
                };
                if m.op.refuses_response_example(api, file, m.index) {
                    continue;
                }
                let origin = format!("{file}:{}", m.block.line);
                let entry = out.operations.entry(m.op.id.clone()).or_default();
                let on_doc = file == m.op.doc;
                if let Some(r) = m.op.responses.iter().find(|r| r.status == response.status) {
                    // An example the spec records as not the operation's
                    // answer (another call's, or not JSON) is not served.
                    if !readable(r, &response)
                        || not_the_answer(api, m.op, file, m.index, &response.body)
                    {
                        continue;
                    }
                    let mut success = served(api, &response, origin);
                    // A file is sent as the media type the spec reads
                    // (a page may say application/json of a CSV).
                    if let (Some(Type::Binary), Some(media)) = (&r.body, &r.content_type) {
                        success
                            .headers
                            .retain(|(n, _)| !n.eq_ignore_ascii_case("Content-Type"));
                        success.headers.push(("Content-Type".into(), media.clone()));
                    }
                    let choice = asked
                        .get(m.op.id.as_str())
                        .and_then(|(index, request)| chooser_values(m.op, *index, request));
                    match choice {
                        Some(values) if !entry.chosen.iter().any(|(v, _)| *v == values) => {
                            entry.chosen.push((values, success));
                        }
                        Some(_) => {}
                        None if m.op.choice.is_some() => {}
                        // The operation's own page first, for one documented
                        // on several.
                        None if entry.success.is_none() || on_doc && !entry.success_on_doc => {
                            entry.success = Some(success);
                            entry.success_on_doc = on_doc;
                        }
                        None => {}
                    }
                } else if let Some(failure) = m.op.errors.iter().find(|e| {
                    !e.example.is_empty()
                        && e.example == m.block.heading
                        && e.status == response.status
                }) {
                    entry
                        .failures
                        .entry(failure.id.clone())
                        .or_insert_with(|| served(api, &response, origin));
                }
            }
        }
        // An operation with no success example of an HTTP message answers
        // the bare JSON one of its pages, its own page first.
        for op in api.operations.iter().filter(|o| o.choice.is_none()) {
            let entry = out.operations.entry(op.id.clone()).or_default();
            if entry.success.is_some() {
                continue;
            }
            let mut others: Vec<&str> = op.also_on.iter().map(String::as_str).collect();
            others.sort_unstable();
            entry.success = std::iter::once(op.doc.as_str())
                .chain(others)
                .find_map(|file| {
                    let page = Page::read(&docs.join(file)).ok()?;
                    let (line, response) = bare_success(api, op, file, &page)?;
                    Some(served(api, &response, format!("{file}:{line}")))
                });
        }
        out.throttled = api.throttling.as_ref().and_then(|t| {
            let page = Page::read(&docs.join(&t.doc)).ok()?;
            page.code_blocks.iter().find_map(|b| {
                let response = split_messages(&b.text)
                    .iter()
                    .find_map(|text| parse_response(text).ok())
                    .filter(|r| r.status == t.status)?;
                Some(served(api, &response, format!("{}:{}", t.doc, b.line)))
            })
        });
        out
    }

    /// What `op` answers on success: its page's first example (else the
    /// first of another page of the call), or a body made from its first
    /// response's model.
    pub fn success(&self, api: &Api, op: &Operation) -> Served {
        if let Some(found) = self.operations.get(&op.id).and_then(|d| d.success.clone()) {
            return found;
        }
        let response = &op.responses[0];
        if response.body == Some(Type::Binary) {
            let media = response
                .content_type
                .as_deref()
                .unwrap_or("application/octet-stream");
            return Served {
                status: response.status,
                headers: vec![("Content-Type".into(), media.into())],
                body: "file".into(),
                origin: "no example: a few bytes of the spec's media type".into(),
            };
        }
        let body = response.body.as_ref().map(|ty| sample(api, ty, 0));
        Served {
            status: response.status,
            headers: json_headers(body.is_some()),
            body: body.map(|b| b.to_string()).unwrap_or_default(),
            origin: "no example: the smallest body of the spec's model".into(),
        }
    }

    /// For an operation whose answer's model the request chooses: each
    /// success example, with the values (by parameter name) of the request
    /// that chose its model. Other requests get [`Examples::success`], which
    /// for such an operation is the smallest body of its model.
    pub fn chosen(&self, op: &Operation) -> &[(Vec<(String, String)>, Served)] {
        self.operations
            .get(&op.id)
            .map_or(&[], |d| d.chosen.as_slice())
    }

    /// What `op` answers for its documented failure `entry`: the page's
    /// example, or a body of the entry's code and description.
    pub fn failure(&self, op: &Operation, entry: &ErrorEntry) -> Served {
        let found = self
            .operations
            .get(&op.id)
            .and_then(|d| d.failures.get(&entry.id));
        if let Some(found) = found {
            return found.clone();
        }
        let code = entry
            .code
            .clone()
            .unwrap_or_else(|| entry.status.to_string());
        let mut body = Map::new();
        body.insert("code".into(), code_value(&code));
        body.insert("description".into(), entry.description.clone().into());
        body.insert("data".into(), entry.data.clone().into());
        if let Some(source) = &entry.source {
            body.insert("source".into(), source.clone().into());
        }
        Served {
            status: entry.status,
            headers: json_headers(true),
            body: Value::Object(body).to_string(),
            origin: "no example: the spec's code and description".into(),
        }
    }

    /// The body of `id`'s first example request, as JSON, if its page shows one.
    pub fn request_body(&self, id: &str) -> Option<Value> {
        self.operations.get(id)?.request_body.clone()
    }

    /// The documented throttled response, if the page shows one.
    pub fn throttled(&self) -> Option<&Served> {
        self.throttled.as_ref()
    }
}

/// Whether an example response is one the spec's response `r` reads: a
/// JSON body that parses (leniently), a file that starts as one of the
/// spec's media type does, where it says how. One that is not (a
/// contradiction the spec records) is not served.
fn readable(r: &crate::model::Response, example: &HttpResponse) -> bool {
    match (&r.body, r.content_type.as_deref()) {
        (Some(Type::Binary), Some(media)) => {
            file_signature(media).is_none_or(|start| example.body.starts_with(start))
        }
        (Some(Type::Binary), None) | (None, _) => true,
        (Some(_), _) => example.body.trim().is_empty() || parse_lenient(&example.body).is_ok(),
    }
}

/// The values `request` (request example `index` of its page) gives the
/// parameters that choose the model `op` answers, by their names on the
/// wire; `None` when the operation answers no such model or the request
/// leaves one out. A query name the page misspells, as the spec records
/// it, is read as the parameter's.
fn chooser_values(
    op: &Operation,
    index: usize,
    request: &HttpRequest,
) -> Option<Vec<(String, String)>> {
    let (_, wanted) = op.choice.as_ref()?;
    let parts: Vec<&str> = request.path().trim_start_matches('/').split('/').collect();
    let query = query_pairs(request.query());
    let misspelt = op.misspelt_query(index);
    wanted
        .iter()
        .map(|w| {
            let p = op.params().find(|p| p.required && p.chooses(w))?;
            let in_path = op
                .segments
                .iter()
                .zip(&parts)
                .find_map(|(s, part)| match s {
                    Segment::Param(i) if op.path_params[*i].name == p.name => {
                        Some(percent_decode(part))
                    }
                    _ => None,
                });
            let in_query = || {
                query.iter().find_map(|(n, v)| {
                    let read_as = misspelt
                        .iter()
                        .find(|(doc, _)| doc == n)
                        .map_or(n.as_str(), |(_, ours)| ours.as_str());
                    read_as.eq_ignore_ascii_case(&p.name).then(|| v.clone())
                })
            };
            Some((p.name.clone(), in_path.or_else(in_query)?))
        })
        .collect()
}

/// The answer of a global catalogue entry: its code and first description.
pub fn catalogue_answer(code: &GlobalCode) -> Served {
    let mut body = Map::new();
    body.insert("code".into(), code_value(&code.code));
    body.insert(
        "description".into(),
        code.descriptions
            .first()
            .cloned()
            .unwrap_or_default()
            .into(),
    );
    body.insert("data".into(), Value::Array(Vec::new()));
    Served {
        status: code.status,
        headers: json_headers(true),
        body: Value::Object(body).to_string(),
        origin: format!("the catalogue's code {}", code.code),
    }
}

/// A code as the service sends it: a number when it is one.
fn code_value(code: &str) -> Value {
    code.parse::<i64>()
        .map_or_else(|_| code.into(), Value::from)
}

fn json_headers(body: bool) -> Vec<(String, String)> {
    match body {
        true => vec![("Content-Type".into(), "application/json".into())],
        false => Vec::new(),
    }
}

/// `response` as the server sends it: the ids it echoes and the date are
/// its own, not the example's.
fn served(api: &Api, response: &HttpResponse, origin: String) -> Served {
    let echoed: Vec<&str> = [Semantics::IdempotencyKey, Semantics::CorrelationId]
        .into_iter()
        .filter_map(|s| api.header_for(Direction::Response, s))
        .map(|h| h.name.as_str())
        .chain(["Date"])
        .collect();
    Served {
        status: response.status,
        headers: response
            .served_headers()
            .filter(|(n, _)| !echoed.iter().any(|e| e.eq_ignore_ascii_case(n)))
            .cloned()
            .collect(),
        body: response.served_body(),
        origin,
    }
}

/// Nesting the smallest body goes no deeper than: a model that requires
/// itself has no finite body.
const MAX_DEPTH: usize = 16;

/// The smallest JSON value of `ty`: required properties only, empty arrays,
/// zero, false, empty text, the nil GUID, the first documented value of an
/// enum.
pub fn sample(api: &Api, ty: &Type, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    match ty {
        Type::Scalar(s) => match s {
            ValueType::String | ValueType::Uri => "".into(),
            ValueType::Guid => "00000000-0000-0000-0000-000000000000".into(),
            ValueType::Int | ValueType::Decimal => 0.into(),
            ValueType::Bool => false.into(),
            ValueType::DateTime => "2000-01-01T00:00:00Z".into(),
            ValueType::Date => "2000-01-01".into(),
        },
        Type::Array(_) => Value::Array(Vec::new()),
        Type::Map(_) | Type::Json => Value::Object(Map::new()),
        // A file: a few bytes of text stand for it.
        Type::Binary => Value::String("file".into()),
        Type::Collection(name, _) => {
            let properties = api.collection(name).into_iter().flat_map(|c| &c.properties);
            sample_object(api, properties, depth)
        }
        Type::Model(name) => match api.model(name).map(|m| &m.kind) {
            Some(ModelKind::Object(properties)) => sample_object(api, properties, depth),
            // Its first variant, as such (its discriminator written).
            Some(ModelKind::Union(union)) => {
                let Some(first) = union.variants.first() else {
                    return sample_object(api, &union.base, depth);
                };
                let mut value = sample(api, &Type::Model(first.model.clone()), depth + 1);
                if let (ChosenBy::Field(field), Some(kind), Value::Object(map)) =
                    (&union.by, &first.value, &mut value)
                {
                    map.insert(field.clone(), kind.clone().into());
                }
                value
            }
            Some(ModelKind::Enum(values)) => values
                .first()
                .map_or_else(|| "".into(), |v| v.value.clone().into()),
            None => Value::Null,
        },
        Type::Item => Value::Null,
    }
}

/// The smallest object of `properties`: the required ones, each the
/// smallest value of its type.
pub fn sample_object<'a>(
    api: &Api,
    properties: impl IntoIterator<Item = &'a crate::model::Property>,
    depth: usize,
) -> Value {
    let fields = properties
        .into_iter()
        .filter(|p| !p.optional)
        .map(|p| (p.name.clone(), sample(api, &p.ty, depth + 1)));
    Value::Object(fields.collect())
}

/// The byte range of `seconds` in `body`, where it stands as a whole
/// number exactly once: the wait the throttled body states.
pub fn seconds_in(body: &str, seconds: &str) -> Option<(usize, usize)> {
    if seconds.is_empty() || !seconds.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let bytes = body.as_bytes();
    let mut found = body.match_indices(seconds).map(|(at, _)| at).filter(|&at| {
        let end = at + seconds.len();
        (at == 0 || !bytes[at - 1].is_ascii_digit())
            && bytes.get(end).is_none_or(|b| !b.is_ascii_digit())
    });
    match (found.next(), found.next()) {
        (Some(at), None) => Some((at, at + seconds.len())),
        _ => None,
    }
}
