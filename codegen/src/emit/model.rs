//! `models/<area>.rs`: the models of one area (objects and open enums), and
//! the collection envelope when it is that area's.

use proc_macro2::TokenStream;
use quote::quote;

use super::builder::{self, Builders};
use super::text::{doc, doc2};
use super::{Module, chain, description, deserialize, ident, rust_type, union};
use crate::model::{
    Api, Collection, EnumValue, LinkShape, Model, ModelKind, Next, PathStep, Property, Type,
    ValueType,
};

pub fn emit(api: &Api, area: &str, models: &[&Model]) -> Module {
    let mut exports: Vec<String> = models.iter().map(|m| m.name.clone()).collect();
    let builders = Builders::new(api);
    let mut tokens: Vec<TokenStream> = models.iter().map(|m| model(m, &builders)).collect();
    for c in api.collections.iter().filter(|c| c.area == area) {
        exports.push(c.name.clone());
        tokens.push(envelope(c, &builders));
    }
    Module {
        file_name: format!("models/{area}.rs"),
        doc: description(api, area),
        tokens: quote! { #(#tokens)* },
        exports,
        feature: None,
        table: None,
    }
}

fn model(m: &Model, builders: &Builders) -> TokenStream {
    let source = match m.origin {
        crate::model::Origin::Table => {
            format!("Documented in `{}`, table \"{}\".", m.doc, m.heading)
        }
        crate::model::Origin::Example => format!("Shown by the examples of `{}`.", m.doc),
        crate::model::Origin::Prose => format!("Described in `{}`.", m.doc),
    };
    let source = match &m.rate_limit {
        // What a caller plans its concurrency by.
        Some(l) => format!(
            "{source}\n\nPartner Center accepts at most {} requests per {} per {} on this \
             resource: a client keeps under it with \
             [`rate_limits::{limit}`](crate::rate_limits::{limit}).",
            l.requests,
            l.per.word(),
            l.scope,
            limit = crate::ident::rate_limit_const(&m.name),
        ),
        None => source,
    };
    let text = doc2(&m.description, &source);
    match &m.kind {
        ModelKind::Object(properties) => object(&m.name, &text, properties, false, builders),
        ModelKind::Enum(values) => open_enum(&m.name, &text, values),
        ModelKind::Union(union) => union::emit(m, union),
    }
}

/// The type of a field of model `owner`: a model that holds itself (an
/// item type's subtype) holds it in a `Box`, or it would have no size.
fn field_type(owner: &str, ty: &Type) -> TokenStream {
    match ty {
        Type::Model(m) if m == owner => {
            let inner = rust_type(ty);
            quote!(Box<#inner>)
        }
        _ => rust_type(ty),
    }
}

/// A struct with a field per property: optional ones are `Option`s, left out
/// of JSON when `None`; unknown JSON fields are ignored ([`deserialize`]).
/// `new` takes the required properties but the metadata attributes, which
/// it fills with the model's object type; a model a request sends has a
/// setter per property ([`builder`]).
fn object(
    name: &str,
    text: &TokenStream,
    properties: &[Property],
    generic: bool,
    builders: &Builders,
) -> TokenStream {
    let ty = ident(name);
    let params = if generic { quote!(<T>) } else { quote!() };
    let fields = properties.iter().map(|p| {
        let field = ident(&p.rust_ident);
        let inner = field_type(name, &p.ty);
        let text = doc(&p.description);
        if p.optional {
            quote! { #text pub #field: Option<#inner>, }
        } else {
            quote! { #text pub #field: #inner, }
        }
    });
    // An envelope's object type is not its name (`Collection`): it is left
    // to the caller.
    let filled = |p: &Property| builders.filled(name, p).filter(|_| !generic);
    let required: Vec<&Property> = properties
        .iter()
        .filter(|p| !p.optional && filled(p).is_none())
        .collect();
    let args = required.iter().map(|p| {
        let field = ident(&p.rust_ident);
        match &p.ty {
            Type::Scalar(ValueType::String | ValueType::Uri) => quote!(#field: impl Into<String>),
            other => {
                let t = field_type(name, other);
                quote!(#field: #t)
            }
        }
    });
    let inits = properties.iter().map(|p| {
        let field = ident(&p.rust_ident);
        if let Some(value) = filled(p) {
            return quote!(#field: #value);
        }
        match (&p.ty, p.optional) {
            (_, true) => quote!(#field: None),
            (Type::Scalar(ValueType::String | ValueType::Uri), false) => {
                quote!(#field: #field.into())
            }
            _ => quote!(#field),
        }
    });
    let attributes = properties.iter().find(|p| filled(p).is_some());
    let mut new_doc = if required.is_empty() && attributes.is_some() {
        format!("A `{name}` with every optional property `None`: set the ones to send.")
    } else if required.is_empty() {
        format!("An empty `{name}`: every property is optional; set the ones to send.")
    } else {
        let names: Vec<String> = required.iter().map(|p| format!("`{}`", p.name)).collect();
        format!(
            "A `{name}` with its required properties ({}); the optional ones are `None`.",
            names.join(", ")
        )
    };
    if let Some(p) = attributes {
        new_doc.push_str(&format!(
            " Its `{}` names its object type, `{name}`.",
            p.name
        ));
    }
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
    // Clippy's limit: a model with more required properties takes them all.
    let many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let setters = (!generic && builders.is_sent(name)).then(|| builder::setters(name, properties));
    quote! {
        #text
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct #ty #params {
            #(#fields)*
        }

        #deserialize

        impl #params #ty #params {
            #new_doc
            #many
            pub fn new(#(#args),*) -> Self {
                #ty { #(#inits),* }
            }

            #setters
        }

        #default
    }
}

/// An open enum: the documented values, and any other kept as received;
/// the runtime's `json::open_enum!` gives it what every open enum has.
/// Values compare without regard to ASCII case, as the service reads them.
fn open_enum(name: &str, text: &TokenStream, values: &[EnumValue]) -> TokenStream {
    let ty = ident(name);
    let variants = values.iter().map(|v| {
        let variant = ident(&v.variant);
        let text = doc2(&v.description, &format!("Written `{}`.", v.value));
        quote! { #text #variant, }
    });
    let written = values.iter().map(|v| {
        let variant = ident(&v.variant);
        let value = &v.value;
        quote!(#variant = #value)
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

        crate::json::open_enum!(#ty { #(#written),* });
    }
}

/// The collection envelope: a generic struct, and how a page names the next.
fn envelope(c: &Collection, builders: &Builders) -> TokenStream {
    let source = format!(
        "{}\n\nDocumented in `{}`. Awaiting a listing gives its first page; \
         `.pages()` and `.items()` on the call follow the next links.",
        c.description, c.doc
    );
    let text = doc(&source);
    let ty = ident(&c.name);
    let body = object(&c.name, &text, &c.properties, true, builders);
    let items = ident(
        c.properties
            .iter()
            .find(|p| p.name == c.items)
            .map_or("items", |p| p.rust_ident.as_str()),
    );
    let relative_to = &c.relative_to;
    let continuation = c.continuation.iter().map(|k| &k.header);
    let next_link = match &c.next {
        Some(Next::Link(path, link)) => next_link(path, link),
        Some(Next::Uri(path)) => {
            let uri = chain(quote!(self), path);
            quote! { #uri.map(|uri| crate::NextLink::new(uri.as_str())) }
        }
        None => quote! { None },
    };
    quote! {
        #body

        impl<T> crate::error::sealed::Sealed for #ty<T> {}

        impl<T: serde::de::DeserializeOwned + Send> crate::Paged for #ty<T> {
            type Item = T;

            const RELATIVE_TO: &'static str = #relative_to;

            const CONTINUATION: &'static [&'static str] = &[#(#continuation),*];

            fn next_link(&self) -> Option<crate::NextLink<'_>> {
                #next_link
            }

            fn into_items(self) -> Vec<T> {
                self.#items
            }
        }
    }
}

/// The next page's link from a link object at `path`: its URI, method and
/// headers.
fn next_link(path: &[PathStep], link: &LinkShape) -> TokenStream {
    let at = chain(quote!(self), path);
    let uri = ident(&link.uri.rust_ident);
    let uri = if link.uri.optional {
        quote!(link.#uri.as_deref()?)
    } else {
        quote!(link.#uri.as_str())
    };
    let method = match &link.method {
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
    let (key, value) = (pair(&link.key), pair(&link.value));
    let headers = match &link.headers {
        Some(step) => {
            let f = ident(&step.rust_ident);
            let list = if step.optional {
                quote!(link.#f.iter().flatten())
            } else {
                quote!(link.#f.iter())
            };
            if link.key.optional || link.value.optional {
                quote!(#list.filter_map(|pair| Some((#key, #value))).collect())
            } else {
                quote!(#list.map(|pair| (#key, #value)).collect())
            }
        }
        None => quote!(Vec::new()),
    };
    quote! {
        let link = #at?;
        let mut next = crate::NextLink::new(#uri);
        next.method = #method;
        next.headers = #headers;
        Some(next)
    }
}
