//! JSON against the spec: whether an example body has the shape of a type
//! (each difference with its path), and the spec's words for its types.
//! The documents check and the tests that replay the examples both use it.

use serde_json::Value;

use super::Kind;
use super::values::{Keys, decimal_text};
use crate::docs::{is_placeholder, uuid_like};
use crate::model::{Api, ChosenBy, Location, Model, ModelKind, Property, Type, Union, ValueType};

/// One place where a body and a type disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Where in the body, e.g. `.items[].companyProfile.address`.
    pub path: String,
    pub kind: Kind,
    pub spec: Option<Location>,
    pub spec_value: Option<String>,
    pub document_value: Option<String>,
}

/// Compares `value` with `ty`, appending each difference to `out`.
pub fn compare(api: &Api, ty: &Type, value: &Value, keys: Keys, out: &mut Vec<Mismatch>) {
    Shape { api, keys, out }.value(ty, None, value, String::new());
}

/// Compares a JSON object with a list of properties (a body the spec gives inline).
pub fn compare_properties(
    api: &Api,
    properties: &[Property],
    value: &Value,
    at: &Location,
    out: &mut Vec<Mismatch>,
) {
    let mut shape = Shape {
        api,
        keys: Keys::Exact,
        out,
    };
    shape.object(properties, None, at, value, String::new());
}

struct Shape<'a> {
    api: &'a Api,
    keys: Keys,
    out: &'a mut Vec<Mismatch>,
}

