//! What makes a model easy to build: the object type its `new` fills in
//! (`ResourceAttributes::new("CustomerUser")`, known from the model), and the
//! `with_` setters of the models a request sends, which a user writes.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::text::doc;
use super::{ident, rust_type};
use crate::model::{Api, ModelKind, Property, Type, ValueType};

/// The JSON name of the property that names a resource's object type in its
/// metadata attributes (`attributes.objectType`).
const OBJECT_TYPE: &str = "objectType";

/// What the emitter of a model needs to know of the others.
pub(super) struct Builders {
    /// The models a request body holds, directly or inside another.
    sent: BTreeSet<String>,
    /// The models whose only required property is [`OBJECT_TYPE`] (text):
    /// a model holding one as its attributes names itself in it.
    attributes: BTreeSet<String>,
}

impl Builders {
    pub(super) fn new(api: &Api) -> Self {
        let mut sent = BTreeSet::new();
        let mut todo: Vec<&Type> = api
            .operations
            .iter()
            .filter_map(|o| o.body.as_ref().map(|b| &b.ty))
            .collect();
        while let Some(ty) = todo.pop() {
            let name = match ty {
                Type::Model(name) => name,
                Type::Array(item) | Type::Map(item) => {
                    todo.push(item);
                    continue;
                }
                _ => continue,
            };
            let Some(model) = api.models.iter().find(|m| &m.name == name) else {
                continue;
            };
            if !sent.insert(name.clone()) {
                continue;
            }
            match &model.kind {
                ModelKind::Object(properties) => todo.extend(properties.iter().map(|p| &p.ty)),
                ModelKind::Union(union) => {
                    todo.extend(union.base.iter().map(|p| &p.ty));
                    sent.extend(union.variants.iter().map(|v| v.model.clone()));
                    for v in &union.variants {
                        if let Some(m) = api.models.iter().find(|m| m.name == v.model)
                            && let ModelKind::Object(properties) = &m.kind
                        {
                            todo.extend(properties.iter().map(|p| &p.ty));
                        }
                    }
                }
                ModelKind::Enum(_) => {}
            }
        }
        let attributes = api
            .models
            .iter()
            .filter(|m| match &m.kind {
                ModelKind::Object(properties) => {
                    let mut required = properties.iter().filter(|p| !p.optional);
                    matches!(
                        (required.next(), required.next()),
                        (Some(p), None)
                            if p.name == OBJECT_TYPE && p.ty == Type::Scalar(ValueType::String)
                    )
                }
                _ => false,
            })
            .map(|m| m.name.clone())
            .collect();
        Builders { sent, attributes }
    }

    /// Whether a request sends the model `name`: it has setters.
    pub(super) fn is_sent(&self, name: &str) -> bool {
        self.sent.contains(name)
    }

    /// The value `new` of model `owner` gives the required property `p`
    /// itself, if it can: its metadata attributes, naming `owner`.
    pub(super) fn filled(&self, owner: &str, p: &Property) -> Option<TokenStream> {
        match &p.ty {
            Type::Model(m) if !p.optional && self.attributes.contains(m) => {
                let m = ident(m);
                Some(quote!(crate::#m::new(#owner)))
            }
            _ => None,
        }
    }
}

/// A `with_<field>` setter per property of the model `owner`: it takes the
/// value (text as `impl Into<String>`), sets it, and gives the model back.
pub(super) fn setters(owner: &str, properties: &[Property]) -> TokenStream {
    let setters = properties.iter().map(|p| {
        let field = ident(&p.rust_ident);
        let setter = format_ident!("with_{}", p.rust_ident);
        let text = doc(&format!(
            "Sets [`{0}`](Self::{0}) (`{1}`), and gives the model back.",
            p.rust_ident, p.name
        ));
        let (arg, value) = match &p.ty {
            Type::Scalar(ValueType::String | ValueType::Uri) => {
                (quote!(impl Into<String>), quote!(#field.into()))
            }
            // A model that holds itself holds it in a `Box`.
            Type::Model(m) if m == owner => (rust_type(&p.ty), quote!(Box::new(#field))),
            other => (rust_type(other), quote!(#field)),
        };
        let value = if p.optional {
            quote!(Some(#value))
        } else {
            value
        };
        quote! {
            #text
            #[must_use]
            pub fn #setter(mut self, #field: #arg) -> Self {
                self.#field = #value;
                self
            }
        }
    });
    quote! { #(#setters)* }
}
