//! Models that are one of several: a union's variants and what chooses
//! them, the properties a model takes from the one it extends, and the
//! operations that answer a union the request chooses.

use std::collections::BTreeSet;

use super::{At, Names, Validator, error_at};
use crate::diag::Diagnostic;
use crate::model::{ChosenBy, Model, ModelKind, Operation, Type, Union, ValueType, Variant};
use crate::spec::SourceFile;
use crate::spec::raw::RawModel;

impl Validator {
    /// The union of `m`: the properties its variants share, what chooses
    /// the variant, and each variant.
    pub(super) fn union(
        &mut self,
        file: &SourceFile,
        at: At,
        m: &RawModel,
        names: &Names<'_>,
    ) -> Option<Union> {
        let base = self.properties(file, at, &m.properties, names, false);
        let by = match (&m.discriminator, m.chosen_by.as_slice()) {
            (Some(field), []) => {
                let found = base.iter().find(|p| &p.name == field);
                let text = found.is_some_and(|p| match &p.ty {
                    Type::Scalar(ValueType::String) => true,
                    Type::Model(name) => names.is_enum(name),
                    _ => false,
                });
                if !text {
                    let message = format!(
                        "the discriminator `{field}` is not a text or enum property of `{}`",
                        m.name
                    );
                    self.field_error(file, at, "discriminator", message);
                }
                ChosenBy::Field(field.clone())
            }
            (None, [_, ..]) => {
                let unique: BTreeSet<String> =
                    m.chosen_by.iter().map(|n| n.to_ascii_lowercase()).collect();
                if unique.len() != m.chosen_by.len() {
                    let message = "a parameter is named twice in `chosen_by`".to_string();
                    self.field_error(file, at, "chosen_by", message);
                }
                ChosenBy::Request(m.chosen_by.clone())
            }
            _ => {
                let message = "a union is chosen by a field of the body (`discriminator`) or \
                               by the request (`chosen_by`): one of them";
                self.error(file, at, message.into());
                return None;
            }
        };
        let mut variants: Vec<Variant> = Vec::new();
        for v in &m.variants {
            let vat = Self::field(file, at, "model", Some(&v.model));
            if !names.is_object(&v.model) {
                let message = format!("`{}` is not an object model of the spec", v.model);
                self.error(file, vat, message);
            }
            if v.model == "Other" {
                self.error(file, vat, "`Other` holds the kinds no variant names".into());
            }
            if variants.iter().any(|x| x.model == v.model) {
                self.error(file, vat, format!("`{}` is a variant twice", v.model));
            }
            let when: Vec<(String, String)> =
                v.when.iter().map(|(n, v)| (n.clone(), v.clone())).collect();
            match &by {
                ChosenBy::Field(field) => {
                    let value = v.value.clone().unwrap_or_default();
                    if value.is_empty() || !when.is_empty() {
                        let message = format!(
                            "a variant names the value of `{field}` that chooses it (`value`), and no `when`"
                        );
                        self.error(file, vat, message);
                    } else if variants.iter().any(|x| {
                        x.value
                            .as_deref()
                            .is_some_and(|y| y.eq_ignore_ascii_case(&value))
                    }) {
                        let message = format!("the value `{value}` chooses two variants");
                        self.error(file, vat, message);
                    }
                }
                ChosenBy::Request(params) => {
                    let keys: BTreeSet<String> =
                        when.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
                    let wanted: BTreeSet<String> =
                        params.iter().map(|n| n.to_ascii_lowercase()).collect();
                    if v.value.is_some() || keys != wanted || when.iter().any(|(_, v)| v.is_empty())
                    {
                        let message = format!(
                            "a variant gives the value of each of {} that chooses it (`when`), and no `value`",
                            params.join(", ")
                        );
                        self.error(file, vat, message);
                    } else if variants.iter().any(|x| same_values(&x.when, &when)) {
                        self.error(file, vat, "these values choose two variants".into());
                    }
                }
            }
            variants.push(Variant {
                at: Self::location(file, vat),
                model: v.model.clone(),
                value: v.value.clone(),
                when,
            });
        }
        Some(Union { base, by, variants })
    }
}

