//! What the generator's integration tests share: copies of the spec, its
//! random edits (`mutation`), the rendering of diagnostics (`diagnose`)
//! and edited copies of the documents (`pages`).
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself
#![allow(dead_code)] // each test file uses its own part

pub mod diagnose;
pub mod mutation;
pub mod pages;

use std::path::Path;

use partner_center_codegen::default_spec;

/// The spec's YAML files, by name, sorted.
pub fn spec_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(default_spec())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Writes `files` into `dir`, with the spec's schema beside them.
pub fn write_spec(dir: &Path, files: &[(String, String)]) {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let schema = partner_center_codegen::schema::FILE_NAME;
    std::fs::copy(default_spec().join(schema), dir.join(schema)).unwrap();
}

/// A copy of the spec in a temporary folder, `edit` given each file's name and text.
pub fn spec_copy(edit: impl Fn(&str, &str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(String, String)> = spec_files()
        .into_iter()
        .map(|(name, text)| {
            let edited = edit(&name, &text);
            (name, edited)
        })
        .collect();
    write_spec(dir.path(), &files);
    dir
}

/// The `every-shape` fixture spec, edited by `edit`, in a temporary folder.
pub fn fixture_copy(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = partner_center_codegen::workspace_root()
        .join("codegen/tests/fixtures/every-shape/spec.yaml");
    let text = std::fs::read_to_string(source).unwrap();
    let edited = edit(&text);
    assert_ne!(text, edited, "the edit changed nothing");
    std::fs::write(dir.path().join("spec.yaml"), edited).unwrap();
    dir
}
