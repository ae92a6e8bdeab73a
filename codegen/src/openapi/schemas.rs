//! The spec's types and models as OpenAPI 3.0 schemas: what each type is
//! on the wire (exact decimals, dates as the service writes them, open
//! enums, maps, unions with their discriminators), and the collection
//! envelopes made concrete for each item they carry (OpenAPI has no
//! generics).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::doc_url;
use crate::model::{Api, ChosenBy, Collection, Model, ModelKind, Property, Type, ValueType};

/// The schemas of `components`, by name: every model, and each collection
/// envelope for each item type the operations use it with (`instances`).
pub(super) fn components(
    api: &Api,
    instances: &BTreeMap<String, (String, Type)>,
) -> Map<String, Value> {
    let mut out = Map::new();
    for m in &api.models {
        out.insert(m.name.clone(), model(api, m));
    }
    for (name, (collection, item)) in instances {
        if let Some(c) = api.collection(collection) {
            out.insert(name.clone(), envelope(c, item));
        }
    }
    out
}

/// The name of the schema of collection `name` around `item`:
/// `ResourceCollection_Customer`.
pub(super) fn instance_name(name: &str, item: &Type) -> String {
    format!("{name}_{}", words(item))
}

fn words(t: &Type) -> String {
    match t {
        Type::Scalar(s) => scalar_word(*s).replace('-', "_"),
        Type::Model(m) => m.clone(),
        Type::Array(item) => format!("{}_list", words(item)),
        Type::Map(value) => format!("{}_map", words(value)),
        Type::Json => "json".into(),
        Type::Binary => "binary".into(),
        Type::Collection(name, item) => format!("{name}_{}", words(item)),
        Type::Item => "item".into(),
    }
}

fn scalar_word(s: ValueType) -> &'static str {
    crate::drift::shape::scalar_name(s)
}

/// The schema of a value of `t` (`item` stands for a collection's `T`).
pub(super) fn of(t: &Type, item: Option<&Type>) -> Value {
    match t {
        Type::Scalar(s) => scalar(*s),
        Type::Model(name) => json!({ "$ref": format!("#/components/schemas/{name}") }),
        Type::Array(inner) => json!({ "type": "array", "items": of(inner, item) }),
        Type::Map(value) => json!({ "type": "object", "additionalProperties": of(value, item) }),
        Type::Json => json!({ "description": "Any JSON value." }),
        Type::Binary => json!({ "type": "string", "format": "binary" }),
        Type::Collection(name, inner) => {
            let inner = item.filter(|_| **inner == Type::Item).unwrap_or(inner);
            json!({ "$ref": format!("#/components/schemas/{}", instance_name(name, inner)) })
        }
        Type::Item => item.map_or_else(|| json!({}), |i| of(i, None)),
    }
}

fn scalar(s: ValueType) -> Value {
    match s {
        ValueType::String => json!({ "type": "string" }),
        ValueType::Guid => json!({ "type": "string", "format": "uuid" }),
        ValueType::Int => json!({ "type": "integer", "format": "int64" }),
        ValueType::Bool => json!({ "type": "boolean" }),
        // Money: exact, never a float. The service writes a JSON number.
        ValueType::Decimal => json!({
            "type": "number",
            "format": "decimal",
            "description": "An exact decimal number (money): read it without rounding to a float.",
        }),
        ValueType::DateTime => json!({
            "type": "string",
            "format": "date-time",
            "description": "A date and time as the service writes it: RFC 3339, or without a time zone (UTC), or a date alone.",
        }),
        ValueType::Date => json!({ "type": "string", "format": "date" }),
        ValueType::Uri => json!({ "type": "string", "format": "uri" }),
    }
}

