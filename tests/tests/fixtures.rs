//! A spec that validates generates a crate that compiles. The workspace's
//! own crate is the real spec's; here the `every-shape` fixture (every kind
//! of operation, parameter, body, response and model the format has) is
//! generated beside a copy of the runtime and built, warnings included.

use partner_center_codegen::generate;
use partner_center_tests::{offline_cargo, root};

#[test]
fn the_every_shape_fixture_generates_a_crate_that_compiles_without_warnings() {
    let root = root();
    let fixture = root.join("codegen/tests/fixtures/every-shape/spec.yaml");
    let files = generate(&fixture).unwrap_or_else(|e| panic!("{e}"));

    // A workspace of one member: the runtime, and the fixture's modules in
    // place of the real spec's. Its manifest is the workspace's, without
    // the other members and without profiles (as the downstream example is
    // built, so that both share what they compile).
    let dir = tempfile::tempdir().unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let mut kept = Vec::new();
    let mut in_profile = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            in_profile = line.starts_with("[profile");
        }
        if in_profile || line.starts_with("exclude") {
            continue;
        }
        kept.push(if line.starts_with("members") {
            "members = [\"generated\"]"
        } else {
            line
        });
    }
    std::fs::write(dir.path().join("Cargo.toml"), kept.join("\n")).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
    let crate_dir = dir.path().join("generated");
    let api = crate_dir.join("src/api");
    std::fs::create_dir_all(&api).unwrap();
    std::fs::copy(
        root.join("generated/Cargo.toml"),
        crate_dir.join("Cargo.toml"),
    )
    .unwrap();
    for entry in std::fs::read_dir(root.join("generated/src")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, crate_dir.join("src").join(path.file_name().unwrap())).unwrap();
        }
    }
    for file in &files {
        std::fs::write(api.join(&file.name), &file.contents).unwrap();
    }

    let out = offline_cargo(dir.path())
        .args(["build", "--quiet", "-p", "partner-center"])
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the fixture's crate does not build:\n{stderr}"
    );
    assert!(
        !stderr.contains("warning"),
        "the fixture's crate has warnings:\n{stderr}"
    );
    assert!(
        files.iter().any(|f| f.name == "probe_thing.rs"),
        "every operation has its module"
    );
}