fn same_values(a: &[(String, String)], b: &[(String, String)]) -> bool {
    a.len() == b.len()
        && a.iter().all(|(n, v)| {
            b.iter()
                .any(|(m, w)| m.eq_ignore_ascii_case(n) && w.eq_ignore_ascii_case(v))
        })
}

/// Each model that extends another starts with that one's properties,
/// marked as inherited (compared with that model's table, not its own).
pub(super) fn inherit(models: &mut [Model]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let bases: Vec<(String, Option<String>, Vec<crate::model::Property>)> = models
        .iter()
        .map(|m| {
            let properties = match &m.kind {
                ModelKind::Object(p) => p.clone(),
                ModelKind::Union(u) => u.base.clone(),
                ModelKind::Enum(_) => Vec::new(),
            };
            (m.name.clone(), m.extends.clone(), properties)
        })
        .collect();
    for m in models.iter_mut() {
        let Some(base) = &m.extends else { continue };
        let Some((_, further, inherited)) = bases.iter().find(|(name, _, _)| name == base) else {
            continue;
        };
        if further.is_some() {
            let message = format!("`{base}` extends a model itself: one level only");
            errors.push(error_at(&m.at, message));
            continue;
        }
        let ModelKind::Object(own) = &mut m.kind else {
            let message = "only an object model extends another".to_string();
            errors.push(error_at(&m.at, message));
            continue;
        };
        for p in own.iter() {
            if inherited
                .iter()
                .any(|q| q.name == p.name || q.rust_ident == p.rust_ident)
            {
                let message = format!(
                    "`{}` is also a property of `{base}`, which this extends",
                    p.name
                );
                errors.push(error_at(&p.at, message));
            }
        }
        let mut all: Vec<_> = inherited
            .iter()
            .cloned()
            .map(|mut p| {
                p.inherited = true;
                p
            })
            .collect();
        all.append(own);
        *own = all;
    }
    errors
}

/// An operation that answers a union the request chooses has each of the
/// parameters that choose it, as a required argument of its method (named
/// as on the wire or as the page's table names it: one operation may send
/// it in the query, another in the path); it is told which union it answers.
pub(super) fn choosers(operations: &mut [Operation], models: &[Model]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for o in operations.iter_mut() {
        let mut choice = None;
        for r in &o.responses {
            let Some(union) = r.body.as_ref().and_then(|t| chosen_by_request(t, models)) else {
                continue;
            };
            let (name, params) = union;
            choice = Some((name.to_string(), params.to_vec()));
            for wanted in params {
                let given = o
                    .path_params
                    .iter()
                    .chain(&o.query)
                    .any(|p| p.required && p.chooses(wanted));
                if !given {
                    let message = format!(
                        "operation `{}` answers `{name}`, which the parameter `{wanted}` chooses: it has no such required parameter",
                        o.id
                    );
                    errors.push(error_at(&r.at, message));
                }
            }
        }
        o.choice = choice;
    }
    errors
}

/// The union chosen by the request that a response of type `t` holds, if
/// any: its name and the parameters that choose it.
pub(crate) fn chosen_by_request<'m>(
    t: &Type,
    models: &'m [Model],
) -> Option<(&'m str, &'m [String])> {
    match t {
        Type::Array(inner) | Type::Collection(_, inner) | Type::Map(inner) => {
            chosen_by_request(inner, models)
        }
        Type::Model(name) => {
            let m = models.iter().find(|m| &m.name == name)?;
            match &m.kind {
                ModelKind::Union(Union {
                    by: ChosenBy::Request(params),
                    ..
                }) => Some((m.name.as_str(), params.as_slice())),
                _ => None,
            }
        }
        _ => None,
    }
}
