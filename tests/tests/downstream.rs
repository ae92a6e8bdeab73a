//! A crate outside the workspace depends on `generated/` by path, lists
//! customers page by page, creates a user, updates a billing profile and
//! checks AgreementStatus against a loopback server, and tests the same,
//! the commerce day and the month end against the client's test server:
//! `examples/downstream`, built, run and tested here from a copy, with the
//! workspace's lock file and no network. The README's test-server example and its commerce day
//! are tests of that copy, as the README writes them.

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
    // Its commerce day too: the block, as the body of a function of a
    // client and a customer, run against the test server.
    let day = readme
        .code_blocks
        .iter()
        .find(|b| b.heading == "The commerce day" && b.info == "rust")
        .expect("the README shows the commerce day");
    let day = README_DAY.replace("BLOCK", &day.text);
    std::fs::write(dir.path().join("tests/readme_commerce.rs"), day).unwrap();
    // Its ids and models: both blocks, one after the other, as the body of
    // a function of a client.
    let ids: Vec<&str> = readme
        .code_blocks
        .iter()
        .filter(|b| b.heading == "Ids and models" && b.info == "rust")
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(ids.len(), 2, "the README shows ids and building models");
    let ids = README_IDS.replace("BLOCK", &ids.concat());
    std::fs::write(dir.path().join("tests/readme_ids.rs"), ids).unwrap();
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
    // One line a test target: the crate's own (commerce, month_end,
    // test_server) and the README's three.
    let mut passed: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|l| l.split(';').next())
        .filter(|l| *l != "0 passed")
        .collect();
    passed.sort_unstable();
    assert_eq!(
        passed,
        [
            "1 passed", "1 passed", "1 passed", "1 passed", "2 passed", "6 passed"
        ],
        "{stdout}"
    );
}

/// The test that runs the README's commerce day (`BLOCK`) against the test
/// server, which answers each call with its page's example.
const README_DAY: &str = r#"
use partner_center::{Client, TestServer};

async fn day(client: &Client, customer: partner_center::Uuid) -> Result<(), Box<dyn std::error::Error>> {
BLOCK
    Ok(())
}

#[tokio::test]
async fn the_readme_commerce_day_runs() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    day(&client, partner_center::Uuid::new_v4()).await.unwrap();
    let operations: Vec<_> = server.requests().iter().filter_map(|r| r.operation).collect();
    assert_eq!(operations.len(), 13, "{operations:?}");
}
"#;

/// The test that runs the README's ids and models (`BLOCK`) against the test
/// server: each call answered with its page's example, each body checked by
/// the server's rules.
const README_IDS: &str = r#"
use partner_center::{Client, TestServer};

async fn ids(client: &Client) -> Result<(), Box<dyn std::error::Error>> {
BLOCK
    Ok(())
}

#[tokio::test]
async fn the_readme_ids_and_models_run() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    ids(&client).await.unwrap();
    let sent = server.requests();
    let user = sent.iter().find(|r| r.operation == Some("create_customer_user")).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&user.body).unwrap();
    assert_eq!(body["attributes"]["objectType"], "CustomerUser");
}
"#;
