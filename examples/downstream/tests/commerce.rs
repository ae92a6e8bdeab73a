//! The commerce day against the client's test server: what it answers comes
//! from the pages' examples, except where a test must say otherwise (below,
//! each with the reason).

use std::time::Duration;

use partner_center::{
    OrderLineItemProvisioningStatus, OrderStatus, QuantityProvisioningStatus, ResourceAttributes,
    ResourceCollection, Subscription, SubscriptionStatus, TestServer, Uuid,
};
use partner_center_downstream::{DayPlan, commerce_day};

const PLAN: DayPlan<'static> = DayPlan {
    country: "US",
    target_view: "OnlineServices",
    segment: "commercial",
    quantity: 1,
    new_quantity: 3,
    poll_every: Duration::from_millis(20),
    max_polls: 5,
};

/// `subscription` as the service would answer it after a change, with a
/// new ETag: JSON for a queued answer (`respond` answers a value from now
/// on, for every call; only raw answers queue one call's).
fn answered(subscription: &Subscription, etag: &str) -> String {
    let mut answer = subscription.clone();
    answer.attributes.etag = Some(etag.into());
    serde_json::to_string(&answer).unwrap()
}

#[tokio::test]
async fn a_commerce_day_from_the_catalog_to_the_subscriptions_of_the_order() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer = Uuid::new_v4();

    // Every change of a subscription would get the first example the
    // server reads among the call's pages: the cancellation's (status
    // deleted; the quantity page shows requests where its responses should
    // be). Each change is answered here as the service would: as sent,
    // with a new ETag.
    let listed = client.list_subscriptions(customer).await.unwrap();
    let mut expected = listed.items[0].clone();
    expected.quantity = PLAN.new_quantity;
    server
        .update_subscription()
        .answer(200, &[], answered(&expected, "etag-2"));
    expected.status = SubscriptionStatus::Suspended;
    server
        .update_subscription()
        .answer(200, &[], answered(&expected, "etag-3"));
    expected.status = SubscriptionStatus::Active;
    server
        .update_subscription()
        .answer(200, &[], answered(&expected, "etag-4"));
    server.take_requests();

    let day = commerce_day(&client, customer, &PLAN).await.unwrap();

    // The catalog: the examples of the products, SKUs and availabilities
    // pages (the products' written as bare JSON).
    assert_eq!(day.product_id, "DZH318Z0BQ3Q");
    assert_eq!(day.sku_id, "0001");
    assert_eq!(day.catalog_item_id, "DZH318Z0BQ3Q:0001:DZH318XZXVNF");
    // The cart (create-a-cart.md, update-a-cart.md) and its checkout.
    let cart_id = "3655b1a0-b1c9-4268-9824-577fdbc4d0be".parse().unwrap();
    assert_eq!(day.created_cart.id, Some(cart_id));
    assert_eq!(day.updated_cart.line_items[0].quantity, 2);
    let order_ids: Vec<_> = day.orders.iter().map(|o| o.id.as_deref()).collect();
    assert_eq!(
        order_ids,
        [
            Some("3c6f2530-1e31-4088-8230-dd1c31a18bce"),
            Some("311qiN8iFwkv-XARWMvXRYAwYKMACVqv1"),
            Some("HVu_cO8Ea7fNRQP4ia1QTpZap-kg_7P71"),
        ]
    );
    // The order as get-an-order-by-id.md shows one, provisioned at once.
    assert_eq!(
        day.order.id.as_deref(),
        Some("YxH1q4KScfvfkJQjgRI8QY1DznnUWZTH1")
    );
    assert_eq!(day.order.status, Some(OrderStatus::Completed));
    assert_eq!(day.polls, 1);
    assert_eq!(day.provisioning[0].status, "fulfilled");
    // The subscriptions (get-all-subscriptions-by-partner.md's example).
    let first = &day.subscriptions[0];
    assert_eq!(first.id.to_string(), "42226ed6-070a-4e0f-b80c-4cdfb3e97aa7");
    assert_eq!(
        (first.quantity, &first.status),
        (5, &SubscriptionStatus::Active)
    );
    assert_eq!(
        (day.resized.quantity, &day.resized.status),
        (3, &SubscriptionStatus::Active)
    );
    assert_eq!(day.suspended.status, SubscriptionStatus::Suspended);
    assert_eq!(day.reactivated.status, SubscriptionStatus::Active);
    assert_eq!(
        day.order_subscriptions[0].order_id,
        "3EDDCAC6-63B2-4C40-B0B6-F47E18301492"
    );

    // What was sent, call by call.
    let sent = server.requests();
    let ops: Vec<_> = sent.iter().map(|r| r.operation.unwrap_or("?")).collect();
    assert_eq!(
        ops,
        [
            "list_products",
            "list_skus",
            "list_availabilities",
            "create_cart",
            "update_cart",
            "checkout_cart",
            "get_order",
            "get_order_provisioning_status",
            "list_subscriptions",
            "update_subscription",
            "update_subscription",
            "update_subscription",
            "list_subscriptions",
        ]
    );
    assert_eq!(sent[0].query_value("targetSegment"), Some("commercial"));
    let created: serde_json::Value = sent[3].body_as().unwrap();
    assert_eq!(
        created["lineItems"][0]["catalogItemId"],
        day.catalog_item_id
    );
    assert_eq!(created["lineItems"][0]["quantity"], 1);
    // The SKU's first supported billing cycle, as its page writes it.
    assert_eq!(created["lineItems"][0]["billingCycle"], "one_time");
    assert!(sent[4].path.ends_with(&format!("/carts/{cart_id}")));
    let updated: serde_json::Value = sent[4].body_as().unwrap();
    assert_eq!(updated["lineItems"][0]["quantity"], 2);
    assert!(
        sent[5]
            .path
            .ends_with(&format!("/carts/{cart_id}/checkout"))
    );
    assert!(
        sent[6]
            .path
            .ends_with("/orders/3c6f2530-1e31-4088-8230-dd1c31a18bce")
    );
    // Each change sends the ETag of the subscription as last answered.
    let etags: Vec<_> = sent[9..12].iter().map(|r| r.header("If-Match")).collect();
    let listed_etag = listed.items[0].attributes.etag.as_deref();
    assert_eq!(etags, [listed_etag, Some("etag-2"), Some("etag-3")]);
    let statuses: Vec<String> = sent[9..12]
        .iter()
        .map(|r| r.body_as::<Subscription>().unwrap().status.to_string())
        .collect();
    assert_eq!(statuses, ["active", "suspended", "active"]);
    assert!(
        sent[9]
            .path
            .ends_with("/subscriptions/42226ed6-070a-4e0f-b80c-4cdfb3e97aa7")
    );
    assert_eq!(
        sent[12].query_value("order_id"),
        Some("3c6f2530-1e31-4088-8230-dd1c31a18bce")
    );
}

#[tokio::test]
async fn the_day_waits_until_the_order_is_provisioned() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // Still being provisioned at the first look; the page's example
    // (fulfilled) at the second.
    let pending = OrderLineItemProvisioningStatus::new(
        0,
        "PrefulfillmentPending",
        vec![QuantityProvisioningStatus::new(1, "PrefulfillmentPending")],
    );
    let collection =
        ResourceCollection::new(1, vec![pending], ResourceAttributes::new("Collection"));
    let json = serde_json::to_string(&collection).unwrap();
    server
        .get_order_provisioning_status()
        .answer(200, &[], json);

    let day = commerce_day(&client, Uuid::new_v4(), &PLAN).await.unwrap();
    assert_eq!(day.polls, 2);
    assert_eq!(day.provisioning[0].status, "fulfilled");
}
