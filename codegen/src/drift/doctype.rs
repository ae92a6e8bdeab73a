//! Whether a spec type is what a table's type cell says: the cell is read
//! by the documents layer ([`crate::docs::read_type`]), the one reader of
//! the tables' spellings, and compared here with the spec's type.

use crate::docs::{DocType, read_type, singular};
use crate::model::{Api, Encoding, ModelKind, Type, ValueType};

/// Whether the spec's `ty` is what the cell says: the same type, or one the
/// documents' type allows (a GUID, URI, date or enum is also a string, and
/// so is a filter sent as encoded JSON; a model is an object; an integer or
/// a decimal is a number; a model is named by its name or its heading).
pub(super) fn fits(api: &Api, cell: &str, ty: &Type, encoding: Encoding) -> bool {
    matches(api, &read_type(cell), ty, encoding)
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
        (DocType::String, Type::Model(m)) => is_enum(m) || encoding == Encoding::Json,
        (DocType::Guid, Type::Scalar(ValueType::Guid)) => true,
        (DocType::Int, Type::Scalar(ValueType::Int)) => true,
        (DocType::Number, Type::Scalar(ValueType::Int | ValueType::Decimal)) => true,
        (DocType::Unstated, _) => true,
        (DocType::Bool, Type::Scalar(ValueType::Bool)) => true,
        (DocType::Decimal, Type::Scalar(ValueType::Decimal)) => true,
        // The tables write `date` for full dates and times, and for dates alone.
        (
            DocType::DateTime | DocType::Date,
            Type::Scalar(ValueType::DateTime | ValueType::Date),
        ) => true,
        (DocType::Uri, Type::Scalar(ValueType::Uri)) => true,
        (DocType::Object, Type::Model(m)) => !is_enum(m),
        (DocType::Object | DocType::Map(_), Type::Json) => true,
        (DocType::Object, Type::Map(_)) => true,
        (DocType::Map(d), Type::Map(t)) => matches(api, d, t, encoding),
        // A cell names a model by its heading, which the spec's name may
        // not be (the `RenewsTo` of order-resources.md is `OrderRenewsTo`).
        (DocType::Named(n), Type::Model(m)) => {
            n.eq_ignore_ascii_case(m)
                || api
                    .model(m)
                    .is_some_and(|x| x.heading.eq_ignore_ascii_case(n))
        }
        (DocType::Array(d), Type::Array(t)) => {
            matches(api, d, t, encoding) || plural_heading(api, d, t)
        }
        _ => false,
    }
}

/// A list of a model whose heading is plural: the cell names it in the
/// singular after `list of`, which the reader takes as English (`list of
/// requiredProducts` names the `RequiredProducts` of promotion-resources.md).
/// Only in a list: a single `Property` is not the model headed `Properties`.
fn plural_heading(api: &Api, d: &DocType, t: &Type) -> bool {
    match (d, t) {
        (DocType::Named(n), Type::Model(m)) => api
            .model(m)
            .is_some_and(|x| singular(&x.heading).eq_ignore_ascii_case(n)),
        _ => false,
    }
}
