//! Models that are one of several, chosen by a field of the body, as a user
//! of the crate meets them: an entitlement's artifacts, each of the kind its
//! `artifactType` names, and the details an artifact's link answers, of the
//! kind their `type` names; against the crate's own test server.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{Artifact, ArtifactDetails, Error, ListEntitlementsError, TestServer, Uuid};

const CUSTOMER: &str = "18ac2950-8ea9-4dfc-92a4-ff4d4cd57796";

fn customer() -> Uuid {
    CUSTOMER.parse().unwrap()
}

/// A page of one entitlement with these artifacts, as the service sends it.
fn entitlements_with(artifacts: &str) -> String {
    format!(
        r#"{{
  "totalCount": 1,
  "items": [{{
    "includedEntitlements": [],
    "referenceOrder": {{"id": "KaJ8XvkKc_GoNZOUyjVaRJalTBN5MWdV1", "lineItemId": "0"}},
    "productId": "DZH318Z0BQ3W",
    "quantity": 1,
    "entitledArtifacts": {artifacts},
    "skuId": "007J",
    "entitlementType": "reservedinstance"
  }}],
  "attributes": {{"objectType": "Collection"}}
}}"#
    )
}

/// A link of an artifact, as the page's example writes it.
fn link(kind: &str) -> String {
    format!(
        r#"{{"uri": "/customers/{CUSTOMER}/artifacts/{kind}/groups/2caf524395724e638ef64e109f1f79ca/lineitems/03500b1b-f2d6-4e23-ab4b-9fd67b917012/resource/ebf2e74b-630e-4a09-857d-a1f6c6351336", "method": "GET", "headers": []}}"#
    )
}

#[tokio::test]
async fn the_documented_entitlements_give_a_reserved_instance_artifact() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // Out of the box, the page's first example (whose missing comma the
    // server mends, as the spec records).
    let page = client.list_entitlements(customer()).await.unwrap();
    let reserved = &page.items[0];
    assert_eq!(reserved.entitlement_type, "reservedinstance");
    let Artifact::ReservedInstanceArtifact(artifact) = &reserved.entitled_artifacts[0] else {
        panic!("{:?}", reserved.entitled_artifacts)
    };
    assert_eq!(artifact.artifact_type, "reservedinstance");
    assert_eq!(artifact.resource_id, "ebf2e74b-630e-4a09-857d-a1f6c6351336");
    assert!(artifact.link.uri.contains("/artifacts/reservedinstance/"));
    // The example writes the dynamic attributes on the entitlement.
    let attributes = reserved.dynamic_attributes.as_ref().unwrap();
    assert_eq!(
        attributes["reservationType"].as_str(),
        Some("virtualmachines")
    );
    // Software entitlements have no artifacts, and include others.
    let software = &page.items[1];
    assert!(software.entitled_artifacts.is_empty());
    assert_eq!(software.included_entitlements.len(), 2);
}

#[tokio::test]
async fn artifacts_decode_into_their_variants_by_artifact_type() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let artifacts = format!(
        r#"[
      {{"artifactType": "reservedinstance", "link": {ri}, "resourceId": "ri-1",
        "dynamicAttributes": {{"reservationType": "sqldatabases"}}}},
      {{"artifactType": "virtual_machine_reserved_instance", "link": {vm}, "resourceId": "vm-1"}},
      {{"artifactType": "ReservedInstance", "link": {ri}, "resourceId": "ri-2"}},
      {{"artifactType": "software_key", "key": "ABCDE-12345", "uses": 3}}
    ]"#,
        ri = link("reservedinstance"),
        vm = link("virtualmachinereservedinstance"),
    );
    server
        .list_entitlements()
        .answer(200, &[], entitlements_with(&artifacts));
    let page = client.list_entitlements(customer()).await.unwrap();
    let found = &page.items[0].entitled_artifacts;
    assert_eq!(found.len(), 4);

    let Artifact::ReservedInstanceArtifact(first) = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(first.resource_id, "ri-1");
    // What the base Artifact has, every variant has.
    let kind = first.dynamic_attributes.as_ref().unwrap()["reservationType"].clone();
    assert_eq!(kind.as_str(), Some("sqldatabases"));

    let Artifact::VirtualMachineReservedInstanceArtifact(vm) = &found[1] else {
        panic!("{found:?}")
    };
    assert_eq!(vm.resource_id, "vm-1");
    assert!(vm.dynamic_attributes.is_none());

    // The kind is read without regard to case, as the SDK writes it.
    assert!(
        matches!(&found[2], Artifact::ReservedInstanceArtifact(a) if a.resource_id == "ri-2"),
        "{found:?}"
    );

    // A kind the documents do not list is kept, never an error.
    let Artifact::Other(other) = &found[3] else {
        panic!("{found:?}")
    };
    assert_eq!(
        other.get("artifactType").unwrap().as_str(),
        Some("software_key")
    );
    assert_eq!(other.get("uses").unwrap().as_i64(), Some(3));
}

