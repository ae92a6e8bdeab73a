//! Turns the checked model into Rust: one token stream per generated file.
//! Nothing here can fail: the model is already known good.
//!
//! The generated crate is laid out by concern, each concern by the spec's
//! areas (its files):
//!
//! - `headers.rs`, `clouds.rs`, `error_codes.rs`, `rate_limits.rs`: the
//!   reference tables;
//! - `models/<area>.rs` (`model`): the area's resource models;
//! - `operations/<area>.rs` (`operation`): the area's operations, each its
//!   input and outcome types, its error type and its `Client` method;
//! - `routes/<area>.rs` (`test_server`, feature `test-server`): what the
//!   test server knows of each operation and the server's method that
//!   scripts it;
//! - `mod.rs` of the root and of each folder, which declare the modules and
//!   re-export the types users name.

mod builder;
mod call;
mod clouds;
mod deserialize;
mod error_codes;
mod errors;
mod headers;
mod model;
mod operation;
mod rate_limits;
mod replay;
mod signature;
pub mod test_server;
mod text;
mod union;

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::examples::Examples;
use crate::model::{Api, Area, Model, Operation, PathStep, Type, ValueType};
use text::doc;

/// A generated module, before formatting.
pub struct Module {
    /// Path inside the output folder, `/`-separated, e.g. `models/customers.rs`.
    pub file_name: String,
    /// One line saying what the module holds; becomes the doc of its `mod`.
    pub doc: String,
    pub tokens: TokenStream,
    /// The types the crate root re-exports.
    pub exports: Vec<String>,
    /// The crate feature the module is compiled with; `None` for always.
    /// Such a module is private: it adds to types declared elsewhere.
    pub feature: Option<&'static str>,
    /// Rust text that follows the formatted tokens, laid out by its emitter:
    /// a table of data, one entry a line, that prettyplease would spread
    /// over several lines an entry.
    pub table: Option<String>,
}

/// One module to emit. Emitting touches nothing shared, so that modules can
/// be emitted and formatted on several threads.
pub type Job<'a> = Box<dyn Fn() -> Module + Send + Sync + 'a>;

/// The folders of the generated crate's public concerns, each a module
/// per area: its name and its doc. (The test server's `routes` folder is
/// [`test_server`]'s.)
const FOLDERS: [(&str, &str); 2] = [
    (
        "models",
        "The resource models of the API, by area: every property the documents give, typed.",
    ),
    (
        "operations",
        "The operations of the API, by area: the `Client` methods that call them, their \
         inputs, outcomes and error types.",
    ),
];

/// Every module the generator owns but the root `mod.rs` ([`root`]), each
/// as a job; `examples` are the documents' responses the test server answers.
pub fn jobs<'a>(api: &'a Api, examples: &'a Examples) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job<'a>> = vec![
        Box::new(move || headers::emit(api)),
        Box::new(move || clouds::emit(api)),
        Box::new(move || error_codes::emit(api)),
        Box::new(move || rate_limits::emit(api)),
    ];
    let mut models: BTreeMap<&str, Vec<&Model>> = BTreeMap::new();
    for m in &api.models {
        models.entry(&m.area).or_default().push(m);
    }
    for c in &api.collections {
        models.entry(&c.area).or_default();
    }
    let mut operations: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for o in &api.operations {
        operations.entry(&o.area).or_default().push(o);
    }
    let areas = |names: Vec<&'a str>| -> Vec<&'a Area> {
        names
            .into_iter()
            .filter_map(|name| api.areas.iter().find(|a| a.ident == name))
            .collect()
    };
    let model_areas = areas(models.keys().copied().collect());
    let operation_areas = areas(operations.keys().copied().collect());
    jobs.push(Box::new(move || folder(FOLDERS[0], &model_areas)));
    jobs.push(Box::new({
        let areas = operation_areas.clone();
        move || folder(FOLDERS[1], &areas)
    }));
    jobs.push(Box::new(move || {
        test_server::emit(api, examples, &operation_areas)
    }));
    for (area, list) in models {
        jobs.push(Box::new(move || model::emit(api, area, &list)));
    }
    for (area, list) in operations {
        let routes = list.clone();
        jobs.push(Box::new(move || operation::emit(api, area, &list)));
        jobs.push(Box::new(move || {
            test_server::area(api, examples, area, &routes)
        }));
    }
    jobs
}

/// What a parent `mod.rs` says of a module: its path, its doc, the types
/// the crate root re-exports from it, and the feature it is compiled with.
#[derive(Debug, Clone)]
pub struct Outline {
    pub file_name: String,
    pub doc: String,
    pub exports: Vec<String>,
    pub feature: Option<&'static str>,
}

impl Module {
    /// What `mod.rs` needs to know of the module.
    pub fn outline(&self) -> Outline {
        Outline {
            file_name: self.file_name.clone(),
            doc: self.doc.clone(),
            exports: self.exports.clone(),
            feature: self.feature,
        }
    }
}

