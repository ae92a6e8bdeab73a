//! A crate outside the workspace depends on `generated/` by path, lists
//! customers page by page, creates a user, updates a billing profile and
//! checks AgreementStatus against a loopback server, and tests the same
//! against the client's test server: `examples/downstream`, built, run and
//! tested here from a copy, with the workspace's lock file and no network.

use partner_center_codegen::docs::Page;
use partner_center_tests::{offline_cargo, root};

#[test]
fn a_crate_outside_the_workspace_can_use_the_client() {
    let root = root();
    let dir = tempfile::tempdir().unwrap();
    let example = root.join("examples/downstream");
    let manifest = std::fs::read_to_string(example.join("Cargo.toml"))
        .unwrap()
        .replace(
            "path = \"../../generated\"",
            &format!("path = {:?}", root.join("generated")),
        );
    assert!(
        manifest.contains("generated\""),
        "the manifest depends on generated/ by path"
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
    for folder in ["src", "tests"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(example.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let copy = dir.path().join(folder).join(path.file_name().unwrap());
            std::fs::copy(&path, copy).unwrap();
        }
    }
    // The README's example of testing with the test server is one more of
    // its tests, as written there.
    let readme = Page::read(&root.join("README.md")).unwrap();
    let example = readme
        .code_blocks
        .iter()
        .find(|b| b.heading == "Testing your code" && b.info == "rust")
        .expect("the README shows how to test with the test server");
    std::fs::write(dir.path().join("tests/readme.rs"), &example.text).unwrap();
    // Same versions as the workspace, so that nothing needs fetching.
    std::fs::copy(root.join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();

    let out = offline_cargo(dir.path())
        .args(["run", "--quiet"])
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "downstream crate failed:\n{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("downstream: listing, user, billing profile and agreement status ok"),
        "{stderr}"
    );

    // Its tests, against the client's test server (a dev-dependency feature).
    let out = offline_cargo(dir.path())
        .args(["test", "--quiet"])
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "downstream tests failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One summary per test target, in cargo's order: the library's and the
    // program's unit tests (none), the README's test, the crate's own six,
    // and the doc tests (none).
    let passed: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .map(|l| l.split(';').next().unwrap_or(l))
        .collect();
    assert_eq!(
        passed,
        ["0 passed", "0 passed", "1 passed", "6 passed", "0 passed"],
        "{stdout}"
    );
}
