//! A draft does not pass validation unread: every `decide:` is an error
//! at its line, until a person decides and removes it.

use partner_center_codegen::import::{self, Known};
use partner_center_codegen::{Diagnostic, Error, default_docs, load_api, spec};

use crate::cli::fixture;
use crate::common::spec_copy;

fn diagnostics(dir: &std::path::Path) -> Vec<Diagnostic> {
    match load_api(dir) {
        Err(Error::Spec(d)) => d,
        Err(other) => panic!("not a spec error: {other}"),
        Ok(_) => panic!("the spec with a draft is valid"),
    }
}

fn render(found: &[Diagnostic]) -> String {
    found
        .iter()
        .map(|d| {
            let source = std::fs::read_to_string(&d.file).unwrap();
            let shown = Diagnostic {
                file: d.file.file_name().unwrap().into(),
                ..d.clone()
            };
            shown.render(Some(&source), false)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_mark_of_a_draft_is_an_error_at_its_line() {
    let dir = spec_copy(|_, text| text.to_string());
    let known = Known::of(&spec::load(dir.path()).unwrap());
    let page = fixture("get-a-widget-by-id.md");
    let imported = import::import(&[page], &default_docs(), &known).unwrap();
    let appended = import::append("", &imported.draft, &known).unwrap();
    let file = dir.path().join("widgets.yaml");
    std::fs::write(&file, &appended.text).unwrap();
    let found = diagnostics(dir.path());
    assert_eq!(
        found
            .iter()
            .filter(|d| d.message.starts_with("undecided: "))
            .count(),
        imported.draft.decisions(),
    );
    insta::assert_snapshot!(render(&found));
}

/// A mark written with escapes by hand is found by its place among the
/// marks of the file.
#[test]
fn a_mark_with_escapes_is_found_too() {
    let dir = spec_copy(|name, text| {
        if name != "users.yaml" {
            return text.to_string();
        }
        text.replacen(
            "    name: GetCustomerUser\n",
            "    name: GetCustomerUser\n    decide: \"the \\\"id\\\" (get-a-user-account-by-id.md:9)\"\n",
            1,
        )
    });
    let found = diagnostics(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "undecided: the \"id\" (get-a-user-account-by-id.md:9)"
    );
    let text = std::fs::read_to_string(&found[0].file).unwrap();
    let line = text.lines().nth(found[0].line - 1).unwrap();
    assert!(line.trim_start().starts_with("decide:"), "{line}");
}
