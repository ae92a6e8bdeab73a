//! `cargo codegen docs`: the project's own documents agree with the spec, the
//! 2019 French pages differ by exactly what the current page added, the
//! report and the exit codes are as the command line promises, and a page
//! that contradicts itself is known only as long as it says what the spec
//! records. Each edit of a page is one precise difference: `page_edits.rs`.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::process::Command;

use partner_center_codegen::drift::{self, Format, Kind};
use partner_center_codegen::{default_docs, default_spec, load_api, workspace_root};

mod common;
use common::pages::{ENDPOINT, assert_one, check, drift_of, line_of, mutated};

#[test]
fn the_project_documents_agree_with_the_spec() {
    let report = check(&default_docs());
    assert_eq!(
        report.drift(),
        0,
        "{}",
        report.render(Format::Text, &workspace_root())
    );
    // Every other finding is a contradiction of a page that the spec names.
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.kind == Kind::Contradiction && f.note.is_some())
    );
    let listed = partner_center_codegen::load_api(&default_spec())
        .unwrap()
        .documents
        .len();
    assert_eq!(report.compared.len(), listed, "{:?}", report.compared);
    // A page the tests read that no item of the spec describes: the locales.
    assert_eq!(
        report.skipped,
        ["partner-center-supported-languages-and-locales.md"]
    );
}

#[test]
fn the_2019_french_pages_lack_exactly_the_six_newer_failures() {
    let report = check(&workspace_root().join("spec/docs/fr-fr-2019"));
    let found = drift_of(&report);
    let mut elements: Vec<&str> = found.iter().map(|f| f.element.as_str()).collect();
    elements.sort_unstable();
    let expected: Vec<String> = ["2200", "2201", "2203", "2204", "2205", "2206"]
        .iter()
        .map(|c| format!("agreement_status.errors[code={c},source=PartnerFD]"))
        .collect();
    assert_eq!(elements, expected, "{found:#?}");
    assert!(found.iter().all(|f| f.kind == Kind::OnlyInSpec));
    // The translated tables are shown, not counted.
    assert!(
        report
            .of(Kind::NotComparable)
            .any(|f| f.element == "agreement_status.method"
                && f.document_value.as_deref() == Some("Télécharger"))
    );
    // Every table the translation reached, and no other part of the pages.
    let translated: Vec<&str> = report
        .of(Kind::NotComparable)
        .map(|f| f.element.as_str())
        .collect();
    assert_eq!(
        translated,
        [
            "headers.request[Authorization].description",
            "headers.request[Authorization].type",
            "headers.request[Accept].type",
            "headers.request[MS-RequestId].description",
            "headers.request[MS-Contract-Version].description",
            "headers.request[MS-Contract-Version].type",
            "headers.request[If-Match].type",
            "headers.request[MS-PartnerCenter-Application].description",
            "headers.request[MS-PartnerCenter-Application].type",
            "headers.request[X-Locale].description",
            "headers.request[X-Locale].type",
            "headers.response[Accept].type",
            "headers.response[MS-RequestId].description",
            "headers.response[MS-CorrelationId].description",
            "agreement_status.auth",
            "agreement_status.clouds",
            "agreement_status.method",
            "agreement_status.path",
            "agreement_status.query[mpnId]",
            "agreement_status.query[tenantId]",
            "agreement_status.params[mpnId].description",
            "agreement_status.params[mpnId].required",
            "agreement_status.params[mpnId].type",
            "agreement_status.params[tenantId].description",
            "agreement_status.params[tenantId].required",
            "agreement_status.errors[code=2000,source=PartnerApiServiceControllers,id=tenant_id_not_guid].example",
            "agreement_status.errors[code=2000,source=PartnerApiServiceControllers,id=mpn_id_not_numeric].example",
            "agreement_status.errors[code=2001,source=ComplianceController].example",
            "agreement_status.errors[code=2000,source=ComplianceController].example",
        ]
    );
}

#[test]
fn only_the_pages_present_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        default_docs().join("headers.md"),
        dir.path().join("headers.md"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    let report = check(dir.path());
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!((report.compared.len(), report.skipped.len()), (1, 1));
}

#[test]
fn report_of_a_mutated_set() {
    let (dir, _) = mutated(ENDPOINT, |t| {
        t.replace("\"code\": 2205,", "\"code\": 2207,")
            .replace("Tenant Id must be a GUID.", "Tenant Id must be a GUID!")
    });
    let headers = dir.path().join("headers.md");
    let text = std::fs::read_to_string(&headers).unwrap();
    std::fs::write(&headers, text.replace("| X-Locale:  ", "| X-Language:")).unwrap();
    let report = check(dir.path());
    insta::assert_snapshot!(report.render(Format::Text, &workspace_root()));
}

