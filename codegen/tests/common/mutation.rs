//! Random edits of the spec, one line at a time: what a maintainer's typo,
//! a bad merge or a paste from a web page does to it. The property tests
//! generate from them; the tests package compiles a sample of what the
//! generator accepts (`tests/tests/accepted_specs_compile.rs`).

use proptest::prelude::*;

use super::spec_files;

/// A mutation of one line of the spec.
#[derive(Debug, Clone)]
pub enum Mutation {
    Delete,
    Duplicate,
    SwapWithNext,
    ReplaceValue(String),
    Insert(String),
}

/// Text that is hard to carry: quotes, escapes, comment ends, markup,
/// non-ASCII letters, line breaks of every kind and the characters that
/// reorder text, besides plain words.
fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("*/".to_string()),
            Just("\"#".to_string()),
            Just("\\n".to_string()),
            Just("\\r\\n".to_string()),
            Just("\\r".to_string()),
            Just("\r".to_string()),
            Just(": ".to_string()),
            Just("- ".to_string()),
            Just("[".to_string()),
            Just("{".to_string()),
            Just("’".to_string()),
            Just("中".to_string()),
            Just("é".to_string()),
            Just("\u{202E}".to_string()),
            Just("\u{2066}".to_string()),
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

/// Which file of the spec to edit (modulo their number), and one to three
/// mutations of it, each at a line (modulo its lines).
pub fn edits() -> impl Strategy<Value = (usize, Vec<(usize, Mutation)>)> {
    (
        0usize..16,
        prop::collection::vec((0usize..2000, mutation()), 1..4),
    )
}

/// The spec's files, by name, with `edits` applied.
pub fn mutated((file, mutations): &(usize, Vec<(usize, Mutation)>)) -> Vec<(String, String)> {
    let mut files = spec_files();
    let file = file % files.len();
    for (line, m) in mutations {
        files[file].1 = apply(&files[file].1, *line, m);
    }
    files
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
