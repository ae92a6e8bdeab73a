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

/// A page a hundred times the largest of the documents is read in time
/// linear in it: one table of 20,000 rows, one block of 4,000 messages.
#[test]
fn a_large_page_is_drafted_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut resource = String::from(
        "# Widget resources\n\n## Widget\n\nA widget.\n\n| Property | Type | Description |\n|---|---|---|\n",
    );
    for i in 0..20_000 {
        resource.push_str(&format!(
            "| p{i} | [Widget](#widget) | The \"p{i}\": a widget. |\n"
        ));
    }
    std::fs::write(dir.path().join("widget-resources.md"), resource).unwrap();
    let mut page = String::from(
        "# Get widgets\n\nGets widgets.\n\n## Request syntax\n\n| Method | Request URI |\n|---|---|\n| GET | {baseURL}/v1/widgets/{id} HTTP/1.1 |\n\n## REST response\n\nReturns a [Widget](widget-resources.md#widget).\n\n```http\n",
    );
    for _ in 0..2_000 {
        page.push_str("GET https://h/v1/widgets/1 HTTP/1.1\n\nHTTP/1.1 200 OK\n\n{\"p1\": {\"attributes\": {\"objectType\": \"Widget\"}}}\n");
    }
    page.push_str("```\n");
    let path = dir.path().join("get-widgets.md");
    std::fs::write(&path, page).unwrap();
    let known = Known::of(&spec::load(&default_spec()).unwrap());
    let start = std::time::Instant::now();
    let imported = import::import(&[path], dir.path(), &known).unwrap();
    let took = start.elapsed();
    // The table's rows, and `attributes`, which only the examples show.
    assert_eq!(imported.draft.models[0].properties.len(), 20_001);
    assert!(took < std::time::Duration::from_secs(20), "{took:?}");
    println!("20,000 rows and 4,000 messages in {took:?}");
}
