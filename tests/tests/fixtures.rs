//! A spec that validates generates a crate that compiles. The workspace's
//! own crate is the real spec's; here the `every-shape` fixture (every kind
//! of operation, parameter, body, response and model the format has) is
//! generated beside a copy of the runtime and built, warnings included.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::generate;
use partner_center_tests::root;
use partner_center_tests::scratch::ScratchCrate;

fn fixture() -> std::path::PathBuf {
    root().join("codegen/tests/fixtures/every-shape/spec.yaml")
}

#[test]
fn the_every_shape_fixture_generates_a_crate_that_compiles_without_warnings() {
    let fixture = fixture();
    let files = generate(&fixture).unwrap_or_else(|e| panic!("{e}"));
    let scratch = ScratchCrate::new();
    scratch.write(&files);
    if let Err(why) = scratch.build_all() {
        panic!("the fixture's crate {why}");
    }
    // Every operation has its method in its area's module, and its route.
    let spec = partner_center_codegen::load_api(&fixture).unwrap();
    let text = |name: &str| {
        let file = files.iter().find(|f| f.name == name);
        file.unwrap_or_else(|| panic!("no {name}")).contents.clone()
    };
    for o in &spec.operations {
        let method = format!("pub fn {}(", o.fn_ident);
        let operations = text(&format!("operations/{}.rs", o.area));
        assert!(operations.contains(&method), "{} has no method", o.id);
        let route = format!("static {}: ts::Route", o.fn_ident.to_ascii_uppercase());
        assert!(
            text(&format!("routes/{}.rs", o.area)).contains(&route),
            "{} has no route",
            o.id
        );
    }
}

/// Descriptions are carried byte for byte, whatever they hold: line breaks
/// of every kind and the characters that reorder text (which rustc refuses
/// raw in comments and literals) as much as any other.
#[test]
fn descriptions_with_carriage_returns_and_bidi_controls_compile() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    // Each description keeps its own text (two failures cannot read alike).
    let awkward =
        r"Line one\r\nline two\rline three \u202E reversed \u2066 isolated \u2069 \u200F \u061C: ";
    let edited = text
        .lines()
        .map(|line| match line.split_once("description: \"") {
            Some((indent, rest)) => format!("{indent}description: \"{awkward}{rest}"),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(text, edited);
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec.yaml");
    std::fs::write(&spec, edited).unwrap();
    let files = generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    let scratch = ScratchCrate::new();
    scratch.write(&files);
    if let Err(why) = scratch.build_all() {
        panic!("the crate of awkward descriptions {why}");
    }
}
