//! Whatever the spec says, the generator answers without panicking; whatever
//! it accepts, it turns into Rust that parses; and text carried into the
//! generated code reads there exactly as written.

use partner_center_codegen::{GeneratedFile, generate};
use proptest::prelude::*;

mod common;
use common::{spec_files, write_spec};

/// Every generated file parses as Rust.
fn all_parse(files: &[GeneratedFile]) -> Result<(), String> {
    for f in files {
        syn::parse_file(&f.contents).map_err(|e| format!("{}: {e}", f.name))?;
    }
    Ok(())
}

/// A mutation of one line of the spec.
#[derive(Debug, Clone)]
enum Mutation {
    Delete,
    Duplicate,
    SwapWithNext,
    ReplaceValue(String),
    Insert(String),
}

fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("*/".to_string()),
            Just("\"#".to_string()),
            Just("\\n".to_string()),
            Just(": ".to_string()),
            Just("- ".to_string()),
            Just("[".to_string()),
            Just("{".to_string()),
            Just("’".to_string()),
            Just("中".to_string()),
            Just("<token>".to_string()),
            "[a-zA-Z0-9 _-]{1,8}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        Just(Mutation::Duplicate),
        Just(Mutation::SwapWithNext),
        awkward_text().prop_map(Mutation::ReplaceValue),
        awkward_text().prop_map(Mutation::Insert),
    ]
}

fn apply(text: &str, line: usize, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let i = line % lines.len().max(1);
    match m {
        Mutation::Delete => {
            lines.remove(i);
        }
        Mutation::Duplicate => lines.insert(i, lines[i].clone()),
        Mutation::SwapWithNext if i + 1 < lines.len() => lines.swap(i, i + 1),
        Mutation::SwapWithNext => {}
        Mutation::ReplaceValue(v) => {
            if let Some((key, _)) = lines[i].split_once(": ") {
                lines[i] = format!("{key}: {v}");
            }
        }
        Mutation::Insert(v) => lines.insert(i, v.clone()),
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_specs_never_panic_and_accepted_ones_parse(
        file in 0usize..16,
        mutations in prop::collection::vec((0usize..2000, mutation()), 1..4),
    ) {
        let mut files = spec_files();
        let file = file % files.len();
        for (line, m) in &mutations {
            files[file].1 = apply(&files[file].1, *line, m);
        }
        let dir = tempfile::tempdir().unwrap();
        write_spec(dir.path(), &files);
        if let Ok(generated) = generate(dir.path()) {
            prop_assert!(all_parse(&generated).is_ok(), "{:?}", all_parse(&generated));
        }
    }

    #[test]
    fn random_text_never_panics(text in any::<String>()) {
        let dir = tempfile::tempdir().unwrap();
        write_spec(dir.path(), &[("spec.yaml".to_string(), text)]);
        if let Ok(generated) = generate(dir.path()) {
            prop_assert!(all_parse(&generated).is_ok());
        }
    }
}

/// The values of every string literal of a file; the pieces of a
/// `concat!` (a long literal split over lines) as the one text they make.
fn string_literals(source: &str) -> Vec<String> {
    fn walk(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
        // How far into `concat !` the previous tokens are: 0, 1 or 2.
        let mut concat = 0;
        for token in tokens {
            match &token {
                proc_macro2::TokenTree::Group(g) if concat == 2 => {
                    let mut pieces = Vec::new();
                    walk(g.stream(), &mut pieces);
                    out.push(pieces.concat());
                }
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), out),
                proc_macro2::TokenTree::Literal(l) => {
                    if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                        out.push(s.value());
                    }
                }
                _ => {}
            }
            concat = match &token {
                proc_macro2::TokenTree::Ident(i) if i == "concat" => 1,
                proc_macro2::TokenTree::Punct(p) if p.as_char() == '!' && concat == 1 => 2,
                _ => 0,
            };
        }
    }
    let mut out = Vec::new();
    walk(source.parse().expect("tokens"), &mut out);
    out
}

#[test]
fn awkward_text_is_carried_as_written() {
    let awkward = "Quotes \" and \\ backslash, */ and \"# and r#\"raw\"#, <token>, ’ and 中文,\nand a second line.";
    let yaml = serde_json::to_string(awkward).unwrap();
    let files: Vec<(String, String)> = spec_files()
        .into_iter()
        .map(|(name, text)| {
            let text = text.replacen(
                "description: \"MPN Id must be numeric.\"",
                &format!("description: {yaml}"),
                1,
            );
            (name, text)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    write_spec(dir.path(), &files);
    let generated = generate(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    all_parse(&generated).unwrap();
    let endpoint = generated
        .iter()
        .find(|f| f.name == "operations/agreement_status.rs")
        .unwrap();
    let literals = string_literals(&endpoint.contents);
    // The catalogue keeps it byte for byte.
    assert!(literals.iter().any(|l| l == awkward), "{literals:#?}");
    // The doc comment reads as written, wrapped (one attribute per line),
    // `<` escaped for rustdoc (rendered as `<`).
    let file = syn::parse_file(&endpoint.contents).unwrap();
    let docs: Vec<String> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Enum(e) if e.ident == "AgreementStatusError" => Some(e),
            _ => None,
        })
        .flat_map(|e| &e.variants)
        .filter(|v| v.ident == "MpnIdNotNumeric")
        .flat_map(|v| &v.attrs)
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&docs.join("\n").replace("\\<", "<"));
    assert!(text.contains(&words(awkward)), "{text}");
}
