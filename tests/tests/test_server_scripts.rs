//! Scripting the test server (feature `test-server`) through the typed
//! client: documented failures by their variants, statuses, throttling,
//! delays, dropped connections, replaced values and paged listings, and the
//! log of what the client sent.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::pin::pin;
use std::time::Duration;

use partner_center::{
    AgreementStatusError, ApiError, Customer, CustomerCompanyProfile, GetCustomerError, Program,
    RelationshipToPartner, Reseller, RetryPolicy, TestServer, UpdateCustomerBillingProfileError,
    Uuid, VerifyDomainAvailabilityResponse,
};
use partner_center_tests::{SLOWER, raw_request};

/// A client of `server` that retries at once.
fn client(server: &TestServer) -> partner_center::Client {
    let fast = RetryPolicy::default().base_delay(Duration::from_millis(1));
    server.client().retry(fast).build().unwrap()
}

fn customer(n: usize) -> Customer {
    let id = Uuid::from_u128(n as u128);
    let profile = CustomerCompanyProfile::new(id, format!("customer{n}.example"));
    Customer::new(id, profile, RelationshipToPartner::Reseller)
}

#[tokio::test]
async fn every_documented_failure_is_scripted_by_its_variant() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let variants: [fn(ApiError) -> AgreementStatusError; 10] = [
        AgreementStatusError::TenantIdNotGuid,
        AgreementStatusError::MpnIdNotNumeric,
        AgreementStatusError::NoIdentifier,
        AgreementStatusError::BothIdentifiers,
        AgreementStatusError::MpnIdNotMigrated,
        AgreementStatusError::RegionMismatch,
        AgreementStatusError::MpaNotSigned,
        AgreementStatusError::NoResellerAccount,
        AgreementStatusError::TenantIdNotFound,
        AgreementStatusError::TenantMpaNotFound,
    ];
    assert_eq!(variants.len(), AgreementStatusError::DOCUMENTED.len());
    for (variant, documented) in variants.into_iter().zip(AgreementStatusError::DOCUMENTED) {
        server.agreement_status().fail(variant);
        let error = client
            .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
            .await
            .unwrap_err();
        assert_eq!(error.id(), documented.id, "{error}");
        let api = error.api_error().unwrap();
        assert_eq!(api.body().description, documented.description);
        assert_eq!(api.body().data, documented.data);
        assert_eq!(api.status(), documented.status);
    }
    // Nothing queued any more: the page's success.
    let status = client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .unwrap();
    assert!(status.is_agreement_signed);
}

#[tokio::test]
async fn a_failure_the_page_only_describes_is_the_spec_s_entry() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let customer = Uuid::new_v4();
    let profile = client.get_customer_billing_profile(customer).await.unwrap();
    server
        .update_customer_billing_profile()
        .fail(UpdateCustomerBillingProfileError::PreconditionFailed);
    let error = client
        .update_customer_billing_profile(customer, profile.value())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            UpdateCustomerBillingProfileError::PreconditionFailed(_)
        ),
        "{error}"
    );
    assert_eq!(error.meta().unwrap().status(), 412);
}

#[tokio::test]
async fn a_5xx_a_throttle_and_a_dropped_connection_are_retried_to_success() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    server
        .all()
        .status(503, "")
        .throttle(Duration::ZERO)
        .drop_connection();
    let customer = client.get_customer(Uuid::new_v4()).await.unwrap();
    assert_eq!(customer.meta().status(), 200);
    let log = server.requests();
    assert_eq!(log.len(), 4, "three failed attempts and a success");
    let ids: Vec<_> = log.iter().map(|r| r.header("MS-RequestId")).collect();
    assert!(ids[0].is_some());
    assert!(ids.iter().all(|id| *id == ids[0]), "one call: {ids:?}");
    assert_eq!(customer.meta().request_id(), ids[0]);
}

#[tokio::test]
async fn a_throttled_answer_waits_the_scripted_seconds() {
    let server = TestServer::start().await.unwrap();
    server.get_customer().throttle(Duration::from_millis(2500));
    let target = format!("/v1/customers/{}", Uuid::new_v4());
    let headers = [("Authorization", "Bearer t")];
    let answer = raw_request(&server.base_url(), "GET", &target, &headers, "").await;
    assert_eq!(answer.status, 429);
    assert_eq!(answer.header("Retry-After"), Some("3"));
    // The documented body, its wait made the scripted one.
    assert_eq!(
        answer.body,
        r#"{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in 3 seconds." }"#
    );
}

