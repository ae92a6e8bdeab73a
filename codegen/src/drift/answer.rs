//! Which example responses are the operation's answer: the spec records
//! those that are not (another call's answer, a body that is not JSON, a
//! value not of its type). The client refuses each; the test server answers
//! another; the documents check compares another call's answer with its
//! own type.

use super::shape::type_text;
use crate::model::{Api, Contradiction, ModelKind, Operation, Type, ValueType};

/// The type the `index`-th example response of `op` on the page `file`
/// shows instead of the operation's, as the spec records it: a
/// contradiction of the example's body, on that page, whose document value
/// names a type of the spec (a model, a list of one or a collection of one,
/// e.g. `ResourceCollection<Sku>`). A page may show another call's answer
/// under an operation (a product where its SKUs are listed); the documents
/// check compares it with that type. The pages of one call (`also_on`)
/// number their examples each from 0: one page's record says nothing of
/// another's.
pub fn shown_instead(api: &Api, op: &Operation, file: &str, index: usize) -> Option<Type> {
    let element = format!("{}.response_examples[{index}].body", op.id);
    // The element may also record that the body is not strict JSON: the
    // contradiction that names a type is the one looked for.
    let types: Vec<Type> = api
        .models
        .iter()
        .flat_map(|m| {
            let model = Type::Model(m.name.clone());
            let collections = api
                .collections
                .iter()
                .map(|c| Type::Collection(c.name.clone(), Box::new(model.clone())));
            [model.clone(), Type::Array(Box::new(model.clone()))]
                .into_iter()
                .chain(collections.collect::<Vec<_>>())
        })
        .collect();
    op.recorded(file, &element)
        .filter_map(|c| c.document_value.as_deref())
        .find_map(|named| types.iter().find(|t| type_text(t) == named).cloned())
}

/// Whether the spec records that the `index`-th example response of `op`
/// on the page `file` (its body `body`) is not an answer the operation's
/// type reads: a body of another type ([`shown_instead`]), or one that
/// cannot be read as JSON at all, recorded with the reason the documents
/// check gives. The test server does not serve such an example, and the
/// client refuses it.
pub fn not_the_answer(api: &Api, op: &Operation, file: &str, index: usize, body: &str) -> bool {
    if shown_instead(api, op, file, index).is_some() {
        return true;
    }
    let Err(why) = crate::docs::parse_lenient(body) else {
        return false;
    };
    let element = format!("{}.response_examples[{index}].body", op.id);
    op.records(file, &element, Some(&why))
}

impl Operation {
    /// Whether the spec records a contradiction at `element` of an example
    /// of the page `file` (each page numbers its examples from 0), with
    /// `value` as what the page says there (any, for `None`).
    pub fn records(&self, file: &str, element: &str, value: Option<&str>) -> bool {
        self.recorded(file, element)
            .any(|c| value.is_none_or(|v| c.document_value.as_deref() == Some(v)))
    }

    /// The contradictions the spec records at `element` of an example of
    /// the page `file`.
    pub fn recorded<'a>(
        &'a self,
        file: &'a str,
        element: &'a str,
    ) -> impl Iterator<Item = &'a Contradiction> + 'a {
        self.contradictions
            .iter()
            .filter(move |c| c.element == element && c.page == file)
    }

    /// Whether the spec records that the `index`-th example response of the
    /// page `file` holds a value that is not of its type (a date-time with
    /// spaces in it), or leaves out a property the spec requires there (a
    /// contradiction of the example's body without a document value, at a
    /// path the operation's answer requires), or writes a number or a
    /// boolean where the spec reads text (a severity of 0 where an open enum
    /// is): the client refuses
    /// that example, and the test server answers another. A recorded key the
    /// spec does not have (a key in another case) is no such value: the
    /// client leaves it unread.
    pub fn refuses_response_example(&self, api: &Api, file: &str, index: usize) -> bool {
        let prefix = format!("{}.response_examples[{index}].body.", self.id);
        // A property whose type reads its text strictly (a date, a number,
        // a GUID): an open enum or a string takes any text.
        let strict = |ty: &Type| matches!(ty, Type::Scalar(s) if *s != ValueType::String);
        let known = |name: &str| {
            api.models.iter().any(|m| match &m.kind {
                ModelKind::Object(properties) => {
                    properties.iter().any(|p| p.name == name && strict(&p.ty))
                }
                _ => false,
            })
        };
        let answers = || self.responses.iter().filter_map(|r| r.body.as_ref());
        self.contradictions.iter().any(|c| {
            let Some(path) = c.element.strip_prefix(&prefix) else {
                return false;
            };
            let last = path.rsplit('.').next().map(|l| l.trim_end_matches("[]"));
            c.page == file
                && match c.document_value.as_deref() {
                    Some(v) => {
                        (v.starts_with('"') && last.is_some_and(known))
                            || (number_or_bool(v)
                                && answers().any(|ty| reads_text_only(api, ty, path)))
                    }
                    None => answers().any(|ty| requires(api, ty, path)),
                }
        })
    }
}

/// Whether a body of type `ty` must hold the property at `path` (its names
/// joined by dots, `[]` after a list's): each step is a property the spec
/// requires, so that a body without it is not of the type.
fn requires(api: &Api, ty: &Type, path: &str) -> bool {
    property_at(api, ty, path).is_some_and(|(_, required)| required)
}

/// Whether the property at `path` of a body of type `ty` reads only JSON
/// text (a string, a GUID, a date, a URI, an open enum), so that a number
/// or a boolean there is not of its type.
fn reads_text_only(api: &Api, ty: &Type, path: &str) -> bool {
    match property_at(api, ty, path).map(|(ty, _)| ty) {
        Some(Type::Scalar(s)) => matches!(
            s,
            ValueType::String
                | ValueType::Guid
                | ValueType::DateTime
                | ValueType::Date
                | ValueType::Uri
        ),
        Some(Type::Model(name)) => api
            .models
            .iter()
            .any(|m| m.name == name && matches!(m.kind, ModelKind::Enum(_))),
        _ => false,
    }
}

/// Whether a document value is a JSON number or boolean as the documents
/// check writes it (`0`, `1.5`, `true`): not text, not null.
fn number_or_bool(value: &str) -> bool {
    value == "true" || value == "false" || value.parse::<f64>().is_ok_and(f64::is_finite)
}

/// The type of the property at `path` of a body of type `ty` (an array's
/// item type for a list), and whether each step to it is a property the
/// spec requires; `None` where a step is no property of the spec.
fn property_at(api: &Api, ty: &Type, path: &str) -> Option<(Type, bool)> {
    let mut ty = ty.clone();
    let mut item: Option<Type> = None;
    let mut required = true;
    for step in path.split('.') {
        let name = step.trim_end_matches("[]");
        let properties = match &ty {
            Type::Collection(name, of) => {
                item = Some((**of).clone());
                api.collections
                    .iter()
                    .find(|c| &c.name == name)
                    .map(|c| &c.properties)
            }
            Type::Model(name) => api
                .models
                .iter()
                .find(|m| &m.name == name)
                .and_then(|m| match &m.kind {
                    ModelKind::Object(properties) => Some(properties),
                    _ => None,
                }),
            _ => None,
        };
        let property = properties.and_then(|ps| ps.iter().find(|p| p.name == name))?;
        required &= !property.optional;
        ty = match &property.ty {
            Type::Array(of) => (**of).clone(),
            other => other.clone(),
        };
        if matches!(ty, Type::Item) {
            ty = item.clone()?;
        }
    }
    Some((ty, required))
}
