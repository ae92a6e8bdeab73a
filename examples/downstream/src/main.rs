//! A crate outside the workspace that uses the client as a downstream crate
//! would: through its library (`src/lib.rs`) it lists customers page by
//! page, creates a user, renames a billing profile's company (reading it
//! again after a stale ETag), and checks AgreementStatus, against a
//! one-request-per-connection HTTP server on 127.0.0.1 written here by
//! hand. It exits 0 if the client sent and saw what the server expected.
//! `tests/` checks the same library against the client's own test server.

use partner_center::{AgreementStatusError, Client, Cloud, Program, Reseller, Uuid};
use partner_center_downstream::{
    Readiness, add_user, customer_domains, rename_billing_company, reseller_readiness,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Answers `responses` in order, one connection each, and returns the
/// requests it read (head and body).
async fn serve(listener: TcpListener, responses: Vec<String>) -> Vec<String> {
    let mut requests = Vec::new();
    for response in responses {
        let Ok((mut socket, _)) = listener.accept().await else {
            break;
        };
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if request.len() >= end + 4 + length {
                    break;
                }
            }
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        requests.push(String::from_utf8_lossy(&request).into_owned());
        let _ = socket.write_all(response.as_bytes()).await;
    }
    requests
}

fn http_response(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nMS-RequestId: aa04fb9d-c6b6-4754-8a6a-86e00cdd5ccb\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn customers_page(ids: &[&str], next: Option<&str>) -> String {
    let items: Vec<String> = ids
        .iter()
        .map(|id| {
            format!(
                r#"{{"id": "00000000-0000-0000-0000-0000000000{id}", "companyProfile": {{"tenantId": "{id}", "domain": "{id}.example.com", "attributes": {{"objectType": "CustomerCompanyProfile"}}}}, "relationshipToPartner": "reseller", "attributes": {{"objectType": "Customer"}}}}"#
            )
        })
        .collect();
    let next = next.map_or(String::new(), |token| {
        format!(
            r#", "next": {{"uri": "/customers?size=2&seekOperation=Next", "method": "GET", "headers": [{{"key": "MS-ContinuationToken", "value": "{token}"}}]}}"#
        )
    });
    format!(
        r#"{{"totalCount": 3, "items": [{}], "links": {{"self": {{"uri": "/customers?size=2", "method": "GET", "headers": []}}{next}}}, "attributes": {{"objectType": "Collection"}}}}"#,
        items.join(", ")
    )
}

const PROFILE: &str = r#"{"id": "a58ceba5-60ac-48e4-a0bc-2a855811807a", "email": "billing@contoso.example", "culture": "en-US", "language": "en", "companyName": "Contoso", "defaultAddress": {"country": "US", "city": "Redmond", "addressLine1": "One Microsoft Way", "postalCode": "98052"}, "attributes": {"etag": "5920358838484612121", "objectType": "CustomerBillingProfile"}}"#;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let responses = vec![
        http_response("200 OK", &customers_page(&["c1", "c2"], Some("token-2"))),
        http_response("200 OK", &customers_page(&["c3"], None)),
        http_response(
            "201 Created",
            r#"{"id": "4b10bf41-ab11-40e3-8c53-cd67849b50de", "userPrincipalName": "ada@contoso.example", "state": "active", "attributes": {"objectType": "CustomerUser"}}"#,
        ),
        http_response("200 OK", PROFILE),
        http_response(
            "412 Precondition Failed",
            r#"{"code": 412, "description": "The ETag does not match.", "data": [], "source": "PartnerFD"}"#,
        ),
        http_response("200 OK", PROFILE),
        http_response("200 OK", PROFILE),
        http_response("200 OK", r#"{"isAgreementSigned": true}"#),
        http_response(
            "400 Bad Request",
            r#"{"code": 2205, "description": "Partner Center doesn't find any account associated to the Tenant ID 12345678-ACBD-1234-ABCD-123456789ABC", "data": [], "source": "PartnerFD"}"#,
        ),
    ];
    let server = tokio::spawn(serve(listener, responses));

    let client = Client::builder(Cloud::Global)
        .base_url(base_url)
        .allow_http_on_loopback()
        .token("example-token")
        .application("downstream-example")
        .build()?;

    // Every customer, page by page: the client follows links.next.
    let domains = customer_domains(&client, 2).await?;
    assert_eq!(
        domains,
        ["c1.example.com", "c2.example.com", "c3.example.com"]
    );

    // A new user: the properties not set are not sent.
    let customer = Uuid::new_v4();
    let created = add_user(&client, customer, "ada@contoso.example", "Ada").await?;
    assert_eq!(created.state.as_ref().map(|s| s.as_str()), Some("active"));

    // Read, change, write back with the ETag read; read again when stale.
    rename_billing_company(&client, customer, "Contoso Ltd").await?;

    assert_eq!(
        reseller_readiness(&client, 1_234_567).await?,
        Readiness::Ready
    );
    let tenant = "a2898e3a-06ca-454e-a0d0-c73b0ee36bba".parse()?;
    match client
        .agreement_status(Program::Csp, Reseller::TenantId(tenant))
        .await
    {
        Err(AgreementStatusError::TenantIdNotFound(_)) => {}
        other => return Err(format!("expected TenantIdNotFound, got {other:?}").into()),
    }

    let requests = server.await?;
    let lower: Vec<String> = requests.iter().map(|r| r.to_ascii_lowercase()).collect();
    assert!(lower[1].starts_with("get /v1/customers?size=2&seekoperation=next "));
    assert!(lower[1].contains("ms-continuationtoken: token-2"));
    assert!(lower[2].starts_with("post /v1/customers/"));
    assert!(lower[2].ends_with(r#"{"userprincipalname":"ada@contoso.example","displayname":"ada","attributes":{"objecttype":"customeruser"}}"#));
    assert!(lower[4].starts_with("put ") && lower[4].contains("if-match: \"5920358838484612121\""));
    assert!(lower[4].contains(r#""companyname":"contoso ltd""#));
    assert!(lower[5].starts_with("get ") && lower[6].starts_with("put "));
    println!("downstream: listing, user, billing profile and agreement status ok");
    Ok(())
}
