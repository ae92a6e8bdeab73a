//! Whatever a page says, the importer answers without panicking, and what
//! it drafts reads back as a spec file: a page's lines deleted, repeated,
//! or replaced with the text the documents get wrong.

use partner_center_codegen::import::{self, Known};
use partner_center_codegen::spec::{self, raw::RawFile};
use partner_center_codegen::{default_docs, default_spec};
use proptest::prelude::*;

use crate::cli::fixture;

/// Text the pages write where it does not belong.
fn awkward_line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("|".to_string()),
            Just("| **GET** | [*{baseURL}*](x.md)/v1/{a}/{".to_string()),
            Just("```http\n".to_string()),
            Just("HTTP/1.1 200 OK\n{".to_string()),
            Just("{\"attributes\": {\"objectType\": \"Widget\"}, ".to_string()),
            Just("[X](widget-resources.md#widget)".to_string()),
            Just("## ".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("…".to_string()),
            Just("<guid>".to_string()),
            Just("’中".to_string()),
            "[a-zA-Z0-9 _-]{1,8}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

#[derive(Debug, Clone)]
enum Edit {
    Delete,
    Repeat,
    Replace(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::Delete),
        Just(Edit::Repeat),
        awkward_line().prop_map(Edit::Replace),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_mangled_page_is_drafted_or_refused(edits in prop::collection::vec((any::<prop::sample::Index>(), edit()), 1..6)) {
        let page = std::fs::read_to_string(fixture("get-a-widget-by-id.md")).unwrap();
        let mut lines: Vec<String> = page.lines().map(str::to_string).collect();
        for (at, edit) in edits {
            let i = at.index(lines.len().max(1)).min(lines.len().saturating_sub(1));
            match edit {
                Edit::Delete if !lines.is_empty() => { lines.remove(i); }
                Edit::Repeat if !lines.is_empty() => { let line = lines[i].clone(); lines.insert(i, line); }
                Edit::Replace(text) if !lines.is_empty() => lines[i] = text,
                _ => lines.push(String::new()),
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("get-a-widget-by-id.md");
        std::fs::write(&path, lines.join("\n")).unwrap();
        std::fs::copy(fixture("widget-resources.md"), dir.path().join("widget-resources.md")).unwrap();
        let known = Known::of(&spec::load(&default_spec()).unwrap());
        let imported = import::import(&[path], &default_docs(), &known).unwrap();
        let text = import::render(&imported.draft, &["page.md".to_string()]);
        let read: Result<RawFile, _> = serde_yaml::from_str(&text);
        prop_assert!(read.is_ok(), "{read:?}\n{text}");
    }
}
