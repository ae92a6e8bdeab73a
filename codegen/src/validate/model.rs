//! Models (objects and open enums) and the collection envelope.

use super::{At, Validator, error_at, same_ident};
use crate::diag::Diagnostic;
use crate::ident;
use crate::model::{
    Collection, Continuation, EnumValue, LinkShape, Model, ModelKind, Next, PathStep, Property,
    Type, ValueType,
};
use crate::spec::SourceFile;
use crate::spec::raw::{RawCollection, RawModel};
use crate::validate::Names;

impl Validator {
    pub(super) fn model(
        &mut self,
        file: &SourceFile,
        m: &RawModel,
        names: &Names<'_>,
    ) -> Option<Model> {
        let at = self.item(file, "models", "name", &m.name);
        let before = self.diagnostics.len();
        self.doc_ref(file, at, &m.doc, names.documents);
        self.non_empty(file, at, "description", &m.description);
        let rust = self.ident(file, at, ident::type_ident, &m.name);
        if let Some(rust) = &rust {
            if *rust != m.name {
                let message = format!(
                    "model `{}` must be written as a Rust type: `{rust}`",
                    m.name
                );
                self.error(file, at, message);
            } else {
                self.root_type(file, at, rust, &format!("model `{}`", m.name));
            }
        }
        let kind = match (
            m.properties.is_empty(),
            m.values.is_empty(),
            m.variants.is_empty(),
        ) {
            (false, true, true) => {
                let properties = self.properties(file, at, &m.properties, names, false);
                self.holds_itself(file, at, &m.name, &properties);
                ModelKind::Object(properties)
            }
            (true, false, true) => ModelKind::Enum(self.values(file, at, m)),
            (_, true, false) => ModelKind::Union(self.union(file, at, m, names)?),
            _ => {
                let message = "a model has `properties` (an object), `values` (an enum), or \
                               `variants` with the `properties` they share (one of several)";
                self.error(file, at, message.into());
                return None;
            }
        };
        if m.variants.is_empty() && (m.discriminator.is_some() || !m.chosen_by.is_empty()) {
            let key = if m.discriminator.is_some() {
                "discriminator"
            } else {
                "chosen_by"
            };
            let message = format!("`{key}` chooses among `variants`, and this model has none");
            self.field_error(file, at, key, message);
        }
        if let Some(base) = &m.extends
            && !names.is_object(base)
        {
            let message = format!("`{base}` is not an object model or a union of the spec");
            self.field_error(file, at, "extends", message);
        }
        if let Some(limit) = &m.rate_limit {
            if limit.requests == 0 {
                let message = "a rate limit of 0 requests would refuse every call".to_string();
                self.field_error(file, at, "requests", message);
            }
            self.non_empty(file, at, "scope", &limit.scope);
        }
        let contradictions = self.contradictions(file, at, &m.name, &[&m.doc], &m.contradictions);
        if self.diagnostics.len() != before {
            return None;
        }
        Some(Model {
            at: Self::location(file, at),
            name: m.name.clone(),
            area: self.area_of(file),
            doc: m.doc.clone(),
            origin: m.origin,
            heading: m.heading.clone().unwrap_or_else(|| m.name.clone()),
            description: m.description.clone(),
            kind,
            extends: m.extends.clone(),
            rate_limit: m.rate_limit.clone(),
            contradictions,
        })
    }

    fn values(&mut self, file: &SourceFile, at: At, m: &RawModel) -> Vec<EnumValue> {
        let mut out: Vec<EnumValue> = Vec::new();
        for v in &m.values {
            let vat = Self::field(file, at, "value", Some(&v.value));
            self.non_empty(file, vat, "description", &v.description);
            let Some(variant) = self.ident(file, vat, ident::type_ident, &v.value) else {
                continue;
            };
            if let Some(other) = out.iter().find(|x| x.variant == variant) {
                let message = same_ident("value", &v.value, &other.value, &variant);
                self.error(file, vat, message);
            }
            if variant == "Other" {
                let message = "the value `other` is reserved for values the documents do not name";
                self.error(file, vat, message.into());
            }
            out.push(EnumValue {
                at: Self::location(file, vat),
                value: v.value.clone(),
                variant,
                description: v.description.clone(),
            });
        }
        out
    }

