//! The library tested the way a downstream crate tests its code: against
//! the client's test server (the `test-server` feature, a dev-dependency),
//! which answers as the documents say and can be scripted.

use std::time::{Duration, Instant};

use partner_center::{
    AgreementStatusError, Customer, CustomerCompanyProfile, RelationshipToPartner, TestServer,
    UpdateCustomerBillingProfileError, Uuid,
};
use partner_center_downstream::{
    Readiness, add_user, customer_domains, rename_billing_company, reseller_readiness,
};

fn customer(domain: &str) -> Customer {
    let id = Uuid::new_v4();
    // The company profile's tenant id is text: a page's example (which the
    // test server answers) writes `<guid>` there.
    let profile = CustomerCompanyProfile::new(id.to_string(), domain);
    Customer::new(id, profile, RelationshipToPartner::Reseller)
}

#[tokio::test]
async fn a_signed_reseller_is_ready() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // The page's example answers that the agreement is signed.
    assert_eq!(
        reseller_readiness(&client, 1_234_567).await.unwrap(),
        Readiness::Ready
    );
}

#[tokio::test]
async fn a_documented_failure_is_an_answer() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    server
        .agreement_status()
        .fail(AgreementStatusError::MpaNotSigned)
        .fail(AgreementStatusError::NoResellerAccount)
        .fail(AgreementStatusError::RegionMismatch);
    let mut answers = Vec::new();
    for _ in 0..2 {
        answers.push(reseller_readiness(&client, 1_234_567).await.unwrap());
    }
    assert_eq!(answers, [Readiness::MustSignMpa, Readiness::NotEnrolled]);
    // Not an answer to the question: an error, with the page's words.
    let error = reseller_readiness(&client, 1_234_567).await.unwrap_err();
    assert!(
        error.to_string().contains("doesn’t match the CSP region"),
        "{error}"
    );
}

#[tokio::test]
async fn a_throttled_call_succeeds_after_its_retry_after() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    server.all().throttle(Duration::from_secs(1));
    let started = Instant::now();
    assert_eq!(
        reseller_readiness(&client, 1_234_567).await.unwrap(),
        Readiness::Ready
    );
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited the Retry-After"
    );
    let sent = server.requests();
    assert_eq!(sent.len(), 2, "the throttled attempt, then the retry");
    assert_eq!(
        sent[0].header("MS-RequestId"),
        sent[1].header("MS-RequestId")
    );
}

#[tokio::test]
async fn every_customer_over_three_pages() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let domains = [
        "a.example",
        "b.example",
        "c.example",
        "d.example",
        "e.example",
    ];
    server
        .list_customers()
        .items(domains.iter().map(|d| customer(d)), 2);
    assert_eq!(customer_domains(&client, 2).await.unwrap(), domains);
    let sent = server.requests();
    assert_eq!(sent.len(), 3, "one request a page");
    assert!(
        sent[1..]
            .iter()
            .all(|r| r.header("MS-ContinuationToken").is_some())
    );
}

#[tokio::test]
async fn the_request_log_shows_the_new_user() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer = Uuid::new_v4();
    add_user(&client, customer, "ada@contoso.example", "Ada")
        .await
        .unwrap();
    let sent = server.requests();
    assert_eq!(sent.len(), 1);
    let create = &sent[0];
    assert_eq!(create.operation, Some("create_customer_user"));
    assert_eq!(create.method, "POST");
    assert_eq!(create.path, format!("/v1/customers/{customer}/users"));
    assert!(create.has_token);
    let body: serde_json::Value = create.body_as().unwrap();
    assert_eq!(body["userPrincipalName"], "ada@contoso.example");
    assert_eq!(body["displayName"], "Ada");
    assert!(
        body.get("firstName").is_none(),
        "unset properties are not sent"
    );
}

#[tokio::test]
async fn a_stale_etag_reads_the_profile_again() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    server
        .update_customer_billing_profile()
        .fail(UpdateCustomerBillingProfileError::PreconditionFailed);
    rename_billing_company(&client, Uuid::new_v4(), "Contoso Ltd")
        .await
        .unwrap();
    let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(methods, ["GET", "PUT", "GET", "PUT"]);
}
