//! What a crate might build on the client, and test against the client's
//! test server (see `tests/`): the domains of every customer, a new user,
//! a billing profile's company renamed (read again when it changed
//! meanwhile), whether an indirect reseller can take orders, and the
//! commerce day (`commerce`): catalog, cart, order, subscriptions; and the
//! month-end reconciliation (`month_end`): invoices, line items, totals,
//! the statement.

pub mod commerce;
pub mod month_end;

pub use commerce::{CommerceDay, DayError, DayPlan, commerce_day};
pub use month_end::{MonthEnd, MonthEndError, month_end};

use std::pin::pin;

use partner_center::{
    AgreementStatusError, Client, CustomerUser, Error, Program, Reseller,
    UpdateCustomerBillingProfileError, Uuid,
};

/// The domain of every customer, over every page of the listing.
pub async fn customer_domains(client: &Client, page_size: i64) -> Result<Vec<String>, Error> {
    let mut customers = pin!(client.list_customers(page_size).items());
    let mut domains = Vec::new();
    while let Some(customer) = customers.next().await {
        domains.push(customer?.company_profile.domain);
    }
    Ok(domains)
}

/// Whether an indirect reseller can take orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// It has signed the Microsoft Partner Agreement.
    Ready,
    /// It has not signed the agreement yet.
    MustSignMpa,
    /// Partner Center has no indirect reseller account for it.
    NotEnrolled,
}

/// Whether the indirect reseller `mpn_id` can take orders: the documented
/// failures that answer the question are answers, not errors.
pub async fn reseller_readiness(client: &Client, mpn_id: i64) -> Result<Readiness, Error> {
    match client
        .agreement_status(Program::Csp, Reseller::MpnId(mpn_id))
        .await
    {
        Ok(status) if status.is_agreement_signed => Ok(Readiness::Ready),
        Ok(_) | Err(AgreementStatusError::MpaNotSigned(_)) => Ok(Readiness::MustSignMpa),
        Err(
            AgreementStatusError::NoResellerAccount(_) | AgreementStatusError::MpnIdNotMigrated(_),
        ) => Ok(Readiness::NotEnrolled),
        Err(other) => Err(other.into()),
    }
}

/// Creates a user account of `customer`; the properties not set are not sent.
pub async fn add_user(
    client: &Client,
    customer: Uuid,
    principal_name: &str,
    display_name: &str,
) -> Result<CustomerUser, Error> {
    let user = CustomerUser::new()
        .with_user_principal_name(principal_name)
        .with_display_name(display_name);
    Ok(client
        .create_customer_user(customer, &user)
        .await?
        .into_inner())
}

/// Sets the company name of `customer`'s billing profile. The update sends
/// the ETag that was read: when the profile changed meanwhile, it is read
/// again and the change made once more.
pub async fn rename_billing_company(
    client: &Client,
    customer: Uuid,
    company: &str,
) -> Result<(), Error> {
    let mut read_again = false;
    loop {
        let mut profile = client
            .get_customer_billing_profile(customer)
            .await?
            .into_inner();
        profile.company_name = company.into();
        match client
            .update_customer_billing_profile(customer, &profile)
            .await
        {
            Ok(_) => return Ok(()),
            Err(UpdateCustomerBillingProfileError::PreconditionFailed(_)) if !read_again => {
                read_again = true;
            }
            Err(other) => return Err(other.into()),
        }
    }
}
