//! An operation the service accepts (202) and carries out later, as a user
//! follows it against the crate's test server (feature `test-server`):
//! uploading devices gives an `Accepted` whose `Location` is the status of
//! the upload, read until it says the upload is done.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::{
    BatchUploadDetails, BatchUploadStatus, Device, Error, GetBatchUploadStatusError, TestServer,
    UploadDevicesError, Uuid,
};

const CUSTOMER: &str = "c7f3c849-129f-4b85-a96d-4f8e88b315a3";

fn devices() -> Vec<Device> {
    ["DummyHash1234", "DummyHash12345"]
        .into_iter()
        .map(|hash| {
            Device::new()
                .with_hardware_hash(hash)
                .with_product_key("00329-00000-0003-AA606")
                .with_serial_number("2R9-ZNP67")
        })
        .collect()
}

/// A batch upload that is still going on.
fn processing() -> String {
    let mut details = BatchUploadDetails::new(
        "0127ed8e-ff72-4983-a3d8-e8d8bd378932".parse().unwrap(),
        BatchUploadStatus::Processing,
        "2017-07-25T10:00:00".parse().unwrap(),
        Vec::new(),
    );
    details.completed_time = None;
    serde_json::to_string(&details).unwrap()
}

#[tokio::test]
async fn an_upload_is_followed_until_it_is_done() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer: Uuid = CUSTOMER.parse().unwrap();

    // Uploading is accepted: the status is where the Location says.
    let accepted = client
        .upload_devices(customer, "Test", &devices())
        .await
        .unwrap();
    assert_eq!(accepted.meta().status(), 202);
    assert_eq!(
        accepted.location(),
        "/customers/c7f3c849-129f-4b85-a96d-4f8e88b315a3/batchJobStatus/16c00110-e79a-433d-aa28-f69dd60df671"
    );

    // Still processing at the first look (come back at once), then the
    // page's example: finished.
    server
        .get_batch_upload_status()
        .answer(200, &[("Retry-After", "0")], processing());
    let done = accepted
        .wait(&client, Duration::from_secs(30))
        .await
        .unwrap();
    assert_eq!(done.status, BatchUploadStatus::Finished);
    assert!(accepted.is_done(&done));
    assert_eq!(done.devices_status[0].error_code.as_deref(), Some("808"));

    let sent = server.take_requests();
    assert_eq!(sent.len(), 3, "the upload, and two looks");
    assert_eq!(sent[0].operation, Some("upload_devices"));
    assert_eq!(
        sent[0].path,
        "/v1/customers/c7f3c849-129f-4b85-a96d-4f8e88b315a3/deviceBatches/Test/devices"
    );
    let body: Vec<Device> = sent[0].body_as().unwrap();
    assert_eq!(body, devices());
    for look in &sent[1..] {
        assert_eq!(look.operation, Some("get_batch_upload_status"));
        assert_eq!(look.method, "GET");
        assert_eq!(look.path, format!("/v1{}", accepted.location()));
        assert!(look.has_token);
    }
    assert_ne!(
        sent[1].header("MS-RequestId"),
        sent[2].header("MS-RequestId"),
        "each look is a call of its own"
    );
}

#[tokio::test]
async fn one_look_tells_how_it_goes() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer: Uuid = CUSTOMER.parse().unwrap();
    let accepted = client
        .upload_devices(customer, "Test", &devices())
        .await
        .unwrap();
    server
        .get_batch_upload_status()
        .answer(200, &[], processing());
    let status = accepted.poll(&client).await.unwrap();
    assert_eq!(status.status, BatchUploadStatus::Processing);
    assert!(!accepted.is_done(&status));
}

#[tokio::test]
async fn waiting_gives_up_after_its_limit() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer: Uuid = CUSTOMER.parse().unwrap();
    let accepted = client
        .upload_devices(customer, "Test", &devices())
        .await
        .unwrap();
    // Always processing; the next look would be after the limit.
    let details: BatchUploadDetails = serde_json::from_str(&processing()).unwrap();
    server.get_batch_upload_status().respond(&details);
    let waited = accepted.wait(&client, Duration::from_secs(1)).await;
    match waited {
        Err(GetBatchUploadStatusError::Other(Error::Timeout { meta, .. })) => {
            assert_eq!(meta.unwrap().status(), 200, "the last look's answer");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 2, "the upload and one look");
}

#[tokio::test]
async fn an_accepted_upload_without_a_location_is_an_error() {
    let server = TestServer::start().await.unwrap();
    let client = server.client().build().unwrap();
    let customer: Uuid = CUSTOMER.parse().unwrap();
    server.upload_devices().answer(202, &[], "");
    let failed = client.upload_devices(customer, "Test", &devices()).await;
    match failed {
        Err(UploadDevicesError::Other(Error::Decode { meta, .. })) => {
            assert_eq!(meta.status(), 202);
        }
        other => panic!("{other:?}"),
    }
}
