//! `cargo codegen import` on the command line: exit codes, the draft on
//! stdout, located errors for a page it cannot draft, and `--append`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use partner_center_codegen::spec::raw::RawFile;
use partner_center_codegen::workspace_root;

use crate::common::spec_copy;

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partner-center-codegen"))
        .args(args)
        .output()
        .expect("run partner-center-codegen")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn fixture(name: &str) -> PathBuf {
    workspace_root()
        .join("codegen/tests/fixtures/import")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_page_is_drafted_on_stdout_and_reads_back_byte_for_byte() {
    let page = fixture("get-a-widget-by-id.md");
    let out = codegen(&["import", s(&page)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let draft: RawFile = serde_yaml::from_slice(&out.stdout).unwrap();
    let op = &draft.operations[0];
    // Quotes, colons, backslashes and characters beyond ASCII, as the page writes them.
    assert_eq!(
        op.summary,
        "Gets a Widget resource: its \"colour\", its path C:\\widgets\\blue, and its naïve name — “as is”."
    );
    assert_eq!(
        op.errors[0].description,
        "Widget \"2ca7\" isn't found: check its ID."
    );
    let widget = draft.models.iter().find(|m| m.name == "Widget").unwrap();
    assert_eq!(
        widget.properties[2].description,
        "How big, in C:\\units\\ or ⟨cm⟩."
    );
    assert!(
        op.decide
            .as_deref()
            .unwrap()
            .contains("(get-a-widget-by-id.md:6)")
    );
    assert!(
        stderr(&out).contains("drafted 1 operation(s)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_and_missing_files_exit_2() {
    let out = codegen(&["import"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let missing = fixture("no-such-page.md");
    let out = codegen(&["import", s(&missing)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no-such-page.md"), "{}", stderr(&out));
}

#[test]
fn a_page_it_cannot_draft_is_a_located_error() {
    let page = fixture("broken-syntax.md");
    let out = codegen(&["import", s(&page), s(&fixture("get-a-widget-by-id.md"))]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("broken-syntax.md:11:1: error: no row"),
        "{err}"
    );
    // The other page is drafted all the same.
    let draft: RawFile = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(draft.operations.len(), 1);
}

#[test]
fn append_adds_new_ids_only_and_keeps_the_file_byte_for_byte() {
    let spec = spec_copy(|_, text| text.to_string());
    let file = spec.path().join("customers.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    let page = fixture("get-a-widget-by-id.md");
    let args = [
        "import",
        s(&page),
        "--append",
        s(&file),
        "--spec",
        s(spec.path()),
    ];
    let out = codegen(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(&file).unwrap();
    // Only insertions: every byte of the file is still there, in order.
    let diff = similar::TextDiff::from_lines(&before, &after);
    for change in diff.iter_all_changes() {
        assert_ne!(change.tag(), similar::ChangeTag::Delete, "{after}");
    }
    assert!(after.contains("  - id: get_widget_by_id\n"), "{after}");
    assert!(after.contains("  - name: Widget\n"), "{after}");
    // ResourceAttributes and utility-resources.md are the spec's already.
    let err = stderr(&out);
    assert!(err.contains("skipped model ResourceAttributes"), "{err}");
    assert!(
        err.contains("skipped document utility-resources.md"),
        "{err}"
    );
    assert!(!after.contains("  - name: ResourceAttributes\n"), "{after}");
    let parsed: RawFile = serde_yaml::from_str(&after).unwrap();
    assert!(parsed.operations.iter().any(|o| o.id == "list_customers"));

    // A second time, everything is there: nothing changes.
    let out = codegen(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);
    assert!(
        stderr(&out).contains("skipped operation get_widget_by_id"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn append_to_a_new_file_writes_a_spec_file() {
    let spec = spec_copy(|_, text| text.to_string());
    let file = spec.path().join("widgets.yaml");
    let page = fixture("get-a-widget-by-id.md");
    let out = codegen(&[
        "import",
        s(&page),
        "--append",
        s(&file),
        "--spec",
        s(spec.path()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=spec.schema.json\n"),
        "{text}"
    );
    let parsed: RawFile = serde_yaml::from_str(&text).unwrap();
    assert_eq!(parsed.operations.len(), 1);
    assert_eq!(parsed.documents.len(), 2, "{text}");
}
