//! A spec that validates generates a crate that compiles: names that would
//! not be Rust, or would be a name the crate already has (a keyword, one
//! of the prelude or of the runtime, two items of one name), are
//! diagnostics like any other mistake, each at its place.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

mod common;
use common::diagnose::{ThenFix, clash, diagnose, in_file, render, with_model};

#[test]
fn two_names_for_one_identifier() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "id: tenant_id_not_found",
        "id: tenant_id_not_guid_"
    )));
}

#[test]
fn rust_keyword() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "      - name: isAgreementSigned",
        "      - name: type"
    )));
}

/// Keywords of edition 2024 that syn takes for identifiers (`gen`, reserved
/// for generators) are keywords all the same.
#[test]
fn an_edition_2024_keyword() {
    insta::assert_snapshot!(diagnose(
        in_file(
            "agreement-status.yaml",
            "      - name: isAgreementSigned",
            "      - name: gen"
        )
        .then_fix(
            "agreement-status.yaml",
            "rust_name: program",
            "rust_name: try"
        )
    ));
}

/// Identifiers are ASCII: rustc refuses non-ASCII ones in some places
/// (E0754), and a user could not type them anyway.
#[test]
fn a_non_ascii_identifier() {
    insta::assert_snapshot!(diagnose(
        in_file(
            "agreement-status.yaml",
            "  - id: agreement_status\n",
            "  - id: agréement_status\n"
        )
        .then_fix(
            "agreement-status.yaml",
            "      - name: isAgreementSigned",
            "      - name: isAgreementSignéd"
        )
    ));
}

/// `headers.rs` has a constant per header besides its own items: the
/// table, the protocol and the defaults.
#[test]
fn a_header_named_like_an_item_of_the_headers_module() {
    let header = |name: &str, direction: &str| {
        format!(
            "  - name: {name}\n    documented_as: \"{name}:\"\n    direction: {direction}\n    origin: example\n    type: string\n    requirement: optional\n    description: \"A header.\"\n    doc: headers.md\n"
        )
    };
    let added = [
        header("Accept-Default", "request"),
        header("Headers", "response"),
        header("PROTOCOL", "request"),
    ]
    .concat();
    // Before the header with a default, and after one.
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "headers.yaml" => {
            let (head, rest) = text.split_once("  - name: Authorization\n").unwrap();
            let after = header("X-Locale-Default", "response");
            format!("{head}{added}  - name: Authorization\n{rest}{after}")
        }
        _ => text.to_string(),
    }));
}

#[test]
fn a_type_named_like_the_runtime_or_the_prelude() {
    insta::assert_snapshot!(with_model("Client"));
    insta::assert_snapshot!(with_model("Option"));
    insta::assert_snapshot!(clash("      name: Chooser\n", "      name: Request\n"));
}

#[test]
fn two_items_that_would_be_one_rust_type() {
    insta::assert_snapshot!(with_model("ListThingsError"));
}

/// Each spec file with operations or models is an area of the crate: the
/// modules `models::<file>` and `operations::<file>`, documented by the
/// file's description.
#[test]
fn files_that_cannot_be_areas() {
    let mut files = common::spec_files();
    for (name, text) in &mut files {
        if name == "users.yaml" {
            let description = text
                .lines()
                .find(|l| l.starts_with("description: "))
                .unwrap();
            *text = text.replace(&format!("{description}\n"), "");
        }
    }
    let model = |name: &str| {
        format!(
            "description: \"More roles.\"\nmodels:\n  - name: {name}\n    doc: get-user-roles-for-a-customer.md\n    origin: example\n    description: \"A role.\"\n    properties:\n      - name: id\n        type: string\n        description: \"Its id.\"\n"
        )
    };
    files.push(("directory_roles.yaml".into(), model("MoreRoles")));
    files.push(("type.yaml".into(), model("TypeRoles")));
    let dir = tempfile::tempdir().unwrap();
    common::write_spec(dir.path(), &files);
    insta::assert_snapshot!(render(dir));
}

/// The client and the test server have a method per operation besides
/// their own.
#[test]
fn an_operation_named_like_a_method_of_the_client_or_the_test_server() {
    insta::assert_snapshot!(clash("  - id: delete_thing\n", "  - id: base_url\n"));
    insta::assert_snapshot!(clash("  - id: delete_thing\n", "  - id: reset\n"));
}

#[test]
fn an_input_named_like_what_every_call_has() {
    insta::assert_snapshot!(clash("      - name: deep\n", "      - name: send\n"));
    insta::assert_snapshot!(clash(
        "      - name: owner\n        type: guid\n",
        "      - name: owner\n        rust_name: request\n        type: guid\n"
    ));
}
