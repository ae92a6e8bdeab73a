//! The client against a real HTTP server on 127.0.0.1: what AgreementStatus
//! makes of undocumented and malformed answers, ids, and odd inputs. (Every
//! page's examples are replayed in `examples/`.)
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{AgreementStatusError, ApiError, Error, Program, Reseller, RetryPolicy};
use partner_center_tests::{Reply, TestServer};

/// The failure the client makes of a 400 response with `body`.
async fn failure(body: &str) -> AgreementStatusError {
    let server = TestServer::start(Reply::json(400, body)).await;
    let client = server.client().build().unwrap();
    client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err()
}

/// The API error of an undocumented failure.
fn undocumented(failure: AgreementStatusError) -> ApiError {
    match failure {
        AgreementStatusError::Other(Error::Api(e)) => e,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn error_code_as_string_is_classified_like_a_number() {
    let body = r#"{"code":"2001","description":"Both MPN Id and Tenant Id cannot be empty.","data":[],"source":"ComplianceController"}"#;
    let e = failure(body).await;
    assert!(matches!(e, AgreementStatusError::NoIdentifier(_)), "{e:?}");
}

#[tokio::test]
async fn an_undocumented_error_keeps_everything_it_carries() {
    let body = r#"{"code":2000,"description":"Something new.","data":["https://example.invalid/help",{"k":1}],"source":"PartnerApiServiceControllers"}"#;
    let mut reply = Reply::json(400, body);
    reply.headers.push((
        "MS-RequestId".into(),
        "11111111-2222-3333-4444-555555555555".into(),
    ));
    let server = TestServer::start(reply).await;
    let client = server.client().build().unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err();
    assert_eq!(err.id(), "other");
    assert_eq!(err.documented(), None);
    let shown = err.to_string();
    let e = undocumented(err);
    assert_eq!(e.body().code, "2000");
    assert_eq!(e.body().description, "Something new.");
    assert_eq!(e.body().source, "PartnerApiServiceControllers");
    assert_eq!(
        e.body().data,
        ["https://example.invalid/help", r#"{"k":1}"#]
    );
    assert_eq!(e.meta().status(), 400);
    assert_eq!(
        e.meta().request_id(),
        Some("11111111-2222-3333-4444-555555555555")
    );
    let sent = server.received()[0].headers["ms-requestid"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(e.call().request_id().to_string(), sent);
    assert!(
        shown.contains("Something new.") && shown.contains(&sent),
        "{shown}"
    );
}

#[tokio::test]
async fn bodies_that_are_not_documented_shapes_are_reported_as_such() {
    let server = TestServer::start(Reply {
        status: 502,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: "<html>bad gateway</html>".into(),
    })
    .await;
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err()
        .into_error();
    assert!(
        matches!(&err, Error::UnexpectedBody { meta, excerpt, .. } if meta.status() == 502 && excerpt.contains("bad gateway")),
        "{err:?}"
    );
    assert!(err.to_string().contains("text/html"), "{err}");

    let server = TestServer::start(Reply::json(200, r#"{"isAgreementSigned":"yes"}"#)).await;
    let client = server.client().build().unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err()
        .into_error();
    assert!(
        matches!(&err, Error::Decode { expected, .. } if expected.contains("AgreementStatus")),
        "{err:?}"
    );
}

#[tokio::test]
async fn ids_are_fresh_per_call_unless_the_caller_sets_them() {
    let server = TestServer::start(Reply::json(200, r#"{"isAgreementSigned":false}"#)).await;
    let client = server.client().build().unwrap();
    let tenant = Reseller::TenantId(uuid::Uuid::nil());
    let status = client.agreement_status(Program::Csp, tenant).await.unwrap();
    assert!(!status.is_agreement_signed);
    client.agreement_status(Program::Csp, tenant).await.unwrap();
    let (request_id, correlation_id) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    client
        .agreement_status(Program::Csp, tenant)
        .request_id(request_id)
        .correlation_id(correlation_id)
        .await
        .unwrap();

    let got = server.received();
    let ids = |i: usize, name: &str| got[i].headers[name].to_str().unwrap().to_string();
    assert_ne!(ids(0, "ms-requestid"), ids(1, "ms-requestid"));
    assert_ne!(ids(0, "ms-correlationid"), ids(1, "ms-correlationid"));
    assert_eq!(ids(2, "ms-requestid"), request_id.to_string());
    assert_eq!(ids(2, "ms-correlationid"), correlation_id.to_string());
}

#[tokio::test]
async fn other_programs_are_sent_percent_encoded_and_bad_ones_are_refused() {
    let server = TestServer::start(Reply::json(200, r#"{"isAgreementSigned":true}"#)).await;
    let client = server
        .client()
        .application("contoso billing")
        .build()
        .unwrap();
    client
        .agreement_status(Program::from("a b/c"), Reseller::MpnId(7))
        .await
        .unwrap();
    let got = &server.received()[0];
    assert_eq!(got.path, "/v1/compliance/a%20b%2Fc/agreementstatus");
    assert_eq!(
        got.headers["ms-partnercenter-application"],
        "contoso billing"
    );

    let err = client
        .agreement_status(Program::from(".."), Reseller::MpnId(7))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AgreementStatusError::Other(Error::InvalidInput { .. })),
        "{err:?}"
    );
    assert_eq!(server.received().len(), 1, "nothing sent for invalid input");
}

#[tokio::test]
async fn no_server_is_a_connect_error_with_the_call_ids() {
    // Port 1 of the loopback: nothing listens there, and no test server can
    // take it (binding it takes privileges the tests do not use).
    let port = 1;
    let client = partner_center::Client::builder(partner_center::Cloud::Global)
        .base_url(format!("http://127.0.0.1:{port}"))
        .allow_http_on_loopback()
        .retry(RetryPolicy::none())
        .token("secret-token")
        .build()
        .unwrap();
    let (request_id, correlation_id) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .request_id(request_id)
        .correlation_id(correlation_id)
        .await
        .unwrap_err();
    assert!(
        matches!(err, AgreementStatusError::Other(Error::Connect { .. })),
        "{err:?}"
    );
    // The ids the call would have sent, for the service's support to look up.
    assert_eq!(
        err.to_string(),
        format!(
            "could not connect [MS-RequestId {request_id}, MS-CorrelationId {correlation_id}, 1 attempt]"
        )
    );
    assert!(!format!("{err} {err:?}").contains("secret-token"));
}

#[tokio::test]
async fn an_undocumented_error_is_explained_by_the_global_catalogue() {
    let body = r#"{"code":800002,"description":"Bad input.","data":[],"source":"PartnerFD"}"#;
    let e = undocumented(failure(body).await);
    let entries: Vec<_> = e.catalogue().collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].status_name, "BadRequest");
    assert_eq!(entries[0].descriptions, ["Invalid request input"]);
}
