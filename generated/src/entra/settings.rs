//! The settings both credentials share, and the credential's core they
//! make once checked: the token endpoint of the cloud's authority (or the
//! caller's), for its resource.

use std::time::Duration;

use tokio::sync::Mutex;
use url::Url;

use super::exchange::Endpoint;
use super::{Core, EXCHANGE_TIMEOUT, EntraError, EntraErrorKind, RENEW_BEFORE, Rotate, State};
use crate::token::{Secret, TokenCloud};

/// The settings both credentials share.
pub(super) struct Settings {
    pub(super) cloud: TokenCloud,
    /// The caller's, over the cloud's.
    pub(super) authority: Option<String>,
    pub(super) tenant: String,
    pub(super) client_id: String,
    pub(super) client_secret: Option<Secret>,
    /// The caller's, over the cloud's.
    pub(super) resource: Option<String>,
    pub(super) renew_before: Duration,
    pub(super) timeout: Duration,
}

impl Settings {
    pub(super) fn new(tenant: String, client_id: String) -> Self {
        Settings {
            cloud: TokenCloud::default(),
            authority: None,
            tenant,
            client_id,
            client_secret: None,
            resource: None,
            renew_before: RENEW_BEFORE,
            timeout: EXCHANGE_TIMEOUT,
        }
    }

    pub(super) fn core(
        self,
        refresh: Option<Secret>,
        rotate: Option<Box<Rotate>>,
    ) -> Result<Core, EntraError> {
        let invalid = |why: String| EntraError::new(EntraErrorKind::InvalidConfiguration, why);
        if self.tenant.is_empty() || self.tenant.contains(['/', '?', '#']) {
            return Err(invalid(format!("`{}` is no tenant", self.tenant)));
        }
        let cloud = self.cloud;
        let unstated = |what: &str, setter: &str| {
            invalid(format!(
                "the documents state no {what} for {}: set one with `.{setter}(..)`",
                cloud.name
            ))
        };
        let authority = match self.authority {
            Some(authority) => authority,
            None => cloud
                .authority
                .ok_or_else(|| unstated("Entra ID authority", "authority"))?
                .to_string(),
        };
        let resource = match self.resource {
            Some(resource) => resource,
            None => cloud
                .resource
                .ok_or_else(|| unstated("token resource", "resource"))?
                .to_string(),
        };
        let url = format!(
            "{}/{}/oauth2/token",
            authority.trim_end_matches('/'),
            self.tenant
        );
        let url =
            Url::parse(&url).map_err(|e| invalid(format!("the authority `{authority}`: {e}")))?;
        // The secret and the refresh token go there: https, or plain http
        // to this machine only (a local token endpoint in tests).
        let loopback = match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name == "localhost",
            None => false,
        };
        let secure = url.scheme() == "https" || (url.scheme() == "http" && loopback);
        if !secure || !url.username().is_empty() || url.password().is_some() {
            let why = "is neither https nor plain http to this machine";
            return Err(invalid(format!("the authority `{authority}` {why}")));
        }
        crate::tls::install_ring();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(self.timeout)
            .build()
            .map_err(|e| invalid("the HTTP client".into()).with_source(e))?;
        Ok(Core {
            endpoint: Endpoint {
                http,
                url,
                resource,
                client_id: self.client_id,
                client_secret: self.client_secret,
            },
            renew_before: self.renew_before,
            rotate,
            state: Mutex::new(State {
                access: None,
                refresh,
            }),
        })
    }
}