    pub(super) fn collection(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &RawCollection,
        names: &Names<'_>,
        models: &[Model],
    ) -> Option<Collection> {
        let before = self.diagnostics.len();
        self.doc_ref(file, at, &raw.doc, names.documents);
        self.non_empty(file, at, "description", &raw.description);
        let rust = self.ident(file, at, ident::type_ident, &raw.name);
        if let Some(rust) = &rust {
            self.root_type(file, at, rust, &format!("collection `{}`", raw.name));
        }
        let properties = self.properties(file, at, &raw.properties, names, true);
        let items: Vec<&Property> = properties
            .iter()
            .filter(|p| p.ty == Type::Array(Box::new(Type::Item)))
            .collect();
        if items.len() != 1 || properties.iter().filter(|p| mentions_item(&p.ty)).count() != 1 {
            let message = "exactly one property of the collection has the type `[T]`: its items";
            self.field_error(file, at, "properties", message.into());
        }
        if !raw.relative_to.starts_with('/') || raw.relative_to.ends_with('/') {
            let message = format!(
                "`relative_to` is `{}`: a path that starts with `/` and does not end with one",
                raw.relative_to
            );
            self.field_error(file, at, "relative_to", message);
        }
        let next = match (&raw.next_link, &raw.next_uri) {
            (Some(path), None) => self
                .link(file, at, path, &properties, models)
                .map(|(steps, link)| Some(Next::Link(steps, Box::new(link)))),
            (None, Some(path)) => self.next_uri(file, at, path, &properties, models),
            (None, None) => Some(None),
            (Some(_), Some(_)) => {
                let message = "a page names its next by a link (`next_link`) or by a URI \
                               (`next_uri`), not both";
                self.field_error(file, at, "next_uri", message.into());
                None
            }
        };
        if raw.continuation.is_some() && raw.next_link.is_none() {
            let message = "a continuation token goes in a link's headers: it needs `next_link`";
            self.field_error(file, at, "continuation", message.into());
        }
        if let Some(total) = &raw.total
            && !properties
                .iter()
                .any(|p| &p.name == total && p.ty == Type::Scalar(ValueType::Int) && !p.optional)
        {
            let message =
                format!("`total` is `{total}`: not a required int property of the collection");
            self.field_error(file, at, "total", message);
        }
        let continuation = raw.continuation.as_ref().and_then(|c| {
            let cat = Self::field(file, at, "continuation", None);
            if c.header.is_empty() || !c.header.bytes().all(super::is_token_byte) {
                let message = format!("`{}` is not a valid HTTP header name", c.header);
                self.field_error(file, cat, "header", message);
            }
            let pair = c.query.split_once('=').filter(|(n, v)| {
                !n.is_empty()
                    && !v.is_empty()
                    && c.query.bytes().filter(|b| *b == b'=').count() == 1
                    && c.query
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-._~=".contains(&b))
            });
            if pair.is_none() {
                let message = format!(
                    "`query` is `{}`: one `name=value` pair of letters, digits and `-._~`",
                    c.query
                );
                self.field_error(file, cat, "query", message);
            }
            pair.map(|(name, value)| Continuation {
                header: c.header.clone(),
                query_name: name.into(),
                query_value: value.into(),
            })
        });
        if self.diagnostics.len() != before {
            return None;
        }
        let next = next?;
        Some(Collection {
            at: Self::location(file, at),
            name: raw.name.clone(),
            area: self.area_of(file),
            doc: raw.doc.clone(),
            origin: raw.origin,
            description: raw.description.clone(),
            items: items.first()?.name.clone(),
            next,
            relative_to: raw.relative_to.clone(),
            total: raw.total.clone(),
            continuation,
            properties,
        })
    }

    /// Follows `path` (`@nextLink`) from the collection's properties to the
    /// text that is the next page's URI.
    fn next_uri(
        &mut self,
        file: &SourceFile,
        at: At,
        path: &str,
        properties: &[Property],
        models: &[Model],
    ) -> Option<Option<Next>> {
        match walk(properties, path, models) {
            Ok((steps, ty)) if is_text(&ty) => Some(Some(Next::Uri(steps))),
            Ok(_) => {
                let message = format!("`{path}` is not text: a URI");
                self.field_error(file, at, "next_uri", message);
                None
            }
            Err(why) => {
                self.field_error(file, at, "next_uri", why);
                None
            }
        }
    }

