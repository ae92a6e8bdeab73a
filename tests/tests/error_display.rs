//! What an error says when shown: a body that does not decode names the
//! field and why (never the value, which may be a secret); a token
//! provider's failure names Entra ID's code (never the provider's words);
//! and an operation whose page documents no failure is still "not found"
//! when the service says 404. Against the crate's test server.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::entra::RefreshTokenCredential;
use partner_center::{Error, GetCustomerError, TestServer, TokenRefusal, Uuid};

const CUSTOMER: &str = "0c39d6d5-c70d-4c55-bc02-f620844f3fd1";
const REQUEST: &str = "11111111-1111-1111-1111-111111111111";
const CORRELATION: &str = "22222222-2222-2222-2222-222222222222";

/// Awaits `get_customer` with the fixed ids, so that the Display is exact.
async fn get_customer(client: &partner_center::Client) -> GetCustomerError {
    client
        .get_customer(CUSTOMER.parse().unwrap())
        .request_id(REQUEST.parse().unwrap())
        .correlation_id(CORRELATION.parse().unwrap())
        .await
        .unwrap_err()
}

#[tokio::test]
async fn a_body_that_does_not_decode_names_the_field_and_why_not_the_value() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // A realistic bad body: the company profile's domain is a number, and
    // a secret sits beside it.
    let body = concat!(
        "{\n",
        "  \"id\": \"0c39d6d5-c70d-4c55-bc02-f620844f3fd1\",\n",
        "  \"companyProfile\": {\"tenantId\": \"0c39d6d5\", \"domain\": 42, \"companyName\": \"s3cret\"},\n",
        "  \"relationshipToPartner\": \"reseller\",\n",
        "  \"attributes\": {\"objectType\": \"Customer\"}\n",
        "}"
    );
    server.get_customer().status(200, body);
    let error = get_customer(&client).await;
    assert_eq!(
        error.to_string(),
        format!(
            "HTTP 200 body does not decode as partner_center::models::customers::Customer: \
             field `companyProfile.domain`: invalid type: integer, expected a string at line 3 column 57 \
             [MS-RequestId {REQUEST}, MS-CorrelationId {CORRELATION}, 1 attempt]"
        )
    );
    let Error::Decode { field, .. } = error.into_error() else {
        panic!("not a decode failure")
    };
    assert_eq!(field.as_deref(), Some("companyProfile.domain"));

    // A missing field, inside an item of a listing; a string's value is
    // not shown either.
    server.get_customer().status(
        200,
        r#"{"id": "0c39d6d5-c70d-4c55-bc02-f620844f3fd1", "companyProfile": {"tenantId": "x", "companyName": "hunter2"},
            "relationshipToPartner": "reseller", "attributes": {}}"#,
    );
    let shown = get_customer(&client).await.to_string();
    assert!(
        shown
            .contains("field `companyProfile.domain`: missing field `domain` at line 1 column 108"),
        "{shown}"
    );
    server.get_customer().status(
        200,
        r#"{"id": "0c39d6d5-c70d-4c55-bc02-f620844f3fd1", "companyProfile": 7, "relationshipToPartner": "hunter2"}"#,
    );
    let shown = get_customer(&client).await.to_string();
    assert!(
        shown.contains("field `companyProfile`: invalid type: integer, expected a CustomerCompanyProfile object"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[tokio::test]
async fn a_token_failure_names_entra_s_code() {
    let server = TestServer::start().await.unwrap();
    let endpoint = server.token_endpoint();
    endpoint.refuse(TokenRefusal::ExpiredRefreshToken);
    let tokens = RefreshTokenCredential::builder(
        "contoso.onmicrosoft.com",
        "00000000-0000-0000-0000-000000000001",
        "refresh-token-of-the-consent",
        |_: &str| Ok(()),
    )
    .client_secret("app-secret-value")
    .authority(endpoint.authority())
    .build()
    .unwrap();
    let client = server.client().token_provider(tokens).build().unwrap();
    let error = get_customer(&client).await;
    assert!(error.is_unauthorized());
    assert_eq!(
        error.to_string(),
        format!(
            "the token provider failed (Entra ID invalid_grant, AADSTS70008) \
             [MS-RequestId {REQUEST}, MS-CorrelationId {CORRELATION}, 0 attempts]"
        )
    );
    assert!(!error.to_string().contains("refresh-token-of-the-consent"));

    // Any provider's error that carries the codes in its words.
    let client = server
        .client()
        .token_provider(|| async {
            Err::<String, partner_center::TokenError>(
                "AADSTS7000215: Invalid client secret provided (invalid_client)".into(),
            )
        })
        .build()
        .unwrap();
    assert_eq!(
        get_customer(&client).await.to_string(),
        format!(
            "the token provider failed (Entra ID invalid_client, AADSTS7000215) \
             [MS-RequestId {REQUEST}, MS-CorrelationId {CORRELATION}, 0 attempts]"
        )
    );
}

#[tokio::test]
async fn an_operation_without_documented_failures_is_not_found_on_a_404() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    assert!(GetCustomerError::DOCUMENTED.is_empty());
    server.get_customer().not_found();
    let error = client.get_customer(Uuid::nil()).await.unwrap_err();
    assert!(error.is_not_found(), "{error}");
    assert!(matches!(error, GetCustomerError::Other(Error::Api(ref e)) if e.status() == 404));
    // Without a script, it answers again.
    client.get_customer(Uuid::nil()).await.unwrap();
}
