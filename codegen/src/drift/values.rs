//! JSON values as the client reads them: an example's keys written as the
//! spec names them, its values as the client describes them, and whether
//! two bodies say the same. The one JSON comparison of the documents check
//! and of the tests that replay the examples.

use serde_json::Value;

use crate::docs::{is_placeholder, uuid_like};
use crate::model::{Api, ModelKind, Property, Type, ValueType};

/// How property names are matched: responses as written; request examples
/// without regard to case (some pages write `"FirstName"`, and the service
/// reads either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Exact,
    AnyCase,
}

/// A JSON number, as text: a decimal the client reads from a string.
pub(super) fn decimal_text(s: &str) -> bool {
    s.trim() == s && matches!(serde_json::from_str::<Value>(s), Ok(Value::Number(_)))
}

/// `value` with the keys of its objects written as the spec names the
/// properties of `ty`: an example that writes `"FirstName"` gives
/// `"firstName"`, so that it reads into the client's types. Keys the spec
/// does not know are kept as they are.
pub fn normalize(api: &Api, ty: &Type, value: &Value) -> Value {
    normalize_in(api, ty, None, value)
}

fn normalize_in(api: &Api, ty: &Type, item: Option<&Type>, value: &Value) -> Value {
    let properties: Option<&[Property]> = match ty {
        Type::Model(name) => match api.model(name).map(|m| &m.kind) {
            Some(ModelKind::Object(properties)) => Some(properties),
            _ => None,
        },
        Type::Collection(name, _) => api.collection(name).map(|c| c.properties.as_slice()),
        _ => None,
    };
    let item = match ty {
        Type::Collection(_, inner) => Some(inner.as_ref()),
        _ => item,
    };
    match (ty, value) {
        (Type::Array(inner), Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|v| normalize_in(api, inner, item, v))
                .collect(),
        ),
        (Type::Item, v) => match item {
            Some(t) => normalize_in(api, t, None, v),
            None => v.clone(),
        },
        (_, Value::Object(map)) => match properties {
            Some(properties) => Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        match properties.iter().find(|p| p.name.eq_ignore_ascii_case(k)) {
                            Some(p) => (p.name.clone(), normalize_in(api, &p.ty, item, v)),
                            None => (k.clone(), v.clone()),
                        }
                    })
                    .collect(),
            ),
            None => value.clone(),
        },
        _ => value.clone(),
    }
}

/// `value` with `guid` for each placeholder (`"<subscriptionID>"`) where
/// `ty` has a GUID: the value an example stands for, as a replay of it
/// sends or serves it (the client reads a GUID strictly).
pub fn fill_guids(api: &Api, ty: &Type, value: &Value, guid: &str) -> Value {
    fill_in(api, ty, None, value, guid)
}

fn fill_in(api: &Api, ty: &Type, item: Option<&Type>, value: &Value, guid: &str) -> Value {
    let object =
        |properties: &[Property], item: Option<&Type>, map: &serde_json::Map<String, Value>| {
            let filled = map
                .iter()
                .map(|(k, v)| match properties.iter().find(|p| p.name == *k) {
                    Some(p) => (k.clone(), fill_in(api, &p.ty, item, v, guid)),
                    None => (k.clone(), v.clone()),
                });
            Value::Object(filled.collect())
        };
    match (ty, value) {
        (Type::Scalar(ValueType::Guid), Value::String(s)) if is_placeholder(s) => {
            Value::String(guid.to_string())
        }
        (Type::Array(inner), Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|v| fill_in(api, inner, item, v, guid))
                .collect(),
        ),
        (Type::Map(inner), Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill_in(api, inner, item, v, guid)))
                .collect(),
        ),
        (Type::Item, v) => match item {
            Some(t) => fill_in(api, t, None, v, guid),
            None => v.clone(),
        },
        (Type::Collection(name, inner), Value::Object(map)) => match api.collection(name) {
            Some(c) => object(&c.properties, Some(inner), map),
            None => value.clone(),
        },
        (Type::Model(name), Value::Object(map)) => match api.model(name).map(|m| &m.kind) {
            Some(ModelKind::Object(properties)) => object(properties, item, map),
            _ => value.clone(),
        },
        _ => value.clone(),
    }
}

/// `value` as the client keeps it when it reads it as `ty`: only the
/// properties `ty` describes (it ignores any other; for a model the request
/// chooses, those of any of its variants), and open enums' values in their
/// documented spelling (they are read without regard to case).
pub fn described(api: &Api, ty: &Type, value: &Value) -> Value {
    described_in(api, ty, None, value)
}

