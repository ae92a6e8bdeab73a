//! Each edit of what a page says of a cloud's tokens is one precise
//! difference of `cargo codegen docs`: the authority a note states, the
//! authority of a page's token requests, the resource they ask for.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::drift::Kind;

mod common;
use common::pages::{assert_one, check, drift_of, line_of, mutated};

const URLS: &str = "partner-center-rest-urls.md";
const AUTHENTICATION: &str = "partner-center-authentication.md";
const SECURE_APP: &str = "enable-secure-app-model.md";

#[test]
fn a_changed_authority_in_a_note() {
    let (dir, text) = mutated(URLS, |t| {
        t.replace(
            "https://login.microsoftonline.de",
            "https://login.example.de",
        )
    });
    let report = check(dir.path());
    // A prose finding stands where its paragraph starts: the note's first line.
    let line = line_of(&text, "login.example.de") - 1;
    assert_one(
        &report,
        Kind::Different,
        "clouds[germany].authority",
        URLS,
        Some(line),
    );
    assert_eq!(
        drift_of(&report)[0].document_value.as_deref(),
        Some("https://login.example.de")
    );
}

#[test]
fn a_removed_note_leaves_the_authority_only_in_the_spec() {
    let (dir, _) = mutated(URLS, |t| {
        t.lines()
            .filter(|l| !l.contains("token authority"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    assert_one(
        &check(dir.path()),
        Kind::OnlyInSpec,
        "clouds[germany].authority",
        URLS,
        None,
    );
}

#[test]
fn a_note_on_a_cloud_the_spec_states_no_authority_for() {
    let note = "\n>[!NOTE]\n>The token authority for Partner Center operated by 21Vianet is: https://login.example.cn.\n";
    let (dir, text) = mutated(URLS, |t| format!("{t}{note}"));
    let line = line_of(&text, "login.example.cn") - 1;
    assert_one(
        &check(dir.path()),
        Kind::OnlyInDocuments,
        "clouds[china].authority",
        URLS,
        Some(line),
    );
}

#[test]
fn token_requests_to_another_authority() {
    let (dir, text) = mutated(AUTHENTICATION, |t| {
        t.replace(
            "https://login.microsoftonline.com",
            "https://login.example.com",
        )
    });
    let line = line_of(&text, "POST https://login.example.com");
    assert_one(
        &check(dir.path()),
        Kind::Different,
        "clouds[global].authority",
        AUTHENTICATION,
        Some(line),
    );
}

#[test]
fn token_requests_for_another_resource() {
    let (dir, text) = mutated(SECURE_APP, |t| {
        t.replace(
            "resource=https%3a%2f%2fapi.partnercenter",
            "resource=https%3a%2f%2fapi.example",
        )
        .replace(
            "\"resource\":\"https://api.partnercenter",
            "\"resource\":\"https://api.example",
        )
    });
    let report = check(dir.path());
    let line = line_of(&text, "resource=https%3a%2f%2fapi.example");
    assert_one(
        &report,
        Kind::Different,
        "clouds[global].token_resource",
        SECURE_APP,
        Some(line),
    );
    assert_eq!(
        drift_of(&report)[0].document_value.as_deref(),
        Some("https://api.example.microsoft.com")
    );
}
