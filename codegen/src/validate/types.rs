//! Type expressions (`string`, `[Customer]`, `ResourceCollection<User>`) and
//! the property lists of models and bodies.

use std::collections::BTreeMap;

use super::{At, Validator, same_ident};
use crate::ident;
use crate::model::{Cloud, Direction, Document, Header, Origin, Property, Type, ValueType};
use crate::spec::Loaded;
use crate::spec::SourceFile;
use crate::spec::raw::RawProperty;

/// What the spec defines, by name, for resolving references before the
/// items themselves are checked.
pub(crate) struct Names<'a> {
    pub documents: &'a [Document],
    pub headers: &'a [Header],
    pub clouds: &'a [Cloud],
    /// Model name to whether it is an enum.
    models: BTreeMap<&'a str, bool>,
    collections: Vec<&'a str>,
}

impl<'a> Names<'a> {
    pub fn new(
        loaded: &'a Loaded,
        documents: &'a [Document],
        headers: &'a [Header],
        clouds: &'a [Cloud],
    ) -> Self {
        let parts = || loaded.parts.iter();
        Names {
            documents,
            headers,
            clouds,
            models: parts()
                .flat_map(|p| &p.models)
                .map(|m| (m.name.as_str(), !m.values.is_empty()))
                .collect(),
            collections: parts()
                .flat_map(|p| &p.collections)
                .map(|c| c.name.as_str())
                .collect(),
        }
    }

    /// The header of the spec with this name and direction (without case).
    pub fn header(&self, direction: Direction, name: &str) -> Option<&'a Header> {
        self.headers
            .iter()
            .find(|h| h.direction == direction && h.name.eq_ignore_ascii_case(name))
    }

    /// Whether `name` is a model that is an open enum.
    pub fn is_enum(&self, name: &str) -> bool {
        self.models.get(name).copied().unwrap_or(false)
    }

    /// Whether `name` is a model that is not an open enum (an object or a union).
    pub fn is_object(&self, name: &str) -> bool {
        self.models.get(name) == Some(&false)
    }
}

/// Which forms a type expression may take where it is written.
#[derive(Clone, Copy, Default)]
pub(super) struct Allow {
    /// `Collection<T>`: only a response body.
    pub collection: bool,
    /// `T`, the collection's item: only in the collection's properties.
    pub item: bool,
}

/// The spec's words for the scalar types.
pub(crate) const SCALARS: [(&str, ValueType); 8] = [
    ("string", ValueType::String),
    ("guid", ValueType::Guid),
    ("int", ValueType::Int),
    ("bool", ValueType::Bool),
    ("decimal", ValueType::Decimal),
    ("date-time", ValueType::DateTime),
    ("date", ValueType::Date),
    ("uri", ValueType::Uri),
];

fn parse(text: &str, names: &Names<'_>, allow: Allow) -> Result<Type, String> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return match parse(inner, names, allow)? {
            Type::Collection(..) => Err("a collection cannot be an array item".into()),
            item => Ok(Type::Array(Box::new(item))),
        };
    }
    if let Some(inner) = text.strip_prefix("map<").and_then(|t| t.strip_suffix('>')) {
        return match parse(inner, names, Allow::default())? {
            Type::Collection(..) => Err("a collection cannot be a map's value".into()),
            value => Ok(Type::Map(Box::new(value))),
        };
    }
    if text == "json" {
        return Ok(Type::Json);
    }
    if text == "binary" {
        return match allow.collection {
            true => Ok(Type::Binary),
            false => Err("`binary` (a file) can only be a response body".into()),
        };
    }
    if let Some((outer, inner)) = text.strip_suffix('>').and_then(|t| t.split_once('<')) {
        let outer = outer.trim();
        if !names.collections.contains(&outer) {
            return Err(format!(
                "`{outer}<...>` is not a collection of the spec{}",
                match names.collections.as_slice() {
                    [] => String::new(),
                    known => format!(" ({})", known.join(", ")),
                }
            ));
        }
        if !allow.collection {
            return Err("a collection can only be a response body".into());
        }
        let item = parse(inner, names, Allow::default())?;
        return Ok(Type::Collection(outer.to_string(), Box::new(item)));
    }
    if let Some((_, t)) = SCALARS.iter().find(|(word, _)| *word == text) {
        return Ok(Type::Scalar(*t));
    }
    if text == "T" && allow.item {
        return Ok(Type::Item);
    }
    if names.models.contains_key(text) {
        return Ok(Type::Model(text.to_string()));
    }
    let words: Vec<&str> = SCALARS.iter().map(|(w, _)| *w).collect();
    Err(format!(
        "unknown type `{text}`: expected a scalar ({}), `json`, a model of the spec, `[T]` or `map<T>`",
        words.join(", ")
    ))
}

