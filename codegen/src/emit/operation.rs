//! `<operation>.rs`: one operation's constants, input and outcome types,
//! error type and decoder, the `Client` method that calls it and the setters
//! of its optional inputs (`call`), and its test-server route.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Module, call, doc, doc2, errors, ident, is_copy, rust_type, test_server};
use crate::examples::Examples;
use crate::model::{Api, Encoding, OneOf, Operation, Param, Type, ValueType};

pub fn emit(api: &Api, o: &Operation, examples: &Examples) -> Module {
    let method_doc = doc(&format!("HTTP method of {}.", o.name));
    let path_doc = doc(&format!(
        "Path template of {}, appended to the cloud's base URL.",
        o.name
    ));
    let http_method = &o.method;
    let path = &o.path;
    let clouds = match &o.clouds {
        Some(clouds) => {
            let clouds = clouds.iter().map(|c| ident(c));
            quote!(Some(&[#(Cloud::#clouds),*]))
        }
        None => quote!(None),
    };
    let clouds_doc = doc(&format!(
        "The clouds {} applies to (its page's \"Applies to\" line); `None` when the page does not say.",
        o.name
    ));
    let one_of = o.one_of.as_ref().map(|g| one_of(api, g));
    let outcome = outcome(api, o);
    let errors = errors::emit(o);
    let method = call::method(api, o);
    let setters = call::setters(api, o);
    let decoder = decoder(api, o);
    let server = test_server::route(api, o, examples, &value_type(api, o));
    let mut exports = vec![o.error_type.clone()];
    exports.extend(o.outcome_type.clone());
    exports.extend(o.one_of.as_ref().map(|g| g.rust_type.clone()));
    Module {
        file_name: format!("{}.rs", o.fn_ident),
        doc: format!("{}: {}", o.name, o.summary),
        tokens: quote! {
            use crate::call::{Call, Payload};
            use crate::catalog::DocumentedError;
            use crate::error::{ApiError, CallInfo, Error, OperationError, Parts};
            use crate::request::Request;
            use crate::response::ResponseMeta;
            use crate::{Client, Cloud};

            #method_doc
            pub const METHOD: &str = #http_method;

            #path_doc
            pub const PATH: &str = #path;

            #clouds_doc
            pub const CLOUDS: Option<&[Cloud]> = #clouds;

            #one_of
            #outcome
            #errors
            #method
            #setters
            #decoder
            #server
        },
        exports,
        feature: None,
    }
}

/// The type of the value a call gives on success.
pub(super) fn value_type(api: &Api, o: &Operation) -> TokenStream {
    match (&o.outcome_type, &o.responses[..]) {
        (Some(t), _) => {
            let t = ident(t);
            quote!(#t)
        }
        (None, [r]) => match &r.body {
            Some(t) => rust_type(api, t),
            None => quote!(()),
        },
        (None, _) => quote!(()),
    }
}

/// The argument type of a parameter, and how its value is sent.
pub(super) fn argument(api: &Api, p: &Param) -> TokenStream {
    let item = match (&p.ty, p.encoding) {
        (Type::Scalar(ValueType::String | ValueType::Uri), _) => quote!(&str),
        (Type::Scalar(ValueType::Decimal | ValueType::DateTime), _) => {
            let t = rust_type(api, &p.ty);
            quote!(&#t)
        }
        (Type::Model(_), Encoding::Json) => {
            let t = rust_type(api, &p.ty);
            quote!(&#t)
        }
        (t, _) => rust_type(api, t),
    };
    if p.repeated { quote!(&[#item]) } else { item }
}

/// Statements that send `value` (an expression of the argument type) as `p`.
pub(super) fn send(p: &Param, value: TokenStream, replace: bool) -> TokenStream {
    let name = &p.name;
    let one = |v: TokenStream| match p.encoding {
        Encoding::Json => quote!(request.json_query(#name, #v);),
        Encoding::Text => quote!(request.query(#name, #v);),
    };
    let clear = replace.then(|| quote!(request.remove_query(#name);));
    if p.repeated {
        let each = one(quote!(item));
        quote! { #clear for item in #value { #each } }
    } else {
        let once = one(value);
        quote! { #clear #once }
    }
}

/// Query parameters of which exactly one is sent: one enum variant each.
fn one_of(api: &Api, group: &OneOf) -> TokenStream {
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
        let t = rust_type(api, &q.ty);
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
fn outcome(api: &Api, o: &Operation) -> Option<TokenStream> {
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
                let t = rust_type(api, t);
                quote! { #text #v(#t), }
            }
            None => quote! { #text #v, },
        }
    });
    Some(quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
        }
    })
}

/// `decode`: the value of a response of a documented status.
fn decoder(api: &Api, o: &Operation) -> TokenStream {
    let value = value_type(api, o);
    let arms = match (&o.outcome_type, &o.responses[..]) {
        (None, [r]) => {
            let decoded = match &r.body {
                Some(_) => quote!(payload.json()),
                None => quote!(Ok(())),
            };
            vec![quote! { 200..=299 => Some(#decoded), }]
        }
        (outcome, responses) => {
            let ty = ident(outcome.as_deref().unwrap_or("Self"));
            responses
                .iter()
                .map(|r| {
                    let v = ident(r.variant.as_deref().unwrap_or("Ok"));
                    let status = proc_macro2::Literal::u16_unsuffixed(r.status);
                    match &r.body {
                        Some(_) => quote! { #status => Some(payload.json().map(#ty::#v)), },
                        None => quote! { #status => Some(Ok(#ty::#v)), },
                    }
                })
                .collect()
        }
    };
    let unused = o
        .responses
        .iter()
        .all(|r| r.body.is_none())
        .then(|| quote!(let _ = payload;));
    quote! {
        /// The value of a response of a documented status; `None` for any other.
        #[inline]
        fn decode(status: u16, payload: &Payload<'_>) -> Option<Result<#value, crate::Cause>> {
            #unused
            match status {
                #(#arms)*
                _ => None,
            }
        }
    }
}