fn codegen(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_partner-center-codegen"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_codes_and_json() {
    let ok = codegen(&["docs"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    let fr = workspace_root().join("spec/docs/fr-fr-2019");
    let out = codegen(&["docs", "--docs", fr.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["drift"], 6);
    assert_eq!(json["summary"]["only_in_spec"], 6);
    // The first finding, every field: the French page's Authorization row.
    let line_of = |path: std::path::PathBuf, text: &str| {
        let file = std::fs::read_to_string(&path).unwrap();
        1 + file.lines().position(|l| l.contains(text)).unwrap()
    };
    let document = line_of(fr.join("headers.md"), "| Authorization: ");
    let spec = workspace_root().join("spec/headers.yaml");
    let spec_line = line_of(spec.clone(), "- name: Authorization");
    assert_eq!(
        json["findings"][0],
        serde_json::json!({
            "kind": "not-comparable",
            "drift": false,
            "element": "headers.request[Authorization].description",
            "document": format!("headers.md:{document}"),
            "spec": format!("{}:{spec_line}", spec.display()),
            "spec_value": "Required. The authorization token in the form Bearer <token>.",
            "document_value": "Obligatoire. The authorization token in the form Bearer <token>.",
            "note": null,
        })
    );

    let missing = codegen(&["docs", "--docs", "/no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        codegen(&["docs", "--format", "yaml"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_contradiction_the_page_no_longer_has() {
    let page = "update-user-accounts-for-a-customer.md";
    let (dir, _) = mutated(page, |t| {
        t.replacen(
            "/{customer-tenant-id}/users HTTP/1.1",
            "/{customer-tenant-id}/users/{user-id} HTTP/1.1",
            1,
        )
    });
    let report = check(dir.path());
    assert_one(
        &report,
        Kind::OnlyInSpec,
        "update_customer_user.path",
        page,
        None,
    );
    let f = drift_of(&report)[0];
    assert!(
        f.spec_value
            .as_deref()
            .unwrap()
            .starts_with("a contradiction"),
        "{f:#?}"
    );
}

/// The spec records what the page says where it contradicts itself: when
/// the page changes there again, that is drift, not the known contradiction.
#[test]
fn a_contradiction_whose_page_changed_again() {
    let page = "update-user-accounts-for-a-customer.md";
    let (dir, text) = mutated(page, |t| {
        t.replacen(
            "/v1/customers/{customer-tenant-id}/users HTTP/1.1",
            "/v1/customerszq/{customer-tenant-id}/users HTTP/1.1",
            1,
        )
    });
    let line = line_of(&text, "/v1/customerszq/");
    let report = check(dir.path());
    assert_one(
        &report,
        Kind::Different,
        "update_customer_user.path",
        page,
        Some(line),
    );
    let f = drift_of(&report)[0];
    assert_eq!(
        f.document_value.as_deref(),
        Some("/v1/customerszq/{customer-tenant-id}/users")
    );
    assert_eq!(
        f.note.as_deref(),
        Some(
            "the recorded contradiction no longer matches: the spec records that the page says \
             \"/v1/customers/{customer-tenant-id}/users\" here; check the page again, then \
             update the spec or the contradiction's `document_value`"
        )
    );

    // And the command fails.
    let out = codegen(&["docs", "--docs", dir.path().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A catalogue of 40 000 codes is compared whole: all agree, and one change
/// is one difference. That it takes linear time (it took 20 s when pairing
/// rows rescanned the list) is counted, not timed, by the unit tests of
/// `drift/error_codes.rs`: each key is compared about once.
#[test]
fn a_long_error_catalogue() {
    const N: usize = 40_000;
    let mut yaml = String::from("error_codes:\n  doc: error-codes.md\n  codes:\n");
    let mut page = String::from(
        "# Error codes\n\n| Status name | HTTP status | Error code | Description |\n|---|---|---|---|\n",
    );
    for i in 0..N {
        let code = 100_000 + i;
        yaml.push_str(&format!(
            "    - {{code: \"{code}\", status: 400, status_name: BadRequest, descriptions: [\"Failure number {i}\"]}}\n"
        ));
        let description = if i == N / 2 {
            "Changed".to_string()
        } else {
            format!("Failure number {i}")
        };
        page.push_str(&format!("| BadRequest | 400 | {code} | {description} |\n"));
    }
    let spec = tempfile::tempdir().unwrap();
    std::fs::write(
        spec.path().join("spec.yaml"),
        format!("documents:\n  - file: error-codes.md\n    title: Codes\n  - file: urls.md\n    title: URLs\nclouds:\n  - id: global\n    name: Global\n    base_url: https://api.example.com\n    doc: urls.md\n{yaml}"),
    )
    .unwrap();
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("error-codes.md"), page).unwrap();
    let api = load_api(spec.path()).unwrap_or_else(|e| panic!("{e}"));
    let report = drift::check(&api, docs.path()).unwrap();
    let element = format!(
        "error_codes[status=400,code={}].descriptions",
        100_000 + N / 2
    );
    let found = drift_of(&report);
    assert_eq!(found.len(), 1, "{:#?}", &found[..found.len().min(3)]);
    assert_eq!(
        (found[0].kind, found[0].element.as_str()),
        (Kind::Different, element.as_str())
    );
}
