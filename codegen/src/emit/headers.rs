//! `headers.rs`: a constant per header name, and the table of documented headers.

use std::collections::BTreeMap;

use quote::quote;

use super::{Module, doc, doc2, ident, number};
use crate::model::{Api, Direction, Origin, Requirement, Semantics, ValueType};

pub fn emit(api: &Api) -> Module {
    // One constant per header name, although a name can have a request and a
    // response row; the first row's description documents it.
    let mut by_const = BTreeMap::new();
    for h in &api.headers {
        by_const.entry(h.const_ident.clone()).or_insert(h);
    }
    let consts = by_const.values().map(|h| {
        let name = ident(&h.const_ident);
        let wire = h.name.to_ascii_lowercase();
        let text = doc2(
            &format!("`{}`: {}", h.name, h.description),
            &format!("Documented in `{}`.", h.doc),
        );
        quote! { #text pub const #name: HeaderName = HeaderName::from_static(#wire); }
    });
    let defaults = api
        .headers
        .iter()
        .filter(|h| h.direction == Direction::Request)
        .filter_map(|h| {
            let value = h.default.as_ref()?;
            let name = ident(&format!("{}_DEFAULT", h.const_ident));
            let text = doc(&format!(
                "The value of `{}` when the documents give no other.",
                h.name
            ));
            Some(quote! { #text pub const #name: &str = #value; })
        });
    let rows = api.headers.iter().map(|h| {
        let header = ident(&h.const_ident);
        let name = &h.name;
        let documented_as = &h.documented_as;
        let direction = match h.direction {
            Direction::Request => quote!(Direction::Request),
            Direction::Response => quote!(Direction::Response),
        };
        let origin = match h.origin {
            Origin::Table => quote!(Origin::Table),
            Origin::Example => quote!(Origin::Example),
            Origin::Guidance => quote!(Origin::Guidance),
        };
        let value_type = match h.value_type {
            ValueType::String => quote!(ValueType::String),
            ValueType::Guid => quote!(ValueType::Guid),
            ValueType::Int => quote!(ValueType::Int),
            ValueType::Bool => quote!(ValueType::Bool),
        };
        let requirement = match h.requirement {
            Requirement::Required => quote!(Requirement::Required),
            Requirement::Optional => quote!(Requirement::Optional),
            Requirement::Unspecified => quote!(Requirement::Unspecified),
        };
        let semantics = match h.semantics {
            None => quote!(None),
            Some(Semantics::IdempotencyKey) => quote!(Some(Semantics::IdempotencyKey)),
            Some(Semantics::CorrelationId) => quote!(Some(Semantics::CorrelationId)),
        };
        let default = match &h.default {
            None => quote!(None),
            Some(v) => quote!(Some(#v)),
        };
        let description = &h.description;
        let document = &h.doc;
        quote! {
            HeaderInfo {
                name: #name,
                header: #header,
                documented_as: #documented_as,
                direction: #direction,
                origin: #origin,
                value_type: #value_type,
                requirement: #requirement,
                semantics: #semantics,
                default: #default,
                description: #description,
                document: #document,
            }
        }
    });
    let count = number(api.headers.len());
    let table_doc = doc(
        "Every header the documents describe, in the documents' order: the rows of the \
         request and response tables, then the headers only seen in examples or guidance.",
    );
    Module {
        file_name: "headers.rs".into(),
        doc:
            "Header names of the Partner Center REST API, and the table the documents give of them."
                .into(),
        tokens: quote! {
            use http::HeaderName;

            pub use crate::catalog::{Direction, HeaderInfo, Origin, Requirement, Semantics, ValueType};

            #(#consts)*
            #(#defaults)*
            #table_doc
            pub static HEADERS: [HeaderInfo; #count] = [#(#rows),*];
        },
    }
}