impl Validator {
    /// The type written at the `key:` field of the item at `at`.
    pub(super) fn ty(
        &mut self,
        file: &SourceFile,
        at: At,
        key: &str,
        text: &str,
        names: &Names<'_>,
        allow: Allow,
    ) -> Option<Type> {
        match parse(text, names, allow) {
            Ok(t) => Some(t),
            Err(message) => {
                self.field_error(file, at, key, message);
                None
            }
        }
    }

    /// A model may hold itself only where it may be left out (an item type's
    /// optional `subType`): a required one would never end.
    pub(super) fn holds_itself(
        &mut self,
        file: &SourceFile,
        at: At,
        model: &str,
        properties: &[Property],
    ) {
        for p in properties.iter().filter(|p| !p.optional) {
            if matches!(&p.ty, Type::Model(name) if name == model) {
                let pat = Self::field(file, at, "name", Some(&p.name));
                let message = format!(
                    "`{model}` holds itself in `{}`, which is required: make it optional",
                    p.name
                );
                self.error(file, pat, message);
            }
        }
    }

    /// The properties of a model or body, located after `at`.
    pub(super) fn properties(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &[RawProperty],
        names: &Names<'_>,
        item: bool,
    ) -> Vec<Property> {
        let mut out: Vec<Property> = Vec::new();
        for p in raw {
            let pat = Self::field(file, at, "name", Some(&p.name));
            self.non_empty(file, pat, "description", &p.description);
            if p.name.is_empty() {
                self.error(file, pat, "a property needs a name".into());
            }
            if out.iter().any(|x| x.name == p.name) {
                self.error(file, pat, format!("property `{}` is listed twice", p.name));
            }
            if p.origin == Origin::Prose {
                self.field_error(
                    file,
                    pat,
                    "origin",
                    "a property comes from a table or an example, not from prose".into(),
                );
            }
            let allow = Allow {
                collection: false,
                item,
            };
            let ty = self.ty(file, pat, "type", &p.ty, names, allow);
            let wanted = p.rust_name.as_deref().unwrap_or(&p.name);
            let rat = match &p.rust_name {
                Some(r) => Self::field(file, pat, "rust_name", Some(r)),
                None => pat,
            };
            let rust_ident = self.ident(file, rat, ident::snake_ident, wanted);
            let (Some(ty), Some(rust_ident)) = (ty, rust_ident) else {
                continue;
            };
            if let Some(other) = out.iter().find(|x| x.rust_ident == rust_ident) {
                let message = same_ident("property", &p.name, &other.name, &rust_ident);
                self.error(file, pat, message);
            }
            out.push(Property {
                inherited: false,
                at: Self::location(file, pat),
                name: p.name.clone(),
                documented_as: p.documented_as.clone(),
                rust_ident,
                ty,
                optional: p.optional,
                origin: p.origin,
                description: p.description.clone(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names<'static> {
        Names {
            documents: &[],
            headers: &[],
            clouds: &[],
            models: [("Customer", false), ("State", true)].into_iter().collect(),
            collections: vec!["ResourceCollection"],
        }
    }

    #[test]
    fn type_expressions() {
        let n = names();
        let any = Allow {
            collection: true,
            item: true,
        };
        assert_eq!(
            parse("[string]", &n, any),
            Ok(Type::Array(Box::new(Type::Scalar(ValueType::String))))
        );
        assert_eq!(
            parse("ResourceCollection<Customer>", &n, any),
            Ok(Type::Collection(
                "ResourceCollection".into(),
                Box::new(Type::Model("Customer".into()))
            ))
        );
        assert_eq!(
            parse("date-time", &n, any),
            Ok(Type::Scalar(ValueType::DateTime))
        );
        assert!(parse("ResourceCollection<Customer>", &n, Allow::default()).is_err());
        assert!(parse("Page<Customer>", &n, any).is_err());
        assert!(parse("[ResourceCollection<Customer>]", &n, any).is_err());
        assert!(parse("T", &n, Allow::default()).is_err());
        assert_eq!(parse("date", &n, any), Ok(Type::Scalar(ValueType::Date)));
        assert_eq!(parse("json", &n, any), Ok(Type::Json));
        assert_eq!(
            parse("map<[decimal]>", &n, any),
            Ok(Type::Map(Box::new(Type::Array(Box::new(Type::Scalar(
                ValueType::Decimal
            ))))))
        );
        assert!(parse("map<ResourceCollection<Customer>>", &n, any).is_err());
        assert!(
            parse("Customers", &n, any)
                .unwrap_err()
                .contains("unknown type")
        );
    }
}
