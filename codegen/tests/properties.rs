//! Whatever the spec says, the generator answers without panicking; whatever
//! it accepts, it turns into Rust that parses (the tests package compiles a
//! sample: `tests/tests/accepted_specs_compile.rs`); and text carried into
//! the generated code reads there exactly as written.

use std::cell::Cell;

use partner_center_codegen::{GeneratedFile, generate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

mod common;
use common::mutation::{edits, mutated};
use common::{spec_files, write_spec};

/// Every generated file parses as Rust, and holds no character that rustc
/// refuses raw where the generator puts text: a carriage return (in a doc
/// comment) or a bidirectional control (in a comment or a literal).
fn all_parse(files: &[GeneratedFile]) -> Result<(), String> {
    for f in files {
        syn::parse_file(&f.contents).map_err(|e| format!("{}: {e}", f.name))?;
        let refused =
            |c: char| matches!(c, '\r' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if let Some((line, text)) = f
            .contents
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(refused))
        {
            return Err(format!("{}:{}: {text:?}", f.name, line + 1));
        }
    }
    Ok(())
}

/// How many mutated specs are generated.
const CASES: u32 = 256;

/// How many of them must validate, at least: the half of the property on
/// accepted specs is only tested on those. About 10% validate (26 of 256 on
/// average: a file of models, a property every few lines, is broken by most
/// edits); fewer than 5 happens less than once in a million runs by chance,
/// and always when the generator refuses what it should accept.
const ACCEPTED_AT_LEAST: u32 = 5;

/// Whatever the mutations, the generator answers without panicking; what it
/// accepts parses. Enough cases are accepted that the second half tests
/// something.
#[test]
fn mutated_specs_never_panic_and_accepted_ones_parse() {
    let accepted = Cell::new(0u32);
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        ..Config::default()
    });
    let result = runner.run(&edits(), |edits| {
        let dir = tempfile::tempdir().unwrap();
        write_spec(dir.path(), &mutated(&edits));
        if let Ok(generated) = generate(dir.path()) {
            accepted.set(accepted.get() + 1);
            prop_assert!(all_parse(&generated).is_ok(), "{:?}", all_parse(&generated));
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(
        accepted.get() >= ACCEPTED_AT_LEAST,
        "only {} of {CASES} mutated specs validated: the property on accepted specs tested too little",
        accepted.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random text is never a spec (it would need a spec's keys): the
    /// generator refuses it, without panicking, and says which file it
    /// refuses. (A half on what it accepts would pass without a case.)
    #[test]
    fn random_text_is_refused_without_panicking(text in any::<String>()) {
        let dir = tempfile::tempdir().unwrap();
        write_spec(dir.path(), &[("spec.yaml".to_string(), text)]);
        match generate(dir.path()) {
            Ok(_) => prop_assert!(false, "random text was taken for a spec"),
            Err(e) => {
                let file = dir.path().join("spec.yaml").display().to_string();
                prop_assert!(e.to_string().starts_with(&file), "{}", e);
            }
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
    let awkward = "Quotes \" and \\ backslash, */ and \"# and r#\"raw\"#, <token>, ’ and 中文,\nand a second line,\r\na third\rand a fourth, \u{202E}reversed\u{2066}.";
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
    // Bidi controls show as their escapes (rustc refuses them raw).
    let text = words(&docs.join("\n").replace("\\<", "<"));
    let shown = awkward
        .replace('\u{202E}', "\\u{202E}")
        .replace('\u{2066}', "\\u{2066}");
    assert!(text.contains(&words(&shown)), "{text}");
}
