//! `error_codes.rs`: the global error catalogue, and a lookup by code.

use quote::quote;

use super::Module;
use crate::model::{Api, GlobalCode};

pub fn emit(api: &Api) -> Module {
    let source = api
        .error_codes
        .as_ref()
        .map_or("the spec".to_string(), |c| format!("`{}`", c.doc));
    let mut table = String::from(
        "/// The error codes of SOURCE, one entry per status and code, in the document's order:\n\
         /// the status, its name, the code and what the document says it means.\n\
         ///\n\
         /// The codes are not unique across the API: an operation's own catalogue (the\n\
         /// `DOCUMENTED` failures of its error type) says more about its failures than this\n\
         /// table. [`lookup`] finds the entries of a code.\n\
         pub static ERROR_CODES: &[ErrorCodeInfo] = &[\n",
    )
    .replace("SOURCE", &source);
    for c in api.error_codes.iter().flat_map(|c| &c.codes) {
        entry(c, &mut table);
    }
    table.push_str("];\n");
    Module {
        file_name: "error_codes.rs".into(),
        doc: "The global error catalogue: what the documents say each error code means.".into(),
        tokens: quote! {
            use crate::ErrorCodeInfo;

            /// The documented entries of `code`, only those of `status` when it is given.
            pub fn lookup(status: Option<u16>, code: &str) -> impl Iterator<Item = &'static ErrorCodeInfo> + '_ {
                ERROR_CODES
                    .iter()
                    .filter(move |e| e.code == code && status.is_none_or(|s| s == e.status))
            }
        },
        exports: Vec::new(),
        feature: None,
        table: Some(table),
    }
}

/// Lines wider than this are laid out over several.
const WIDTH: usize = 100;

/// One entry of the table: on one line when it fits, else its descriptions
/// a line each, each split as [`pieces`] says.
fn entry(c: &GlobalCode, out: &mut String) {
    let head = format!(
        "    ErrorCodeInfo::new({}, {}, {}, &[",
        c.status,
        quoted(&c.status_name),
        quoted(&c.code)
    );
    let descriptions: Vec<String> = c.descriptions.iter().map(|d| quoted(d)).collect();
    let one_line = format!("{head}{}]),", descriptions.join(", "));
    if one_line.len() <= WIDTH {
        out.push_str(&one_line);
        out.push('\n');
        return;
    }
    out.push_str(&head);
    out.push('\n');
    for d in &c.descriptions {
        let pieces = pieces(d, WIDTH - 12);
        if let [one] = &pieces[..] {
            out.push_str(&format!("        {one},\n"));
        } else {
            out.push_str("        concat!(\n");
            for piece in pieces {
                out.push_str(&format!("            {piece},\n"));
            }
            out.push_str("        ),\n");
        }
    }
    out.push_str("    ]),\n");
}

/// `text` as Rust string literals of at most `width` columns each (but a
/// word longer than that), broken after spaces.
fn pieces(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split_inclusive(' ') {
        if !current.is_empty() && quoted(&format!("{current}{word}")).len() > width {
            out.push(quoted(&std::mem::take(&mut current)));
        }
        current.push_str(word);
    }
    out.push(quoted(&current));
    out
}

/// A Rust string literal of `text`.
fn quoted(text: &str) -> String {
    proc_macro2::Literal::string(text).to_string()
}
