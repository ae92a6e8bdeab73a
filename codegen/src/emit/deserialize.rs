//! A model's `Deserialize`: a visitor of the JSON object that stores each
//! property it knows (the runtime's `de` module finds the key among the
//! model's JSON names) and builds the struct, requiring the required ones.
//! Far less code than serde's derive, which the crate's compile time feels.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::model::Property;

/// `impl Deserialize for <name>` (`<name><T>` when `generic`).
pub fn object(name: &str, properties: &[Property], generic: bool) -> TokenStream {
    let ty = ident(name);
    let slots: Vec<_> = (0..properties.len())
        .map(|i| format_ident!("field{i}"))
        .collect();
    let names = properties.iter().map(|p| &p.name);
    let arms = slots.iter().enumerate().map(|(i, slot)| {
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        quote! { Some(#i) => #slot = Some(map.next_value()?), }
    });
    let inits = properties.iter().zip(&slots).map(|(p, slot)| {
        let field = ident(&p.rust_ident);
        let json = &p.name;
        if p.optional {
            // Read as `Option<T>`: a `null` is absent too.
            quote! { #field: #slot.flatten(), }
        } else {
            quote! { #field: crate::de::required(#slot, #json)?, }
        }
    });
    let expecting = format!("a {name} object");
    let (params, visitor, marker, value) = if generic {
        (
            quote!(<'de, T: serde::Deserialize<'de>>),
            quote!(Visitor<T>),
            quote!(Visitor(std::marker::PhantomData)),
            quote!(#ty<T>),
        )
    } else {
        (quote!(<'de>), quote!(Visitor), quote!(Visitor), quote!(#ty))
    };
    let visitor_struct = if generic {
        quote! { struct Visitor<T>(std::marker::PhantomData<T>); }
    } else {
        quote! { struct Visitor; }
    };
    quote! {
        impl #params serde::Deserialize<'de> for #value {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #visitor_struct

                impl #params serde::de::Visitor<'de> for #visitor {
                    type Value = #value;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                        #(let mut #slots = None;)*
                        while let Some(key) = map.next_key_seed(crate::de::Fields(&[#(#names),*]))? {
                            match key {
                                #(#arms)*
                                _ => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(#ty { #(#inits)* })
                    }
                }

                deserializer.deserialize_map(#marker)
            }
        }
    }
}