    /// Follows `path` (`links.next`) from the collection's properties to the
    /// link model, which must have `uri`, `method` and `headers` (`key`, `value`).
    fn link(
        &mut self,
        file: &SourceFile,
        at: At,
        path: &str,
        properties: &[Property],
        models: &[Model],
    ) -> Option<(Vec<PathStep>, LinkShape)> {
        let error = |v: &mut Self, message: String| {
            v.field_error(file, at, "next_link", message);
            None
        };
        let (steps, ty) = match walk(properties, path, models) {
            Ok(found) => found,
            Err(why) => return error(self, why),
        };
        let Some(link) = object_of(&ty, models) else {
            return error(self, format!("`{path}` is not an object model"));
        };
        let text = |name: &str| find(link, name).filter(|p| is_text(&p.ty));
        let Some(uri) = text("uri") else {
            return error(
                self,
                format!("the link `{path}` has no text property `uri`"),
            );
        };
        let method = find(link, "method");
        if method.is_some_and(|m| !is_text(&m.ty)) {
            return error(
                self,
                format!("the `method` of the link `{path}` is not text"),
            );
        }
        let headers = find(link, "headers");
        let pair = headers.and_then(|h| match &h.ty {
            Type::Array(item) => object_of(item, models),
            _ => None,
        });
        let (key, value) = match (headers, pair) {
            (None, _) => return error(self, format!("the link `{path}` has no `headers`")),
            (Some(_), None) => {
                return error(
                    self,
                    format!("the `headers` of `{path}` are not a list of objects"),
                );
            }
            (Some(_), Some(pair)) => match (text_of(pair, "key"), text_of(pair, "value")) {
                (Some(k), Some(v)) => (k, v),
                _ => {
                    return error(
                        self,
                        format!("the headers of `{path}` need text properties `key` and `value`"),
                    );
                }
            },
        };
        let shape = LinkShape {
            uri: step(uri),
            method: method.map(step),
            headers: headers.map(step),
            key,
            value,
        };
        Some((steps, shape))
    }
}

/// Each rate limit is a constant of `rate_limits.rs` named after its model:
/// two models whose names give the same constant are an error.
pub(super) fn rate_limit_consts(models: &[Model]) -> Vec<Diagnostic> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut errors = Vec::new();
    for m in models.iter().filter(|m| m.rate_limit.is_some()) {
        let name = ident::rate_limit_const(&m.name);
        if let Some(other) = seen.insert(name.clone(), &m.name) {
            let message = format!(
                "the rate limits of `{other}` and `{}` would both be the constant `rate_limits::{name}`: rename one",
                m.name
            );
            errors.push(error_at(&m.at, message));
        }
    }
    errors
}

fn mentions_item(t: &Type) -> bool {
    match t {
        Type::Item => true,
        Type::Array(inner) | Type::Map(inner) | Type::Collection(_, inner) => mentions_item(inner),
        _ => false,
    }
}

fn step(p: &Property) -> PathStep {
    PathStep {
        name: p.name.clone(),
        rust_ident: p.rust_ident.clone(),
        optional: p.optional,
    }
}

fn find<'m>(properties: &'m [Property], name: &str) -> Option<&'m Property> {
    properties.iter().find(|p| p.name == name)
}

fn is_text(t: &Type) -> bool {
    matches!(t, Type::Scalar(ValueType::String | ValueType::Uri))
}

fn text_of(properties: &[Property], name: &str) -> Option<PathStep> {
    find(properties, name).filter(|p| is_text(&p.ty)).map(step)
}

/// The properties of an object model.
pub(super) fn object_of<'m>(t: &Type, models: &'m [Model]) -> Option<&'m [Property]> {
    let Type::Model(name) = t else { return None };
    let m = models.iter().find(|m| &m.name == name)?;
    match &m.kind {
        ModelKind::Object(properties) => Some(properties),
        ModelKind::Enum(_) | ModelKind::Union(_) => None,
    }
}

/// Follows a dotted property path from `properties`: its steps and the type
/// it ends on.
pub(super) fn walk(
    properties: &[Property],
    path: &str,
    models: &[Model],
) -> Result<(Vec<PathStep>, Type), String> {
    let mut steps = Vec::new();
    let mut current = properties;
    let mut ty = None;
    for (i, name) in path.split('.').enumerate() {
        if i > 0 {
            current = ty
                .as_ref()
                .and_then(|t| object_of(t, models))
                .ok_or_else(|| {
                    format!("`{path}`: the property before `{name}` is not an object")
                })?;
        }
        let p = find(current, name)
            .ok_or_else(|| format!("`{path}`: there is no property `{name}`"))?;
        steps.push(step(p));
        ty = Some(p.ty.clone());
    }
    let ty = ty.ok_or_else(|| "the path is empty".to_string())?;
    Ok((steps, ty))
}
