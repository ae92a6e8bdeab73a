//! The types the documents' tables write ("string", "array of ServicePlan
//! resources", "string in UTC date time format", a model's name) and whether
//! a spec type is one of them.

use crate::model::{Api, Encoding, ModelKind, Type, ValueType};

/// A type cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DocType {
    String,
    Guid,
    Int,
    /// `number`: a JSON number, whole or not (a count, an amount of money).
    Number,
    Bool,
    Decimal,
    DateTime,
    Object,
    /// `Dictionary<string, T>`: an object of any keys.
    Map(Box<DocType>),
    /// A JSON filter (a query parameter).
    Filter,
    Array(Box<DocType>),
    /// A model, by the name the cell gives.
    Named(String),
}

fn read(cell: &str) -> DocType {
    let cell = cell.trim();
    let lower = cell.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("array of ")
        .or_else(|| lower.strip_prefix("list of "))
        .or_else(|| lower.strip_prefix("collection of "));
    if let Some(rest) = rest {
        let item = &cell[cell.len() - rest.len()..];
        return DocType::Array(Box::new(read(&singular(item))));
    }
    if let Some(item) = cell.strip_suffix("[]") {
        return DocType::Array(Box::new(read(item)));
    }
    // `lower` is `cell` with ASCII letters lowered: the same byte offsets.
    if lower.starts_with("dictionary<") && cell.ends_with('>') {
        let inner = &cell["dictionary<".len()..cell.len() - 1];
        if let Some((key, value)) = inner.split_once(',')
            && key.trim().eq_ignore_ascii_case("string")
        {
            return DocType::Map(Box::new(read(value)));
        }
    }
    match lower.as_str() {
        "string" | "str" => DocType::String,
        "guid" | "uuid" => DocType::Guid,
        "int" | "integer" | "long" | "nullable int" | "int32" | "int64" => DocType::Int,
        "number" => DocType::Number,
        "bool" | "boolean" => DocType::Bool,
        "decimal" | "double" | "float" | "money" => DocType::Decimal,
        "date"
        | "datetime"
        | "date-time"
        | "string in utc date time format"
        | "string in utc date-time format" => DocType::DateTime,
        "object" => DocType::Object,
        "filter" => DocType::Filter,
        // `InvoiceSummary object`, `ResourceLinks resource`: the model.
        _ => DocType::Named(singular_model(cell)),
    }
}

/// A model's name, as a cell writes one model: without a trailing
/// ` object` or ` resource`.
fn singular_model(cell: &str) -> String {
    let name = cell
        .strip_suffix(" object")
        .or_else(|| cell.strip_suffix(" resource"))
        .unwrap_or(cell);
    name.trim().to_string()
}

/// `strings` -> `string`, `ServicePlan resources` -> `ServicePlan`,
/// `KeyValuePairs` -> `KeyValuePair`.
fn singular(item: &str) -> String {
    let item = item
        .trim()
        .trim_end_matches(" resources")
        .trim_end_matches(" objects")
        .trim();
    if item.eq_ignore_ascii_case("objects") {
        return "object".into();
    }
    match item.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('s') => stem.to_string(),
        _ => item.to_string(),
    }
}

/// Whether the spec's `ty` is what the cell says: the same type, or one the
/// documents' type allows (a GUID, URI, date or enum is also a string; a
/// model is an object).
pub(super) fn fits(api: &Api, cell: &str, ty: &Type, encoding: Encoding) -> bool {
    matches(api, &read(cell), ty, encoding)
}

fn matches(api: &Api, doc: &DocType, ty: &Type, encoding: Encoding) -> bool {
    let is_enum = |name: &str| {
        api.model(name)
            .is_some_and(|m| matches!(m.kind, ModelKind::Enum(_)))
    };
    match (doc, ty) {
        (DocType::Filter, Type::Model(_)) => encoding == Encoding::Json,
        (DocType::String, Type::Scalar(s)) => matches!(
            s,
            ValueType::String | ValueType::Guid | ValueType::Uri | ValueType::DateTime
        ),
        (DocType::String, Type::Model(m)) => is_enum(m),
        (DocType::Guid, Type::Scalar(ValueType::Guid)) => true,
        (DocType::Int, Type::Scalar(ValueType::Int)) => true,
        (DocType::Number, Type::Scalar(ValueType::Int | ValueType::Decimal)) => true,
        (DocType::Bool, Type::Scalar(ValueType::Bool)) => true,
        (DocType::Decimal, Type::Scalar(ValueType::Decimal)) => true,
        (DocType::DateTime, Type::Scalar(ValueType::DateTime | ValueType::Date)) => true,
        (DocType::Object, Type::Model(m)) => !is_enum(m),
        (DocType::Object | DocType::Map(_), Type::Json) => true,
        (DocType::Object, Type::Map(_)) => true,
        (DocType::Map(d), Type::Map(t)) => matches(api, d, t, encoding),
        (DocType::Named(n), Type::Model(m)) => n.eq_ignore_ascii_case(m),
        (DocType::Array(d), Type::Array(t)) => matches(api, d, t, encoding),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_the_documents_write() {
        assert_eq!(
            read("array of strings"),
            DocType::Array(Box::new(DocType::String))
        );
        assert_eq!(
            read("array of ServicePlan resources"),
            DocType::Array(Box::new(DocType::Named("ServicePlan".into())))
        );
        assert_eq!(
            read("Array of KeyValuePairs"),
            DocType::Array(Box::new(DocType::Named("KeyValuePair".into())))
        );
        assert_eq!(
            read("array of objects"),
            DocType::Array(Box::new(DocType::Object))
        );
        assert_eq!(read("string in UTC date time format"), DocType::DateTime);
        assert_eq!(read("nullable int"), DocType::Int);
        assert_eq!(read("number"), DocType::Number);
        assert_eq!(read("string in UTC date-time format"), DocType::DateTime);
        assert_eq!(
            read("InvoiceSummary object"),
            DocType::Named("InvoiceSummary".into())
        );
        assert_eq!(
            read("Dictionary<string, object>"),
            DocType::Map(Box::new(DocType::Object))
        );
        assert_eq!(
            read("Dictionary<string, decimal>"),
            DocType::Map(Box::new(DocType::Decimal))
        );
        assert_eq!(read("GUID"), DocType::Guid);
        assert_eq!(read("String"), DocType::String);
        assert_eq!(
            read("CustomerCompanyProfile"),
            DocType::Named("CustomerCompanyProfile".into())
        );
    }
}
