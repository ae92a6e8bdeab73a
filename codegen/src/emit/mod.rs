//! Turns the checked model into Rust: one token stream per generated file.
//! Nothing here can fail: the model is already known good.
//!
//! Files: `headers.rs`, `clouds.rs`, `error_codes.rs`, one module per
//! document of models (`model`), one per operation (`operation`), and
//! `mod.rs`, which declares them and re-exports the types users name.

mod call;
mod clouds;
mod deserialize;
mod error_codes;
mod errors;
mod headers;
mod model;
mod operation;
pub mod test_server;

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::examples::Examples;
use crate::model::{Api, Model, Type, ValueType};

/// A generated module, before formatting.
pub struct Module {
    /// File name inside the output folder, e.g. `headers.rs`.
    pub file_name: String,
    /// One line saying what the module holds; becomes its `//!` doc.
    pub doc: String,
    pub tokens: TokenStream,
    /// The types the crate root re-exports.
    pub exports: Vec<String>,
    /// The crate feature the module is compiled with; `None` for always.
    /// Such a module is private: it adds to types declared elsewhere.
    pub feature: Option<&'static str>,
}

/// One module to emit. Emitting touches nothing shared, so that modules can
/// be emitted and formatted on several threads.
pub type Job<'a> = Box<dyn Fn() -> Module + Send + Sync + 'a>;

/// Every module the generator owns but `mod.rs` ([`root`]), each as a job;
/// `examples` are the documents' responses the test server answers.
pub fn jobs<'a>(api: &'a Api, examples: &'a Examples) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job<'a>> = vec![
        Box::new(move || headers::emit(api)),
        Box::new(move || clouds::emit(api)),
        Box::new(move || error_codes::emit(api)),
    ];
    let mut by_module: BTreeMap<&str, Vec<&Model>> = BTreeMap::new();
    for m in &api.models {
        by_module.entry(&m.module).or_default().push(m);
    }
    if let Some(c) = &api.collection {
        by_module.entry(&c.module).or_default();
    }
    for (name, models) in by_module {
        jobs.push(Box::new(move || model::emit(api, name, &models)));
    }
    for o in &api.operations {
        jobs.push(Box::new(move || operation::emit(api, o, examples)));
    }
    jobs.push(Box::new(move || test_server::emit(api, examples)));
    jobs
}

/// What `mod.rs` says of a module: its name, its doc, the types the crate
/// root re-exports from it, and the feature it is compiled with.
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

/// `mod.rs`: declares the other modules and re-exports the types users name.
pub fn root(modules: &[Outline]) -> Module {
    let mut sorted: Vec<&Outline> = modules.iter().collect();
    sorted.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    let mods = sorted.iter().map(|m| {
        let name = ident(m.file_name.trim_end_matches(".rs"));
        let text = doc(&m.doc);
        match m.feature {
            Some(feature) => quote! { #text #[cfg(feature = #feature)] mod #name; },
            None => quote! { #text pub mod #name; },
        }
    });
    let exports = sorted.iter().filter(|m| !m.exports.is_empty()).map(|m| {
        let module = ident(m.file_name.trim_end_matches(".rs"));
        let mut names: Vec<&String> = m.exports.iter().collect();
        names.sort();
        let names = names.into_iter().map(|n| ident(n));
        // Documented once, in its module; the root lists it as a re-export.
        quote! { #[doc(no_inline)] pub use self::#module::{#(#names),*}; }
    });
    Module {
        file_name: "mod.rs".into(),
        doc: "The modules generated from the spec.".into(),
        tokens: quote! {
            #(#mods)*
            #(#exports)*
        },
        exports: Vec::new(),
        feature: None,
    }
}

/// An identifier the validator has already checked.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Doc attributes for `text`, one per line, so that it reads as written.
/// `<` outside code spans is escaped: rustdoc would take `<token>` for an
/// HTML tag.
pub(crate) fn doc(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let mut escaped = String::with_capacity(line.len() + 2);
        escaped.push(' ');
        if line.contains('<') {
            let mut in_code = false;
            for c in line.chars() {
                match c {
                    '`' => in_code = !in_code,
                    '<' if !in_code => escaped.push('\\'),
                    _ => {}
                }
                escaped.push(c);
            }
        } else {
            escaped.push_str(line);
        }
        quote! { #[doc = #escaped] }
    });
    quote! { #(#lines)* }
}

/// A number literal without a type suffix.
pub(crate) fn number(n: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::usize_unsuffixed(n)
}

/// `doc`, then a blank doc line, then `more`.
pub(crate) fn doc2(text: &str, more: &str) -> TokenStream {
    doc(&format!("{text}\n\n{more}"))
}

/// Text for a markdown table cell: `|` escaped, lines joined.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The Rust type of a value of type `t`, as a field holds it.
pub(crate) fn rust_type(api: &Api, t: &Type) -> TokenStream {
    match t {
        Type::Scalar(s) => scalar(*s),
        Type::Model(name) => {
            let name = ident(name);
            quote!(crate::#name)
        }
        Type::Array(item) => {
            let item = rust_type(api, item);
            quote!(Vec<#item>)
        }
        Type::Collection(item) => {
            // Validation made sure the spec has a collection to name.
            let name = ident(api.collection.as_ref().map_or("Collection", |c| &c.name));
            let item = rust_type(api, item);
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
            ValueType::Uri => "a URI",
        }
        .to_string(),
        Type::Model(name) => format!("[`{name}`](crate::{name})"),
        Type::Array(item) => format!("a list of {}", type_words(item)),
        Type::Collection(item) => format!("a paged collection of {}", type_words(item)),
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
    }
}

/// Whether values of `t` are `Copy`.
pub(crate) fn is_copy(t: &Type) -> bool {
    matches!(
        t,
        Type::Scalar(ValueType::Guid | ValueType::Int | ValueType::Bool)
    )
}
