//! One test per class of spec mistake: the message names the file, line and
//! column, says what is wrong, and shows the line. Snapshots (insta) keep the
//! wording reviewed.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center_codegen::{Diagnostic, Error, load_api};

mod common;
use common::{fixture_copy, spec_copy};

/// Copies the spec, lets `edit` change each file (by name), and renders every
/// diagnostic of the result with its snippet; file paths are shown by name.
fn diagnose(edit: impl Fn(&str, &str) -> String) -> String {
    render(spec_copy(edit))
}

/// The diagnostics of the `every-shape` fixture with `from` replaced by `to`.
fn clash(from: &str, to: &str) -> String {
    render(fixture_copy(|text| {
        assert!(text.contains(from), "the fixture has no {from:?}");
        text.replacen(from, to, 1)
    }))
}

fn render(dir: tempfile::TempDir) -> String {
    let diagnostics = match load_api(dir.path()) {
        Err(Error::Spec(d)) => d,
        Err(other) => panic!("not a spec error: {other}"),
        Ok(_) => panic!("the edited spec is valid"),
    };
    diagnostics
        .iter()
        .map(|d| {
            let source = std::fs::read_to_string(&d.file).unwrap();
            let shown = Diagnostic {
                file: d.file.file_name().unwrap().into(),
                ..d.clone()
            };
            shown.render(Some(&source), false)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `edit` applied to one file only; the replacement must change it.
fn in_file<'a>(file: &'a str, from: &'a str, to: &'a str) -> impl Fn(&str, &str) -> String + 'a {
    move |name, text| {
        if name != file {
            return text.to_string();
        }
        assert!(text.contains(from), "{file} has no {from:?}");
        text.replacen(from, to, 1)
    }
}

#[test]
fn yaml_syntax() {
    insta::assert_snapshot!(diagnose(in_file(
        "clouds.yaml",
        "    name: Partner Center operated by 21Vianet\n",
        "    name: \"Partner Center operated by 21Vianet\n"
    )));
}

#[test]
fn unknown_key() {
    insta::assert_snapshot!(diagnose(in_file(
        "clouds.yaml",
        "    name: Partner Center\n",
        "    name: Partner Center\n    colour: blue\n"
    )));
}

/// A no-break space pasted from a web page, where the error points: the
/// snippet underlines whole characters, never half of one.
#[test]
fn error_on_a_non_ascii_character() {
    let shown = diagnose(in_file(
        "clouds.yaml",
        "    name: Partner Center\n",
        "    name: Partner Center\n    \u{a0}colour: blue\n",
    ));
    assert!(shown.contains("unknown field `\u{a0}colour`"), "{shown}");
    assert!(shown.contains("|     \u{a0}colour: blue"), "{shown}");
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "        status: 400\n",
        "        status: four hundred\n"
    )));
}

#[test]
fn missing_field() {
    insta::assert_snapshot!(diagnose(in_file(
        "clouds.yaml",
        "    base_url: https://partner.partnercenterapi.microsoftonline.cn\n",
        ""
    )));
}

/// A contradiction records what the page says: without it, a page that
/// changed there again would pass for the known contradiction.
#[test]
fn a_contradiction_without_its_document_value() {
    insta::assert_snapshot!(diagnose(in_file(
        "users.yaml",
        "        document_value: \"/v1/customers/{customer-tenant-id}/users\"\n",
        ""
    )));
}

#[test]
fn duplicate_header_name_in_another_case() {
    insta::assert_snapshot!(diagnose(
        in_file(
            "headers.yaml",
            "  - name: If-Match\n",
            "  - name: ms-requestid\n"
        )
        .then_fix(
            "headers.yaml",
            "    documented_as: \"If-Match:\"\n",
            "    documented_as: \"ms-requestid:\"\n"
        )
    ));
}

#[test]
fn duplicate_operation_id() {
    insta::assert_snapshot!(diagnose(|name, text| {
        if name == "agreement-status.yaml" {
            let (head, models) = text.split_once("\nmodels:").unwrap();
            let operation = head.split_once("operations:\n").unwrap().1;
            format!("{head}\n{operation}\nmodels:{models}")
        } else {
            text.to_string()
        }
    }));
}

#[test]
fn duplicate_error_entry() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "      - id: mpn_id_not_numeric\n        example: Non-numeric MPN ID\n        status: 400\n        code: 2000\n        source: PartnerApiServiceControllers\n        description: \"MPN Id must be numeric.\"",
        "      - id: mpn_id_not_numeric\n        example: Non-numeric MPN ID\n        status: 400\n        code: 2000\n        source: PartnerApiServiceControllers\n        description: \"Tenant Id must be a GUID.\""
    )));
}

#[test]
fn references_to_nothing() {
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "agreement-status.yaml" => text
            .replacen(
                "clouds: [global, us_government]",
                "clouds: [global, mars]",
                1
            )
            .replacen("params: [mpnId, tenantId]", "params: [mpnId, tenantID]", 1),
        "clouds.yaml" => text.replacen(
            "    doc: partner-center-rest-urls.md",
            "    doc: urls.md",
            1
        ),
        _ => text.to_string(),
    }));
}

#[test]
fn header_name_that_is_not_a_token() {
    insta::assert_snapshot!(diagnose(in_file(
        "headers.yaml",
        "  - name: X-Locale\n    documented_as: \"X-Locale:\"",
        "  - name: X Locale\n    documented_as: \"X Locale:\""
    )));
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
fn path_template_and_parameters_disagree() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "path: /v1/compliance/{ProgramName}/agreementstatus",
        "path: /v1/compliance/{Program}/agreementstatus"
    )));
}

