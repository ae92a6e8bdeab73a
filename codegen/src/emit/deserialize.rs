//! A model's `Serialize` and `Deserialize`: one invocation of the runtime's
//! `json::object!` that names each field, whether it is required, and its
//! JSON name. What it expands to is far less code than serde's derive,
//! which the crate's compile time feels (BENCHMARKS.md).

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::model::Property;

/// `impl Serialize` and `impl Deserialize` for `<name>` (`<name><T>` when `generic`).
pub fn object(name: &str, properties: &[Property], generic: bool) -> TokenStream {
    let ty = ident(name);
    let params = generic.then(|| quote!(<T>));
    let fields = properties.iter().map(|p| {
        let kind = ident(if p.optional { "optional" } else { "required" });
        let field = ident(&p.rust_ident);
        let json = &p.name;
        quote!(#kind #field = #json)
    });
    quote! {
        crate::json::object!(#ty #params { #(#fields),* });
    }
}
