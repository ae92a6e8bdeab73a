//! Each cloud's Entra ID authority and token resource are facts of the spec
//! (clouds.yaml, checked against the pages by `cargo codegen docs`): the
//! `entra` builders take them from the chosen cloud, the global one unless
//! told, and refuse a cloud whose documents state none rather than guess.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::Cloud;
use partner_center::entra::{ClientSecretCredential, EntraErrorKind, RefreshTokenCredential};

const TENANT: &str = "contoso.onmicrosoft.com";
const APP: &str = "00000000-0000-0000-0000-000000000001";

#[test]
fn the_documents_state_the_global_authority_and_resource_and_germany_s_authority() {
    let facts: Vec<_> = Cloud::ALL
        .iter()
        .map(|c| (*c, c.authority(), c.token_resource()))
        .collect();
    assert_eq!(
        facts,
        [
            (
                Cloud::Global,
                Some("https://login.microsoftonline.com"),
                Some("https://api.partnercenter.microsoft.com")
            ),
            (Cloud::China, None, None),
            (
                Cloud::Germany,
                Some("https://login.microsoftonline.de"),
                None
            ),
            (Cloud::UsGovernment, None, None),
        ]
    );
}

#[test]
fn a_credential_takes_its_cloud_s_authority_and_resource_the_global_one_by_default() {
    let shown = |builder: partner_center::entra::ClientSecretBuilder| {
        format!("{:?}", builder.build().unwrap())
    };
    let global = format!(
        "{}/{TENANT}/oauth2/token",
        Cloud::Global.authority().unwrap()
    );
    let resource = Cloud::Global.token_resource().unwrap();
    for debug in [
        shown(ClientSecretCredential::builder(TENANT, APP, "s")),
        shown(ClientSecretCredential::builder(TENANT, APP, "s").cloud(Cloud::Global)),
    ] {
        assert!(debug.contains(&global), "{debug}");
        assert!(debug.contains(resource), "{debug}");
    }
    // What the caller sets wins over the cloud's, in any order.
    let germany = shown(
        ClientSecretCredential::builder(TENANT, APP, "s")
            .resource("https://resource.example")
            .cloud(Cloud::Germany),
    );
    assert!(
        germany.contains("https://login.microsoftonline.de/contoso.onmicrosoft.com/oauth2/token"),
        "{germany}"
    );
    assert!(germany.contains("https://resource.example"), "{germany}");
}

#[test]
fn a_cloud_whose_documents_state_no_authority_or_resource_needs_them_set() {
    for cloud in [Cloud::China, Cloud::Germany, Cloud::UsGovernment] {
        let e = RefreshTokenCredential::builder(TENANT, APP, "r", |_: &str| Ok(()))
            .cloud(cloud)
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), EntraErrorKind::InvalidConfiguration);
        let text = e.to_string();
        assert!(text.contains(cloud.name()), "{text}");
        let missing = if cloud.authority().is_none() {
            "no Entra ID authority"
        } else {
            "no token resource"
        };
        assert!(text.contains(missing), "{text}");

        let set = RefreshTokenCredential::builder(TENANT, APP, "r", |_: &str| Ok(()))
            .cloud(cloud)
            .authority("https://login.example")
            .resource("https://resource.example")
            .build();
        assert!(set.is_ok(), "{cloud:?}: {set:?}");
    }
}
