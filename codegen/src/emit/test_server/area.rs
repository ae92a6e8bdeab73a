//! `routes/<area>.rs`: each operation's route (its path, the rules of its
//! page, its documented responses) and the server's method that scripts it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{FEATURE, kind, option, page_ident, reply};
use crate::emit::signature::value_type;
use crate::emit::text::doc;
use crate::emit::{Module, description, ident, number, replay};
use crate::examples::{Examples, Served};
use crate::model::{Api, Operation, Param, Segment, Type, When};

/// `routes/<area>.rs`: the routes of an area's operations, and the
/// server's methods that script them.
pub fn area(api: &Api, examples: &Examples, area: &str, operations: &[&Operation]) -> Module {
    let scripts = operations.iter().map(|o| script(o));
    let answers = operations.iter().filter_map(|o| answer(o));
    let routes = operations.iter().map(|o| route(api, o, examples));
    let replays = operations.iter().map(|o| replay::function(o));
    Module {
        file_name: format!("routes/{area}.rs"),
        doc: description(api, area),
        tokens: quote! {
            use crate::test_server as ts;
            use crate::{Script, TestServer};

            impl TestServer {
                #(#scripts)*
            }

            #(#answers)*
            #(#routes)*
            #(#replays)*
        },
        exports: Vec::new(),
        feature: Some(FEATURE),
        table: None,
    }
}

/// The name of the static that holds `o`'s route.
pub(super) fn route_ident(o: &Operation) -> proc_macro2::Ident {
    ident(&crate::ident::route_static(&o.fn_ident))
}

/// The server's method that scripts `o`, named like the client's.
fn script(o: &Operation) -> TokenStream {
    let (id, fn_name, error) = (&o.id, ident(&o.fn_ident), ident(&o.error_type));
    let value = value_type(o);
    let value = match &o.outcome_type {
        Some(_) => quote!(crate::#value),
        None => value,
    };
    let text = doc(&format!(
        "Scripts the answers to [`Client::{0}`](crate::Client::{0}).",
        o.fn_ident
    ));
    quote! {
        #text
        pub fn #fn_name(&self) -> Script<'_, #value, crate::#error> {
            Script::new(self, #id)
        }
    }
}

/// How a value of `o`'s outcome enum is answered: the status of its
/// variant and its body.
fn answer(o: &Operation) -> Option<TokenStream> {
    let ty = ident(o.outcome_type.as_ref()?);
    let arms = o.responses.iter().map(|r| {
        let v = ident(r.variant.as_deref().unwrap_or("Ok"));
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        match &r.body {
            Some(_) => quote! {
                crate::#ty::#v(value) => (Some(#status), ts::Answer::answer(value).1),
            },
            None => quote! { crate::#ty::#v => (Some(#status), String::new()), },
        }
    });
    Some(quote! {
        impl ts::Answer for crate::#ty {
            fn answer(&self) -> (Option<u16>, String) {
                match self { #(#arms)* }
            }
        }
    })
}

/// The route of `o`: its path, the rules of its page, and its documented
/// responses.
fn route(api: &Api, o: &Operation, examples: &Examples) -> TokenStream {
    let failure = |when: &When| o.errors.iter().position(|e| e.when.as_ref() == Some(when));
    let index = |when: When| option(failure(&when).map(number));
    // A parameter's name, kind and failure when malformed.
    let facts = |p: &Param| {
        let name = &p.name;
        let kind = kind(p);
        let malformed = index(When::Malformed(p.name.clone()));
        quote!(#name, ts::Kind::#kind, #malformed)
    };
    let param = |p: &Param| {
        let facts = facts(p);
        quote!(ts::param(#facts))
    };
    let path = o.segments.iter().map(|s| match s {
        Segment::Literal(l) => quote!(ts::lit(#l)),
        Segment::Param(i) => {
            let facts = facts(&o.path_params[*i]);
            quote!(ts::path(#facts))
        }
    });
    let query = o.query.iter().map(|q| {
        let p = param(q);
        let required = q.required;
        let missing = index(When::Missing(q.name.clone()));
        quote!(ts::query(#p, #required, #missing))
    });
    let one_of = option(o.one_of.as_ref().map(|g| {
        let params = g.params.iter().map(param);
        let none = index(When::NoneOf(g.name.clone()));
        let several = index(When::SeveralOf(g.name.clone()));
        quote!(ts::Group { params: &[#(#params),*], none: #none, several: #several })
    }));
    let headers = o.request_headers.iter().filter(|h| h.required).map(|h| {
        let name = &h.name;
        let missing = option(
            o.errors
                .iter()
                .position(|e| {
                    matches!(&e.when, Some(When::MissingHeader(n)) if n.eq_ignore_ascii_case(name))
                })
                .map(number),
        );
        quote!(ts::Required { name: #name, missing: #missing })
    });
    let body = o.body.is_some();
    let success = examples.success(api, o);
    let failures: Vec<(&str, Served)> = o
        .errors
        .iter()
        .map(|e| (e.id.as_str(), examples.failure(o, e)))
        .collect();
    let chosen = examples.chosen(o);
    let mut origins = vec![format!("- success: {}", success.origin)];
    origins.extend(chosen.iter().map(|(values, s)| {
        let values: Vec<String> = values.iter().map(|(n, v)| format!("{n}={v}")).collect();
        format!("- success for {}: {}", values.join(", "), s.origin)
    }));
    origins.extend(
        failures
            .iter()
            .map(|(id, s)| format!("- `{id}`: {}", s.origin)),
    );
    let route_doc = doc(&format!(
        "What the test server knows of {}: its path, the rules of its page, and its documented responses.\n\n{}",
        o.name,
        origins.join("\n")
    ));
    let success = reply(&success);
    let errors = failures.iter().map(|(id, s)| {
        let reply = reply(s);
        quote!(ts::failure(#id, #reply))
    });
    let (id, http_method) = (&o.id, &o.method);
    let name = route_ident(o);
    let replay = replay::replay_ident(o);
    // The fields that differ from `Route::PLAIN`.
    let query: Vec<TokenStream> = query.collect();
    let headers: Vec<TokenStream> = headers.collect();
    let errors: Vec<TokenStream> = errors.collect();
    let query = (!query.is_empty()).then(|| quote!(query: &[#(#query),*],));
    let one_of = o.one_of.is_some().then(|| quote!(one_of: #one_of,));
    let headers = (!headers.is_empty()).then(|| quote!(headers: &[#(#headers),*],));
    let body = body.then(|| quote!(body: true,));
    let page = o.responses.iter().find_map(|r| match &r.body {
        Some(Type::Collection(name, _)) => {
            let name = page_ident(name);
            Some(quote!(page: Some(&super::#name),))
        }
        _ => None,
    });
    let errors = (!errors.is_empty()).then(|| quote!(errors: &[#(#errors),*],));
    let chosen: Vec<TokenStream> = chosen
        .iter()
        .map(|(values, s)| {
            let values = values.iter().map(|(n, v)| quote!((#n, #v)));
            let reply = reply(s);
            quote!(ts::chosen(&[#(#values),*], #reply))
        })
        .collect();
    let chosen = (!chosen.is_empty()).then(|| quote!(chosen: &[#(#chosen),*],));
    quote! {
        #route_doc
        pub(super) static #name: ts::Route = ts::Route {
            id: #id,
            method: #http_method,
            path: &[#(#path),*],
            #query
            #one_of
            #headers
            #body
            #page
            success: #success,
            #chosen
            #errors
            replay: #replay,
            ..ts::Route::PLAIN
        };
    }
}
