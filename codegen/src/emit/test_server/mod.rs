//! What the test server (feature `test-server`) knows of the API, apart
//! from the client's code: in `routes/<area>.rs`, each operation's route
//! (path, rules, documented responses) and the server's method that scripts
//! it; in `routes/mod.rs`, every route with the catalogue's answers, the
//! throttled response and how listings page.

use proc_macro2::TokenStream;
use quote::quote;

use super::text::{doc, literal};
use super::{Module, ident, number};
use crate::examples::{Examples, Served, catalogue_answer, sample, sample_object, seconds_in};
use crate::model::{Answers, Api, Area, Collection, Encoding, Next, Param, Type, ValueType};

mod area;

pub use area::area;
use area::route_ident;

/// The feature that compiles the test server.
pub const FEATURE: &str = "test-server";

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
