//! One test per class of spec mistake: the message names the file, line and
//! column, says what is wrong, and shows the line. Snapshots (insta) keep the
//! wording reviewed. Names that could not be the crate's are in `names.rs`.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

mod common;
use common::diagnose::{ThenFix, clash, diagnose, in_file};

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

/// A document records findings of the page as a whole; one of an item is
/// recorded on the item.
#[test]
fn a_document_contradiction_on_an_item() {
    insta::assert_snapshot!(diagnose(in_file(
        "documents.yaml",
        "      - element: models[Definitions]\n",
        "      - element: Margin.properties[id]\n"
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

/// A document is a file of `spec/docs/en-us`, and its name is written into
/// the crate's docs: a line break in it would end a doc comment.
#[test]
fn a_document_name_that_is_not_a_file_name() {
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "documents.yaml" => text.replacen(
            "  - file: error-codes.md\n",
            "  - file: \"error-codes.md\\n*/\"\n",
            1
        ),
        "error-codes.yaml" => {
            text.replacen(
                "  doc: error-codes.md\n",
                "  doc: \"error-codes.md\\n*/\"\n",
                1,
            )
        }
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
fn invalid_token_authority_and_unknown_document() {
    insta::assert_snapshot!(diagnose(|name, text| match name {
        "clouds.yaml" => text
            .replacen(
                "url: https://login.microsoftonline.de",
                "url: http://login.microsoftonline.de/common",
                1,
            )
            .replacen("doc: enable-secure-app-model.md", "doc: secure-app.md", 1,),
        _ => text.to_string(),
    }));
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
fn empty_description() {
    insta::assert_snapshot!(diagnose(in_file(
        "agreement-status.yaml",
        "description: \"MPN Id must be numeric.\"",
        "description: \"  \""
    )));
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
    assert!(first.starts_with("clouds.yaml:45:"), "{first}");
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

/// A model that is one of several: its discriminator is one of the
/// properties its variants share, a value names one variant, an operation
/// answering a union the request chooses has the parameters that choose it,
/// and a model extends one the spec has.
#[test]
fn unions_that_cannot_be() {
    let edits = [
        ("    discriminator: kind\n", "    discriminator: shape\n"),
        ("        value: square\n", "        value: CIRCLE\n"),
        (
            "      - name: source\n        type: string\n",
            "      - name: origin\n        type: string\n",
        ),
        (
            "    extends: Shape\n    properties:\n      - name: side",
            "    extends: Nothing\n    properties:\n      - name: side",
        ),
    ];
    insta::assert_snapshot!(common::diagnose::render(common::fixture_copy(|text| {
        edits.iter().fold(text.to_string(), |text, (from, to)| {
            assert!(text.contains(from), "the fixture has no {from:?}");
            text.replacen(from, to, 1)
        })
    })));
}

/// An operation documented on other pages too names them among the spec's
/// documents, once each; a contradiction names one of its pages.
#[test]
fn pages_of_an_operation_that_cannot_be() {
    insta::assert_snapshot!(diagnose(in_file(
        "customers.yaml",
        "    doc: get-a-customer-by-id.md\n",
        "    doc: get-a-customer-by-id.md\n    also_on: [no-such-page.md, get-a-customer-by-id.md]\n",
    )));
}

/// A model may hold itself only where it may be left out: a required one
/// would have no end (and no size in Rust).
#[test]
fn a_model_that_requires_itself() {
    let shown = diagnose(in_file(
        "resources.yaml",
        "        description: \"The headers for the link.\"\n",
        "        description: \"The headers for the link.\"\n      - name: link\n        type: Link\n        description: \"Itself.\"\n",
    ));
    assert!(
        shown.contains("`Link` holds itself in `link`, which is required: make it optional"),
        "{shown}"
    );
}

#[test]
fn a_rate_limit_of_no_requests() {
    insta::assert_snapshot!(diagnose(in_file(
        "customers.yaml",
        "      requests: 500\n",
        "      requests: 0\n"
    )));
}

/// An operation's other rows are URIs as the page writes them after
/// `{baseURL}`, each named once.
#[test]
fn also_rows_that_are_not_rows() {
    let row = "      - \"/v1/invoices/{invoice-id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size={size}\"\n";
    insta::assert_snapshot!(diagnose(in_file(
        "line-item-listings.yaml",
        row,
        "      - \"{baseURL}/v1/invoices/{invoice-id}/lineitems HTTP/1.1\"\n"
    )));
}
