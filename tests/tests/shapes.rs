//! The shapes the generator speaks, each against a server on 127.0.0.1:
//! a listing over several pages, read-modify-write with If-Match, a body
//! resent unchanged on retry, and answers the pages never show (an unknown
//! enum value, an unknown field, a date without a zone).

use partner_center::{
    CustomerBillingProfile, CustomerUser, Error, ResourceAttributes, RetryPolicy,
    UpdateCustomerBillingProfileError, UserState, Uuid,
};
use partner_center_codegen::docs::parse_lenient;
use partner_center_tests::{Reply, TestServer, en_us, example_responses};
use serde_json::{Value, json};
use std::pin::pin;

/// The JSON body of a page's first success example.
fn documented_body(page: &str) -> Value {
    let page = en_us(page);
    let (_, response) = example_responses(&page)
        .into_iter()
        .find(|(_, r)| r.status < 300)
        .expect("a success example");
    parse_lenient(&response.body).expect("JSON").value
}

#[tokio::test]
async fn a_listing_over_three_pages_follows_each_next_link() {
    // Three pages made from the documented one: its two customers each time,
    // and a next link with a continuation token, as the paged pages show it.
    let documented = documented_body("get-a-list-of-customers.md");
    let page = |n: usize, next: Option<Value>| {
        let mut body = documented.clone();
        for item in body["items"].as_array_mut().unwrap() {
            // Still a GUID: its first digit is the page's number.
            item["id"] = json!(format!("{n}{}", &item["id"].as_str().unwrap()[1..]));
        }
        if let Some(next) = next {
            body["links"]["next"] = next;
        }
        Reply::json(200, &body.to_string())
    };
    let link = |token: &str, uri: &str| json!({"uri": uri, "method": "GET", "headers": [{"key": "MS-ContinuationToken", "value": token}]});
    let server = TestServer::start_with(vec![
        page(
            1,
            Some(link("token-2", "/customers?size=2&seekOperation=Next")),
        ),
        page(
            2,
            Some(link("token-3", "/v1/customers?size=2&seekOperation=Next")),
        ),
        page(3, None),
    ])
    .await;
    let client = server.client().build().unwrap();
    let mut items = pin!(client.list_customers(2).items());
    let mut ids = Vec::new();
    while let Some(customer) = items.next().await {
        ids.push(customer.unwrap().id.to_string());
    }
    let documented_ids: Vec<&str> = documented["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=3)
        .flat_map(|n| {
            documented_ids
                .iter()
                .map(move |id| format!("{n}{}", &id[1..]))
        })
        .collect();
    assert_eq!(ids, expected, "every item, in order");

    let got = server.received();
    assert_eq!(got.len(), 3, "one request per page");
    assert_eq!(
        (got[0].path.as_str(), got[0].query.as_deref()),
        ("/v1/customers", Some("size=2"))
    );
    // A link without /v1 is relative to it; one with it is taken as is.
    for (i, token) in [(1, "token-2"), (2, "token-3")] {
        assert_eq!(got[i].method, "GET");
        assert_eq!(got[i].path, "/v1/customers");
        assert_eq!(got[i].query.as_deref(), Some("size=2&seekOperation=Next"));
        assert_eq!(got[i].header("ms-continuationtoken"), Some(token));
    }
    // Each page is its own call, all of one listing.
    let ids = |name| {
        got.iter()
            .map(|r| r.header(name).unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let requests = ids("ms-requestid");
    assert!(requests[0] != requests[1] && requests[1] != requests[2]);
    let correlations = ids("ms-correlationid");
    assert!(correlations.iter().all(|c| *c == correlations[0]));
}

#[tokio::test]
async fn a_link_to_another_origin_or_back_to_the_same_page_ends_the_listing() {
    let documented = documented_body("get-a-list-of-customers.md");
    for (uri, reason) in [
        ("https://elsewhere.example/v1/customers", "leaves"),
        ("/v1/customers?size=2", "again"),
    ] {
        let mut body = documented.clone();
        body["links"]["next"] = json!({"uri": uri, "method": "GET", "headers": []});
        let server = TestServer::start(Reply::json(200, &body.to_string())).await;
        let client = server.client().build().unwrap();
        let mut pages = pin!(client.list_customers(2).pages());
        assert!(pages.next().await.unwrap().is_ok());
        let err = pages.next().await.unwrap().unwrap_err().into_error();
        assert!(
            matches!(&err, Error::InvalidNextLink { reason: r, .. } if r.contains(reason)),
            "{err:?}"
        );
        assert!(pages.next().await.is_none());
        assert_eq!(server.received().len(), 1, "nothing sent to {uri}");
    }
}

#[tokio::test]
async fn an_update_sends_the_etag_it_read_and_a_412_is_a_typed_failure() {
    let mut profile = documented_body("get-all-of-a-customer-s-billing-profiles.md");
    profile["attributes"]["etag"] = json!("-4242348048554929329");
    let server = TestServer::start_with(vec![
        Reply::json(200, &profile.to_string()),
        Reply::json(200, &profile.to_string()),
        Reply::json(
            412,
            r#"{"code": 412, "description": "The ETag does not match.", "data": [], "source": "PartnerFD"}"#,
        ),
    ])
    .await;
    let client = server.client().build().unwrap();
    let customer = Uuid::new_v4();
    let mut read = client
        .get_customer_billing_profile(customer)
        .await
        .unwrap()
        .into_inner();
    read.company_name = "Contoso, renamed".into();
    client
        .update_customer_billing_profile(customer, &read)
        .await
        .unwrap();
    let got = server.received();
    assert_eq!(got[1].method, "PUT");
    assert_eq!(got[1].header("if-match"), Some("\"-4242348048554929329\""));
    let sent: CustomerBillingProfile = serde_json::from_slice(&got[1].body).unwrap();
    assert_eq!(sent.company_name, "Contoso, renamed");

    match client
        .update_customer_billing_profile(customer, &read)
        .await
    {
        Err(UpdateCustomerBillingProfileError::PreconditionFailed(e)) => {
            assert_eq!(e.status(), 412);
            assert_eq!(e.body().description, "The ETag does not match.");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_update_without_an_etag_is_not_sent_unless_one_is_given() {
    let server = TestServer::start(Reply::json(
        200,
        &documented_body("get-all-of-a-customer-s-billing-profiles.md").to_string(),
    ))
    .await;
    let client = server.client().build().unwrap();
    let mut profile = client
        .get_customer_billing_profile(Uuid::nil())
        .await
        .unwrap()
        .into_inner();
    profile.attributes = ResourceAttributes::new("CustomerBillingProfile");
    let err = client
        .update_customer_billing_profile(Uuid::nil(), &profile)
        .await
        .unwrap_err()
        .into_error();
    assert!(
        matches!(&err, Error::InvalidInput { message, .. } if message.contains("If-Match")),
        "{err:?}"
    );
    assert_eq!(server.received().len(), 1, "nothing sent without an ETag");
    client
        .update_customer_billing_profile(Uuid::nil(), &profile)
        .if_match("W/\"given\"")
        .await
        .unwrap();
    assert_eq!(
        server.received()[1].header("if-match"),
        Some("\"W/\"given\"\"")
    );
}

#[tokio::test]
async fn a_body_is_sent_once_serialized_and_resent_unchanged_on_retry() {
    let created = documented_body("create-user-accounts-for-a-customer.md");
    let server = TestServer::start_with(vec![
        Reply::json(
            503,
            r#"{"code": 503, "description": "Busy.", "data": [], "source": "PartnerFD"}"#,
        ),
        Reply::json(200, &created.to_string()),
    ])
    .await;
    let client = server
        .client()
        .retry(RetryPolicy::default().base_delay(std::time::Duration::from_millis(1)))
        .build()
        .unwrap();
    let user = CustomerUser::new().with_user_principal_name("userid@domain.onmicrosoft.com");
    let made = client
        .create_customer_user(Uuid::nil(), &user)
        .await
        .unwrap();
    assert_eq!(
        made.id.map(|id| id.to_string()).as_deref(),
        created["id"].as_str()
    );
    let got = server.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].body, got[1].body, "the same bytes on the retry");
    assert_eq!(got[0].header("ms-requestid"), got[1].header("ms-requestid"));
    let sent: Value = serde_json::from_slice(&got[0].body).unwrap();
    assert_eq!(
        sent,
        json!({"userPrincipalName": "userid@domain.onmicrosoft.com", "attributes": {"objectType": "CustomerUser"}}),
        "unset properties are left out"
    );
}

#[tokio::test]
async fn answers_the_pages_never_show_still_decode() {
    let mut user = documented_body("get-a-user-account-by-id.md");
    user["state"] = json!("suspended");
    user["userDomainType"] = json!("MANAGED");
    user["aPropertyFromTomorrow"] = json!({"nested": [1, 2]});
    user["lastDirectorySyncTime"] = json!("2017-05-30T00:00:00");
    user["softDeletionTime"] = json!("2017-05-30T00:00:00.1234567+02:00");
    let server = TestServer::start(Reply::json(200, &user.to_string())).await;
    let client = server.client().build().unwrap();
    let got = client
        .get_customer_user(Uuid::nil(), Uuid::nil())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got.state, Some(UserState::Other("suspended".into())));
    assert_eq!(got.state.as_ref().unwrap().as_str(), "suspended");
    // Documented values compare without regard to case, as the service reads them.
    assert_eq!(
        got.user_domain_type,
        Some(partner_center::UserDomainType::Managed)
    );
    let synced = got.last_directory_sync_time.clone().unwrap();
    assert_eq!(
        (synced.offset_minutes(), synced.unix_timestamp()),
        (None, 1_496_102_400)
    );
    let deleted = got.soft_deletion_time.clone().unwrap();
    assert_eq!(deleted.unix_timestamp(), 1_496_102_400 - 7200);
    assert_eq!(deleted.nanosecond(), 123_456_700);
    // And the value goes back as it came.
    let back = serde_json::to_value(&got).unwrap();
    assert_eq!(back["state"], "suspended");
    assert_eq!(back["lastDirectorySyncTime"], "2017-05-30T00:00:00");
}

/// The models' readers (generated, not derived): what they keep, pass over
/// and refuse, and how they say so.
#[test]
fn models_read_json_as_documented_and_say_what_is_missing() {
    use partner_center::{Customer, ResourceCollection};
    let read = |text: &str| serde_json::from_str::<Customer>(text);
    let minimal = r#"{"id": "00000000-0000-0000-0000-0000000000c1", "companyProfile": {"tenantId": "00000000-0000-0000-0000-0000000000d1", "domain": "d.example", "attributes": {"objectType": "CustomerCompanyProfile"}}, "relationshipToPartner": "reseller", "attributes": {"objectType": "Customer"}}"#;
    let customer = read(minimal).unwrap();
    let c1 = Uuid::from_u128(0xc1);
    assert_eq!(customer.id, c1);
    assert_eq!(customer.company_profile.domain, "d.example");
    assert_eq!(customer.commerce_id, None);

    // Unknown keys, however nested, are passed over; null is no value.
    let mut value: serde_json::Value = serde_json::from_str(minimal).unwrap();
    value["unknown"] = json!({"deep": [1, {"x": null}]});
    value["commerceId"] = json!(null);
    let customer = read(&value.to_string()).unwrap();
    assert_eq!(customer.commerce_id, None);

    // A repeated key: the last value.
    let repeated = minimal.replacen(r#""id": "00000000-0000-0000-0000-0000000000c1""#, r#""id": "00000000-0000-0000-0000-0000000000c0", "id": "00000000-0000-0000-0000-0000000000c1""#, 1);
    assert_eq!(read(&repeated).unwrap().id, c1);

    // A required property missing, or of another type, or not an object.
    let missing = minimal.replacen(r#""id": "00000000-0000-0000-0000-0000000000c1", "#, "", 1);
    let error = read(&missing).unwrap_err().to_string();
    assert!(error.contains("missing field `id`"), "{error}");
    let error = read(&minimal.replacen(r#""00000000-0000-0000-0000-0000000000c1""#, "7", 1))
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid type: integer `7`"), "{error}");
    // A GUID property (the customer's id) that is not a GUID.
    let error = read(&minimal.replacen("00000000-0000-0000-0000-0000000000c1", "c1", 1))
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid"), "{{error}}");
    let error = read("[1, 2]").unwrap_err().to_string();
    assert!(error.contains("expected a Customer object"), "{error}");

    // The generic envelope reads its items with their own reader.
    let page = format!(
        r#"{{"totalCount": 1, "items": [{minimal}], "attributes": {{"objectType": "Collection"}}}}"#
    );
    let page: ResourceCollection<Customer> = serde_json::from_str(&page).unwrap();
    assert_eq!(page.items[0].id, c1);
    assert!(page.links.is_none());
}
