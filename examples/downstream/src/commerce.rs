//! The commerce day of a CSP partner's software, as a user of the client
//! writes it today: find an offer in the catalog, buy it through a cart,
//! follow the order until it is provisioned, then manage the subscriptions
//! it made (quantity, suspend, reactivate).

use std::pin::pin;
use std::time::Duration;

use partner_center::{
    Cart, CartLineItem, Client, Order, OrderLineItemProvisioningStatus, Subscription,
    SubscriptionStatus, UpdateSubscriptionResponse, Uuid,
};

/// Any failure of the day: a call's, or an answer the day cannot go on from.
pub type DayError = Box<dyn std::error::Error + Send + Sync>;

/// What the day buys, where, and how long it waits for the order.
#[derive(Debug, Clone, Copy)]
pub struct DayPlan<'a> {
    /// The country, e.g. `US`.
    pub country: &'a str,
    /// The catalog's view, e.g. `OnlineServices`.
    pub target_view: &'a str,
    /// The customers' segment, e.g. `commercial`.
    pub segment: &'a str,
    /// How many licenses the cart asks for first (one more once it is made).
    pub quantity: i64,
    /// The quantity the customer's first subscription is then given.
    pub new_quantity: i64,
    /// How long to wait between two looks at the order's provisioning.
    pub poll_every: Duration,
    /// How many looks at most.
    pub max_polls: u32,
}

/// What the day saw, step by step.
#[derive(Debug)]
pub struct CommerceDay {
    /// The product bought: the first of the catalog's view.
    pub product_id: String,
    /// Its first SKU.
    pub sku_id: String,
    /// The catalog item of the SKU's first availability, as the cart names it.
    pub catalog_item_id: String,
    /// The cart as created.
    pub created_cart: Cart,
    /// The cart after its first line item's quantity changed.
    pub updated_cart: Cart,
    /// The orders the checkout placed.
    pub orders: Vec<Order>,
    /// The first order, read again.
    pub order: Order,
    /// Its line items' provisioning status, as the last poll saw them.
    pub provisioning: Vec<OrderLineItemProvisioningStatus>,
    /// How many times the provisioning status was asked.
    pub polls: u32,
    /// Every subscription of the customer.
    pub subscriptions: Vec<Subscription>,
    /// The first subscription, its quantity changed.
    pub resized: Subscription,
    /// The same, suspended.
    pub suspended: Subscription,
    /// The same, active again.
    pub reactivated: Subscription,
    /// The subscriptions of the first order.
    pub order_subscriptions: Vec<Subscription>,
}

