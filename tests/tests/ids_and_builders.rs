//! Ids and models as a user writes them, against the crate's test server
//! (feature `test-server`): one call's GUID ids are the next call's
//! arguments as they are (no parse), and the models a request sends are
//! built with `new` and `with_` setters, their object type filled in.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{
    Address, Cart, CartLineItem, Customer, CustomerCompanyProfile, CustomerUser, NewCustomer,
    NewCustomerBillingProfile, NewCustomerCompanyProfile, PasswordProfile, RelationshipToPartner,
    TestServer, Uuid,
};
use serde_json::{Value, json};

/// The JSON body of the `n`th request the server received.
fn body(server: &TestServer, n: usize) -> Value {
    serde_json::from_slice(&server.requests()[n].body).unwrap()
}

#[tokio::test]
async fn a_customer_listed_is_got_and_its_subscriptions_listed_by_its_id_as_it_is() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let id = Uuid::new_v4();
    let profile = CustomerCompanyProfile::new(id.to_string(), "contoso.example");
    server.list_customers().items(
        vec![Customer::new(id, profile, RelationshipToPartner::Reseller)],
        10,
    );

    // As a user chains the calls: the id is a Uuid in the answer as in the
    // arguments, with one name (`customer_tenant_id`) in every operation.
    let customers = client.list_customers(10).await.unwrap().into_inner();
    let listed = &customers.items[0];
    let customer = client.get_customer(listed.id).await.unwrap();
    let subscriptions = client.list_subscriptions(listed.id).await.unwrap();
    assert!(!subscriptions.items.is_empty(), "the page's example");
    // The test server answers get_customer with its page's example.
    let _: Uuid = customer.id;

    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/v1/customers".to_string(),
            format!("/v1/customers/{id}"),
            format!("/v1/customers/{id}/subscriptions"),
        ]
    );
}

#[tokio::test]
async fn a_customer_a_cart_and_a_user_are_built_with_new_and_setters() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();

    let address = Address::new("One Microsoft Way", "Redmond", "98052", "US").with_state("WA");
    let billing = NewCustomerBillingProfile::new(
        "billing@contoso.example",
        "en-US",
        "en",
        "Contoso",
        address,
    );
    let company = NewCustomerCompanyProfile::new("contoso.onmicrosoft.com");
    let customer = client
        .create_customer(&NewCustomer::new(billing, company))
        .await
        .unwrap()
        .into_inner();

    let line = CartLineItem::new("DZH318Z0BQ3Q:0001:DZH318XZXVNF", 2, "monthly")
        .with_friendly_name("Office 365");
    let cart = Cart::new(vec![line]).with_partner_on_record_attestation_accepted(true);
    client.create_cart(customer.id, &cart).await.unwrap();

    let user = CustomerUser::new()
        .with_user_principal_name("ada@contoso.onmicrosoft.com")
        .with_display_name("Ada Lovelace")
        .with_usage_location("US")
        .with_password_profile(PasswordProfile::new("Pa55word!", true));
    client
        .create_customer_user(customer.id, &user)
        .await
        .unwrap();

    assert_eq!(
        body(&server, 0),
        json!({
            "billingProfile": {
                "email": "billing@contoso.example",
                "culture": "en-US",
                "language": "en",
                "companyName": "Contoso",
                "defaultAddress": {
                    "addressLine1": "One Microsoft Way",
                    "city": "Redmond",
                    "state": "WA",
                    "postalCode": "98052",
                    "country": "US"
                }
            },
            "companyProfile": {"domain": "contoso.onmicrosoft.com"}
        })
    );
    // An optional property left unset is not sent.
    assert_eq!(
        body(&server, 1),
        json!({
            "lineItems": [{
                "catalogItemId": "DZH318Z0BQ3Q:0001:DZH318XZXVNF",
                "friendlyName": "Office 365",
                "quantity": 2,
                "billingCycle": "monthly"
            }],
            "partnerOnRecordAttestationAccepted": true
        })
    );
    // The user's attributes name its object type, filled in by `new`.
    assert_eq!(
        body(&server, 2),
        json!({
            "usageLocation": "US",
            "userPrincipalName": "ada@contoso.onmicrosoft.com",
            "displayName": "Ada Lovelace",
            "passwordProfile": {"password": "Pa55word!", "forceChangePassword": true},
            "attributes": {"objectType": "CustomerUser"}
        })
    );
    // The created customer's id took the user's path as it is.
    assert_eq!(
        server.requests()[2].path,
        format!("/v1/customers/{}/users", customer.id)
    );
}

#[test]
fn a_model_with_attributes_names_its_object_type() {
    let customer = Customer::new(
        Uuid::nil(),
        CustomerCompanyProfile::new("t", "d.example"),
        RelationshipToPartner::Reseller,
    );
    assert_eq!(customer.attributes.object_type, "Customer");
    assert_eq!(
        customer.company_profile.attributes.object_type,
        "CustomerCompanyProfile"
    );
    assert_eq!(customer.attributes.etag, None);
    // With nothing required but its attributes, a model has a Default.
    assert_eq!(CustomerUser::default(), CustomerUser::new());
    assert_eq!(
        CustomerUser::default().attributes.object_type,
        "CustomerUser"
    );
}
