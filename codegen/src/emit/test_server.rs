//! What the test server (feature `test-server`) knows of the API, apart
//! from the client's code: in `routes/<area>.rs`, each operation's route
//! (path, rules, documented responses) and the server's method that scripts
//! it; in `routes/mod.rs`, every route with the catalogue's answers, the
//! throttled response and how listings page.

use proc_macro2::TokenStream;
use quote::quote;

use super::signature::value_type;
use super::text::{doc, literal};
use super::{Module, description, ident, number, replay};
use crate::examples::{Examples, Served, catalogue_answer, sample, sample_object, seconds_in};
use crate::model::{
    Answers, Api, Area, Collection, Encoding, Next, Operation, Param, Segment, Type, ValueType,
    When,
};

/// The feature that compiles the test server.
pub const FEATURE: &str = "test-server";

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
fn route_ident(o: &Operation) -> proc_macro2::Ident {
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

/// `routes/mod.rs`: the areas' modules, every route, the catalogue's
/// answers, the throttled response, how listings page, and the server's
/// constructors.
pub fn emit(api: &Api, examples: &Examples, areas: &[&Area]) -> Module {
    let mods = areas.iter().map(|a| {
        let module = ident(&a.ident);
        let text = doc(&a.description);
        quote! { #text mod #module; }
    });
    let routes = api.operations.iter().map(|o| {
        let (module, name) = (ident(&o.area), route_ident(o));
        quote!(&#module::#name)
    });
    let answer = |answers: Answers, status: u16| {
        let served = api
            .error_codes
            .iter()
            .flat_map(|c| &c.codes)
            .find(|c| c.answers == Some(answers))
            .map_or_else(
                || Served {
                    status,
                    headers: Vec::new(),
                    body: String::new(),
                    origin: String::new(),
                },
                catalogue_answer,
            );
        reply(&served)
    };
    let missing_token = answer(Answers::MissingToken, 401);
    let invalid_request = answer(Answers::InvalidRequest, 400);
    let unknown_path = answer(Answers::UnknownPath, 404);
    let throttled =
        option(api.throttling.as_ref().map(|t| {
            let served = examples.throttled().cloned().unwrap_or_else(|| Served {
                status: t.status,
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: sample_object(api, &t.body, 1).to_string(),
                origin: String::new(),
            });
            let documented = served
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&t.retry_after))
                .map(|(_, v)| v.trim());
            let seconds = option(documented.and_then(|s| seconds_in(&served.body, s)).map(
                |(a, b)| {
                    let (a, b) = (number(a), number(b));
                    quote!((#a, #b))
                },
            ));
            let (reply, retry_after) = (reply(&served), &t.retry_after);
            quote!(ts::Throttled { reply: #reply, retry_after: #retry_after, seconds: #seconds })
        }));
    let pages = api.collections.iter().map(|c| page_shape(api, c));
    Module {
        file_name: "routes/mod.rs".into(),
        doc: "What the test server knows of each operation, by area, and every route with the \
              catalogue's answers, the throttled response and how listings page."
            .into(),
        tokens: quote! {
            #(#mods)*

            use crate::test_server as ts;

            /// Everything the test server answers from.
            pub(crate) static ROUTES: ts::Routes = ts::Routes {
                operations: &[#(#routes),*],
                protocol: &crate::headers::PROTOCOL,
                missing_token: #missing_token,
                invalid_request: #invalid_request,
                unknown_path: #unknown_path,
                throttled: #throttled,
            };

            #(#pages)*

            impl crate::Client {
                /// Calls the operation `id` (the spec's id: the name of its
                /// method) with `inputs` given by name, as a recorded request
                /// gives them: the values read as the types its method takes.
                /// `Err` when no operation has this id or an input is missing
                /// or not of its type (nothing was sent); the call's own
                /// outcome is in [`Replayed`](ts::Replayed).
                pub async fn replay(
                    &self,
                    id: &str,
                    inputs: &ts::Inputs,
                ) -> Result<ts::Replayed, ts::InputError> {
                    ts::replay_in(&ROUTES, self, id, inputs).await
                }
            }

            impl crate::TestServer {
                /// Starts a test server on a free port of 127.0.0.1, on the
                /// current Tokio runtime; it stops when dropped.
                pub async fn start() -> std::io::Result<crate::TestServer> {
                    crate::TestServer::serve(&ROUTES, 0).await
                }

                /// Starts a test server on `port` of 127.0.0.1 (0 for a free
                /// one), on the current Tokio runtime; it stops when dropped.
                pub async fn start_on(port: u16) -> std::io::Result<crate::TestServer> {
                    crate::TestServer::serve(&ROUTES, port).await
                }
            }
        },
        exports: Vec::new(),
        feature: Some(FEATURE),
        table: None,
    }
}

/// The name of the static that says how pages of collection `name` are
/// written.
fn page_ident(name: &str) -> proc_macro2::Ident {
    ident(&crate::ident::page_static(name))
}

/// How a page of collection `c` is written: its smallest body, where the
/// items, the count and the next page go.
fn page_shape(api: &Api, c: &Collection) -> TokenStream {
    let collection = Type::Collection(c.name.clone(), Box::new(Type::Item));
    let template = literal(&sample(api, &collection, 0).to_string());
    let items = &c.items;
    let total = option(c.total.as_ref().map(|t| quote!(#t)));
    let relative_to = &c.relative_to;
    let next = option(c.next.as_ref().map(|next| match next {
        Next::Uri(path) => {
            let at = path.iter().map(|s| &s.name);
            quote!(ts::NextShape::Uri { at: &[#(#at),*] })
        }
        Next::Link(path, link) => {
            let at = path.iter().map(|s| &s.name);
            let uri = &link.uri.name;
            let method = option(link.method.as_ref().map(|m| {
                let m = &m.name;
                quote!(#m)
            }));
            let headers = option(link.headers.as_ref().map(|h| {
                let h = &h.name;
                quote!(#h)
            }));
            let (key, value) = (&link.key.name, &link.value.name);
            let continuation = option(c.continuation.as_ref().map(|k| {
                let (h, n, v) = (&k.header, &k.query_name, &k.query_value);
                quote!((#h, #n, #v))
            }));
            quote!(ts::NextShape::Link {
                at: &[#(#at),*],
                uri: #uri,
                method: #method,
                headers: #headers,
                key: #key,
                value: #value,
                continuation: #continuation,
            })
        }
    }));
    let name = page_ident(&c.name);
    let text = doc(&format!(
        "How the test server writes a page of `{}`.",
        c.name
    ));
    quote! {
        #text
        pub(super) static #name: ts::PageShape = ts::PageShape {
            template: #template,
            items: #items,
            total: #total,
            next: #next,
            relative_to: #relative_to,
        };
    }
}

fn option(value: Option<impl quote::ToTokens>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn reply(served: &Served) -> TokenStream {
    let status = proc_macro2::Literal::u16_unsuffixed(served.status);
    let headers = served.headers.iter().map(|(n, v)| quote!((#n, #v)));
    let body = literal(&served.body);
    quote!(ts::reply(#status, &[#(#headers),*], #body))
}

/// What a value of `p` must read as.
fn kind(p: &Param) -> proc_macro2::Ident {
    let kind = match (&p.ty, p.encoding) {
        (_, Encoding::Json) => "Json",
        (Type::Scalar(ValueType::Guid), _) => "Guid",
        (Type::Scalar(ValueType::Int), _) => "Int",
        (Type::Scalar(ValueType::Bool), _) => "Bool",
        (Type::Scalar(ValueType::Decimal), _) => "Decimal",
        (Type::Scalar(ValueType::DateTime), _) => "DateTime",
        (Type::Scalar(ValueType::Date), _) => "Date",
        _ => "Text",
    };
    ident(kind)
}