impl Shape<'_> {
    fn push(
        &mut self,
        path: String,
        kind: Kind,
        spec: Option<(&Location, String)>,
        doc: Option<String>,
    ) {
        let (spec, spec_value) = match spec {
            Some((at, v)) => (Some(at.clone()), Some(v)),
            None => (None, None),
        };
        self.out.push(Mismatch {
            path,
            kind,
            spec,
            spec_value,
            document_value: doc,
        });
    }

    /// `value` against `ty`; `item` is the type of a collection's items.
    fn value(&mut self, ty: &Type, item: Option<&Type>, value: &Value, path: String) {
        if matches!(value, Value::String(s) if is_placeholder(s)) {
            return;
        }
        let api = self.api;
        match ty {
            Type::Scalar(s) if !scalar_fits(*s, value) => {
                self.push(path, Kind::Different, None, Some(describe(value)));
                if let Some(m) = self.out.last_mut() {
                    m.spec_value = Some(scalar_name(*s).into());
                }
            }
            Type::Scalar(_) => {}
            Type::Array(inner) => match value {
                Value::Array(items) => {
                    for v in items {
                        self.value(inner, item, v, format!("{path}[]"));
                    }
                }
                other => self.push(path, Kind::Different, None, Some(describe(other))),
            },
            Type::Map(inner) => match value {
                Value::Object(entries) => {
                    for (key, v) in entries {
                        self.value(inner, item, v, format!("{path}.{key}"));
                    }
                }
                other => self.push(path, Kind::Different, None, Some(describe(other))),
            },
            // What a file holds is not JSON the spec describes.
            Type::Json | Type::Binary => {}
            Type::Item => {
                if let Some(item) = item {
                    self.value(item, None, value, path);
                }
            }
            Type::Collection(name, inner) => {
                if let Some(c) = api.collection(name) {
                    self.object(&c.properties, Some(inner), &c.at, value, path);
                }
            }
            Type::Model(name) => {
                let Some(m) = api.model(name) else { return };
                match &m.kind {
                    ModelKind::Object(properties) => {
                        self.object(properties, item, &m.at, value, path)
                    }
                    ModelKind::Enum(values) => {
                        let known = value.as_str().is_some_and(|s| {
                            values.iter().any(|v| v.value.eq_ignore_ascii_case(s))
                        });
                        let kind = if value.is_string() {
                            Kind::OnlyInDocuments
                        } else {
                            Kind::Different
                        };
                        if !known {
                            let spec = Some((&m.at, format!("a value of {}", m.name)));
                            self.push(path, kind, spec, Some(describe(value)));
                        }
                    }
                    ModelKind::Union(union) => self.variant(m, union, value, path),
                }
            }
        }
    }

    /// `value` against the variant of `union` it is: the one its
    /// discriminator names, or (chosen by a request an example does not
    /// always show) the one it differs from least.
    fn variant(&mut self, m: &Model, union: &Union, value: &Value, path: String) {
        if let ChosenBy::Field(field) = &union.by {
            let kind = value.get(field).and_then(Value::as_str).unwrap_or_default();
            let found = union.variants.iter().find(|v| {
                v.value
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(kind))
            });
            match found {
                Some(v) => self.value(&Type::Model(v.model.clone()), None, value, path),
                None => {
                    let spec = Some((&m.at, format!("a kind of {}", m.name)));
                    let here = format!("{path}.{field}");
                    self.push(here, Kind::OnlyInDocuments, spec, Some(kind.to_string()));
                }
            }
            return;
        }
        let before = self.out.len();
        let mut best: Option<Vec<Mismatch>> = None;
        for v in &union.variants {
            self.value(&Type::Model(v.model.clone()), None, value, path.clone());
            let found = self.out.split_off(before);
            if best.as_ref().is_none_or(|b| found.len() < b.len()) {
                best = Some(found);
            }
        }
        self.out.extend(best.unwrap_or_default());
    }

    fn object(
        &mut self,
        properties: &[Property],
        item: Option<&Type>,
        at: &Location,
        value: &Value,
        path: String,
    ) {
        let Value::Object(map) = value else {
            self.push(
                path,
                Kind::Different,
                Some((at, "an object".into())),
                Some(describe(value)),
            );
            return;
        };
        for (key, v) in map {
            let found = properties.iter().find(|p| match self.keys {
                Keys::Exact => p.name == *key,
                Keys::AnyCase => p.name.eq_ignore_ascii_case(key),
            });
            let here = format!("{path}.{key}");
            match found {
                None => self.push(here, Kind::OnlyInDocuments, None, Some(v.to_string())),
                Some(p) if v.is_null() => {
                    if !p.optional {
                        self.push(
                            here,
                            Kind::Different,
                            Some((&p.at, "required".into())),
                            Some("null".into()),
                        );
                    }
                }
                Some(p) => {
                    let before = self.out.len();
                    self.value(&p.ty, item, v, here);
                    // A scalar difference names the property that says so.
                    for m in &mut self.out[before..] {
                        if m.spec.is_none() {
                            m.spec = Some(p.at.clone());
                        }
                    }
                }
            }
        }
        for p in properties.iter().filter(|p| !p.optional) {
            let present = map.keys().any(|k| match self.keys {
                Keys::Exact => p.name == *k,
                Keys::AnyCase => p.name.eq_ignore_ascii_case(k),
            });
            if !present {
                let here = format!("{path}.{}", p.name);
                self.push(
                    here,
                    Kind::OnlyInSpec,
                    Some((&p.at, "required".into())),
                    None,
                );
            }
        }
    }
}

fn scalar_fits(s: ValueType, v: &Value) -> bool {
    match (s, v) {
        (ValueType::String | ValueType::Uri, Value::String(_)) => true,
        (ValueType::Guid, Value::String(s)) => uuid_like(s),
        (ValueType::Int, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (ValueType::Bool, Value::Bool(_)) => true,
        (ValueType::Decimal, Value::Number(_)) => true,
        // The client reads a decimal written as text ("0", "14.4"), as the
        // one-time line items write their amounts.
        (ValueType::Decimal, Value::String(s)) => decimal_text(s),
        (ValueType::DateTime, Value::String(s)) => date_like(s),
        (ValueType::Date, Value::String(s)) => s.len() == 10 && date_like(s),
        _ => false,
    }
}

/// The spec's words for a type.
pub fn type_text(t: &Type) -> String {
    match t {
        Type::Scalar(s) => scalar_name(*s).into(),
        Type::Model(m) => m.clone(),
        Type::Array(item) => format!("[{}]", type_text(item)),
        Type::Map(value) => format!("map<{}>", type_text(value)),
        Type::Json => "json".into(),
        Type::Binary => "binary".into(),
        Type::Collection(name, item) => format!("{name}<{}>", type_text(item)),
        Type::Item => "T".into(),
    }
}

/// The spec's word for a scalar.
pub fn scalar_name(s: ValueType) -> &'static str {
    match s {
        ValueType::String => "string",
        ValueType::Guid => "guid",
        ValueType::Int => "int",
        ValueType::Bool => "bool",
        ValueType::Decimal => "decimal",
        ValueType::DateTime => "date-time",
        ValueType::Date => "date",
        ValueType::Uri => "uri",
    }
}