/// Buys the first offer of the plan's catalog view for `customer` through
/// a cart, waits until the order is provisioned, then changes the quantity
/// of the customer's first subscription, suspends it and reactivates it.
pub async fn commerce_day(
    client: &Client,
    customer: Uuid,
    plan: &DayPlan<'_>,
) -> Result<CommerceDay, DayError> {
    let DayPlan {
        country,
        target_view,
        segment,
        quantity,
        new_quantity,
        poll_every,
        max_polls,
    } = *plan;

    // The catalog: a product of the view, its SKU, the SKU's availability.
    let products = client
        .list_products(country, target_view)
        .target_segment(segment)
        .await?;
    let product = products
        .items
        .first()
        .ok_or("the catalog lists no product")?;
    let skus = client
        .list_skus(&product.id, country)
        .target_segment(segment)
        .await?;
    let sku = skus.items.first().ok_or("the product has no SKU")?;
    let availabilities = client
        .list_availabilities(&product.id, &sku.id, country)
        .target_segment(segment)
        .await?;
    let availability = availabilities
        .items
        .first()
        .ok_or("the SKU is not available")?;

    // A cart of one line item, billed as the SKU allows first.
    let billing_cycle = sku
        .supported_billing_cycles
        .first()
        .map_or("monthly", String::as_str);
    let line_item = CartLineItem::new(&availability.catalog_item_id, quantity, billing_cycle);
    let created_cart = client
        .create_cart(customer, &Cart::new(vec![line_item]))
        .await?
        .into_inner();
    // The cart's id is a Uuid, as the calls take it.
    let cart_id = created_cart.id.ok_or("the created cart has no id")?;
    let mut cart = created_cart.clone();
    let first = cart.line_items.first_mut().ok_or("the cart is empty")?;
    first.quantity += 1;
    let updated_cart = client
        .update_cart(customer, cart_id, &cart)
        .await?
        .into_inner();
    let orders = client
        .checkout_cart(customer, cart_id)
        .await?
        .into_inner()
        .orders;

    // The order, and its provisioning until every line item is fulfilled.
    let order_id = orders
        .first()
        .and_then(|order| order.id.clone())
        .ok_or("the checkout placed no order")?;
    let order = client.get_order(customer, &order_id).await?.into_inner();
    let mut polls = 0;
    let provisioning = loop {
        polls += 1;
        let statuses = client
            .get_order_provisioning_status(customer, &order_id)
            .await?
            .into_inner()
            .items;
        // The status is text: "Fulfilled" in the table, "fulfilled" in the example.
        let done = statuses
            .iter()
            .all(|s| s.status.eq_ignore_ascii_case("fulfilled"));
        if done || polls >= max_polls {
            break statuses;
        }
        tokio::time::sleep(poll_every).await;
    };

    // The customer's subscriptions, every page.
    let mut subscriptions = Vec::new();
    let mut listing = pin!(client.list_subscriptions(customer).items());
    while let Some(subscription) = listing.next().await {
        subscriptions.push(subscription?);
    }

    // Quantity, suspend, reactivate: each sends the subscription whole,
    // with the ETag it was read with.
    let mut subscription = subscriptions.first().cloned().ok_or("no subscription")?;
    subscription.quantity = new_quantity;
    let resized = update(client, customer, &subscription).await?;
    let mut subscription = resized.clone();
    subscription.status = SubscriptionStatus::Suspended;
    let suspended = update(client, customer, &subscription).await?;
    let mut subscription = suspended.clone();
    subscription.status = SubscriptionStatus::Active;
    let reactivated = update(client, customer, &subscription).await?;

    // The subscriptions of the order: the query takes a GUID, and order IDs
    // are often not GUIDs; for those, the customer's are filtered here.
    let order_subscriptions = match order_id.parse::<Uuid>() {
        Ok(id) => {
            let mut found = Vec::new();
            let mut listing = pin!(client.list_subscriptions(customer).order_id(id).items());
            while let Some(subscription) = listing.next().await {
                found.push(subscription?);
            }
            found
        }
        Err(_) => subscriptions
            .iter()
            .filter(|s| s.order_id == order_id)
            .cloned()
            .collect(),
    };

    Ok(CommerceDay {
        product_id: product.id.clone(),
        sku_id: sku.id.clone(),
        catalog_item_id: availability.catalog_item_id.clone(),
        created_cart,
        updated_cart,
        orders,
        order,
        provisioning,
        polls,
        subscriptions,
        resized,
        suspended,
        reactivated,
        order_subscriptions,
    })
}

/// Sends `subscription` as changed, with `If-Match` from its ETag; a change
/// the service carries out later (a 202) is read back once.
async fn update(
    client: &Client,
    customer: Uuid,
    subscription: &Subscription,
) -> Result<Subscription, DayError> {
    // The subscription's id is a Uuid, as the calls take it.
    let id = subscription.id;
    let mut call = client.update_subscription(customer, id, subscription);
    // If-Match is not taken from the body: the caller sends it (if any).
    if let Some(etag) = subscription
        .attributes
        .etag
        .as_deref()
        .filter(|e| !e.is_empty())
    {
        call = call.if_match(etag);
    }
    match call.await?.into_inner() {
        UpdateSubscriptionResponse::Updated(updated) => Ok(updated),
        UpdateSubscriptionResponse::Accepted => {
            Ok(client.get_subscription(customer, id).await?.into_inner())
        }
        other => Err(format!("an answer this day does not know: {other:?}").into()),
    }
}