#[tokio::test]
async fn a_delay_past_the_attempt_timeout_is_retried() {
    let server = TestServer::start().await.unwrap();
    let client = server
        .client()
        .attempt_timeout(Duration::from_millis(200))
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .unwrap();
    server.get_customer().delay(Duration::from_secs(5));
    let customer = client.get_customer(Uuid::new_v4()).await.unwrap();
    assert_eq!(customer.meta().status(), 200);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_value_replaces_the_success_until_reset() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let id = Uuid::new_v4();
    let documented = client.get_customer(id).await.unwrap().into_inner();
    let documented_users = client.list_customer_users(id).await.unwrap().into_inner();
    server.get_customer().respond(&customer(7)).always();
    for _ in 0..2 {
        let got = client.get_customer(id).await.unwrap();
        assert_eq!(got.value(), &customer(7));
    }
    // Another operation is not changed: its page's example still (two users).
    let users = client.list_customer_users(id).await.unwrap();
    assert_eq!(users.value(), &documented_users);
    assert_eq!(users.items.len(), 2);
    server.reset();
    assert!(server.requests().is_empty());
    assert_eq!(client.get_customer(id).await.unwrap().value(), &documented);
}

#[tokio::test]
async fn a_listing_of_five_items_over_three_pages() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let all: Vec<Customer> = (1..=5).map(customer).collect();
    server.list_customers().items(all.clone(), 2).always();

    let mut pages = pin!(client.list_customers(2).pages());
    let mut seen = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.unwrap().into_inner();
        assert_eq!(page.total_count, 5);
        seen.push(page.items);
    }
    assert_eq!(seen.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    assert_eq!(seen.concat(), all);

    let log = server.requests();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|r| r.operation == Some("list_customers")));
    assert_eq!(log[0].header("MS-ContinuationToken"), None);
    for next in &log[1..] {
        assert_eq!(next.path, "/v1/customers");
        assert_eq!(next.query_value("seekOperation"), Some("Next"));
        assert_eq!(next.query_value("size"), Some("2"));
        assert!(next.header("MS-ContinuationToken").is_some());
    }
    let correlation: Vec<_> = log.iter().map(|r| r.header("MS-CorrelationId")).collect();
    assert!(correlation[0].is_some());
    assert!(correlation.iter().all(|c| *c == correlation[0]));

    // The items, through the stream of items.
    let mut items = pin!(client.list_customers(2).items());
    let mut count = 0;
    while let Some(item) = items.next().await {
        assert_eq!(item.unwrap(), all[count]);
        count += 1;
    }
    assert_eq!(count, 5);
}

#[tokio::test]
async fn a_continuation_token_the_server_did_not_give_is_an_invalid_request() {
    let server = TestServer::start().await.unwrap();
    server.list_customers().items((1..=3).map(customer), 1);
    let headers = [
        ("Authorization", "Bearer t"),
        ("MS-ContinuationToken", "AQAAAA=="),
    ];
    let answer = raw_request(
        &server.base_url(),
        "GET",
        "/v1/customers?size=1&seekOperation=Next",
        &headers,
        "",
    )
    .await;
    assert_eq!(answer.status, 400);
    // The catalogue's invalid request (error-codes.md), naming the token.
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "code": 800002,
            "description": "Invalid request input",
            "data": ["the continuation token \"AQAAAA==\" is not one this server gave"],
        })
    );
}