/// A value in a few words: its JSON text when short.
fn describe(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() <= 80 {
        text
    } else {
        format!("{}…", text.chars().take(80).collect::<String>())
    }
}

/// `YYYY-MM-DD`, with or without a time after it (`T`, `t` or a space,
/// `HH:MM`, `:SS`, a fraction) and a zone (`Z` or `±HH:MM`): the text the
/// client's `DateTime` reads, so that a value it refuses (`08: 00: 00Z`) is
/// a difference here too.
fn date_like(s: &str) -> bool {
    fn digits(b: &mut &[u8], n: usize, max: u32) -> bool {
        let Some((head, rest)) = b.split_at_checked(n) else {
            return false;
        };
        let ok = head.iter().all(u8::is_ascii_digit)
            && head.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')) <= max;
        *b = rest;
        ok
    }
    fn byte(b: &mut &[u8], any: &[u8]) -> bool {
        match b.first() {
            Some(c) if any.contains(c) => {
                *b = &b[1..];
                true
            }
            _ => false,
        }
    }
    let mut b = s.as_bytes();
    let date = digits(&mut b, 4, 9999)
        && byte(&mut b, b"-")
        && digits(&mut b, 2, 12)
        && byte(&mut b, b"-")
        && digits(&mut b, 2, 31);
    if !date {
        return false;
    }
    if byte(&mut b, b"Tt ") {
        if !(digits(&mut b, 2, 23) && byte(&mut b, b":") && digits(&mut b, 2, 59)) {
            return false;
        }
        if byte(&mut b, b":") {
            if !digits(&mut b, 2, 60) {
                return false;
            }
            if byte(&mut b, b".") {
                let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
                if n == 0 {
                    return false;
                }
                b = &b[n..];
            }
        }
    }
    if byte(&mut b, b"Zz") {
        return b.is_empty();
    }
    if byte(&mut b, b"+-") {
        if !digits(&mut b, 2, 23) {
            return false;
        }
        byte(&mut b, b":");
        return digits(&mut b, 2, 59) && b.is_empty();
    }
    b.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars() {
        assert!(date_like("2016-12-21T21:13:24Z") && date_like("2017-05-30"));
        assert!(!date_like("June 24 2016"));
        assert!(date_like("2021-01-14T16:57:15.0966728Z") && date_like("2017-06-01T00:00:00"));
        assert!(date_like("2019-05-01 10:00") && date_like("2020-01-01T00:00:00-08:00"));
        // What the client's DateTime refuses: spaces in the time, a bad zone.
        assert!(!date_like("2015-11-24T08: 00: 00Z") && !date_like("2015-11-24T08:00:00 Z"));
        assert!(!date_like("2015-13-01") && !date_like("2015-11-24T08:00:00.Z"));
        assert!(scalar_fits(ValueType::Decimal, &json!(1.25)));
        assert!(!scalar_fits(ValueType::Int, &json!(1.25)));
        assert!(scalar_fits(ValueType::Decimal, &json!("14.4")));
        assert!(!scalar_fits(ValueType::Decimal, &json!("14,4")));
        assert!(!scalar_fits(ValueType::Decimal, &json!(" 1")));
    }
}
