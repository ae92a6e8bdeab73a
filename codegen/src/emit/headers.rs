//! `headers.rs`: a constant per header name, the table of documented
//! headers, and the protocol the runtime acts on (which headers carry the
//! ids and settings, the defaults, the throttled response, the catalogue).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::text::{doc, doc2, literal};
use super::{Module, ident};
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
        let wire = &h.name;
        let text = doc2(
            &format!("`{}`: {}", h.name, h.description),
            &format!("Documented in `{}`.", h.doc),
        );
        quote! { #text pub const #name: &str = #wire; }
    });
    let defaults = api
        .headers
        .iter()
        .filter(|h| h.direction == Direction::Request)
        .filter_map(|h| {
            let value = h.default.as_ref()?;
            let name = ident(&crate::ident::default_const(&h.const_ident));
            let text = doc(&format!(
                "The value of `{}` when the documents give no other.",
                h.name
            ));
            Some(quote! { #text pub const #name: &str = #value; })
        });
    let rows = api.headers.iter().map(row);
    let table_doc = doc(&format!(
        "Every header the documents describe, in the documents' order: the rows of the \
         request and response tables, then the headers only seen in examples or prose.\n\n{}",
        table(api)
    ));
    let protocol = protocol(api);
    Module {
        file_name: "headers.rs".into(),
        doc:
            "Header names of the Partner Center REST API, and the table the documents give of them."
                .into(),
        tokens: quote! {
            pub use crate::catalog::{Direction, HeaderInfo, Origin, Requirement, Semantics, ValueType};

            #(#consts)*
            #(#defaults)*
            #table_doc
            pub static HEADERS: &[HeaderInfo] = &[#(#rows),*];

            #protocol
        },
        exports: Vec::new(),
        feature: None,
        table: None,
    }
}

fn row(h: &crate::model::Header) -> TokenStream {
    let name = &h.name;
    let documented_as = &h.documented_as;
    let direction = match h.direction {
        Direction::Request => quote!(Direction::Request),
        Direction::Response => quote!(Direction::Response),
    };
    let origin = match h.origin {
        Origin::Table => quote!(Origin::Table),
        Origin::Example => quote!(Origin::Example),
        Origin::Prose => quote!(Origin::Prose),
    };
    let value_type = match h.value_type {
        ValueType::String => quote!(ValueType::String),
        ValueType::Guid => quote!(ValueType::Guid),
        ValueType::Int => quote!(ValueType::Int),
        ValueType::Bool => quote!(ValueType::Bool),
        ValueType::Decimal => quote!(ValueType::Decimal),
        ValueType::DateTime => quote!(ValueType::DateTime),
        ValueType::Date => quote!(ValueType::Date),
        ValueType::Uri => quote!(ValueType::Uri),
    };
    let requirement = match h.requirement {
        Requirement::Required => quote!(Requirement::Required),
        Requirement::Optional => quote!(Requirement::Optional),
        Requirement::Unspecified => quote!(Requirement::Unspecified),
    };
    let semantics = match h.semantics {
        None => quote!(None),
        Some(s) => {
            let v = ident(semantics_variant(s));
            quote!(Some(Semantics::#v))
        }
    };
    let default = match &h.default {
        None => quote!(None),
        Some(v) => quote!(Some(#v)),
    };
    let description = literal(&h.description);
    let document = &h.doc;
    quote! {
        HeaderInfo {
            name: #name,
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
}

fn semantics_variant(s: Semantics) -> &'static str {
    match s {
        Semantics::IdempotencyKey => "IdempotencyKey",
        Semantics::CorrelationId => "CorrelationId",
        Semantics::Authorization => "Authorization",
        Semantics::Application => "Application",
        Semantics::Locale => "Locale",
        Semantics::CorrelationVector => "CorrelationVector",
        Semantics::ServerId => "ServerId",
    }
}

/// The headers as a markdown table, for docs.rs, in brief: each header's
/// description is on its constant.
fn table(api: &Api) -> String {
    let mut out = String::from("| header | direction | type | requirement |\n|---|---|---|---|\n");
    for h in &api.headers {
        let direction = match h.direction {
            Direction::Request => "request",
            Direction::Response => "response",
        };
        out.push_str(&format!(
            "| [`{}`]({}) | {direction} | {:?} | {:?} |\n",
            h.name, h.const_ident, h.value_type, h.requirement
        ));
    }
    out
}

/// `PROTOCOL`: the spec's facts the runtime acts on.
fn protocol(api: &Api) -> TokenStream {
    let name = |direction, semantics| match api.header_for(direction, semantics) {
        Some(h) => {
            let n = &h.name;
            quote!(Some(#n))
        }
        None => quote!(None),
    };
    let request = |s| name(Direction::Request, s);
    let reply = |s| name(Direction::Response, s);
    // Headers the builder sets are sent only when set; the others with a
    // documented default are sent with it on every call.
    let defaults = api
        .headers
        .iter()
        .filter(|h| h.direction == Direction::Request && h.semantics.is_none())
        .filter_map(|h| {
            let (n, v) = (&h.name, h.default.as_ref()?);
            Some(quote!((#n, #v)))
        });
    let (authorization, request_id, correlation_id, application, locale) = (
        request(Semantics::Authorization),
        request(Semantics::IdempotencyKey),
        request(Semantics::CorrelationId),
        request(Semantics::Application),
        request(Semantics::Locale),
    );
    let (reply_request_id, reply_correlation_id, cv, server_id) = (
        reply(Semantics::IdempotencyKey),
        reply(Semantics::CorrelationId),
        reply(Semantics::CorrelationVector),
        reply(Semantics::ServerId),
    );
    let throttled = match &api.throttling {
        Some(t) => {
            let status = proc_macro2::Literal::u16_unsuffixed(t.status);
            let retry_after = &t.retry_after;
            let message = match &t.message {
                Some(m) => quote!(Some(#m)),
                None => quote!(None),
            };
            quote! {
                Some(crate::protocol::Throttled {
                    status: #status,
                    retry_after: #retry_after,
                    message: #message,
                })
            }
        }
        None => quote!(None),
    };
    quote! {
        /// What the runtime needs of the spec: handed to every client.
        pub(crate) static PROTOCOL: crate::protocol::Protocol = crate::protocol::Protocol {
            defaults: &[#(#defaults),*],
            authorization: #authorization,
            request_id: #request_id,
            correlation_id: #correlation_id,
            application: #application,
            locale: #locale,
            replies: crate::protocol::Replies {
                request_id: #reply_request_id,
                correlation_id: #reply_correlation_id,
                cv: #cv,
                server_id: #server_id,
            },
            throttled: #throttled,
            error_codes: crate::error_codes::ERROR_CODES,
        };
    }
}
