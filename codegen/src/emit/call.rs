//! How an operation is called: the `Client` method that builds its request,
//! with its documentation, and the setters of its optional inputs.

use proc_macro2::TokenStream;
use quote::quote;

use super::signature::{argument, send, value_type};
use super::text::{doc, doc2};
use super::{chain, ident, rust_type, type_words};
use crate::model::{Auth, Operation, Segment, Type};

/// The `Client` method.
pub(super) fn method(o: &Operation) -> TokenStream {
    let name = ident(&o.fn_ident);
    let operation = &o.name;
    let value = value_type(o);
    let error = ident(&o.error_type);
    let mut args = Vec::new();
    let mut steps = Vec::new();
    for segment in &o.segments {
        match segment {
            Segment::Literal(s) => steps.push(quote! { request.segment(#s); }),
            Segment::Param(i) => {
                let p = &o.path_params[*i];
                let arg = ident(&p.rust_ident);
                let ty = argument(p);
                let pname = &p.name;
                args.push(quote! { #arg: #ty });
                steps.push(quote! { request.param(#pname, #arg); });
            }
        }
    }
    for p in o.query.iter().filter(|p| p.required) {
        let arg = ident(&p.rust_ident);
        let ty = argument(p);
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
        let ty = match &body.ty {
            Type::Array(item) => {
                let item = rust_type(item);
                quote!([#item])
            }
            other => rust_type(other),
        };
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
    let http_method = &o.method;
    let path = &o.path;
    let (decoder, decode) = decoder(o);
    let streamed = o
        .responses
        .iter()
        .any(|r| r.body == Some(Type::Binary))
        .then(|| quote!(request.stream();));
    let not_ready = o.not_ready.as_ref().map(|n| {
        let status = proc_macro2::Literal::u16_unsuffixed(n.status);
        quote!(request.not_ready(#status);)
    });
    let choice = o
        .choice
        .as_ref()
        .map(|(name, params)| super::union::choice(o, (name, params)));
    let choosing = o.choice.is_some().then(|| quote!(.choosing(choice)));
    // `#[inline]`: compiled where it is called, so that a crate that calls a
    // few operations compiles their decoders, not every one.
    quote! {
        impl Client {
            #text
            #[inline]
            pub fn #name(&self, #(#args),*) -> Call<#value, #error> {
                #decoder
                // Worked out before the arguments go into the request.
                #choice
                let mut request = Request::new(#http_method, #operation, #path);
                #(#steps)*
                #streamed
                #not_ready
                Call::new(self, request, #decode)#choosing
            }
        }
    }
}

/// How a success response becomes the call's value: one of the runtime's
/// decoders (one JSON body, or none), or for an operation of several
/// documented answers, its own `decode`, declared in its method.
fn decoder(o: &Operation) -> (Option<TokenStream>, TokenStream) {
    if let Some(poll) = o.responses.iter().find_map(|r| r.poll.as_ref()) {
        let value = value_type(o);
        let (operation, path, relative_to, property) = (
            &poll.operation_name,
            &poll.operation_path,
            &poll.relative_to,
            &poll.property,
        );
        let done = &poll.done;
        let decode = quote! {
            fn decode(status: u16, payload: &Payload<'_>) -> Option<Result<#value, crate::Cause>> {
                static POLL: crate::accepted::Poll = crate::accepted::Poll {
                    operation: #operation,
                    path: #path,
                    relative_to: #relative_to,
                    property: #property,
                    done: &[#(#done),*],
                };
                crate::accepted::decode(status, payload, &POLL)
            }
        };
        return (Some(decode), quote!(decode));
    }
    let (Some(outcome), responses) = (&o.outcome_type, &o.responses[..]) else {
        return match o.responses.first().and_then(|r| r.body.as_ref()) {
            Some(Type::Binary) => (None, quote!(crate::decode::download)),
            Some(_) => (None, quote!(crate::decode::json)),
            None => (None, quote!(crate::decode::empty)),
        };
    };
    let value = value_type(o);
    let ty = ident(outcome);
    let arms = responses.iter().map(|r| {
        let v = ident(r.variant.as_deref().unwrap_or("Ok"));
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        match &r.body {
            Some(_) => quote! { #status => Some(payload.json().map(#ty::#v)), },
            None => quote! { #status => Some(Ok(#ty::#v)), },
        }
    });
    let unused = responses
        .iter()
        .all(|r| r.body.is_none())
        .then(|| quote!(let _ = payload;));
    let decode = quote! {
        fn decode(status: u16, payload: &Payload<'_>) -> Option<Result<#value, crate::Cause>> {
            #unused
            match status {
                #(#arms)*
                _ => None,
            }
        }
    };
    (Some(decode), quote!(decode))
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
        Some(c) => c.join(", "),
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
        if let Some(poll) = &r.poll {
            let done: Vec<String> = poll.done.iter().map(|d| format!("`{d}`")).collect();
            lines.push(format!(
                "  the value is an [`Accepted`](crate::Accepted), followed at its `Location`: `.poll(&client)` calls [`Client::{0}`](crate::Client::{0}) once, `.wait(&client, limit)` until its `{1}` is {2}",
                poll.operation,
                poll.property,
                done.join(" or ")
            ));
            continue;
        }
        for h in &r.headers {
            lines.push(format!(
                "  with header `{h}` (read it with `meta().header(\"{h}\")`)"
            ));
        }
    }
    if let Some(n) = &o.not_ready {
        lines.push(format!(
            "- HTTP {}, not ready: {} (the client asks again after its `Retry-After`, as it retries a 503; [`Error::NotReady`](crate::Error::NotReady) when the attempts run out)",
            n.status, n.description
        ));
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
pub(super) fn setters(o: &Operation) -> Option<TokenStream> {
    let value = value_type(o);
    let error = ident(&o.error_type);
    let mut setters = Vec::new();
    for p in o.query.iter().filter(|p| !p.required) {
        let name = ident(&p.rust_ident);
        let ty = argument(p);
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
        impl Call<#value, #error> {
            #(#setters)*
        }
    })
}
