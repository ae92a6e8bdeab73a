//! A spec that validates generates a crate that compiles. The workspace's
//! own crate is the real spec's; here the `every-shape` fixture (every kind
//! of operation, parameter, body, response and model the format has) is
//! generated beside a copy of the runtime and built, warnings included.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

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
    copy_runtime(&root.join("generated/src"), &crate_dir.join("src"));
    copy_runtime(&root.join("generated/tests"), &crate_dir.join("tests"));
    for file in &files {
        let path = api.join(&file.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }

    // As downstream crates build it, and with its test server.
    for features in [&[][..], &["--features", "test-server"]] {
        let out = offline_cargo(dir.path())
            .args(["build", "--quiet", "-p", "partner-center"])
            .args(features)
            .output()
            .expect("run cargo");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "the fixture's crate does not build ({features:?}):\n{stderr}"
        );
        assert!(
            !stderr.contains("warning"),
            "the fixture's crate has warnings ({features:?}):\n{stderr}"
        );
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

/// Copies the hand-written runtime (every file under `from` but the
/// generated `api/`) into `to`.
fn copy_runtime(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_file() {
            std::fs::copy(&path, target).unwrap();
        } else if path.file_name().unwrap() != "api" {
            copy_runtime(&path, &target);
        }
    }
}
