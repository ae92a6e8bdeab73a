//! A model that is one of several: an enum with a variant per model and
//! `Other` for a kind the documents do not list (kept as JSON), read by the
//! runtime's `json::union!` by a field of the body or by the request's
//! choice; and, for the latter, how an operation's arguments choose.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use super::text::{doc, doc2, literal};
use crate::model::{ChosenBy, Model, Operation, Union};

pub(super) fn emit(m: &Model, union: &Union) -> TokenStream {
    let ty = ident(&m.name);
    let chooses = |v: &crate::model::Variant| match &union.by {
        ChosenBy::Field(field) => {
            format!("`{field}` is `{}`", v.value.as_deref().unwrap_or_default())
        }
        ChosenBy::Request(_) => {
            let values: Vec<String> = v.when.iter().map(|(n, x)| format!("`{n}={x}`")).collect();
            format!("the request asks for {}", values.join(" and "))
        }
    };
    let variants = union.variants.iter().map(|v| {
        let (variant, model) = (ident(&v.model), ident(&v.model));
        let text = doc(&format!("A [`{0}`](crate::{0}): {1}.", v.model, chooses(v)));
        quote! { #text #variant(crate::#model), }
    });
    let source = match m.origin {
        crate::model::Origin::Table => {
            format!("Documented in `{}`, table \"{}\".", m.doc, m.heading)
        }
        _ => format!("Documented in `{}`.", m.doc),
    };
    let text = doc2(&m.description, &source);
    let names = union.variants.iter().map(|v| ident(&v.model));
    let read = match &union.by {
        ChosenBy::Field(field) => {
            let pairs = union.variants.iter().map(|v| {
                let (variant, value) = (ident(&v.model), v.value.as_deref().unwrap_or_default());
                quote!(#variant = #value)
            });
            quote! { crate::json::union!(#ty by #field { #(#pairs),* }); }
        }
        ChosenBy::Request(_) => {
            let choices = union.variants.iter().map(|v| {
                let model = &v.model;
                let when = v.when.iter().map(|(n, x)| quote!((#n, #x)));
                quote!((#model, &[#(#when),*]))
            });
            quote! {
                impl #ty {
                    /// The variant each documented combination of the request's values
                    /// chooses.
                    pub(crate) const CHOICES: &'static [(&'static str, &'static [(&'static str, &'static str)])] = &[#(#choices),*];
                }

                crate::json::union!(#ty by request { #(#names),* });
            }
        }
    };
    // Each variant holds its model itself, so that a caller matches on the
    // model, not a box; the models differ in size (invoice line items by a
    // few hundred bytes), which Clippy would have boxed.
    quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum #ty {
            #(#variants)*
            /// A kind the documents do not list, kept as the service sent it.
            Other(crate::Json),
        }

        #read
    }
}

/// For an operation that answers a union chosen by the request: the
/// variant its arguments choose, worked out when its method is called.
pub(super) fn choice(o: &Operation, union: (&str, &[String])) -> TokenStream {
    let (name, params) = union;
    let ty = ident(name);
    let values = params.iter().filter_map(|wanted| {
        let p = o
            .path_params
            .iter()
            .chain(&o.query)
            .find(|p| p.required && p.chooses(wanted))?;
        // Named as the union's `chosen_by` names it, as its choices are.
        let (param, arg) = (literal(wanted), ident(&p.rust_ident));
        Some(quote!((#param, #arg.to_string())))
    });
    quote! {
        let choice = crate::json::choose(crate::#ty::CHOICES, &[#(#values),*]);
    }
}
