//! A "not ready yet" status (`not_ready`): a 2xx without a body that is
//! none of the operation's responses, each mistake named where it is.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

mod common;
use common::diagnose::{diagnose, in_file};

const NOT_READY: &str = "    not_ready:\n      status: 204\n";

#[test]
fn an_error_status_is_not_not_ready() {
    let report = diagnose(in_file(
        "utilization.yaml",
        NOT_READY,
        "    not_ready:\n      status: 404\n",
    ));
    assert!(report.contains("utilization.yaml:"), "{report}");
    assert!(
        report.contains("not-ready status 404 is not a 2xx"),
        "{report}"
    );
}

#[test]
fn a_status_of_the_responses_is_not_not_ready() {
    let report = diagnose(in_file(
        "utilization.yaml",
        NOT_READY,
        "    not_ready:\n      status: 200\n",
    ));
    assert!(
        report.contains("status 200 is a response of the operation"),
        "{report}"
    );
}
