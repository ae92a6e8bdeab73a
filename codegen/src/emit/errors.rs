//! An operation's error type: a variant per documented failure, told apart
//! by status, code and source (and description where those are shared), and
//! `Other` for every other failure.

use proc_macro2::TokenStream;
use quote::quote;

use super::{cell, doc, ident, number};
use crate::model::{ErrorEntry, Operation};

pub fn emit(o: &Operation) -> TokenStream {
    let ty = ident(&o.error_type);
    let table = table(o);
    let text = doc(&format!(
        "The failures of {}: a variant per failure its page documents, and \
         `Other` for any other.\n\n{table}",
        o.name
    ));
    let variants = o.errors.iter().map(|x| {
        let v = ident(&x.variant);
        let text = doc(&format!("{}\n\n{}", heading(x), facts(x)));
        quote! { #text #v(ApiError), }
    });
    let rows = o.errors.iter().map(documented);
    let table_doc = doc(&format!(
        "The documented failures of {}, in the documents' order.",
        o.name
    ));
    let lookup = o.errors.iter().enumerate().map(|(i, x)| {
        let v = ident(&x.variant);
        let i = number(i);
        quote! { #ty::#v(_) => Some(&ERRORS[#i]), }
    });
    let api_arms: Vec<TokenStream> = o
        .errors
        .iter()
        .map(|x| {
            let v = ident(&x.variant);
            quote! { #ty::#v(e) }
        })
        .collect();
    let classify = classify(o, &ty);
    // One arm for every documented variant, each holding its `ApiError` as `e`.
    let documented_arm = |body: TokenStream| {
        if api_arms.is_empty() {
            quote!()
        } else {
            quote! { #(#api_arms)|* => #body, }
        }
    };
    let parts = documented_arm(quote!(Parts::Documented(e)));
    let into_error = documented_arm(quote!(Error::Api(e)));
    quote! {
        #table_doc
        pub static ERRORS: &[DocumentedError] = &[#(#rows),*];

        #text
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
            /// Any other failure of the call: not sent, no response, throttled,
            /// an error the page does not document, or an unexpected body.
            Other(Error),
        }

        impl #ty {
            /// The documents' entry for this failure; `None` for `Other`.
            pub fn documented(&self) -> Option<&'static DocumentedError> {
                match self {
                    #(#lookup)*
                    #ty::Other(_) => None,
                }
            }

            /// The spec's identifier of this failure, `"other"` for `Other`.
            pub fn id(&self) -> &'static str {
                self.documented().map_or("other", |d| d.id)
            }

            /// The error response, for a documented failure.
            pub fn api_error(&self) -> Option<&ApiError> {
                self.parts().api_error()
            }

            /// The failure as the crate's general [`Error`].
            pub fn into_error(self) -> Error {
                match self {
                    #into_error
                    #ty::Other(e) => e,
                }
            }

            /// Status and headers of the response, when there was one.
            pub fn meta(&self) -> Option<&ResponseMeta> {
                self.parts().meta()
            }

            /// The call's ids and attempts; `None` when nothing was sent.
            pub fn call(&self) -> Option<&CallInfo> {
                self.parts().call()
            }

            fn parts(&self) -> Parts<'_> {
                match self {
                    #parts
                    #ty::Other(e) => Parts::Other(e),
                }
            }
        }

        impl std::fmt::Display for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.parts().show(self.documented(), f)
            }
        }

        impl std::error::Error for #ty {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                self.parts().source()
            }
        }

        impl From<#ty> for Error {
            fn from(e: #ty) -> Error {
                e.into_error()
            }
        }

        impl crate::error::sealed::Sealed for #ty {}

        impl OperationError for #ty {
            fn from_error(error: Error) -> Self {
                #classify
            }

            fn documented_entry(&self) -> Option<&'static DocumentedError> {
                self.documented()
            }
        }
    }
}

/// How a variant is introduced: the example's heading, or the page's words.
fn heading(x: &ErrorEntry) -> String {
    if x.example.is_empty() {
        x.description.clone()
    } else {
        x.example.clone()
    }
}

fn facts(x: &ErrorEntry) -> String {
    match (&x.code, &x.source) {
        (Some(code), Some(source)) => format!(
            "HTTP {}, code `{code}`, source `{source}`: \"{}\"",
            x.status, x.description
        ),
        _ => format!(
            "HTTP {}, whatever its code (the page gives no example body).",
            x.status
        ),
    }
}

/// The documented failures as a markdown table, for docs.rs.
fn table(o: &Operation) -> String {
    if o.errors.is_empty() {
        return format!("The page `{}` documents no failure.", o.doc);
    }
    let mut out =
        String::from("| variant | status | code | source | description |\n|---|---|---|---|---|\n");
    for x in &o.errors {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            x.variant,
            x.status,
            x.code.as_deref().unwrap_or("any"),
            x.source.as_deref().unwrap_or("any"),
            cell(&x.description)
        ));
    }
    out
}

fn documented(x: &ErrorEntry) -> TokenStream {
    let ErrorEntry {
        id,
        example,
        description,
        data,
        ..
    } = x;
    let status = number(x.status.into());
    let code = optional(x.code.as_deref());
    let source = optional(x.source.as_deref());
    quote! {
        DocumentedError {
            id: #id,
            example: #example,
            status: #status,
            code: #code,
            source: #source,
            description: #description,
            data: &[#(#data),*],
        }
    }
}

fn optional(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// A match on (status, code, source); where entries share those, on the
/// description too; entries told apart by status alone come last.
fn classify(o: &Operation, ty: &proc_macro2::Ident) -> TokenStream {
    let mut arms = Vec::new();
    let mut done: Vec<(u16, Option<&str>, Option<&str>)> = Vec::new();
    let mut status_only = Vec::new();
    for x in &o.errors {
        let key = (x.status, x.code.as_deref(), x.source.as_deref());
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let status = number(x.status.into());
        let v = ident(&x.variant);
        let (Some(code), Some(source)) = (key.1, key.2) else {
            status_only.push(quote! { (#status, _, _) => #ty::#v(e), });
            continue;
        };
        let pattern = quote! { (#status, #code, #source) };
        if x.needs_description {
            let inner = o
                .errors
                .iter()
                .filter(|y| (y.status, y.code.as_deref(), y.source.as_deref()) == key);
            let inner = inner.map(|y| {
                let v = ident(&y.variant);
                let d = &y.description;
                quote! { #d => #ty::#v(e), }
            });
            arms.push(quote! {
                #pattern => match e.body().description.as_str() {
                    #(#inner)*
                    _ => #ty::Other(Error::Api(e)),
                },
            });
        } else {
            arms.push(quote! { #pattern => #ty::#v(e), });
        }
    }
    if o.errors.is_empty() {
        return quote! { #ty::Other(error) };
    }
    quote! {
        let e = match error {
            Error::Api(e) => e,
            other => return #ty::Other(other),
        };
        let body = e.body();
        match (e.status(), body.code.as_str(), body.source.as_str()) {
            #(#arms)*
            #(#status_only)*
            _ => #ty::Other(Error::Api(e)),
        }
    }
}