/// `<folder>/mod.rs`: declares a public module per area.
fn folder((name, text): (&str, &str), areas: &[&Area]) -> Module {
    let mods = areas.iter().map(|a| {
        let module = ident(&a.ident);
        let text = doc(&a.description);
        quote! { #text pub mod #module; }
    });
    Module {
        file_name: format!("{name}/mod.rs"),
        doc: text.into(),
        tokens: quote! { #(#mods)* },
        exports: Vec::new(),
        feature: None,
        table: None,
    }
}

/// The root `mod.rs`: declares the top-level modules and re-exports the
/// types users name, from wherever they are.
pub fn root(modules: &[Outline]) -> Module {
    let mut sorted: Vec<&Outline> = modules.iter().collect();
    sorted.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    let top = sorted.iter().filter_map(|m| {
        let name = m
            .file_name
            .strip_suffix("/mod.rs")
            .or_else(|| m.file_name.strip_suffix(".rs"))
            .filter(|n| !n.contains('/'))?;
        let name = ident(name);
        let text = doc(&m.doc);
        Some(match m.feature {
            Some(feature) => quote! { #text #[cfg(feature = #feature)] mod #name; },
            None => quote! { #text pub mod #name; },
        })
    });
    let exports = sorted.iter().filter(|m| !m.exports.is_empty()).map(|m| {
        let path = m.file_name.trim_end_matches(".rs").split('/').map(ident);
        let mut names: Vec<&String> = m.exports.iter().collect();
        names.sort();
        let names = names.into_iter().map(|n| ident(n));
        quote! { #(#path)::*::{#(#names),*} }
    });
    Module {
        file_name: "mod.rs".into(),
        doc: "The modules generated from the spec.".into(),
        // Each type is documented once, in its module; the root lists it as
        // a re-export.
        tokens: quote! {
            #(#top)*

            #[doc(no_inline)]
            pub use self::{#(#exports),*};
        },
        exports: Vec::new(),
        feature: None,
        table: None,
    }
}

/// An identifier the validator has already checked.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A number literal without a type suffix.
pub(crate) fn number(n: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::usize_unsuffixed(n)
}

/// The Rust type of a value of type `t`, as a field holds it.
pub(crate) fn rust_type(t: &Type) -> TokenStream {
    match t {
        Type::Scalar(s) => scalar(*s),
        Type::Model(name) => {
            let name = ident(name);
            quote!(crate::#name)
        }
        Type::Array(item) => {
            let item = rust_type(item);
            quote!(Vec<#item>)
        }
        Type::Map(value) => {
            let value = rust_type(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        Type::Json => quote!(crate::Json),
        Type::Binary => quote!(crate::Download),
        Type::Collection(name, item) => {
            let name = ident(name);
            let item = rust_type(item);
            quote!(crate::#name<#item>)
        }
        Type::Item => quote!(T),
    }
}

/// A type in words, for documentation.
pub(crate) fn type_words(t: &Type) -> String {
    match t {
        Type::Scalar(s) => match s {
            ValueType::String => "text",
            ValueType::Guid => "a GUID",
            ValueType::Int => "an integer",
            ValueType::Bool => "a boolean",
            ValueType::Decimal => "a decimal number",
            ValueType::DateTime => "a date and time",
            ValueType::Date => "a date",
            ValueType::Uri => "a URI",
        }
        .to_string(),
        Type::Model(name) => format!("[`{name}`](crate::{name})"),
        Type::Array(item) => format!("a list of {}", type_words(item)),
        Type::Map(value) => format!("an object of any keys, each {}", type_words(value)),
        Type::Json => "any JSON".into(),
        Type::Binary => "a file, read as it arrives ([`Download`](crate::Download))".into(),
        Type::Collection(name, item) => {
            format!("a paged [`{name}`](crate::{name}) of {}", type_words(item))
        }
        Type::Item => "the items".into(),
    }
}

fn scalar(s: ValueType) -> TokenStream {
    match s {
        ValueType::String | ValueType::Uri => quote!(String),
        ValueType::Guid => quote!(crate::Uuid),
        ValueType::Int => quote!(i64),
        ValueType::Bool => quote!(bool),
        ValueType::Decimal => quote!(crate::Decimal),
        ValueType::DateTime => quote!(crate::DateTime),
        ValueType::Date => quote!(crate::Date),
    }
}

/// Whether values of `t` are `Copy`.
pub(crate) fn is_copy(t: &Type) -> bool {
    matches!(
        t,
        Type::Scalar(ValueType::Guid | ValueType::Int | ValueType::Bool)
    )
}

/// The doc of an area's modules: its spec file's description.
pub(crate) fn description(api: &Api, area: &str) -> String {
    api.areas
        .iter()
        .find(|a| a.ident == area)
        .map_or_else(String::new, |a| a.description.clone())
}

/// The place `root` followed along `steps`: an `Option<&_>` of the end.
pub(crate) fn chain(root: TokenStream, steps: &[PathStep]) -> TokenStream {
    let mut expr: Option<TokenStream> = None;
    for step in steps {
        let f = ident(&step.rust_ident);
        expr = Some(match (expr, step.optional) {
            (None, true) => quote!(#root.#f.as_ref()),
            (None, false) => quote!(Some(&#root.#f)),
            (Some(e), true) => quote!(#e.and_then(|v| v.#f.as_ref())),
            (Some(e), false) => quote!(#e.map(|v| &v.#f)),
        });
    }
    expr.unwrap_or_else(|| quote!(Some(#root)))
}
