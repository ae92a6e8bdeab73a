//! The pages of a scripted listing: the collection envelope around a slice
//! of the items, linking to the next page as the documents show it.

use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::route::{NextShape, PageShape};
use super::target::Incoming;

/// The query parameter that carries the token when the spec names no header.
const TOKEN_QUERY: &str = "continuationToken";

/// Whether `request` asks for a next page: it carries a continuation token.
pub(crate) fn continues(shape: &PageShape, request: &Incoming<'_>) -> bool {
    token(shape, request).is_some()
}

/// The continuation token `request` carries, if any.
fn token(shape: &PageShape, request: &Incoming<'_>) -> Option<String> {
    let continuation = match &shape.next {
        Some(NextShape::Link { continuation, .. }) => *continuation,
        _ => None,
    };
    match continuation {
        Some((header, _, _)) => request.header(header).map(str::to_string),
        None => request
            .query
            .iter()
            .find(|(n, _)| n == TOKEN_QUERY)
            .map(|(_, v)| v.clone()),
    }
}

/// The page `request` asks for, as JSON; `Err` for a token this server did
/// not give. A collection whose pages name no next has all the items on
/// its one page.
pub(crate) fn write(
    shape: &PageShape,
    items: &[Arc<RawValue>],
    per_page: usize,
    request: &Incoming<'_>,
) -> Result<String, String> {
    let page = match &token(shape, request) {
        None => 0,
        Some(token) => token
            .strip_prefix("page-")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                format!("the continuation token {token:?} is not one this server gave")
            })?,
    };
    let per_page = if shape.next.is_some() {
        per_page
    } else {
        items.len()
    };
    let start = page.saturating_mul(per_page).min(items.len());
    let end = start.saturating_add(per_page).min(items.len());

    let mut envelope = match serde_json::from_str(shape.template) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    if let Some(total) = shape.total {
        envelope.insert(total.into(), items.len().into());
    }
    if let Some(next) = &shape.next
        && end < items.len()
    {
        let token = format!("page-{}", page + 1);
        let (at, link) = match next {
            NextShape::Link { at, .. } => (at, link(shape, next, request, &token)),
            NextShape::Uri { at } => (at, Value::String(uri(shape, None, request, &token))),
        };
        insert_at(&mut envelope, at, link);
    }
    let page = Page {
        envelope: &envelope,
        key: shape.items,
        items: &items[start..end],
    };
    serde_json::to_string(&page).map_err(|e| e.to_string())
}

/// The items alone, as a JSON array.
pub(crate) fn items_only(items: &[Arc<RawValue>]) -> String {
    let items: Vec<&RawValue> = items.iter().map(|i| &**i).collect();
    serde_json::to_string(&items).unwrap_or_default()
}

/// A page: the envelope's properties, and the items as they were written.
struct Page<'a> {
    envelope: &'a Map<String, Value>,
    key: &'a str,
    items: &'a [Arc<RawValue>],
}

impl Serialize for Page<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in self.envelope.iter().filter(|(n, _)| *n != self.key) {
            map.serialize_entry(name, value)?;
        }
        let items: Vec<&RawValue> = self.items.iter().map(|i| &**i).collect();
        map.serialize_entry(self.key, &items)?;
        map.end()
    }
}

/// The next page's URI: this page's relative to the base URL and the
/// collection's prefix, with the seek pair (when a continuation header
/// carries the token) or the token as a query pair.
fn uri(
    shape: &PageShape,
    continuation: Option<(&str, &str, &str)>,
    request: &Incoming<'_>,
    token: &str,
) -> String {
    let path = request.path;
    let path = path.strip_prefix(shape.relative_to).unwrap_or(path);
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    let seek = continuation.map(|(_, name, value)| (name, value));
    for (name, value) in request.query {
        let is_seek = seek.is_some_and(|(n, _)| n.eq_ignore_ascii_case(name));
        if !is_seek && name != TOKEN_QUERY {
            query.append_pair(name, value);
        }
    }
    match seek {
        Some((name, value)) => query.append_pair(name, value),
        None => query.append_pair(TOKEN_QUERY, token),
    };
    format!("{path}?{}", query.finish())
}

/// The next page's link object: its URI, method and headers (the token,
/// when a continuation header carries it).
fn link(shape: &PageShape, next: &NextShape, request: &Incoming<'_>, token: &str) -> Value {
    let NextShape::Link {
        uri: uri_key,
        method,
        headers: headers_key,
        key,
        value,
        continuation,
        ..
    } = next
    else {
        return Value::Null;
    };
    let mut headers = Vec::new();
    if let Some((header, _, _)) = continuation {
        let mut pair = Map::new();
        pair.insert((*key).into(), (*header).into());
        pair.insert((*value).into(), token.into());
        headers.push(Value::Object(pair));
    }
    let mut link = Map::new();
    link.insert(
        (*uri_key).into(),
        uri(shape, *continuation, request, token).into(),
    );
    if let Some(method) = method {
        link.insert((*method).into(), request.method.into());
    }
    if let Some(field) = headers_key {
        link.insert((*field).into(), Value::Array(headers));
    }
    Value::Object(link)
}

/// Sets `value` at the property path `path` of `object`, making the
/// objects on the way.
fn insert_at(object: &mut Map<String, Value>, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = object;
    for step in parents {
        let entry = at
            .entry(step.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let Value::Object(next) = entry else { return };
        at = next;
    }
    at.insert(last.to_string(), value);
}