#[tokio::test]
async fn a_documented_artifact_that_does_not_decode_is_an_error() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    // A reserved instance without its link: not the documented shape.
    let artifacts = r#"[{"artifactType": "reservedinstance", "resourceId": "ri-1"}]"#;
    server
        .list_entitlements()
        .answer(200, &[], entitlements_with(artifacts));
    let failed = client.list_entitlements(customer()).await.unwrap_err();
    let ListEntitlementsError::Other(Error::Decode { source, .. }) = &failed else {
        panic!("{failed:?}")
    };
    assert!(source.to_string().contains("link"), "{source}");
}

#[tokio::test]
async fn an_artifact_s_link_gives_its_details_of_the_kind_their_type_names() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let page = client.list_entitlements(customer()).await.unwrap();
    let Artifact::ReservedInstanceArtifact(artifact) = &page.items[0].entitled_artifacts[0] else {
        panic!("{page:?}")
    };
    // The link's URI names the call: /customers/{customer}/artifacts/{type}
    // /groups/{group}/lineitems/{line item}/resource/{resource}.
    let parts: Vec<&str> = artifact.link.uri.split('/').collect();
    let (kind, group, line_item, resource) = (parts[4], parts[6], parts[8], parts[10]);

    // Out of the box, the page's first details: a virtual machine's.
    let details = client
        .get_artifact_details(customer(), kind, group, line_item, resource)
        .await
        .unwrap();
    let ArtifactDetails::VirtualMachineReservedInstanceArtifactDetails(vm) = &*details else {
        panic!("{details:?}")
    };
    assert_eq!(vm.artifact_type, "virtual_machine_reserved_instance");
    let reservation = &vm.virtual_machine_reservations[0];
    assert_eq!(reservation.scope_type, "Shared");
    assert_eq!(reservation.quantity, 1);

    // The SDK v1.9 details, of type reservedinstance; their example names
    // the reservations as the virtual machine's do.
    server.get_artifact_details().answer(
        200,
        &[],
        r#"{"type": "reservedinstance", "virtualMachineReservations": [{"reservationId": "99f320db-c029-4c1b-a157-dad76e4481b6", "scopeType": "Shared", "quantity": 2, "expiryDateTime": "2019-02-23T00:00:00", "effectiveDateTime": "2018-02-23T18:15:24.6724884Z", "provisioningState": "Created"}]}"#,
    );
    let details = client
        .get_artifact_details(customer(), kind, group, line_item, resource)
        .await
        .unwrap();
    let ArtifactDetails::ReservedInstanceArtifactDetails(ri) = &*details else {
        panic!("{details:?}")
    };
    assert!(ri.reservations.is_none());
    assert_eq!(
        ri.virtual_machine_reservations.as_ref().unwrap()[0].quantity,
        2
    );

    let sent = server.requests();
    assert_eq!(
        sent[1].path,
        artifact.link.uri.replacen("/customers", "/v1/customers", 1)
    );
}

#[tokio::test]
async fn entitlements_of_one_type_with_their_expiry_dates() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    client
        .list_entitlements(customer())
        .entitlement_type("software")
        .show_expiry(true)
        .await
        .unwrap();
    let sent = server.requests();
    assert_eq!(sent[0].query_value("entitlementType"), Some("software"));
    assert_eq!(sent[0].query_value("showExpiry"), Some("true"));
}
