//! From the documents' spellings of a type to the spec's words: a table's
//! cell is read by the documents layer ([`read_type`], the one table of
//! rules), and each shape is written as the spec writes it (`guid`,
//! `[Customer]`, `map<string>`, `json`); a model is resolved to a table of
//! the resource pages. A JSON value of an example gives a type too, for the
//! models only the examples show.

use serde_json::Value;

use super::Importer;
use super::library::slug;
use crate::docs::{DocType, is_placeholder, read_type, uuid_like};

/// A type in the spec's words, and why a person must look at it, if they must.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Typed {
    pub ty: String,
    pub why: Option<String>,
}

impl From<String> for Typed {
    fn from(ty: String) -> Typed {
        Typed { ty, why: None }
    }
}

impl Typed {
    fn sure(ty: impl Into<String>) -> Typed {
        Typed {
            ty: ty.into(),
            why: None,
        }
    }

    fn unsure(ty: impl Into<String>, why: String) -> Typed {
        Typed {
            ty: ty.into(),
            why: Some(why),
        }
    }

    fn map(self, f: impl FnOnce(String) -> String) -> Typed {
        Typed {
            ty: f(self.ty),
            why: self.why,
        }
    }
}

/// The spec's type for a table's type cell of the page `file`; `links` are
/// the row's link targets, where the models it names are defined.
pub(super) fn of_cell(im: &mut Importer<'_>, cell: &str, links: &[String], file: &str) -> Typed {
    of_doc(im, &read_type(cell), links, file)
}

fn of_doc(im: &mut Importer<'_>, doc: &DocType, links: &[String], file: &str) -> Typed {
    match doc {
        DocType::String => Typed::sure("string"),
        DocType::Guid => Typed::sure("guid"),
        DocType::Int => Typed::sure("int"),
        DocType::Number => Typed::unsure(
            "int",
            "`number`: `decimal` if the examples hold fractions".into(),
        ),
        DocType::Bool => Typed::sure("bool"),
        DocType::Decimal => Typed::sure("decimal"),
        DocType::DateTime => Typed::sure("date-time"),
        DocType::Date => Typed::sure("date"),
        DocType::Uri => Typed::sure("uri"),
        DocType::Filter => Typed::unsure(
            "json",
            "a filter: the model of its JSON, or free JSON".into(),
        ),
        // An object the row links to is that model; otherwise free JSON.
        DocType::Object => links
            .iter()
            .find_map(|l| im.library.resolve(file, l))
            .map_or_else(|| Typed::sure("json"), |t| Typed::sure(im.model_of(t))),
        // Items the cell does not type: the model the row links to, if any.
        DocType::Unstated => of_doc(im, &DocType::Object, links, file),
        DocType::Array(item) => of_doc(im, item, links, file).map(|t| format!("[{t}]")),
        DocType::Map(value) if **value == DocType::Object => Typed::sure("json"),
        DocType::Map(value) => of_doc(im, value, links, file).map(|t| format!("map<{t}>")),
        DocType::Named(name) => named(im, name, links, file),
        DocType::Unknown(text) => Typed::unsure(
            "json",
            format!("the type `{text}` is no spelling the importer knows: write the spec's type"),
        ),
    }
}

/// A model by name: the row's link to it, else the heading of that name on
/// the page or the resource pages.
pub(super) fn named(im: &mut Importer<'_>, name: &str, links: &[String], file: &str) -> Typed {
    let anchor = slug(name);
    let linked = links
        .iter()
        .filter(|l| {
            l.split_once('#')
                .is_some_and(|(_, a)| a.eq_ignore_ascii_case(&anchor))
        })
        .chain(links.iter().filter(|_| links.len() == 1))
        .find_map(|l| im.library.resolve(file, l));
    let found = linked.or_else(|| im.library.find(file, name));
    match found {
        Some(table) => Typed::sure(im.model_of(table)),
        None if im.known.models.iter().any(|m| m == name) || im.has_model(name) => {
            Typed::sure(name)
        }
        None => Typed::unsure(
            name,
            format!(
                "`{name}` is defined by no table of the resource pages: define the model, or write another type"
            ),
        ),
    }
}

