//! `<endpoint>.rs`: the parameter, success and error types of one endpoint, and
//! the `Client` method that calls it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Module, doc, doc2, ident, number};
use crate::model::{Auth, Endpoint, ErrorEntry, OneOf, PathParam, Response, Segment, ValueType};

pub fn emit(e: &Endpoint) -> Module {
    let params = e.path_params.iter().map(path_param);
    let reseller = e.reseller.as_ref().map(one_of);
    let response = response(&e.response);
    let errors = errors(e);
    let method = method(e);
    let method_doc = doc(&format!("HTTP method of {}.", e.name));
    let path_doc = doc(&format!(
        "Path template of {}, appended to the cloud's base URL.",
        e.name
    ));
    let clouds_doc = doc(&format!(
        "The clouds {} applies to (its \"Applies to\" line).",
        e.name
    ));
    let method_ident = ident(&e.method);
    let path = &e.path;
    let clouds = e.clouds.iter().map(|c| ident(c));
    Module {
        file_name: format!("{}.rs", e.fn_ident),
        doc: format!("{}: {}", e.name, e.summary),
        tokens: quote! {
            use crate::catalog::DocumentedError;
            use crate::call::{Call, RequestParts};
            use crate::error::{ErrorBody, ErrorKind};
            use crate::{Client, Cloud};

            #method_doc
            pub const METHOD: http::Method = http::Method::#method_ident;

            #path_doc
            pub const PATH: &str = #path;

            #clouds_doc
            pub const CLOUDS: &[Cloud] = &[#(Cloud::#clouds),*];

            #(#params)*
            #reseller
            #response
            #errors
            #method
        },
    }
}

/// A string path parameter: an enum of its documented values and `Other`.
fn path_param(p: &PathParam) -> TokenStream {
    let ty = ident(&p.rust_type);
    let text = doc2(
        &p.description,
        &format!("Sent as the `{{{}}}` path segment.", p.name),
    );
    let variants = p.known_values.iter().map(|k| {
        let v = ident(&k.variant);
        let text = doc2(&k.description, &format!("Sent as `{}`.", k.value));
        quote! { #text #v, }
    });
    let to_str = p.known_values.iter().map(|k| {
        let v = ident(&k.variant);
        let value = &k.value;
        quote! { #ty::#v => #value, }
    });
    let from_str = p.known_values.iter().map(|k| {
        let v = ident(&k.variant);
        let value = &k.value;
        quote! { #value => #ty::#v, }
    });
    quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #ty {
            #(#variants)*
            /// A value the documents do not name, sent as given (percent-encoded).
            Other(String),
        }

        impl #ty {
            /// The value as sent in the path.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    #ty::Other(value) => value,
                }
            }
        }

        impl From<&str> for #ty {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => #ty::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

fn rust_type(t: ValueType) -> TokenStream {
    match t {
        ValueType::String => quote!(String),
        ValueType::Guid => quote!(uuid::Uuid),
        ValueType::Int => quote!(u64),
        ValueType::Bool => quote!(bool),
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
        let t = rust_type(q.value_type);
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
    quote! {
        #text
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

fn response(r: &Response) -> TokenStream {
    let ty = ident(&r.rust_type);
    let text = doc2(
        &r.description,
        &format!("The JSON body of the {} response.", r.status),
    );
    let fields = r.fields.iter().map(|f| {
        let name = ident(&f.rust_ident);
        let json = &f.name;
        let t = rust_type(f.value_type);
        let text = doc(&f.description);
        quote! { #text #[serde(rename = #json)] pub #name: #t, }
    });
    quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
        pub struct #ty {
            #(#fields)*
        }
    }
}

fn errors(e: &Endpoint) -> TokenStream {
    let ty = ident(&e.error_type);
    let text = doc2(
        &format!(
            "The documented failures of {}, told apart by status, code and source.",
            e.name
        ),
        "Each variant is an example response of the documents; `Unknown` is any other \
         error body. The full body is in `ApiError`, whichever the variant.",
    );
    let variants = e.errors.iter().map(|x| {
        let v = ident(&x.variant);
        let text = doc2(
            &x.example,
            &format!(
                "HTTP {}, code `{}`, source `{}`: \"{}\"",
                x.status, x.code, x.source, x.description
            ),
        );
        quote! { #text #v, }
    });
    let rows = e.errors.iter().map(documented);
    let table = ident("ERRORS");
    let lookup = e.errors.iter().enumerate().map(|(i, x)| {
        let v = ident(&x.variant);
        let i = number(i);
        quote! { #ty::#v => Some(&#table[#i]), }
    });
    let classify = classify(e, &ty);
    quote! {
        #text
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
            /// An error body the documents do not describe for this endpoint.
            Unknown,
        }

        /// The documented failures, in the documents' order.
        pub static #table: &[DocumentedError] = &[#(#rows),*];

        impl ErrorKind for #ty {
            fn classify(status: u16, body: &ErrorBody) -> Self {
                #classify
            }

            fn documented(self) -> Option<&'static DocumentedError> {
                match self {
                    #(#lookup)*
                    #ty::Unknown => None,
                }
            }
        }
    }
}

fn documented(x: &ErrorEntry) -> TokenStream {
    let ErrorEntry {
        id,
        example,
        code,
        source,
        description,
        data,
        ..
    } = x;
    let status = number(x.status.into());
    quote! {
        DocumentedError {
            id: #id,
            example: #example,
            status: #status,
            code: #code,
            source: #source,
            description: #description,
            data: &[#(#data),*],
        }
    }
}

/// A match on (status, code, source); where entries share those, on the
/// description too.
fn classify(e: &Endpoint, ty: &proc_macro2::Ident) -> TokenStream {
    let mut arms = Vec::new();
    let mut done: Vec<(u16, &str, &str)> = Vec::new();
    for x in &e.errors {
        let key = (x.status, x.code.as_str(), x.source.as_str());
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let (status, code, source) = key;
        let status = number(status.into());
        let pattern = quote! { (#status, #code, #source) };
        if x.needs_description {
            let inner = e
                .errors
                .iter()
                .filter(|y| (y.status, y.code.as_str(), y.source.as_str()) == key)
                .map(|y| {
                    let v = ident(&y.variant);
                    let d = &y.description;
                    quote! { #d => #ty::#v, }
                });
            arms.push(quote! {
                #pattern => match body.description.as_str() {
                    #(#inner)*
                    _ => #ty::Unknown,
                },
            });
        } else {
            let v = ident(&x.variant);
            arms.push(quote! { #pattern => #ty::#v, });
        }
    }
    quote! {
        match (status, body.code.as_str(), body.source.as_str()) {
            #(#arms)*
            _ => #ty::Unknown,
        }
    }
}

/// The `Client` method.
fn method(e: &Endpoint) -> TokenStream {
    let name = ident(&e.fn_ident);
    let operation = &e.name;
    let response = ident(&e.response.rust_type);
    let error = ident(&e.error_type);
    let mut args = Vec::new();
    let mut steps = Vec::new();
    for segment in &e.segments {
        match segment {
            Segment::Literal(s) => steps.push(quote! { request.segment(#s); }),
            Segment::Param(i) => {
                let p = &e.path_params[*i];
                let arg = ident(&p.arg_ident);
                let ty = ident(&p.rust_type);
                let pname = &p.name;
                args.push(quote! { #arg: #ty });
                steps.push(quote! { request.param(#pname, #arg.as_str()); });
            }
        }
    }
    if let Some(group) = &e.reseller {
        let arg = ident(&group.arg_ident);
        let ty = ident(&group.rust_type);
        args.push(quote! { #arg: #ty });
        steps.push(quote! {
            let (name, value) = #arg.query_pair();
            request.query(name, value);
        });
    }
    let auth = match e.auth {
        Auth::AppUser => "App+User credentials only",
        Auth::AppOrAppUser => "App-only or App+User credentials",
    };
    let query = e
        .reseller
        .as_ref()
        .map(|g| {
            let names: Vec<String> = g
                .params
                .iter()
                .map(|q| format!("{0}={{{0}}}", q.name))
                .collect();
            format!("?{}", names.join("|"))
        })
        .unwrap_or_default();
    let clouds = e.clouds.join(", ");
    let text = doc(&format!(
        "{}\n\n`{} {{baseURL}}{}{}`\n\n- Applies to: {} (see [`CLOUDS`]).\n- Authentication: {}.\n- Documented in `{}`.\n\nThe call sends a fresh `MS-RequestId` and `MS-CorrelationId` unless the returned [`Call`] is given others; await it for the result.",
        e.summary, e.method, e.path, query, clouds, auth, e.doc
    ));
    quote! {
        impl Client {
            #text
            pub fn #name(&self, #(#args),*) -> Call<'_, #response, #error> {
                let mut request = RequestParts::new(METHOD, #operation);
                #(#steps)*
                Call::new(self, request)
            }
        }
    }
}
