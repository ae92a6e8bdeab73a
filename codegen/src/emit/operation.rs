//! `operations/<area>.rs`: the operations of one area, each with what is
//! its own: its input and outcome types, its error type (`errors`), and the
//! `Client` method that calls it with the setters of its optional inputs
//! (`call`).

use proc_macro2::TokenStream;
use quote::quote;

use super::text::{doc, doc2};
use super::{Module, call, description, errors, ident, is_copy, rust_type};
use crate::model::{Api, OneOf, Operation};

pub fn emit(api: &Api, area: &str, operations: &[&Operation]) -> Module {
    let documented = operations.iter().any(|o| !o.errors.is_empty());
    let imports = if documented {
        quote!(
            use crate::{ApiError, Call, Client, DocumentedError, Error};
        )
    } else {
        quote!(
            use crate::{Call, Client, Error};
        )
    };
    // An outcome of several answers, and an accepted operation (a 202 to
    // follow), decode with a `decode` of their own.
    let own_decoder =
        |o: &&Operation| o.outcome_type.is_some() || o.responses.iter().any(|r| r.poll.is_some());
    let outcomes = operations.iter().any(own_decoder).then(|| {
        quote!(
            use crate::decode::Payload;
        )
    });
    let items = operations.iter().map(|o| {
        let one_of = o.one_of.as_ref().map(one_of);
        let outcome = outcome(o);
        let errors = errors::emit(o);
        let method = call::method(o);
        let setters = call::setters(o);
        quote! { #one_of #outcome #errors #method #setters }
    });
    let mut exports = Vec::new();
    for o in operations {
        exports.push(o.error_type.clone());
        exports.extend(o.outcome_type.clone());
        exports.extend(o.one_of.as_ref().map(|g| g.rust_type.clone()));
    }
    Module {
        file_name: format!("operations/{area}.rs"),
        doc: description(api, area),
        tokens: quote! {
            #outcomes
            use crate::request::Request;
            #imports

            #(#items)*
        },
        exports,
        feature: None,
        table: None,
    }
}

/// Query parameters of which exactly one is sent: one enum variant each.
fn one_of(group: &OneOf) -> TokenStream {
    let ty = ident(&group.rust_type);
    let names: Vec<String> = group
        .params
        .iter()
        .map(|q| format!("`{}`", q.name))
        .collect();
    let text = doc2(
        &group.description,
        &format!(
            "Exactly one of the query parameters {} is sent: the documents answer 400 to both and to neither.",
            names.join(", ")
        ),
    );
    let variants = group.params.iter().map(|q| {
        let v = ident(&q.variant);
        let t = rust_type(&q.ty);
        let text = doc2(
            &q.description,
            &format!("Sent as the query parameter `{}`.", q.name),
        );
        quote! { #text #v(#t), }
    });
    let arms = group.params.iter().map(|q| {
        let v = ident(&q.variant);
        let name = &q.name;
        quote! { #ty::#v(value) => (#name, value.to_string()), }
    });
    let copy = group
        .params
        .iter()
        .all(|q| is_copy(&q.ty))
        .then(|| quote!(Copy,));
    quote! {
        #text
        #[derive(Debug, Clone, #copy PartialEq, Eq, Hash)]
        pub enum #ty {
            #(#variants)*
        }

        impl #ty {
            /// The query parameter sent for this value: its name and its text.
            pub fn query_pair(&self) -> (&'static str, String) {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// The enum of an operation's outcomes, when it has several responses.
fn outcome(o: &Operation) -> Option<TokenStream> {
    let ty = ident(o.outcome_type.as_ref()?);
    let text = doc(&format!(
        "The outcomes of {}: each documented answer is a value, not an error.",
        o.name
    ));
    let variants = o.responses.iter().map(|r| {
        let v = ident(r.variant.as_deref().unwrap_or("Ok"));
        let text = doc(&format!("{} (HTTP {})", r.description, r.status));
        match &r.body {
            Some(t) => {
                let t = rust_type(t);
                quote! { #text #v(#t), }
            }
            None => quote! { #text #v, },
        }
    });
    // A resource beside an empty answer (an update, or its 202): the
    // outcome is returned once per call, and boxing would change the
    // pattern a caller matches.
    Some(quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum #ty {
            #(#variants)*
        }
    })
}