/// The spec's type for a value of an example, under the key `key`.
pub(super) fn of_value(
    im: &mut Importer<'_>,
    key: &str,
    value: &Value,
    file: &str,
    line: usize,
) -> Typed {
    match value {
        Value::Null => Typed::unsure(
            "string",
            format!("the example shows `{key}` as null only: its type"),
        ),
        Value::Bool(_) => Typed::sure("bool"),
        Value::Number(n) if n.is_i64() || n.is_u64() => Typed::sure("int"),
        Value::Number(_) => Typed::sure("decimal"),
        Value::String(s) if is_date_time(s) => Typed::sure("date-time"),
        Value::String(s) if uuid_like(s) || is_placeholder(s) => Typed::sure("string"),
        Value::String(_) => Typed::sure("string"),
        Value::Array(items) => match items.first() {
            Some(item) => of_value(im, key, item, file, line).map(|t| format!("[{t}]")),
            None => Typed::unsure(
                "[json]",
                format!("the example's `{key}` is an empty array: the type of its items"),
            ),
        },
        Value::Object(_) => match object_type(value) {
            Some(name) => model_by_name(im, name, value, file, line),
            None => by_key(im, key, file),
        },
    }
}

/// The `attributes.objectType` of an example object, its keys without
/// case (request examples write `Attributes.ObjectType`).
pub(super) fn object_type(value: &Value) -> Option<&str> {
    let attributes = value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("attributes"))?
        .1;
    attributes
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("objectType"))?
        .1
        .as_str()
}

/// The model an example's `attributes.objectType` names: its table, or a
/// model drafted from the example when no page defines it.
pub(super) fn model_by_name(
    im: &mut Importer<'_>,
    name: &str,
    value: &Value,
    file: &str,
    line: usize,
) -> Typed {
    match im.library.find(file, name) {
        Some(table) => Typed::sure(im.model_of(table)),
        None if im.has_model(name) => Typed::sure(name),
        None => Typed::sure(im.model_from_example(name, value, file, line)),
    }
}

/// An object without an object type: the model of the key's name, or the
/// attributes and links every resource has.
fn by_key(im: &mut Importer<'_>, key: &str, file: &str) -> Typed {
    let mut upper = key.chars();
    let pascal: String = upper
        .next()
        .map(|c| c.to_uppercase().chain(upper).collect())
        .unwrap_or_default();
    let one = crate::docs::singular(&pascal);
    let candidates = [pascal.clone(), one, format!("Resource{pascal}")];
    for name in candidates {
        if let Some(table) = im.library.find(file, &name) {
            return Typed::sure(im.model_of(table));
        }
    }
    Typed::unsure(
        "json",
        format!("the example's `{key}` is an object no table defines: its model, or free JSON"),
    )
}

/// `2015-11-23T18:20:43Z`, with or without a zone or fraction.
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b' ')
        && b[13] == b':'
}

/// Whether a JSON value is of the spec's type `ty`, as far as its kind
/// shows: a table that says `int` where its example has text disagrees.
pub(super) fn kind_fits(ty: &str, value: &Value) -> bool {
    match (ty, value) {
        (_, Value::Null) => true,
        (_, Value::String(s)) if is_placeholder(s) => true,
        ("string" | "guid" | "date-time" | "date" | "uri", v) => v.is_string(),
        ("int", v) => v.is_i64() || v.is_u64(),
        ("decimal", v) => v.is_number(),
        ("bool", v) => v.is_boolean(),
        ("json", _) => true,
        (t, v) if t.starts_with('[') => v.is_array(),
        (t, v) if t.starts_with("map<") => v.is_object(),
        (_, v) => v.is_object() || v.is_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_example_values() {
        assert!(kind_fits("int", &serde_json::json!(3)));
        assert!(!kind_fits("int", &serde_json::json!("3")));
        assert!(kind_fits("int", &serde_json::json!("<quantity>")));
        assert!(kind_fits("[string]", &serde_json::json!([])));
        assert!(!kind_fits("bool", &serde_json::json!({})));
        assert!(is_date_time("2015-11-23T18:20:43.123Z"));
        assert!(!is_date_time("2015-11-23"));
    }
}