fn model(api: &Api, m: &Model) -> Value {
    let mut schema = match &m.kind {
        ModelKind::Object(properties) => {
            // A variant of a union holds the union's properties itself: by
            // reference it would be one of its own variants, a loop.
            let base = m.extends.as_deref().filter(|b| {
                api.model(b)
                    .is_some_and(|b| !matches!(b.kind, ModelKind::Union(_)))
            });
            object(properties, None, base)
        }
        ModelKind::Enum(values) => {
            // Open: the documented values, and any other the service sends.
            let documented: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            let listed: Vec<String> = values
                .iter()
                .map(|v| format!("`{}`: {}", v.value, v.description))
                .collect();
            json!({
                "type": "string",
                "x-extensible-enum": documented,
                "description": format!(
                    "{}\n\nDocumented values (others may come):\n\n- {}",
                    m.description,
                    listed.join("\n- ")
                ),
            })
        }
        ModelKind::Union(union) => {
            let refs: Vec<Value> = union
                .variants
                .iter()
                .map(|v| json!({ "$ref": format!("#/components/schemas/{}", v.model) }))
                .collect();
            let mut schema = json!({ "oneOf": refs });
            match &union.by {
                ChosenBy::Field(field) => {
                    let mapping: Map<String, Value> = union
                        .variants
                        .iter()
                        .map(|v| {
                            let value = v.value.clone().unwrap_or_default();
                            (value, json!(format!("#/components/schemas/{}", v.model)))
                        })
                        .collect();
                    schema["discriminator"] = json!({ "propertyName": field, "mapping": mapping });
                }
                ChosenBy::Request(params) => {
                    let choices: Vec<Value> = union
                        .variants
                        .iter()
                        .map(|v| {
                            let when: Map<String, Value> =
                                v.when.iter().map(|(n, x)| (n.clone(), json!(x))).collect();
                            json!({ "model": v.model, "when": when })
                        })
                        .collect();
                    schema["x-partner-center-chosen-by"] =
                        json!({ "parameters": params, "variants": choices });
                }
            }
            schema
        }
    };
    if let Value::Object(map) = &mut schema {
        map.entry("description")
            .or_insert_with(|| json!(m.description));
        map.insert("title".into(), json!(m.name));
        map.insert("externalDocs".into(), json!({ "url": doc_url(&m.doc) }));
        if let Some(l) = &m.rate_limit {
            map.insert(
                "x-rate-limit".into(),
                json!({ "requests": l.requests, "per": l.per.word(), "scope": l.scope }),
            );
        }
    }
    schema
}

/// An object's schema: its own properties (after those of the model it
/// extends, by reference) and the required ones.
fn object(properties: &[Property], item: Option<&Type>, extends: Option<&str>) -> Value {
    let own: Vec<&Property> = properties
        .iter()
        .filter(|p| extends.is_none() || !p.inherited)
        .collect();
    let mut props = Map::new();
    for p in &own {
        let mut schema = of(&p.ty, item);
        let text = p.description.clone();
        schema = with_description(schema, text);
        if p.optional {
            schema = nullable(schema);
        }
        props.insert(p.name.clone(), schema);
    }
    let required: Vec<&str> = own
        .iter()
        .filter(|p| !p.optional)
        .map(|p| p.name.as_str())
        .collect();
    let mut schema = json!({ "type": "object", "properties": props });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    match extends {
        Some(base) => json!({
            "allOf": [{ "$ref": format!("#/components/schemas/{base}") }, schema],
        }),
        None => schema,
    }
}

/// A collection envelope around `item`.
fn envelope(c: &Collection, item: &Type) -> Value {
    let mut schema = object(&c.properties, Some(item), None);
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), json!(c.description));
        map.insert("externalDocs".into(), json!({ "url": doc_url(&c.doc) }));
    }
    schema
}

/// `schema` with a description (a reference keeps its own beside an
/// `allOf`, which OpenAPI 3.0 reads).
fn with_description(schema: Value, text: String) -> Value {
    if schema.get("$ref").is_some() {
        json!({ "allOf": [schema], "description": text })
    } else {
        let mut schema = schema;
        if let Value::Object(map) = &mut schema {
            let before = map
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_string);
            let text = match before {
                Some(type_words) => format!("{text}\n\n{type_words}"),
                None => text,
            };
            map.insert("description".into(), json!(text));
        }
        schema
    }
}

/// An optional property may be absent or `null`.
fn nullable(schema: Value) -> Value {
    let mut schema = schema;
    if let Value::Object(map) = &mut schema {
        map.insert("nullable".into(), json!(true));
    }
    schema
}
