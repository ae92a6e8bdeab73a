//! `error_codes.rs`: the global error catalogue, and a lookup by code.

use quote::quote;

use super::{Module, cell, doc, number};
use crate::model::Api;

pub fn emit(api: &Api) -> Module {
    let codes = api.error_codes.iter().flat_map(|c| &c.codes);
    let rows: Vec<_> = codes
        .map(|c| {
            let (code, status, name) = (&c.code, number(c.status.into()), &c.status_name);
            let descriptions = &c.descriptions;
            quote! {
                ErrorCodeInfo {
                    code: #code,
                    status: #status,
                    status_name: #name,
                    descriptions: &[#(#descriptions),*],
                }
            }
        })
        .collect();
    let source = api
        .error_codes
        .as_ref()
        .map_or("the spec".to_string(), |c| format!("`{}`", c.doc));
    let mut table = String::from("| status | code | description |\n|---|---|---|\n");
    for c in api.error_codes.iter().flat_map(|c| &c.codes) {
        let text: Vec<String> = c.descriptions.iter().map(|d| cell(d)).collect();
        table.push_str(&format!(
            "| {} {} | `{}` | {} |\n",
            c.status,
            c.status_name,
            c.code,
            text.join(" / ")
        ));
    }
    let table_doc = doc(&format!(
        "The error codes of {source}, one entry per status and code, in the document's order.\n\n\
         The codes are not unique across the API: an operation's own catalogue (its \
         `<Operation>Error` enum) says more about its failures than this table.\n\n{table}"
    ));
    Module {
        file_name: "error_codes.rs".into(),
        doc: "The global error catalogue: what the documents say each error code means.".into(),
        tokens: quote! {
            use crate::ErrorCodeInfo;

            #table_doc
            pub static ERROR_CODES: &[ErrorCodeInfo] = &[#(#rows),*];

            /// The documented entries of `code`, only those of `status` when it is given.
            pub fn lookup(status: Option<u16>, code: &str) -> impl Iterator<Item = &'static ErrorCodeInfo> + '_ {
                ERROR_CODES
                    .iter()
                    .filter(move |e| e.code == code && status.is_none_or(|s| s == e.status))
            }
        },
        exports: Vec::new(),
        feature: None,
    }
}
