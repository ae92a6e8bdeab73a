//! The client against a real HTTP server on 127.0.0.1, driven by the example
//! requests and responses of the AgreementStatus page itself.

use partner_center::headers::{HEADERS, ValueType};
use partner_center::{
    AgreementStatusError, ApiError, Error, Program, Reseller, RetryPolicy, agreement_status,
};
use partner_center_tests::{
    Reply, TestServer, agreement_status_page, example_requests, example_responses,
};

/// The call an example request makes: program from the path, reseller from the query.
fn call_of(url: &url::Url) -> (Program, Reseller) {
    let segments: Vec<&str> = url.path_segments().expect("a path").collect();
    assert_eq!(segments.len(), 4, "path {}", url.path());
    let program = Program::from(segments[2]);
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(pairs.len(), 1, "exactly one identifier in {url}");
    let (name, value) = &pairs[0];
    // The page writes `mpnid` in one example where the syntax table says `mpnId`.
    let reseller = match name.to_ascii_lowercase().as_str() {
        "mpnid" => Reseller::MpnId(value.parse().expect("a numeric MPN ID")),
        "tenantid" => Reseller::TenantId(value.parse().expect("a GUID tenant ID")),
        other => panic!("unexpected query parameter {other}"),
    };
    (program, reseller)
}

fn documented_type(header: &str) -> Option<ValueType> {
    HEADERS
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(header))
        .map(|h| h.value_type)
}

#[tokio::test]
async fn each_example_request_is_what_the_client_sends() {
    let page = agreement_status_page();
    let examples = example_requests(&page);
    assert_eq!(examples.len(), 2, "the page has two example requests");
    for (block, example) in examples {
        let at = format!("example request at line {}", block.line);
        let url = url::Url::parse(&example.target).expect("an absolute URL");
        let (program, reseller) = call_of(&url);

        let server = TestServer::start(Reply::json(200, r#"{"isAgreementSigned":true}"#)).await;
        let mut builder = server.client();
        if let Some(locale) = example.header("X-Locale") {
            builder = builder.locale(locale);
        }
        let client = builder.build().expect("client");
        client.agreement_status(program, reseller).await.expect(&at);

        let received = server.received();
        assert_eq!(received.len(), 1, "{at}");
        let got = &received[0];
        assert_eq!(got.method, example.method, "{at}: method");
        assert_eq!(got.path, url.path(), "{at}: path");
        let sent: Vec<(String, String)> =
            url::form_urlencoded::parse(got.query.as_deref().unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        let documented: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(sent.len(), documented.len(), "{at}: query {sent:?}");
        for ((sn, sv), (dn, dv)) in sent.iter().zip(&documented) {
            assert!(sn.eq_ignore_ascii_case(dn), "{at}: query name {sn} vs {dn}");
            assert_eq!(sv, dv, "{at}: query value of {dn}");
        }

        for (name, value) in &example.headers {
            if name.eq_ignore_ascii_case("Host") {
                // The example's host is the global cloud; this one is the test server.
                let host = got.headers.get("host").expect("Host sent");
                assert_eq!(
                    format!("http://{}", host.to_str().unwrap()),
                    server.base_url,
                    "{at}"
                );
                continue;
            }
            let sent = got
                .headers
                .get(name.as_str())
                .unwrap_or_else(|| panic!("{at}: header {name} not sent"))
                .to_str()
                .expect("ASCII header");
            match documented_type(name) {
                // Ids are fresh for each call: compared as GUIDs, not as values.
                Some(ValueType::Guid) => {
                    uuid::Uuid::parse_str(sent)
                        .unwrap_or_else(|_| panic!("{at}: {name} {sent:?} is not a GUID"));
                }
                _ => assert_eq!(sent, value, "{at}: header {name}"),
            }
        }
        // Required by the headers table although the examples leave it out.
        assert_eq!(got.headers["ms-contract-version"], "v1", "{at}");
    }
}

#[tokio::test]
async fn each_example_response_gives_its_documented_outcome() {
    let page = agreement_status_page();
    let examples = example_responses(&page);
    let failures = examples.iter().filter(|(_, r)| r.status >= 400).count();
    assert_eq!(
        failures,
        agreement_status::ERRORS.len(),
        "one catalogue entry per failure example"
    );
    assert_eq!(examples.len(), failures + 1, "one success example");

    for (block, example) in &examples {
        let at = format!(
            "example response at line {} ({})",
            block.line, block.heading
        );
        let server = TestServer::start(Reply::from_example(example)).await;
        let client = server.client().build().expect("client");
        let body: serde_json::Value = serde_json::from_str(&example.body).expect(&at);
        let outcome = client
            .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
            .await;

        let meta = match &outcome {
            Ok(status) => {
                assert_eq!(example.status, 200, "{at}: a success");
                assert_eq!(
                    serde_json::json!({ "isAgreementSigned": status.is_agreement_signed }),
                    body,
                    "{at}"
                );
                status.meta()
            }
            Err(failure) => {
                let e = failure
                    .api_error()
                    .unwrap_or_else(|| panic!("{at}: unexpected outcome {failure}"));
                let entry = agreement_status::ERRORS
                    .iter()
                    .find(|d| d.example == block.heading)
                    .unwrap_or_else(|| panic!("{at}: no catalogue entry for this example"));
                assert_eq!(
                    failure.id(),
                    entry.id,
                    "{at}: classified as another failure"
                );
                assert_eq!(failure.documented(), Some(entry), "{at}");
                let got = e.body();
                assert_eq!(got.code, body["code"].to_string(), "{at}: code");
                assert_eq!(got.description, body["description"], "{at}: description");
                assert_eq!(got.source, body["source"], "{at}: source");
                assert_eq!(serde_json::json!(got.data), body["data"], "{at}: data");
                // The spec's entry says what the document says.
                assert_eq!(
                    (entry.status, entry.code, entry.source, entry.description),
                    (
                        example.status,
                        Some(got.code.as_str()),
                        Some(got.source.as_str()),
                        got.description.as_str()
                    ),
                    "{at}: catalogue entry"
                );
                assert_eq!(
                    serde_json::json!(entry.data),
                    body["data"],
                    "{at}: catalogue data"
                );
                e.meta()
            }
        };
        assert_eq!(meta.status(), example.status, "{at}: status");
        assert_eq!(meta.request_id(), example.header("MS-RequestId"), "{at}");
        assert_eq!(
            meta.correlation_id(),
            example.header("MS-CorrelationId"),
            "{at}"
        );
        assert_eq!(meta.cv(), example.header("MS-CV"), "{at}");
        assert_eq!(meta.server_id(), example.header("MS-ServerId"), "{at}");
    }
}

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
    // Bind then drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = partner_center::Client::builder(partner_center::Cloud::Global)
        .base_url(format!("http://127.0.0.1:{port}"))
        .allow_http_on_loopback()
        .retry(RetryPolicy::none())
        .token("secret-token")
        .build()
        .unwrap();
    let err = client
        .agreement_status(Program::Csp, Reseller::MpnId(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AgreementStatusError::Other(Error::Connect { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("MS-RequestId"), "{err}");
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
