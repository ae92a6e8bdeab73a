//! `<document>.rs`: the models one document describes (objects and open
//! enums), and the collection envelope when it is that document's.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Module, deserialize, doc, doc2, ident, rust_type};
use crate::model::{
    Api, Collection, EnumValue, Model, ModelKind, PathStep, Property, Type, ValueType,
};

pub fn emit(api: &Api, module: &str, models: &[&Model]) -> Module {
    let mut exports: Vec<String> = models.iter().map(|m| m.name.clone()).collect();
    let mut tokens: Vec<TokenStream> = models.iter().map(|m| model(api, m)).collect();
    let collection = api.collection.as_ref().filter(|c| c.module == module);
    if let Some(c) = collection {
        exports.push(c.name.clone());
        tokens.push(envelope(api, c));
    }
    let doc_file = models
        .first()
        .map(|m| m.doc.as_str())
        .or(collection.map(|c| c.doc.as_str()))
        .unwrap_or_default();
    let title = api
        .documents
        .iter()
        .find(|d| d.file == doc_file)
        .map_or(doc_file, |d| d.title.as_str());
    Module {
        file_name: format!("{module}.rs"),
        doc: format!("Models of \"{title}\" (`{doc_file}`)."),
        tokens: quote! { #(#tokens)* },
        exports,
        feature: None,
    }
}

fn model(api: &Api, m: &Model) -> TokenStream {
    let source = match m.origin {
        crate::model::Origin::Table => {
            format!("Documented in `{}`, table \"{}\".", m.doc, m.heading)
        }
        crate::model::Origin::Example => format!("Shown by the examples of `{}`.", m.doc),
        crate::model::Origin::Prose => format!("Described in `{}`.", m.doc),
    };
    let text = doc2(&m.description, &source);
    match &m.kind {
        ModelKind::Object(properties) => object(api, &m.name, &text, properties, false),
        ModelKind::Enum(values) => open_enum(&m.name, &text, values),
    }
}

/// A struct with a field per property: optional ones are `Option`s, left out
/// of JSON when `None`; unknown JSON fields are ignored ([`deserialize`]).
fn object(
    api: &Api,
    name: &str,
    text: &TokenStream,
    properties: &[Property],
    generic: bool,
) -> TokenStream {
    let ty = ident(name);
    let params = if generic { quote!(<T>) } else { quote!() };
    let fields = properties.iter().map(|p| {
        let field = ident(&p.rust_ident);
        let json = &p.name;
        let inner = rust_type(api, &p.ty);
        let text = doc(&p.description);
        if p.optional {
            quote! {
                #text
                #[serde(rename = #json, skip_serializing_if = "Option::is_none")]
                pub #field: Option<#inner>,
            }
        } else {
            quote! { #text #[serde(rename = #json)] pub #field: #inner, }
        }
    });
    let required: Vec<&Property> = properties.iter().filter(|p| !p.optional).collect();
    let args = required.iter().map(|p| {
        let field = ident(&p.rust_ident);
        match &p.ty {
            Type::Scalar(ValueType::String | ValueType::Uri) => quote!(#field: impl Into<String>),
            other => {
                let t = rust_type(api, other);
                quote!(#field: #t)
            }
        }
    });
    let inits = properties.iter().map(|p| {
        let field = ident(&p.rust_ident);
        match (&p.ty, p.optional) {
            (_, true) => quote!(#field: None),
            (Type::Scalar(ValueType::String | ValueType::Uri), false) => {
                quote!(#field: #field.into())
            }
            _ => quote!(#field),
        }
    });
    let new_doc = if required.is_empty() {
        format!("An empty `{name}`: every property is optional; set the ones to send.")
    } else {
        let names: Vec<String> = required.iter().map(|p| format!("`{}`", p.name)).collect();
        format!(
            "A `{name}` with its required properties ({}); the optional ones are `None`.",
            names.join(", ")
        )
    };
    let new_doc = doc(&new_doc);
    let default = required.is_empty().then(|| {
        quote! {
            impl #params Default for #ty #params {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    let deserialize = deserialize::object(name, properties, generic);
    quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        #[non_exhaustive]
        pub struct #ty #params {
            #(#fields)*
        }

        #deserialize

        impl #params #ty #params {
            #new_doc
            #[allow(clippy::new_without_default, clippy::too_many_arguments)]
            pub fn new(#(#args),*) -> Self {
                #ty { #(#inits),* }
            }
        }

        #default
    }
}

/// An open enum: the documented values, and any other kept as received.
/// Values compare without regard to ASCII case, as the service reads them.
fn open_enum(name: &str, text: &TokenStream, values: &[EnumValue]) -> TokenStream {
    let ty = ident(name);
    let variants = values.iter().map(|v| {
        let variant = ident(&v.variant);
        let text = doc2(&v.description, &format!("Written `{}`.", v.value));
        quote! { #text #variant, }
    });
    let to_str = values.iter().map(|v| {
        let variant = ident(&v.variant);
        let value = &v.value;
        quote! { #ty::#variant => #value, }
    });
    let from_str = values.iter().map(|v| {
        let variant = ident(&v.variant);
        let value = &v.value;
        quote! { _ if value.eq_ignore_ascii_case(#value) => #ty::#variant, }
    });
    quote! {
        #text
        #[derive(Debug, Clone)]
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
            /// A value the documents do not name, kept as written.
            Other(String),
        }

        impl #ty {
            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    #ty::Other(value) => value,
                }
            }
        }

        impl From<&str> for #ty {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => #ty::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for #ty {
            fn from(value: String) -> Self {
                match #ty::from(value.as_str()) {
                    #ty::Other(_) => #ty::Other(value),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for #ty {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(#ty::from(value))
            }
        }

        impl std::fmt::Display for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq for #ty {
            fn eq(&self, other: &Self) -> bool {
                self.as_str().eq_ignore_ascii_case(other.as_str())
            }
        }

        impl Eq for #ty {}

        impl std::hash::Hash for #ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                for byte in self.as_str().bytes() {
                    state.write_u8(byte.to_ascii_lowercase());
                }
            }
        }

        impl serde::Serialize for #ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(#ty::from)
            }
        }
    }
}

