//! Turns the checked model into Rust: one token stream per generated file.
//! Nothing here can fail: the model is already known good.

mod clouds;
mod endpoint;
mod error_codes;
mod headers;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::Api;

/// A generated module, before formatting.
pub struct Module {
    /// File name inside the output folder, e.g. `headers.rs`.
    pub file_name: String,
    /// One line saying what the module holds; becomes its `//!` doc.
    pub doc: String,
    pub tokens: TokenStream,
}

/// Every module the generator owns, in file-name order.
pub fn emit(api: &Api) -> Vec<Module> {
    let mut modules = vec![
        headers::emit(api),
        clouds::emit(api),
        error_codes::emit(api),
    ];
    modules.extend(api.endpoints.iter().map(endpoint::emit));
    modules.push(root(api, &modules));
    modules.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    modules
}

/// `mod.rs`: declares the other modules and re-exports the types users name.
fn root(api: &Api, modules: &[Module]) -> Module {
    let mods = modules.iter().map(|m| {
        let name = ident(m.file_name.trim_end_matches(".rs"));
        let text = doc(&m.doc);
        quote! { #text pub mod #name; }
    });
    let exports = api.endpoints.iter().map(|e| {
        let module = ident(&e.fn_ident);
        let mut names = vec![ident(&e.response.rust_type), ident(&e.error_type)];
        names.extend(e.path_params.iter().map(|p| ident(&p.rust_type)));
        names.extend(e.reseller.iter().map(|r| ident(&r.rust_type)));
        names.sort();
        quote! { pub use self::#module::{#(#names),*}; }
    });
    Module {
        file_name: "mod.rs".into(),
        doc: "The modules generated from the spec.".into(),
        tokens: quote! {
            #(#mods)*
            pub use self::clouds::Cloud;
            #(#exports)*
        },
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
        let mut escaped = String::from(" ");
        let mut in_code = false;
        for c in line.chars() {
            match c {
                '`' => in_code = !in_code,
                '<' if !in_code => escaped.push('\\'),
                _ => {}
            }
            escaped.push(c);
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
