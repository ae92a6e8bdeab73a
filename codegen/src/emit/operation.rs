//! `<operation>.rs`: one operation's constants, input and outcome types,
//! error type, the `Client` method that calls it, and the setters of its
//! optional inputs.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::chain;
use super::{Module, doc, doc2, errors, ident, is_copy, rust_type, test_server, type_words};
use crate::examples::Examples;
use crate::model::{Api, Auth, Encoding, OneOf, Operation, Param, Segment, Type, ValueType};

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
    let method = method(api, o);
    let setters = setters(api, o);
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
fn value_type(api: &Api, o: &Operation) -> TokenStream {
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
fn argument(api: &Api, p: &Param) -> TokenStream {
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
fn send(p: &Param, value: TokenStream, replace: bool) -> TokenStream {
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

/// The `Client` method.
fn method(api: &Api, o: &Operation) -> TokenStream {
    let name = ident(&o.fn_ident);
    let operation = &o.name;
    let value = value_type(api, o);
    let error = ident(&o.error_type);
    let mut args = Vec::new();
    let mut steps = Vec::new();
    for segment in &o.segments {
        match segment {
            Segment::Literal(s) => steps.push(quote! { request.segment(#s); }),
            Segment::Param(i) => {
                let p = &o.path_params[*i];
                let arg = ident(&p.rust_ident);
                let ty = argument(api, p);
                let pname = &p.name;
                args.push(quote! { #arg: #ty });
                steps.push(quote! { request.param(#pname, #arg); });
            }
        }
    }
    for p in o.query.iter().filter(|p| p.required) {
        let arg = ident(&p.rust_ident);
        let ty = argument(api, p);
        args.push(quote! { #arg: #ty });
        steps.push(send(p, quote!(#arg), false));
    }
    if let Some(group) = &o.one_of {
        let arg = ident(&group.arg_ident);
        let ty = ident(&group.rust_type);
        args.push(quote! { #arg: #ty });
        steps.push(quote! {
            {
                let (name, value) = #arg.query_pair();
                request.query(name, value);
            }
        });
    }
    for h in o
        .request_headers
        .iter()
        .filter(|h| h.required && h.from_body.is_none())
    {
        let arg = ident(&h.rust_ident);
        let constant = ident(&h.const_ident);
        let quoted = h.quoted;
        args.push(quote! { #arg: &str });
        steps.push(quote! { request.header(crate::headers::#constant, #arg, #quoted); });
    }
    if let Some(body) = &o.body {
        let ty = rust_type(api, &body.ty);
        args.push(quote! { body: &#ty });
        for h in &o.request_headers {
            let Some(path) = &h.from_body else { continue };
            let constant = ident(&h.const_ident);
            let quoted = h.quoted;
            let value = chain(quote!(body), path);
            let dotted: Vec<&str> = path.iter().map(|s| s.name.as_str()).collect();
            let missing = if h.required {
                let why = format!(
                    "the body has no `{}`: get the resource first, or set it with `.{}(...)`",
                    dotted.join("."),
                    h.rust_ident
                );
                quote! { None => request.require(crate::headers::#constant, #why), }
            } else {
                quote! { None => {} }
            };
            steps.push(quote! {
                match #value {
                    Some(value) => request.header(crate::headers::#constant, value, #quoted),
                    #missing
                }
            });
        }
        steps.push(quote! { request.body(body); });
    }
    let text = doc(&method_doc(o));
    quote! {
        impl Client {
            #text
            // Compiled where it is called: a crate that calls a few
            // operations compiles their decoders, not every one.
            #[inline]
            pub fn #name(&self, #(#args),*) -> Call<'_, #value, #error> {
                let mut request = Request::new(METHOD, #operation);
                #(#steps)*
                Call::new(self, request, decode)
            }
        }
    }
}

/// What the method's documentation says: what it sends, where, which page.
fn method_doc(o: &Operation) -> String {
    let mut query: Vec<String> = o
        .query
        .iter()
        .map(|q| format!("{0}={{{0}}}", q.name))
        .collect();
    if let Some(g) = &o.one_of {
        let names: Vec<String> = g
            .params
            .iter()
            .map(|q| format!("{0}={{{0}}}", q.name))
            .collect();
        query.push(names.join("|"));
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let clouds = match &o.clouds {
        Some(c) => format!("{} (see [`CLOUDS`])", c.join(", ")),
        None => "the page does not say".into(),
    };
    let auth = match o.auth {
        Some(Auth::AppUser) => "App+User credentials only",
        Some(Auth::AppOrAppUser) => "App-only or App+User credentials",
        None => "the page does not say",
    };
    let mut lines = vec![
        o.summary.clone(),
        String::new(),
        format!("`{} {{baseURL}}{}{}`", o.method, o.path, query),
        String::new(),
        format!("- Applies to: {clouds}."),
        format!("- Authentication: {auth}."),
        format!("- Documented in `{}`.", o.doc),
    ];
    for p in o.params() {
        lines.push(format!(
            "- `{}`: {}",
            p.name,
            p.description.replace('\n', " ")
        ));
    }
    if let Some(body) = &o.body {
        lines.push(format!(
            "- Body: {}. {}",
            type_words(&body.ty),
            body.description
        ));
    }
    for h in &o.request_headers {
        let from = match &h.from_body {
            Some(path) => {
                let dotted: Vec<&str> = path.iter().map(|s| s.name.as_str()).collect();
                format!(
                    " (from the body's `{}`, or `.{}(...)`)",
                    dotted.join("."),
                    h.rust_ident
                )
            }
            None if h.required => String::new(),
            None => format!(" (with `.{}(...)`)", h.rust_ident),
        };
        lines.push(format!("- Header `{}`{from}: {}", h.name, h.description));
    }
    for r in &o.responses {
        let body = r.body.as_ref().map_or("no body".to_string(), type_words);
        lines.push(format!("- HTTP {}: {} ({body})", r.status, r.description));
        for h in &r.headers {
            lines.push(format!(
                "  with header `{h}` (read it with `meta().header(\"{h}\")`)"
            ));
        }
    }
    let optional: Vec<String> = o
        .query
        .iter()
        .filter(|q| !q.required)
        .map(|q| format!("`.{}(…)`", q.rust_ident))
        .collect();
    lines.push(String::new());
    if !optional.is_empty() {
        lines.push(format!("Optional inputs: {}.", optional.join(", ")));
        lines.push(String::new());
    }
    if o.page_item().is_some() {
        lines.push("Awaiting the call gives the first page; `.pages()` and `.items()` follow the next links.".into());
        lines.push(String::new());
    }
    lines.push(format!(
        "The call sends a fresh `MS-RequestId` and `MS-CorrelationId` unless the returned [`Call`] is given others; await it for the result. Failures: [`{}`].",
        o.error_type
    ));
    lines.join("\n")
}

/// The setters of the optional inputs, on this operation's `Call`.
fn setters(api: &Api, o: &Operation) -> Option<TokenStream> {
    let value = value_type(api, o);
    let error = ident(&o.error_type);
    let mut setters = Vec::new();
    for p in o.query.iter().filter(|p| !p.required) {
        let name = ident(&p.rust_ident);
        let ty = argument(api, p);
        let text = doc2(
            &p.description,
            &format!("Sent as the query parameter `{}`.", p.name),
        );
        let send = send(p, quote!(#name), true);
        setters.push(quote! {
            #text
            pub fn #name(mut self, #name: #ty) -> Self {
                let request = &mut self.request;
                #send
                self
            }
        });
    }
    for h in &o.request_headers {
        let name = ident(&h.rust_ident);
        let constant = ident(&h.const_ident);
        let quoted = h.quoted;
        let text = doc2(&h.description, &format!("Sent as the header `{}`.", h.name));
        setters.push(quote! {
            #text
            pub fn #name(mut self, value: &str) -> Self {
                self.request.header(crate::headers::#constant, value, #quoted);
                self
            }
        });
    }
    if setters.is_empty() {
        return None;
    }
    Some(quote! {
        impl Call<'_, #value, #error> {
            #(#setters)*
        }
    })
}