/// The collection envelope: a generic struct, and how a page names the next.
fn envelope(api: &Api, c: &Collection) -> TokenStream {
    let source = format!(
        "{}\n\nDocumented in `{}`. Awaiting a listing gives its first page; \
         `.pages()` and `.items()` on the call follow the next links.",
        c.description, c.doc
    );
    let text = doc(&source);
    let ty = ident(&c.name);
    let body = object(api, &c.name, &text, &c.properties, true);
    let items = ident(
        c.properties
            .iter()
            .find(|p| p.name == c.items)
            .map_or("items", |p| p.rust_ident.as_str()),
    );
    let relative_to = &c.relative_to;
    let link = chain(quote!(self), &c.next_link);
    let uri = ident(&c.link.uri.rust_ident);
    let uri = if c.link.uri.optional {
        quote!(link.#uri.as_deref()?)
    } else {
        quote!(link.#uri.as_str())
    };
    let method = match &c.link.method {
        Some(step) if step.optional => {
            let f = ident(&step.rust_ident);
            quote!(link.#f.as_deref())
        }
        Some(step) => {
            let f = ident(&step.rust_ident);
            quote!(Some(link.#f.as_str()))
        }
        None => quote!(None),
    };
    let pair = |step: &PathStep| {
        let f = ident(&step.rust_ident);
        if step.optional {
            quote!(pair.#f.as_deref()?)
        } else {
            quote!(pair.#f.as_str())
        }
    };
    let (key, value) = (pair(&c.link.key), pair(&c.link.value));
    let headers = match &c.link.headers {
        Some(step) => {
            let f = ident(&step.rust_ident);
            let list = if step.optional {
                quote!(link.#f.iter().flatten())
            } else {
                quote!(link.#f.iter())
            };
            if c.link.key.optional || c.link.value.optional {
                quote!(#list.filter_map(|pair| Some((#key, #value))).collect())
            } else {
                quote!(#list.map(|pair| (#key, #value)).collect())
            }
        }
        None => quote!(Vec::new()),
    };
    quote! {
        #body

        impl<T> crate::error::sealed::Sealed for #ty<T> {}

        impl<T: serde::de::DeserializeOwned + Send> crate::Paged for #ty<T> {
            type Item = T;

            const RELATIVE_TO: &'static str = #relative_to;

            fn next_link(&self) -> Option<crate::NextLink<'_>> {
                let link = #link?;
                let mut next = crate::NextLink::new(#uri);
                next.method = #method;
                next.headers = #headers;
                Some(next)
            }

            fn into_items(self) -> Vec<T> {
                self.#items
            }
        }
    }
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