#[test]
fn invalid_base_url() {
    insta::assert_snapshot!(diagnose(in_file(
        "clouds.yaml",
        "base_url: https://partner.partnercenterapi.microsoftonline.cn",
        "base_url: http://partner.partnercenterapi.microsoftonline.cn/v1"
    )));
}

#[test]
fn status_outside_its_range() {
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "agreement-status.yaml" =>
            text.replacen("        status: 400\n", "        status: 700\n", 1),
        "error-codes.yaml" => text.replacen("      status: 200\n", "      status: 99\n", 1),
        _ => text.to_string(),
    }));
}

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

#[test]
fn empty_description() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "description: \"MPN Id must be numeric.\"",
        "description: \"  \""
    )));
}

/// Two edits in one file.
trait ThenFix<'a>: Fn(&str, &str) -> String + 'a + Sized {
    fn then_fix(
        self,
        file: &'a str,
        from: &'a str,
        to: &'a str,
    ) -> impl Fn(&str, &str) -> String + 'a {
        move |name, text| {
            let first = self(name, text);
            in_file(file, from, to)(name, &first)
        }
    }
}

impl<'a, F: Fn(&str, &str) -> String + 'a> ThenFix<'a> for F {}

/// A model named `name`, added to the fixture's models.
fn with_model(name: &str) -> String {
    clash(
        "models:\n",
        &format!(
            "models:\n  - name: {name}\n    doc: things.md\n    description: \"Added.\"\n    properties:\n      - name: added\n        type: string\n        description: \"Added.\"\n"
        ),
    )
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

#[test]
fn a_dot_segment_in_a_path_template() {
    // URLs drop `.` and `..` segments: the request would go elsewhere.
    insta::assert_snapshot!(clash(
        "    path: /v2/things/{id}\n",
        "    path: /v2/./things/../{id}\n"
    ));
}

/// Flow collections nested past the limit are refused before the YAML
/// reader sees them (it takes time quadratic in the depth).
#[test]
fn flow_collections_nested_too_deep() {
    let deep = format!(
        "documents: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let shown = diagnose(|name, text| {
        if name == "clouds.yaml" {
            format!("{text}{deep}")
        } else {
            text.to_string()
        }
    });
    let first = shown.lines().next().unwrap();
    assert!(first.starts_with("clouds.yaml:21:"), "{first}");
    assert!(first.contains("nest more than 32 deep"), "{first}");
}

/// A truncated copy of a file is refused, not read as a file that states
/// nothing.
#[test]
fn an_empty_spec_file() {
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "error-codes.yaml" => String::new(),
        "throttling.yaml" => text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect(),
        _ => text.to_string(),
    }));
}

#[test]
fn a_spec_file_too_large_to_read() {
    let shown = diagnose(|name, text| {
        if name == "clouds.yaml" {
            format!("{text}# {}\n", "x".repeat(5 << 20))
        } else {
            text.to_string()
        }
    });
    assert!(
        shown.starts_with("clouds.yaml:1:1: error: the file has"),
        "{shown}"
    );
}

/// A failure's `when` names one rule of its own operation, and no two
/// failures answer the same request.
#[test]
fn rules_a_failure_cannot_answer() {
    insta::assert_snapshot!(diagnose(|name, text| {
        let edits: &[(&str, &str)] = match name {
            "agreement-status.yaml" => &[
                ("{malformed: tenantId}", "{malformed: tenantID}"),
                (
                    "{none_of: Reseller}",
                    "{none_of: Reseller, several_of: Reseller}",
                ),
                ("{several_of: Reseller}", "{malformed: mpnId}"),
            ],
            "customers.yaml" => &[("{missing_header: If-Match}", "{missing: size}")],
            _ => &[],
        };
        edits.iter().fold(text.to_string(), |text, (from, to)| {
            assert!(text.contains(from), "{name} has no {from:?}");
            text.replacen(from, to, 1)
        })
    }));
}

/// A rule names a parameter that can break it: a query parameter outside
/// the group can be missing, a typed one malformed.
#[test]
fn rules_on_parameters_that_cannot_break_them() {
    insta::assert_snapshot!(diagnose(|name, text| {
        let edits: &[(&str, &str)] = match name {
            "agreement-status.yaml" => &[
                ("{malformed: mpnId}", "{missing: mpnId}"),
                ("{several_of: Reseller}", "{malformed: ProgramName}"),
            ],
            "customers.yaml" => &[(
                "{missing_header: If-Match}",
                "{missing: customer-tenant-id}",
            )],
            _ => &[],
        };
        edits.iter().fold(text.to_string(), |text, (from, to)| {
            assert!(text.contains(from), "{name} has no {from:?}");
            text.replacen(from, to, 1)
        })
    }));
}

/// What the test server pages with, and the catalogue entries it answers
/// with, are checked like the rest.
#[test]
fn paging_and_catalogue_answers_that_cannot_be() {
    insta::assert_snapshot!(diagnose(|name, text| {
        let edits: &[(&str, &str)] = match name {
            "resources.yaml" => &[
                ("total: totalCount", "total: links"),
                (
                    "header: MS-ContinuationToken",
                    "header: MS ContinuationToken",
                ),
                ("query: seekOperation=Next", "query: seekOperation"),
            ],
            "error-codes.yaml" => &[
                ("answers: unknown-path", "answers: missing-token"),
                ("answers: invalid-request", "answers: unknown-path"),
            ],
            _ => &[],
        };
        edits.iter().fold(text.to_string(), |text, (from, to)| {
            assert!(text.contains(from), "{name} has no {from:?}");
            text.replacen(from, to, 1)
        })
    }));
}