#[tokio::test]
async fn the_log_has_what_the_client_sent_but_the_token() {
    let server = TestServer::start().await.unwrap();
    let client = server
        .client()
        .token("a-secret-token")
        .application("contoso-tests")
        .build()
        .unwrap();
    let (customer, user_id) = (Uuid::new_v4(), Uuid::new_v4());
    let user = client.get_customer_user(customer, user_id).await.unwrap();
    client
        .update_customer_user(customer, user_id, user.value())
        .await
        .unwrap();
    let log = server.requests();
    assert_eq!(log.len(), 2);
    let update = &log[1];
    assert_eq!(update.operation, Some("update_customer_user"));
    assert_eq!(update.method, "PATCH");
    assert_eq!(
        update.path,
        format!("/v1/customers/{customer}/users/{user_id}")
    );
    assert_eq!(
        update.header("ms-partnercenter-application"),
        Some("contoso-tests")
    );
    assert_eq!(
        update.body_as::<partner_center::CustomerUser>().as_ref(),
        Some(user.value())
    );
    assert!(update.has_token);
    let text = format!("{log:?}");
    assert!(!text.contains("a-secret-token"), "{text}");
    assert!(update.header("authorization").is_none());
}

#[tokio::test]
async fn one_path_two_operations_are_told_apart_by_their_query() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    client.list_customers(10).await.unwrap();
    let filter = partner_center::CustomerFilter::new(
        partner_center::CustomerSearchField::Domain,
        "contoso",
        partner_center::CustomerFilterOperator::StartsWith,
    );
    client.search_customers(&filter).await.unwrap();
    let operations: Vec<_> = server.requests().iter().map(|r| r.operation).collect();
    assert_eq!(
        operations,
        [Some("list_customers"), Some("search_customers")]
    );
}

#[tokio::test]
async fn a_scripted_failure_is_the_operation_s_own() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    server
        .get_customer()
        .status(404, r#"{"code": 600, "description": "gone"}"#);
    // Another operation does not take it.
    client.list_customers(1).await.unwrap();
    let error = client.get_customer(Uuid::new_v4()).await.unwrap_err();
    assert!(matches!(error, GetCustomerError::Other(_)), "{error}");
    assert_eq!(error.meta().unwrap().status(), 404);
}

#[tokio::test]
async fn a_delay_then_a_failure_is_a_slow_failure() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().retry(RetryPolicy::none()).build().unwrap();
    server
        .get_customer()
        .delay(Duration::from_millis(300))
        .status(503, "");
    let started = std::time::Instant::now();
    let error = client.get_customer(Uuid::new_v4()).await.unwrap_err();
    assert_eq!(error.meta().unwrap().status(), 503);
    let took = started.elapsed();
    // The delay, and not much more.
    let delay = Duration::from_millis(300);
    assert!(took >= delay && took <= delay + SLOWER, "took {took:?}");
    // Nothing else was queued: the next call succeeds at once.
    client.get_customer(Uuid::new_v4()).await.unwrap();
}

#[tokio::test]
async fn an_answer_with_headers_is_sent_as_scripted() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    server
        .get_customer()
        .answer(503, &[("Retry-After", "0"), ("MS-CV", "scripted.1")], "");
    let customer = client.get_customer(Uuid::new_v4()).await.unwrap();
    assert_eq!(customer.meta().status(), 200);
    let headers = [("Authorization", "Bearer t")];
    server
        .get_customer()
        .answer(503, &[("Retry-After", "7"), ("MS-CV", "scripted.2")], "");
    let target = format!("/v1/customers/{}", Uuid::new_v4());
    let answer = raw_request(&server.base_url(), "GET", &target, &headers, "").await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.header("Retry-After"), Some("7"));
    assert_eq!(answer.header("MS-CV"), Some("scripted.2"));
}

#[tokio::test]
async fn an_outcome_is_answered_with_its_own_status() {
    let server = TestServer::start().await.unwrap();
    let client = client(&server);
    let documented = client
        .verify_domain_availability("contoso.example")
        .await
        .unwrap();
    assert_eq!(documented.value(), &VerifyDomainAvailabilityResponse::InUse);
    server
        .verify_domain_availability()
        .respond(&VerifyDomainAvailabilityResponse::Available);
    let available = client
        .verify_domain_availability("contoso.example")
        .await
        .unwrap();
    assert_eq!(
        available.value(),
        &VerifyDomainAvailabilityResponse::Available
    );
    assert_eq!(available.meta().status(), 404);
}

#[tokio::test]
#[should_panic(expected = "makes no failure that `agreement_status` documents")]
async fn a_failure_that_is_not_documented_is_refused() {
    let server = TestServer::start().await.unwrap();
    server
        .agreement_status()
        .fail(|e| AgreementStatusError::Other(partner_center::Error::Api(e)));
}
