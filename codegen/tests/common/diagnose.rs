//! How the diagnostics tests show what the generator reports: each edit of
//! a copy of the spec (or of the `every-shape` fixture), and every
//! diagnostic of the result rendered with its snippet.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::{Diagnostic, Error, load_api};

use super::{fixture_copy, spec_copy};

/// Copies the spec, lets `edit` change each file (by name), and renders every
/// diagnostic of the result with its snippet; file paths are shown by name.
pub fn diagnose(edit: impl Fn(&str, &str) -> String) -> String {
    render(spec_copy(edit))
}

/// The diagnostics of the `every-shape` fixture with `from` replaced by `to`.
pub fn clash(from: &str, to: &str) -> String {
    render(fixture_copy(|text| {
        assert!(text.contains(from), "the fixture has no {from:?}");
        text.replacen(from, to, 1)
    }))
}

pub fn render(dir: tempfile::TempDir) -> String {
    let diagnostics = match load_api(dir.path()) {
        Err(Error::Spec(d)) => d,
        Err(other) => panic!("not a spec error: {other}"),
        Ok(_) => panic!("the edited spec is valid"),
    };
    diagnostics
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

/// `edit` applied to one file only; the replacement must change it.
pub fn in_file<'a>(
    file: &'a str,
    from: &'a str,
    to: &'a str,
) -> impl Fn(&str, &str) -> String + 'a {
    move |name, text| {
        if name != file {
            return text.to_string();
        }
        assert!(text.contains(from), "{file} has no {from:?}");
        text.replacen(from, to, 1)
    }
}

/// Two edits in one file.
pub trait ThenFix<'a>: Fn(&str, &str) -> String + 'a + Sized {
    fn then_fix(
        self,
        file: &'a str,
        from: &'a str,
        to: &'a str,
    ) -> impl Fn(&str, &str) -> String + 'a {
        move |name, text| {
            let first = self(name, text);
            in_file(file, from, to)(name, &first)
        }
    }
}

impl<'a, F: Fn(&str, &str) -> String + 'a> ThenFix<'a> for F {}

/// A model named `name`, added to the fixture's models.
pub fn with_model(name: &str) -> String {
    clash(
        "models:\n",
        &format!(
            "models:\n  - name: {name}\n    doc: things.md\n    description: \"Added.\"\n    properties:\n      - name: added\n        type: string\n        description: \"Added.\"\n"
        ),
    )
}
