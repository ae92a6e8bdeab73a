//! A crate outside the workspace depends on `generated/` by path, lists
//! customers page by page, creates a user, updates a billing profile and
//! checks AgreementStatus against a loopback server: `examples/downstream`,
//! built and run here from a copy, with the workspace's lock file and no network.

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
    std::fs::create_dir(dir.path().join("src")).unwrap();
    std::fs::copy(example.join("src/main.rs"), dir.path().join("src/main.rs")).unwrap();
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
}
