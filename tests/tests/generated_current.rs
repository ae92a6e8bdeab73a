//! `generated/` is what the spec gives, byte for byte, every time.

use partner_center_codegen::{Drift, default_out, default_spec, generate, output, schema};

#[test]
fn checked_in_output_matches_the_spec() {
    let files = generate(&default_spec()).unwrap_or_else(|e| panic!("{e}"));
    let mut drift = output::check(&default_out(), &files).unwrap_or_else(|e| panic!("{e}"));
    let schema = schema::path_for(&default_spec());
    drift.extend(output::check_file(&schema, &schema::render(), schema::MARKER).unwrap());
    let shown: String = drift.iter().map(ToString::to_string).collect();
    assert!(
        drift.is_empty(),
        "generated/ is stale; run `cargo codegen`:\n{shown}"
    );
}

#[test]
fn generating_twice_gives_identical_bytes() {
    let first = generate(&default_spec()).unwrap();
    let second = generate(&default_spec()).unwrap();
    assert_eq!(first, second);
    assert!(first.iter().all(|f| f.contents.starts_with(output::MARKER)));
    assert!(first.iter().all(|f| !f.contents.contains('\r')), "LF only");
}

#[test]
fn an_edited_description_is_drift_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(default_spec()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.replace("Tenant Id must be a GUID.", "Tenant Id must be a UUID.");
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    // The documents beside it: the test server's answers come from them.
    let docs = dir.path().join("docs/en-us");
    std::fs::create_dir_all(&docs).unwrap();
    for entry in std::fs::read_dir(partner_center_codegen::default_docs()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    let files = generate(dir.path()).unwrap();
    let drift = output::check(&default_out(), &files).unwrap();
    let changed: Vec<_> = drift
        .iter()
        .filter_map(|d| match d {
            Drift::Changed { name, diff } => Some((name.as_str(), diff.as_str())),
            _ => None,
        })
        .collect();
    // Only the file the description reaches changes: no file carries a
    // fingerprint of the whole spec.
    let names: Vec<&str> = changed.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["operations/agreement_status.rs"], "{drift:?}");
    let diff = changed[0].1;
    let lines: Vec<&str> = diff.lines().collect();
    for expected in [
        "+            description: \"Tenant Id must be a UUID.\",",
        "-            description: \"Tenant Id must be a GUID.\",",
    ] {
        assert!(lines.contains(&expected), "{expected} in\n{diff}");
    }
}

#[test]
fn every_spec_file_names_the_schema_for_editors() {
    for entry in std::fs::read_dir(default_spec()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap_or_default();
            assert_eq!(
                first,
                format!("# yaml-language-server: $schema={}", schema::FILE_NAME),
                "{}",
                path.display()
            );
        }
    }
    let schema: serde_json::Value = serde_json::from_str(&schema::render()).unwrap();
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown keys are refused"
    );
    for key in [
        "documents",
        "headers",
        "clouds",
        "operations",
        "models",
        "collections",
        "description",
        "error_codes",
        "throttling",
    ] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
}

/// The generator refuses type names the runtime exports: its list of them
/// is the runtime's own, read from `generated/src/lib.rs`.
#[test]
fn every_type_the_runtime_exports_is_reserved_for_it() {
    let lib = std::fs::read_to_string(
        partner_center_codegen::workspace_root().join("generated/src/lib.rs"),
    )
    .unwrap();
    let mut exported = Vec::new();
    let mut statement = String::new();
    for line in lib.lines().map(str::trim) {
        if line.starts_with("pub use") || !statement.is_empty() {
            statement.push_str(line);
            if line.ends_with(';') {
                let items = statement
                    .trim_end_matches(';')
                    .rsplit("::")
                    .next()
                    .unwrap_or_default()
                    .trim_matches(|c| c == '{' || c == '}');
                exported.extend(
                    items
                        .split(',')
                        .map(str::trim)
                        .filter(|n| n.starts_with(|c: char| c.is_ascii_uppercase()))
                        .filter(|n| !n.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
                        .map(str::to_string),
                );
                statement.clear();
            }
        }
    }
    assert!(exported.contains(&"Client".to_string()), "{exported:?}");
    for name in &exported {
        assert!(
            partner_center_codegen::ident::RUNTIME_TYPES.contains(&name.as_str()),
            "{name} is exported by the runtime but not reserved in ident::RUNTIME_TYPES"
        );
    }
}
