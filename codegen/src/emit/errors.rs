//! An operation's error type: a variant per documented failure and `Other`
//! for every other failure, its table of documented failures, and the
//! runtime's `operation_error!`, which gives it what every error type has
//! (telling the failures apart by status, code and source, and description
//! where those are shared, is the runtime's, from the table).

use proc_macro2::TokenStream;
use quote::quote;

use super::text::{doc, literal};
use super::{ident, number};
use crate::model::{ErrorEntry, Operation};

pub fn emit(o: &Operation) -> TokenStream {
    let ty = ident(&o.error_type);
    let method = &o.fn_ident;
    let variants: Vec<_> = o.errors.iter().map(|x| ident(&x.variant)).collect();
    let docs = o
        .errors
        .iter()
        .map(|x| doc(&format!("{}\n\n{}", heading(x), facts(x))));
    let (text, other) = if o.errors.is_empty() {
        (
            format!(
                "The failures of [`Client::{method}`](crate::Client::{method}): its page \
                 documents none, so every failure is `Other`."
            ),
            "Any failure of the call: not sent, no response, throttled, an error \
             response, or an unexpected body.",
        )
    } else {
        (
            format!(
                "The failures of [`Client::{method}`](crate::Client::{method}): a variant \
                 per failure its page documents, and `Other` for any other.\n\n{}",
                table(o)
            ),
            "Any other failure of the call: not sent, no response, throttled, an error \
             the page does not document, or an unexpected body.",
        )
    };
    let text = doc(&text);
    let other = doc(other);
    let documented = (!o.errors.is_empty()).then(|| {
        let rows = o.errors.iter().map(row);
        quote! {
            impl #ty {
                /// The failures its page documents, in the page's order: a variant each.
                pub const DOCUMENTED: &'static [DocumentedError] = &[#(#rows),*];
            }
        }
    });
    quote! {
        #text
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum #ty {
            #(#docs #variants(ApiError),)*
            #other
            Other(Error),
        }

        #documented

        crate::error::operation_error!(#ty { #(#variants),* });
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

/// The documented failures as a markdown table, for docs.rs: the variant
/// and what tells it apart (its description is on the variant).
fn table(o: &Operation) -> String {
    let mut out = String::from("| variant | status | code | source |\n|---|---|---|---|\n");
    for x in &o.errors {
        out.push_str(&format!(
            "| [`{v}`](Self::{v}) | {} | {} | {} |\n",
            x.status,
            x.code.as_deref().unwrap_or("any"),
            x.source.as_deref().unwrap_or("any"),
            v = x.variant,
        ));
    }
    out
}

fn row(x: &ErrorEntry) -> TokenStream {
    let id = &x.id;
    let example = literal(&x.example);
    let description = literal(&x.description);
    let data = x.data.iter().map(|d| literal(d));
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