fn described_in(api: &Api, ty: &Type, item: Option<&Type>, value: &Value) -> Value {
    let keep = |properties: &[&Property], map: &serde_json::Map<String, Value>| {
        let kept = map.iter().filter_map(|(k, v)| {
            let p = properties.iter().find(|p| p.name == *k)?;
            Some((k.clone(), described_in(api, &p.ty, item, v)))
        });
        Value::Object(kept.collect())
    };
    match (ty, value) {
        (Type::Array(inner), Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|v| described_in(api, inner, item, v))
                .collect(),
        ),
        (Type::Map(inner), Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), described_in(api, inner, item, v)))
                .collect(),
        ),
        (Type::Item, v) => match item {
            Some(t) => described_in(api, t, None, v),
            None => v.clone(),
        },
        (Type::Collection(name, inner), Value::Object(map)) => match api.collection(name) {
            Some(c) => {
                let properties: Vec<&Property> = c.properties.iter().collect();
                let kept = map.iter().filter_map(|(k, v)| {
                    let p = properties.iter().find(|p| p.name == *k)?;
                    Some((k.clone(), described_in(api, &p.ty, Some(inner), v)))
                });
                Value::Object(kept.collect())
            }
            None => value.clone(),
        },
        (Type::Model(name), Value::Object(map)) => match api.model(name).map(|m| &m.kind) {
            Some(ModelKind::Object(properties)) => {
                keep(&properties.iter().collect::<Vec<_>>(), map)
            }
            Some(ModelKind::Union(union)) => {
                let properties: Vec<&Property> = union
                    .variants
                    .iter()
                    .filter_map(|v| match api.model(&v.model).map(|m| &m.kind) {
                        Some(ModelKind::Object(p)) => Some(p),
                        _ => None,
                    })
                    .flatten()
                    .chain(&union.base)
                    .collect();
                keep(&properties, map)
            }
            _ => value.clone(),
        },
        // An open enum's value as the client spells it: the documented
        // spelling of a value written in another case.
        (Type::Model(name), Value::String(text)) => match api.model(name).map(|m| &m.kind) {
            Some(ModelKind::Enum(values)) => values
                .iter()
                .find(|v| v.value.eq_ignore_ascii_case(text))
                .map_or_else(|| value.clone(), |v| Value::String(v.value.clone())),
            _ => value.clone(),
        },
        _ => value.clone(),
    }
}

/// Whether `actual` says what `expected` (an example) says: numbers by
/// value, `null` the same as absent, a placeholder such as `"<guid>"` the
/// same as any value, a GUID the same in either case (the client writes
/// the lowercase it reads as `Uuid`), keys compared as `keys` says. The first difference,
/// with its path, otherwise.
pub fn agree(expected: &Value, actual: &Value, keys: Keys) -> Result<(), String> {
    agree_at(expected, actual, keys, "")
}

fn agree_at(expected: &Value, actual: &Value, keys: Keys, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::String(s), _) if is_placeholder(s) => Ok(()),
        (Value::Object(e), Value::Object(a)) => {
            let find = |map: &serde_json::Map<String, Value>, key: &str| -> Value {
                map.iter()
                    .find(|(k, _)| match keys {
                        Keys::Exact => k.as_str() == key,
                        Keys::AnyCase => k.eq_ignore_ascii_case(key),
                    })
                    .map_or(Value::Null, |(_, v)| v.clone())
            };
            for (k, v) in e {
                agree_at(v, &find(a, k), keys, &format!("{path}.{k}"))?;
            }
            for (k, v) in a {
                if find(e, k).is_null() && !v.is_null() {
                    return Err(format!("{path}.{k}: {v} is not in the example"));
                }
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .try_for_each(|(i, (e, a))| agree_at(e, a, keys, &format!("{path}[{i}]"))),
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        // A decimal the example writes as text, read by the client as the
        // number it is.
        (Value::String(e), Value::Number(a))
            if decimal_text(e) && e.parse::<f64>().ok() == a.as_f64() =>
        {
            Ok(())
        }
        (e, a) if e == a => Ok(()),
        (Value::String(e), Value::String(a)) if uuid_like(e) && e.eq_ignore_ascii_case(a) => Ok(()),
        (e, a) => Err(format!(
            "{}: expected {e}, got {a}",
            if path.is_empty() { "." } else { path }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_agree_as_values() {
        let example =
            json!({"FirstName": "A", "Region": null, "Id": "<guid>", "n": 1.50, "list": [1]});
        let sent = json!({"firstName": "A", "id": "5e1a", "n": 1.5, "list": [1]});
        assert_eq!(agree(&example, &sent, Keys::AnyCase), Ok(()));
        assert!(agree(&example, &sent, Keys::Exact).is_err());
        let extra = json!({"firstName": "A", "id": "x", "n": 1.5, "list": [1], "more": true});
        assert!(
            agree(&example, &extra, Keys::AnyCase)
                .unwrap_err()
                .contains(".more")
        );
        let other = json!({"firstName": "B", "id": "x", "n": 1.5, "list": [1]});
        assert!(
            agree(&example, &other, Keys::AnyCase)
                .unwrap_err()
                .starts_with(".FirstName")
        );
        assert!(agree(&json!([1, 2]), &json!([1]), Keys::Exact).is_err());
    }

    #[test]
    fn a_placeholder_where_a_guid_is_stands_for_one() {
        let api = crate::load_api(&crate::default_spec()).unwrap();
        let ty = Type::Model("Subscription".into());
        let example = json!({"id": "<subscriptionID>", "friendlyName": "<name>", "quantity": 1});
        let filled = fill_guids(&api, &ty, &example, "11111111-2222-3333-4444-555555555555");
        assert_eq!(filled["id"], "11111111-2222-3333-4444-555555555555");
        // A placeholder of text stays as written.
        assert_eq!(filled["friendlyName"], "<name>");
        assert_eq!(filled["quantity"], 1);
    }

    #[test]
    fn a_guid_is_the_same_in_either_case() {
        let upper = json!({"id": "69829602-C219-40FD-A3D5-4150FCA41A19"});
        let lower = json!({"id": "69829602-c219-40fd-a3d5-4150fca41a19"});
        assert_eq!(agree(&upper, &lower, Keys::Exact), Ok(()));
        // Other text keeps its case.
        assert!(agree(&json!({"n": "Ab"}), &json!({"n": "ab"}), Keys::Exact).is_err());
    }

    #[test]
    fn a_decimal_written_as_text_is_its_number() {
        assert_eq!(
            agree(&json!({"n": "14.40"}), &json!({"n": 14.4}), Keys::Exact),
            Ok(())
        );
        assert!(agree(&json!({"n": "14.4"}), &json!({"n": 14}), Keys::Exact).is_err());
    }
}
